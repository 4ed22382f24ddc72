"""The YAML files in content/ checked against a declarative schema (JSON Schema, with
the jsonschema package), every problem reported as `path:line: key.path: message`.

A schema property may carry a `description`: what the value should be ("a whole number
of questions"); a wrong value is then reported as "expected <description>, got <value>".
Checks a schema cannot express (ids that repeat, a placeholder in a text) stay with the
loader, which reports them the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from generator.errors import ConfigError

# libyaml's safe loader when PyYAML has it (its wheels do): the same data, and the topic
# map of a large site loads in a tenth of the time (0.25 s of a 10,000-question build).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_checked(path: Path, schema: dict[str, Any], more: Callable[[Any], list[str]] | None = None) -> Any:
    """The file's data (None when the file is absent), or one ConfigError naming every
    problem: the schema's, and those `more` finds in the data (its own checks, which must
    cope with data the schema rejected)."""
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from None
    errors = sorted(
        Draft202012Validator(schema).iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
    )
    own = more(data) if more else []
    if errors or own:
        root = yaml.compose(text)  # the nodes' lines, only to say where the problems are
        raise ConfigError("\n".join([_message(path, root, error) for error in errors] + own))
    return data


def where(path: Path, root: yaml.Node | None, keys: Iterable[Any]) -> str:
    """`path:line: key.path` for a place in the file (the line of its value, or of the
    nearest enclosing one that exists)."""
    keys = list(keys)
    return f"{path}:{_line(root, keys)}: {dotted(keys)}"


def place(path: Path, keys: Iterable[Any]) -> str:
    """`where`, reading the file again: for the loaders' own checks, after the schema's."""
    return where(path, yaml.compose(path.read_text(encoding="utf-8")), keys)


def dotted(keys: Iterable[Any]) -> str:
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "(top level)"


def _message(path: Path, root: yaml.Node | None, error: ValidationError) -> str:
    keys = list(error.absolute_path)
    schema, value = error.schema if isinstance(error.schema, dict) else {}, error.instance
    if error.validator == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        return "\n".join(
            f"{path}:{_line(root, [*keys, k])}: {dotted(keys)}: unknown key {k!r}" for k in extra
        )
    if error.validator == "enum":
        return (
            f"{where(path, root, keys)}: {value!r} is not one of {', '.join(map(str, error.validator_value))}"
        )
    if error.validator == "required":
        missing = [k for k in error.validator_value if k not in value]
        return f"{where(path, root, keys)}: missing {', '.join(missing)}"
    if "description" in schema:
        return f"{where(path, root, keys)}: expected {schema['description']}, got {value!r}"
    return f"{where(path, root, keys)}: {error.message}"


def _line(root: yaml.Node | None, keys: list[Any]) -> int:
    node, line = root, 1
    for key in keys:
        if node is None:
            break
        line = node.start_mark.line + 1
        node = _child(node, key)
    return node.start_mark.line + 1 if node is not None else line


def _child(node: yaml.Node, key: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == str(key):
                return v
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None

"""reStructuredText (docutils doctree) into Markdown: the body of `generator.ingest.convert.rst`.

    Frequently asked questions          <- the document title: `# ...`
    ==========================
    1. Why does ``pip`` fail?           <- a section title, numbered or not: `## ...`,
    -------------------------              judged by the readers like any Markdown heading
    Use a venv::                        <- `::` literal blocks and `.. code-block::` -> fenced code
        python3 -m venv .venv
    .. note:: Keep *it* simple.         <- note/warning/tip... -> `> **Note:** ...`
    #. :ref:`sec-install`               <- a list of nothing but references (a hand-written
    #. :ref:`sec-usage`                    table of contents) is left out, like `.. contents::`
    Term that asks?                     <- definition lists -> `**term**` + the definition
       The definition.

Why the doctree and not docutils' HTML: nodes carry source line numbers (the HTML
does not), admonitions stay admonitions (the HTML writer wraps them in `<aside>`,
which HTML readers drop as page furniture), and Markdown is what answers are made
of anyway. `include`, `raw` and file insertion are disabled: a source never reads
other files or injects HTML. Sphinx roles (`:ref:`) keep their text.
"""

from __future__ import annotations

import io
import re

from docutils import nodes
from docutils.core import publish_doctree
from docutils.utils import SystemMessage

from generator.ingest.admonitions import ANSWER_TITLE
from generator.ingest.convert import rst_sphinx  # noqa: F401  (registers Sphinx directives)
from generator.ingest.convert.common import fence
from generator.ingest.convert.rst_inline import inline, table_lines
from generator.model import Line, Location, Problem

MAX_LINE = 20_000  # docutils' own parser, not ours, reads each line: keep its lines short

SETTINGS = {
    "report_level": 5,
    "halt_level": 5,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "syntax_highlight": "none",
    "input_encoding": "unicode",
    "doctitle_xform": True,
    # Lines are cut to MAX_LINE first; docutils' own limit (10,000) would drop the whole document.
    "line_length_limit": MAX_LINE + 1,
}
ADMONITIONS = "attention caution danger error hint important note tip warning seealso".split()
SKIPPED = (nodes.system_message, nodes.comment, nodes.target, nodes.substitution_definition, nodes.raw)
REFERENCE_ROLE = re.compile(r"^:(?:ref|doc|numref|any):`[^`]*`$")


def convert(data: bytes, path: str) -> tuple[list[Line], list[Problem]]:
    text, problems = _cut_long_lines(data.decode("utf-8", errors="replace").replace("\r\n", "\n"), path)
    out = _Writer()
    try:
        tree = publish_doctree(text, settings_overrides={**SETTINGS, "warning_stream": io.StringIO()})
        title = tree.get("title")
        if isinstance(title, str) and title and tree.children and isinstance(tree.children[0], nodes.title):
            out.block(_line(tree.children[0]) - 1, [f"# {inline(tree.children[0])}"])
        out.children(tree, depth=_subtitle(tree, out))
    except RecursionError:
        return [], [
            *problems,
            Problem(Location(path, 1), "reStructuredText nested too deeply to read", "error"),
        ]
    except (SystemMessage, ValueError, AttributeError, IndexError) as exc:
        return [], [
            *problems,
            Problem(Location(path, 1), f"reStructuredText could not be parsed: {exc}", "error"),
        ]
    if not out.lines:  # docutils replaced the document by its errors: say which
        problems += [
            Problem(Location(path, int(m.get("line") or 1)), f"reStructuredText: {m.astext()[:200]}", "error")
            for m in tree.findall(nodes.system_message)
            if m.get("level", 0) >= 3
        ]
    return out.lines, problems


def _subtitle(tree: nodes.document, out: _Writer) -> int:
    """docutils makes the title of a lone first section the document's subtitle and lifts
    that section's own sections one level up: written back as `##` over them."""
    subtitle = next((c for c in tree.children[:2] if isinstance(c, nodes.subtitle)), None)
    if subtitle is None:
        return 1
    out.block(_line(subtitle) - 1, [f"## {inline(subtitle)}"])
    return 2


def _cut_long_lines(text: str, path: str) -> tuple[str, list[Problem]]:
    lines, problems = text.split("\n"), []
    for no, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE:
            message = f"line of {len(line):,} characters cut to its first {MAX_LINE:,}"
            problems.append(Problem(Location(path, no), message))
            lines[no - 1] = line[:MAX_LINE]
    return "\n".join(lines), problems


def _navigation(node: nodes.Node) -> bool:
    """A list of nothing but cross-references, or a section holding only such lists:
    a table of contents written by hand, not content."""
    if isinstance(node, nodes.bullet_list | nodes.enumerated_list):
        return bool(node.children) and all(_reference_item(item) for item in node.children)
    if isinstance(node, nodes.block_quote):  # a nested list indented under an item
        return _reference_item(node)
    if isinstance(node, nodes.section):
        body = [c for c in node.children if not isinstance(c, (nodes.title, *SKIPPED))]
        return bool(body) and all(_navigation(c) for c in body)
    return False


def _reference_item(item: nodes.Node) -> bool:
    parts = (
        [c for c in item.children if not isinstance(c, SKIPPED)] if isinstance(item, nodes.Element) else []
    )
    return bool(parts) and all(
        _navigation(c) or (isinstance(c, nodes.paragraph) and bool(REFERENCE_ROLE.match(c.astext().strip())))
        for c in parts
    )


def _line(node: nodes.Node) -> int:
    """A node's source line; docutils leaves some unset, so ask the first child that knows."""
    for candidate in node.findall(include_self=True):
        line = getattr(candidate, "line", None)
        if line:
            return int(line)
    return 0


class _Writer:
    """Markdown lines, each numbered with the source line of its block."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.last = 1

    def block(self, line: int, texts: list[str]) -> None:
        self.last = max(self.last, line)
        if self.lines:
            self.lines.append(Line(self.last, ""))
        self.lines += [Line(self.last, text) for text in texts]

    def children(self, node: nodes.Element, depth: int) -> None:
        for child in node.children:
            self.node(child, depth)

    def node(self, node: nodes.Node, depth: int) -> None:
        if isinstance(node, SKIPPED) or (isinstance(node, nodes.topic) and "contents" in node["classes"]):
            return
        if _navigation(node):
            return
        if isinstance(node, nodes.title | nodes.subtitle) and isinstance(node.parent, nodes.document):
            return  # written as `#` (and `##`) before the walk
        if isinstance(node, nodes.section):
            title = node.next_node(nodes.title)
            if title is not None:
                self.block(_line(title) - 1, [f"{'#' * min(depth + 1, 6)} {inline(title)}"])
            self.children(node, depth + 1)
        elif isinstance(node, nodes.title):
            return
        elif isinstance(node, nodes.Element):
            self.block(_line(node), markdown(node))


def markdown(node: nodes.Element) -> list[str]:
    """One body element as Markdown lines."""
    if isinstance(node, nodes.paragraph | nodes.rubric):
        text = inline(node)
        return [f"**{text}**" if isinstance(node, nodes.rubric) else text]
    if isinstance(node, nodes.literal_block | nodes.doctest_block):
        classes = [c for c in node.get("classes", []) if c != "code"]
        language = "python" if isinstance(node, nodes.doctest_block) else (classes[0] if classes else "")
        return fence(node.astext(), language)
    if isinstance(node, nodes.math_block):
        return ["$$", *node.astext().split("\n"), "$$"]
    if isinstance(node, nodes.bullet_list | nodes.enumerated_list):
        return _list(node)
    if isinstance(node, nodes.definition_list):
        return _pairs(
            (item.next_node(nodes.term), item.next_node(nodes.definition)) for item in node.children
        )
    if isinstance(node, nodes.field_list):
        return _pairs((field[0], field[1]) for field in node.children if len(field) == 2)
    if isinstance(node, nodes.topic | nodes.sidebar) or _asking_admonition(node):
        return _titled(node)
    if isinstance(node, nodes.Admonition) or node.tagname in ADMONITIONS:
        return _admonition(node)
    if isinstance(node, nodes.block_quote | nodes.line_block):
        return [f"> {line}" if line else ">" for line in _body(node)]
    if isinstance(node, nodes.table):
        return table_lines(node)
    if isinstance(node, nodes.image):
        return [f"![{node.get('alt', '')}]({node.get('uri', '')})"]
    if isinstance(node, nodes.transition):
        return ["---"]
    return _body(node)


def _body(node: nodes.Element) -> list[str]:
    """The blocks inside a container, blank-line separated; inline-only content as one line."""
    if isinstance(node, nodes.line_block):
        return [inline(line) for line in node.findall(nodes.line)]
    blocks = [
        markdown(child)
        for child in node.children
        if isinstance(child, nodes.Element) and not isinstance(child, SKIPPED)
    ]
    if not node.children or not any(isinstance(c, nodes.Body) for c in node.children):
        return [inline(node)] if node.astext().strip() else []
    out: list[str] = []
    for lines in blocks:
        out += ([""] if out and lines else []) + lines
    return out


def _list(node: nodes.Element) -> list[str]:
    out: list[str] = []
    start = int(node.get("start", 1))
    for index, item in enumerate(node.children):
        marker = f"{start + index}. " if isinstance(node, nodes.enumerated_list) else "- "
        body = _body(item) or [""]
        out.append(marker + body[0])
        out += [(" " * len(marker) + line) if line else "" for line in body[1:]]
    return out


def _pairs(pairs: object) -> list[str]:
    out: list[str] = []
    for term, definition in pairs:  # type: ignore[attr-defined]
        if term is None:
            continue
        out += ([""] if out else []) + [f"**{inline(term)}**"]
        body = _body(definition) if definition is not None else []
        out += ([""] + body) if body else []
    return out


def _asking_admonition(node: nodes.Element) -> bool:
    """`.. admonition:: Why does the build need Node?`: a callout titled by a question."""
    title = node.next_node(nodes.title) if isinstance(node, nodes.admonition) else None
    return title is not None and inline(title).rstrip("*_ ").endswith("?")


def _titled(node: nodes.Element) -> list[str]:
    """A block with a title of its own (`.. topic::`, `.. sidebar::`, a callout that asks):
    the title in bold over its content, as an FAQ written with them means a question and
    its answer (and `.. rubric::` is read the same way)."""
    title = node.next_node(nodes.title)
    body = _body(node)
    if title is None:
        return body
    if body and body[0] == inline(title):
        body = body[2:]
    return [f"**{inline(title)}**", *([""] + body if body else [])]


def _admonition(node: nodes.Element) -> list[str]:
    title = node.next_node(nodes.title)
    label = inline(title) if title is not None else node.tagname.capitalize()
    body = _body(node)
    if title is not None and body and body[0] == inline(title):
        body = body[2:]
    colon = "" if label.rstrip("*_ ")[-1:] in ".:?!" else ":"
    first = f"**{label}{colon}** {body[0]}" if body else f"**{label}**"
    if ANSWER_TITLE.match(label):  # `.. admonition:: Answer`: the answer itself, not an aside
        return [first, *body[1:]]
    return [f"> {line}" if line else ">" for line in [first, *body[1:]]]

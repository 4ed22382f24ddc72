"""The shape of each YAML file in content/, as JSON Schema (checked by generator.yamlcheck).

A `description` says what a value should be, in the words an error message uses.
"""

from __future__ import annotations

from typing import Any

TEXT = {"type": "string", "description": "one line of text"}
SCALAR = {"type": ["string", "number", "boolean"], "description": "a value (text, a date or a number)"}
# What sources.yml's `questions:` may force (see config.SourceMeta).
FORCEABLE = (
    "heading",
    *(f"heading-{n}" for n in range(1, 7)),
    "heading-label",
    "bold",
    "list",
    "label",
    "details",
)
IDS = {"type": "array", "items": {"type": "string"}, "description": "a list of question ids"}


def _section(properties: dict[str, Any], description: str) -> dict[str, Any]:
    """An optional mapping (null is the same as absent) with only these keys."""
    return {
        "type": ["object", "null"],
        "description": description,
        "properties": properties,
        "additionalProperties": False,
    }


SETTINGS: dict[str, Any] = {
    "type": ["object", "null"],
    "description": "a mapping of sections (search, site, images, reading)",
    "properties": {
        "search": _section(
            {
                "mode": {"enum": ["material", "pagefind", "auto"]},
                "pagefind_above": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "a whole number of questions",
                },
            },
            "a mapping with 'mode' and 'pagefind_above'",
        ),
        "site": _section(
            {"name": TEXT, "description": TEXT, "heading": TEXT, "intro": TEXT},
            "a mapping with name, description, heading, intro",
        ),
        "images": _section({"remote": {"enum": ["link", "show"]}}, "a mapping with 'remote'"),
        "reading": _section(
            {
                "budget_seconds": {
                    "type": "number",
                    "exclusiveMinimum": 0,
                    "maximum": 86_400,
                    "description": "a number of seconds above 0",
                }
            },
            "a mapping with 'budget_seconds'",
        ),
    },
}

SOURCES: dict[str, Any] = {
    "type": ["object", "null"],
    "description": "a mapping of source id -> {title, description, ...}",
    "additionalProperties": _section(
        {
            "title": TEXT,
            "description": TEXT,
            "questions": {"enum": list(FORCEABLE)},
            "url": SCALAR,
            "retrieved": SCALAR,
            "author": SCALAR,
            "licence": SCALAR,
            "license": SCALAR,
        },
        "a mapping with title/description",
    ),
}

TOPICS: dict[str, Any] = {
    "type": "object",
    "description": "a mapping with a top-level 'topics:' list",
    "required": ["topics"],
    "properties": {
        "topics": {
            "type": "array",
            "minItems": 1,
            "description": "a list of topics",
            "items": {
                "type": "object",
                "description": "a mapping with 'id' and 'title'",
                "required": ["id", "title"],
                "properties": {
                    "id": {"type": "string", "minLength": 1, "description": "a topic id"},
                    "title": TEXT,
                    "description": TEXT,
                    "keywords": {"type": ["array", "null"], "description": "a list of keywords"},
                    "kinds": {"type": ["array", "null"], "items": {"enum": ["open", "mcq", "prompt"]}},
                    "fallback": {"type": "boolean", "description": "true or false"},
                },
            },
        }
    },
}

CURATION: dict[str, Any] = {
    "type": ["object", "null"],
    "description": "a mapping with pin/merge/split/hide",
    "additionalProperties": False,
    "properties": {
        "pin": {
            "type": ["object", "null"],
            "additionalProperties": {"type": "string", "description": "a topic id"},
            "description": "a mapping of question id -> topic id",
        },
        "merge": {
            "type": ["array", "null"],
            "items": {**IDS, "minItems": 2, "description": "a list of two or more question ids"},
        },
        "split": {
            "type": ["array", "null"],
            "items": {**IDS, "minItems": 2, "description": "a list of two or more question ids"},
        },
        "hide": {**IDS, "type": ["array", "null"]},
    },
}

GLOSSARY: dict[str, Any] = {
    "type": "object",
    "description": "a mapping with a top-level 'terms:' list",
    "required": ["terms"],
    "properties": {
        "terms": {
            "type": "array",
            "description": "a list of terms",
            "items": {
                "type": "object",
                "description": "a mapping with term/expansion/definition",
                "required": ["term", "expansion", "definition"],
                "additionalProperties": False,
                "properties": {
                    "term": {"type": "string", "minLength": 1, "description": "the abbreviation"},
                    "expansion": {"type": "string", "minLength": 1, "description": "what it stands for"},
                    "definition": {"type": "string", "minLength": 1, "description": "a sentence or two"},
                    "aliases": {"type": ["array", "null"], "items": {"type": "string"}},
                    "plural": {"type": "boolean", "description": "true or false"},
                },
            },
        }
    },
}

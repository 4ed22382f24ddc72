"""Source readers, one module per format, tried in order.

Each module exposes:
    NAME: str                       -- shown in `check` and in questions.json
    matches(text: str) -> bool      -- cheap sniff of the decoded text; never the file name
    read(doc: Document) -> tuple[list[Draft], list[Problem]]

The first reader whose `matches` is true reads the document. Adding a format
is one module and one entry in READERS. Order matters: specific formats come
before general ones; `prose` accepts anything with question lines.
"""

from __future__ import annotations

from types import ModuleType

from generator.model import Document, Draft, Problem
from generator.readers import (
    html_page,
    labelled,
    markdown_headings,
    numbered,
    outline,
    prose,
    question_list,
)

READERS: tuple[ModuleType, ...] = (
    html_page,
    markdown_headings,
    labelled,
    numbered,
    outline,
    question_list,
    prose,
)


def pick_reader(text: str) -> ModuleType | None:
    for reader in READERS:
        if reader.matches(text):
            return reader
    return None


def read_document(doc: Document) -> tuple[str, list[Draft], list[Problem]]:
    """Read one document with the first matching reader; never raises on bad text."""
    reader = pick_reader(doc.text)
    if reader is None:
        return "", [], [Problem(doc.at(1), "no reader recognises this document; no questions found")]
    drafts, problems = reader.read(doc)
    if not drafts:
        problems = [*problems, Problem(doc.at(1), f"{reader.NAME} reader found no questions")]
    return reader.NAME, drafts, problems

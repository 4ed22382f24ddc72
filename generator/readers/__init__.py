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

import re
from types import ModuleType

from generator.model import Document, Draft, Problem
from generator.readers import (
    aiken,
    gift,
    html_page,
    labelled,
    markdown_headings,
    numbered,
    outline,
    prose,
    question_list,
    quiz_list,
)

READERS: tuple[ModuleType, ...] = (
    # Quiz interchange formats first: their sniffs are strict and their syntax
    # (`{=right ~wrong}`, `ANSWER: B`) would otherwise be read as prose.
    gift,
    aiken,
    quiz_list,
    html_page,
    markdown_headings,
    labelled,
    numbered,
    outline,
    question_list,
    prose,
)


# A line no reader should lose without a word: `Q7. ...` or `7. ...?`.
NUMBERED_QUESTION = re.compile(r"^\s*(?:\*\*)?(?:Q\d+[a-z]?\s*[.):]\s*\S.*|\d+[.)]\s+\S.*\?\W*)$")


def pick_reader(text: str) -> ModuleType | None:
    for reader in READERS:
        if reader.matches(text):
            return reader
    return None


def read_document(doc: Document) -> tuple[str, list[Draft], list[Problem]]:
    """Read one document with the first matching reader; never raises on bad text."""
    reader = pick_reader(doc.text)
    if reader is None:
        problems = [Problem(doc.at(1), "no reader recognises this document; no questions found")]
        return "", [], problems + unread_numbered_questions(doc, [], problems)
    drafts, problems = reader.read(doc)
    if not drafts:
        problems = [*problems, Problem(doc.at(1), f"{reader.NAME} reader found no questions")]
    return reader.NAME, drafts, problems + unread_numbered_questions(doc, drafts, problems)


def unread_numbered_questions(doc: Document, drafts: list[Draft], problems: list[Problem]) -> list[Problem]:
    """Numbered question lines that became neither a question nor a reported problem."""
    seen = {d.location.line for d in drafts} | {p.location.line for p in problems}
    return [
        Problem(
            doc.at(line.no),
            f"looks like a numbered question but was not read as one: {line.text.strip()[:60]!r}",
        )
        for line in doc.lines
        if line.no not in seen and NUMBERED_QUESTION.match(line.text)
    ]

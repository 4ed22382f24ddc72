"""Converter: question records in JSON or JSON Lines (quiz exports, flashcard decks, dataset
dumps) into Markdown (`generator.ingest.convert.records`).

    [{"question": "…", "answer": "…"}, …]                  <- an array of records
    {"title": "Quiz", "questions": [{"q": "…", …}, …]}     <- or one inside an object (3 levels deep)
    {"prompt": "…", "response": "…"}                       <- JSON Lines: a record a line

Each record keeps the line it starts on, so `check` points into the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from generator.ingest.convert import records
from generator.ingest.decode import decode
from generator.model import Line, Location, Problem

NAME = "json"
MAX_DEPTH = 3  # {"quiz": {"section": {"questions": [...]}}}: how deep records are looked for
QUESTION_FIELD = re.compile(rb'"(?:question|question_?text|q|prompt|front|query|instruction)"[ \t]*:', re.I)
BLANKS = re.compile(r"[ \t\n\r]*")
NOT_FOUND = "no question records in this JSON (objects with a field such as `question`, `q` or `prompt`)"


def matches(data: bytes, suffix: str) -> bool:
    """An array or object: a `.json`/`.jsonl` file, or any file whose text names a question field."""
    head = data[:200_000].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith((b"[", b"{")):
        return False
    return suffix in (".json", ".jsonl") or QUESTION_FIELD.search(head) is not None


def convert(data: bytes, path: str) -> tuple[list[Line], list[Problem]]:
    text, problems = decode(data, path)
    try:
        found, line_problems = _records(text, path)
    except (ValueError, RecursionError) as exc:  # json.JSONDecodeError is a ValueError
        where = Location(path, getattr(exc, "lineno", 1))
        return [], [*problems, Problem(where, f"not readable JSON: {exc}", "error")]
    if not found:
        return [], [*problems, *line_problems, Problem(Location(path, 1), NOT_FOUND, "error")]
    lines, record_problems = records.to_markdown(found, path, _title(text))
    return lines, [*problems, *line_problems, *record_problems]


def _records(text: str, path: str) -> tuple[list[tuple[int, Any]], list[Problem]]:
    start = BLANKS.match(text).end()  # type: ignore[union-attr]
    decoder = json.JSONDecoder()
    _, end = decoder.raw_decode(text, start)
    if text[BLANKS.match(text, end).end() :]:  # type: ignore[union-attr]
        return _json_lines(text, path)
    numbered, line, last = [], 1, 0
    for at, value in _find(text, start, 0):  # in the file's order: each stretch is counted once
        line, last = line + text.count("\n", last, at), at
        numbered.append((line, value))
    return numbered, []


def _json_lines(text: str, path: str) -> tuple[list[tuple[int, Any]], list[Problem]]:
    """One record a line; a line that is not JSON is reported, and the others are read."""
    found, problems = [], []
    for no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as exc:
            problems.append(Problem(Location(path, no), f"not a JSON line: {exc}: skipped"))
            continue
        found.append((no, value))
    return (found if any(records.is_record(value) for _, value in found) else []), problems


def _find(text: str, at: int, depth: int) -> list[tuple[int, Any]]:
    """(offset, record) of the first array of records at or inside the value at `at`."""
    if text.startswith("[", at):
        # All of an array that holds records: to_markdown reports the elements that are none.
        elements = list(_elements(text, at))
        return elements if any(records.is_record(value) for _, value in elements) else []
    if not text.startswith("{", at):
        return []
    members = list(_members(text, at))
    for _, offset in members if depth < MAX_DEPTH else []:
        if text.startswith(("[", "{"), offset) and (found := _find(text, offset, depth + 1)):
            return found
    if any(records.key(name) in records.QUESTION_KEYS for name, _ in members):
        return [(at, dict(json.JSONDecoder().raw_decode(text, at)[0]))]  # the object is one record
    return []


def _title(text: str) -> str:
    """The name a top-level object gives its records (`"title": "LLM quiz"`): the page's title."""
    at = _blank(text, 0)
    if not text.startswith("{", at):
        return ""
    for name, offset in _members(text, at):
        if records.key(name) in ("title", "name", "quiz", "deck") and text.startswith('"', offset):
            return str(json.JSONDecoder().raw_decode(text, offset)[0])
    return ""


def _elements(text: str, at: int) -> Iterator[tuple[int, Any]]:
    """Each element of the array opening at text[at], with its offset."""
    decoder = json.JSONDecoder()
    pos = _blank(text, at + 1)
    while not text.startswith("]", pos):
        value, end = decoder.raw_decode(text, pos)
        yield pos, value
        pos = _blank(text, end)
        if text.startswith(",", pos):
            pos = _blank(text, pos + 1)


def _members(text: str, at: int) -> Iterator[tuple[str, int]]:
    """Each member of the object opening at text[at]: its name and its value's offset."""
    decoder = json.JSONDecoder()
    pos = _blank(text, at + 1)
    while text.startswith('"', pos):
        name, end = decoder.raw_decode(text, pos)
        pos = _blank(text, _blank(text, end) + 1)  # past the colon
        _, end = decoder.raw_decode(text, pos)
        yield str(name), pos
        pos = _blank(text, end)
        if text.startswith(",", pos):
            pos = _blank(text, pos + 1)


def _blank(text: str, at: int) -> int:
    return BLANKS.match(text, at).end()  # type: ignore[union-attr]

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
# `\u001b`, `\u0000`, `\u202e` …: what decode.CONTROL and BIDI_OVERRIDE remove, as JSON escapes.
ESCAPED_CONTROL = re.compile(r"(?<!\\)(?:\\\\)*\\u(?:00(?:0[0-8bcef]|1[0-9a-f]|7f)|202[a-e])", re.I)
ESCAPED_REMOVED = "escaped control characters removed (first on this line)"
BLANKS = re.compile(r"[ \t\n\r]*")
NOT_FOUND = "no question records in this JSON (objects with a field such as `question`, `q` or `prompt`)"


def matches(data: bytes, suffix: str) -> bool:
    """A `.json`/`.jsonl` file, or any other whose whole text is JSON naming a question field
    (a Markdown file that opens with `[a link]` and quotes `{"prompt": …}` stays Markdown)."""
    head = data[:200_000].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith((b"[", b"{")):
        return False
    if suffix in (".json", ".jsonl"):
        return True
    if QUESTION_FIELD.search(head) is None:
        return False
    try:
        json.loads(data.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError):
        return False
    return True


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
    escaped = ESCAPED_CONTROL.search(text)  # decoding removed the raw ones; these record_text drops
    if escaped:
        line = text.count("\n", 0, escaped.start()) + 1
        problems.append(
            Problem(Location(path, line), "escaped control characters removed (first on this line)")
        )
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
    """(offset, record) of every record at or inside the value at `at`, in the file's order:
    an object with a question field is one (what it nests is its own business), else the
    records of each array and object it holds, down to MAX_DEPTH."""
    if text.startswith("[", at):
        elements = list(_elements(text, at))
        if any(records.is_record(value) for _, value in elements):
            return elements  # all of them: to_markdown reports those that are no record
        inner = [(o, v) for o, v in elements if isinstance(v, (list, dict))] if depth < MAX_DEPTH else []
        return [found for offset, _ in inner for found in _find(text, offset, depth + 1)]
    if not text.startswith("{", at):
        return []
    members = list(_members(text, at))
    if any(records.key(name) in (*records.QUESTION_KEYS, *records.CHAT_KEYS) for name, _ in members):
        return [(at, dict(json.JSONDecoder().raw_decode(text, at)[0]))]  # the object is one record
    if depth >= MAX_DEPTH:
        return []
    nested = [offset for _, offset in members if text.startswith(("[", "{"), offset)]
    found = [found for offset in nested for found in _find(text, offset, depth + 1)]
    name = _named(text, members) if depth else ""  # the top level's name is the page's title
    return [(at, _in_section(record, name)) for at, record in found] if name else found


def _named(text: str, members: list[tuple[str, int]]) -> str:
    """`{"name": "Statistics", "questions": [...]}`: what a group of records is called."""
    for name, offset in members:
        if records.key(name) in GROUP_NAMES and text.startswith('"', offset):
            return str(json.JSONDecoder().raw_decode(text, offset)[0])
    return ""


def _in_section(record: Any, name: str) -> Any:
    """The record with its group's name as its section, unless it names one of its own."""
    if not isinstance(record, dict) or any(records.key(str(k)) in records.SECTION_KEYS for k in record):
        return record
    return {**record, "category": name}


GROUP_NAMES = ("name", "title", "category", "topic", "section", "subject", "chapter")


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

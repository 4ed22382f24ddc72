"""Question records (rows of a CSV file, objects of a JSON file) as the Markdown the readers know.

    {"category": "Decoding",                     ## Decoding             <- a section when it changes
     "question": "Which search keeps k beams?",  ### Q1. Which search keeps k beams? [Hard]
     "options": ["Greedy", "Beam", "Top-p"],     - [ ] Greedy             <- a task-list quiz
     "answer": "Beam", "difficulty": "hard",     - [x] Beam
     "explanation": "It keeps the k best."}      - [ ] Top-p
                                                 It keeps the k best.

Fields are found by name, whatever their case and punctuation (`Question`, `question_text`,
`Front`), so quiz exports, flashcard decks and dataset dumps read alike. The correct option
may be named by its letter, its text or its index from 0 (`"answer": 1`); OpenTDB's
`correct_answer` + `incorrect_answers` become options in alphabetical order (the export's
order gives the answer away). Each record opens with its own numbered heading, so every
record is one question whatever its text looks like; a record without a question field is
reported at its line and left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from generator.model import Line, Location, Problem

QUESTION_KEYS = ("question", "questiontext", "q", "prompt", "front", "query", "instruction")
ANSWER_KEYS = ("answer", "a", "back", "response", "solution", "output", "reply", "modelanswer")
OPTION_KEYS = ("options", "choices", "alternatives", "possibleanswers", "answers")
CORRECT_KEYS = (
    "correct",
    "correctanswer",
    "correctoption",
    "correctchoice",
    "rightanswer",
    "answerkey",
    "key",
    "answerindex",
    "correctindex",
)
EXPLANATION_KEYS = ("explanation", "rationale", "reason", "why", "explain", "notes")
SECTION_KEYS = ("category", "topic", "section", "subject", "chapter")
# Columns or fields that each hold one option: `A`..`H`, `option_a`, `choice1`, `opt3`.
OPTION_FIELD = re.compile(r"^(?:option|choice|opt|answer)?([a-h]|[1-8])$")
LETTERS = "ABCDEFGH"
LETTER = re.compile(r"^\(?([A-Ha-h])[.):]?$")
HEADING = re.compile(r"^ {0,3}#{1,6}(?=[ \t]|$)")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CLOSING_HASHES = re.compile(r"[ \t]#+[ \t]*$")
DIFFICULTIES = {"easy": "Easy", "medium": "Medium", "hard": "Hard"}
NO_QUESTION = "record has no question field ({}): skipped"


def key(name: str) -> str:
    """What a field name counts as: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]+", "", name.lower())


def is_record(value: object) -> bool:
    return isinstance(value, dict) and any(key(str(k)) in QUESTION_KEYS for k in value)


def to_markdown(
    records: Iterable[tuple[int, Any]], path: str, title: str = ""
) -> tuple[list[Line], list[Problem]]:
    """(line number, record) pairs -> Markdown lines numbered with their record's line."""
    # The first heading is the document's title, never a section: the file's name when it has none.
    name = title.strip() or PurePosixPath(path).stem.replace("_", " ").replace("-", " ").strip().capitalize()
    lines = [Line(1, f"# {_heading(name)}"), Line(1, "")] if name else []
    problems: list[Problem] = []
    section = None
    for number, (line, raw) in enumerate(records, start=1):
        if not isinstance(raw, dict):
            problems.append(
                Problem(Location(path, line), f"record is not an object but {type(raw).__name__}: skipped")
            )
            continue
        record = {key(str(k)): v for k, v in raw.items() if v not in (None, "", [])}
        question = _text(_first(record, QUESTION_KEYS))
        if not question.strip():
            names = ", ".join(sorted(str(k) for k in raw)[:8]) or "no fields"
            problems.append(Problem(Location(path, line), NO_QUESTION.format(names)))
            continue
        topic = " ".join(_text(_first(record, SECTION_KEYS)).split())
        if topic and topic != section:
            lines += [Line(line, f"## {_heading(topic)}"), Line(line, "")]
            section = topic
        options, correct = _option_texts(record)
        body = [f"### Q{number}. {_heading(question)}{_difficulty(record)}", ""]
        body += _options(options, correct) + _answer(record, len(options) >= 2)
        lines += [Line(line, text) for text in body]
    return lines, problems


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[k] for k in keys if k in record), None)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(f"- {' '.join(_text(item).split())}" for item in value)
    return str(value)


def _heading(text: str) -> str:
    """One line; a run of `#` at its end would close the heading, not be read."""
    line = " ".join(text.split())
    closing = CLOSING_HASHES.search(line)
    return line[: closing.start() + 1] + "\\" + line[closing.start() + 1 :] if closing else line


def _difficulty(record: dict[str, Any]) -> str:
    level = DIFFICULTIES.get(_text(record.get("difficulty") or record.get("level")).strip().lower())
    return f" [{level}]" if level else ""


def _options(options: list[str], correct: set[int]) -> list[str]:
    if len(options) < 2:
        return []
    marks = ["x" if i in correct else " " for i in range(len(options))]
    return [*(f"- [{mark}] {' '.join(text.split())}" for mark, text in zip(marks, options)), ""]


def _option_texts(record: dict[str, Any]) -> tuple[list[str], set[int]]:
    """The options and the indexes of the correct ones."""
    if "incorrectanswers" in record and "correctanswer" in record:  # OpenTDB
        right = _text(record["correctanswer"])
        wrong = record["incorrectanswers"]
        options = [right, *map(_text, wrong if isinstance(wrong, list) else [wrong])]
        options.sort(key=str.casefold)
        return options, {options.index(right)}
    listed = _first(record, OPTION_KEYS)
    if isinstance(listed, list) and len(listed) >= 2:
        options = [_text(item) for item in listed]
    elif isinstance(listed, dict):  # {"A": "Greedy", "B": "Beam"}
        options = [_text(value) for value in listed.values()]
    elif "b" in record or not any(len(k) == 1 for k in record):
        # Fields `a`..`d` are options only with a `b`: `q` and `a` alone are a question and its answer.
        options = [_text(v) for k, v in record.items() if OPTION_FIELD.match(k)]
    else:
        options = []
    named = _first(record, CORRECT_KEYS)
    if named is None and len(options) >= 2:
        named = _first(record, tuple(k for k in ANSWER_KEYS if k != "a"))
    return options, _correct(named, options)


def _correct(named: Any, options: list[str]) -> set[int]:
    out: set[int] = set()
    for value in named if isinstance(named, list) else [named]:
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int):
            out |= {value} if 0 <= value < len(options) else set()
            continue
        text = str(value).strip()
        letter = LETTER.match(text)
        if letter and LETTERS.index(letter.group(1).upper()) < len(options):
            out.add(LETTERS.index(letter.group(1).upper()))
            continue
        out |= {i for i, option in enumerate(options) if option.strip().casefold() == text.casefold()}
    return out


def _answer(record: dict[str, Any], has_options: bool) -> list[str]:
    """An open question's answer, and any record's explanation (an MCQ's answer names its option)."""
    parts = [] if has_options else [_text(_first(record, ANSWER_KEYS))]
    parts.append(_text(_first(record, EXPLANATION_KEYS)))
    out: list[str] = []
    for part in filter(str.strip, parts):
        out += [*_demoted(part.strip().split("\n")), ""]
    return out


def _demoted(lines: list[str]) -> list[str]:
    """Headings inside an answer become bold lines: only a record opens a question."""
    out, fence = [], ""
    for line in lines:
        opened = FENCE.match(line)
        if opened and (not fence or opened.group(1).startswith(fence)):
            fence = "" if fence else opened.group(1)[0] * 3
        elif not fence and HEADING.match(line):
            text = line.strip().lstrip("#").strip()
            line = f"**{text}**" if text else ""
        out.append(line)
    return out

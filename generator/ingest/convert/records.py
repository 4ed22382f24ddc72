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
order gives the answer away). Each record opens with its own question heading (`### Q.`, or
`### Q12.` when the record carries its number), so every record is one question whatever its
text looks like; a record without a question field is
reported at its line and left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from generator.ingest.convert.record_text import block, heading, text
from generator.model import Line, Location, Problem

# "input" last: beside an "instruction" (Alpaca) it is what the instruction works on.
QUESTION_KEYS = ("question", "questiontext", "q", "prompt", "front", "query", "instruction", "input")
# A chat dataset's record (OpenAI's fine-tuning `messages`, ShareGPT's `conversations`): its turns.
CHAT_KEYS = ("messages", "conversations", "conversation")
ROLE_KEYS = ("role", "from", "speaker", "author")
CONTENT_KEYS = ("content", "value", "text", "message")
ASKING = frozenset({"user", "human", "prompter"})
REPLYING = frozenset({"assistant", "gpt", "model", "bot", "chatgpt", "ai"})
MAX_INLINE_INPUT = 200  # an Alpaca input this short and on one line joins the question
ANSWER_KEYS = ("answer", "a", "back", "response", "solution", "output", "reply", "modelanswer", "definition")
OPTION_KEYS = ("options", "choices", "alternatives", "possibleanswers")
# What an option object calls its text and its being right (Kahoot-style `{"answer": …, "correct": true}`).
OPTION_TEXT_KEYS = ("text", "answer", "option", "choice", "label", "value", "title")
OPTION_RIGHT_KEYS = ("correct", "iscorrect", "isanswer", "right")
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
NUMBER_KEYS = ("number", "no", "num", "qno", "questionnumber", "questionno", "id")
SECTION_KEYS = ("category", "topic", "section", "subject", "chapter", "deck")
# Columns or fields that each hold one option: `A`..`H`, `option_a`, `choice1`, `opt3`.
OPTION_FIELD = re.compile(r"^(?:option|choice|opt|answer)?([a-h]|[1-8])$")
LETTERS = "ABCDEFGH"
# "B", "(b)", "B.", "B) Beam", "b. Beam": a letter naming an option.
LETTER = re.compile(r"^\(?([A-Ha-h])(?:\)|[.:])?(?:(?<=[).:])[ \t].*)?$")
DIFFICULTIES = {"easy": "Easy", "medium": "Medium", "hard": "Hard"}
NO_QUESTION = "record has no question field ({}): skipped"
UNMATCHED = "the correct option {!r} names none of the options: kept as the answer's text"
TOO_DEEP = "record nested too deeply to read: skipped"


def key(name: str) -> str:
    """What a field name counts as: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]+", "", name.lower())


def is_record(value: object) -> bool:
    return isinstance(value, dict) and (
        any(key(str(k)) in QUESTION_KEYS for k in value) or chat_pairs(value) is not None
    )


def chat_pairs(value: dict[Any, Any]) -> list[dict[str, Any]] | None:
    """A chat record's questions: each user turn with the assistant turn after it (system
    turns left out), or None for a record that is no chat."""
    turns = next((v for k, v in value.items() if key(str(k)) in CHAT_KEYS and isinstance(v, list)), None)
    if turns is None:
        return None
    pairs: list[dict[str, Any]] = []
    asked = None
    for turn in turns:
        fields = {key(str(k)): v for k, v in turn.items()} if isinstance(turn, dict) else {}
        role, said = str(_first(fields, ROLE_KEYS) or "").lower(), _content(_first(fields, CONTENT_KEYS))
        if role in ASKING:
            asked = said
        elif role in REPLYING and asked is not None:
            pairs.append({"question": asked, "answer": said})
            asked = None
    return pairs


def _content(value: Any) -> Any:
    """A turn's text; OpenAI's list of parts (`[{"type": "text", "text": …}]`) as its text parts."""
    if isinstance(value, list):
        return "\n\n".join(str(p.get("text", "")) for p in value if isinstance(p, dict) and p.get("text"))
    return value


def to_markdown(
    records: Iterable[tuple[int, Any]], path: str, title: str = ""
) -> tuple[list[Line], list[Problem]]:
    """(line number, record) pairs -> Markdown lines numbered with their record's line."""
    # The first heading is the document's title, never a section: the file's name when it has none.
    name = title.strip() or PurePosixPath(path).stem.replace("_", " ").replace("-", " ").strip().capitalize()
    lines = [Line(1, f"# {heading(name)}"), Line(1, "")] if name else []
    problems: list[Problem] = []
    section = None
    for line, raw in _each_record(records):
        where = Location(path, line)
        if not isinstance(raw, dict):
            problems.append(Problem(where, f"record is not an object but {type(raw).__name__}: skipped"))
            continue
        try:
            topic, body, unmatched = _record(raw)
        except RecursionError:
            problems.append(Problem(where, TOO_DEEP))
            continue
        if body is None:
            names = ", ".join(sorted(str(k) for k in raw)[:8]) or "no fields"
            problems.append(Problem(where, NO_QUESTION.format(names)))
            continue
        if unmatched:
            problems.append(Problem(where, UNMATCHED.format(unmatched[:60])))
        if topic and topic != section:
            lines += [Line(line, f"## {heading(topic)}"), Line(line, "")]
            section = topic
        lines += [Line(line, x) for x in body]
    return lines, problems


def _each_record(found: Iterable[tuple[int, Any]]) -> Iterable[tuple[int, Any]]:
    for line, raw in found:
        pairs = chat_pairs(raw) if isinstance(raw, dict) and not _first(raw, QUESTION_KEYS) else None
        yield from ((line, pair) for pair in pairs) if pairs else [(line, raw)]  # none: reported


def _record(raw: dict[Any, Any]) -> tuple[str, list[str] | None, str]:
    """(section, Markdown lines or None without a question, the correct answer no option matched)."""
    record = {key(str(k)): v for k, v in raw.items() if v not in (None, "", [])}
    question = text(_first(record, QUESTION_KEYS))
    if not question.strip():
        return "", None, ""
    given = (
        text(record.get("input")).strip() if "input" in record and question != text(record["input"]) else ""
    )
    if given and len(given) <= MAX_INLINE_INPUT and "\n" not in given:
        question, given = f"{question.rstrip().rstrip('.:')}: {given}", ""
    options, correct, named = _option_texts(record)
    unmatched = named if len(options) >= 2 and not correct and named else ""
    # The record's own number, else `Q.`, a label that numbers nothing: a citation names no
    # number the file does not hold.
    number = str(_first(record, NUMBER_KEYS)).strip()
    label = f"Q{number}." if number.isdigit() and len(number) <= 5 else "Q."
    lines = [f"### {label} {heading(question)}{_difficulty(record)}", ""]
    if given:  # a long input: quoted above the answer
        lines += [*("> " + part if part else ">" for part in block(given)), ""]
    lines += _options(options, correct) + _answer(record, len(options) >= 2, unmatched)
    return " ".join(text(_first(record, SECTION_KEYS)).split()), lines, unmatched


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[k] for k in keys if k in record), None)


def _difficulty(record: dict[str, Any]) -> str:
    level = DIFFICULTIES.get(text(record.get("difficulty") or record.get("level")).strip().lower())
    return f" [{level}]" if level else ""


def _options(options: list[str], correct: set[int]) -> list[str]:
    if len(options) < 2:
        return []
    marks = ["x" if i in correct else " " for i in range(len(options))]
    return [*(f"- [{mark}] {' '.join(option.split())}" for mark, option in zip(marks, options)), ""]


def _option_texts(record: dict[str, Any]) -> tuple[list[str], set[int], str]:
    """The options, the indexes of the correct ones, and how the record named the correct one."""
    if "incorrectanswers" in record and "correctanswer" in record:  # OpenTDB
        right = text(record["correctanswer"])
        wrong = record["incorrectanswers"]
        options = [right, *map(text, wrong if isinstance(wrong, list) else [wrong])]
        options.sort(key=str.casefold)
        return options, {options.index(right)}, right
    listed, answers, named = _first(record, OPTION_KEYS), record.get("answers"), _first(record, CORRECT_KEYS)
    if listed is None and isinstance(answers, list) and named is not None:
        listed = answers  # "answers" with a correct one named are options; alone, accepted answers
    flagged: set[int] = set()
    if isinstance(listed, list) and len(listed) >= 2:
        options = [_option_text(item) for item in listed]
        flagged = {i for i, item in enumerate(listed) if isinstance(item, dict) and _flagged(item)}
    elif isinstance(listed, dict):  # {"A": "Greedy", "B": "Beam"}
        options = [text(value) for value in listed.values()]
    elif "b" in record or not any(len(k) == 1 for k in record):
        # Fields `a`..`d` are options only with a `b`: `q` and `a` alone are a question and its answer.
        options = [text(v) for k, v in record.items() if OPTION_FIELD.match(k)]
    else:
        options = []
    if named is None and len(options) >= 2:
        named = _first(record, tuple(k for k in ANSWER_KEYS if k != "a"))
    said = "" if named is None or isinstance(named, bool) else text(named).strip()
    return options, flagged or _correct(named, options), said


def _option_text(item: Any) -> str:
    if isinstance(item, dict):
        fields = {key(str(k)): v for k, v in item.items()}
        return text(_first(fields, OPTION_TEXT_KEYS) or next(iter(item.values()), ""))
    return text(item)


def _flagged(item: dict[Any, Any]) -> bool:
    fields = {key(str(k)): v for k, v in item.items()}
    return any(fields.get(k) is True or str(fields.get(k)).lower() == "true" for k in OPTION_RIGHT_KEYS)


def _correct(named: Any, options: list[str]) -> set[int]:
    out: set[int] = set()
    for value in named if isinstance(named, list) else [named]:
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int):
            out |= {value} if 0 <= value < len(options) else set()
            continue
        said = str(value).strip()
        letter = LETTER.match(said)
        if letter and LETTERS.index(letter.group(1).upper()) < len(options):
            out.add(LETTERS.index(letter.group(1).upper()))
            continue
        out |= {i for i, option in enumerate(options) if option.strip().casefold() == said.casefold()}
    return out


def _answer(record: dict[str, Any], has_options: bool, unmatched: str) -> list[str]:
    """An open question's answer (an MCQ's only when it names no option), and any explanation."""
    answers = record.get("answers")
    if isinstance(answers, dict):  # SQuAD: {"text": ["Paris"], "answer_start": [0]}
        answers = answers.get("text")
    accepted = " / ".join(map(text, answers)) if isinstance(answers, list) else ""
    said = text(_first(record, ANSWER_KEYS)) or accepted
    parts = [unmatched if has_options else said, text(_first(record, EXPLANATION_KEYS))]
    out: list[str] = []
    for part in filter(str.strip, parts):
        out += [*block(part), ""]
    return out

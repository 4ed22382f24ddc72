"""Reader: quiz lists, `*` a question, `-` a wrong option, `+` the right one.

Accepts, for example:

    ## Sampling                                      <- a section
    * What does top-p sampling keep?                 <- a question
      - The p most likely tokens                     <- a wrong option
      + The smallest set whose probability is >= p   <- the correct option
      - Every token above probability p
      Top-p adapts the set to the distribution.      <- after the options: the explanation
    * Which option is a checkbox quiz?               <- `- [x]` right / `- [ ]` wrong
      - [ ] neither
      - [x] this one

A line between a question and its first option continues the question.
"""

from __future__ import annotations

import re
import string

from generator.model import Choice, Document, Draft, Line, Location, Problem
from generator.readers.common import markdown_heading

NAME = "quiz_list"

QUESTION = re.compile(r"^\s*\*\s+(?!\[[ xX]\]\s)(?P<text>\S.*)$")
OPTION = re.compile(r"^\s*(?:[-*]\s+\[(?P<box>[ xX])\]|(?P<mark>[-+]))\s+(?P<text>\S.*)$")
QUESTION_LINE = re.compile(r"^[ \t]*\*[ \t]+\S", re.M)
RIGHT_LINE = re.compile(r"^[ \t]*(?:\+|[-*][ \t]+\[[xX]\])[ \t]+\S", re.M)
LETTERS = string.ascii_uppercase
SNIFF_LIMIT = 2_000_000


def matches(text: str) -> bool:
    """Most `*` items have options and a right one (`+` or `[x]`)."""
    head = text[:SNIFF_LIMIT]
    right = len(RIGHT_LINE.findall(head))
    if right == 0:
        return False
    drafts, _ = read_lines([Line(no, t) for no, t in enumerate(head.split("\n"), start=1)], "")
    quizzes = sum(1 for d in drafts if d.correct)
    return quizzes >= 1 and quizzes * 2 >= len(QUESTION_LINE.findall(head))


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    return read_lines(list(doc.lines), doc.path)


class _Question:
    def __init__(self, line: Line, text: str, section: str | None) -> None:
        self.line, self.section = line, section
        self.text = [text]
        self.options: list[tuple[Choice, bool]] = []
        self.explanation: list[Line] = []


def read_lines(lines: list[Line], path: str) -> tuple[list[Draft], list[Problem]]:
    drafts: list[Draft] = []
    problems: list[Problem] = []
    section: str | None = None
    current: _Question | None = None
    for line in lines:
        question, option = QUESTION.match(line.text), OPTION.match(line.text)
        heading = markdown_heading(line.text)
        if question or heading is not None:
            _finish(current, path, drafts, problems)
            current = _Question(line, question.group("text"), section) if question else None
            section = section if question else heading or None
        elif current is None:
            continue
        elif option and len(current.options) < len(LETTERS):
            right = option.group("mark") == "+" or option.group("box") in ("x", "X")
            letter = LETTERS[len(current.options)]
            current.options.append((Choice(letter, option.group("text").strip()), right))
        elif current.options:
            current.explanation.append(line)
        elif line.text.strip():
            current.text.append(line.text.strip())
    _finish(current, path, drafts, problems)
    return drafts, problems


def _finish(current: _Question | None, path: str, drafts: list[Draft], problems: list[Problem]) -> None:
    if current is None:
        return
    right = [choice.letter for choice, is_right in current.options if is_right]
    where = _location(path, current.line)
    if current.options and not right:
        problems.append(Problem(where, "quiz question has no `+` (right) option"))
    if len(right) > 1:
        problems.append(Problem(where, f"quiz question marks {len(right)} options right; {right[0]} is kept"))
    drafts.append(
        Draft(
            " ".join(current.text),
            where,
            answer=_dedent(current.explanation),
            section=current.section,
            choices=tuple(choice for choice, _ in current.options),
            correct=right[0] if right else None,
        )
    )


def _dedent(lines: list[Line]) -> tuple[Line, ...]:
    """The explanation out of the list's indentation (four spaces would make it code)."""
    indents = [len(line.text) - len(line.text.lstrip()) for line in lines if line.text.strip()]
    cut = min(indents, default=0)
    return tuple(Line(line.no, line.text[cut:]) for line in lines)


def _location(path: str, line: Line) -> Location:
    return Location(path, line.no)

"""Reader: Moodle's Aiken format, and plain-text quizzes that star the right option.

Accepts, for example:

    What does the temperature of sampling change?    <- the question (may wrap)
    A. The length of the output                      <- options A., B., ... or A), B), ...
    B) How flat the next-token distribution is
    C. The size of the vocabulary
    ANSWER: B                                        <- the correct letter

    12. Which norm does LoRA keep frozen?            <- a number is kept as the label
    a)  Layer norm                                   <- lower-case letters too
    *b) None: it freezes the weights                 <- a star marks the correct option
                                                        (text2qti, Respondus): no ANSWER line

A `#` heading is a section. Lines before a blank line that no option follows
(`Quiz title: ...`) are a preamble, not part of the next question.
"""

from __future__ import annotations

import re
import string

from generator.model import Choice, Document, Draft, Line, Problem
from generator.readers.common import markdown_heading

NAME = "aiken"

# `[ \t]`, not `\s`: with re.M a `\s*` after `^` would run across blank lines from every one.
ANSWER = re.compile(r"^[ \t]*ANSWER[ \t]*:[ \t]*(?P<letter>[A-Za-z])\b[^\w\n]*$", re.I | re.M)
OPTION = re.compile(r"^[ \t]*(?P<star>\*[ \t]*)?\(?(?P<letter>[A-Za-z])[.)][ \t]+(?P<text>\S.*)$", re.M)
STARRED = re.compile(r"^[ \t]*\*[ \t]*\(?[A-Za-z][.)][ \t]+\S", re.M)
NUMBER = re.compile(r"^\s*(?:Q(?:uestion)?\s*)?(?P<n>\d+)[.):]\s+", re.I)
LETTERS = string.ascii_uppercase
SNIFF_LIMIT = 2_000_000


def matches(text: str) -> bool:
    """`ANSWER: X` lines (or starred options) after runs of lettered options, and little else."""
    head = text[:SNIFF_LIMIT]
    answers = len(ANSWER.findall(head)) + len(STARRED.findall(head))
    if answers == 0:
        return False
    options = len(OPTION.findall(head))
    lines = sum(1 for line in head.split("\n") if line.strip())
    return options >= 2 * answers and answers * 12 >= lines


class _Question:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.options: list[Choice] = []
        self.starred: str | None = None

    def takes(self, option: re.Match[str]) -> bool:
        """Whether `option` is this question's next option (A after the text, then B, ...)."""
        expected = LETTERS[len(self.options)] if len(self.options) < len(LETTERS) else "?"
        return bool(self.lines) and option.group("letter").upper() == expected

    def add(self, option: re.Match[str]) -> None:
        letter = option.group("letter").upper()
        self.options.append(Choice(letter, option.group("text").strip()))
        if option.group("star") and self.starred is None:
            self.starred = letter


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    drafts: list[Draft] = []
    problems: list[Problem] = []
    section: str | None = None
    current = _Question()
    for line in doc.lines:
        text = line.text
        answer, option = ANSWER.match(text), OPTION.match(text)
        if not text.strip():
            if current.lines and not current.options:
                current = _Question()  # a preamble: a title, instructions
            continue
        if answer:
            _finish(current, answer.group("letter").upper(), section, doc, drafts, problems, line)
            current = _Question()
        elif option is not None and current.takes(option):
            current.add(option)
        elif current.options:
            if current.starred is None:
                problems.append(Problem(doc.at(current.lines[0].no), "Aiken question has no ANSWER line"))
            _finish(current, current.starred, section, doc, drafts, problems, line)
            current = _Question()
            current.lines.append(line)
        elif (heading := markdown_heading(text)) is not None and not current.lines:
            section = heading or None
        else:
            current.lines.append(line)
    if current.options:
        if current.starred is None:
            problems.append(Problem(doc.at(current.lines[0].no), "Aiken question has no ANSWER line"))
        _finish(current, current.starred, section, doc, drafts, problems, doc.lines[-1])
    elif current.lines:
        problems.append(
            Problem(doc.at(current.lines[0].no), "text after the last ANSWER line is not a question")
        )
    return drafts, problems


def _finish(
    current: _Question,
    letter: str | None,
    section: str | None,
    doc: Document,
    drafts: list[Draft],
    problems: list[Problem],
    line: Line,
) -> None:
    if not current.lines or not current.options:
        problems.append(Problem(doc.at(line.no), "ANSWER line without a question and options before it"))
        return
    first = current.lines[0]
    text = " ".join(" ".join(line.text.split()) for line in current.lines)
    number = NUMBER.match(text)
    letters = {c.letter for c in current.options}
    if letter is not None and letter not in letters:
        problems.append(Problem(doc.at(line.no), f"ANSWER {letter} names no option of this question"))
        letter = None
    drafts.append(
        Draft(
            text[number.end() :] if number else text,
            doc.at(first.no),
            section=section,
            choices=tuple(current.options),
            correct=letter,
            label=number.group("n") if number else None,
        )
    )

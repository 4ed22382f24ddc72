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

Checkbox quizzes whose question is not a `*` item are read too (mkdocs-quiz, quizdown):

    <quiz>                                           <- one question a block
    What does `terraform taint` do?                  <- the question; code after it is the stem
    - [x] Marks a resource for recreation
    - [ ] Deletes the resource
    Tainting forces a replacement.                   <- the explanation
    </quiz>

    Which decoding is deterministic?                 <- a paragraph ending in `?`
    > Hint: no sampling.                             <- a hint: left out
    1. [x] Greedy                                    <- numbered checkboxes too
    1. [ ] Top-p
"""

from __future__ import annotations

import re
import string

from generator.ingest.options import all_marked, several_marked
from generator.ingest.readers.common import markdown_heading
from generator.model import Choice, Document, Draft, Line, Location, Problem

NAME = "quiz_list"

QUESTION = re.compile(r"^\s*\*\s+(?!\[[ xX]\]\s)(?P<text>\S.*)$")
OPTION = re.compile(r"^\s*(?:(?:[-*]|\d{1,3}[.)])\s+\[(?P<box>[ xX])\]|(?P<mark>[-+]))\s+(?P<text>\S.*)$")
QUIZ_OPEN = re.compile(r"^\s*<quiz\b[^>]{0,200}>\s*$", re.I)
QUIZ_CLOSE = re.compile(r"^\s*</quiz>\s*$", re.I)
FENCE = re.compile(r"^\s*(?:```|~~~)")
QUESTION_LINE = re.compile(r"^[ \t]*\*[ \t]+\S", re.M)
RIGHT_LINE = re.compile(r"^[ \t]*(?:\+|[-*][ \t]+\[[xX]\])[ \t]+\S", re.M)
LETTERS = string.ascii_uppercase
SNIFF_LIMIT = 2_000_000


def matches(text: str) -> bool:
    """Most `*` items have options and a right one (`+` or `[x]`), and nearly every run
    of checkboxes with a ticked box is read as a question (a page of `#### Q1.` headings
    over task lists that do not all ask is the Markdown reader's)."""
    head = text[:SNIFF_LIMIT]
    right = len(RIGHT_LINE.findall(head))
    if right == 0:
        return False
    lines = [Line(no, t) for no, t in enumerate(head.split("\n"), start=1)]
    drafts, _ = read_lines(lines, "")
    quizzes = sum(1 for d in drafts if d.correct)
    return (
        quizzes >= 1
        and quizzes * 2 >= len(QUESTION_LINE.findall(head))
        and quizzes * 10 >= _ticked_runs(lines) * 9
    )


def _ticked_runs(lines: list[Line]) -> int:
    """Runs of checkbox options (blank lines and indented notes inside) with a ticked box."""
    runs, in_run, ticked = 0, False, False
    for line in lines:
        option = OPTION.match(line.text)
        if option and option.group("box"):
            in_run, ticked = True, ticked or option.group("box") in "xX"
        elif line.text.strip() and not line.text[:1].isspace() and not line.text.startswith(">"):
            runs += in_run and ticked
            in_run = ticked = False
    return runs + (in_run and ticked)


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    return read_lines(list(doc.lines), doc.path)


class _Question:
    def __init__(self, line: Line, text: str, section: str | None, stem: list[Line] | None = None) -> None:
        self.line, self.section = line, section
        self.text = [text]
        self.stem = stem or []
        self.options: list[tuple[Choice, bool]] = []
        self.explanation: list[Line] = []

    def add(self, option: re.Match[str]) -> None:
        if len(self.options) < len(LETTERS):
            right = option.group("mark") == "+" or option.group("box") in ("x", "X")
            self.options.append((Choice(LETTERS[len(self.options)], option.group("text").strip()), right))


class _Reading:
    """Where the walk is: the open question, and the lines since the last boundary
    (a heading, a `<quiz>` tag, a question's end) that may hold the next question."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.drafts: list[Draft] = []
        self.problems: list[Problem] = []
        self.section: str | None = None
        self.current: _Question | None = None
        self.recent: list[Line] = []
        self.in_quiz = False

    def finish(self) -> None:
        _finish(self.current, self.path, self.drafts, self.problems)
        self.current, self.recent = None, []


def read_lines(lines: list[Line], path: str) -> tuple[list[Draft], list[Problem]]:
    state = _Reading(path)
    for line in lines:
        if QUIZ_OPEN.match(line.text) or QUIZ_CLOSE.match(line.text):
            state.finish()
            state.in_quiz = bool(QUIZ_OPEN.match(line.text))
            continue
        question, option = QUESTION.match(line.text), OPTION.match(line.text)
        heading = markdown_heading(line.text)
        current = state.current
        if question or heading is not None:
            state.finish()
            state.current = _Question(line, question.group("text"), state.section) if question else None
            if heading is not None:
                state.section = heading or None
        elif option and option.group("box") and _takes_new_question(state):
            state.current = _paragraph_question(state)
            if state.current is not None:
                state.current.add(option)
        elif current is None:
            state.recent.append(line)
        elif option:
            current.add(option)
        elif current.options:
            current.explanation.append(line)
        elif line.text.strip():
            current.text.append(line.text.strip())
    state.finish()
    return state.drafts, state.problems


def _takes_new_question(state: _Reading) -> bool:
    """A checkbox option with no `*` question open, or after another question's
    explanation (outside a `<quiz>` block, which holds one question): a new question."""
    current = state.current
    if current is None:
        return True
    if state.in_quiz or not current.options or not current.explanation:
        return False
    # The explanation's last paragraph, if it asks, is the next question.
    start, end = _last_paragraph_span(current.explanation)
    tail = current.explanation[start:end]
    if not tail or not _asks(tail):
        return False
    del current.explanation[start:]
    _finish(current, state.path, state.drafts, state.problems)
    state.current, state.recent = None, tail
    return True


def _paragraph_question(state: _Reading) -> _Question | None:
    """The question a run of checkboxes answers: inside `<quiz>` the block's text (code
    after its first paragraph is the stem); else the last paragraph, if it asks (ends
    in `?`). Hints (`> ...`) are left out. A heading over checkboxes is the Markdown
    reader's: it knows numbered headings and what lies between them."""
    body = [line for line in state.recent if not line.text.lstrip().startswith(">")]
    while body and not body[-1].text.strip():
        body.pop()
    if state.in_quiz:
        first = _first_paragraph(body)
        if not first:
            return None
        text = " ".join(line.text.strip() for line in first)
        stem = body[len(first) :]
        while stem and not stem[0].text.strip():
            stem.pop(0)
        return _Question(first[0], text, state.section, stem)
    last = _last_paragraph(body)
    if last and _asks(last) and not FENCE.match(last[-1].text):
        return _Question(last[0], " ".join(line.text.strip() for line in last), state.section)
    return None


def _first_paragraph(lines: list[Line]) -> list[Line]:
    start = next((i for i, line in enumerate(lines) if line.text.strip()), len(lines))
    end = start
    while end < len(lines) and lines[end].text.strip() and not FENCE.match(lines[end].text):
        end += 1
    return lines[start:end]


def _last_paragraph(lines: list[Line]) -> list[Line]:
    start, end = _last_paragraph_span(lines)
    return lines[start:end]


def _last_paragraph_span(lines: list[Line]) -> tuple[int, int]:
    end = len(lines)
    while end and not lines[end - 1].text.strip():
        end -= 1
    start = end
    while start and lines[start - 1].text.strip():
        start -= 1
    return start, end


def _asks(lines: list[Line]) -> bool:
    return lines[-1].text.rstrip().rstrip("*_ ").endswith("?")


def _finish(current: _Question | None, path: str, drafts: list[Draft], problems: list[Problem]) -> None:
    if current is None:
        return
    if not current.options and not _asks([Line(0, " ".join(current.text))]):
        return  # a `*` bullet without options that does not ask: an instruction, not a question
    right = [choice.letter for choice, is_right in current.options if is_right]
    where = _location(path, current.line)
    if current.options and not right:
        problems.append(Problem(where, "quiz question has no `+` (right) option"))
    if len(right) > 1:
        problems.append(Problem(where, several_marked(right)))
        current.explanation[:0] = [Line(current.line.no, all_marked(right)), Line(current.line.no, "")]
    drafts.append(
        Draft(
            " ".join(current.text),
            where,
            answer=_dedent(current.explanation),
            section=current.section,
            choices=tuple(choice for choice, _ in current.options),
            correct=right[0] if right else None,
            stem=tuple(current.stem),
        )
    )


def _dedent(lines: list[Line]) -> tuple[Line, ...]:
    """The explanation out of the list's indentation (four spaces would make it code)."""
    indents = [len(line.text) - len(line.text.lstrip()) for line in lines if line.text.strip()]
    cut = min(indents, default=0)
    return tuple(Line(line.no, line.text[cut:]) for line in lines)


def _location(path: str, line: Line) -> Location:
    return Location(path, line.no)

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

Course quizzes written the same way are read too:

    ### Question 3                                   <- a heading that only numbers: the label
    A loan needs three reviews. Which gateway        <- the stem, then a blank line
    splits the flow?

    A. Exclusive                                     <- options may be blank-line separated
    B. Parallel, because every review must
       complete                                      <- an indented line continues its option
    Correct Answer: B                                <- `Answer:` / `Correct answer:` too
    Explanation: all three paths run.                <- `Explanation:`, `Feedback:`, `Distractor
                                                        analysis:` ...: the answer text

A `#` heading is a section. Lines before a blank line that no option follows
(`Quiz title: ...`) are a preamble, not part of the next question. Documents that
label their questions (`Question: ...`) are the labelled reader's.
"""

from __future__ import annotations

import dataclasses
import re
import string

from generator.ingest.inline_options import split_inline
from generator.ingest.option_named import letter_named
from generator.ingest.readers.answer_key import split_key
from generator.ingest.readers.common import markdown_heading
from generator.ingest.readers.labelled import question_labels
from generator.model import Choice, Document, Draft, Line, Problem

NAME = "aiken"

# `[ \t]`, not `\s`: with re.M a `\s*` after `^` would run across blank lines from every one.
ANSWER = re.compile(
    r"^[ \t]*(?:correct[ \t]+)?ANSWER[ \t]*:[ \t]*(?:option[ \t]+)?(?P<letter>[A-Za-z])\b[^\w\n]*$",
    re.I | re.M,
)
OPTION = re.compile(
    r"^[ \t]*(?P<star>\*[ \t]*)?\(?(?P<letter>[A-Za-z])(?:\.[ \t]+|\)[ \t]*)(?P<text>\S.*)$", re.M
)
STARRED = re.compile(r"^[ \t]*\*[ \t]*\(?[A-Za-z][.)][ \t]+\S", re.M)
NUMBER = re.compile(r"^\s*(?:Q(?:uestion)?\s*)?(?P<n>\d+)[.):]\s+", re.I)
LABEL_HEADING = re.compile(r"^(?:Q(?:uestion)?\s*)?(?P<n>\d+)[.):]?$", re.I)
EXPLAINED = re.compile(
    r"^[ \t]*(?:\*\*)?(?:explanation|feedback|rationale|reason|solution|distractor[ \t]+analysis)"
    r"(?:\*\*)?[ \t]*:",
    re.I,
)
# A quiz site's fold between the options and the answer (Sanfoundry's "View Answer").
SHOW_ANSWER = re.compile(r"^\W*(?:view|show|reveal|see|check)[ \t]+(?:the[ \t]+)?answer\W*$", re.I)
# `**12. Which …?**`: the bold a line of its own puts around the question and its number.
BOLD_LINE = re.compile(r"^(\*\*|__)(?P<inner>\S(?:.*\S)?)\1$")
BREAK = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$")
TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9]{0,20})")
LETTERS = string.ascii_uppercase
SNIFF_LIMIT = 2_000_000


def matches(text: str) -> bool:
    """`ANSWER: X` lines (or starred options) after runs of lettered options, and little
    else besides their explanations."""
    head = text[:SNIFF_LIMIT]
    lines, key = split_key([Line(no, t) for no, t in enumerate(head.split("\n"), start=1)])
    answers = len(ANSWER.findall(head)) + len(STARRED.findall(head)) + len(key)
    if answers == 0 or question_labels(head) >= 2:  # the labelled reader's
        return False
    options = len(OPTION.findall(head))
    reading = _Reading(Document("", "", ()), key)
    for line in lines:
        reading.take(line)
    body = sum(1 for line in lines if line.text.strip()) - reading.explained
    return options >= 2 * answers and answers * 16 >= body


def plain(text: str) -> str:
    """A tag named in a quiz on HTML (`<h1>`, `<head>`: no closing tag after it) is shown,
    not parsed; `<b>keys</b>` stays markup (our own Aiken export writes options so)."""
    if "<" not in text:
        return text
    tags = list(TAG.finditer(text))
    opened = {m["name"].lower() for m in tags if not m["close"]}
    closed = {m["name"].lower() for m in tags if m["close"]}
    pairs = opened & closed
    out, last = [], 0
    for tag in tags:
        if tag["name"].lower() not in pairs:
            out += [text[last : tag.start()], "&lt;"]
            last = tag.start() + 1
    return "".join(out) + text[last:]


class _Question:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.options: list[Choice] = []
        self.starred: str | None = None
        self.gap = False  # a blank line after the text: options must follow, or it was a preamble
        self.label: str | None = None

    def takes(self, option: re.Match[str]) -> bool:
        """Whether `option` is this question's next option (A after the text, then B, ...)."""
        expected = LETTERS[len(self.options)] if len(self.options) < len(LETTERS) else "?"
        return bool(self.lines) and option.group("letter").upper() == expected

    def add(self, option: re.Match[str]) -> None:
        letter = option.group("letter").upper()
        self.options.append(Choice(letter, plain(option.group("text").strip())))
        if option.group("star") and self.starred is None:
            self.starred = letter

    def extend(self, text: str) -> None:
        last = self.options[-1]
        self.options[-1] = Choice(last.letter, f"{last.text} {plain(text.strip())}")


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    lines, key = split_key(list(doc.lines))
    reading = _Reading(doc, key)
    for line in lines:
        reading.take(line)
    return reading.end()


class _Reading:
    def __init__(self, doc: Document, key: dict[str, str]) -> None:
        self.doc = doc
        self.key = key  # an answer key at the end: question number -> letter
        self.drafts: list[Draft] = []
        self.problems: list[Problem] = []
        self.section: str | None = None
        self.current = _Question()
        self.previous = ""  # the last line's text: an indented one right after an option continues it
        self.explaining = False  # right after an ANSWER line: an explanation may follow
        self.opened = False  # an `Explanation:` label was seen: the lines after it explain
        self.explained = 0  # lines taken as explanations (for the sniff)
        self.explanations: dict[int, list[Line]] = {}  # draft index -> its explanation lines
        self.label: str | None = None

    def take(self, line: Line) -> None:
        text, current = line.text, self.current
        answer, option = ANSWER.match(text), OPTION.match(text)
        previous, self.previous = self.previous, text
        if self.explaining and self._explains(line, previous):
            return
        if not text.strip():
            if current.lines and not current.options:
                current.gap = True
            return
        if current.gap and not current.options and not (option and current.takes(option)):
            self.current = current = _Question()  # a preamble: a title, instructions
        if answer:
            self._finish(answer.group("letter").upper(), line)
            self.explaining, self.opened = True, False
        elif option is not None and current.takes(option):
            current.add(option)
        elif current.options and SHOW_ANSWER.match(text):
            return
        elif current.options and (named := letter_named(text, [o.text for o in current.options])):
            self._finish(named, line)  # `ANSWER: BLEU`: the option named by its text
            self.explaining, self.opened = True, False
        elif current.options and previous.strip() and text[:1] in " \t" and OPTION.match(previous):
            current.extend(text)
            self.previous = previous  # a second wrapped line continues the same option
        elif current.options:
            self._finish(self._unmarked(current), line)
            self.current.lines.append(line)
        elif BREAK.match(text):
            self.current = _Question()
        elif (heading := markdown_heading(text)) is not None and not current.lines:
            number = LABEL_HEADING.match(heading)
            if number:
                self.label = number.group("n")
            else:
                self.section = heading or None
        else:
            current.lines.append(line)

    def _explains(self, line: Line, previous: str) -> bool:
        """Explanation lines after an ANSWER: a labelled paragraph and the blank lines,
        list items and indented lines after it; a plain line after a blank one, a
        number, a heading or a rule ends it."""
        text = line.text
        label = EXPLAINED.match(text)
        if label:
            self.opened = True
            if text[label.end() :].strip():
                self._explain(text[label.end() :].strip(), line)
            return True
        if not text.strip():
            if self.opened:
                self._explain("", line)
            return True
        plain = not text[:1].isspace() and not text.lstrip().startswith(("- ", "* "))
        ends = plain and (
            not previous.strip()
            or NUMBER.match(text)
            or markdown_heading(text) is not None
            or BREAK.match(text)
        )
        if not self.opened or ends or ANSWER.match(text) or OPTION.match(text):
            self.explaining = self.opened = False
            return False
        self._explain(text.rstrip(), line)
        return True

    def _explain(self, text: str, line: Line) -> None:
        if self.drafts:
            self.explained += 1
            self.explanations.setdefault(len(self.drafts) - 1, []).append(Line(line.no, text))

    def end(self) -> tuple[list[Draft], list[Problem]]:
        current = self.current
        if current.options:
            self._finish(self._unmarked(current), self.doc.lines[-1])
        elif current.lines:
            self.problems.append(
                Problem(self.doc.at(current.lines[0].no), "text after the last ANSWER line is not a question")
            )
        self.drafts = [_explained(d, self.explanations.get(i, [])) for i, d in enumerate(self.drafts)]
        return self.drafts, self.problems

    def _unmarked(self, current: _Question) -> str | None:
        """The letter of a question that no ANSWER line follows: starred, or in the key."""
        number = NUMBER.match(current.lines[0].text) if current.lines else None
        label = number.group("n") if number else self.label
        letter = current.starred or (self.key.get(label) if label else None)
        if letter is None:
            where = self.doc.at(current.lines[0].no)
            self.problems.append(Problem(where, "Aiken question has no ANSWER line"))
        return letter

    def _finish(self, letter: str | None, line: Line) -> None:
        current, self.current = self.current, _Question()
        label, self.label = self.label, None
        if current.lines and not current.options:  # "1. Which …? a) BPE b) WordPiece c) …"
            _options_inline(current)
        if not current.lines or not current.options:
            self.problems.append(
                Problem(self.doc.at(line.no), "ANSWER line without a question and options before it")
            )
            return
        first = current.lines[0]
        text = " ".join(" ".join(line.text.split()) for line in current.lines)
        written = text
        text = bold["inner"] if (bold := BOLD_LINE.match(text)) and "**" not in bold["inner"] else text
        number = NUMBER.match(text)
        letters = {c.letter for c in current.options}
        if letter is not None and letter not in letters:
            self.problems.append(
                Problem(self.doc.at(line.no), f"ANSWER {letter} names no option of this question")
            )
            letter = None
        self.drafts.append(
            Draft(
                plain(text[number.end() :] if number else text),
                self.doc.at(first.no),
                section=self.section,
                choices=tuple(current.options),
                correct=letter,
                label=number.group("n") if number else label,
                former_titles=(plain(written),) if text != written else (),  # read with its bold before
            )
        )


def _options_inline(current: _Question) -> None:
    split = split_inline(" ".join(" ".join(line.text.split()) for line in current.lines))
    if split is not None:
        current.lines = [Line(current.lines[0].no, split[0])]
        current.options = [Choice(LETTERS[i], plain(text)) for i, text in enumerate(split[1])]


def _explained(draft: Draft, answer: list[Line]) -> Draft:
    """The explanation lines, blank lines around them trimmed."""
    kept = [i for i, line in enumerate(answer) if line.text.strip()]
    return dataclasses.replace(draft, answer=tuple(answer[kept[0] : kept[-1] + 1]) if kept else ())

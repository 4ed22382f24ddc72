"""Reader: numbered blocks `Q1. …` with answers, and multiple-choice blocks.

Accepts, for example:

    <h3 class="wp-block-heading" id="h-basics">Basics        <- a section, never shown as markup
    Q1. What is a token?
    Ans - A token is a piece of text ...                      <- also `Answer: …`, `-…`, or a bare
    - lists and paragraphs up to the next `Q` line              paragraph; all of it is the answer
    Q4o. What is top-p sampling?                              <- label glitch: read as Q40 (warned)
    Q26.Explain beam search.                                  <- no space after the number
    Q41. Which model is autoregressive?
    A. BERT                                                   <- options A.–D. (or A) …)
    B. GPT-2
    Answer: B. GPT-2                                          <- correct letter; text after it
    Fine-Tuning MCQs                                          <- a title after an MCQ: a section

Two questions with the same number are both kept (and warned about).
"""

from __future__ import annotations

import re

from generator.ingest.readers.common import Closed, add_closed, html_heading, markdown_heading, trim_blank
from generator.ingest.wrapped import join_wrapped
from generator.model import Choice, Document, Draft, Line, Problem

NAME = "numbered"

# Regexes match a line's head; `_question_text` trims the tail. Blanks before an optional
# `**` are possessive (`\s*+`): handing them back one at a time is quadratic on a long run.
QUESTION = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:\*\*)?Q\s?(?P<label>\d+[oOlI]?|\d*[oO])\s*[.):\-–]\s*(?P<text>.*)$"
)
# With re.M, a line start's `\s*` would run on over every blank line after it (quadratic).
SNIFF = re.compile(r"^[^\S\n]*(?:#{1,6}\s*)?(?:\*\*)?Q\s?\d+[oOlI]?\s*[.):\-–]", re.M)
# `Ans -`, `Answer:`, `A1.` (the question's number after the A): a label that says "the answer".
ANSWER_LABEL = (
    r"^\s*(?:\*\*)?(?:Ans(?:wer)?(?:[ \t]*+\d{1,4})?|A\d{1,4}(?=\s*(?:\*\*)?\s*[.:)]))\s*+(?:\*\*)?\s*[-–:.)]"
)
ANSWER_PREFIX = re.compile(ANSWER_LABEL + r"\s*(?:\*\*)?\s*|^\s*-(?=\S)", re.I)
LABELLED_ANSWER = re.compile(ANSWER_LABEL, re.I)
MAX_WRAPPED = 3  # lines a question may wrap over before its labelled answer
OPTION = re.compile(r"^\s*\(?(?P<letter>[A-Da-d])[.)]\s+(?P<text>\S(?:.*\S)?)\s*$")
CORRECT = re.compile(
    # "✅ Answer: B": a check mark or an emoji may come first
    r"^\s*[^\w\s*]{0,4}[ \t]*"
    r"(?:\*\*)?(?:Correct\s+)?(?:Answer|Ans)\s*+(?:\*\*)?\s*[:\-–]\s*+(?:\*\*)?\s*(?:Option\s+)?\(?(?P<letter>[A-Ha-h])\b[.)]?\s*(?P<rest>.*)$",
    re.I,
)
TITLE = re.compile(r"^\s*[A-Z][^.!?:;]{0,100}[^.!?:;\s]\s*$")
DIGIT_LOOKALIKE = str.maketrans("oOlI", "0011")


def matches(text: str) -> bool:
    """A line that starts `Q<number>` with `.`, `)`, `:` or `-` after it (one question is a document too)."""
    return SNIFF.search(text, 0, 2_000_000) is not None


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    drafts: list[Draft] = []
    problems: list[Problem] = []
    section: str | None = None
    head: Line | None = None
    body: list[Line] = []
    for line in doc.lines:
        is_question = QUESTION.match(line.text) is not None
        heading = None if is_question else _heading(line.text)
        if heading is not None or is_question:
            if head is not None:
                closed, section = _close(doc, head, body, section)
                add_closed(drafts, problems, closed)
            head, body = (None, []) if heading is not None else (line, [])
            if heading is not None:
                section = heading or section
        elif head is not None:
            body.append(line)
    if head is not None:
        add_closed(drafts, problems, _close(doc, head, body, section)[0])
    problems += _label_problems(doc, drafts)
    return drafts, problems


def _heading(text: str) -> str | None:
    if "<" not in text and "#" not in text:
        return None
    heading = html_heading(text)
    return heading if heading is not None else markdown_heading(text)


def _close(doc: Document, head: Line, body: list[Line], section: str | None) -> tuple[Closed, str | None]:
    """One block as a Draft and its problems, and the section for the blocks after it."""
    match = QUESTION.match(head.text)
    if match is None:
        return (None, []), section
    label, text = "Q" + match.group("label"), _question_text(match.group("text"))
    body = trim_blank(body)
    if not text and body:
        text, body = body[0].text.strip(), trim_blank(body[1:])
    if not text:
        return (None, [Problem(doc.at(head.no), f"{label} has no question text: skipped")]), section
    problems: list[Problem] = []
    choices, correct, rest, next_section = _mcq(body)
    if choices:
        if correct is None:
            problems.append(
                Problem(doc.at(head.no), f"{label}: multiple choice without an 'Answer: <letter>' line")
            )
        elif correct not in {c.letter for c in choices}:
            problems.append(Problem(doc.at(head.no), f"{label}: answer {correct} is not one of the options"))
            correct = None
        draft = Draft(text, doc.at(head.no), tuple(rest), section, choices, correct, label)
        return (draft, problems), next_section or section
    first, (text, body) = text, _wrapped(text, body)
    answer = _strip_answer_prefix(body)
    if not answer:
        problems.append(Problem(doc.at(head.no), "question has an empty answer"))
    formers = (first,) if text != first else ()  # read as its first line before: an alias
    return (
        Draft(text, doc.at(head.no), tuple(answer), section, label=label, former_titles=formers),
        problems,
    ), section


def _question_text(tail: str) -> str:
    """`What is it? **` -> `What is it?`: a closing `**` (its opening one was in the head) goes;
    so does one right after the label (`**Q1.** Derive …`: the bold held only the label)."""
    text = tail.rstrip()
    if text.endswith("**"):
        return text[:-2].strip()
    return (text[2:] if text.startswith("**") and "**" not in text[2:] else text).strip()


def _explained(rest: str, option: str) -> str:
    """What follows the letter on an answer line (`Answer: B — 15% are masked`), unless it only
    repeats the option (`Answer: B) Cross-attention`)."""
    said = rest.strip().lstrip("-–—:").strip()
    return "" if said.rstrip(".").casefold() in ("", option.rstrip(".").casefold()) else said


def _mcq(body: list[Line]) -> tuple[tuple[Choice, ...], str | None, list[Line], str | None]:
    """(choices, correct letter, explanation lines, section title after the block)."""
    options = [(i, OPTION.match(line.text)) for i, line in enumerate(body)]
    found = [(i, m) for i, m in options if m]
    letters = [m.group("letter").upper() for _, m in found]
    if len(found) < 2 or letters != list("ABCD"[: len(letters)]):
        return (), None, body, None
    choices = tuple(Choice(m.group("letter").upper(), m.group("text")) for _, m in found)
    after = body[found[-1][0] + 1 :]
    correct, rest = None, after
    for i, line in enumerate(after):
        hit = CORRECT.match(line.text)
        if hit:
            correct, rest = hit.group("letter").upper(), trim_blank(after[i + 1 :])
            option = choices[letters.index(correct)].text if correct in letters else ""
            said = _explained(hit.group("rest"), option)
            rest = [Line(line.no, said), *rest] if said else rest
            break
    section = None
    if rest and TITLE.match(rest[-1].text) and len(rest[-1].text.split()) <= 14:
        section, rest = rest[-1].text.strip(), trim_blank(rest[:-1])
    return choices, correct, rest, section


def _wrapped(text: str, body: list[Line]) -> tuple[str, list[Line]]:
    """`Q1. What is the difference between batch and layer` / `normalization?` / `A1. …`: lines
    between a question that does not end and its labelled answer continue the question."""
    if text.rstrip("*_ ").endswith("?"):
        return text, body
    # `Q7. What is the difference between parameters and hyper-` / `parameters?`: a question
    # cut mid-sentence ends at the first line that asks (text copied from a PDF)
    cut = not text.rstrip("*_ ").endswith((".", "!", ":", ")"))
    for index, line in enumerate(body[: MAX_WRAPPED + 1]):
        if not line.text.strip():
            break
        if index and LABELLED_ANSWER.match(line.text):
            return _joined(text, body[:index]), body[index:]
        if cut and line.text.rstrip("*_ ").endswith("?") and not LABELLED_ANSWER.match(line.text):
            return _joined(text, body[: index + 1]), body[index + 1 :]
    return text, body


def _joined(text: str, lines: list[Line]) -> str:
    return join_wrapped([text, *(" ".join(line.text.split()) for line in lines)])


def _strip_answer_prefix(body: list[Line]) -> list[Line]:
    if not body:
        return []
    first = body[0]
    stripped = ANSWER_PREFIX.sub("", first.text, count=1)
    if stripped == first.text:
        return body
    return trim_blank([Line(first.no, stripped), *body[1:]]) if stripped.strip() else trim_blank(body[1:])


def number_of(label: str) -> int | None:
    digits = label.lstrip("Qq").translate(DIGIT_LOOKALIKE)
    return int(digits) if digits.isdigit() else None


def _label_problems(doc: Document, drafts: list[Draft]) -> list[Problem]:
    """Glitches in the numbering: letters for digits, repeats, jumps. No question is dropped."""
    problems: list[Problem] = []
    seen: dict[int, int] = {}
    previous: int | None = None
    for draft in drafts:
        label = draft.label or ""
        number = number_of(label)
        if number is None:
            continue
        if not label[1:].isdigit():
            problems.append(Problem(draft.location, f"question label {label} read as Q{number}"))
        if number in seen:
            problems.append(
                Problem(
                    draft.location,
                    f"Q{number} is numbered like the question at line {seen[number]}; both are kept",
                )
            )
        elif previous is not None and number not in (previous + 1, 1):
            problems.append(Problem(draft.location, f"numbering jumps from Q{previous} to Q{number}"))
        seen.setdefault(number, draft.location.line)
        previous = number
    return problems

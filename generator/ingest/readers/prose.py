"""Reader: question lines followed by prose answers (the fallback, last in the table).

Accepts, for example:

    LLM Interview Questions                   <- the document's title (first line): skipped
    Some intro paragraph ...                  <- before the first question: not an answer
    Basics                                    <- a short title right before a question: a section
    What is a large language model?           <- a line of its own ending in '?': a question
    A large language model is ...             <- the answer: every paragraph up to the next question
    Explain beam search.                      <- a short imperative line is a question too
    Beam search keeps the k best ...
    3. Describe top-p sampling.               <- numbered: when it follows question 2

A question line followed directly by another question has an empty answer (warned).
"""

from __future__ import annotations

import itertools
import re

from generator.ingest.answers import ANSWER_LABEL
from generator.ingest.chat_turns import REQUEST
from generator.ingest.markers import KEYCAPS
from generator.ingest.readers.common import Closed, add_closed, markdown_heading, tidy_heading, trim_blank
from generator.ingest.segment import ASKS
from generator.ingest.title_labels import ROMAN_NUMERAL, arabic
from generator.ingest.wrapped import join_wrapped
from generator.model import Document, Draft, Line, Problem

NAME = "prose"

# A definition list (PHP Markdown Extra, pandoc): the term asks, `:   ` opens its definition.
DEFINITION = re.compile(r":[ \t]+(?=\S)")
NUMBER = re.compile(r"^\s*(?:Q(?:uestion)?\s*)?(?P<n>\d+)\s*[.):]\s+", re.I)
# "Q1 — What …?", "Q2 - Why …?": a dash after a Q label (a bare "3 - 4 times" is no number).
Q_DASH = re.compile(r"^\s*Q(?:uestion)?\s*(?P<n>\d+)\s*[-\u2013\u2014]\s+", re.I)
# "IV. What is …?": a Roman numeral (1-39) as the number.
ROMAN = re.compile(rf"^\s*(?P<n>{ROMAN_NUMERAL})[.)]\s+", re.I)
# "Que 1. What is …?", "Ques 2) …" (DataFlair, GeeksforGeeks).
QUE = re.compile(r"^\s*Ques?\s*(?P<n>\d+)\s*[.):]\s+", re.I)
# "Ques. 1 What is clustering?" (exam notes): the word's dot, then a bare number.
QUE_DOT = re.compile(r"^\s*Ques?\.[ \t]*(?P<n>\d+)[ \t]+(?=\S)", re.I)
# "1/ What is …?": a thread's post number.
SLASH = re.compile(r"^\s*(?P<n>\d{1,3})/\s+(?=\S)")
# Read label and all before: that title's id stays an alias.
LATER_LABELS = (Q_DASH, ROMAN, SLASH, QUE, QUE_DOT)
EMPHASIS = re.compile(r"^(\*\*|__)(.+)\1$")
LIST_ITEM = re.compile(r"^\s*(?:[-*•+]\s|\d+[.)]\s+(?![A-Z][^?]*\?\s*$))")
IMPERATIVE = re.compile(
    r"^(?:explain|describe|define|compare|contrast|discuss|differentiate|distinguish|outline|"
    r"summari[sz]e|walk me through|tell me about|give an example)\b",
    re.I,
)
TITLE = re.compile(r"^[A-Z][^.!?:;]{0,80}[^.!?:;\s]$")
# A chat's or an interview's asking side ("Human: Explain …", "**Interviewer:** Walk me through …");
# the assistant's and the candidate's turns answer.
SPEAKER = re.compile(
    r"^(?:\*\*|__)?(?:human|user|you|me|interviewer|recruiter|hiring manager)(?:\*\*|__)?[ \t]*:[ \t]*"
    r"(?:\*\*|__)?[ \t]*",
    re.I,
)
MAX_QUESTION = 300
# A question's line, title, section, and the last line it was read as before its lines were joined
Head = tuple[Line, str, str | None, str | None]
SENTENCE_END = (".", "!", "?", ":", ";", ")", '"', "”", "*")
MAX_IMPERATIVE_WORDS = 25
MAX_TITLE_WORDS = 8


def matches(text: str) -> bool:
    """A question line followed by a line of prose; the fallback, so one such pair is enough."""
    asks = [_question_text(line) is not None for line in text.split("\n") if line.strip()]
    return any(a and not b for a, b in itertools.pairwise(asks))


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    drafts: list[Draft] = []
    problems: list[Problem] = []
    section: str | None = None
    head: Head | None = None
    body: list[Line] = []
    title_no = next((line.no for line in doc.lines if line.text.strip()), 0)
    step = -1  # the number of the answer's last numbered line: `2.` after `1. Describe …` is a step
    for line in doc.lines:
        question = _question_text(line.text)
        if question is None and head is not None:
            question = _next_numbered_prompt(line.text, head[0].text, step)
        if question is None:
            body.append(line)
            number = NUMBER.match(line.text)
            step = int(number.group("n")) if number else step
            continue
        step = -1
        line, asked = _unwrapped(line, question, body)
        section = _section_before(body, title_no) or section
        if head is not None:
            add_closed(drafts, problems, _close(doc, head, body))
        head, body = (line, asked, section, question if asked != question else None), []
    if head is not None:
        add_closed(drafts, problems, _close(doc, head, body))
    return drafts, problems


def _unwrapped(line: Line, question: str, body: list[Line]) -> tuple[Line, str]:
    """`2. Why do decoder-only models dominate rather than encoder-decoder` / `architectures?`:
    a question that starts in lower case goes on from the unfinished line right above it."""
    above = body[-1].text.strip() if body else ""
    if not question[:1].islower() or not above or above.endswith(SENTENCE_END):
        return line, question
    joined = Line(body[-1].no, join_wrapped([above, line.text.strip()]))
    asked = _question_text(joined.text)
    if asked is None:
        return line, question
    body.pop()
    return joined, asked


def _close(doc: Document, head: Head, body: list[Line]) -> Closed:
    line, question, section, fragment = head
    answer = _without_label(trim_blank(body))
    problems = [] if answer else [Problem(doc.at(line.no), "question has an empty answer")]
    number = _label(_unwrap(line.text))
    label = None if number is None else str(arabic(number["n"])) if number.re is ROMAN else number["n"]
    former = _unwrap(line.text.strip()) if number and number.re in LATER_LABELS else None
    formers = [former] if former and former.endswith(ASKS) else []
    formers += [fragment] if fragment else []  # read as its last line before: an alias
    at = doc.at(line.no)
    return Draft(question, at, tuple(answer), section, label=label, former_titles=tuple(formers)), problems


def _without_label(answer: list[Line]) -> list[Line]:
    """`Ans. A function …` / `Answer: …` / `Solution - …`, or a definition list's `:   `: the
    label that opens an answer goes."""
    first = answer[0].text.lstrip() if answer else ""
    label = DEFINITION.match(first) or ANSWER_LABEL.match(first)
    rest = first[label.end() :] if label else ""
    return [Line(answer[0].no, rest), *answer[1:]] if rest.strip() else answer


def _section_before(body: list[Line], title_no: int) -> str | None:
    """A short title line right before a question (only blank lines between) is a section.

    It is taken out of `body`, so it is not the end of the previous answer.
    """
    index = len(body) - 1
    while index >= 0 and not body[index].text.strip():
        index -= 1
    if index < 0 or body[index].no == title_no:
        return None
    text = body[index].text.strip()
    heading = markdown_heading(text)
    if heading is None and not (TITLE.match(text) and len(text.split()) <= MAX_TITLE_WORDS):
        return None
    del body[index:]
    return heading or tidy_heading(text)


def _question_text(text: str) -> str | None:
    """The question a line asks, or None: a line of its own ending in '?', or a short imperative."""
    stripped = _unwrap(text.strip())
    if not stripped or len(stripped) > MAX_QUESTION or LIST_ITEM.match(text):
        return None
    number = _label(stripped)
    stripped = stripped[number.end() :].strip() if number else stripped
    if stripped.endswith(ASKS):
        return stripped
    # A chat's prompt is asked though it ends with no "?" ("You: what is quantization"),
    # unless it asks for questions to be written.
    if SPEAKER.match(stripped) and not REQUEST.search(stripped):
        return stripped
    return stripped if _imperative(stripped) else None


def _label(text: str) -> re.Match[str] | None:
    return (
        NUMBER.match(text)
        or Q_DASH.match(text)
        or ROMAN.match(text)
        or SLASH.match(text)
        or QUE.match(text)
        or QUE_DOT.match(text)
    )


def _imperative(text: str) -> bool:
    """A short imperative: `Explain beam search.`; also `5️⃣ Explain …` and `Human: Explain …` (a
    chat turn), whose keycap or speaker stays in the title for markers.strip_markers to read."""
    keycap = KEYCAPS.match(text) or SPEAKER.match(text)
    opening = text[keycap.end() :] if keycap else text
    return bool(IMPERATIVE.match(opening)) and len(text.split()) <= MAX_IMPERATIVE_WORDS


def _next_numbered_prompt(text: str, previous: str, step: int) -> str | None:
    """`2. Explain the bias-variance tradeoff.` after question 1: a numbered line is a list item,
    unless it is a short imperative numbered next after the question before it, and not next
    after the answer's own last numbered line (`step`)."""
    number, before = NUMBER.match(text), NUMBER.match(_unwrap(previous.strip()))
    n = int(number.group("n")) if number else -1
    if before is None or n != int(before.group("n")) + 1 or n == step + 1:
        return None
    stripped = NUMBER.sub("", _unwrap(text.strip()), count=1).strip()
    return stripped if len(stripped) <= MAX_QUESTION and _imperative(stripped) else None


def _unwrap(text: str) -> str:
    heading = markdown_heading(text)
    text = heading if heading is not None else text
    wrapped = EMPHASIS.match(text)
    return wrapped.group(2).strip() if wrapped else text

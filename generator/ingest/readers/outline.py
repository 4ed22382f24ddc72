"""Reader: an outline of topics, then an "Answers" section whose bullets answer them.

Accepts, for example:

    - Architecture & Training                 <- outline: topics (and section names)
    - Attention Mechanisms
    - Tokenization Strategies
    Answers                                   <- the marker line
    Architecture & Training                   <- a plain line: a section
    - Attention Mechanisms:                   <- a topic bullet ending in ':' -> a question
    - Self-attention weighs every token ...   <- the answer's bullets, up to the next topic
    - Tokenization Strategies:
    - Text is split into tokens ...
      - Byte Pair Encoding (BPE) merges ...   <- deeper bullets stay in the same answer

A topic of the outline that is never answered is kept as a prompt (warned).
When the outline gives topics, only bullets that name one start a question,
so a 'Key components:' bullet inside an answer stays in that answer.
"""

from __future__ import annotations

import functools
import re

from generator.ingest.readers.common import BULLET, markdown_heading, tidy_heading
from generator.model import Document, Draft, Line, Problem, normalise

NAME = "outline"

# `\S(?:.*\S)?` ends at the last non-blank without a lazy `.*?` (quadratic before `\s*$`).
# One class for the tail: `\s*:?\s*(?:\*\*)?\s*$` was three runs of blanks side by side,
# cubic on `Answers` + a long run of spaces that does not end the line.
ANSWERS = re.compile(r"^\s*(?:#{1,6}\s*)?(?:\*\*)?Answers?(?:\*\*)?[\s:*]*$", re.I)
# With re.M, a line start's `\s*` would run on over every blank line after it (quadratic).
ANSWERS_LINE = re.compile(ANSWERS.pattern.replace("^\\s*", "^[^\\S\\n]*", 1), re.I | re.M)
TOPIC = re.compile(r"^(?P<topic>[^:]{2,120}):$")
MIN_TOPICS = 3
SIMILAR = 0.6


def matches(text: str) -> bool:
    """Three or more outline bullets, an 'Answers' line, then 'Topic:' bullets with answers after it."""
    found = ANSWERS_LINE.search(text)
    if found is None:
        return False
    lines = text.split("\n")
    marker = text.count("\n", 0, found.start())
    before = sum(1 for line in lines[:marker] if BULLET.match(line))
    topics = [i for i, line in enumerate(lines[marker + 1 :], start=marker + 1) if _topic_text(line)]
    answered = sum(
        1
        for i in topics
        if i + 1 < len(lines) and BULLET.match(lines[i + 1]) and not _topic_text(lines[i + 1])
    )
    return before >= MIN_TOPICS and answered >= 2


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    lines = list(doc.lines)
    marker = next((i for i, line in enumerate(lines) if ANSWERS.match(line.text)), len(lines))
    outline = [line for line in lines[:marker] if BULLET.match(line.text)]
    sections = {
        normalise(line.text)
        for line in lines[marker + 1 :]
        if line.text.strip() and not BULLET.match(line.text)
    }
    topics = [t for t in outline if normalise(_bullet_text(t)) not in sections]
    drafts, problems = _answers(doc, lines[marker + 1 :], [_bullet_text(t) for t in topics])
    problems += _unanswered(doc, topics, drafts)
    return drafts, problems


def _answers(doc: Document, lines: list[Line], topics: list[str]) -> tuple[list[Draft], list[Problem]]:
    drafts: list[Draft] = []
    section: str | None = None
    head: Line | None = None
    head_text, head_section = "", None
    body: list[Line] = []

    def close() -> None:
        if head is not None:
            drafts.append(Draft(head_text, doc.at(head.no), tuple(_answer_lines(body)), head_section))

    for line in lines:
        if not line.text.strip():
            continue
        topic = _topic_text(line.text)
        if topic and (not topics or _is_topic(topic, topics)) and not _deeper(line, head):
            close()
            head, head_text, head_section, body = line, topic, section, []
        elif BULLET.match(line.text) or (head is not None and line.text[:1].isspace()):
            body.append(line)
        else:
            close()
            head, body = None, []
            section = markdown_heading(line.text) or tidy_heading(line.text)
    close()
    problems = [Problem(d.location, "question has an empty answer") for d in drafts if not d.answer]
    return drafts, problems


def _answer_lines(body: list[Line]) -> list[Line]:
    """First bullet level -> paragraphs (the first) and label bullets; deeper ones stay bullets."""
    if not body:
        return []
    base = min(_indent(line) for line in body)
    out: list[Line] = []
    for index, line in enumerate(body):
        bullet = BULLET.match(line.text)
        if not bullet or _indent(line) > base:
            out.append(line)
            continue
        text = bullet.group("text")
        if index == 0 or not re.match(r"^[^:]{2,60}:\s+\S", text):
            out += [Line(line.no, ""), Line(line.no, text)] if out else [Line(line.no, text)]
        else:
            out.append(Line(line.no, f"- {text}"))
    return out


def _unanswered(doc: Document, topics: list[Line], drafts: list[Draft]) -> list[Problem]:
    """Topics of the outline with no answer: kept as prompts, each warned about."""
    answered = [d.question for d in drafts]
    problems = []
    for topic in topics:
        text = _bullet_text(topic)
        if not _is_topic(text, answered):
            drafts.append(Draft(text, doc.at(topic.no)))
            problems.append(
                Problem(doc.at(topic.no), f"outline topic {text!r} has no answer: kept as a prompt")
            )
    return problems


def _topic_text(text: str) -> str | None:
    bullet = BULLET.match(text)
    topic = TOPIC.match(bullet.group("text").strip("*_ ")) if bullet else None
    return topic.group("topic").strip("*_ ") if topic else None


def _bullet_text(line: Line) -> str:
    bullet = BULLET.match(line.text)
    return (bullet.group("text") if bullet else line.text).strip("*_ ").rstrip(":").strip()


def _is_topic(text: str, topics: list[str]) -> bool:
    """Same words as a topic, or most of them.

    'Pre-training vs. Fine-tuning' ~ 'Pre-training vs Fine-tuning'.
    """
    words = _words(text)
    if not words:
        return False
    if words in _word_sets(tuple(topics)):
        return True
    return any(
        len(words & other) / len(words | other) >= SIMILAR for other in _word_sets(tuple(topics)) if other
    )


@functools.lru_cache(maxsize=64)
def _word_sets(topics: tuple[str, ...]) -> frozenset[frozenset[str]]:
    return frozenset(_words(t) for t in topics)


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    return frozenset(normalise(text).split())


def _deeper(line: Line, head: Line | None) -> bool:
    return head is not None and _indent(line) > _indent(head)


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())

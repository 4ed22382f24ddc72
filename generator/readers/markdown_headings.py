"""Reader: Markdown with each question as a `#`-`####` heading.

Accepts, for example:

    ---
    title: LLM FAQ
    ---
    # LLM interview questions
    ## Transformers                      <- a section (not a question)
    ### 1. What is self-attention?       <- question, label "1"
    Each token attends to every other token ...
    - lists, `code`, $math$ and fenced code stay in the answer
    ## Q: Why scale by $\\sqrt{d_k}$?     <- question ("Q:" dropped)
    ### Q3) Explain LoRA                 <- question, label "3"

An answer runs until the next heading of the same or a higher level, or the
next question heading. A deeper non-question heading inside an answer is kept
as a bold line. Front matter (`---` YAML at the top) is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Document, Draft, Line, Problem

NAME = "markdown_headings"

HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# `## Title {: #id .class }`: attr_list syntax, not part of the visible title.
ATTR_LIST = re.compile(r"\s+\{:?[^{}\n]*\}\s*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$")
# "Q: ...", "Q3) ...", "Q3. ...", "Question 3: ...", "3. ...", "3) ..."
QUESTION_PREFIX = re.compile(
    r"^(?:Q(?:uestion)?\s*(?P<q>\d+[a-z]?)?\s*[:.)\-]|(?P<n>\d+)\s*[.):])\s*(?=\S)", re.I
)
IMPERATIVE = re.compile(
    r"^(?:explain|describe|define|compare|contrast|discuss|differentiate|distinguish|outline|"
    r"summari[sz]e|list|name|give|walk me through|tell me)\b",
    re.I,
)
EMPHASIS_WRAP = re.compile(r"^(\*\*|__|\*|_)(.+)\1$")
NUMBERED_QUESTION_LINE = re.compile(r"^\s*Q?\d+[.)]\s+\S")
MAX_QUESTION_LEVEL = 4


@dataclass(frozen=True)
class Heading:
    index: int
    level: int
    text: str
    line: int


def question_parts(text: str) -> tuple[str | None, str] | None:
    """(label, question) when a heading's text reads as a question, else None."""
    text = unwrap(text)
    prefix = QUESTION_PREFIX.match(text)
    if prefix:
        return prefix.group("q") or prefix.group("n"), text[prefix.end() :].strip()
    if text.rstrip("*_ ").endswith("?") or IMPERATIVE.match(text):
        return None, text
    return None


def unwrap(text: str) -> str:
    """`**Title:**` -> `Title:`; emphasis around the whole heading is decoration."""
    text = text.strip()
    wrapped = EMPHASIS_WRAP.match(text)
    return wrapped.group(2).strip() if wrapped else text


def matches(text: str) -> bool:
    lines = [Line(no, t) for no, t in enumerate(text.split("\n"), start=1)]
    questions = sum(1 for h in headings(lines) if is_question_heading(h))
    numbered = sum(1 for line in lines if NUMBERED_QUESTION_LINE.match(line.text))
    return (questions >= 2 and questions * 2 >= numbered) or (questions == 1 and numbered == 0)


def is_question_heading(heading: Heading) -> bool:
    return heading.level <= MAX_QUESTION_LEVEL and question_parts(heading.text) is not None


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    lines = list(doc.lines)
    found = headings(lines)
    drafts: list[Draft] = []
    problems: list[Problem] = []
    open_sections: list[Heading] = []
    lone_title = sum(1 for h in found if h.level == 1) == 1
    for pos, heading in enumerate(found):
        if not is_question_heading(heading):
            open_sections = [h for h in open_sections if h.level < heading.level] + [heading]
            continue
        open_sections = [h for h in open_sections if h.level < heading.level]
        label, question = question_parts(heading.text) or (None, heading.text)
        end = _answer_end(found, pos, len(lines))
        answer = _answer_lines(lines[heading.index + 1 : end], _until(found, pos, end), heading)
        section = _section(open_sections, lone_title)
        drafts.append(Draft(question, doc.at(heading.line), tuple(answer), section, label=label))
    answered = any(d.answer for d in drafts)
    for d in drafts:
        if answered and not d.answer:
            problems.append(Problem(d.location, f"question has an empty answer: {d.question[:60]!r}"))
    return drafts, problems


def headings(lines: list[Line]) -> list[Heading]:
    """ATX headings outside fenced code and front matter, with their list index."""
    out: list[Heading] = []
    fence: str | None = None
    start = _after_front_matter(lines)
    for index in range(start, len(lines)):
        text = lines[index].text
        opener = FENCE.match(text)
        if opener and (fence is None or opener.group(1).startswith(fence)):
            fence = None if fence else opener.group(1)
            continue
        heading = None if fence else HEADING.match(text)
        title = ATTR_LIST.sub("", heading.group(2)).strip() if heading else ""
        if heading and title:
            out.append(Heading(index, len(heading.group(1)), title, lines[index].no))
    return out


def _after_front_matter(lines: list[Line]) -> int:
    if not lines or lines[0].text.strip() != "---":
        return 0
    for index in range(1, min(len(lines), 200)):
        if FRONT_MATTER_END.match(lines[index].text):
            return index + 1
    return 0


def _answer_end(found: list[Heading], pos: int, total: int) -> int:
    level = found[pos].level
    for index in range(pos + 1, len(found)):
        if found[index].level <= level or is_question_heading(found[index]):
            return found[index].index
    return total


def _until(found: list[Heading], pos: int, end: int) -> list[Heading]:
    """The headings after found[pos] that sit inside its answer."""
    last = pos + 1
    while last < len(found) and found[last].index < end:
        last += 1
    return found[pos + 1 : last]


def _answer_lines(body: list[Line], inside: list[Heading], question: Heading) -> list[Line]:
    """The answer's lines, trimmed; a deeper sub-heading becomes a bold line."""
    inner = {h.index: h for h in inside}
    out = []
    first = question.index + 1
    for offset, line in enumerate(body):
        sub = inner.get(first + offset)
        out.append(Line(line.no, f"**{unwrap(sub.text)}**") if sub else line)
    while out and not out[0].text.strip():
        out.pop(0)
    while out and not out[-1].text.strip():
        out.pop()
    return out


def _section(open_sections: list[Heading], lone_title: bool) -> str | None:
    """The nearest enclosing non-question heading; a lone `#` title is not a section."""
    for heading in reversed(open_sections):
        if heading.level == 1 and lone_title:
            continue
        return unwrap(heading.text).rstrip(":").strip() or None
    return None

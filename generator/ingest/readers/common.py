"""Small helpers shared by the plain-text readers (numbered, outline, question_list, prose)."""

from __future__ import annotations

import re

from generator.model import Draft, Line, Problem

# Only a heading's head is a regex; its tail is trimmed in code (a lazy `.*?` before an
# optional closing sequence costs quadratic time on a long line of spaces).
HTML_HEADING = re.compile(r"^\s*<h(?P<level>[1-6])\b[^>]*>", re.I)
MD_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+")
EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(.+)\1$")
# A bullet item of a plain-text list (outline, question_list); markdown_fix's also takes `–`.
BULLET = re.compile(r"^(?P<indent>\s*)[-*•+]\s+(?P<text>\S(?:.*\S)?)\s*$")

# One block of a line reader, closed: its Draft (None: skipped) and the problems found in it.
Closed = tuple[Draft | None, list[Problem]]


def add_closed(drafts: list[Draft], problems: list[Problem], closed: Closed) -> None:
    draft, found = closed
    if draft is not None:
        drafts.append(draft)
    problems += found


def html_heading(text: str) -> str | None:
    """The title of a pasted HTML heading line (`<h3 class=…>Title`), without markup."""
    match = HTML_HEADING.match(text)
    if match is None:
        return None
    body = text[match.end() :].rstrip()
    close = body.lower().rfind("</h" + match.group("level"))
    if close >= 0 and re.fullmatch(r"</h[1-6]\s*>", body[close:], re.I):
        body = body[:close]
    return tidy_heading(strip_tags(body))


def markdown_heading(text: str) -> str | None:
    match = MD_HEADING.match(text)
    return tidy_heading(atx_heading_text(text[match.end() :])) if match else None


def atx_heading_text(rest: str) -> str:
    """What follows `## ` without the closing `#`s, the way markdown-it trims it:
    trailing blanks, then a run of `#` that a blank precedes, then blanks again."""
    text = rest.rstrip(" \t")
    without = text.rstrip("#")
    if without != text and without[-1:] in (" ", "\t"):
        return without.rstrip(" \t")
    return text


def strip_tags(text: str) -> str:
    """`<...>` removed, each from a `<` to the next `>` (a regex `<[^>]*>` rescans the rest
    of the line from every `<` that has no `>` after it)."""
    out, pos = [], 0
    while (start := text.find("<", pos)) >= 0 and (end := text.find(">", start)) >= 0:
        out.append(text[pos:start])
        pos = end + 1
    return "".join(out) + text[pos:]


def tidy_heading(text: str) -> str:
    """`**Training and Fine-tuning:**` -> `Training and Fine-tuning`."""
    text = text.strip()
    wrapped = EMPHASIS.match(text)
    text = wrapped.group(2).strip() if wrapped else text
    return " ".join(text.rstrip(":").split())


def trim_blank(lines: list[Line]) -> list[Line]:
    start, end = 0, len(lines)
    while start < end and not lines[start].text.strip():
        start += 1
    while end > start and not lines[end - 1].text.strip():
        end -= 1
    return lines[start:end]

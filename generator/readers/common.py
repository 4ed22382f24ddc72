"""Small helpers shared by the plain-text readers (numbered, outline, question_list, prose)."""

from __future__ import annotations

import re

from generator.model import Line

HTML_HEADING = re.compile(r"^\s*<h(?P<level>[1-6])\b[^>]*>(?P<text>.*?)(?:</h(?P=level)\s*>)?\s*$", re.I)
MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
TAG = re.compile(r"<[^>]*>")
EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(.+)\1$")


def html_heading(text: str) -> str | None:
    """The title of a pasted HTML heading line (`<h3 class=…>Title`), without markup."""
    match = HTML_HEADING.match(text)
    return tidy_heading(TAG.sub("", match.group("text"))) if match else None


def markdown_heading(text: str) -> str | None:
    match = MD_HEADING.match(text)
    return tidy_heading(match.group("text")) if match else None


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

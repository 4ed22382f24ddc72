"""Converter: reStructuredText into Markdown, through docutils' doctree
(`generator.ingest.convert.rst_doctree`, imported when a document is one: docutils takes
~0.08 s to import, which no command that reads no reStructuredText should pay)."""

from __future__ import annotations

import re

from generator.model import Line, Problem

NAME = "rst"

DIRECTIVE = re.compile(rb"^\.\. [A-Za-z][\w:-]*::", re.M)
RST_UNDERLINE = re.compile(rb"^([~^\"'+:.=-])\1{3,}[ \t]*$", re.M)
ATX_HEADING = re.compile(rb"^#{1,6}[ \t]+\S", re.M)


def matches(data: bytes, suffix: str) -> bool:
    """A `.rst` file that is not HTML; any other file only with reStructuredText's own marks."""
    head = data[:200_000]
    if head.lstrip()[:1] in (b"<", b"{"):
        return False
    if suffix in (".rst", ".rest"):
        return True
    marks = len(DIRECTIVE.findall(head)) + len(RST_UNDERLINE.findall(head))
    return marks >= 3 and not ATX_HEADING.search(head)


def convert(data: bytes, path: str) -> tuple[list[Line], list[Problem]]:
    from generator.ingest.convert import rst_doctree

    return rst_doctree.convert(data, path)

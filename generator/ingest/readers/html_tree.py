"""Reader: an HTML page or fragment, parsed into the block tree and segmented (generator.ingest).

Accepts what people publish as HTML, for example:

    <!DOCTYPE html><title>ML interview questions</title>   <- a page (doctype, <html>, <body>)
    <nav id="TOC">…</nav>                    <- furniture: dropped before segmenting
    <h4 id="what-is-x">What is X?</h4>       <- questions as headings at any level (pandoc),
    <details><summary>Why?</summary>…        <- or as <details> summaries,
    <li><input type="checkbox" checked> B    <- with checkbox options, the checked one correct
    <h3 class="wp-block-heading">1. Why?</h3>   <- a blog post's numbered headings

It claims a page, or a fragment that is mostly block-level markup; parsing is
`ingest.read_html` (selectolax, HTML5 as a browser parses it), finding the
questions is the segmenter every tree reader shares.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.ingest.assemble import Segmented, segment
from generator.ingest.read_html import read_html
from generator.ingest.scoring import LAST_RESORT
from generator.model import Document, Draft, Line, Problem

NAME = "html"

PAGE_MARKERS = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]", re.I)
CLOSED_BLOCK = re.compile(
    r"</(?:p|div|h[1-6]|li|ul|ol|section|article|table|blockquote|pre|details)\s*>", re.I
)
TAG_LINE = re.compile(r"^\s*<[A-Za-z/!]")
SNIFF = 200_000  # characters looked at to decide
# Lines that start a Markdown block (ATX heading, list item, fence, rule): HTML has none.
MARKDOWN_LINE = re.compile(
    r"[ ]{0,3}(?:#{1,6}[ \t]|(?:[-*+]|\d{1,9}[.)])[ \t]|```|~~~|(?:---|\*\*\*)[ \t]*$)"
)
MARKDOWN_LINES = 3
MIN_BLOCKS = 2  # a heading and its paragraph: one question is a document too


def matches(text: str) -> bool:
    """A page (doctype, <html> or <body> among its leading tag lines), or a fragment whose
    lines are mostly block markup. A Markdown document that shows `<!DOCTYPE html>` in a
    code block, or a question about the `<html>` tag, is not a page."""
    return _is_page(text) or _is_fragment(text[:SNIFF])


def _is_page(text: str) -> bool:
    for line in text[:5000].lstrip("\ufeff").split("\n", 40)[:40]:
        line = line.strip()
        if not line:
            continue
        if not line.startswith("<"):  # text or Markdown came first
            return False
        if PAGE_MARKERS.search(line):
            return True
    return False


def _is_fragment(head: str) -> bool:
    if len(CLOSED_BLOCK.findall(head)) < MIN_BLOCKS:
        return False
    lines = [line for line in head.split("\n") if line.strip()]
    if sum(1 for line in lines if MARKDOWN_LINE.match(line)) >= MARKDOWN_LINES:
        return False  # Markdown with HTML in it: a quiz whose answers are `<details>` folds
    return sum(1 for line in lines if TAG_LINE.match(line)) * 10 >= len(lines) * 4


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    found, problems = read_tree(doc, None)
    return found.drafts, problems


def read_tree(doc: Document, force: str | None) -> tuple[Segmented, list[Problem]]:
    """The segmented page; `force` is a `questions:` override from sources.yml."""
    tree, problems = read_html(doc.text, doc.path)
    found = segment(tree, doc, force)
    if not found.drafts and force is None:  # no heading, bold line or list asks: plain paragraphs may
        found = segment(tree, doc, LAST_RESORT)
    numbers = [line.no for line in doc.lines]

    def no(line: int) -> int:  # lines count from 1 in doc.text; Line.no is the file's
        return numbers[line - 1] if 0 < line <= len(numbers) else line

    drafts = [
        replace(d, location=doc.at(no(d.location.line)), answer=_renumber(d.answer, no)) for d in found.drafts
    ]
    problems += [Problem(doc.at(no(p.location.line)), p.message, p.severity) for p in found.problems]
    unread = [(no(a), no(b)) for a, b in found.unread]
    return Segmented(drafts, found.structure, unread), problems


def _renumber(answer: tuple[Line, ...], no) -> tuple[Line, ...]:
    return tuple(Line(no(x.no), x.text) for x in answer)

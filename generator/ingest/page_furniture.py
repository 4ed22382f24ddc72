"""A printed page's furniture in text copied from a PDF: "Page 2 of 6" lines, and the running
header or footer beside them ("Top 30 LLM Questions      AI Engineer Handbook" on every page).

Left in, they split answers mid-sentence and end lists of options. A page-number line goes
wherever it is; a line next to one goes where the same text (digits aside) stands next to
a page-number line (or opens or ends the document) at least twice. The PDF converter finds
the same furniture from the page layout instead.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise

from generator.ingest.syntax import fenced_after
from generator.model import Document, Line

# "Page 3", "Page 3 of 6", "3 / 6", "- 3 -", and a title before it: "GenAI Practice Set – Page 1";
# a slide deck's "Slide 3 of 12" too.
PAGE_LINE = re.compile(
    r"^[ \t]*(?:[^\n]{0,80}?[ \t][-–—|·•][ \t]*)?"
    r"(?:(?:page|slide)[ \t]+\d{1,4}(?:[ \t]*(?:/|of)[ \t]*\d{1,4})?"
    r"|\d{1,4}[ \t]*(?:/|of)[ \t]*\d{1,4}|[-–][ \t]*\d{1,4}[ \t]*[-–])[ \t]*$",
    re.I,
)
# "Page 3 of 6" says what it is even alone (a two-page handout has one between its pages).
NAMED_PAGE = re.compile(r"^[ \t]*(?:page|slide)[ \t]+\d{1,4}[ \t]+of[ \t]+\d{1,4}[ \t]*$", re.I)
# "www.example.io          4": a page number set apart by a wide gap, a footer when the text repeats.
WIDE_NUMBER = re.compile(
    r"^[ \t]*\S[^\n]{0,80}?[ \t]{3,}\d{1,4}[ \t]*$|^[ \t]*\d{1,4}[ \t]{3,}\S[^\n]{0,80}$"
)
# A footer repeats once a page, with the page's text between: lines of one shape in a row are
# a table or a program's output ("0    9800" / "1     200").
MIN_FOOTER_GAP = 3
MAX_FURNITURE = 200  # characters: a longer line is text (and no pattern scans a long line)
MIN_PAGES = 2
# An option, a list item or a labelled answer next to a page break is the page's text, however often.
ITEM = re.compile(r"^\W{0,3}(?:[a-h#]{1,2}[.):]|[-*•+]|q(?:uestion)?\b|a(?:ns(?:wer)?)?\b)", re.I)
DIGITS = re.compile(r"\d+")


def without_page_furniture(doc: Document) -> Document:
    lines = drop_page_furniture(doc.lines)
    return doc if lines is doc.lines else replace(doc, lines=lines)


def drop_page_furniture(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    code = _code_lines(lines)
    short = [
        (n, lines[i].text)
        for n, i in enumerate(filled)
        if len(lines[i].text) <= MAX_FURNITURE and i not in code
    ]
    wide = {n: _key(text) for n, text in short if WIDE_NUMBER.match(text)}
    pages = {n for n, text in short if PAGE_LINE.match(text)}
    pages |= _footers(wide)
    if len(pages) < MIN_PAGES and not any(NAMED_PAGE.match(lines[filled[n]].text) for n in pages):
        return lines
    # where a page ends or starts: the lines next to a page number, and the document's first and last
    edges = {filled[n + step] for n in pages for step in (-1, 1) if 0 <= n + step < len(filled)}
    edges |= {filled[0], filled[-1]}
    edges -= {filled[n] for n in pages}
    keys = {i: _key(lines[i].text) for i in edges}
    near = Counter(keys.values())
    enough = max(MIN_PAGES, len(pages) // 2)
    running = {
        i for i, key in keys.items() if near[key] >= enough and not ITEM.match(key) and not key.endswith("?")
    }
    drop = running | {filled[n] for n in pages}
    return tuple(line for i, line in enumerate(lines) if i not in drop)


def _footers(wide: dict[int, str]) -> set[int]:
    """The wide-gap lines whose text (digits aside) stands on two pages or more, apart."""
    at: dict[str, list[int]] = {}
    for n, key in wide.items():
        at.setdefault(key, []).append(n)
    found: set[int] = set()
    for places in at.values():
        if len(places) >= MIN_PAGES and all(b - a >= MIN_FOOTER_GAP for a, b in pairwise(places)):
            found.update(places)
    return found


def _code_lines(lines: tuple[Line, ...]) -> set[int]:
    """Indexes of the lines of fenced code blocks, fences included: a program's text, never a page's."""
    code: set[int] = set()
    opened = ""
    for i, line in enumerate(lines):
        after = fenced_after(line.text, opened)
        if opened or after:
            code.add(i)
        opened = after
    return code


def _key(text: str) -> str:
    return DIGITS.sub("#", " ".join(text.split()).casefold())

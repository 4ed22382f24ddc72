"""Converter: PDF text layers (pdfminer.six layout analysis) into Markdown.

    page 1   LLM Interview Notes        (20 pt)  -> `# LLM Interview Notes`
             Transformers               (16 pt)  -> `## Transformers`
             What is attention?   (11 pt, bold)  -> `**What is attention?**`
             Each token attends ...     (11 pt)  -> a paragraph (a text box's lines joined)
             Interview notes - draft    (header, on most pages)   -> removed
             3                          (a page number)           -> removed

Font sizes above the body size (the size most characters have) become headings,
largest first; a line whose characters are all in a bold face becomes bold.
Running headers and footers (the same text, digits aside, at the top or bottom of
most pages) and page numbers are removed by rule. A PDF whose pages hold no text
at all is reported as having no text layer (a scan), not read as empty. A line's
number counts the text lines of the whole PDF in reading order.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.ingest.wrapped import join_wrapped
from generator.model import Line, Location, Problem

if TYPE_CHECKING:
    from pdfminer.layout import LTTextLine

NAME = "pdf"

PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$", re.I)
DIGITS = re.compile(r"\d+")
BOLD_FACE = re.compile(r"bold|black|heavy|semibold|demi", re.I)
MARGIN = 0.1  # top and bottom tenth of a page: where running headers and footers sit
HEADING_RATIO = 1.15
MAX_PAGES = 2000
ASKS = ("?", "\uff1f")


@dataclass
class TextLine:
    page: int
    box: int
    text: str
    size: float
    bold: bool
    edge: bool  # in the top or bottom margin


def matches(data: bytes, suffix: str) -> bool:
    return b"%PDF-" in data[:1024]


def convert(data: bytes, path: str) -> tuple[list[Line], list[Problem]]:
    # pdfminer takes 0.1 s to import: paid by the builds that hold a PDF, not by every command.
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    try:
        found, pages = text_lines(data)
    except (PDFSyntaxError, PSException, ValueError, TypeError, KeyError, AssertionError) as exc:
        return [], [Problem(Location(path, 1), f"not a readable PDF: {type(exc).__name__}: {exc}", "error")]
    if pages and not found:
        return [], [
            Problem(Location(path, 1), f"no text layer (scanned?): {pages} pages without text", "error")
        ]
    kept = drop_furniture(found, pages)
    return to_markdown(kept), []


def text_lines(data: bytes) -> tuple[list[TextLine], int]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

    found: list[TextLine] = []
    pages = 0
    for page in extract_pages(io.BytesIO(data), laparams=LAParams(), maxpages=MAX_PAGES):
        pages += 1
        height = page.height or 1
        for box_index, element in enumerate(page):
            if not isinstance(element, LTTextContainer):
                continue
            for line in element:
                if isinstance(line, LTTextLine) and line.get_text().strip():
                    found.append(_measure(line, pages, box_index, height))
    return found, pages


def _measure(line: LTTextLine, page: int, box: int, height: float) -> TextLine:
    from pdfminer.layout import LTChar

    chars = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
    sizes = Counter(round(c.size, 1) for c in chars)
    bold = bool(chars) and all(BOLD_FACE.search(c.fontname or "") for c in chars)
    edge = line.y1 > height * (1 - MARGIN) or line.y0 < height * MARGIN
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    return TextLine(page, box, " ".join(line.get_text().split()), size, bold, edge)


def drop_furniture(lines: list[TextLine], pages: int) -> list[TextLine]:
    """Without page numbers and the margin lines that repeat on most pages."""
    repeated = Counter(DIGITS.sub("#", line.text) for line in lines if line.edge)
    running = {text for text, count in repeated.items() if count >= 2 and count * 2 >= pages}
    return [
        line
        for line in lines
        if not PAGE_NUMBER.match(line.text) and not (line.edge and DIGITS.sub("#", line.text) in running)
    ]


def to_markdown(lines: list[TextLine]) -> list[Line]:
    body: Counter[float] = Counter()
    for line in lines:
        body[line.size] += len(line.text)
    body_size = body.most_common(1)[0][0] if body else 0.0
    bigger = sorted({line.size for line in lines if line.size >= body_size * HEADING_RATIO}, reverse=True)
    level = {size: min(index + 1, 6) for index, size in enumerate(bigger)}
    out: list[Line] = []
    held: list[tuple[int, str]] = []  # a text box's lines of one kind: a paragraph, heading or bold run
    kind = ""

    def flush() -> None:
        if held:
            text = join_wrapped([text for _, text in held])
            mark = f"{kind} {text}" if kind.startswith("#") else f"{kind}{text}{kind}"
            out.extend([Line(held[0][0], mark), Line(held[0][0], "")])
            held.clear()

    previous: TextLine | None = None
    for number, line in enumerate(lines, start=1):
        mark = "#" * level[line.size] if line.size in level else "**" if line.bold else ""
        if previous is None or (previous.box, previous.page) != (line.box, line.page) or mark != kind:
            flush()
        kind = mark
        held.append((number, line.text))
        if line.text.endswith(ASKS):  # a question ends its visual line: what follows answers it
            flush()
        previous = line
    flush()
    return out

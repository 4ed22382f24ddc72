"""Answer Markdown as GitHub reads it (CommonMark), rewritten so Python-Markdown reads it alike.

Answers from a parse tree keep their source lines, but MkDocs renders them with
Python-Markdown, which reads real documents differently in four places:

    - **Parent**: text             - **Parent**: text
      - child (2 spaces: nested)       - child            <- 4 spaces, or it is no child
    1) item                        1. item               <- `1)` starts no list there
    The operation is:              The operation is:
    $$QK^T$$                                             <- `$$` is display math only as a
    Core parts:                    $$QK^T$$                 block of its own
    - a list                                             <- a list, fence, table or heading
                                   Core parts:              needs a blank line before it
                                                         (GitHub lets it interrupt a paragraph)
                                   - a list

Lines are re-indented from the token tree (markdown-it's line maps), so code
inside items keeps its own relative indentation. One parse, one pass over the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from generator.ingest.read_markdown import parser
from generator.model import Line

NEEDS_BLANK_BEFORE = frozenset(
    {"bullet_list_open", "ordered_list_open", "fence", "table_open", "math_block", "heading_open", "hr"}
)
MARKER = re.compile(r" *(?:[-*+]|(\d{1,9})[.)])(?= |$)")
DISPLAY_LINE = re.compile(r" *\$\$")
INDENT = 4
# A line that could open a block of its own (list item, fence, indented code, table,
# heading, rule, quote, HTML, display math). An answer without one is paragraphs, which
# both Markdowns read alike and which hold no code or display math: no parse is needed.
BLOCK_START = re.compile(r"^(?:\t| {4}| {0,3}(?:[-*+=_#>|<~`:$]|\d{1,9}[.)]))", re.M)
_MD = parser()


@dataclass
class _Layout:
    """Per source line: list depth and, for continuation lines, the innermost item's content column."""

    depth: list[int]
    column: list[int]
    marker: list[bool]
    blank_before: set[int]
    display: set[int]


def for_python_markdown(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    return rewritten(lines)[0]


def rewritten(lines: tuple[Line, ...]) -> tuple[tuple[Line, ...], list[Token] | None]:
    """(the lines for Python-Markdown, and markdown-it's tokens of them if they are the lines
    given, else None): most answers need no rewrite, and answer_math reads the same tokens."""
    if any("\n" in line.text for line in lines):
        # markdown-it maps tokens to physical lines: one Line each (a Line may hold several)
        lines = tuple(Line(line.no, part) for line in lines for part in line.text.split("\n"))
    texts = [line.text for line in lines]
    if not any(texts):
        return lines, None
    text = "\n".join(texts)
    if "|" not in text and "$$" not in text and not BLOCK_START.search(text):
        return lines, []  # no token that is code, math or a block Python-Markdown reads otherwise
    tokens = _MD.parse(text)
    layout = _layout(texts, tokens)
    out: list[Line] = []
    loose: set[int] = set()  # depths of the open lists that hold a blank line (source or added)
    for index, line in enumerate(lines):
        text = _reindent(texts[index], index, layout)
        if not text:
            loose.update(range(_content_depth(layout, index - 1)))
        elif layout.marker[index]:
            # In a loose list Python-Markdown reads a marker right after text as more of that text.
            if layout.depth[index] in loose and out and out[-1].text.strip():
                out.append(Line(line.no, ""))
            loose = {d for d in loose if d <= layout.depth[index]}
        elif layout.depth[index] == 0:
            loose = set()
        if index in layout.blank_before and out and out[-1].text.strip():
            out.append(Line(line.no, ""))
            loose.update(range(_content_depth(layout, index)))
        out.append(line if text == line.text else Line(line.no, text))
        if index in layout.display and index + 1 < len(texts) and texts[index + 1].strip():
            out.append(Line(line.no, ""))
            loose.update(range(_content_depth(layout, index)))
    kept = tuple(out)
    return kept, (tokens if kept == lines else None)


def _content_depth(layout: _Layout, index: int) -> int:
    """How many list items the line's content sits in (a marker line's content is one deeper)."""
    if index < 0:
        return 0
    return layout.depth[index] + (1 if layout.marker[index] else 0)


def _layout(texts: list[str], tokens: list[Token]) -> _Layout:
    count = len(texts)
    layout = _Layout([0] * count, [0] * count, [False] * count, set(), set())
    depth = 0
    for token in tokens:
        if token.type == "list_item_close":
            depth -= 1
            continue
        if not token.map:
            continue
        start, end = token.map
        if token.type == "list_item_open":
            depth += 1
            column = _content_column(texts[start])
            layout.marker[start] = True
            layout.depth[start] = depth - 1
            for index in range(start + 1, min(end, count)):
                layout.depth[index], layout.column[index] = depth, column
        elif token.type in NEEDS_BLANK_BEFORE and start > 0 and not _opens_child_list(token, texts, start):
            layout.blank_before.add(start)
        if token.type in ("paragraph_open", "math_block"):
            shown = [i for i in range(start, min(end, count)) if _is_display(texts, i)]
            layout.display.update(shown)
            layout.blank_before.update(i for i in shown if i > 0)
    return layout


def _opens_child_list(token: Token, texts: list[str], start: int) -> bool:
    """A list nested right under its item's text needs no blank line (and would loosen the item)."""
    return token.type.endswith("_list_open") and token.level > 0 and bool(texts[start - 1].strip())


def _content_column(text: str) -> int:
    marker = MARKER.match(text)
    if marker is None:
        return len(text) - len(text.lstrip(" "))
    after = len(text) - len(text[marker.end() :].lstrip(" ")) - marker.end()
    # Five or more spaces after the marker: the content is indented code, one space in.
    return marker.end() + (after if 1 <= after <= 4 else 1)


def _reindent(text: str, index: int, layout: _Layout) -> str:
    if not text.strip():
        return ""
    depth = layout.depth[index]
    if layout.marker[index]:
        marker = MARKER.match(text)
        if marker is None:
            return text
        mark = marker.group().strip()
        if mark.endswith(")"):
            mark = mark[:-1] + "."
        return " " * (INDENT * depth) + mark + " " + text[marker.end() :].lstrip(" ")
    if depth == 0:
        return text
    indent = len(text) - len(text.lstrip(" "))
    keep = indent - layout.column[index] if indent >= layout.column[index] else 0
    return " " * (INDENT * depth + keep) + text.lstrip(" ")


def _is_display(texts: list[str], index: int) -> bool:
    """A line that is one whole `$$…$$` formula."""
    stripped = texts[index].strip()
    return len(stripped) > 4 and bool(DISPLAY_LINE.match(texts[index])) and stripped.endswith("$$")

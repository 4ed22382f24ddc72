"""Lists and quotes nested too deep for Python-Markdown, made shallower.

Python-Markdown parses each nesting level of a list or quote with a recursive call: about
600 of them ("1. 1. 1. …" on one line, or a line indented 2,400 columns in a list) exhaust
Python's stack, and the RecursionError would end the build in the export (safe_html) or in
MkDocs. No document nests MAX_LEVELS deep, so past that a line keeps its text and loses the
nesting: its indentation is cut to MAX_LEVELS levels and the marker after the first
MAX_LEVELS is escaped. Indentation is only cut before a marker: it nests nothing else.

Fenced code and thematic breaks (`- - - -`) are left as written. A fence inside a list or a
quote is only guessed at (Python-Markdown may not take it for one), so its lines are left
as written up to CODE_LEVELS, still far from the stack's end.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from generator.ingest import syntax

MAX_LEVELS = 40
CODE_LEVELS = 100  # an outline of 250 levels exhausts the stack
COLUMNS = 4 * MAX_LEVELS  # a level of indentation is 4 columns (Python-Markdown's tab length)
# Possessive runs: a line that falls short is given up after MAX_LEVELS steps, not retried.
INDENT_UNIT = r"(?: {4}| {0,3}\t)"
MARKER = r"(?:(?:[-*+]|\d{1,9}[.)])[ \t]++|>[ \t]*+)"
DEEP_LINE = re.compile(rf"^(?:{INDENT_UNIT}{{{MAX_LEVELS}}}|[ \t]*+{MARKER}{{{MAX_LEVELS}}})", re.M)
MARKERS = re.compile(rf"[ \t]*+{MARKER}{{{MAX_LEVELS}}}")
CODE_DEEP = re.compile(rf"(?:{INDENT_UNIT}{{{CODE_LEVELS}}}|[ \t]*+{MARKER}{{{CODE_LEVELS}}})")
# A fence opening or closing inside up to MAX_LEVELS list items or quotes: (its marks, the rest).
NESTED_FENCE = re.compile(rf"[ \t]*+(?:{MARKER}){{0,{MAX_LEVELS}}}+[ \t]*+(`{{3,}}+|~{{3,}}+)(.*)")
ONE_MARKER = re.compile(MARKER)
THEMATIC_BREAK = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*")


def shallow(md: str) -> str:
    """`md` with every line nested deeper than MAX_LEVELS brought back to it."""
    if not DEEP_LINE.search(md):
        return md
    fences = syntax.fence_spans(md)
    starts = [start for start, _ in fences]
    out, pos, nested = [], 0, ""  # nested: the marks of the nested fence the line is in
    for line in md.split("\n"):
        at = bisect_right(starts, pos) - 1
        inside = at >= 0 and pos < fences[at][1]
        pos += len(line) + 1
        fence = None if inside else NESTED_FENCE.match(line)
        if fence and (not nested or _closes(fence, nested)):
            nested = "" if nested else fence.group(1)
            out.append(line)
        elif inside or not DEEP_LINE.match(line) or (nested and not CODE_DEEP.match(line)):
            out.append(line)
        else:
            out.append(_shallow_line(line))
    return "\n".join(out)


def _closes(fence: re.Match[str], opened: str) -> bool:
    marks = fence.group(1)
    return marks[0] == opened[0] and len(marks) >= len(opened) and not fence.group(2).strip()


def _shallow_line(line: str) -> str:
    if THEMATIC_BREAK.fullmatch(line):
        return line
    text = line.lstrip(" \t")
    if len(line[: len(line) - len(text)].expandtabs(4)) > COLUMNS and ONE_MARKER.match(text):
        line = " " * COLUMNS + text
    markers = MARKERS.match(line)
    if markers is None or not ONE_MARKER.match(line, markers.end()):
        return line
    rest = line[markers.end() :]
    digits = len(rest) - len(rest.lstrip("0123456789"))  # `12\.`: the escape goes before the dot
    return line[: markers.end() + digits] + "\\" + rest[digits:]

"""Lists and quotes nested too deep for Python-Markdown, made shallower.

Python-Markdown parses each nesting level of a list or quote with a recursive call: about
600 of them ("1. 1. 1. …" on one line, or a line indented 2,400 columns in a list) exhaust
Python's stack, and the RecursionError would end the build in the export (safe_html) or in
MkDocs. No document nests MAX_LEVELS deep, so past that a line keeps its text and loses the
nesting: its indentation is cut to MAX_LEVELS levels and the marker after the first
MAX_LEVELS is escaped. Fenced code and thematic breaks (`- - - -`) are left as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from generator.ingest import syntax

MAX_LEVELS = 40
COLUMNS = 4 * MAX_LEVELS  # a level of indentation is 4 columns (Python-Markdown's tab length)
# Possessive runs: a line that falls short is given up after MAX_LEVELS steps, not retried.
INDENT_UNIT = r"(?: {4}| {0,3}\t)"
MARKER = r"(?:(?:[-*+]|\d{1,9}[.)])[ \t]++|>[ \t]*+)"
DEEP_LINE = re.compile(rf"^(?:{INDENT_UNIT}{{{MAX_LEVELS}}}|[ \t]*+{MARKER}{{{MAX_LEVELS}}})", re.M)
MARKERS = re.compile(rf"[ \t]*+{MARKER}{{{MAX_LEVELS}}}")
ONE_MARKER = re.compile(MARKER)
THEMATIC_BREAK = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*")


def shallow(md: str) -> str:
    """`md` with every line nested deeper than MAX_LEVELS brought back to it."""
    if not DEEP_LINE.search(md):
        return md
    fences = syntax.fence_spans(md)
    starts = [start for start, _ in fences]
    out, pos = [], 0
    for line in md.split("\n"):
        at = bisect_right(starts, pos) - 1
        inside = at >= 0 and pos < fences[at][1]
        out.append(line if inside or not DEEP_LINE.match(line) else _shallow_line(line))
        pos += len(line) + 1
    return "\n".join(out)


def _shallow_line(line: str) -> str:
    if THEMATIC_BREAK.fullmatch(line):
        return line
    text = line.lstrip(" \t")
    if len(line[: len(line) - len(text)].expandtabs(4)) > COLUMNS:
        line = " " * COLUMNS + text
    markers = MARKERS.match(line)
    if markers is None or not ONE_MARKER.match(line, markers.end()):
        return line
    rest = line[markers.end() :]
    digits = len(rest) - len(rest.lstrip("0123456789"))  # `12\.`: the escape goes before the dot
    return line[: markers.end() + digits] + "\\" + rest[digits:]

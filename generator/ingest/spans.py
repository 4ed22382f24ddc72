"""Linear-time finders for the code and math of `generator.ingest.syntax`.

Each finder yields the (start, end) spans that the regex quoted in its docstring finds with
`finditer`, the same spans for every text (tests/test_spans.py checks them against the
regexes), but with each position looked at a bounded number of times: the regexes cost
cubic time on a run of backticks and quadratic time on a run of unclosed `\\(`.

The trick is the same throughout: the positions where a span can start and end (backtick
runs, closing delimiters, blank lines) are listed once, in order, and each opener finds
its closer with a binary search instead of scanning the text after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator

Spans = Iterator[tuple[int, int]]
NEVER = 1 << 62  # past any text's end

BACKTICKS = re.compile(r"`+")
BLANK_LINE = re.compile(r"\n(?=[ \t]*\n)")  # each `\n` that starts a blank line, overlapping ones too
DOLLAR_OR_PAREN = re.compile(r"\$|\\\(")
PAREN_OPEN = re.compile(r"\\\(")
PAREN_CLOSE = re.compile(r"\\\)")
FENCE_LINE = re.compile(r" {0,3}(`+|~+)")
# What may follow an opening fence for pymdownx.superfences (its RE_NESTED_FENCE_START): a
# language, then `{attrs}` or `key="value"` options. Any other line is text to the site, so
# it is text here too: its links are checked (```[x](javascript:…) renders as a live link).
# Only the options its default validator keeps, with values its formatter takes: with any
# other (`foo="x"`, `hl_lines="x"`) superfences drops the fence and its HTML reaches the page.
FENCE_INFO = re.compile(
    r"""[ \t]*(?:\.?[\w#.+-]+(?=[ \t]|$))?(?:[ \t]+(?:title=(?:"[^"\n]*"|'[^'\n]*')"""
    r"""|hl_lines=(?:"[\d \t-]*"|'[\d \t-]*')"""
    r"""|linenums=(?:"\d+(?:[ \t]+\d+){0,2}"|'\d+(?:[ \t]+\d+){0,2}')))*"""
    r"""[ \t]*"""
)


def _backslashes_before(text: str, pos: int) -> int:
    start = pos
    while start and text[start - 1] == "\\":
        start -= 1
    return pos - start


def _unescaped(text: str, positions: Iterator[int]) -> list[int]:
    """The positions preceded by an even number of backslashes (none escapes them)."""
    return [pos for pos in positions if _backslashes_before(text, pos) % 2 == 0]


def _first_at_or_after(positions: list[int], pos: int) -> int:
    index = bisect_left(positions, pos)
    return positions[index] if index < len(positions) else NEVER


def _first_after(positions: list[int], pos: int) -> int:
    index = bisect_right(positions, pos)
    return positions[index] if index < len(positions) else NEVER


def fences(text: str) -> Spans:
    """A fence as pymdownx.superfences reads one: `^ {0,3}(`{3,}|~{3,})(?![`~])` with a header it
    accepts (FENCE_INFO), closed by the first later line of exactly that run, `^ {0,3}\\1[ \\t]*$`.
    A run with no such close opens nothing, and no fence is read after it (superfences stops
    there): the site shows it all as text, so its links and tags are checked."""
    starts, ends = [], []
    opening: list[tuple[str, int, int] | None] = []
    closing: dict[tuple[str, int, int], list[int]] = {}
    # per indent 1-3: how many of the lines before each one are indented less (not blank)
    shallow: dict[int, list[int]] = {1: [0], 2: [0], 3: [0]}
    pos = 0
    for index, line in enumerate(text.split("\n")):
        head = FENCE_LINE.match(line)
        run = head.group(1) if head else ""
        rest = line[head.end() :].rstrip(" \t") if head else line
        starts.append(pos)
        ends.append(pos + len(line))
        # Closed only by a run at the same indent, over lines indented at least as far.
        indent = len(line) - len(line.lstrip(" ")) if head else 0
        mark = (run[:1], len(run), indent)
        opening.append(mark if len(run) >= 3 and FENCE_INFO.fullmatch(rest) else None)
        for depth in (1, 2, 3):
            short = bool(line.strip()) and len(line) - len(line.lstrip(" ")) < depth
            shallow[depth].append(shallow[depth][-1] + short)
        if len(run) >= 3 and not rest:
            closing.setdefault(mark, []).append(index)
        pos += len(line) + 1
    i = 0
    while i < len(starts) - 1:  # the last line has no `\n` after it: it opens nothing
        opened = opening[i]
        lines = closing.get(opened, []) if opened else []
        at = bisect_right(lines, i)
        if opened and at == len(lines):
            return  # superfences reads no fence after one never closed
        if at == len(lines):
            i += 1
            continue
        close, indent = lines[at], opened[2] if opened else 0
        if indent and shallow[indent][close] - shallow[indent][i + 1] > 0:
            return  # a line indented less than the fence: superfences reads none (safe: all text)
        yield starts[i], ends[close]
        i = close + 1


INDENTED = re.compile(r"(?: {4}| {0,3}\t)")
LIST_LINE = re.compile(r" {0,3}(?:[-*+]|\d+[.)])(?:[ \t]|$)")  # any number, as Python-Markdown


def indented_code(text: str) -> Spans:
    """Python-Markdown's indented code block: after a blank line (or at the start), lines
    indented by four spaces or a tab, blank lines among them. Not after a list item or an
    indented line: there the block continues the list (ListIndentProcessor comes first)."""
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    i, previous, after_blank = 0, "", True
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i, after_blank = i + 1, True
            continue
        if (
            after_blank
            and INDENTED.match(line)
            and not (previous.startswith((" ", "\t")) or LIST_LINE.match(previous))
        ):
            last = j = i
            while j < len(lines) and (not lines[j].strip() or INDENTED.match(lines[j])):
                last = j if lines[j].strip() else last
                j += 1
            yield starts[i], starts[last] + len(lines[last])
            i = last
            line = lines[last]
        previous, after_blank, i = line, False, i + 1


def code_spans(text: str) -> Spans:
    """Python-Markdown's code span, `(?<!\\\\)(?:\\\\\\\\)*(`+)(?:(?!\\n[ \\t]*\\n).)+?(?<!`)\\1(?!`)`
    (re.S): a run of n backticks closes at the next run of exactly n, within the paragraph;
    with no such run the opening run is shortened, longest first."""
    runs = [m.span() for m in BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    lengths = sorted(by_length)  # a closing run has one of these: only they are tried
    blanks = [m.start() for m in BLANK_LINE.finditer(text)]
    pos = 0
    for index, (start, end) in enumerate(runs):
        if start < pos:
            continue
        escapes = _backslashes_before(text, start)
        # An even number of backslashes belongs to the span; an odd one escapes one backtick.
        span_start, open_at = (start - escapes, start) if escapes % 2 == 0 else (start + 1, start + 1)
        limit = -1
        for nth in range(bisect_right(lengths, end - open_at) - 1, -1, -1):
            same = by_length[lengths[nth]]
            later = bisect_right(same, index)
            if later == len(same):
                continue
            limit = _first_at_or_after(blanks, end) if limit < 0 else limit
            close = runs[same[later]][0]
            if close < limit:
                yield span_start, close + lengths[nth]
                pos = close + lengths[nth]
                break


def math_spans(text: str, display: bool = True, dollar: bool = True) -> Spans:
    """arithmatex's math, in the order the alternation of these regexes (re.S) tries them:
    `(?<!\\\\)\\$\\$(?:(?!\\n[ \\t]*\\n).)+?\\$\\$` (only if `display`),
    `(?<!\\\\)\\$(?!\\s)(?:\\\\.|(?!\\n[ \\t]*\\n)[^\\\\$])+?(?<!\\s)\\$` (only if `dollar`) and
    `(?<!\\\\)\\\\\\((?:\\\\[^)]|(?!\\n[ \\t]*\\n)[^\\\\])+?\\\\\\)`.

    Inside inline math a backslash takes the next character along, so a `$`, `\\)` or blank
    line counts only where an even number of backslashes precedes it."""
    blanks = [m.start() for m in BLANK_LINE.finditer(text)]
    found = _Math(
        text,
        blanks,
        [m.start() for m in re.finditer(r"\$(?=\$)", text)] if display else [],
        _unescaped(text, (m.start() for m in re.finditer(r"\$", text))),
        _unescaped(text, (m.start() for m in PAREN_CLOSE.finditer(text))),
        _unescaped(text, iter(blanks)),
    )
    pos = 0
    for match in (DOLLAR_OR_PAREN if dollar else PAREN_OPEN).finditer(text):
        start = match.start()
        if start < pos or (start and text[start - 1] == "\\"):
            continue
        end = found.display(start) if display else None
        if end is None:
            end = found.dollar(start) if text[start] == "$" else found.paren(start)
        if end is not None:
            yield start, end
            pos = end


class _Math:
    """Where the math opening at a position ends, from lists of the positions that matter."""

    def __init__(
        self,
        text: str,
        blanks: list[int],
        doubles: list[int],
        dollars: list[int],
        parens: list[int],
        unescaped_blanks: list[int],
    ) -> None:
        self.text, self.blanks, self.doubles = text, blanks, doubles
        self.dollars, self.parens, self.unescaped_blanks = dollars, parens, unescaped_blanks

    def display(self, start: int) -> int | None:
        if not self.text.startswith("$$", start):
            return None
        close = _first_at_or_after(self.doubles, start + 3)
        if close == NEVER or _first_at_or_after(self.blanks, start + 2) < close:
            return None
        return close + 2

    def dollar(self, start: int) -> int | None:
        text, body = self.text, start + 1
        if body >= len(text) or text[body].isspace() or text[body] == "$":
            return None
        if text[body] == "\\" and body + 1 >= len(text):
            return None
        close = _first_after(self.dollars, body)
        if close == NEVER or _first_at_or_after(self.unescaped_blanks, body) < close:
            return None
        return None if text[close - 1].isspace() else close + 1

    def paren(self, start: int) -> int | None:
        text, body = self.text, start + 2
        if body >= len(text) or text.startswith("\\)", body):
            return None
        if text[body] == "\\" and body + 1 >= len(text):
            return None
        close = _first_after(self.parens, body)
        if close == NEVER or _first_at_or_after(self.unescaped_blanks, body) < close:
            return None
        return close + 2


def bracket_math(text: str) -> Spans:
    """`\\\\\\[(.+?)\\\\\\]` (re.S): a `\\[` up to the first `\\]` after it."""
    pos = 0
    while (start := text.find("\\[", pos)) >= 0:
        close = text.find("\\]", start + 3)
        if close < 0:
            return
        yield start, close + 2
        pos = close + 2


class Finder:
    """The part of a compiled pattern's API that callers use (finditer, search, sub), for a
    span finder: each match is a real re.Match of `shape`, anchored on the span found."""

    def __init__(self, spans: Callable[[str], Spans], shape: str, flags: int = re.S) -> None:
        self.spans = spans
        self.shape = re.compile(shape, flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for start, end in self.spans(text):
            match = self.shape.fullmatch(text, start, end)
            assert match is not None, (self.shape.pattern, text[start:end])
            yield match

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        out, pos = [], 0
        for match in self.finditer(text):
            out += [text[pos : match.start()], repl(match) if callable(repl) else match.expand(repl)]
            pos = match.end()
        return "".join(out) + text[pos:]

"""Code and math in Markdown: the one definition every stage uses.

    ```python               FENCE         a fenced block, ``` or ~~~, closed by a run as long
    x = $1                                (CommonMark's and Python-Markdown's rule)
    ```
    `a`, ``a ` b``          CODE_SPAN     Python-Markdown's pattern: may shorten an opening
                                          run of backticks, crosses lines but not a blank one
    $$\\sum_i x_i$$          MATH          arithmatex's patterns (the site renders answers with
    $x$, \\(x\\)                            pymdownx.arithmatex), kept within a paragraph

Markdown shows code as it is, and arithmatex reads math only where code is not, so a text
is split in that order: fences, code spans, then math (`split`). Sanitising
(`generator.ingest.sanitize`), math repair (`generator.ingest.mathfix`) and the HTML of questions.json
and the exports (`generator.render.safe_html`) all split with these patterns. Each is found in linear
time by `generator.ingest.spans` (regexes for them backtrack badly on a long run of backticks or `\\(`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.ingest import spans
from generator.ingest.spans import Finder

FENCE_MARKS = ("```", "~~~")
FENCE_RUN = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# Finders with a compiled pattern's finditer/sub; generator.ingest.spans quotes the regex each stands for.
FENCE = Finder(spans.fences, ".+")
CODE_SPAN = Finder(spans.code_spans, ".+")
MATH = Finder(spans.math_spans, ".+")
# \[ … \] in raw text: arithmatex reads it only as a block of its own; mathfix makes it $$ … $$.
BRACKET_MATH = Finder(spans.bracket_math, r"\\\[(.+)\\\]")
PAREN_MATH = Finder(lambda text: spans.math_spans(text, display=False, dollar=False), ".+")
# Lines that open display math in raw text, before it is delimited ($$ or \[ at the start).
DISPLAY_OPENERS = ("$$", "\\[")

Rule = tuple[Callable[[str], spans.Spans], str, tuple[str, ...]]
# (span finder, kind, strings one of which every span contains), in Markdown's order.
# An indented code block is "code" like a span, not a "fence": what we take for one may be
# raw HTML to Python-Markdown (inside a <div>), so its tags are still disarmed.
CODE: tuple[Rule, ...] = (
    (spans.fences, "fence", FENCE_MARKS),
    (spans.indented_code, "code", ("    ", "\t")),
    (spans.code_spans, "code", ("`",)),
)
CODE_AND_MATH: tuple[Rule, ...] = (*CODE, (spans.math_spans, "math", ("$", "\\(")))
# One inline line (a title): no fences, and a `$$` pair there is text to arithmatex.
INLINE: tuple[Rule, ...] = (
    (spans.code_spans, "code", ("`",)),
    (lambda text: spans.math_spans(text, display=False), "math", ("$", "\\(")),
)


def split(text: str, rules: tuple[Rule, ...] = CODE_AND_MATH) -> list[tuple[str, str]]:
    """(run, kind) pieces of `text` in order: kind "fence", "code", "math" or "text"."""
    runs = [(text, "text")]
    for find, kind, marks in rules:
        if not any(mark in text for mark in marks):  # most text has no code or math: skip the scan
            continue
        runs = [
            piece
            for run, was in runs
            for piece in ([(run, was)] if was != "text" else _split_on(find, run, kind))
        ]
    return [run for run in runs if run[0]]


def _split_on(find: Callable[[str], spans.Spans], text: str, kind: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    for start, end in find(text):
        out += [(text[pos:start], "text"), (text[start:end], kind)]
        pos = end
    return out + [(text[pos:], "text")]


def math_body(span: str) -> tuple[str, bool]:
    """(TeX, is display) of a span MATH matched: `$$x$$` -> ("x", True), `\\(x\\)` -> ("x", False)."""
    if span.startswith("$$"):
        return span[2:-2], True
    if span.startswith("$"):
        return span[1:-1], False
    return span[2:-2], False


def fence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each fenced block of `text`: pymdownx.superfences escapes their
    text itself, in an HTML block too, and spans.fences reads a fence where it does."""
    found, pos = [], 0
    for run, kind in split(text, CODE):
        if kind == "fence":
            found.append((pos, pos + len(run)))
        pos += len(run)
    return found


def fenced_after(line: str, fence: str) -> str:
    """The run of the code fence open after `line`, given the one open before it ("": none),
    for passes that go line by line: a run closes only the fence of its own mark, as long."""
    marks = FENCE_RUN.match(line)
    if marks and (not fence or (marks.group(1)[0] == fence[0] and len(marks.group(1)) >= len(fence))):
        return "" if fence else marks.group(1)
    return fence

"""Code and math in Markdown: the one definition every stage uses.

    ```python               FENCE         a fenced block, ``` or ~~~, closed by a run as long
    x = $1                                (CommonMark's and Python-Markdown's rule)
    ```
    `a`, ``a ` b``          CODE_SPAN     Python-Markdown's pattern: may shorten an opening
                                          run of backticks, crosses lines but not a blank one
    $$\\sum_i x_i$$          DISPLAY_MATH  arithmatex's patterns (the site renders answers with
    $x$, \\(x\\)              INLINE_MATH   pymdownx.arithmatex), kept within a paragraph

Markdown shows code as it is, and arithmatex reads math only where code is not, so a text
is split in that order: fences, code spans, then math (`split`). Sanitising
(`generator.sanitize`), math repair (`generator.mathfix`) and the HTML of questions.json
and the exports (`generator.safe_html`) all split with these patterns.
"""

from __future__ import annotations

import re

FENCE_MARKS = ("```", "~~~")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1[`~]*[ \t]*$", re.M | re.S)
CODE_SPAN = re.compile(r"(?<!\\)(?:\\\\)*(`+)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
DISPLAY_MATH = re.compile(r"(?<!\\)\$\$(?:(?!\n[ \t]*\n).)+?\$\$", re.S)
PAREN_MATH = re.compile(r"(?<!\\)\\\((?:\\[^)]|(?!\n[ \t]*\n)[^\\])+?\\\)", re.S)
INLINE_MATH = re.compile(
    r"(?<!\\)\$(?!\s)(?:\\.|(?!\n[ \t]*\n)[^\\$])+?(?<!\s)\$|" + PAREN_MATH.pattern, re.S
)
# \[ … \] in raw text: arithmatex reads it only as a block of its own; mathfix makes it $$ … $$.
BRACKET_MATH = re.compile(r"\\\[(.+?)\\\]", re.S)
MATH = re.compile(f"{DISPLAY_MATH.pattern}|{INLINE_MATH.pattern}", re.S)
# Lines that open display math in raw text, before it is delimited ($$ or \[ at the start).
DISPLAY_OPENERS = ("$$", "\\[")

Rule = tuple[re.Pattern[str], str, tuple[str, ...]]
# (pattern, kind, strings one of which every match contains), in Markdown's order.
CODE: tuple[Rule, ...] = ((FENCE, "fence", FENCE_MARKS), (CODE_SPAN, "code", ("`",)))
CODE_AND_MATH: tuple[Rule, ...] = (*CODE, (MATH, "math", ("$", "\\(")))
# One inline line (a title): no fences, and a `$$` pair there is text to arithmatex.
INLINE: tuple[Rule, ...] = ((CODE_SPAN, "code", ("`",)), (INLINE_MATH, "math", ("$", "\\(")))


def split(text: str, rules: tuple[Rule, ...] = CODE_AND_MATH) -> list[tuple[str, str]]:
    """(run, kind) pieces of `text` in order: kind "fence", "code", "math" or "text"."""
    runs = [(text, "text")]
    for pattern, kind, marks in rules:
        if not any(mark in text for mark in marks):  # most text has no code or math: skip the scan
            continue
        runs = [
            piece
            for run, was in runs
            for piece in ([(run, was)] if was != "text" else _split_on(pattern, run, kind))
        ]
    return [run for run in runs if run[0]]


def _split_on(pattern: re.Pattern[str], text: str, kind: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    for match in pattern.finditer(text):
        out += [(text[pos : match.start()], "text"), (match.group(), kind)]
        pos = match.end()
    return out + [(text[pos:], "text")]


def math_body(span: str) -> tuple[str, bool]:
    """(TeX, is display) of a span MATH matched: `$$x$$` -> ("x", True), `\\(x\\)` -> ("x", False)."""
    if span.startswith("$$"):
        return span[2:-2], True
    if span.startswith("$"):
        return span[1:-1], False
    return span[2:-2], False

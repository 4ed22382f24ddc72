"""Math fixing for answers that are already Markdown (from a parse tree).

`mathfix.fix_math` delimits bare LaTeX and escapes stray dollars; here it runs
only on the prose of an answer. Code (fenced or indented, at any depth in a
list) and display math (`$$…$$`, also several in a row or inside list items,
`\\begin{cases}` …) are found by parsing the answer again, and kept as written:

    1.  **Attention**:
        $$\\text{softmax}(QK^T)V$$
        $$x_i = 1$$
    ```python
    cost = price_per_token * n   # no $ here is math
    ```
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from generator.ingest.mathfix import fix_math
from generator.ingest.read_markdown import parser
from generator.ingest.syntax import MATH
from generator.ingest.titles import math_from_url
from generator.model import Line

FROZEN = frozenset({"fence", "code_block", "math_block", "math_block_label"})
DISPLAY = frozenset({"math_block", "math_block_label"})
# `x_{<i}`: the sanitiser must treat `<i…` as a possible tag; in TeX math a space is
# insignificant, and `< i` can start no tag, so the formula survives unchanged in meaning.
TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
IMG_TAG = re.compile(r"<img\b[^<>]*>", re.I)
SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
# `![alt](https://render.githubusercontent.com/render/math?math=…)`: the head is a regex, the
# URL's end is found in code (see _markdown_math_images).
MD_MATH_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\((?=https://render\.githubusercontent\.com/render/math\?math=)")
URL_END = re.compile(r"[)\s]")
_MD = parser()


def frozen_lines(text: str, tokens: list[Token] | None = None) -> tuple[set[int], set[int]]:
    """0-based indexes of the lines that are code or display math, and of those that are math.
    `tokens`: the text's parse, if the caller has it (pymd.rewritten)."""
    frozen: set[int] = set()
    math: set[int] = set()
    for token in _MD.parse(text) if tokens is None else tokens:
        if token.type in FROZEN and token.map:
            frozen.update(range(token.map[0], token.map[1]))
            if token.type in DISPLAY:
                math.update(range(token.map[0], token.map[1]))
    return frozen, math


def math_images(text: str) -> str:
    """`<img src="https://render.githubusercontent.com/render/math?math=\\beta">` -> `$\\beta$`."""
    if "render/math" not in text:
        return text
    text = IMG_TAG.sub(_img_math, text)
    return _markdown_math_images(text)


def _markdown_math_images(text: str) -> str:
    """The Markdown images of formulas as `$…$`. The URL runs to the first `)` or blank; an
    image whose URL meets a blank (or the end) first is left as written. Every image that
    starts before that blank would meet it too, so the scan skips them instead of running
    to the blank again from each one (a `[^)]*` regex did: quadratic)."""
    out: list[str] = []
    done = start = 0
    dead_until = -1
    while found := MD_MATH_IMAGE.search(text, start):
        start = found.start() + 1
        if found.end() <= dead_until:
            continue
        stop = URL_END.search(text, found.end())
        end = stop.start() if stop else len(text)
        if stop is None or text[end] != ")":
            dead_until = end
            continue
        image = text[found.start() : end + 1]
        out += [text[done : found.start()], _as_math(text[found.end() : end]) or image]
        done = start = end + 1
    return "".join(out) + text[done:] if out else text


def _img_math(match: re.Match[str]) -> str:
    src = SRC.search(match.group())
    return (_as_math(src.group(1) or src.group(2) or "") if src else None) or match.group()


def _as_math(src: str) -> str | None:
    formula = math_from_url(src)
    return f"${formula}$" if formula else None


def space_tags(text: str) -> str:
    return TAG_LIKE.sub("< ", text) if "<" in text else text


def _space_math_tags(text: str) -> str:
    if "<" not in text:
        return text
    return MATH.sub(lambda m: space_tags(m.group()), text)


def fix_tree_math(
    answer: tuple[Line, ...], tokens: list[Token] | None = None
) -> tuple[str, bool, int | None]:
    """(Markdown, holds math, first line with an unbalanced dollar or None); `tokens`: the
    answer's markdown-it parse when the caller has it."""
    texts = [line.text for line in answer]
    frozen, math = frozen_lines("\n".join(texts), tokens)
    out: list[str] = []
    has_math, bad_line = False, None
    run: list[int] = []
    for index in range(len(texts) + 1):
        if index < len(texts) and index not in frozen:
            run.append(index)
            continue
        if run:
            result = fix_math(math_images("\n".join(texts[i] for i in run)))
            out.append(_space_math_tags(result.text))
            has_math |= result.has_math
            if result.unbalanced and bad_line is None:
                bad_line = answer[run[0]].no
            run = []
        if index < len(texts):
            out.append(space_tags(texts[index]) if index in math else texts[index])
            has_math |= texts[index].lstrip().startswith("$$")
    return "\n".join(out), has_math, bad_line

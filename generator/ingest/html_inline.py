"""Inline HTML (a selectolax node's children) as safe inline Markdown.

    Every <strong>token</strong> <em>attends</em>, see <a href="https://x.org">x</a>  ->
    Every **token** *attends*, see [x](https://x.org)
    a <code>x*y</code> < b, 1 * 2, [not a link](javascript:..)  ->
    a `x*y` &lt; b, 1 \\* 2, \\[not a link](javascript:..)

Text is escaped so nothing in it becomes Markdown or HTML markup; math as the
author wrote it (`$x$`, `\\(x\\)`) is kept; MathJax/KaTeX markup and GitHub's
`render/math?math=` formula images become `$TeX$`. Only absolute http(s) and
mailto links stay links (relative ones pointed into the source's own site).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

from selectolax.lexbor import LexborNode

from generator.ingest.sanitize import is_external_url, is_safe_url

WHITESPACE = re.compile(r"\s+")
# Characters that could start Markdown or HTML markup inside a line of text. A `]` needs no
# escape: with every `[` escaped no link opens, and `\[x_1\]` would read as display math.
ACTIVE = re.compile(
    r"[\[`*]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|<(?=[A-Za-z/!?])|&(?=#?\w+;)|\\(?=[!-/:-@\[-`{-~])"
)
MATH_OPEN = re.compile(r"(?<!\\)(?:\$\$?|\\[(\[])")
MATH_CLOSE = {"$$": "$$", "$": "$", "\\(": "\\)", "\\[": "\\]"}
LINE_START = re.compile(r"^(#|>|[-+](?=\s)|\d+(?=[.)](?:\s|$)))", re.M)
# Lines MkDocs' extensions would read as blocks: setext underlines, admonitions
# (`!!!`), collapsible blocks (`???`), tabs (`===`), fences (`~~~`).
LINE_BLOCK = re.compile(r"^(?:[=-]+\s*$|!!!|\?\?\?|===|~~~)", re.M)
ENTITY = {"=": "&#61;", "-": "&#45;", "!": "&#33;", "?": "&#63;", "~": "&#126;"}
TEX_CLASSES = re.compile(r"(?:^|\s)(?:math|tex|latex)(?:\s|$)")
DISPLAY_CLASSES = re.compile(r"(?:^|\s)(?:display|katex-display|math-display)(?:\s|$)")
RENDERED_MATH = re.compile(r"(?:^|\s)(?:MathJax\w*|MJX\w*|katex-html)(?:\s|$)")
FORMULA_IMAGE = re.compile(r"/render/math\b|latex\.codecogs\.com/|/chart\?cht=tx\b")
DROPPED = frozenset(
    """script style noscript template select textarea iframe object embed canvas svg video
audio dialog input""".split()
)
EMPHASIS = {"b": "**", "strong": "**", "i": "*", "em": "*"}
CODE = frozenset({"code", "kbd", "samp", "tt"})
MAX_INLINE_DEPTH = 64


def inline(nodes: Iterable[LexborNode], title: bool = False, depth: int = 0) -> str:
    """Markdown of inline nodes; a title keeps one line (`<br>` becomes a space)."""
    return "".join(_node(node, title, depth) for node in nodes)


def _node(node: LexborNode, title: bool, depth: int) -> str:
    tag = node.tag or ""
    if node.is_text_node:
        return escape_text(WHITESPACE.sub(" ", node.text_content or ""))
    if not node.is_element_node:
        return ""
    if depth > MAX_INLINE_DEPTH:  # misnested formatting tags the parser re-opens: keep the text, flat
        return escape_text(WHITESPACE.sub(" ", node.text(deep=True)))
    depth += 1
    math = math_of(node)
    if math is not None:
        tex, display = math
        return _math_span(tex, display and not title)
    if tag == "br":
        return " " if title else "<br>\n"
    if tag in DROPPED or _hidden(node):
        return ""
    if tag == "button":
        return _button(node, title, depth)
    if tag in EMPHASIS:
        return _wrap(EMPHASIS[tag], inline(node.iter(include_text=True), title, depth))
    if tag in CODE:
        return code_span(node.text(deep=True, separator=""))
    if tag in ("sub", "sup"):
        inner = inline(node.iter(include_text=True), title, depth).strip()
        return inner if title or not inner else f"<{tag}>{inner}</{tag}>"
    if tag == "a":
        return _link(node, title, depth)
    if tag == "img":
        return image(node)
    return inline(node.iter(include_text=True), title, depth)


def _button(node: LexborNode, title: bool, depth: int) -> str:
    """A heading's toggle keeps its text; elsewhere a button that asks (an accordion's question)
    heads its panel, and any other (Copy, Share, Load more) says nothing."""
    text = inline(node.iter(include_text=True), title, depth)
    if title:
        return text
    return _wrap("**", text) if text.strip().endswith("?") else ""


def _hidden(node: LexborNode) -> bool:
    attrs = node.attrs
    return "hidden" in attrs or attrs.get("aria-hidden") == "true"


def math_of(node: LexborNode) -> tuple[str, bool] | None:
    """(TeX, display?) when an element is a formula in one of the usual markups."""
    tag, attrs = node.tag, node.attrs
    classes = attrs.get("class") or ""
    if tag == "script":
        kind = attrs.get("type") or ""
        if kind.startswith("math/tex"):
            return node.text(deep=True).strip(), "mode=display" in kind
        return None
    if tag == "img":
        tex = formula_of_image(attrs.get("src") or "")
        return (tex, False) if tex else None
    if tag == "math" or "katex" in classes.split():
        found = node.css_first('annotation[encoding="application/x-tex"]')
        if found is not None:
            display = attrs.get("display") == "block" or _in_katex_display(node)
            return found.text(deep=True).strip(), display
        return None
    if RENDERED_MATH.search(classes):
        return "", False  # MathJax's rendering of a formula whose TeX sits beside it
    if tag == "span" and TEX_CLASSES.search(classes):
        return strip_delimiters(node.text(deep=True)), bool(DISPLAY_CLASSES.search(classes))
    return None


def _in_katex_display(node: LexborNode) -> bool:
    parent = node.parent
    return parent is not None and "katex-display" in (parent.attrs.get("class") or "").split()


def formula_of_image(src: str) -> str | None:
    """The TeX of a formula image (`…/render/math?math=x%5E2` -> `x^2`), URL-decoded."""
    if not FORMULA_IMAGE.search(src):
        return None
    parts = urlsplit(src)
    query = parse_qs(parts.query, keep_blank_values=True)
    for key in ("math", "chl"):
        if query.get(key):
            return query[key][0].strip()
    # codecogs: the whole query is the formula
    return parse_qs("f=" + parts.query.replace("+", "%2B")).get("f", [""])[0].strip() or None


def strip_delimiters(tex: str) -> str:
    tex = tex.strip()
    for left, right in (("\\(", "\\)"), ("\\[", "\\]"), ("$$", "$$"), ("$", "$")):
        if tex.startswith(left) and tex.endswith(right) and len(tex) >= len(left) + len(right):
            return tex[len(left) : len(tex) - len(right)].strip()
    return tex


def _math_span(tex: str, display: bool) -> str:
    if not tex:
        return ""
    return f"$${tex}$$" if display else f"${tex}$"


def _wrap(marker: str, inner: str) -> str:
    if not inner.strip():
        return inner
    lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
    return f"{lead}{marker}{inner.strip()}{marker}{trail}"


def code_span(text: str) -> str:
    text = WHITESPACE.sub(" ", text)
    if not text.strip():
        return ""
    ticks = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _link(node: LexborNode, title: bool, depth: int) -> str:
    text = inline(node.iter(include_text=True), title, depth).strip()
    href = (node.attrs.get("href") or "").strip()
    if not is_external_url(href):  # relative links and anchors pointed into the source's own site
        return text
    return f"[{text or escape_text(href)}]({url_for_markdown(href)})"


def image(node: LexborNode) -> str:
    """`![alt](src)` for a safe source; a formula image is math; anything else, its alt text."""
    attrs = node.attrs
    src = (attrs.get("src") or "").strip()
    alt = escape_text(WHITESPACE.sub(" ", attrs.get("alt") or "").strip())
    tex = formula_of_image(src)
    if tex:
        return f"${tex}$"
    if not src or src.lower().startswith("data:") or not is_safe_url(src):
        return alt
    return f"![{alt}]({url_for_markdown(src)})"


def url_for_markdown(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")


def escape_text(text: str) -> str:
    """Plain text made inert in Markdown; `$...$`, `$$...$$` and `\\(...\\)` math left as written."""
    out: list[str] = []
    pos = 0
    for start, end in _math_spans(text):
        out.append(ACTIVE.sub(_escape_one, text[pos:start]) + text[start:end])
        pos = end
    out.append(ACTIVE.sub(_escape_one, text[pos:]))
    return "".join(out)


def _math_spans(text: str) -> Iterable[tuple[int, int]]:
    """Math spans as arithmatex reads them, found in linear time: each opener's closer is
    one `find`, and a closer that is missing is missing for every later opener too."""
    if "$" not in text and "\\(" not in text and "\\[" not in text:
        return
    missing: set[str] = set()
    pos = 0
    while opener := MATH_OPEN.search(text, pos):
        kind, start = opener.group(), opener.start()
        if kind == "$" and text.startswith("$", opener.end()):
            kind = "$$"
        body = start + len(kind)
        close = -1 if kind in missing else text.find(MATH_CLOSE[kind], body)
        if close < 0:
            missing.add(kind)
        elif kind != "$" or _inline_dollars(text, body, close):
            yield start, close + len(MATH_CLOSE[kind])
            pos = close + len(MATH_CLOSE[kind])
            continue
        pos = body


def _inline_dollars(text: str, body: int, close: int) -> bool:
    """`$x$`: no space inside either dollar, no line break, not followed by another `$`."""
    inner = text[body:close]
    return bool(inner) and not inner[0].isspace() and not inner[-1].isspace() and "\n" not in inner


def _escape_one(match: re.Match[str]) -> str:
    char = match.group()
    return {"<": "&lt;", "&": "&amp;"}.get(char, "\\" + char)


def tidy_lines(text: str) -> str:
    """Each line's whitespace collapsed and trimmed; empty lines dropped (a blank line would end
    the paragraph in Markdown)."""
    lines = (WHITESPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def paragraph(text: str) -> str:
    """Inline Markdown as a paragraph: lines trimmed, and no line may start a block."""
    text = tidy_lines(text)
    text = LINE_START.sub(_escape_line_start, text)
    return LINE_BLOCK.sub(lambda m: ENTITY[m.group()[0]] + m.group()[1:], text)


def _escape_line_start(match: re.Match[str]) -> str:
    head = match.group(1)
    return head + "\\" if head.isdigit() else "\\" + head

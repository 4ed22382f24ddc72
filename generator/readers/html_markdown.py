"""HTML to Markdown for the html_page reader, with the standard library's parser.

`parse_html` builds a small tree (closing `<p>`/`<li>`/`<td>` the way browsers
imply them); `blocks` walks the readable part of it in order and yields
headings and answer blocks as Markdown. Page furniture (navigation, header,
footer, aside, cookie, share and subscribe blocks, scripts) is skipped. Text
is escaped, so nothing in it turns into Markdown or HTML markup; only links
with safe URLs become links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from generator.model import Location, Problem
from generator.sanitize import is_external_url

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
HEADINGS = {f"h{n}": n for n in range(1, 7)}
CONTAINERS = frozenset("body main article section div header figure details summary center".split())
BLOCKS = frozenset("p ul ol pre blockquote table dl hr figcaption address".split())
STRUCTURAL = (
    CONTAINERS
    | BLOCKS
    | set(HEADINGS)
    | frozenset("li dt dd tr td th thead tbody tfoot html head body nav footer aside form".split())
)
DROP_TAGS = frozenset(
    """head nav header footer aside script style noscript template form button
iframe svg select textarea object embed canvas dialog menu img picture video audio""".split()
)
DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "dialog", "alert"})
TEXTLESS = DROP_TAGS - {"head"}
JUNK_NAME = re.compile(
    r"cookie|consent|gdpr|share|sharing|social|subscribe|newsletter|signup|sign-up|advert|\bads?\b|"
    r"promo|sidebar|related|comments?\b|breadcrumb|\bnav|\bmenu|popup|modal|footer|\bheader",
    re.I,
)
JUNK_TEXT = re.compile(
    r"^(?:share(?: this| on)?|subscribe|sign up|follow us|accept(?: all)? cookies|we use cookies|"
    r"this (?:site|website) uses cookies|join our newsletter|related posts?|leave a (?:comment|reply)|"
    r"you may also like|click here)\b",
    re.I,
)
JUNK_TEXT_MAX = 300
MAX_DEPTH = 200
IMPLIED_BY = {
    "li": ("ul", "ol"),
    "dt": ("dl",),
    "dd": ("dl",),
    "tr": ("table", "tbody", "thead"),
    "td": ("tr",),
    "th": ("tr",),
    "option": ("select",),
}
SIBLINGS = {
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "tr": {"tr"},
    "td": {"td", "th"},
    "th": {"td", "th"},
    "option": {"option"},
}
LIST_ITEM = re.compile(r"^(?:- |\d+\. )")
WHITESPACE = re.compile(r"\s+")
MATH = re.compile(r"(?<!\\)\$\$.+?\$\$|(?<![\\$])\$(?=\S)[^$\n]+?(?<=\S)\$(?!\$)|\\\(.+?\\\)", re.S)
ACTIVE = re.compile(r"[\[\]`*]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
LINE_START = re.compile(r"^(\s*)(#|>|[-+](?=\s)|\d+(?=[.)](?:\s|$)))", re.M)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    text: str = ""  # for "#text" nodes


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        node = Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0])
        self.stack[-1].children.append(node)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        depth = len(self.stack)
        self.handle_starttag(tag, attrs)
        del self.stack[depth:]

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(Node("#text", {}, self.getpos()[0], text=data))

    def _close_implied(self, tag: str) -> None:
        # A block never opens inside an unclosed <b> or <a>: close the inline ones first.
        if tag in STRUCTURAL:
            while len(self.stack) > 1 and self.stack[-1].tag not in STRUCTURAL:
                self.stack.pop()
        top = self.stack[-1].tag
        if top == "p" and (tag in BLOCKS or tag in HEADINGS or tag in CONTAINERS):
            self.stack.pop()
        if tag in HEADINGS and self.stack[-1].tag in HEADINGS:
            self.stack.pop()
        for index in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[index].tag
            if open_tag in IMPLIED_BY.get(tag, ()):
                return
            if open_tag in SIBLINGS.get(tag, ()):
                del self.stack[index:]
                return


def parse_html(text: str, path: str) -> tuple[Node, str, list[Problem]]:
    """(tree, page title, problems); a parser failure keeps what was read so far."""
    builder = _TreeBuilder()
    problems: list[Problem] = []
    try:
        builder.feed(text)
        builder.close()
    except (AssertionError, ValueError, IndexError) as exc:
        line = builder.getpos()[0]
        problems.append(Problem(Location(path, line), f"HTML could not be parsed past this line: {exc}"))
    in_head = _walk_all(builder.root, frozenset({"body", "main", "article", "div", "section"}))
    title = next((plain_text(n) for n in in_head if n.tag == "title"), "")
    return builder.root, title, problems


def _walk_all(node: Node, skip: frozenset[str] = frozenset()):
    stack = [node]
    while stack:
        current = stack.pop()
        if current.tag in skip and current is not node:
            continue
        yield current
        stack.extend(reversed(current.children))


def plain_text(node: Node) -> str:
    """The visible text: scripts, styles and other dropped elements say nothing."""
    texts = (n.text for n in _walk_all(node, TEXTLESS) if n.tag == "#text")
    return WHITESPACE.sub(" ", "".join(texts)).strip()


def blocks(root: Node) -> list[tuple[int, str, int]]:
    """(line, markdown, heading level or 0) for the readable content, in order."""
    total = max(1, len(plain_text(root)))
    out: list[tuple[int, str, int]] = []
    _walk(root, out, total)
    return out


def _walk(node: Node, out: list[tuple[int, str, int]], total: int) -> None:
    run: list[Node] = []
    for child in node.children:
        if child.tag == "#text" or not (
            child.tag in HEADINGS or child.tag in CONTAINERS or child.tag in BLOCKS or _dropped(child, total)
        ):
            run.append(child)
            continue
        _flush(run, out)
        run = []
        if _dropped(child, total):
            continue
        if child.tag in HEADINGS:
            text = plain_text(child)
            if text:
                out.append((child.line, text, HEADINGS[child.tag]))
        elif child.tag in CONTAINERS:
            _walk(child, out, total)
        else:
            markdown = render_block(child, total)
            if markdown.strip() and not _is_junk(markdown):
                out.append((child.line, markdown, 0))
    _flush(run, out)


def _flush(run: list[Node], out: list[tuple[int, str, int]]) -> None:
    markdown = _paragraph(inline(run))
    if markdown and not _is_junk(markdown):
        out.append((run[0].line, markdown, 0))


def _dropped(node: Node, total: int) -> bool:
    if node.tag in DROP_TAGS or node.attrs.get("role", "") in DROP_ROLES or "hidden" in node.attrs:
        return True
    names = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}"
    # A class like "has-sidebar" on the main wrapper must not drop the page: only small blocks go.
    return bool(JUNK_NAME.search(names)) and len(plain_text(node)) * 3 < total


def _is_junk(markdown: str) -> bool:
    return len(markdown) < JUNK_TEXT_MAX and bool(JUNK_TEXT.match(markdown.lstrip("*_\\ ")))


def render_block(node: Node, total: int) -> str:
    """One block element as Markdown."""
    tag = node.tag
    if tag in ("ul", "ol"):
        return _list(node, total)
    if tag == "pre":
        return _fenced(node)
    if tag == "blockquote":
        body = _chunks(node, total)
        return "\n".join(f"> {line}" if line else ">" for line in "\n\n".join(body).split("\n"))
    if tag == "table":
        return _table(node)
    if tag == "hr":
        return "* * *"
    if tag in HEADINGS:
        return f"**{escape_text(plain_text(node))}**"
    if tag == "dl":
        parts = [
            f"**{inline(n.children).strip()}**" if n.tag == "dt" else "\n\n".join(_chunks(n, total))
            for n in node.children
            if n.tag in ("dt", "dd")
        ]
        return "\n\n".join(p for p in parts if p.strip())
    return "\n\n".join(_chunks(node, total))


def _chunks(node: Node, total: int) -> list[str]:
    """The blocks inside an element (paragraphs, lists, ...) as Markdown chunks."""
    found: list[tuple[int, str, int]] = []
    _walk(node, found, total)
    return [f"**{escape_text(md)}**" if level else md for _, md, level in found]


def _list(node: Node, total: int) -> str:
    start = int(node.attrs["start"]) if node.attrs.get("start", "").isdigit() else 1
    items = []
    for n, item in enumerate((c for c in node.children if c.tag == "li"), start=start):
        marker = f"{n}. " if node.tag == "ol" else "- "
        body = _chunks(item, total) or [""]
        text = body[0] + "".join(("\n" if LIST_ITEM.match(chunk) else "\n\n") + chunk for chunk in body[1:])
        lines = text.split("\n")
        items.append("\n".join([marker + lines[0]] + [("    " + line) if line else "" for line in lines[1:]]))
    return "\n".join(items)


def _fenced(node: Node) -> str:
    code = "".join(n.text for n in _walk_all(node) if n.tag == "#text").strip("\n")
    classes = " ".join(n.attrs.get("class", "") for n in _walk_all(node))
    lang = re.search(r"(?:language|lang)-([\w+-]+)", classes)
    fence = "````" if "```" in code else "```"
    return f"{fence}{lang.group(1) if lang else ''}\n{code}\n{fence}"


def _table(node: Node) -> str:
    rows = [r for r in _walk_all(node) if r.tag == "tr"]
    cells = [
        [
            inline(c.children).strip().replace("|", "\\|").replace("\n", " ")
            for c in row.children
            if c.tag in ("td", "th")
        ]
        for row in rows
    ]
    cells = [row for row in cells if row]
    if not cells:
        return ""
    width = max(len(row) for row in cells)
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join([lines[0], "|" + " --- |" * width] + lines[1:])


def inline(nodes: list[Node]) -> str:
    """Inline content as Markdown: bold, italic, code, safe links; text escaped."""
    out = []
    for node in nodes:
        tag = node.tag
        if tag == "#text":
            out.append(escape_text(WHITESPACE.sub(" ", node.text)))
        elif tag == "br":
            out.append("\n")
        elif tag in DROP_TAGS:
            continue
        elif tag in ("b", "strong"):
            out.append(_wrap("**", inline(node.children)))
        elif tag in ("i", "em"):
            out.append(_wrap("*", inline(node.children)))
        elif tag in ("code", "kbd", "samp", "tt"):
            out.append(_code_span(plain_text(node)))
        elif tag in ("sub", "sup"):
            inner = inline(node.children).strip()
            out.append(f"<{tag}>{inner}</{tag}>" if inner else "")
        elif tag == "a":
            out.append(_link(node))
        else:
            out.append(inline(node.children))
    return "".join(out)


def _wrap(marker: str, inner: str) -> str:
    if not inner.strip():
        return inner
    lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
    return f"{lead}{marker}{inner.strip()}{marker}{trail}"


def _code_span(text: str) -> str:
    if not text:
        return ""
    ticks = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _link(node: Node) -> str:
    text = inline(node.children).strip()
    href = node.attrs.get("href", "").strip()
    if not is_external_url(href):  # relative links and anchors pointed into the source's own site
        return text
    href = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
    return f"[{text or escape_text(href)}]({href})"


def _paragraph(text: str) -> str:
    text = "\n".join(WHITESPACE.sub(" ", line).strip() for line in text.split("\n"))
    return LINE_START.sub(
        lambda m: (
            m.group(1) + "\\" + m.group(2) if not m.group(2).isdigit() else m.group(1) + m.group(2) + "\\"
        ),
        text.strip("\n "),
    ).strip()


def escape_text(text: str) -> str:
    """Plain text made inert in Markdown; `$...$` and `\\(...\\)` math left as written."""
    out, pos = [], 0
    for math in MATH.finditer(text):
        out.append(ACTIVE.sub(_escape_one, text[pos : math.start()]) + math.group())
        pos = math.end()
    return "".join(out) + ACTIVE.sub(_escape_one, text[pos:])


def _escape_one(match: re.Match[str]) -> str:
    char = match.group()
    return {"<": "&lt;", "&": "&amp;"}.get(char, "\\" + char)

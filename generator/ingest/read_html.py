"""HTML -> the block tree (`tree.Tree`), on selectolax's HTML5 parser (Lexbor).

Accepts whole pages and fragments, as browsers parse them:

    <nav>Home | Blog</nav>                      <- furniture: nav, header, footer, aside,
    <div class="share-buttons">Share</div>         cookie/share/subscribe blocks, scripts
    <h4>What is attention?</h4>                 <- heading 4, at its source line
    <p>Each token <b>attends</b> ...            <- paragraph "Each token **attends** ..."
    <ul><li><input type="checkbox" checked disabled> Keys</ul>   <- list, item checked=True
    <details><summary>Why?</summary><p>..</details>              <- details, summary
    <img src="https://…/render/math?math=x%5E2">                 <- math "x^2"

The content is `<main>`, or the page's only `<article>`, else the body. Block
lines come from one scan of the source (`html_source`), matched to the parsed
elements in document order; text runs are placed after the element before them.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from generator.ingest import html_blocks
from generator.ingest.html_inline import WHITESPACE
from generator.ingest.html_source import CLOSES_P, MAX_DEPTH, Element, Source, scan
from generator.ingest.tree import Tree
from generator.model import Location, Problem

DROP_TAGS = frozenset(
    """head nav header footer aside script style noscript template iframe svg select
textarea embed canvas dialog menu video audio""".split()
)
DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "dialog", "alert", "search"})
JUNK_NAME = re.compile(
    r"cookie|consent|gdpr|share|sharing|social|subscribe|newsletter|signup|sign-up|advert|\bads?\b|"
    r"promo|sidebar|related|comments?\b|breadcrumb|\bnav|\bmenu|popup|modal|footer|\bheader|"
    r"author-bio|byline|post-meta|entry-meta|\btoc\b|table-of-contents",
    re.I,
)
PANEL_NAME = re.compile(r"answer|panel|collapse|accordion|faq|solution|content", re.I)
QA_NAME = re.compile(r"accordion|faq|question|answer", re.I)
HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
SMALL_DROP = frozenset({"form"})  # a quiz may be one form; a search or sign-up form is small
EMPTY_P = re.compile(r"</p\b|<(?:" + "|".join(sorted(CLOSES_P)) + r")\b", re.I)


def read_html(text: str, path: str) -> tuple[Tree, list[Problem]]:
    """The block tree of an HTML document; bad markup never raises, it parses as a browser would."""
    source = scan(text)
    problems = []
    if source.too_deep is not None:
        message = f"HTML nested deeper than {MAX_DEPTH} elements: deeper tags ignored"
        problems.append(Problem(Location(path, source.line(source.too_deep)), message))
    if source.swallowed is not None:
        tag, offset = source.swallowed
        first, last = source.line(offset), source.line(max(offset, len(text.rstrip()) - 1))
        where = f"line {first} is" if last == first else f"lines {first}–{last} are"
        message = f"<{tag}> is never closed: {where} its text to a browser, not read"
        problems.append(Problem(Location(path, first), message))
    body = source.markup
    try:
        body.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: replaced one for one, so offsets still hold
        body = body.encode("utf-8", "replace").decode("utf-8")
    parser = LexborHTMLParser(body)
    title_node = parser.css_first("head title")
    title = WHITESPACE.sub(" ", title_node.text()).strip() if title_node is not None else None
    root = _content_root(parser)
    if root is None:
        return Tree([], title or None), problems
    positions = _positions(parser, source)
    total = max(1, len(root.text(deep=True)))
    walker = html_blocks.Walker(source, positions, lambda node: _dropped(node, total))
    return Tree(walker.blocks(root), title or None), problems


def _content_root(parser: LexborHTMLParser) -> LexborNode | None:
    """`<main>`, or the page's only `<article>`, when there is one; else the body."""
    main = parser.css_first("main")
    if main is not None:
        return main
    articles = parser.css("article")
    return articles[0] if len(articles) == 1 else parser.body


def _positions(parser: LexborHTMLParser, source: Source) -> dict[int, Element]:
    """Each parsed element's place in the source: the next start tag of its name, in
    document order. An empty `<p>` the parser made for a stray `</p>` takes none."""
    used: dict[str, int] = {}
    positions: dict[int, Element] = {}
    root = parser.root
    if root is None:
        return positions
    for node in root.traverse():
        tag = node.tag or ""
        found = source.starts.get(tag)
        index = used.get(tag, 0)
        if not found or index >= len(found):
            continue
        if tag == "p" and node.first_child is None and not EMPTY_P.match(source.text, found[index].tag_end):
            continue
        positions[node.mem_id] = found[index]
        used[tag] = index + 1
    return positions


def _dropped(node: LexborNode, total: int) -> bool:
    """Page furniture: navigation, banners, cookie and share blocks, hidden elements."""
    tag = node.tag or ""
    attrs = node.attrs
    if tag == "script" and (attrs.get("type") or "").startswith("math/tex"):
        return False  # MathJax's TeX, read as math
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if tag in DROP_TAGS or (attrs.get("role") or "") in DROP_ROLES or attrs.get("aria-hidden") == "true":
        return True
    if "hidden" in attrs:  # a collapsed FAQ answer is hidden until its question is clicked
        return not PANEL_NAME.search(names)
    if tag in HEADINGS or QA_NAME.search(names):  # "accordion-header" holds a question
        return False
    if tag not in SMALL_DROP and not JUNK_NAME.search(names):
        return False
    # A class like "has-sidebar" on the main wrapper must not drop the page: only small blocks go.
    return len(node.text(deep=True)) * 3 < total

"""Block-level HTML elements as tree blocks (`tree.Block`), each at its source line.

    <h3>Q?</h3>                   -> heading(level 3, text "Q?")
    text <b>run</b> in a <div>    -> paragraph (one per run of inline nodes; `<br><br>` splits)
    <ol start="4"><li>..</li>     -> list(ordered, start 4) > item(number 4) > paragraph
    <li><input type=checkbox checked> A   -> item(checked True)
    <pre><code class="language-py">       -> code, fenced
    <blockquote>, <details><summary>, <hr>, <table>, <dl>  -> quote, details/summary, rule, table, paragraphs

Containers (`div`, `section`, unknown elements holding blocks) are walked, not kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from selectolax.lexbor import LexborNode

from generator.ingest.html_inline import (
    WHITESPACE,
    escape_text,
    inline,
    paragraph,
    tidy_lines,
)
from generator.ingest.html_leaves import (
    checkbox,
    choice_lists,
    choice_start,
    code_block,
    display_math,
    finish_list,
    image_block,
    leading_newlines,
    letter_case,
    letter_items,
    number_of,
    without_trailing_breaks,
)
from generator.ingest.html_source import MAX_DEPTH, Element, Source
from generator.ingest.html_table import table_block
from generator.ingest.tree import Block

HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCKISH = frozenset(HEADINGS) | frozenset(
    """p ul ol pre blockquote table details summary hr dl dt dd li div section article main header
footer nav aside figure figcaption fieldset legend form address center hgroup search body dialog
menu noscript caption""".split()
)
PHRASING = frozenset(
    """b strong i em code kbd samp tt sub sup br img input abbr cite dfn mark q s small u var del
ins time data bdi bdo wbr math script style button select textarea""".split()
)
LEFT_OPEN = frozenset("b strong i em u s small mark span code".split())  # `<b>x` holding the page
MAX_WALK = MAX_DEPTH * 2  # formatting elements the parser re-opens can go past the scan's cap
JUNK_TEXT = re.compile(
    r"^(?:share(?: this| on)?|subscribe|sign up|follow us|accept(?: all)? cookies|we use cookies|"
    r"this (?:site|website) uses cookies|join our newsletter|related posts?|leave a (?:comment|reply)|"
    r"you may also like|click here)\b",
    re.I,
)
JUNK_TEXT_MAX = 300


class Walker:
    """Walks one document's content in order; `cursor` is the source offset reached."""

    def __init__(self, source: Source, positions: dict[int, Element], dropped: Callable[[LexborNode], bool]):
        self.source = source
        self.positions = positions
        self.dropped = dropped
        self.cursor = 0

    def blocks(self, node: LexborNode, depth: int = 0) -> list[Block]:
        return self.children(node.iter(include_text=True), depth)

    def children(self, nodes: Iterable[LexborNode], depth: int) -> list[Block]:
        out: list[Block] = []
        run: list[LexborNode] = []
        for child in nodes:
            if not child.is_element_node or not _is_block(child):
                run.append(child)
                continue
            out += self._runs(run)
            run = []
            if not self.dropped(child):
                out += self.element(child, depth + 1)
            else:
                self._skip(child)
        return choice_lists(out + self._runs(run))

    def element(self, node: LexborNode, depth: int) -> list[Block]:
        place = self.positions.get(node.mem_id)
        if place is not None:
            self.cursor = place.tag_end
        line = self.line()
        if depth > MAX_WALK:  # only past the scan's cap: keep the text, flat
            text = paragraph(escape_text(WHITESPACE.sub(" ", node.text(deep=True))))
            found = [Block("paragraph", line, line + 1, text=text, markdown=text)] if text else []
        else:
            found = self._map(node, depth)
        if place is not None:
            self.cursor = max(self.cursor, place.end)
        return found

    def _map(self, node: LexborNode, depth: int) -> list[Block]:
        tag = node.tag or ""
        line, end = self._span(node)
        if tag in HEADINGS:
            return self._heading(node, HEADINGS[tag], line, end, depth)
        if tag in ("ul", "ol"):
            return [self._list(node, depth)]
        if tag == "pre":
            return [code_block(node, line, end)]
        if tag == "table":
            return [table_block(node, line, end)]
        if tag == "hr":
            return [Block("rule", line, end, markdown="* * *")]
        if tag == "blockquote":
            inner = self.blocks(node, depth)
            body = "\n\n".join(b.markdown for b in inner)
            quoted = "\n".join(f"> {part}" if part else ">" for part in body.split("\n"))
            return [Block("quote", line, end, markdown=quoted, children=inner)] if inner else []
        if tag == "details":
            return self._details(node, line, end, depth)
        if tag == "dl":
            return self._definitions(node, depth)
        found = self.blocks(node, depth)
        if tag == "p" and found and found[0].line > line:  # the paragraph starts at its tag
            found[0].line = line
        return found

    def _heading(self, node: LexborNode, level: int, line: int, end: int, depth: int) -> list[Block]:
        """A heading's inline text; blocks a parser put inside it (a tag left open in the
        heading, such as `<object>`, takes in the rest of the page) follow it as siblings."""
        nodes = list(node.iter(include_text=True))
        cut = next((i for i, n in enumerate(nodes) if n.is_element_node and _is_block(n)), len(nodes))
        text = _title(nodes[:cut])
        head = [Block("heading", line, end, text=text, markdown=f"{'#' * level} {text}", level=level)]
        return (head if text else []) + (self.children(nodes[cut:], depth) if cut < len(nodes) else [])

    def _list(self, node: LexborNode, depth: int) -> Block:
        line, end = self._span(node)
        ordered = node.tag == "ol"
        attrs = node.attrs
        step = -1 if ordered and "reversed" in attrs else 1
        start = number_of(attrs.get("start"))
        if start is None and ordered:
            start = sum(1 for c in node.iter() if c.tag == "li") if step < 0 else 1
        items: list[Block] = []
        number = start or 1
        for child in node.iter(include_text=True):
            if child.tag == "li":
                number = number_of(child.attrs.get("value")) or number
                items.append(self._item(child, number if ordered else None, depth))
                number += step
                continue
            if child.is_element_node and self.dropped(child):
                continue
            stray = self.children([child], depth)  # text or a list put straight into the list
            if stray and not items:
                items.append(Block("item", stray[0].line, stray[-1].end))
            if stray:
                items[-1].children += stray
        block = Block("list", line, end, ordered=ordered, start=start, children=items)
        case = letter_case(node) if ordered else None
        if case is not None:
            letter_items(block, case)
        finish_list(block)
        return block

    def _item(self, node: LexborNode, number: int | None, depth: int) -> Block:
        place = self.positions.get(node.mem_id)
        if place is not None:
            self.cursor = place.tag_end
        line, end = self._span(node)
        checked = checkbox(node)
        children = self.blocks(node, depth + 1)
        if place is not None:
            self.cursor = max(self.cursor, place.end)
        return Block("item", line, end, number=number, checked=checked, children=children)

    def _details(self, node: LexborNode, line: int, end: int, depth: int) -> list[Block]:
        summary_node = next((c for c in node.iter() if c.tag == "summary"), None)
        blocks: list[Block] = []
        if summary_node is not None:
            s_line, s_end = self._span(summary_node)
            text = title_text(summary_node)
            blocks.append(Block("summary", s_line, s_end, text=text, markdown=f"**{text}**" if text else ""))
        rest = (
            c for c in node.iter(include_text=True) if summary_node is None or c.mem_id != summary_node.mem_id
        )
        blocks += self.children(rest, depth)
        markdown = "\n\n".join(b.markdown for b in blocks if b.markdown)
        return [Block("details", line, end, markdown=markdown, children=blocks)]

    def _definitions(self, node: LexborNode, depth: int) -> list[Block]:
        out: list[Block] = []
        for child in node.iter(include_text=True):
            if child.tag == "dt":
                for block in self.blocks(child, depth):
                    if block.kind == "paragraph":
                        block.text = block.markdown = f"**{block.text}**"
                    out.append(block)
            elif child.is_element_node and not self.dropped(child):
                out += self.element(child, depth + 1)
        return out

    def _skip(self, node: LexborNode) -> None:
        place = self.positions.get(node.mem_id)
        if place is not None:
            self.cursor = max(self.cursor, place.end)

    def line(self, offset: int | None = None) -> int:
        return self.source.line(self.cursor if offset is None else offset)

    def _span(self, node: LexborNode) -> tuple[int, int]:
        place = self.positions.get(node.mem_id)
        if place is None:
            line = self.line()
            return line, line + 1
        line = self.line(place.start)
        return line, max(line + 1, self.line(max(place.start, place.end - 1)) + 1)

    def _runs(self, nodes: list[LexborNode]) -> list[Block]:
        """Paragraphs of a run of inline nodes; two `<br>` in a row end a paragraph."""
        out: list[Block] = []
        piece: list[LexborNode] = []
        line = None
        newlines = breaks = 0
        ticked: bool | None = None  # the piece opens with a radio button or checkbox
        for node in nodes:
            if node.is_element_node and self.dropped(node):
                self._skip(node)
                continue
            choice = choice_start(node)
            if choice is not None:  # each choice of a form is a paragraph of its own
                if piece:
                    out += self._paragraph(piece, line or self.line(), newlines, ticked)
                piece, line, newlines, ticked = [], None, 0, choice
            if node.tag == "br":
                breaks += 1
                if breaks == 2 and piece:
                    out += self._paragraph(piece, line or self.line(), newlines, ticked)
                    piece, line, newlines, ticked = [], None, 0, None
            elif not node.is_text_node or (node.text_content or "").strip():
                breaks = 0
            place = self.positions.get(node.mem_id) if node.is_element_node else None
            data = node.text_content or "" if node.is_text_node else ""
            if line is None and node.tag != "br" and (place is not None or data.strip()):
                line = self.line(place.start) if place is not None else self.line() + leading_newlines(data)
            elif line is not None:
                newlines += data.count("\n")
            piece.append(node)
            if place is not None:
                self.cursor = max(self.cursor, place.end)
        if piece:
            out += self._paragraph(piece, line or self.line(), newlines, ticked)
        return out

    def _paragraph(
        self, nodes: list[LexborNode], line: int, newlines: int, ticked: bool | None = None
    ) -> list[Block]:
        if ticked is not None:  # a choice's line break is the form's layout, not its text
            nodes = without_trailing_breaks(nodes)
        content = [n for n in nodes if n.is_element_node or (n.text_content or "").strip()]
        if len(content) == 1 and content[0].tag == "img":
            return image_block(content[0], line)
        raw = inline(nodes)
        markdown = paragraph(raw)
        text = tidy_lines(raw.replace("<br>\n", "\n"))
        if not text or (len(markdown) < JUNK_TEXT_MAX and JUNK_TEXT.match(markdown.lstrip("*_\\[ "))):
            return []
        end = max(line + 1, self.line() + 1) if newlines else line + 1
        display = display_math(markdown)
        if display is not None:
            return [Block("math", line, end, text=display, markdown=f"$$\n{display}\n$$")]
        return [Block("paragraph", line, end, text=text, markdown=markdown, checked=ticked)]


def title_text(node: LexborNode) -> str:
    """A heading's or summary's inline Markdown on one line; bold around all of it is dropped."""
    return _title(node.iter(include_text=True))


def _title(nodes: Iterable[LexborNode]) -> str:
    text = " ".join(inline(nodes, title=True).split())
    if text.startswith("**") and text.endswith("**") and "**" not in text[2:-2] and len(text) > 4:
        return text[2:-2].strip()
    return text


def _is_block(node: LexborNode) -> bool:
    tag = node.tag or ""
    if tag in BLOCKISH or (tag in PHRASING and tag not in LEFT_OPEN):
        return tag in BLOCKISH
    return any(
        child.tag in BLOCKISH or (child.tag in LEFT_OPEN and _is_block(child)) for child in node.iter()
    )

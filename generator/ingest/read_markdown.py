"""Markdown -> block tree, with markdown-it-py (CommonMark + GFM tables, task lists, footnotes, $math$).

Accepts what people publish on GitHub, for example:

    ## 3. What is _attention_? [[src](https://arxiv.org/abs/1706.03762)]
    1. **Scaled dot product**:
        $$\\text{softmax}(QK^T/\\sqrt{d_k})V$$
    - [x] the correct option
    <details><summary>Show Answer</summary>

    The answer, with a table, `code` and a fenced block.

    </details>

Every block keeps its source lines (`line`, `end`) from the token `.map`, and its
`markdown` is those lines with the indentation of the lists and quotes around it
removed, so code, tables, nested lists and display math reach the answer exactly
as written. `<details>` written as HTML around Markdown becomes a `details` block.
The walk over the token stream is iterative: deep nesting cannot exhaust the stack,
and markdown-it-py stops nesting at MAX_NESTING levels (`Tree.too_deep` says where).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

from generator.ingest.brackets import brackets_plugin
from generator.ingest.references import definitions
from generator.ingest.tasklists import tasklists_plugin
from generator.ingest.tree import Block, Tree

DETAILS_OPEN = re.compile(r"^\s*<details\b[^>]*>", re.I)
DETAILS_CLOSE = re.compile(r"</details\s*>", re.I)
SUMMARY = re.compile(r"<summary\b[^>]*>", re.I)
SUMMARY_CLOSE = re.compile(r"</summary\s*>", re.I)
TAG = re.compile(r"</?[A-Za-z][^<>]*>")  # no `<` inside: each `<` starts at most one match
ORDERED_MARKER = re.compile(r"\d{1,9}[.)]")
LIST_TOKENS = {"bullet_list_open": False, "ordered_list_open": True}
LEAF = {"fence": "code", "code_block": "code", "math_block": "math", "math_block_label": "math", "hr": "rule"}
CLOSERS = {"bullet_list_close", "ordered_list_close", "list_item_close", "blockquote_close"}
CONTAINERS = {closer.replace("_close", "_open") for closer in CLOSERS}


# Past this depth markdown-it skips the rest of the document (its block rules read no more
# lines), so the Tree reports it. CommonMark's preset stops at 20 levels, which ten nested
# lists reach (a list and its item are a level each); 100 is markdown-it's default.
MAX_NESTING = 100
# Inline, the limit is how deep a `[` looks for its `]` inside other brackets, and a line of
# `![` that ends in `]` costs in proportion to it: 20,000 characters 0.74 s at 8, 1.19 s at
# 20 (an unclosed `[` costs nothing: generator.ingest.brackets). An image in a link inside
# emphasis needs 3; the segmenter reads no deeper inline structure than that.
MAX_INLINE_NESTING = 8


def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # One option serves both passes, so each sets its own before it runs.
    md.core.ruler.before("block", "block_nesting", _nesting(MAX_NESTING))
    md.core.ruler.before("inline", "inline_nesting", _nesting(MAX_INLINE_NESTING))
    md.use(tasklists_plugin).use(footnote_plugin).use(dollarmath_plugin, double_inline=True)
    return md.use(brackets_plugin)


def _nesting(levels: int) -> Callable[[StateCore], None]:
    def rule(state: StateCore) -> None:
        state.md.options["maxNesting"] = levels

    return rule


_MD = parser()


def parse(text: str) -> Tree:
    """The document's blocks; `line`/`end` are 1-based line numbers in `text`."""
    lines = text.split("\n")
    builder = _Builder(lines)
    env: dict = {}
    tokens = _MD.parse(text, env)
    builder.run(tokens)
    found = definitions(env, tokens)
    return Tree(
        builder.top, too_deep=_too_deep(tokens), definitions=found, open_fence=_open_fence(tokens, lines)
    )


def _open_fence(tokens: Sequence[Token], lines: list[str]) -> int:
    """The line of a top-level fence that runs to the end without its closing fence, when it
    took in text (two lines or more), or 0: CommonMark reads all of that as code."""
    last = tokens[-1] if tokens else None
    if last is None or last.type != "fence" or not last.map or last.level:
        return 0
    if any(line.strip() for line in lines[last.map[1] :]):
        return 0
    closer = lines[last.map[1] - 1].strip() if last.map[1] - 1 > last.map[0] else ""
    closed = closer.startswith(last.markup) and not closer.strip(last.markup[0])
    taken = sum(1 for line in lines[last.map[0] + 1 :] if line.strip())
    return last.map[0] + 1 if not closed and taken >= 2 else 0


def _too_deep(tokens: Sequence[Token]) -> int:
    """The line of the first container whose content markdown-it skipped for its depth, or 0."""
    for token in tokens:
        # A container at the last level: its content would be one level past it.
        if token.type in CONTAINERS and token.level >= MAX_NESTING - 1 and token.map:
            return token.map[0] + 1
    return 0


class _Builder:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.top: list[Block] = []
        # Open containers, each with the column where its content starts.
        self.stack: list[tuple[Block, int]] = []

    def run(self, tokens: Sequence[Token]) -> None:
        i, skip_depth = 0, 0
        while i < len(tokens):
            token = tokens[i]
            if token.type == "footnote_block_open":
                skip_depth += 1
            elif token.type == "footnote_block_close":
                skip_depth -= 1
            elif not skip_depth:
                i = self.token(tokens, i)
            i += 1

    def token(self, tokens: Sequence[Token], i: int) -> int:
        """Handle tokens[i]; returns the index of the last token consumed."""
        token = tokens[i]
        kind = token.type
        if kind in CLOSERS:
            self.close()
        elif kind in LIST_TOKENS:
            start = int(token.attrs.get("start", 1)) if LIST_TOKENS[kind] else None
            self.open(Block("list", *self.span(token), ordered=LIST_TOKENS[kind], start=start), token)
        elif kind == "list_item_open":
            number = int(token.info) if token.info.isdigit() else None
            self.open(Block("item", *self.span(token), number=number), token)
        elif kind == "blockquote_open":
            self.open(Block("quote", *self.span(token)), token)
        elif kind in ("heading_open", "paragraph_open"):
            inline = tokens[i + 1]
            block = Block(
                "heading" if kind == "heading_open" else "paragraph",
                *self.span(token),
                text=inline.content.strip(),
                level=int(token.tag[1]) if kind == "heading_open" else 0,
            )
            self.mark_task(block, inline)
            self.add(block)
            return i + 2
        elif kind in LEAF:
            self.add(Block(LEAF[kind], *self.span(token), text=token.content.strip()))  # type: ignore[arg-type]
        elif kind == "table_open":
            self.add(Block("table", *self.span(token)))
            while tokens[i].type != "table_close":
                i += 1
        elif kind == "html_block":
            self.html(token)
        return i

    def span(self, token: Token) -> tuple[int, int]:
        if token.map:
            return token.map[0] + 1, token.map[1] + 1
        parent = self.stack[-1][0] if self.stack else None
        return (parent.line, parent.end) if parent else (1, 1)

    def column(self) -> int:
        return self.stack[-1][1] if self.stack else 0

    def add(self, block: Block) -> None:
        block.markdown = dedent(self.lines[block.line - 1 : block.end - 1], self.column())
        if self.stack:
            self.stack[-1][0].children.append(block)
        else:
            self.top.append(block)

    def open(self, block: Block, token: Token) -> None:
        self.add(block)
        first = self.lines[block.line - 1] if block.line - 1 < len(self.lines) else ""
        self.stack.append((block, content_column(first, self.column(), block.kind)))

    def close(self) -> None:
        """Close the innermost list, item or quote, and any `<details>` left open inside it."""
        while self.stack and self.stack[-1][0].kind == "details":
            self.pop()
        if self.stack:
            self.pop()

    def pop(self) -> None:
        block, _ = self.stack.pop()
        if block.children:
            block.end = max(block.end, block.children[-1].end)

    def mark_task(self, block: Block, inline: Token) -> None:
        """A task-list item's first paragraph: the plugin put a checkbox before its text."""
        first = inline.children[0] if inline.children else None
        parent = self.stack[-1][0] if self.stack else None
        if first is None or first.type != "html_inline" or "task-list-item-checkbox" not in first.content:
            return
        if parent is not None and parent.kind == "item" and not parent.children:
            parent.checked = 'checked="checked"' in first.content

    def html(self, token: Token) -> None:
        """`<details><summary>…</summary>` opens a details block; `</details>` closes it."""
        content = token.content
        opened = DETAILS_OPEN.match(content)
        if not opened:
            if DETAILS_CLOSE.search(content) and any(b.kind == "details" for b, _ in self.stack):
                while self.stack[-1][0].kind != "details":
                    self.pop()
                self.pop()
                return
            self.add(Block("html", *self.span(token), text=content.strip()))
            return
        line, end = self.span(token)
        details = Block("details", line, end)
        self.add(details)
        summary, body, closed = split_details(content[opened.end() :])
        # Its text without tags: `<summary><b>Answer</b></summary>` is an "Answer" fold too.
        text = " ".join(TAG.sub(" ", summary).split())
        details.children.append(Block("summary", line, line + 1, text=text, markdown=summary))
        if body:
            details.children.append(Block("paragraph", line, end, text=body, markdown=body))
        if not closed:
            self.stack.append((details, self.column()))


def split_details(rest: str) -> tuple[str, str, bool]:
    """(summary text, body text, closed) of what follows `<details>` in one HTML block."""
    summary = ""
    # Only a summary right at the start counts: matched there, not searched for, since a
    # search would scan to the end of the text from each `<summary` that has no `>`.
    opened = SUMMARY.match(rest, len(rest) - len(rest.lstrip()))
    if opened:
        closed = SUMMARY_CLOSE.search(rest, opened.end())
        stop = closed.start() if closed else len(rest)
        summary = " ".join(rest[opened.end() : stop].split())
        rest = rest[closed.end() :] if closed else ""
    end = DETAILS_CLOSE.search(rest)
    body = rest[: end.start()] if end else rest
    return summary, body.strip(), end is not None


def content_column(line: str, column: int, kind: str) -> int:
    """Where the content of a list item or quote that starts on `line` begins."""
    if kind not in ("item", "quote"):
        return column
    pos = column
    while pos < len(line) and line[pos] in " \t":
        pos += 1
    if kind == "quote":
        pos += 1 if line[pos : pos + 1] == ">" else 0
        return pos + 1 if line[pos : pos + 1] == " " else pos
    marker = ORDERED_MARKER.match(line, pos)
    pos = marker.end() if marker else pos + 1
    spaces = 0
    while pos + spaces < len(line) and line[pos + spaces] == " ":
        spaces += 1
    if pos + spaces >= len(line) or spaces > 4:
        return pos + 1
    return pos + spaces


def dedent(lines: list[str], column: int) -> str:
    """The lines with `column` characters of container indentation removed.

    The first line loses exactly `column` characters (the markers of the lists
    around it may sit there); a later line loses them only where they are
    spaces or quote markers, else just its leading spaces (a lazy continuation).
    """
    if column == 0:
        return "\n".join(lines).rstrip()
    out = []
    for n, line in enumerate(lines):
        line = _expand_leading_tabs(line)
        head = line[:column]
        if n == 0 or not head.strip(" >"):
            out.append(line[column:])
        else:
            out.append(line.lstrip(" "))
    return "\n".join(out).rstrip()


def _expand_leading_tabs(line: str) -> str:
    if "\t" not in line[:16]:
        return line
    body = line.lstrip(" \t")
    return line[: len(line) - len(body)].expandtabs(4) + body

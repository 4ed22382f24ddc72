"""The block tree every syntax reader produces and the segmenter walks.

A Markdown reader (markdown-it-py tokens) and an HTML reader (an HTML5 parser)
both turn a document into the same blocks, so finding questions is written once:

    heading    level 1-6, `text` = its inline Markdown
    paragraph  `text` = its inline Markdown (soft line breaks kept as "\\n")
    list       `ordered`, `start`; children are `item`s
    item       `number` (ordered lists), `checked` (task lists: True/False, else None);
               children are the item's blocks
    code       fenced or indented code; `markdown` is the fence as written
    math       a display formula; `text` is the TeX without delimiters
    table      `markdown` is a GFM table
    quote      children are the quoted blocks
    details    children: a `summary` block first, then the body
    summary    `text` = its inline Markdown
    html       raw HTML the reader could not map (already reduced to the allowlist)
    image      a block-level image: `text` = alt, `url` = src
    rule       a thematic break

Every block keeps `line` and `end` (1-based, end exclusive) in the source file, so
`path:line` survives parsing. `markdown` is the block rendered as Markdown (for
Markdown sources: the source lines themselves, dedented), which is what answers
are made of; `text` is what titles are made of.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from generator.ingest.references import Definitions

BlockKind = Literal[
    "heading",
    "paragraph",
    "list",
    "item",
    "code",
    "math",
    "table",
    "quote",
    "details",
    "summary",
    "html",
    "image",
    "rule",
]


@dataclass
class Block:
    kind: BlockKind
    line: int
    end: int
    text: str = ""
    markdown: str = ""
    level: int = 0
    ordered: bool = False
    start: int | None = None
    number: int | None = None
    checked: bool | None = None
    url: str | None = None
    children: list[Block] = field(default_factory=list)

    def walk(self) -> Iterator[Block]:
        """This block and every block below it, in document order (iteratively: no recursion limit)."""
        stack = [self]
        while stack:
            block = stack.pop()
            yield block
            stack.extend(reversed(block.children))


@dataclass
class Tree:
    """A parsed document: its top-level blocks, in order, and its title when it declares one
    (HTML `<title>`, Markdown front-matter `title`, or a lone leading `#` heading)."""

    blocks: list[Block]
    title: str | None = None
    too_deep: int = 0  # the line past which a parser nested too deep to read on, or 0
    open_fence: int = 0  # the line of a code fence never closed, which took the rest, or 0
    # Markdown's reference-link and footnote definitions (generator.ingest.references)
    definitions: Definitions | None = None

    def walk(self) -> Iterator[Block]:
        for block in self.blocks:
            yield from block.walk()

"""An outline's topics as sections: questions nested one level under topic bullets.

Notion's nested toggles, Logseq and Workflowy pages put every question one level down:

    - Transformers                         <- a topic: a short bullet that does not ask
        - What is causal masking?          <- the questions, each over its answer
            Setting future scores to −∞ …
    - Retrieval
        - What is BM25?

The segmenter reads top-level items, so it would see two items that ask nothing. Here each
topic becomes a heading over its nested list, which is then top-level: the topic is the
section, and its items are read as any list of questions.
"""

from __future__ import annotations

from dataclasses import replace

from generator.ingest.segment import ASKS, asks_plainly
from generator.ingest.tree import Block, Tree

MAX_TOPIC_WORDS = 8
MIN_ASKING = 2
SECTION_LEVEL = 2


def unwrap_outlines(tree: Tree) -> Tree:
    level = min(6, max((b.level for b in tree.blocks if b.kind == "heading"), default=SECTION_LEVEL - 1) + 1)
    blocks: list[Block] = []
    changed = False
    for block in tree.blocks:
        topics = _topics(block)
        if topics is None:
            blocks.append(block)
            continue
        changed = True
        for title, nested in topics:
            text = title.text
            heading = Block("heading", title.line, title.end, text=text, markdown=text, level=level)
            blocks += [heading, nested]
    return replace(tree, blocks=blocks) if changed else tree


def _topics(block: Block) -> list[tuple[Block, Block]] | None:
    """Each item's title paragraph and nested list, when every item of an unordered list is a
    short topic over a list whose items ask (at least two in all), else None."""
    if block.kind != "list" or block.ordered or not block.children:
        return None
    out: list[tuple[Block, Block]] = []
    asking = 0
    for item in block.children:
        parts = item.children
        if len(parts) != 2 or parts[0].kind != "paragraph" or parts[1].kind != "list":
            return None
        title, nested = parts
        text = title.text.strip()
        if "\n" in text or len(text.split()) > MAX_TOPIC_WORDS or text.rstrip(" *_").endswith(ASKS):
            return None
        asks = sum(1 for inner in nested.children if _asks(inner))
        if asks * 2 < len(nested.children):
            return None
        asking += asks
        out.append((title, nested))
    return out if asking >= MIN_ASKING else None


def _asks(item: Block) -> bool:
    head = item.children[0] if item.children else None
    return head is not None and head.kind == "paragraph" and asks_plainly(head.text.split("\n", 1)[0])

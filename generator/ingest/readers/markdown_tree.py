"""Reader: Markdown with block structure, parsed into a tree and segmented (generator.ingest).

Accepts what people publish as README-style documents, for example:

    # 63 Must-Know LLM Interview Questions
    * [Q1: What is attention?](#q1-what-is-attention)    <- table of contents
    ## 1. What are _Large Language Models_?              <- questions as headings,
    ### Core idea                                        <- sub-headings stay in the answer
    **What is regression? 👶**                           <- or as bold paragraphs,
    1. **What is a GAN?**                                <- or numbered items with
    - Answer: ...                                        <- a labelled answer
    #### Q4. In machine learning you input ...          <- with `- [x]` options

It claims a document only when the text has Markdown block structure (headings,
quoted `> Question:` blocks, fences, task lists, tables, bold-only lines, `<details>`)
and the segmenter finds questions in it: the plain-text shapes keep their line
readers, since Markdown would merge their lines that no blank line separates.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.ingest.assemble import Segmented, segment
from generator.ingest.read_markdown import parse
from generator.ingest.references import with_definitions
from generator.model import Document, Draft, Line, Problem

NAME = "markdown"

BLOCK_MARKUP = re.compile(
    r"^(?: {0,3}(?:#{1,6}[ \t]+\S|```|~~~|[-*+][ \t]+\[[ xX]\][ \t]|\|?[ \t]*:?-{3,}:?[ \t]*\||"
    r"\*\*[^*\n]{3,}\*\*[ \t\u200d\ufe0f👶⭐🚀]*$|\d{1,4}[.)][ \t]+\*\*\S|<details\b|"
    r">[ \t]?(?:[*_]{0,2}Q(?:uestion)?[ \t]?\d{0,5}[*_]{0,2}[ \t]?[:.)]|\[!(?:question|faq|help|quiz)\]))"
    # nested under a list item: `   - Answer: …` or `   (b) option`
    r"| {2,8}(?:[-*+]|\(?[a-hA-H][.)])[ \t]+\S)",
    re.M,
)
MIN_MARKUP_LINES = 2
OPEN_FENCE = "code fence never closed: the rest of the document is read as its code"
TOO_DEEP = "lists or quotes nested too deep: the rest of the document is read as part of this block"


def has_block_markup(text: str) -> bool:
    for found, _ in enumerate(BLOCK_MARKUP.finditer(text, 0, 2_000_000), start=1):
        if found >= MIN_MARKUP_LINES:
            return True
    return False


def matches(text: str) -> bool:
    if not has_block_markup(text):
        return False
    found = _segment(text, None)
    _handed.clear()
    _handed[text] = found
    return bool(found.drafts)


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    found, problems = read_tree(doc, None)
    return found.drafts, problems


def read_tree(doc: Document, force: str | None) -> tuple[Segmented, list[Problem]]:
    """The segmented document; `force` is a `questions:` override from sources.yml."""
    found = _segmented(doc.text, force)
    numbers = [line.no for line in doc.lines]

    def no(line: int) -> int:  # parse lines count from 1 in doc.text; Line.no is the file's
        return numbers[line - 1] if 0 < line <= len(numbers) else line

    drafts = [
        replace(
            d,
            location=doc.at(no(d.location.line)),
            answer=tuple(Line(no(x.no), x.text) for x in d.answer),
        )
        for d in found.drafts
    ]
    unread = [(no(a), no(b)) for a, b in found.unread]
    problems = [Problem(doc.at(no(p.location.line)), p.message, p.severity) for p in found.problems]
    return Segmented(drafts, found.structure, unread), problems


# `matches` then `read` see the same text: the parse `matches` made is handed to the read
# that follows it, once. A cache that kept results would make a repeated read of the
# same text free, which is no real cost (and hid the parse from the complexity test).
_handed: dict[str, Segmented] = {}


def _segmented(text: str, force: str | None) -> Segmented:
    found = _handed.pop(text, None) if force is None else None
    return found if found is not None else _segment(text, force)


def _segment(text: str, force: str | None) -> Segmented:
    tree = parse(text)
    found = segment(tree, _NO_DOC, force)
    if tree.definitions:
        found.drafts = [with_definitions(d, tree.definitions) for d in found.drafts]
    if tree.too_deep:
        found.problems.append(Problem(_NO_DOC.at(tree.too_deep), TOO_DEEP))
    if tree.open_fence:
        found.problems.append(Problem(_NO_DOC.at(tree.open_fence), OPEN_FENCE))
    return found


_NO_DOC = Document("", "", ())

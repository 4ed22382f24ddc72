"""Find the questions on a block tree: try each kind of marker, keep the one that explains the document.

Accepts the shapes people publish, whichever reader built the tree:

    ## 3. What is attention?            heading-N: headings at one level
    **What is regression? 👶**          bold: bold-only paragraphs (or lines, or bullet items)
    1. **What is a GAN?**               list: top-level ordered items (and `**1.**` paragraphs)
    Q: What is LoRA? / A: ...           label: `Q:`, `Question:`, `Q12.` paragraphs
    <details><summary>Why?</summary>    details: one question per `<details>`
    * [Q1: What is …](#q1)              a table of contents: skipped, reported

Each candidate is scored on how many of its titles read as questions (a `?`,
an interrogative or imperative opening), discounted by the share that do not,
and on numbering that runs on (1, 2, 3 … or restarting at 1). Everything below
a question up to the next one belongs to its answer, sub-headings included;
headings above questions (shallower, or placed right before one) are sections.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property

from generator.ingest.titles import Title, parse_title, split_label, unwrap_strong
from generator.ingest.tree import Block, Tree

QUESTION_LABEL = re.compile(
    r"^[*_]{0,2}(?:Q(?:uestion)?[ \t]*\d{0,5}[a-z]?[ \t]*[.:)\-]|Question[ \t]*\d{0,5}\b)", re.I
)
NUMBER_LABEL = re.compile(r"^[*_]{2}\d{1,5}[.)]")
ANSWER_LINE = re.compile(r"^[*_]{0,2}(?:A|Ans|Answer)[ \t]?\d{0,5}[*_]{0,2}[ \t]*[:\-.)]", re.I)
OPENING = re.compile(
    r"^(?:what|why|how|when|where|which|who|whom|whose|is|are|can|could|do|does|did|should|would|will|"
    r"has|have|was|were|explain|describe|define|compare|contrast|discuss|differentiate|distinguish|"
    r"outline|summari[sz]e|list|name|give|walk|tell|highlight|propose|suggest|identify|illustrate|"
    r"elaborate|state|write|implement|design|mention|provide|evaluate|analy[sz]e|justify|in what|in which|"
    r"differences?[ \t]+between)\b",
    re.I,
)
QUESTIONS_PAGE = re.compile(r"question|interview|\bfaq\b|quiz|troubleshoot", re.I)
MIN_STATEMENTS = 2  # headings on a questions page where none asks: fewer is a lone section
LINK_ONLY = re.compile(r"^\[[^\]]*\]\([^)]*\)\W*$")
ASKS = ("?", "\uff1f", "\u061f")  # and the full-width (Chinese, Japanese) and Arabic marks
KINDS = ("heading", "label", "bold", "list", "details")


@dataclass
class Marker:
    block: Block  # the unit: heading, paragraph, item or details
    title: str  # the title's raw inline Markdown
    rest: list[Block] = field(default_factory=list)  # blocks inside the unit that open the answer
    number: int | None = None  # an ordered list item's number (its title holds none)

    @cached_property
    def parsed(self) -> Title:
        """The title parsed once: scoring, filtering and the draft all ask for it, and a
        parse costs markdown-it's inline pass over the whole title."""
        return parse_title(self.title)


@dataclass
class Unit:
    block: Block
    list_block: Block | None = None  # the top-level list an item came from


@dataclass
class Choice:
    name: str  # "heading-2", "bold", "list", ...
    markers: list[Marker]
    score: float
    numbers: list[int]


def units_of(tree: Tree) -> list[Unit]:
    """Top-level blocks in order, top-level list items one by one, label paragraphs split at each
    label, and the blocks of a quote that opens with a question label (`> **Question:** …`)."""
    return _units(tree.blocks)


def _units(blocks: list[Block]) -> list[Unit]:
    out: list[Unit] = []
    for block in blocks:
        if block.kind == "quote" and _opens_with_label(block):
            out += _units(block.children)  # the first child is a paragraph: no deeper quote
        elif block.kind == "list":
            out += [Unit(item, block) for item in block.children]
        elif block.kind == "paragraph" and "\n" in block.text:
            out += [Unit(part) for part in split_labels(block)]
        else:
            out.append(Unit(block))
    return out


def _opens_with_label(quote: Block) -> bool:
    first = quote.children[0] if quote.children else None
    return first is not None and first.kind == "paragraph" and QUESTION_LABEL.match(first.text) is not None


def split_labels(block: Block) -> list[Block]:
    """`Q: …⏎A: …` written as one paragraph: one block per labelled line."""
    lines = block.text.split("\n")
    source = block.markdown.split("\n")
    cuts = [
        i for i, line in enumerate(lines) if i and (QUESTION_LABEL.match(line) or ANSWER_LINE.match(line))
    ]
    if not cuts or len(source) != len(lines):
        return [block]
    parts = []
    for start, stop in zip([0, *cuts], [*cuts, len(lines)], strict=True):
        parts.append(
            Block(
                "paragraph",
                block.line + start,
                block.line + stop,
                text="\n".join(lines[start:stop]),
                markdown="\n".join(source[start:stop]),
            )
        )
    return parts


def candidates(units: list[Unit], skip: set[int]) -> dict[str, list[Marker]]:
    found: dict[str, list[Marker]] = {}
    for index, unit in enumerate(units):
        if index in skip:
            continue
        for name, marker in markers_of(unit):
            found.setdefault(name, []).append(marker)
    return found


def markers_of(unit: Unit) -> list[tuple[str, Marker]]:
    block = unit.block
    out: list[tuple[str, Marker]] = []
    if block.kind == "heading":
        out.append((f"heading-{block.level}", Marker(block, block.text)))
        if QUESTION_LABEL.match(block.text):
            out.append(("heading-label", Marker(block, block.text)))
    elif block.kind == "paragraph":
        first, _, more = block.text.partition("\n")
        if QUESTION_LABEL.match(block.text):
            out.append(("label", Marker(block, first, _rest_lines(block, more))))
        if is_bold_only(block.text):
            out.append(("bold", Marker(block, block.text)))
        elif more and is_bold_only(first):  # `**What is X?**⏎answer…`: one paragraph, soft break
            out.append(("bold", Marker(block, first, _rest_lines(block, more))))
        if NUMBER_LABEL.match(block.text):
            out.append(("list", Marker(block, first, _rest_lines(block, more))))
    elif block.kind == "item" and unit.list_block is not None:
        head = block.children[0] if block.children else None
        if head is not None and head.kind == "paragraph":
            first, _, more = head.text.partition("\n")
            rest = _rest_lines(head, more) + block.children[1:]
            if unit.list_block.ordered:
                out.append(("list", Marker(block, first, rest, block.number)))
            elif is_bold_only(first):  # `- **What is X?**` with the answer below it in the item
                out.append(("bold", Marker(block, first, rest)))
    elif block.kind == "details" and block.children and block.children[0].kind == "summary":
        out.append(("details", Marker(block, block.children[0].text, block.children[1:])))
    return out


def _rest_lines(block: Block, more: str) -> list[Block]:
    """The lines of a paragraph after its first (a title line), as a paragraph of their own."""
    if not more.strip():
        return []
    source = block.markdown.split("\n", 1)
    markdown = source[1] if len(source) > 1 else more
    return [Block("paragraph", block.line + 1, block.end, text=more, markdown=markdown)]


def is_bold_only(text: str) -> bool:
    if "\n" in text:
        return False
    return unwrap_strong(_without_tail(text)) != _without_tail(text)


def _without_tail(text: str) -> str:
    return text.rstrip(" \t\u200d\ufe0f👶⭐🚀🌟I")


def reads_as_question(parsed: Title) -> bool:
    words = re.sub(r"[*_`\\]", "", parsed.text).strip()
    return words.rstrip(" .:)").endswith(ASKS) or bool(OPENING.match(words))


def number_of(marker: Marker) -> int | None:
    if marker.number is not None:
        return marker.number
    _, label = split_label(marker.title)
    # `2.3.`: the last part runs on under its parent (1.1, 1.2, 2.1 count as 1, 2, 1).
    digits = "".join(ch for ch in (label or "").rpartition(".")[2] if ch.isdigit())
    return int(digits) if digits else None


def score(markers: list[Marker]) -> tuple[float, list[int]]:
    """Questions, discounted by the share of titles that are not, plus numbering that runs on.
    A title that recurs ("**What a strong answer covers:**" under every question) is a label
    inside answers: questions differ, so each text asks once at most."""
    asks = len({m.parsed.text for m in markers if reads_as_question(m.parsed)})
    numbers = [n for n in (number_of(m) for m in markers) if n is not None]
    runs = sum(1 for a, b in itertools.pairwise(numbers) if b in (a + 1, 1))
    breaks = len(numbers) - 1 - runs if numbers else 0
    value = asks * asks / len(markers) + 0.5 * runs - breaks
    return value, numbers


def choose(
    found: dict[str, list[Marker]], force: str | None = None, questions_page: bool = False
) -> Choice | None:
    """The best-scoring kind of marker. On a page whose title says it holds questions
    ("FAQ and troubleshooting") where no kind asks, its headings are problem statements
    ("Previews are slow"): the level with the most of them (the deeper on a tie) is chosen."""
    best: Choice | None = None
    for name, markers in sorted(found.items(), key=lambda kv: _order(kv[0])):
        if force is not None and not _forced(name, force):
            continue
        value, numbers = score(markers)
        if best is None or value > best.score:
            best = Choice(name, markers, value, numbers)
    if best is not None and force is None and best.score <= 0:
        return _statement_headings(found) if questions_page else None
    return best


def _statement_headings(found: dict[str, list[Marker]]) -> Choice | None:
    levels = [(len(markers), name) for name, markers in found.items() if name[-1:].isdigit()]
    if not levels:
        return None
    count, name = max(levels)
    return Choice(name, found[name], 0.0, []) if count >= MIN_STATEMENTS else None


def _forced(name: str, force: str) -> bool:
    return name == force or (force == "heading" and name.startswith("heading"))


def _order(name: str) -> tuple[int, str]:
    return KINDS.index(name.split("-")[0]), name


def with_shallower_questions(choice: Choice, found: dict[str, list[Marker]]) -> Choice:
    """Level-3 questions and a level-2 `## Q: …` among them: shallower question headings count too
    (they end any answer anyway); deeper ones stay inside answers. Among bold or numbered
    questions, a heading that asks (ends with `?`) is one more question, not a section."""
    if choice.name == "heading-label":
        return choice
    if choice.name.startswith("heading-"):
        level = int(choice.name[-1])
        extra = [
            m
            for name, markers in found.items()
            if name[-1:].isdigit() and name.startswith("heading-") and int(name[-1]) < level
            for m in markers
            if reads_as_question(m.parsed) or QUESTION_LABEL.match(m.title)
        ]
    else:  # bold or numbered questions, and a `## What is X?` heading among them
        extra = [
            m
            for name, markers in found.items()
            if name[-1:].isdigit() and name.startswith("heading-")
            for m in markers
            if m.parsed.text.rstrip(" *_").endswith(ASKS)
        ]
    if not extra:
        return choice
    merged = sorted([*choice.markers, *extra], key=lambda m: m.block.line)
    return Choice(choice.name, merged, choice.score, choice.numbers)


def drop_statements(choice: Choice, questions_page: bool = False) -> list[Marker]:
    """Where most titles are questions, a title that is neither a question, numbered nor rated is not one;
    on a page whose own title says it is questions ("FAQ", "Interview questions"), every one is."""
    asks = [reads_as_question(m.parsed) for m in choice.markers]
    if questions_page or sum(asks) * 2 < len(asks):
        return choice.markers
    kept = []
    for marker, ask in zip(choice.markers, asks, strict=True):
        parsed = marker.parsed
        if ask or parsed.label or parsed.difficulty or marker.number is not None:
            kept.append(marker)
    return kept


def is_toc(block: Block) -> bool:
    """A list whose items are mostly bare links: a table of contents."""
    if block.kind != "list" or len(block.children) < 3:
        return False
    links = sum(
        1 for item in block.children if item.children and LINK_ONLY.match(item.children[0].text.strip())
    )
    return links * 10 >= len(block.children) * 7

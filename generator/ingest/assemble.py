"""Drafts from a block tree: the chosen markers, their answers and sections, and what no question took.

Walks the document's units once (see segment.units_of):

    # Title                      <- document title: not a section, not dropped
    Intro paragraph.             <- before the first question: reported as unread
    ## Basics                    <- a section heading: becomes `section`
    ### 1. What is X?            <- a marker: a question
    #### 1. Ring attention       <- deeper than the questions: part of the answer
    ---  <br>                    <- junk: rules and bare HTML go nowhere, silently

`structure` says, for `check`, what was chosen and why.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from generator.ingest import junk
from generator.ingest.answer_key import fold_answer_key, fold_key_lines
from generator.ingest.answers import build_answer, difficulty_field
from generator.ingest.chat_turns import fold_turns
from generator.ingest.inline_options import with_answer_after_dash
from generator.ingest.options import several_marked
from generator.ingest.outlines import unwrap_outlines
from generator.ingest.qa_tables import expand_tables
from generator.ingest.scoring import (
    LAST_RESORT,
    Choice,
    choose,
    drop_statements,
    is_frame_line,
    section_name,
    with_shallower_questions,
)
from generator.ingest.segment import QUESTIONS_PAGE, Marker, Unit, candidates, is_toc, units_of
from generator.ingest.tree import Block, Tree
from generator.model import Document, Draft, Problem

NOTES = "notes"  # not a sources.yml value: the readers' last resort (see readers.read_source_document)
RECORDS = "heading-label"  # nor this: a CSV or JSON table's records, each `### Q. …` one question
DESCRIBE = {
    "heading-label": "Q-labelled headings",
    "bold": "bold-only paragraphs",
    "list": "top-level numbered list items",
    "label": "Q:/Question: labelled paragraphs",
    "details": "<details> summaries or question/answer table rows",
    "bullet": "bullet items that ask",
    LAST_RESORT: "paragraphs that ask, each over its answer (no heading, bold line or list did)",
}


@dataclass
class Segmented:
    drafts: list[Draft] = field(default_factory=list)
    structure: str = ""
    unread: list[tuple[int, int]] = field(default_factory=list)  # line ranges, end inclusive
    problems: list[Problem] = field(default_factory=list)
    empty: list[int] = field(default_factory=list)  # drafts with nothing at all under them
    several: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)  # drafts, letters marked


@dataclass
class _Open:
    marker: Marker
    section: str | None
    blocks: list[Block]
    source_list: dict[int, int] = field(default_factory=dict)  # id(answer list) -> id(its source list)
    pieces: dict[int, list[str]] = field(default_factory=dict)  # id(answer list) -> its items' Markdown


def _without_toc_titles(markers: list[Marker], units: list[Unit], toc: set[int]) -> list[Marker]:
    """On a questions page every heading counts, except one that only introduces a table
    of contents ("## Contents" over a list of links)."""
    at = {id(u.block): i for i, u in enumerate(units)}
    return [m for m in markers if at.get(id(m.block), -2) + 1 not in toc]


LINK_ONLY = re.compile(r"^\s*!?\[[^\]\n]*\]\([^)\s]*\)\s*$")


def _lone_leading_title(units: list[Unit]) -> str | None:
    """The text of a leading `#` heading that no other `#` heading follows: the page's name."""
    first = units[0].block if units else None
    if first is None or first.kind != "heading" or first.level != 1:
        return None
    others = any(u.block.kind == "heading" and u.block.level == 1 for u in units[1:])
    return None if others else first.text


def segment(tree: Tree, doc: Document, force: str | None = None) -> Segmented:
    units = units_of(expand_tables(unwrap_outlines(fold_turns(junk.without_junk_sections(tree)))))
    lists = {id(u.list_block): u.list_block for u in units if u.list_block is not None}
    toc_lists = {key for key, block in lists.items() if is_toc(block)}
    toc = {i for i, u in enumerate(units) if id(u.list_block) in toc_lists}
    found = candidates(units, toc)
    name = tree.title or _lone_leading_title(units)
    # NOTES: no reader found a question anywhere, so a page of statement headings is read
    # as a notes page, each heading one card ("## Attention"), as on a questions page.
    notes, force = force == NOTES, None if force == NOTES else force
    questions_page = notes or bool(name and QUESTIONS_PAGE.search(name))
    choice = choose(found, force, questions_page)
    if choice is not None:
        choice = with_shallower_questions(choice, found)
    if choice is None:
        return Segmented(unread=_ranges([u.block for u in units if not junk.is_junk_block(u.block)]))
    # A forced structure means every marker of that kind is a question, statements included.
    chosen = choice.markers if force else drop_statements(choice, questions_page)
    if questions_page and not force:
        chosen = _without_toc_titles(chosen, units, toc)
    markers = {id(m.block): m for m in chosen}
    boundary = _boundary_level(units, markers, choice)
    next_level = _levels_of_next(units, markers)
    out = Segmented()
    current: _Open | None = None
    section: str | None = None
    section_level = 0
    kept: Counter[str] = Counter()
    unread: list[Block] = []
    first_title = units[0].block if units and units[0].block.kind == "heading" else None
    if first_title is not None and tree.title is not None and first_title.level > 1:
        first_title = None  # the document names itself (HTML <title>): a leading `<h2>` is a section
    for index, unit in enumerate(units):
        block = unit.block
        if id(block) in markers:
            if block.kind == "heading" and block.level <= section_level:
                section = None  # a question heading beside the section heading, not under it
            _flush(current, doc, out)
            current = _Open(markers[id(block)], section, list(markers[id(block)].rest))
        elif block.kind == "heading" and block.level <= boundary:
            _flush(current, doc, out)
            current = None
            if block is not first_title and block.level < next_level[index]:
                section, section_level = section_name(block), block.level
        elif index in toc:
            unread.append(block)
        elif current is not None and not choice.name.startswith("heading") and is_frame_line(block):
            _flush(current, doc, out)  # "**Key takeaways**" after the last of bold or Q1. titles
            current = None
            unread.append(block)
        elif current is not None and choice.name != "details":  # `</details>` ends its answer
            if block.kind == "heading":
                kept[f"level-{block.level} headings"] += 1
            if not junk.is_junk_block(block):
                _append(current, unit)
        elif not junk.is_junk_block(block) and block is not first_title:
            unread.append(block)
    _flush(current, doc, out)
    keyed = (fold_answer_key(out.drafts) if choice.name == "list" else None) or fold_key_lines(out.drafts)
    if keyed is not None:
        out.drafts, out.empty, out.several = keyed, [], []
    out.problems = _empty_answers(out) + _several_marked(out)
    out.unread = _ranges(unread)
    out.structure = describe(choice, kept, _ranges([units[i].block for i in sorted(toc)]), force)
    if keyed is not None:
        out.structure += "; answered after the questions, matched by number"
    if notes and choice.score <= 0:
        out.structure += "; no title asks: read as notes, one question per heading"
    return out


def _levels_of_next(units: list[Unit], markers: dict[int, Marker]) -> list[int]:
    """For each unit, the heading level of the next question after it (7 for a question that
    is no heading, 0 for none): a section heading sits above it; one at its own level is a
    sibling, not a section. One backward pass: a scan from each heading would be quadratic."""
    out = [0] * len(units)
    level = 0
    for index in range(len(units) - 1, -1, -1):
        out[index] = level
        block = units[index].block
        if id(block) in markers:
            level = block.level if block.kind == "heading" else 7
    return out


def _boundary_level(units: list[Unit], markers: dict[int, Marker], choice: Choice) -> int:
    """Headings at this level or above end an answer and name a section."""
    if choice.name.startswith("heading-") and choice.name[-1:].isdigit():
        return int(choice.name[-1])  # a question one level deeper (`### 3.` among `## N.`) ends no answer
    if choice.name.startswith("heading"):
        return max(m.block.level for m in markers.values()) if markers else 0
    levels = [0]
    for before, unit in itertools.pairwise(units):
        if id(unit.block) in markers and before.block.kind == "heading":
            levels.append(before.block.level)
    return max(levels)


def _append(current: _Open, unit: Unit) -> None:
    """Add a unit to an answer; consecutive items of one list stay one list."""
    block, source = unit.block, unit.list_block
    if block.kind == "item" and not block.children and block.checked is None:
        return  # `1. ` and nothing after it: a slot the author never filled, not an answer "1."
    last = current.blocks[-1] if current.blocks else None
    if source is not None and last is not None and current.source_list.get(id(last)) == id(source):
        current.pieces[id(last)] += ["\n\n" if block.line > last.end else "\n", block.markdown]
        last.children.append(block)
        last.end = block.end
        return
    if source is not None:
        block = Block(
            "list", block.line, block.end, markdown=block.markdown, ordered=source.ordered, children=[block]
        )
        current.source_list[id(block)] = id(source)
        current.pieces[id(block)] = [block.markdown]
    current.blocks.append(block)


def _flush(current: _Open | None, doc: Document, out: Segmented) -> None:
    if current is None:
        return
    for block in current.blocks:
        if id(block) in current.pieces:  # joined once: appending item by item would copy the list each time
            block.markdown = "".join(current.pieces[id(block)])
    title = current.marker.parsed
    question, blocks = _task_below_number(title.text, current.blocks)
    difficulty, blocks = (title.difficulty, blocks) if title.difficulty else difficulty_field(blocks)
    answer = build_answer(blocks)
    if not blocks:
        out.empty.append(len(out.drafts))
    if answer.marked:
        out.several.append((len(out.drafts), answer.marked))
    out.drafts.append(
        Draft(
            question=question,
            location=doc.at(current.marker.block.line),
            answer=answer.lines,
            section=current.section,
            choices=answer.choices,
            correct=answer.correct,
            stem=answer.stem,
            label=title.label or (str(current.marker.number) if current.marker.number is not None else None),
            link=title.link,
            difficulty=difficulty,
            markup=True,
            former_titles=title.formers if question == title.text or not title.text else (),
        )
    )


def _task_below_number(title: str, blocks: list[Block]) -> tuple[str, list[Block]]:
    """A heading that only numbers (`### 2.`) asks what the first paragraph under it says
    (a link-only line such as `[Practice](url)` aside): that paragraph is the question."""
    if title.strip():
        return title, blocks
    for index, block in enumerate(blocks):
        if block.kind == "paragraph" and not LINK_ONLY.match(block.text) and len(block.text.split()) >= 3:
            return " ".join(block.text.split()), blocks[:index] + blocks[index + 1 :]
    return title, blocks


def _empty_answers(out: Segmented) -> list[Problem]:
    """Where most questions have answers, one with nothing under it is worth a word."""
    if len(out.empty) * 2 > len(out.drafts):
        return []
    return [
        Problem(d.location, f"question has an empty answer: {d.question[:60]!r}")
        for d in (out.drafts[i] for i in out.empty)
        if not with_answer_after_dash(d).answer  # "What is MHA? → Multi-head attention"
    ]


def _several_marked(out: Segmented) -> list[Problem]:
    """A "select all that apply" question keeps one correct letter; the answer names them all."""
    return [
        Problem(d.location, several_marked(letters))
        for d, letters in ((out.drafts[i], letters) for i, letters in out.several)
    ]


def _ranges(blocks: list[Block]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for block in sorted(blocks, key=lambda b: b.line):
        end = max(block.line, block.end - 1)
        if out and block.line <= out[-1][1] + 2:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((block.line, end))
    return out


def describe(choice: Choice, kept: Counter[str], toc: list[tuple[int, int]], force: str | None) -> str:
    name = DESCRIBE.get(choice.name) or f"level-{choice.name.split('-')[1]} headings"
    numbers = choice.numbers
    text = f"questions: {name}"
    if numbers:
        restarts = sum(1 for n in numbers[1:] if n == 1)
        text += f" numbered {min(numbers)}–{max(numbers)}"
        text += f" (restarting {restarts} times)" if restarts else ""
    if force and force not in (LAST_RESORT, RECORDS):
        text += f" (forced by sources.yml: questions: {force})"
    for what, count in sorted(kept.items()):
        text += f"; {count} {what} kept inside answers"
    for start, end in toc:
        text += f"; table of contents at lines {start}–{end} skipped"
    return text

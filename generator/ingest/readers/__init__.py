"""Source readers, one module per format, tried in order.

Each module exposes:
    NAME: str                       -- shown in `check` and in questions.json
    matches(text: str) -> bool      -- cheap sniff of the decoded text; never the file name
    read(doc: Document) -> tuple[list[Draft], list[Problem]]

The first reader whose `matches` is true reads the document. Adding a format
is one module and one entry in READERS. Order matters: specific formats come
before general ones; `prose` accepts anything with question lines.

Tree readers (TREE_READERS) parse a syntax into a block tree and segment it
(generator.ingest); they also expose
    read_tree(doc, force) -> tuple[Segmented, list[Problem]]
and read the document as written: the line-based junk rules, made for pasted
plain text, would cut lines out of code blocks and tables.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from types import ModuleType
from typing import cast

from generator.ingest import clean
from generator.ingest.admonitions import without_admonitions, without_callout_markers, without_fenced_divs
from generator.ingest.answer_marks import without_answer_marks
from generator.ingest.assemble import NOTES
from generator.ingest.assemble import RECORDS as RECORD_QUESTIONS
from generator.ingest.page_furniture import without_page_furniture
from generator.ingest.readers import (
    aiken,
    cards,
    gift,
    html_tree,
    labelled,
    markdown_tree,
    numbered,
    outline,
    prose,
    question_list,
    quiz_list,
)
from generator.model import Document, Draft, Problem

TREE_READERS: tuple[ModuleType, ...] = (html_tree, markdown_tree)
READERS: tuple[ModuleType, ...] = (
    # Quiz interchange formats first: their sniffs are strict and their syntax
    # (`{=right ~wrong}`, `ANSWER: B`) would otherwise be read as prose.
    gift,
    aiken,
    quiz_list,
    html_tree,
    cards,
    question_list,
    labelled,
    markdown_tree,
    numbered,
    outline,
    prose,
)


# A line no reader should lose without a word: `Q7. ...` or `7. ...?`.
NUMBERED_QUESTION = re.compile(r"^\s*(?:\*\*)?(?:Q\d+[a-z]?\s*[.):]\s*\S.*|\d+[.)]\s+\S.*\?\W*)$")


UNREAD_NUMBERED = "looks like a numbered question but was not read as one"
UNPICKED = object()  # read_document: no reader picked for this text yet
RECORDS = frozenset({"json", "csv"})  # converters whose Markdown is one heading a record


def pick_reader(text: str) -> ModuleType | None:
    for reader in READERS:
        if reader.matches(text):
            return reader
    return None


@dataclass
class Reading:
    """What reading one document gave: the reader's name, drafts, problems, and for
    tree readers the structure chosen and the line ranges no question took."""

    reader: str
    drafts: list[Draft]
    problems: list[Problem]
    structure: str = ""
    unread: list[tuple[int, int]] = field(default_factory=list)


def read_source_document(doc: Document, force: str | None = None) -> Reading:
    """Route a freshly loaded document: a tree reader reads it as written; otherwise the
    junk rules run and the line readers read it. `force` is sources.yml's `questions:`."""
    doc = without_answer_marks(without_page_furniture(doc))
    doc = without_callout_markers(without_fenced_divs(without_admonitions(doc)))
    if force:  # the HTML tree reader for a page, the Markdown one for anything else
        return _read_tree(html_tree if html_tree.matches(doc.text) else markdown_tree, doc, force)
    # Records are written as Markdown headings: no sniff may read their text as a quiz format.
    if doc.converted_from in RECORDS:  # each record a question, its title a term ("Perplexity") or not
        return _read_tree(markdown_tree, doc, RECORD_QUESTIONS)
    first = pick_reader(doc.text)
    if first in TREE_READERS:
        return _read_tree(first, doc, None)
    if first is None:
        # No reader claims it, and every text is Markdown: the segmenter may still find
        # questions in little markup (`- **What is X?**` items under one heading).
        reading = _read_tree(markdown_tree, doc, None)
        if not reading.drafts:  # nothing asks anywhere: statement headings of a notes page
            reading = _read_tree(markdown_tree, doc, NOTES)
        if reading.drafts:
            return reading
    lines, junk_problems = clean.strip_junk(doc)
    # Most documents lose no line to the junk rules: the sniffs need not run again.
    name, drafts, problems = read_document(lines, first if lines.text == doc.text else UNPICKED)
    if drafts or first is None:
        reading = Reading(name, drafts, junk_problems + problems)
        return _tree_if_it_reads_more(doc, reading) if first is not None else reading
    # The reader that claimed the text found nothing in it (an Aiken sniff on a Markdown
    # quiz): a tree reader that also claims it gets its turn before the error stands.
    for later in READERS[READERS.index(first) + 1 :]:
        if later in TREE_READERS and later.matches(doc.text):
            reading = _read_tree(later, doc, None)
            note = Problem(doc.at(1), f"{name} reader found no questions; read as {later.NAME}")
            reading.problems.insert(0, note)
            return reading
    return Reading(name, drafts, junk_problems + problems)


def _tree_if_it_reads_more(doc: Document, reading: Reading) -> Reading:
    """A line reader that left numbered questions unread (an Aiken sniff on a Markdown quiz
    whose later questions have bulleted options), or a quiz reader, which reads nothing but
    quizzes, on a page with Markdown structure (a heading per question, some of them open):
    the Markdown tree's reading instead, when it reads more questions, those among them, and
    leaves fewer unread."""
    missed = sum(1 for p in reading.problems if p.message.startswith(UNREAD_NUMBERED))
    quizzes_only = reading.reader == quiz_list.NAME and markdown_tree.has_block_markup(doc.text)
    # prose, the last resort, reads lines that ask: a numbered list of options under `1. … by:` it cannot
    if not (missed or quizzes_only or reading.reader == prose.NAME) or html_tree.matches(doc.text):
        return reading
    tree = _read_tree(markdown_tree, doc, None)
    if len(tree.drafts) <= len(reading.drafts):
        return reading
    if not _each_in_its_own(reading.drafts, tree.drafts):
        return reading  # more questions, but not these: a practice list under answered ones
    left = sum(1 for p in tree.problems if p.message.startswith(UNREAD_NUMBERED))
    if left and left >= missed:
        return reading
    how = f"left {missed} numbered questions unread" if missed else f"read {len(reading.drafts)} questions"
    note = f"{reading.reader} reader {how}; read as {markdown_tree.NAME}, which reads {len(tree.drafts)}"
    tree.problems.insert(0, Problem(doc.at(1), note))
    return tree


def _each_in_its_own(drafts: list[Draft], tree: list[Draft]) -> bool:
    """Each of `drafts` starts inside a different one of the `tree` questions (from its line to
    the next one's): the tree reads every question the line reader read, heading and all."""
    starts = sorted(d.location.line for d in tree)
    spans = [bisect.bisect_right(starts, d.location.line) for d in drafts]
    return 0 not in spans and len(set(spans)) == len(spans)


def _read_tree(tree: ModuleType, doc: Document, force: str | None) -> Reading:
    found, problems = tree.read_tree(doc, force)
    if not found.drafts:
        problems = [*problems, _nothing_read(doc, tree.NAME)]
    problems += unread_numbered_questions(doc, found.drafts, problems)
    return Reading(tree.NAME, found.drafts, problems, found.structure, found.unread)


def read_document(doc: Document, picked: object = UNPICKED) -> tuple[str, list[Draft], list[Problem]]:
    """Read one document with the first matching reader (`picked`: `pick_reader`'s answer
    for this text, when the caller has it); never raises on bad text."""
    reader = pick_reader(doc.text) if picked is UNPICKED else cast("ModuleType | None", picked)
    if reader is None:
        problems = [_nothing_read(doc, None)] if doc.text.strip() else []
        return "", [], problems + unread_numbered_questions(doc, [], problems)
    drafts, problems = reader.read(doc)
    if not drafts:
        problems = [*problems, _nothing_read(doc, reader.NAME)]
    return reader.NAME, drafts, problems + unread_numbered_questions(doc, drafts, problems)


def _nothing_read(doc: Document, reader: str | None) -> Problem:
    """A document with text and no question in it is an error: nothing may vanish quietly."""
    if reader is None:
        return Problem(doc.at(1), "no reader recognises this document; no questions found", "error")
    return Problem(doc.at(1), f"{reader} reader found no questions", "error")


def unread_numbered_questions(doc: Document, drafts: list[Draft], problems: list[Problem]) -> list[Problem]:
    """Numbered question lines that became neither a question nor a reported problem."""
    seen = {d.location.line for d in drafts} | {p.location.line for p in problems}
    return [
        Problem(
            doc.at(line.no),
            f"{UNREAD_NUMBERED}: {line.text.strip()[:60]!r}",
        )
        for line in doc.lines
        if line.no not in seen and NUMBERED_QUESTION.match(line.text)
    ]

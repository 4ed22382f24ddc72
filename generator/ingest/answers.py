"""A question's answer from the blocks under it: labels off, placeholders out, options read.

Accepts answers as people write them:

    - Answer:                          <- a label item: its content is the answer
        The generator produces ...
    Answer: TBD                        <- a placeholder: a practice prompt
    <details><summary>💡 Show Answer</summary> ... </details>
    - [ ] pivot table                  <- task-list options, [x] marks the correct one
    - [x] scatter plots
    a) Overfitting                     <- option lines, then the letter named
    b) Underfitting
    **Explanation:** The correct answer is a) Overfitting

The answer is the blocks' own Markdown (see read_markdown), joined with blank
lines and carried as numbered lines, so code, tables and math stay as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.ingest.titles import render_inline
from generator.ingest.tree import Block
from generator.model import Choice, Line

ANSWER_LABEL = re.compile(
    r"^[*_]{0,2}(?:(?:answer|ans|solution)[ \t]?\d{0,5}[*_]{0,2}[ \t]*(?:[:\-–—.)]|$)"
    r"|a[ \t]?\d{0,5}[*_]{0,2}[ \t]*:)[*_]{0,2}[ \t]*",
    re.I,
)
# "Show answer", "Click to see the solution", or just "Answers": a word of each kind, in that
# order on one line, is one scan each (a `.*` between them rescans the line from every "show").
SHOW_WORD = re.compile(r"\b(?:show|view|see|reveal|click)\b", re.I)
ANSWER_WORD = re.compile(r"\b(?:answer|solution)s?\b", re.I)
ANSWER_ONLY = re.compile(r"^\W*answers?\W*$", re.I)
PLACEHOLDERS = frozenset(
    {"answer here", "tbd", "todo", "to do", "coming soon", "tba", "wip", "n a", "na"}
    # What worksheets leave for the student: "**A:** (Your text here)", "# Your code here".
    | {"your text here", "your code here", "your answer here", "your answer", "write your answer here"}
)
# The longest placeholder, after an "A:" / "Answer:" label.
MAX_PLACEHOLDER_WORDS = 1 + max(len(p.split()) for p in PLACEHOLDERS)
# Words in any script: an answer in Chinese is a sentence, not a run of punctuation.
NON_WORD = re.compile(r"[\W_]+")
FENCE_LINE = re.compile(r"^\s*(?:`{3,}|~{3,})[\w+-]*\s*$")
OPTION = re.compile(r"^\s*(?:\(?(?P<low>[a-h])\)|(?P<up>[A-H])[.)])\s+(?=\S)")
BARE_LETTER = re.compile(r"^\(?(?:(?P<low>[a-h])|(?P<up>[A-H]))\)?[.)]?$")
CORRECT = re.compile(
    r"(?:correct[ \t]+(?:answer|option|choice)(?:[ \t]+is|[ \t]*:)?"
    r"|^\W{0,8}(?:answer|ans|correct)[ \t]*[:\-–])"
    r"[\W_]{0,12}?\(?(?P<letter>[a-h])\b\)?",
    re.I,
)
LETTERS = "ABCDEFGH"


@dataclass
class Answer:
    lines: tuple[Line, ...]
    choices: tuple[Choice, ...] = ()
    correct: str | None = None
    stem: tuple[Line, ...] = ()


def build_answer(blocks: list[Block]) -> Answer:
    blocks = strip_label(blocks)
    choices, correct, stem, blocks = read_options(blocks)
    lines = to_lines(_lone_item(blocks))
    if is_placeholder(lines):
        lines = ()
    return Answer(lines, choices, correct, to_lines(stem))


def _lone_item(blocks: list[Block]) -> list[Block]:
    """An answer that is one bullet and nothing else (`- **Q?**` then `  - The answer.`) is
    that bullet's text: a list of one is only how the author indented it."""
    if len(blocks) != 1 or blocks[0].kind != "list" or blocks[0].ordered or len(blocks[0].children) != 1:
        return blocks
    item = blocks[0].children[0]
    return item.children if item.checked is None and item.children else blocks


def strip_label(blocks: list[Block]) -> list[Block]:
    """The answer without a leading `Answer:` label, `- Answer:` item or "Show Answer" summary."""
    if not blocks:
        return blocks
    first, rest = blocks[0], blocks[1:]
    if first.kind == "details" and first.children and _is_show_answer(first.children[0]):
        return [*first.children[1:], *rest]
    if first.kind == "list" and not first.ordered and first.children:
        item = first.children[0]
        head = item.children[0] if item.children else None
        if head is not None and head.kind == "paragraph" and ANSWER_LABEL.match(head.text):
            inner = [*_strip_paragraph(head), *item.children[1:]]
            others = first.children[1:]
            return [*inner, *([_sublist(first, others)] if others else []), *rest]
    if first.kind == "paragraph" and ANSWER_LABEL.match(first.text):
        return [*_strip_paragraph(first), *rest]
    return blocks


def _is_show_answer(block: Block) -> bool:
    return block.kind == "summary" and shows_answer(block.text)


def shows_answer(text: str) -> bool:
    for line in text.split("\n"):
        show = SHOW_WORD.search(line)
        if show and ANSWER_WORD.search(line, show.end()):
            return True
    return bool(ANSWER_ONLY.match(text))


def _strip_paragraph(block: Block) -> list[Block]:
    """A paragraph without its label; nothing if the label was all it held."""
    text = ANSWER_LABEL.sub("", block.text, count=1).strip()
    markdown = ANSWER_LABEL.sub("", block.markdown.lstrip(), count=1).strip()
    if not text:
        return []
    return [Block("paragraph", block.line, block.end, text=text, markdown=markdown)]


def _sublist(parent: Block, items: list[Block]) -> Block:
    markdown = "\n".join(item.markdown for item in items)
    return Block("list", items[0].line, parent.end, markdown=markdown, children=items)


def read_options(
    blocks: list[Block],
) -> tuple[tuple[Choice, ...], str | None, list[Block], list[Block]]:
    """(options, correct letter, stem, explanation) from a task list or `a)`/`A.` lines.

    What comes before the options (a table or image the question asks about) is the stem,
    shown with the question; what comes after is the explanation."""
    for index, block in enumerate(blocks):
        options, taken = _task_options(block) or _line_options(block), 1
        if options is None:
            options, taken = _option_paragraphs(blocks, index)
        if options is None:
            continue
        choices = tuple(Choice(LETTERS[i], text) for i, (text, _) in enumerate(options))
        marked = [choices[i].letter for i, (_, checked) in enumerate(options) if checked]
        stem, after = blocks[:index], _unfolded(blocks[index + taken :])
        correct = marked[0] if marked else _named_letter(after, len(choices)) or _bare_letter(after, choices)
        if correct is not None and not marked and after and _bare_letter(after[:1], choices):
            after = after[1:]
        return choices, correct, stem, [_explanation(b) for b in after if not _only_names_letter(b)]
    return (), None, [], blocks


def offers_options(blocks: list[Block]) -> bool:
    """Options among the blocks (a task list or `a)`/`A.` lines): what asks a multiple-choice question."""
    return any(_task_options(block) or _line_options(block) for block in blocks)


def _unfolded(blocks: list[Block]) -> list[Block]:
    """Options followed by `<details><summary>Show answer</summary> B, because …`: what the
    fold hides names the letter and explains it."""
    out: list[Block] = []
    for block in blocks:
        hides = block.kind == "details" and block.children and _is_show_answer(block.children[0])
        out += block.children[1:] if hides else [block]
    return out


def _task_options(block: Block) -> list[tuple[str, bool]] | None:
    items = block.children if block.kind == "list" else []
    if len(items) < 2 or len(items) > len(LETTERS) or any(i.checked is None for i in items):
        return None
    return [(_item_text(item), bool(item.checked)) for item in items]


def _item_text(item: Block) -> str:
    head = item.children[0].text if item.children else ""
    return render_inline(head)[0]


def _line_options(block: Block) -> list[tuple[str, bool]] | None:
    if block.kind != "paragraph":
        return None
    lines = [line.strip() for line in block.text.split("\n") if line.strip()]
    if len(lines) < 2 or len(lines) > len(LETTERS):
        return None
    options = []
    for i, line in enumerate(lines):
        found = OPTION.match(line)
        letter = found and (found["low"] or found["up"]).upper()
        if not found or letter != LETTERS[i]:
            return None
        options.append((render_inline(line[found.end() :])[0], False))
    return options


def _option_paragraphs(blocks: list[Block], start: int) -> tuple[list[tuple[str, bool]] | None, int]:
    """`a) 1NF` / `b) 2NF` one paragraph each (Word and PDF paragraphs, blank-line separated
    Markdown): options only when the paragraph right after them names the correct letter,
    since lettered paragraphs in an answer are as often its points."""
    options: list[tuple[str, bool]] = []
    while start + len(options) < len(blocks) and len(options) < len(LETTERS):
        option = _lone_option(blocks[start + len(options)], LETTERS[len(options)])
        if option is None:
            break
        options.append((option, False))
    after = blocks[start + len(options) : start + len(options) + 1]
    if len(options) < 2 or _named_letter(after, len(options)) is None:
        return None, 1
    return options, len(options)


def _lone_option(block: Block, letter: str) -> str | None:
    """The text of a one-line paragraph that is option `letter`."""
    text = block.text.strip()
    found = OPTION.match(text) if block.kind == "paragraph" and "\n" not in text else None
    if found is None or (found["low"] or found["up"]).upper() != letter:
        return None
    return render_inline(text[found.end() :])[0]


def _named_letter(blocks: list[Block], count: int) -> str | None:
    for block in blocks:
        for found in CORRECT.finditer(block.text):
            letter = found["letter"].upper()
            if letter in LETTERS[:count]:
                return letter
    return None


def _bare_letter(blocks: list[Block], choices: tuple[Choice, ...]) -> str | None:
    """`C` or `(c)` or `C) Transformer` alone right after the options (often inside a
    "Show answer" fold): the letter it names."""
    first = blocks[0] if blocks else None
    if first is None or first.kind != "paragraph":
        return None
    text = first.text.strip().strip("*_ ")
    alone = BARE_LETTER.match(text)
    found = alone or OPTION.match(text)
    if found is None:
        return None
    letter = (found["low"] or found["up"]).upper()
    named = [c.text for c in choices if c.letter == letter]
    said = "" if alone else render_inline(text[found.end() :])[0]
    return letter if named and (not said or said.rstrip(".") == named[0].rstrip(".")) else None


def _only_names_letter(block: Block) -> bool:
    """`Answer: B` alone says nothing the marked option does not."""
    text = block.text.strip().strip("*_ ")
    found = CORRECT.match(text) if block.kind == "paragraph" else None
    return bool(found) and len(text) - found.end() <= 2  # type: ignore[union-attr]


def _explanation(block: Block) -> Block:
    """`**Answer: B** — the updates overshoot.`: the letter is the options' to show (marked
    there), so the paragraph keeps only what explains it."""
    text = block.text.strip()
    bare = text.lstrip("*_ ")
    found = CORRECT.match(bare) if block.kind == "paragraph" else None
    if found is None:
        return block
    rest = bare[found.end() :].lstrip("*_ \t.:)\u2013\u2014-")
    if not rest:
        return block
    rest = rest[0].upper() + rest[1:]
    return replace(block, text=rest, markdown=rest)


def to_lines(blocks: list[Block]) -> tuple[Line, ...]:
    """The blocks' Markdown as numbered lines, a blank line between blocks, common indentation removed."""
    out: list[Line] = []
    for block in blocks:
        if out:
            out.append(Line(out[-1].no, ""))
        markdown = _bold_heading(block) if block.kind == "heading" else block.markdown
        out += [Line(block.line + i, text) for i, text in enumerate(markdown.split("\n"))]
    indent = min((len(x.text) - len(x.text.lstrip(" ")) for x in out if x.text.strip()), default=0)
    return tuple(Line(x.no, x.text[indent:]) for x in out) if indent else tuple(out)


def _bold_heading(block: Block) -> str:
    """A sub-heading inside an answer becomes a bold line: the page's own headings are the questions."""
    return block.text if block.text.startswith("**") or not block.text else f"**{block.text}**"


def is_placeholder(lines: tuple[Line, ...]) -> bool:
    """Nothing but placeholders: each paragraph (fences and an `A:` label aside) is one."""
    chunks: list[list[str]] = [[]]
    for line in lines:
        if not line.text.strip():
            chunks.append([])
        elif not FENCE_LINE.match(line.text):
            lowered = line.text.lower()
            # A sentence, not a placeholder: stop here. Its start is looked at first (a
            # prefix never holds more words than the line), so a long line is not split whole.
            if len(NON_WORD.sub(" ", lowered[:64]).split()) > MAX_PLACEHOLDER_WORDS:
                return False
            chunks[-1] += NON_WORD.sub(" ", lowered).split()
            if len(chunks[-1]) > MAX_PLACEHOLDER_WORDS:
                return False
    return all(
        " ".join(words) in PLACEHOLDERS
        or (words[0] in ("a", "ans", "answer") and " ".join(words[1:]) in PLACEHOLDERS)
        for words in chunks
        if words
    )

"""Multiple-choice options under a question, and the letter the text names as correct.

Accepts the options people write:

    - [ ] pivot table                  <- task-list options, [x] marks the correct one
    - [x] scatter plots
    - ✅ scatter plots                 <- or a check mark before the correct one
    a) Overfitting                     <- option lines (or one paragraph each), then the
    b) Underfitting                       letter named: "The correct answer is b)",
    **Explanation:** ...                  "Answer: B", "**Ans:** (c)", or a bare "C"
    <details><summary>Show answer</summary> B ... </details>   <- in a fold
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.ingest.option_named import named_by_text
from generator.ingest.qa_tables import option_rows
from generator.ingest.titles import render_inline
from generator.ingest.tree import Block
from generator.model import Choice

# "Show answer", "Click to see the solution", or just "Answers": a word of each kind, in that
# order on one line, is one scan each (a `.*` between them rescans the line from every "show").
SHOW_WORD = re.compile(r"\b(?:show|view|see|reveal|click)\b", re.I)
ANSWER_WORD = re.compile(r"\b(?:answer|solution)s?\b", re.I)
ANSWER_ONLY = re.compile(r"^\W*answers?\W*$", re.I)
OPTION = re.compile(r"^\s*(?:\(?(?P<low>[a-h])\)|\(?(?P<up>[A-H])[.)])\s+(?=\S)")
BARE_LETTER = re.compile(r"^\(?(?:(?P<low>[a-h])|(?P<up>[A-H]))\)?[.)]?$")
CORRECT = re.compile(
    r"(?:correct[ \t]+(?:answer|option|choice)(?:[ \t]+is|[ \t]*:)?"
    r"|^\W{0,8}(?:answer|ans|correct)[ \t]*[:\-–])"
    r"[\W_]{0,12}?(?:option[ \t]+)?\(?(?P<letter>[a-h])\b\)?",
    re.I,
)
# "Correct answer: 2" after options numbered `1)` … `4)`: the number names the option.
NAMES_NUMBER = re.compile(
    r"^\W{0,8}(?:correct[ \t]+(?:answer|option|choice)|answer|ans)(?:[ \t]+is|[ \t]*[:\-–])?"
    r"[\W_]{0,12}?\(?(?P<n>[1-8])\)?(?![\d.,])",
    re.I,
)
MAX_OPTION = 200  # characters of a numbered option: longer items are an answer's points
LETTERS = "ABCDEFGH"
TICK = re.compile("[\u2705\u2714\u2611\u2713]\ufe0f?[ \t]*(?=\\S)")  # ✅ ✔️ ☑️ ✓
TICKS = "\u2705\u2714\u2611\u2713"


def is_show_answer(block: Block) -> bool:
    return block.kind == "summary" and shows_answer(block.text)


def shows_answer(text: str) -> bool:
    for line in text.split("\n"):
        show = SHOW_WORD.search(line)
        if show and ANSWER_WORD.search(line, show.end()):
            return True
    return bool(ANSWER_ONLY.match(text))


def read_options(
    blocks: list[Block],
) -> tuple[tuple[Choice, ...], str | None, list[Block], list[Block], tuple[str, ...]]:
    """(options, correct letter, stem, explanation, letters marked) from a task list or
    `a)`/`A.` lines.

    What comes before the options (a table or image the question asks about) is the stem,
    shown with the question; what comes after is the explanation. Where several options are
    marked, the first is the correct letter and the explanation opens by naming them all."""
    for index, block in enumerate(blocks):
        options, taken = (
            (
                _task_options(block)
                or _line_options(block)
                or _lettered_items(blocks, index)
                or _numbered_items(blocks, index)
            ),
            1,
        )
        if options is None:
            options, taken = _option_paragraphs(blocks, index)
        if options is None:
            continue
        choices = tuple(Choice(LETTERS[i], text) for i, (text, _) in enumerate(options))
        marked = [choices[i].letter for i, (_, checked) in enumerate(options) if checked]
        stem, after = blocks[:index], _unfolded(blocks[index + taken :])
        named, after = (marked[0], after) if marked else named_by_text(after, choices)
        correct = named or _named_letter(after, len(choices)) or _bare_letter(after, choices)
        if correct is not None and not marked and after and _bare_letter(after[:1], choices):
            after = after[1:]
        explanation = [_explanation(b) for b in after if not _only_names_letter(b, choices)]
        if len(marked) > 1:  # a "select all that apply": one correct letter in our model, all named
            explanation.insert(0, _all_marked(marked, blocks[index]))
        return choices, correct, stem, explanation, tuple(marked)
    return (), None, [], blocks, ()


def _all_marked(letters: list[str], options: Block) -> Block:
    text = "Options marked correct: " + ", ".join(letters) + "."
    return Block("paragraph", options.line, options.end, text, all_marked(letters))


def all_marked(letters: list[str]) -> str:
    """The line an answer opens with when several options are marked correct."""
    return "Options marked correct: " + ", ".join(f"**{letter}**" for letter in letters) + "."


def several_marked(letters: tuple[str, ...] | list[str]) -> str:
    return f"{len(letters)} options are marked correct; {letters[0]} is the one graded, the answer names all"


def offers_options(blocks: list[Block]) -> bool:
    """Options among the blocks (a task list or `a)`/`A.` lines): what asks a multiple-choice question."""
    return any(_task_options(block) or _line_options(block) for block in blocks)


def _unfolded(blocks: list[Block]) -> list[Block]:
    """Options followed by `<details><summary>Show answer</summary> B, because …`: what the
    fold hides names the letter and explains it."""
    out: list[Block] = []
    for block in blocks:
        hides = block.kind == "details" and block.children and is_show_answer(block.children[0])
        out += block.children[1:] if hides else [block]
    return out


def _task_options(block: Block) -> list[tuple[str, bool]] | None:
    items = block.children if block.kind == "list" else []
    if len(items) < 2 or len(items) > len(LETTERS):
        return None
    if all(i.checked is not None for i in items):
        return [(_item_text(item), bool(item.checked)) for item in items]
    return None if any(i.checked is not None for i in items) else _ticked_options(items)


def _ticked_options(items: list[Block]) -> list[tuple[str, bool]] | None:
    """`- ✅ Gradually adds noise` (or `- Gradually adds noise ✅`) among plain items: a check
    mark names the right option. Only where the other items start with a word (a `❌` list of
    pros and cons is no quiz)."""
    texts = [_item_text(item) for item in items]
    before = [TICK.match(text) for text in texts]
    ticked = [
        (text[tick.end() :], True) if tick else (text, False)
        for text, tick in zip(texts, before, strict=True)
    ]
    if not any(before):
        ticked = [_ticked_after(text) for text in texts]
    plain = [text for text, tick in ticked if not tick]
    if not plain or len(plain) == len(texts) or not all(text[:1].isalnum() for text in plain):
        return None
    return ticked


def _ticked_after(text: str) -> tuple[str, bool]:
    """`Logistic regression ✅` / `(✔️)` at the end: the text without it, and whether it was there."""
    core = text.rstrip(" \t)]\ufe0f")
    head = core[:-1].rstrip(" \t([") if core[-1:] in TICKS else ""
    return (head, True) if head else (text, False)


def _item_text(item: Block) -> str:
    head = item.children[0].text if item.children else ""
    return render_inline(head)[0]


def _line_options(block: Block) -> list[tuple[str, bool]] | None:
    if block.kind != "paragraph":
        return None
    texts = _lettered([line.strip() for line in block.text.split("\n") if line.strip()])
    return [(render_inline(text)[0], False) for text in texts] if texts else None


def _lettered_items(blocks: list[Block], index: int) -> list[tuple[str, bool]] | None:
    """`- A) GPT` / `- B) BERT` as list items (or a table's `| A | GPT |` rows), then `Ans: B`:
    options only when the block right after them names the letter, since lettered points are
    as often an answer's own."""
    block = blocks[index]
    texts: list[str] | None
    if block.kind == "table":
        texts = [render_inline(text)[0] for text in option_rows(block) or []]
    else:
        texts = _lettered([_item_text(item) for item in (block.children if block.kind == "list" else [])])
    if not texts or not _named_letter(blocks[index + 1 : index + 2], len(texts)):
        return None
    return [(text, False) for text in texts]


def _numbered_items(blocks: list[Block], index: int) -> list[tuple[str, bool]] | None:
    """`1) Number of samples` … `4) Learning rate`, then `Correct answer: 2`: the options, the
    one the number names marked."""
    block = blocks[index]
    if not is_numbered_options(block, blocks[index + 1 : index + 2]):
        return None
    named = int(NAMES_NUMBER.match(blocks[index + 1].text.strip().strip("*_ "))["n"])  # type: ignore[index]
    return [(_item_text(item), i + 1 == named) for i, item in enumerate(block.children)]


def is_numbered_options(block: Block, after: list[Block]) -> bool:
    """An ordered list of 2-8 short items that do not ask, and a paragraph right after it that
    names one of their numbers as the answer."""
    items = block.children if block.kind == "list" and block.ordered else []
    if not 2 <= len(items) <= len(LETTERS) or not after or after[0].kind != "paragraph":
        return False
    heads = [item.children[0] if len(item.children) == 1 else None for item in items]
    if any(
        h is None or h.kind != "paragraph" or len(h.text) > MAX_OPTION or h.text.rstrip().endswith("?")
        for h in heads
    ):
        return False
    named = NAMES_NUMBER.match(after[0].text.strip().strip("*_ "))
    return named is not None and int(named["n"]) <= len(items)


def _lettered(texts: list[str]) -> list[str] | None:
    """The texts without their letters, when they are lettered A, B, C … in order (2 to 8)."""
    if len(texts) < 2 or len(texts) > len(LETTERS):
        return None
    out = []
    for letter, text in zip(LETTERS, texts, strict=False):
        found = OPTION.match(text)
        if not found or (found["low"] or found["up"]).upper() != letter:
            return None
        out.append(text[found.end() :])
    return out


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


def _only_names_letter(block: Block, choices: tuple[Choice, ...]) -> bool:
    """`Answer: B` alone, or `Answer: B) GPT-3` (the option again), says nothing the options do not."""
    text = block.text.strip().strip("*_ ")
    found = (CORRECT.match(text) or NAMES_NUMBER.match(text)) if block.kind == "paragraph" else None
    rest = text[found.end() :].strip(" \t.:)*_\u2013\u2014-").casefold() if found else ""
    return bool(found) and (len(rest) <= 2 or rest in {c.text.casefold().rstrip(".") for c in choices})


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

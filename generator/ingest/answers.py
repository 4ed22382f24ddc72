"""A question's answer from the blocks under it: labels off, placeholders out, options read.

Accepts answers as people write them:

    - Answer:                          <- a label item: its content is the answer
        The generator produces ...
    Answer: TBD                        <- a placeholder: a practice prompt
    <details><summary>💡 Show Answer</summary> ... </details>
    - [ ] pivot table                  <- options (generator.ingest.options), what
    - [x] scatter plots                   follows them is the explanation

The answer is the blocks' own Markdown (see read_markdown), joined with blank
lines and carried as numbered lines, so code, tables and math stay as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.ingest.label_words import ANSWER_WORDS, FULL_COLON
from generator.ingest.options import is_show_answer, read_options
from generator.ingest.tree import Block
from generator.model import Choice, Difficulty, Line

ANSWER_LABEL = re.compile(
    rf"^[*_]{{0,2}}(?:(?:answer|ans|solution|{ANSWER_WORDS})[ \t]?\d{{0,5}}[*_]{{0,2}}[ \t]*"
    # Alone on its line, "**Answer**" over the text of the same paragraph is a label too.
    rf"(?:[:{FULL_COLON}\-–—.)]|\n|$)"
    r"|a[ \t]?\d{0,5}[*_]{0,2}[ \t]*:)[*_]{0,2}[ \t]*",
    re.I,
)
SHOWN_WITH_QUESTION = frozenset({"code", "table", "math"})
PLACEHOLDERS = frozenset(
    {"answer here", "tbd", "todo", "to do", "coming soon", "tba", "wip", "n a", "na"}
    # What worksheets leave for the student: "**A:** (Your text here)", "# Your code here".
    | {"your text here", "your code here", "your answer here", "your answer", "write your answer here"}
)
# The longest placeholder, after an "A:" / "Answer:" label.
MAX_PLACEHOLDER_WORDS = 1 + max(len(p.split()) for p in PLACEHOLDERS)
# Words in any script: an answer in Chinese is a sentence, not a run of punctuation.
NON_WORD = re.compile(r"[\W_]+")
DIFFICULTY_FIELD = re.compile(r"\W{0,4}difficulty\W{1,6}(easy|medium|hard)\b\W{0,8}$", re.I)
LEVELS: dict[str, Difficulty] = {"easy": "easy", "medium": "medium", "hard": "hard"}
FIELD_LINES = 4  # lines of an answer's first paragraph looked at for fields
FENCE_LINE = re.compile(r"^\s*(?:`{3,}|~{3,})[\w+-]*\s*$")


@dataclass
class Answer:
    lines: tuple[Line, ...]
    choices: tuple[Choice, ...] = ()
    correct: str | None = None
    stem: tuple[Line, ...] = ()
    marked: tuple[str, ...] = ()  # every option marked correct, when more than one was


def difficulty_field(blocks: list[Block]) -> tuple[Difficulty | None, list[Block]]:
    """A `**Difficulty:** Medium` line among the first lines of an answer (a question bank's
    fields under each heading): the level, and the answer without that line."""
    first = blocks[0] if blocks else None
    if first is None or first.kind != "paragraph" or "ifficult" not in first.markdown[:200]:
        return None, blocks
    lines, texts = first.markdown.split("\n"), first.text.split("\n")
    if len(texts) != len(lines):
        return None, blocks
    for index, line in enumerate(lines[:FIELD_LINES]):
        found = DIFFICULTY_FIELD.match(line)
        if found:
            rest_md, rest_text = lines[:index] + lines[index + 1 :], texts[:index] + texts[index + 1 :]
            kept = [replace(first, markdown="\n".join(rest_md), text="\n".join(rest_text))] if rest_md else []
            return LEVELS[found.group(1).lower()], kept + blocks[1:]
    return None, blocks


def build_answer(blocks: list[Block]) -> Answer:
    blocks = strip_label(blocks)
    choices, correct, stem, blocks, marked = read_options(blocks)
    if not choices:
        stem, blocks = _asked_about(blocks)
    lines = to_lines(_lone_item(blocks))
    if is_placeholder(lines):
        lines = ()
    return Answer(lines, choices, correct, to_lines(stem), marked if len(marked) > 1 else ())


def _asked_about(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """ "What does this print?" over the code it asks about, then `**Answer:** …`: the code,
    table or formula before the labelled answer is the question's, shown with it."""
    at = next((i for i, b in enumerate(blocks) if b.kind not in SHOWN_WITH_QUESTION), len(blocks))
    if 0 < at < len(blocks) and blocks[at].kind == "paragraph" and ANSWER_LABEL.match(blocks[at].text):
        return blocks[:at], strip_label(blocks[at:])
    return [], blocks


def _lone_item(blocks: list[Block]) -> list[Block]:
    """An answer that is one bullet and nothing else (`- **Q?**` then `  - The answer.`) is
    that bullet's text: a list of one is only how the author indented it."""
    if len(blocks) != 1 or blocks[0].kind != "list" or blocks[0].ordered or len(blocks[0].children) != 1:
        return blocks
    item = blocks[0].children[0]
    return item.children if item.checked is None and item.children else blocks


def strip_label(blocks: list[Block]) -> list[Block]:
    """The answer without a leading `Answer:` label, `- Answer:` item, `#### Answer` heading
    or "Show Answer" summary."""
    if not blocks:
        return blocks
    first, rest = blocks[0], blocks[1:]
    if first.kind == "details" and first.children and is_show_answer(first.children[0]):
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
    if first.kind == "heading" and ANSWER_LABEL.match(first.text) and not _strip_paragraph(first):
        return rest  # "#### Answer" over the answer: a label, as a heading
    return blocks


def _strip_paragraph(block: Block) -> list[Block]:
    """A paragraph without its label; nothing if the label was all it held."""
    text, markdown = _unlabelled(block.text), _unlabelled(block.markdown.lstrip())
    if not text:
        return []
    return [Block("paragraph", block.line, block.end, text=text, markdown=markdown)]


def _unlabelled(text: str) -> str:
    """The text after its label; `**Answer: False** — …` loses the bold that held label and verdict."""
    label = ANSWER_LABEL.match(text)
    if label is None:
        return text.strip()
    rest, opened = text[label.end() :], text[:2] if text[:2] in ("**", "__") else ""
    if opened and opened not in label[0][2:]:
        at = rest.find(opened)
        rest = rest[:at] + rest[at + 2 :] if at > 0 and "\n" not in rest[:at] else rest
    return rest.strip()


def _sublist(parent: Block, items: list[Block]) -> Block:
    markdown = "\n".join(item.markdown for item in items)
    return Block("list", items[0].line, parent.end, markdown=markdown, children=items)


def to_lines(blocks: list[Block]) -> tuple[Line, ...]:
    """The blocks' Markdown as numbered lines, a blank line between blocks, common indentation removed."""
    out: list[Line] = []
    for block in _unfold(blocks):
        if out:
            out.append(Line(out[-1].no, ""))
        markdown = _bold_heading(block) if block.kind == "heading" else block.markdown
        out += [Line(block.line + i, text) for i, text in enumerate(markdown.split("\n"))]
    indent = min((len(x.text) - len(x.text.lstrip(" ")) for x in out if x.text.strip()), default=0)
    return tuple(Line(x.no, x.text[indent:]) for x in out) if indent else tuple(out)


def _unfold(blocks: list[Block]) -> list[Block]:
    """A `<details>` inside an answer as its summary, bold, then what it holds: the Markdown
    reader keeps only the opening line as the block's own text (its body are child blocks),
    so the fold's content would otherwise be lost."""
    out: list[Block] = []
    # Iterative: folds nested a thousand deep must not exhaust the stack. (block, in a fold)
    stack = [(block, False) for block in reversed(blocks)]
    while stack:
        block, folded = stack.pop()
        if folded and block.kind == "summary":
            if block.text:
                bold = f"**{block.text}**"
                out.append(Block("paragraph", block.line, block.end, text=block.text, markdown=bold))
        elif block.kind != "details":
            out.append(block)
        else:
            stack += [(child, True) for child in reversed(block.children)]
    return out


def _bold_heading(block: Block) -> str:
    """A sub-heading inside an answer becomes a bold line: the page's own headings are the questions."""
    return block.text if block.text.startswith("**") or not block.text else f"**{block.text}**"


def without_lone_label(lines: list[Line]) -> list[Line]:
    """Answer lines without a first line that is only a label ("Answer", "**Answer:**"):
    the line readers take every line under a question, label and all."""
    at = next((i for i, line in enumerate(lines) if line.text.strip()), None)
    if at is None:
        return lines
    label = lines[at].text.strip()
    if not ANSWER_LABEL.fullmatch(label) or any(char.isdigit() for char in label):  # "Answer 42"
        return lines
    return lines[:at] + lines[at + 1 :]


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

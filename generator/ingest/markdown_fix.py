"""An answer's raw lines as clean Markdown: paragraphs, lists with nesting, repaired bold labels.

Pasted web text loses its structure. This puts back what the text shape shows:

    Here are the key points:            -> a paragraph, then a blank line
    - Key components:                   -> "- Key components:"
    - Encoder-Decoder structure         ->     "    - Encoder-Decoder structure" (short items
    - Multi-head attention layers       ->      after an item ending in ':' are its children)
    - 1. Rehearsal methods:** These ... -> "1. **Rehearsal methods:** These ..."
    1. Self-Attention:                  -> text between item 1 and item 2 is indented
    Also referred to as ...             ->      under item 1, so the list keeps its numbers
    2. Multi-Head Attention:
    ... Traditional                     -> a line broken mid-sentence is joined
    models use static embeddings.          with its continuation
    LoRA (Low-Rank Adaptation)          -> "**LoRA (Low-Rank Adaptation)**": a short title
    LoRA is a parameter-efficient ...      line before prose is a sub-heading

An answer that already carries Markdown structure (fences, tables, quotes,
indented lines) is left as it is apart from blank-line tidying.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from generator.ingest import syntax
from generator.ingest.junk import is_heading_like
from generator.ingest.wrapped import join_wrapped
from generator.model import Line

BULLET = re.compile(r"^(?P<indent>\s*)[-*•+–]\s+(?P<text>.*)$")
NUMBER = re.compile(r"^(?P<indent>\s*)(?:[-*•]\s+)?(?P<n>\d{1,3})[.)]\s+(?P<text>.*)$")
# Fences, tables, quotes, or indented text that is not a list item: Markdown written as such.
FENCE_OPEN = "|".join(map(re.escape, syntax.FENCE_MARKS))
AS_IS = re.compile(rf"^\s*(?:{FENCE_OPEN}|\||>)|^ {{2,}}(?![-*•+]\s|\d+[.)]\s)\S")
BROKEN_BOLD = re.compile(r"^(?P<label>[^*\n]{1,80}?:)\*\*\s*")
LABEL_ITEM = re.compile(r"^(?:\*\*)?[^:]{1,60}:(?:\*\*)?\s+\S")
DISPLAY_OPEN = re.compile(r"^\s*(?:" + "|".join(map(re.escape, syntax.DISPLAY_OPENERS)) + ")")
SUBHEADING = re.compile(r"^[A-Z][^.!?:;*_`$\\]*[^.!?:;,*_`$\\\s]$")
SUBHEADING_WORDS = 8
PROSE_WORDS = 12
TERMINAL = (".", "!", "?", ":", ";", ")", "”", '"', "*", "$")
SHORT_ITEM_WORDS = 10
# Articles, prepositions and conjunctions: a line ending on one goes on in the next ("with a" / "GELU").
HANGING = frozenset(
    "a an the of to in on at by for from with into onto than as and or nor but via per between "
    "whose which that its their our your".split()
)
INDENT = "    "


@dataclass
class Item:
    kind: str  # "bullet", "number", "text", "math"
    text: str
    no: int
    indent: int = 0
    depth: int = 0
    n: int = 0
    gap: bool = False  # a blank line came before it in the source


def to_markdown(lines: tuple[Line, ...] | list[Line]) -> list[tuple[int, str]]:
    """(source line, Markdown block) pairs; blocks are joined by `join_blocks`."""
    texts = _dedented([line.text.replace("\t", "    ").rstrip() for line in lines])
    if any(AS_IS.match(t) for t in texts):
        return _as_is(lines, texts)
    items = _items(lines, texts)
    items = _join_continuations(items)
    for item in items:
        item.text = repair_bold(item.text)
    _bold_subheadings(items)
    _nest(items)
    _attach_to_numbers(items)
    return _emit(items)


def _dedented(texts: list[str]) -> list[str]:
    """An answer indented as a whole under its numbered question (`1. What …?` then four spaces
    in front of every answer line) at the margin, its own indentation kept: else a fence in it
    is an indented code block that shows the backticks."""
    common = min((len(t) - len(t.lstrip(" ")) for t in texts if t.strip()), default=0)
    return [t[common:] for t in texts] if common else texts


def join_blocks(blocks: list[tuple[int, str]]) -> str:
    return "".join(
        text if i == 0 else sep + text for i, (sep, text) in enumerate(_separators(blocks))
    ).strip()


def _separators(blocks: list[tuple[int, str]]) -> list[tuple[str, str]]:
    out, previous = [], ""
    for _, text in blocks:
        # Back from a nested bullet list to an outer numbered item (or the reverse) needs a
        # blank line, or Python-Markdown makes the outer item one more item of the inner list.
        tight = (
            _is_list_line(previous)
            and _is_list_line(text)
            and not (_indent_of(previous) > _indent_of(text) and _is_numbered(previous) != _is_numbered(text))
        )
        out.append(("\n" if tight else "\n\n", text))
        previous = text.rsplit("\n", 1)[-1]
    return out


def _indent_of(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _is_numbered(text: str) -> bool:
    return bool(NUMBER.match(text.split("\n", 1)[0]))


def _is_list_line(text: str) -> bool:
    first = text.split("\n", 1)[0]
    return bool(BULLET.match(first) or NUMBER.match(first))


def _as_is(lines, texts: list[str]) -> list[tuple[int, str]]:
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(t if t.strip() else "" for t in texts)).strip("\n")
    return [(lines[0].no if lines else 0, text)] if text.strip() else []


def _items(lines, texts: list[str]) -> list[Item]:
    items: list[Item] = []
    gap = False
    index = 0
    while index < len(texts):
        text, no = texts[index], lines[index].no
        index += 1
        if not text.strip():
            gap = True
            continue
        if DISPLAY_OPEN.match(text) and not _closes_display(text):
            block = [text.strip()]
            while index < len(texts) and not _closes_display(texts[index], opener=False):
                block.append(texts[index].strip())
                index += 1
            if index < len(texts):
                block.append(texts[index].strip())
                index += 1
            items.append(Item("math", "\n".join(block), no, gap=gap))
        elif number := NUMBER.match(text):
            items.append(
                Item(
                    "number",
                    number.group("text").strip(),
                    no,
                    len(number.group("indent")),
                    n=int(number.group("n")),
                    gap=gap,
                )
            )
        elif bullet := BULLET.match(text):
            items.append(
                Item("bullet", bullet.group("text").strip(), no, len(bullet.group("indent")), gap=gap)
            )
        else:
            items.append(Item("text", _escape_start(text.strip()), no, gap=gap))
        gap = False
    return items


def _closes_display(text: str, opener: bool = True) -> bool:
    body = text.strip()
    if opener:
        mark = "$$" if body.startswith("$$") else "\\]"
        return mark in body[2:]
    return "$$" in body or "\\]" in body


def _escape_start(text: str) -> str:
    """Plain text that Markdown would read as a heading stays text."""
    return "\\" + text if text.startswith("#") else text


def _join_continuations(items: list[Item]) -> list[Item]:
    """A line broken mid-sentence ('... Traditional' / 'models use ...') is one line again."""
    out: list[Item] = []
    for item in items:
        previous = out[-1] if out else None
        if (
            previous
            and item.kind == "text"
            and previous.kind != "math"
            and (item.text[:1].islower() or (not item.gap and _hangs(previous.text)))
            and not previous.text.endswith(TERMINAL)
        ):
            previous.text = join_wrapped([previous.text, item.text])
            continue
        out.append(item)
    return out


def _hangs(text: str) -> bool:
    """A line that stops on a word no sentence ends with ("… two linear layers with a")."""
    return text.rpartition(" ")[2].casefold() in HANGING


def repair_bold(text: str) -> str:
    """`Rehearsal methods:** These ...` (opening `**` lost) -> `**Rehearsal methods:** These ...`."""
    if text.count("**") % 2 == 1:
        broken = BROKEN_BOLD.match(text)
        if broken:
            return f"**{broken.group('label').strip()}** {text[broken.end() :]}".rstrip()
    return text


def _bold_subheadings(items: list[Item]) -> None:
    """A short title line followed by prose ('LoRA (Low-Rank Adaptation)') is a sub-heading: bold."""
    for item, following in itertools.pairwise(items):
        if (
            item.kind == "text"
            and following.kind == "text"
            and SUBHEADING.match(item.text)
            and len(item.text.split()) <= SUBHEADING_WORDS
            and is_heading_like(item.text)
            and len(following.text.split()) >= PROSE_WORDS
        ):
            item.text = f"**{item.text}**"


def _nest(items: list[Item]) -> None:
    """Depth from indentation; at one indentation, short items after an 'X:' item are its children."""
    run: list[Item] = []
    for item in [*items, Item("text", "", 0)]:
        if item.kind in ("bullet", "number"):
            run.append(item)
            continue
        if run:
            _nest_run(run)
        run = []


def _nest_run(run: list[Item]) -> None:
    indents = sorted({item.indent for item in run})
    for item in run:
        item.depth = indents.index(item.indent)
    parent: Item | None = None
    for item in run:
        if parent and item.kind == "bullet" and item.indent == parent.indent and _is_short(item):
            item.depth = parent.depth + 1
            continue
        # Only a bullet opens children this way; after a numbered item, _attach_to_numbers decides.
        is_parent = item.kind == "bullet" and item.text.endswith(":") and not LABEL_ITEM.match(item.text)
        parent = item if is_parent else None


def _is_short(item: Item) -> bool:
    return len(item.text.split()) <= SHORT_ITEM_WORDS and not LABEL_ITEM.match(item.text)


def _attach_to_numbers(items: list[Item]) -> None:
    """Blocks between item n and item n+1 of a numbered list belong to item n.

    After the last item, as many blocks as the item before it had are its
    own (the list's pattern goes on); a closing paragraph stays outside.
    """
    numbered = [i for i, item in enumerate(items) if item.kind == "number" and item.depth == 0]
    attached = 0
    for first, second in itertools.pairwise(numbered):
        if items[second].n != items[first].n + 1:
            attached = 0
            continue
        attached = second - first - 1
        _indent(items[first + 1 : second])
    if numbered and attached:
        last = numbered[-1]
        _indent(items[last + 1 : last + 1 + attached])


def _indent(items: list[Item]) -> None:
    for item in items:
        item.depth = item.depth + 1 if item.kind in ("bullet", "number") else 1


def _emit(items: list[Item]) -> list[tuple[int, str]]:
    blocks: list[tuple[int, str]] = []
    for item in items:
        pad = INDENT * item.depth
        if item.kind == "bullet":
            text = f"{pad}- {item.text}"
        elif item.kind == "number":
            text = f"{pad}{item.n}. {item.text}"
        else:
            text = "\n".join(pad + line for line in item.text.split("\n"))
        blocks.append((item.no, text))
    return blocks

"""An answer line that names the correct option by its text, not its letter:

    A. Perplexity
    B. BLEU
    Answer: BLEU                                     <- or "The correct answer is: BLEU"

Matched whole against the options' texts, before any letter is read: in "Correct answer:
A retrieval index" the "A" is a word, and the option named is C.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from generator.ingest.tree import Block
from generator.model import Choice

HEAD = re.compile(
    r"^\W{0,8}(?:(?:the[ \t]+)?(?:correct|right)[ \t]+(?:answer|option|choice)(?:[ \t]+is)?[ \t]*[:\-–—]?"
    r"|(?:answer|ans|solution)[ \t]*[:\-–—])[ \t]*",
    re.I,
)
MARKUP = re.compile(r"[*_`]+")
SPACES = re.compile(r"\s+")
LETTERS = "ABCDEFGH"


def named_by_text(blocks: list[Block], choices: tuple[Choice, ...]) -> tuple[str | None, list[Block]]:
    """The letter of the option an answer line names by its text (or None), and the blocks
    without that line."""
    texts = [choice.text for choice in choices]
    for index, block in enumerate(blocks):
        first, _, rest = block.text.strip().partition("\n")
        letter = letter_named(first, texts) if block.kind == "paragraph" else None
        if letter is None:
            continue
        _, _, markdown_rest = block.markdown.strip().partition("\n")
        kept = [replace(block, text=rest, markdown=markdown_rest)] if rest.strip() else []
        return letter, [*blocks[:index], *kept, *blocks[index + 1 :]]
    return None, blocks


def letter_named(line: str, options: Sequence[str]) -> str | None:
    """The letter of the option `Answer: <its text>` names, or None (also when two options
    read alike)."""
    plain = MARKUP.sub("", line)
    found = HEAD.match(plain)
    if found is None:
        return None
    said = _key(plain[found.end() :])
    hits = [LETTERS[i] for i, text in enumerate(options[: len(LETTERS)]) if _key(text) == said]
    return hits[0] if len(hits) == 1 else None


def _key(text: str) -> str:
    return SPACES.sub(" ", MARKUP.sub("", text)).strip(" .;:!").casefold()

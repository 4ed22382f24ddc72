"""Reader: flashcards one a line, the front and the back split by a separator.

Accepts, for example:

    What is RAG? - Retrieval-Augmented Generation …     <- Quizlet's "-" export
    Tokenization;The process of splitting text …        <- Quizlet's ";" export
    What does RoPE stand for?::Rotary Position Embedding <- Obsidian's inline card
    <!--SR:!2024-05-01,3,250-->                          <- a scheduler's note: skipped
    # Retrieval                                          <- a heading: the section

    What is weight tying?                               <- Obsidian's card over lines: the front,
    ?                                                     a `?` line,
    Sharing the input embedding with the output …        <- and the back, up to a blank line

A document is a deck when at least three of its lines are cards and at least four in five
of its text lines are (most of them split on the same separator). Each card is split at the separator's
first occurrence ("? - " first, so a hyphen in the question stays in it).
"""

from __future__ import annotations

import re
from collections import Counter

from generator.ingest.readers.common import markdown_heading
from generator.model import Document, Draft, Line, Problem

NAME = "cards"

# Obsidian's reversed card `:::` before its `::`; the spaced dashes before a semicolon.
SEPARATORS = (":::", "::", "? - ", "? – ", "? — ", " - ", " – ", " — ", ";")
FAMILY = {
    ":::": "::",
    "::": "::",
    "? - ": "-",
    " - ": "-",
    "? – ": "–",
    " – ": "–",
    "? — ": "—",
    " — ": "—",
    ";": ";",
}
MIN_CARDS = 3
MIN_ASKED = 2  # cards over lines: a `?` alone on a line is a card's and nothing else's
MIN_SHARE = 0.8
MAX_FRONT = 200
# Lines that are a deck's furniture, not cards: a scheduler's comment, a tag line, front matter.
SKIPPED = re.compile(r"^\s*(?:<!--.*-->|#[\w/-]+(?:\s+#[\w/-]+)*|---)\s*$")
LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d{1,4}[.)])\s")


def matches(text: str) -> bool:
    return _separator(text.split("\n")) is not None


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    family = _separator([line.text for line in doc.lines]) or ""
    drafts: list[Draft] = []
    section = None
    for group in _groups(_body(list(doc.lines))):
        heading = markdown_heading(group[0].text) if len(group) == 1 else None
        if heading:
            section = heading
        elif (asked := _asked_over(group)) is not None:
            front, back = asked
            drafts.append(Draft(front, doc.at(group[0].no), back, section))
        else:
            for line in group:
                card = _card(line.text, family)
                if card is not None:
                    drafts.append(Draft(card[0], doc.at(line.no), (Line(line.no, card[1]),), section))
    return drafts, []


def _separator(lines: list[str]) -> str | None:
    """The separator at least four in five text lines split on (a front over `?` and its back
    count as one such line), or None."""
    counts: Counter[str] = Counter()
    units = 0
    # Cards need four in five units, and units are at most the text lines: once more than a
    # fifth of those (and one, for rounding) are not cards, the rest need not be split.
    most_misses = (1 - MIN_SHARE) * sum(1 for text in lines if text.strip()) + 1
    for group in _groups(_body([Line(0, text) for text in lines])):
        if _asked_over(group) is not None:
            counts["?"] += 1
            units += 1
            continue
        for line in group:
            if markdown_heading(line.text) is not None:
                continue
            units += 1
            found = next((sep for sep in SEPARATORS if _split(line.text, sep) is not None), None)
            if found is not None:
                counts[FAMILY[found]] += 1
            elif units - sum(counts.values()) > most_misses:
                return None
    cards = sum(counts.values())
    if cards < (MIN_ASKED if counts["?"] == cards else MIN_CARDS) or cards < MIN_SHARE * units:
        return None
    return max((sep for sep in counts if sep != "?"), key=counts.__getitem__, default="?")


def _groups(lines: list[Line]) -> list[list[Line]]:
    """Runs of text lines between blank ones, without a scheduler's comments and tag lines."""
    out: list[list[Line]] = [[]]
    for line in lines:
        if not line.text.strip():
            out.append([])
        elif not SKIPPED.match(line.text):
            out[-1].append(line)
    return [group for group in out if group]


def _asked_over(group: list[Line]) -> tuple[str, tuple[Line, ...]] | None:
    """Obsidian's card over lines: the front, a `?` (or `??`) line, then the back."""
    at = next((i for i, line in enumerate(group) if line.text.strip() in ("?", "??")), None)
    if not at or at == len(group) - 1:
        return None
    front = " ".join(line.text.strip() for line in group[:at])
    return (front, tuple(group[at + 1 :])) if len(front) <= MAX_FRONT else None


def _body(lines: list[Line]) -> list[Line]:
    """The lines after a leading front-matter block."""
    if not lines or lines[0].text.strip() != "---":
        return lines
    end = next((i for i in range(1, len(lines)) if lines[i].text.strip() == "---"), None)
    return lines[end + 1 :] if end is not None else lines


def _card(text: str, family: str) -> tuple[str, str] | None:
    """(front, back) split at the first of the deck's separators the line holds."""
    for sep in SEPARATORS:
        card = _split(text, sep) if FAMILY[sep] == family else None
        if card is not None:
            return card
    return None


def _split(text: str, sep: str) -> tuple[str, str] | None:
    """(front, back) of a card line split at `sep`'s first occurrence, or None."""
    at = text.find(sep)
    if at <= 0 or LIST_MARK.match(text):
        return None  # a list item of a document, not a card
    keep = 1 if sep.startswith("?") else 0  # "What is RAG? - …": the "?" is the question's
    front, back = text[: at + keep].strip(), text[at + len(sep) :].strip()
    if front and back and len(front) <= MAX_FRONT and not front.startswith("#"):
        return front, back
    return None

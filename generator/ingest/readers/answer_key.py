"""An answer key at the end of a plain-text quiz, for the Aiken reader.

    1. Which scheduling algorithm can cause starvation?
    a) Round robin
    ...
    ANSWER KEY                        <- a head line (optional with three or more pairs)
    1-c  2-b  3-b                     <- `1-c`, `1. (c)`, `1) C`, `Q1: C`, `1 = c`, comma or
    4. c, 5. a                           space separated, over one line or several

The key is the run of lines at the end that hold nothing but pairs, and the head line
above it ("Answer key", "Answers:", "Solutions", "Key", which may carry pairs itself).
"""

from __future__ import annotations

import re

from generator.model import Line

KEY_HEAD = re.compile(r"^\W*(?:answer[ \t]+key|answers|key|solutions?|correct[ \t]+answers)\b[^\w\n]*", re.I)
PAIR = re.compile(
    r"(?<![\w.])(?:Q(?:uestion)?[ \t]*)?(?P<n>\d{1,3})[ \t]*(?:(?:[-–—.):=]|->|→)[ \t]*)?"
    r"\(?(?P<letter>[a-hA-H])\)?(?!\w)",
    re.I,
)
SEPARATORS = re.compile(r"[\s,;|/]+")
MIN_PAIRS = 2  # with a head line; without one, three
MIN_PAIRS_BARE = 3


def split_key(lines: list[Line]) -> tuple[list[Line], dict[str, str]]:
    """The lines before the answer key, and the key (question number -> letter)."""
    start, key = len(lines), dict[str, str]()
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].text
        if not text.strip():
            continue
        pairs = key_pairs(text)
        if pairs is None:
            break
        key = pairs | key
        start = index
    head = _head_above(lines, start)
    if head is not None:
        start, key = head[0], head[1] | key
    if len(key) < (MIN_PAIRS if head is not None else MIN_PAIRS_BARE):
        return lines, {}
    return lines[:start], key


def _head_above(lines: list[Line], start: int) -> tuple[int, dict[str, str]] | None:
    index = start - 1
    while index >= 0 and not lines[index].text.strip():
        index -= 1
    found = KEY_HEAD.match(lines[index].text) if index >= 0 else None
    if found is None:
        return None
    tail = lines[index].text[found.end() :]
    pairs = key_pairs(tail) if tail.strip() else {}
    return None if pairs is None else (index, pairs)


def key_pairs(text: str) -> dict[str, str] | None:
    """`1-c  2-b`: number -> letter; None when the line holds anything else."""
    found = {m.group("n"): m.group("letter").upper() for m in PAIR.finditer(text)}
    if not found or SEPARATORS.sub("", PAIR.sub("", text)):
        return None
    return found

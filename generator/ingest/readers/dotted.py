"""`Q.` and `A.` as labels (for `generator.ingest.readers.labelled`), and where they are not.

    Q. What is a context window?
    A. The tokens a model attends to at once.

A letter and a dot also start a list item: `Q.` between `P.` and `R.` is the second item of a
matching question's list, and `A.` with a `B.` after it is an option. Only the neighbouring
lines are looked at, so every check costs one line's length.
"""

from __future__ import annotations

import re

from generator.model import Line

# Bold or not: `**Q.** What …`.
DOTTED = r"(?:\*\*|__)?{}\.(?:\*\*|__)?[ \t]++(?:\*\*|__)?"
# The items around `Q.` in a P, Q, R, S list (`P. SGD`, `**R.** Adam`, `(p) …`, `r) …`).
LIST_ITEM = r"[^\S\n]*+(?:\*\*|__)?(?:\({0}\)|{0}[.)])(?:\*\*|__)?[ \t]"
ITEM_P = re.compile(LIST_ITEM.format("[Pp]"))
ITEM_R = re.compile(LIST_ITEM.format("[Rr]"))
# An option `B.` / `b)` / `**B.**` / `(b)`: the `A.` before it is option A, not an answer label.
OPTION_B = re.compile(r"[^\S\n]*+(?:[-*+][ \t]+)?(?:\*\*|__)?(?:\([Bb]\)|[Bb][.)])(?:\*\*|__)?[ \t]")
# `A.` as an answer label is upper case: `a. BPE` is an option.
ANSWER = re.compile(r"^[^\S\n]*+" + DOTTED.format("(?:A|Ans)"))  # "A. It is …", "Ans. It is …"
QUESTION_LINE = re.compile(r"^[^\S\n]*+" + DOTTED.format("Q") + r"\S", re.I | re.M)


def in_list(before: str, after: str) -> bool:
    """Whether `Q.` on the line between these two is an item of a P, Q, R, S list: both
    neighbours are items (one alone is a matching question's own label, or a `P. S.`)."""
    return bool(ITEM_P.match(before) and ITEM_R.match(after))


def questions(text: str, end: int) -> int:
    """How many `Q.` lines in text[:end] label a question."""
    count = 0
    for match in QUESTION_LINE.finditer(text, 0, end):
        start, close = match.start(), text.find("\n", match.start())
        before = text[text.rfind("\n", 0, start - 1) + 1 : start - 1] if start else ""
        after = text[close + 1 : close + 1 + 200] if close >= 0 else ""  # enough for a list's letter
        count += not in_list(before, after)
    return count


def answer(lines: list[Line], index: int) -> re.Match[str] | None:
    """`A.` opening lines[index] as an answer label: not when a `B.` option follows."""
    label = ANSWER.match(lines[index].text)
    if label is None:
        return None
    for later in range(index + 1, len(lines)):  # blank lines may come between
        if lines[later].text.strip():
            return None if OPTION_B.match(lines[later].text) else label
    return label

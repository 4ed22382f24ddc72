"""Markers a source puts before every question or answer: "❓ What is RAG?" / "✅ Fetch…",
"Interviewer: What is a convolution?" / "Candidate: Sliding a filter…", "User:" / "Assistant:".

They tell the reader which line is which, and the readers use them so; in a title or at the
start of an answer they are noise. A leading run of pictographs (emoji, arrows, check marks),
a keycap number ("1️⃣", kept as the question's number) or a one-word speaker label ending
in ":" is a marker when it starts at least two of a source's questions (or answers) and at
least half of them: one "Note:" is text, a label on every question is a marker. Titles and
answers' first lines lose their marker; a changed title keeps its old id as an alias
(Draft.former_titles).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace

from generator.ingest.chat_turns import speaker
from generator.ingest.tree import Block
from generator.model import Draft, Line

# A speaker: one capitalised word (or two, "Hiring Manager") of letters, then ":"; or a lone
# "Q:" / "A:" after a number (`1. Q: What …?` then `A: …`), the label a line reader left.
# In bold too: `**Interviewer:** What is …?`. Chat models spell their names in capitals ("ChatGPT:").
SPEAKER = re.compile(
    r"(?:\*\*|__)?(?:[A-Z][a-z]{1,14}(?: [A-Z]?[a-z]{1,14})?|[QA]|ChatGPT|GPT-?\d[\w.]{0,8}|AI)"
    r":(?:\*\*|__)?[ \t]+(?=\S)"
)
JOINERS = "\ufe0f\ufe0e\u200d"
# Keycap numbers, "1️⃣ What is RAG?" (a digit, VS16, U+20E3) and "🔟": the source's numbering.
KEYCAP_RUN = "(?:[0-9#*]\ufe0f?\u20e3|\U0001f51f)+"
KEYCAPS = re.compile(KEYCAP_RUN + "[ \t]+(?=[^ \t\n])")
KEYCAP_ONLY = re.compile(KEYCAP_RUN)
KEYCAP_KEY = "1\ufe0f\u20e3"
MIN_SHARE = 0.5
# "Question 3 of 10", "Q3/10": a quiz export's counter before the question.
COUNTER = re.compile(
    r"(?:\*\*|__)?(?:question|q)[ \t]{0,3}(?P<n>\d{1,4})[ \t]{0,3}(?:of|/)[ \t]{0,3}\d{1,4}\b\W{0,4}", re.I
)


def strip_markers(drafts: list[Draft]) -> list[Draft]:
    drafts = [_without_counter(d) for d in drafts]
    titles = _common([_marker(d.question) for d in drafts])
    answers = _common([_marker(_first_text(d).lstrip()) for d in drafts if d.answer])
    if not titles:  # `**Tags:** llm` opening each answer is a field; `**ChatGPT:**` names a speaker
        answers = {a for a in answers if not a.startswith(("**", "__")) or _replies(a)}
    if not titles and not answers:
        return drafts
    return [_without(d, titles, answers) for d in drafts]


def _replies(marker: str) -> bool:
    return speaker(Block("paragraph", 0, 0, text=marker)) == "answer"


def _without_counter(draft: Draft) -> Draft:
    """`Question 3 of 10 What does …?`: the counter's number is the label, and the title it had
    with the counter stays an alias."""
    counter = COUNTER.match(draft.question)
    rest = draft.question[counter.end() :].strip() if counter else ""
    if not rest:
        return draft
    label = draft.label or counter["n"]  # type: ignore[index]
    return replace(draft, question=rest, label=label, former_titles=(*draft.former_titles, draft.question))


def _marker(text: str) -> str:
    """The marker `text` starts with, or ""."""
    keycap = KEYCAPS.match(text)
    if keycap:
        return keycap.group(0)
    end = 0
    while end < len(text) and (_pictograph(text[end]) or (end and text[end] in JOINERS)):
        end += 1
    if end and end < len(text) and text[end] in " \t":
        return text[: end + 1]
    speaker = SPEAKER.match(text)
    return speaker.group(0) if speaker else ""


def _pictograph(char: str) -> bool:
    return unicodedata.category(char) == "So" or "\u2190" <= char <= "\u21ff"  # and arrows: "→ Answer"


def _key(marker: str) -> str:
    """What markers count as the same: each keycap number is one more of the same numbering."""
    return KEYCAP_KEY if KEYCAP_ONLY.fullmatch(marker.strip()) else marker.strip()


def _common(markers: list[str]) -> set[str]:
    counts = Counter(_key(m) for m in markers if m)
    return {m for m, n in counts.items() if n >= 2 and n >= MIN_SHARE * len(markers)}


def _keycap_number(marker: str) -> str | None:
    digits = "".join(ch for ch in marker if ch.isdigit())
    return "10" if "\U0001f51f" in marker else digits or None


def _first_text(draft: Draft) -> str:
    return next((line.text for line in draft.answer if line.text.strip()), "")


def _without(draft: Draft, titles: set[str], answers: set[str]) -> Draft:
    changes: dict[str, object] = {}
    marker = _marker(draft.question)
    if marker and _key(marker) in titles:
        changes["question"] = draft.question[len(marker) :].lstrip()
        changes["former_titles"] = (*draft.former_titles, draft.question)
        if draft.label is None and _key(marker) == KEYCAP_KEY:
            changes["label"] = _keycap_number(marker)
    if draft.answer and answers:
        changes["answer"] = _answer_without(draft.answer, answers)
    return replace(draft, **changes) if changes else draft  # type: ignore[arg-type]


def _answer_without(lines: tuple[Line, ...], answers: set[str]) -> tuple[Line, ...]:
    at = next((i for i, line in enumerate(lines) if line.text.strip()), None)
    if at is None:
        return lines
    text = lines[at].text
    stripped = text.lstrip()
    marker = _marker(stripped)
    if not marker or _key(marker) not in answers:
        return lines
    first = Line(lines[at].no, text[: len(text) - len(stripped)] + stripped[len(marker) :].lstrip())
    return (*lines[:at], first, *lines[at + 1 :])

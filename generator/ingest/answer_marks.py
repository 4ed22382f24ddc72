"""An answer line's leading emoji: "✅ Answer: B", "👉 ANSWER: B", "✔️ Correct answer: C".

Quiz posts and chat-written quizzes mark the answer line with a pictograph that every reader's
answer label would have to allow for; the mark says nothing the label does not. It goes from
the line before any reader sees it (a quote's or a list item's marker stays).
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.model import Document, Line

MARKED = re.compile(
    r"^(?P<keep>[ \t>*_-]{0,8})"
    r"(?:[\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff][\ufe0f\u200d]*){1,4}[ \t]*"
    r"(?=[*_]{0,2}(?:correct[ \t]+)?(?:answer|ans)\b)",
    re.I,
)


def without_answer_marks(doc: Document) -> Document:
    lines = [Line(line.no, MARKED.sub(r"\g<keep>", line.text, count=1)) for line in doc.lines]
    changed = any(new.text != old.text for new, old in zip(lines, doc.lines, strict=True))
    return replace(doc, lines=tuple(lines)) if changed else doc

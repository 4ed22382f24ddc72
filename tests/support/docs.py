"""Small builders shared by the reader tests."""

from __future__ import annotations

from pathlib import PurePosixPath

from generator.model import Document, Draft, Line


def doc_of(text: str, path: str = "t.txt") -> Document:
    """A Document of `text` as if read from `path` (source id = the file stem)."""
    lines = tuple(Line(n, t) for n, t in enumerate(text.split("\n"), start=1))
    return Document(path, PurePosixPath(path).stem, lines)


def answer_text(draft: Draft) -> str:
    return "\n".join(line.text for line in draft.answer)

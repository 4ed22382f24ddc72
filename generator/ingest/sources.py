"""Source records: id from the file stem, title from metadata or from the document itself."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from generator.config import SourceMeta
from generator.ingest.readers import Reading
from generator.ingest.readers.common import strip_tags
from generator.model import Document, Question, Source

_EDITOR_MARKS = re.compile(r"^\s*[\(\[](?:editing|draft|edited|copy|untitled)[\)\]]\s*", re.I)
# Only the first of a run of blanks may start the trailing match: each one would rescan the run.
_HEADING_MARKS = re.compile(r"^[#>*\s]+|(?<![*\s])[*\s]+$")


def title_from_text(doc: Document, fallback: str) -> str:
    """The first non-empty line, stripped of editor marks and markup, if it looks like a title."""
    for line in doc.lines:
        text = _HEADING_MARKS.sub("", strip_tags(line.text)).strip()
        text = _EDITOR_MARKS.sub("", text).strip()
        if not text:
            continue
        if len(text) <= 90 and not text.endswith((".", "?", ":")):
            return _tidy(text)
        break
    return fallback.replace("-", " ").replace("_", " ").strip().title()


def _tidy(title: str) -> str:
    title = re.sub(r"\s+-\s+", " – ", title)
    if title.islower():
        title = title[0].upper() + title[1:]
    return title


def repeated_labels(questions: Iterable[Question]) -> frozenset[str]:
    seen = Counter(q.label for q in questions if q.label)
    return frozenset(label for label, n in seen.items() if n > 1)


def make_source(
    doc: Document, meta: SourceMeta | None, reading: Reading | str, questions: Iterable[Question] = ()
) -> Source:
    meta = meta or SourceMeta()
    if isinstance(reading, str):
        reading = Reading(reading, [], [])
    return Source(
        id=doc.source_id,
        file=doc.path,
        title=meta.title or title_from_text(doc, doc.source_id),
        description=meta.description,
        format=reading.reader,
        structure=reading.structure,
        unread=tuple(reading.unread),
        url=meta.url,
        author=meta.author,
        licence=meta.licence,
        repeated_labels=repeated_labels(questions),
    )

"""Source records: id from the file stem, title from metadata or from the document itself."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from generator.config import SourceMeta
from generator.ingest.readers import Reading
from generator.ingest.readers.common import strip_tags
from generator.model import Document, Line, Question, Source

_EDITOR_MARKS = re.compile(r"^\s*[\(\[](?:editing|draft|edited|copy|untitled)[\)\]]\s*", re.I)
# Only the first of a run of blanks may start the trailing match: each one would rescan the run.
_HEADING_MARKS = re.compile(r"^[#>*\s]+|(?<![*\s])[*\s]+$")
FENCES = ("---", "+++")  # YAML and TOML front matter (Jekyll, Hugo, Obsidian)
FRONT_TITLE = re.compile(r"title\s*[:=]", re.I)  # the head only: the value is trimmed in code
# Lines that are never a document's title: a rule or underline, a GIFT comment.
NOT_TITLE = re.compile(r"^\s*(?:[-=_*~+.]{3,}\s*$|//)")
# A GIFT question ("::Q1:: …{", "… {") or answer ("=Transformer", "~RNN"): the title comes
# before the first question, so none is looked for after one (the right answer is no title).
GIFT_QUESTION = re.compile(r"^\s*(?:::|[=~}])|\{\s*$")
LONGEST = 200  # characters of a front matter or GIFT category title
CATEGORY = re.compile(r"^\s*\$CATEGORY:(.*)$", re.I)  # GIFT: "$course$/top/ML basics" names the quiz


def title_from_text(doc: Document, fallback: str) -> str:
    """The front matter's title, else the first non-empty line, stripped of editor marks and
    markup, if it looks like a title."""
    lines = doc.lines
    if lines and lines[0].text.strip() in FENCES:
        title, lines = _front_matter(lines)
        if _plain(title):
            return _tidy(_plain(title))
    for line in lines:
        if NOT_TITLE.match(line.text):
            continue
        if GIFT_QUESTION.search(line.text):
            break
        category = CATEGORY.match(line.text)
        if category:
            named = _plain(_category_name(category.group(1)))
            if named:
                return _tidy(named)
            continue
        text = _HEADING_MARKS.sub("", strip_tags(line.text)).strip()
        text = _EDITOR_MARKS.sub("", text).strip()
        if not text:
            continue
        if len(text) <= 90 and not text.endswith((".", "?", ":")):
            return _tidy(text)
        break
    return fallback.replace("-", " ").replace("_", " ").strip().title()


def _front_matter(lines: tuple[Line, ...]) -> tuple[str, tuple[Line, ...]]:
    """(its `title:`, the lines after it) for front matter that opens the document."""
    fence, title = lines[0].text.strip(), ""
    for index, line in enumerate(lines[1:200], start=1):
        if line.text.strip() in (fence, "..."):
            return title, lines[index + 1 :]
        head = FRONT_TITLE.match(line.text)
        if head and not title:
            value = line.text[head.end() :].strip()
            if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1].strip()
            title = value
    return "", lines  # never closed: not front matter


def _category_name(path: str) -> str:
    """The last named part of a GIFT category ("$course$/top/ML basics" -> "ML basics")."""
    named = [part.strip() for part in path.split("/") if not part.strip().startswith("$")]
    return named[-1] if named else ""


def _plain(title: str) -> str:
    """A title as the document names it, without markup: "" when there is none or it runs
    past LONGEST (a page of text in a `title:` field is no title)."""
    text = " ".join(strip_tags(title).split())
    return text if len(text) <= LONGEST else ""


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

"""The question titles the Pagefind search box searches first on a fresh load.

Pagefind's first result costs a chain of steps after the box is focused (its runtime,
WebAssembly, metadata, an index chunk, a fragment per result) and a cold search over every
answer holding the word: ~0.4 s at 10,000 questions on a quiet machine, more on a busy one.
This list (site/pagefind/titles.json, fetched with the runtime on the first focus) holds
each question's title and link, so the box can show the questions whose titles hold every
word typed at once; Pagefind's ranked results replace them when they arrive. Above
MAX_TITLES questions the list would cost more to fetch than it saves, so it is left empty.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path

from generator.publish.search_records import Record

TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")
NON_WORD = re.compile(r"[^a-z0-9]+")
MAX_TITLES = 15_000  # ~160 KB gzipped at 10,000 questions; Pagefind alone above this


def title_text(record: Record) -> str:
    """The record's <h1> as text, as Pagefind takes it for the result's title."""
    start, end = record.html.find("<h1>"), record.html.find("</h1>")
    if start == -1 or end == -1:
        return ""
    return SPACE.sub(" ", html.unescape(TAG.sub("", record.html[start + 4 : end]))).strip()


def anchor_parts(anchor: str, title: str) -> list[str | int]:
    """[hash, n] when the anchor is the title's first n words, lowercased and joined by "-",
    then "-" and a hash (as the box rebuilds it: ~30% fewer bytes), else [anchor]."""
    stem, _, tail = anchor.rpartition("-")
    words = NON_WORD.split(title.lower()) if title.isascii() else []
    words = [w for w in words if w]
    n = len(stem.split("-")) if stem else 0
    return [tail, n] if stem and "-".join(words[:n]) == stem else [anchor]


def titles(records: Iterable[Record]) -> dict:
    """{"pages": [page URL], "titles": [[page index, title, *anchor_parts]]} for the questions
    (glossary terms are left to Pagefind), in the records' order."""
    pages: dict[str, int] = {}
    rows = []
    for record in records:
        page, _, anchor = record.url.partition("#")
        text = title_text(record)
        if not page.startswith("topics/") or not anchor or not text:
            continue
        rows.append([pages.setdefault(page, len(pages)), text, *anchor_parts(anchor, text)])
    if len(rows) > MAX_TITLES:
        return {"pages": [], "titles": []}
    return {"pages": list(pages), "titles": rows}


def write_titles(records: Iterable[Record], path: Path) -> None:
    path.write_text(json.dumps(titles(records), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

"""The word list the Pagefind search box uses for suggestions and typo fixes.

Pagefind matches a word, its stem or a prefix of it, never a misspelling: "halucination"
finds nothing. The box loads this list (site/pagefind/words.json) with Pagefind's runtime
and, for a query word that is not in it, tries the most frequent listed word one or two
edits away; it also completes the last word typed, as Material's suggestions do. Words come
from the records Pagefind indexes (search_records.py), a question's title counting more
than its answer, most frequent first, letters only (so a suggestion carries no punctuation).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from generator.publish.search_records import Record

TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"[a-z]{3,24}")
TITLE_WEIGHT = 5
MOST = 12_000  # ~100 KB raw, ~35 KB gzipped: enough for any corpus's working vocabulary
# Words a learner types that say nothing about the subject; the box drops them too.
COMMON = frozenset(
    "a an and are as at be but by can could define describe did do does difference between "
    "explain for from get had has have how i if in into is it its me my of on or our should "
    "so than that the their them then there these they this those to use used using versus "
    "vs was we were what when where which while who why will with would you your".split()
)


def _words(html: str) -> list[str]:
    return [w for w in WORD.findall(TAG.sub(" ", html).lower()) if w not in COMMON]


def vocabulary(records: Iterable[Record]) -> list[str]:
    counts: Counter[str] = Counter()
    for record in records:
        start, end = record.html.find("<h1>"), record.html.find("</h1>")
        title = record.html[start:end] if start != -1 < end else ""
        for word in _words(title):
            counts[word] += TITLE_WEIGHT
        counts.update(_words(record.html[end:] if end != -1 else record.html))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [word for word, _ in ranked[:MOST]]


def write_words(records: Iterable[Record], path: Path) -> None:
    payload = {"words": vocabulary(records), "common": sorted(COMMON)}
    path.write_text(json.dumps(payload, separators=(",", ":")), encoding="utf-8")

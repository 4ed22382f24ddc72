"""Whether a question's section heading is worth a badge: only when it says something
its source's title does not. "Top LLM Interview Questions" in "Top 20 LLM Interview
Questions" repeats the title on every entry; "Generation Control" adds a subject.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[a-z0-9]+")
# Words that name the kind of document, not a subject.
GENERIC = frozenset(
    "a an and the of on to for about in with related top best most common frequently asked "
    "interview interviews question questions answer answers mcq mcqs quiz faq faqs q qa "
    "part section chapter".split()
)


def adds_to(section: str, source_title: str) -> bool:
    said = _subjects(source_title)
    return bool(_subjects(section) - said)


def _subjects(text: str) -> set[str]:
    return {_singular(w) for w in WORD.findall(text.lower()) if w not in GENERIC and not w.isdigit()}


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word

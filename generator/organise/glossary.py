"""The glossary's uses: where its terms (content/glossary.yml, read by the gather stage in
generator/config.py) occur, and the lines that make them tooltips.

Used three ways: `*[RLHF]: ...` lines that Markdown's `abbr` turns into tooltips on
every page, a glossary page, and the list of questions that mention each term
(by the abbreviation, case-sensitive and whole-word, or by its expansion or an
alias, case-insensitive). Finding mentions is two regex scans per question, so
it stays linear in the corpus size whatever the number of terms.
"""

from __future__ import annotations

import re

from generator.model import Question, Term

# An abbreviation is a whole word: not inside a longer word ("LoRA" in "QLoRA"),
# but it may be followed by a hyphen or a plural "s" ("GPT-4", "LLMs").
BEFORE_WORD = r"(?<![\w-])"
AFTER_WORD = r"s?(?![\w])"


def abbreviation_lines(terms: tuple[Term, ...]) -> str:
    """Markdown `abbr` definitions: `*[RLHF]: Reinforcement Learning from Human Feedback`."""
    lines = []
    for t in terms:
        lines.append(f"*[{t.term}]: {t.expansion}")
        if t.plural:
            lines.append(f"*[{t.term}s]: {t.expansion}s")
    return "\n".join(lines)


def _matchers(terms: tuple[Term, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    def alternation(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    abbrevs = [t.term for t in terms]
    phrases = [p for t in terms for p in (t.expansion, *t.aliases)]
    by_abbrev = re.compile(BEFORE_WORD + f"(?:{alternation(abbrevs)})" + AFTER_WORD) if abbrevs else None
    # Matched against lower-cased text: much faster than re.IGNORECASE over many alternatives.
    by_phrase = re.compile(r"\b(?:" + alternation([p.lower() for p in phrases]) + r")\b") if phrases else None
    return by_abbrev, by_phrase


def mentions(terms: tuple[Term, ...], questions: list[Question]) -> dict[str, list[str]]:
    """Term -> ids of the questions whose title or answer mentions it, in corpus order."""
    by_abbrev, by_phrase = _matchers(terms)
    term_of = {t.term: t.term for t in terms}
    term_of.update({p.lower(): t.term for t in terms for p in (t.expansion, *t.aliases)})
    found: dict[str, list[str]] = {t.term: [] for t in terms}
    for q in questions:
        text = " ".join([q.question, q.answer or "", *(c.text for c in q.choices)])
        hits = set()
        if by_abbrev:
            for m in by_abbrev.finditer(text):
                word = m.group(0)
                hits.add(term_of.get(word) or term_of.get(word[:-1]))
        if by_phrase:
            hits.update(term_of.get(m.group(0)) for m in by_phrase.finditer(text.lower()))
        for term in sorted(h for h in hits if h):
            found[term].append(q.id)
    return found

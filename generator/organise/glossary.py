"""The glossary: abbreviations of the field (content/glossary.yml) and where they occur.

    terms:
      - term: RLHF
        expansion: Reinforcement Learning from Human Feedback
        definition: Aligning a model by training a reward model on human preferences ...
        aliases: [reinforcement learning with human feedback]
        plural: false

Used three ways: `*[RLHF]: ...` lines that Markdown's `abbr` turns into tooltips on
every page, a glossary page, and the list of questions that mention each term
(by the abbreviation, case-sensitive and whole-word, or by its expansion or an
alias, case-insensitive). Finding mentions is two regex scans per question, so
it stays linear in the corpus size whatever the number of terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.model import Question
from generator.schemas import GLOSSARY
from generator.yamlcheck import load_checked

GLOSSARY_FILE = Path("content") / "glossary.yml"
NON_SLUG = re.compile(r"[^a-z0-9]+")
# An abbreviation is a whole word: not inside a longer word ("LoRA" in "QLoRA"),
# but it may be followed by a hyphen or a plural "s" ("GPT-4", "LLMs").
BEFORE_WORD = r"(?<![\w-])"
AFTER_WORD = r"s?(?![\w])"


@dataclass(frozen=True)
class Term:
    term: str
    expansion: str
    definition: str
    aliases: tuple[str, ...] = ()
    plural: bool = False

    @property
    def anchor(self) -> str:
        return _anchor(self.term)


def load_glossary(path: Path) -> tuple[Term, ...]:
    """Every term of the file, or one ConfigError listing every problem. No file: no glossary."""

    def repeats(data: object) -> list[str]:
        entries = data.get("terms") if isinstance(data, dict) else None
        seen: dict[str, str] = {}
        out = []
        for entry in entries if isinstance(entries, list) else ():
            term = str(entry.get("term") or "").strip() if isinstance(entry, dict) else ""
            anchor = _anchor(term)
            if anchor and anchor in seen:
                out.append(f"{path}: {term!r} repeats {seen[anchor]!r}")
            seen.setdefault(anchor, term)
        return out

    data = load_checked(path, GLOSSARY, repeats)
    if data is None:
        return ()
    return tuple(
        Term(
            str(e["term"]).strip(),
            str(e["expansion"]).strip(),
            str(e["definition"]).strip(),
            tuple(str(a).strip() for a in e.get("aliases") or () if str(a).strip()),
            bool(e.get("plural", False)),
        )
        for e in data["terms"]
    )


def _anchor(term: str) -> str:
    return NON_SLUG.sub("-", term.lower()).strip("-")


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

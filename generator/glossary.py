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

import yaml

from generator.errors import ConfigError
from generator.model import Question

GLOSSARY_FILE = Path("content") / "glossary.yml"
KEYS = {"term", "expansion", "definition", "aliases", "plural"}
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
        return NON_SLUG.sub("-", self.term.lower()).strip("-")


def _term(i: int, entry: object, path: Path, errors: list[str]) -> Term | None:
    where = f"{path}: terms[{i}]"
    if not isinstance(entry, dict):
        errors.append(f"{where}: expected a mapping with term/expansion/definition")
        return None
    unknown = sorted(set(entry) - KEYS)
    if unknown:
        errors.append(f"{where}: unknown keys {unknown}")
    missing = [k for k in ("term", "expansion", "definition") if not str(entry.get(k) or "").strip()]
    if missing:
        errors.append(f"{where}: missing {', '.join(missing)}")
        return None
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list):
        errors.append(f"{where} ({entry['term']}): 'aliases' must be a list")
        aliases = []
    return Term(
        str(entry["term"]).strip(),
        str(entry["expansion"]).strip(),
        str(entry["definition"]).strip(),
        tuple(str(a).strip() for a in aliases if str(a).strip()),
        bool(entry.get("plural", False)),
    )


def load_glossary(path: Path) -> tuple[Term, ...]:
    """Every term of the file, or one ConfigError listing every problem. No file: no glossary."""
    if not path.exists():
        return ()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise ConfigError(f"{path}: expected a top-level 'terms:' list")
    errors: list[str] = []
    terms = [t for i, e in enumerate(data["terms"]) if (t := _term(i, e, path, errors))]
    seen: dict[str, str] = {}
    for t in terms:
        if t.anchor in seen:
            errors.append(f"{path}: {t.term!r} repeats {seen[t.anchor]!r}")
        seen[t.anchor] = t.term
    if errors:
        raise ConfigError("\n".join(errors))
    return tuple(terms)


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

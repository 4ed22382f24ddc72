"""Typed loading of the maintainer's files in content/: sources.yml, topics.yml, curation.yml,
settings.yml, glossary.yml and the hand-written pages/ (the sources are the readers').

This is the gather stage's reading of content/: nothing after it opens a file there (render
and publish take what they need from the corpus, `Corpus.content`). Each YAML file is checked
against its schema (generator.schemas); every problem is raised once as a ConfigError naming
file, line and key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import ConfigError
from generator.model import Term, Topic, term_anchor
from generator.schemas import CURATION, GLOSSARY, SOURCES, TOPICS
from generator.settings import ImageSettings, Settings, load_settings
from generator.yamlcheck import load_checked, place


@dataclass(frozen=True)
class SourceMeta:
    title: str | None = None
    description: str = ""
    # Force the question structure of a Markdown/HTML source: `heading-3`, `bold`, `list`, `label`, ...
    questions: str | None = None
    # Provenance, written by `python -m generator add`: where and when the document was
    # fetched, and the author and licence the document itself states.
    url: str | None = None
    retrieved: str | None = None
    author: str | None = None
    licence: str | None = None


@dataclass(frozen=True)
class Curation:
    """Maintainer overrides keyed by question id."""

    pin: dict[str, str] = field(default_factory=dict)  # question id -> topic id
    merge: tuple[tuple[str, ...], ...] = ()  # ids that are one question
    split: tuple[tuple[str, ...], ...] = ()  # ids that must never merge
    hide: frozenset[str] = frozenset()  # ids not shown on the site

    def named(self) -> set[str]:
        """Every question id this file mentions."""
        return set(self.pin) | set(self.hide) | {q for g in self.merge + self.split for q in g}

    def resolved(self, alias_of: Mapping[str, str]) -> Curation:
        """The same overrides with former ids (aliases) replaced by the questions' ids now."""
        if not alias_of:
            return self

        def now(qid: str) -> str:
            return alias_of.get(qid, qid)

        return Curation(
            pin={now(q): t for q, t in self.pin.items()},
            merge=tuple(tuple(dict.fromkeys(map(now, g))) for g in self.merge),
            split=tuple(tuple(dict.fromkeys(map(now, g))) for g in self.split),
            hide=frozenset(map(now, self.hide)),
        )


@dataclass(frozen=True)
class Content:
    root: Path
    sources_meta: dict[str, SourceMeta]
    topics: tuple[Topic, ...]
    curation: Curation
    settings: Settings = field(default_factory=Settings)
    glossary: tuple[Term, ...] = ()
    pages: dict[str, str] = field(default_factory=dict)  # pages/: path under pages/ -> Markdown

    @property
    def sources_dir(self) -> Path:
        return self.root / "content" / "sources"

    @property
    def images(self) -> ImageSettings:
        return self.settings.images


def load_sources_meta(path: Path) -> dict[str, SourceMeta]:
    data = load_checked(path, SOURCES) or {}
    return {
        str(sid): SourceMeta(
            entry.get("title"),
            str(entry.get("description") or "").strip(),
            questions=entry.get("questions"),
            url=_optional(entry.get("url")),
            retrieved=_optional(entry.get("retrieved")),
            author=_optional(entry.get("author")),
            licence=_optional(entry.get("licence", entry.get("license"))),
        )
        for sid, entry in ((sid, entry or {}) for sid, entry in data.items())
    }


def _optional(value: object) -> str | None:
    """A scalar as text (an unquoted YAML date becomes `2026-12-02`), or None."""
    return None if value is None else str(value)


def _keyword_text(entry: object) -> str:
    """`- lora: 3` parses as {"lora": 3}; keep it as the string "lora: 3" the classifier reads."""
    if isinstance(entry, dict) and len(entry) == 1:
        ((phrase, weight),) = entry.items()
        return f"{phrase}: {weight}"
    return str(entry)


def load_topics(path: Path) -> tuple[Topic, ...]:
    if not path.exists():
        raise ConfigError(f"{path}: missing: the topics are required")
    data = load_checked(path, TOPICS)
    topics = tuple(
        Topic(
            str(entry["id"]),
            str(entry["title"]),
            str(entry.get("description") or "").strip(),
            tuple(_keyword_text(k) for k in entry.get("keywords") or ()),
            fallback=entry.get("fallback") is True,
            kinds=tuple(entry.get("kinds") or ()),
        )
        for entry in data["topics"]
    )
    seen: set[str] = set()
    errors = []
    for i, topic in enumerate(topics):
        if topic.id in seen:
            errors.append(f"{place(path, ['topics', i, 'id'])}: duplicate id {topic.id!r}")
        seen.add(topic.id)
    if sum(t.fallback for t in topics) > 1:
        errors.append(f"{path}: at most one topic may say 'fallback: true'")
    if errors:
        raise ConfigError("\n".join(errors))
    return topics


def load_curation(path: Path, topic_ids: set[str]) -> Curation:
    data = load_checked(path, CURATION) or {}
    pin = {str(k): str(v) for k, v in (data.get("pin") or {}).items()}
    unknown = [q for q, t in pin.items() if t not in topic_ids]
    if unknown:
        raise ConfigError("\n".join(f"{place(path, ['pin', q])}: unknown topic {pin[q]!r}" for q in unknown))
    merge, split = (tuple(tuple(map(str, g)) for g in data.get(key) or ()) for key in ("merge", "split"))
    return Curation(pin, merge, split, frozenset(map(str, data.get("hide") or ())))


def load_glossary(path: Path) -> tuple[Term, ...]:
    """Every term of glossary.yml, or one ConfigError listing every problem. No file: no glossary.

    terms:
      - term: RLHF
        expansion: Reinforcement Learning from Human Feedback
        definition: Aligning a model by training a reward model on human preferences ...
        aliases: [reinforcement learning with human feedback]
        plural: false
    """

    def repeats(data: object) -> list[str]:
        entries = data.get("terms") if isinstance(data, dict) else None
        seen: dict[str, str] = {}
        out = []
        for entry in entries if isinstance(entries, list) else ():
            term = str(entry.get("term") or "").strip() if isinstance(entry, dict) else ""
            anchor = term_anchor(term)
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


def load_pages(folder: Path) -> dict[str, str]:
    """The hand-written pages (Markdown under content/pages), copied to the site as they are."""
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md"))
    }


def load_content(root: Path) -> Content:
    content = root / "content"
    topics = load_topics(content / "topics.yml")
    return Content(
        root=root,
        sources_meta=load_sources_meta(content / "sources.yml"),
        topics=topics,
        curation=load_curation(content / "curation.yml", {t.id for t in topics}),
        settings=load_settings(content / "settings.yml"),
        glossary=load_glossary(content / "glossary.yml"),
        pages=load_pages(content / "pages"),
    )

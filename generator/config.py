"""Typed loading of the maintainer's files in content/: sources.yml, topics.yml, curation.yml.

Every problem is collected and raised once as a ConfigError naming file and key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import ConfigError
from generator.ingest.segment import FORCEABLE
from generator.model import Topic
from generator.settings import ImageSettings, load_image_settings, load_yaml


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


SOURCE_KEYS = {"title", "description", "questions", "url", "retrieved", "author", "licence", "license"}


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
    images: ImageSettings = field(default_factory=lambda: ImageSettings())

    @property
    def sources_dir(self) -> Path:
        return self.root / "content" / "sources"


def load_sources_meta(path: Path) -> dict[str, SourceMeta]:
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of source id -> {{title, description}}")
    errors, meta = [], {}
    for sid, entry in data.items():
        entry = entry or {}
        if not isinstance(entry, dict):
            errors.append(f"{path}: {sid}: expected a mapping with title/description")
            continue
        unknown = set(entry) - SOURCE_KEYS
        if unknown:
            errors.append(f"{path}: {sid}: unknown keys {sorted(unknown)}")
        questions = entry.get("questions")
        if questions is not None and questions not in FORCEABLE:
            errors.append(f"{path}: {sid}: questions: {questions!r} is not one of {', '.join(FORCEABLE)}")
            questions = None
        meta[str(sid)] = SourceMeta(
            entry.get("title"),
            str(entry.get("description") or "").strip(),
            questions=questions,
            url=_optional(entry.get("url")),
            retrieved=_optional(entry.get("retrieved")),
            author=_optional(entry.get("author")),
            licence=_optional(entry.get("licence", entry.get("license"))),
        )
    if errors:
        raise ConfigError("\n".join(errors))
    return meta


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
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list):
        raise ConfigError(f"{path}: expected a top-level 'topics:' list")
    errors, topics, seen = [], [], set()
    for i, entry in enumerate(data["topics"]):
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("title"):
            errors.append(f"{path}: topics[{i}]: needs 'id' and 'title'")
            continue
        if entry["id"] in seen:
            errors.append(f"{path}: topics[{i}]: duplicate id {entry['id']!r}")
        seen.add(entry["id"])
        keywords = entry.get("keywords") or []
        if not isinstance(keywords, list):
            errors.append(f"{path}: {entry['id']}: 'keywords' must be a list")
            keywords = []
        kinds = entry.get("kinds") or []
        if not isinstance(kinds, list) or not set(kinds) <= {"open", "mcq", "prompt"}:
            errors.append(f"{path}: {entry['id']}: 'kinds' must be a list of open, mcq, prompt")
            kinds = []
        topics.append(
            Topic(
                str(entry["id"]),
                str(entry["title"]),
                str(entry.get("description") or "").strip(),
                tuple(_keyword_text(k) for k in keywords),
                fallback=entry.get("fallback") is True,
                kinds=tuple(kinds),
            )
        )
    if sum(t.fallback for t in topics) > 1:
        errors.append(f"{path}: at most one topic may say 'fallback: true'")
    if errors:
        raise ConfigError("\n".join(errors))
    if not topics:
        raise ConfigError(f"{path}: no topics defined")
    return tuple(topics)


def load_curation(path: Path, topic_ids: set[str]) -> Curation:
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with pin/merge/split/hide")
    errors = [f"{path}: unknown key {k!r}" for k in set(data) - {"pin", "merge", "split", "hide"}]
    pin = {str(k): str(v) for k, v in (data.get("pin") or {}).items()}
    errors += [f"{path}: pin.{q}: unknown topic {t!r}" for q, t in pin.items() if t not in topic_ids]
    groups = {}
    for key in ("merge", "split"):
        value = data.get(key) or []
        if not all(isinstance(g, list) and len(g) >= 2 for g in value):
            errors.append(f"{path}: {key}: each entry must be a list of two or more question ids")
            value = []
        groups[key] = tuple(tuple(str(q) for q in g) for g in value)
    hide = data.get("hide") or []
    if not isinstance(hide, list):
        errors.append(f"{path}: hide: must be a list of question ids")
        hide = []
    if errors:
        raise ConfigError("\n".join(errors))
    return Curation(pin, groups["merge"], groups["split"], frozenset(map(str, hide)))


def load_content(root: Path) -> Content:
    content = root / "content"
    topics = load_topics(content / "topics.yml")
    return Content(
        root=root,
        sources_meta=load_sources_meta(content / "sources.yml"),
        topics=topics,
        curation=load_curation(content / "curation.yml", {t.id for t in topics}),
        images=load_image_settings(content / "settings.yml"),
    )

"""Typed loading of the maintainer's files in content/: sources.yml, topics.yml, curation.yml.

Every problem is collected and raised once as a ConfigError naming file and key.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.errors import ConfigError
from generator.ingest.segment import FORCEABLE
from generator.model import Topic


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


def _load_yaml(path: Path) -> object:
    if not path.exists():
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from None


def load_sources_meta(path: Path) -> dict[str, SourceMeta]:
    data = _load_yaml(path) or {}
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
    data = _load_yaml(path)
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
    data = _load_yaml(path) or {}
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


SEARCH_MODES = ("material", "pagefind", "auto")
PAGEFIND_ABOVE = 2000


@dataclass(frozen=True)
class SearchSettings:
    """content/settings.yml `search:`: which search sits behind the header's search box."""

    mode: str = "auto"  # material | pagefind | auto
    pagefind_above: int = PAGEFIND_ABOVE  # auto: Pagefind when the site shows more questions


def load_search_settings(path: Path) -> SearchSettings:
    data = _load_yaml(path) or {}
    search = data.get("search") if isinstance(data, dict) else None
    if search is None:
        return SearchSettings()
    if not isinstance(search, dict):
        raise ConfigError(f"{path}: search: expected a mapping with 'mode' and 'pagefind_above'")
    errors = [f"{path}: search: unknown key {k!r}" for k in sorted(set(search) - {"mode", "pagefind_above"})]
    mode = search.get("mode", "auto")
    if mode not in SEARCH_MODES:
        errors.append(f"{path}: search.mode: {mode!r} is not one of {', '.join(SEARCH_MODES)}")
    above = search.get("pagefind_above", PAGEFIND_ABOVE)
    if not isinstance(above, int) or isinstance(above, bool) or above < 0:
        errors.append(f"{path}: search.pagefind_above: expected a whole number of questions, got {above!r}")
    if errors:
        raise ConfigError("\n".join(errors))
    return SearchSettings(mode, above)


# Placeholders the home page's intro may use, filled with the shown pile's counts.
SITE_FIELDS = ("questions", "sources", "topics")


@dataclass(frozen=True)
class SiteSettings:
    """content/settings.yml `site:`: what the site says about the pile it was given.

    The defaults claim nothing about the subject, so they stay true for any pile; the
    bundled content/settings.yml describes its own LLM pile.
    """

    name: str = "Interview Study"  # MkDocs site_name: the header and every page title
    description: str = (
        "Interview questions grouped by topic, with answers, multiple-choice questions and practice prompts."
    )
    heading: str = "Interview study"  # the home page's title
    intro: str = (
        "{questions} interview questions, gathered from {sources} sources, cleaned up and grouped into "
        "{topics} topics. Read the answers, test yourself on multiple-choice questions, and practise on "
        "prompts that have no answer yet."
    )

    def intro_text(self, questions: int, sources: int, topics: int) -> str:
        return self.intro.format(questions=questions, sources=sources, topics=topics)


def load_site_settings(path: Path) -> SiteSettings:
    data = _load_yaml(path) or {}
    site = data.get("site") if isinstance(data, dict) else None
    if site is None:
        return SiteSettings()
    if not isinstance(site, dict):
        raise ConfigError(f"{path}: site: expected a mapping with name, description, heading, intro")
    keys = ("name", "description", "heading", "intro")
    errors = [f"{path}: site: unknown key {k!r}" for k in sorted(set(site) - set(keys))]
    errors += [
        f"{path}: site.{k}: expected one line of text" for k in keys if not isinstance(site.get(k, ""), str)
    ]
    intro = site.get("intro", SiteSettings.intro)
    if isinstance(intro, str):
        errors += _placeholder_errors(f"{path}: site.intro", intro)
    if errors:
        raise ConfigError("\n".join(errors))
    return SiteSettings(**{k: str(site[k]).strip() for k in keys if k in site})


def _placeholder_errors(where: str, text: str) -> list[str]:
    """`{questions}` and friends only; a literal brace is written twice."""
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError as exc:
        return [f"{where}: {exc} (write {{{{ or }}}} for a literal brace)"]
    allowed = ", ".join("{" + name + "}" for name in SITE_FIELDS)
    return [
        f"{where}: unknown placeholder {{{f}}} (use {allowed})" for f in sorted(fields - set(SITE_FIELDS))
    ]


REMOTE_IMAGES = ("link", "show")


@dataclass(frozen=True)
class ImageSettings:
    """content/settings.yml `images:`: what a remote image in an answer becomes."""

    remote: str = "link"  # link: "Image: alt" linking to it (no third-party request) | show


def load_image_settings(path: Path) -> ImageSettings:
    data = _load_yaml(path) or {}
    images = data.get("images") if isinstance(data, dict) else None
    if images is None:
        return ImageSettings()
    if not isinstance(images, dict):
        raise ConfigError(f"{path}: images: expected a mapping with 'remote'")
    errors = [f"{path}: images: unknown key {k!r}" for k in sorted(set(images) - {"remote"})]
    remote = images.get("remote", "link")
    if remote not in REMOTE_IMAGES:
        errors.append(f"{path}: images.remote: {remote!r} is not one of {', '.join(REMOTE_IMAGES)}")
    if errors:
        raise ConfigError("\n".join(errors))
    return ImageSettings(remote)


READING_BUDGET = 30.0


@dataclass(frozen=True)
class ReadingSettings:
    """content/settings.yml `reading:`: limits on reading one source file."""

    budget_seconds: float = READING_BUDGET  # a file still being read after this is skipped


def load_reading_settings(path: Path) -> ReadingSettings:
    data = _load_yaml(path) or {}
    reading = data.get("reading") if isinstance(data, dict) else None
    if reading is None:
        return ReadingSettings()
    if not isinstance(reading, dict):
        raise ConfigError(f"{path}: reading: expected a mapping with 'budget_seconds'")
    errors = [f"{path}: reading: unknown key {k!r}" for k in sorted(set(reading) - {"budget_seconds"})]
    budget = reading.get("budget_seconds", READING_BUDGET)
    if not isinstance(budget, int | float) or isinstance(budget, bool) or not 0 < budget <= 86_400:
        errors.append(f"{path}: reading.budget_seconds: expected a number of seconds above 0, got {budget!r}")
    if errors:
        raise ConfigError("\n".join(errors))
    return ReadingSettings(float(budget))

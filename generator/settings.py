"""Typed loading of content/settings.yml: search, site texts, images and reading budget.

Each section is optional. The file is checked against generator.schemas.SETTINGS; every
problem is raised once as a ConfigError naming file, line and key.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path

from generator.schemas import SETTINGS
from generator.yamlcheck import load_checked

PAGEFIND_ABOVE = 2000


@dataclass(frozen=True)
class SearchSettings:
    """content/settings.yml `search:`: which search sits behind the header's search box."""

    mode: str = "auto"  # material | pagefind | auto
    pagefind_above: int = PAGEFIND_ABOVE  # auto: Pagefind when the site shows more questions


def _search(search: dict) -> SearchSettings:
    return SearchSettings(search.get("mode", "auto"), search.get("pagefind_above", PAGEFIND_ABOVE))


# Placeholders the home page's intro may use, filled with the shown pile's counts:
# {questions} the site's questions (entries: a merged duplicate group counts once, as every
# count on the site does, generator/render/counts.py), {asked} the questions as the sources ask them.
SITE_FIELDS = ("questions", "asked", "sources", "topics")


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

    def intro_text(self, questions: int, sources: int, topics: int, asked: int | None = None) -> str:
        asked = questions if asked is None else asked
        return self.intro.format(questions=questions, asked=asked, sources=sources, topics=topics)


def _site(site: dict) -> SiteSettings:
    keys = ("name", "description", "heading", "intro")
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


@dataclass(frozen=True)
class ImageSettings:
    """content/settings.yml `images:`: what a remote image in an answer becomes."""

    remote: str = "link"  # link: "Image: alt" linking to it (no third-party request) | show


def _images(images: dict) -> ImageSettings:
    return ImageSettings(images.get("remote", "link"))


READING_BUDGET = 30.0


@dataclass(frozen=True)
class ReadingSettings:
    """content/settings.yml `reading:`: limits on reading one source file."""

    budget_seconds: float = READING_BUDGET  # a file still being read after this is skipped


def _reading(reading: dict) -> ReadingSettings:
    return ReadingSettings(float(reading.get("budget_seconds", READING_BUDGET)))


@dataclass(frozen=True)
class Settings:
    """All of content/settings.yml; the gather stage reads it once (generator/config.py)."""

    search: SearchSettings = field(default_factory=SearchSettings)
    site: SiteSettings = field(default_factory=SiteSettings)
    images: ImageSettings = field(default_factory=ImageSettings)
    reading: ReadingSettings = field(default_factory=ReadingSettings)


def load_settings(path: Path) -> Settings:
    """The file, checked as a whole (schema and site.intro's placeholders); defaults when absent."""

    def placeholders(data: object) -> list[str]:
        site = data.get("site") if isinstance(data, dict) else None
        intro = site.get("intro") if isinstance(site, dict) else None
        return _placeholder_errors(f"{path}: site.intro", intro) if isinstance(intro, str) else []

    data = load_checked(path, SETTINGS, placeholders) or {}

    def section(name: str) -> dict:
        return data.get(name) or {}

    return Settings(
        _search(section("search")),
        _site(section("site")),
        _images(section("images")),
        _reading(section("reading")),
    )

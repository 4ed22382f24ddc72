"""Typed loading of content/settings.yml: search, site texts, images and reading budget.

Each section is optional; every problem is collected and raised once as a ConfigError
naming the file and key.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import ConfigError


def load_yaml(path: Path) -> object:
    """A YAML file's data (None when the file is absent); invalid YAML is a ConfigError."""
    if not path.exists():
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from None


SEARCH_MODES = ("material", "pagefind", "auto")
PAGEFIND_ABOVE = 2000


@dataclass(frozen=True)
class SearchSettings:
    """content/settings.yml `search:`: which search sits behind the header's search box."""

    mode: str = "auto"  # material | pagefind | auto
    pagefind_above: int = PAGEFIND_ABOVE  # auto: Pagefind when the site shows more questions


def load_search_settings(path: Path) -> SearchSettings:
    data = load_yaml(path) or {}
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


# Placeholders the home page's intro may use, filled with the shown pile's counts:
# {questions} the site's questions (entries: a merged duplicate group counts once, as every
# count on the site does, generator/counts.py), {asked} the questions as the sources ask them.
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


def load_site_settings(path: Path) -> SiteSettings:
    data = load_yaml(path) or {}
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
    data = load_yaml(path) or {}
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
    data = load_yaml(path) or {}
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

"""Which search sits behind the header's search box, and the build steps Pagefind needs.

`material`: Material for MkDocs' own search plugin (lunr): the browser downloads the whole
search_index.json and builds an index on every fresh load; fine for a few thousand questions.
`pagefind`: Material's search plugin is left out of the generated build/mkdocs.yml, and after
MkDocs has built site/, Pagefind (PyPI `pagefind[bin]`) indexes the questions into a chunked
index in site/pagefind/; overrides/partials/pagefind-search.html puts the same search box in
the header and overrides/assets/pagefind-search.js fills Material's result list from it.
`auto`: Pagefind above a number of questions (content/settings.yml), else Material.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from generator.errors import BuildError
from generator.model import Corpus
from generator.settings import SearchSettings

SEARCH_PLUGINS = ("search", "material/search")
# Only question content: Material's <article>, without the "¶" permalinks; only real pages
# (every MkDocs page is .../index.html with directory URLs, so 404.html stays out).
PAGEFIND_ARGS = (
    "--root-selector",
    "article",
    "--exclude-selectors",
    ".headerlink",
    "--glob",
    "**/index.html",
    "--quiet",
)
PAGEFIND_TIMEOUT = 1800
# Pagefind's own UIs: the header box uses pagefind.js alone, so these would only be dead weight.
UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


def shown_questions(corpus: Corpus) -> int:
    return sum(1 for q in corpus.questions if q.id not in corpus.hidden)


def choose_mode(settings: SearchSettings, override: str | None, questions: int) -> str:
    """`material` or `pagefind`: the --search override, else the setting, `auto` by size."""
    mode = override or settings.mode
    if mode == "auto":
        return "pagefind" if questions > settings.pagefind_above else "material"
    return mode


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even with `!!python/name:` or `!ENV` tags (their values do not matter here)."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def plugins_without_search(project_config: Path) -> list:
    """The project's plugins in list form, minus Material's search.

    MkDocs merges an INHERITed config key by key: mappings deeply, anything else replaced,
    so a `plugins` list in the generated config replaces the project's whole list.
    """
    data = yaml.load(project_config.read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}
    plugins = data.get("plugins", ["search"])  # MkDocs' default when the key is absent
    if isinstance(plugins, dict):
        plugins = [{name: conf} if conf else name for name, conf in plugins.items()]
    return [entry for entry in plugins or [] if _plugin_name(entry) not in SEARCH_PLUGINS]


def _plugin_name(entry: str | dict) -> str:
    """`- tags` or `- tags: {options}`."""
    return next(iter(entry)) if isinstance(entry, dict) else entry


def run_pagefind(site: Path) -> Path:
    """Index the built site into site/pagefind/; a failure is a BuildError naming what to do."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), *PAGEFIND_ARGS]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise BuildError(f"Pagefind did not finish indexing {site} within {PAGEFIND_TIMEOUT} s") from None
    output = (result.stderr + result.stdout).strip()
    if result.returncode != 0 and "No module named pagefind" in output:
        raise BuildError(
            "search mode 'pagefind' needs the pinned 'pagefind[bin]' package "
            "(bash scripts/install-and-build installs it)"
        )
    bundle = site / "pagefind" / "pagefind.js"
    if result.returncode != 0 or not bundle.is_file():
        last = output.splitlines()[-5:] or ["no output"]
        raise BuildError(f"Pagefind failed to index {site} (exit {result.returncode}): " + " | ".join(last))
    for name in UNUSED_FILES:
        (bundle.parent / name).unlink(missing_ok=True)
    return bundle.parent

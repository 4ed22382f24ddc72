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

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from generator.errors import BuildError
from generator.publish import search_records, search_titles, search_words
from generator.settings import SearchSettings

SEARCH_PLUGINS = ("search", "material/search")
# The records' text (search_records.py) without the "¶" permalinks and the "Answer" label of
# every folded answer (it would start every excerpt), in the site's language.
PAGEFIND_ARGS = (
    "--root-selector",
    "article",
    "--exclude-selectors",
    ".headerlink",
    "--exclude-selectors",
    "summary",
    "--glob",
    "**/*.html",
    "--quiet",
)
PAGEFIND_TIMEOUT = 1800
WORDS_FILE = "words.json"  # in site/pagefind/: suggestions and typo fixes (search_words.py)
TITLES_FILE = "titles.json"  # in site/pagefind/: searched first on a fresh load (search_titles.py)
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
    """Index the built site into site/pagefind/, one record per question (search_records.py),
    and write the word list and question titles the search box uses; a failure is a BuildError
    naming what to do.

    The records are written as small HTML files into a scratch folder for Pagefind's CLI
    (its Python API waits 0.1 s per record: 80 minutes at 50,000 questions); each carries
    its real URL as the `url` meta, so a result links to the question's anchor.
    """
    records = list(search_records.site_records(site))
    output = site / "pagefind"
    shutil.rmtree(output, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="pagefind-records-") as scratch:
        search_records.write_records(records, Path(scratch))
        _run_cli(Path(scratch), output)
    for name in UNUSED_FILES:
        (output / name).unlink(missing_ok=True)
    search_words.write_words(records, output / WORDS_FILE)
    search_titles.write_titles(records, output / TITLES_FILE)
    return output


def _run_cli(records: Path, output: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(records), "--output-path", str(output)]
    try:
        result = subprocess.run(
            [*command, *PAGEFIND_ARGS], capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT
        )
    except subprocess.TimeoutExpired:
        raise BuildError(f"Pagefind did not index {output.parent} within {PAGEFIND_TIMEOUT} s") from None
    text = (result.stderr + result.stdout).strip()
    if result.returncode != 0 and "No module named pagefind" in text:
        raise BuildError(
            "search mode 'pagefind' needs the pinned 'pagefind[bin]' package "
            "(bash scripts/install-and-build installs it)"
        )
    if result.returncode != 0 or not (output / "pagefind.js").is_file():
        last = text.splitlines()[-5:] or ["no output"]
        code = result.returncode
        raise BuildError(f"Pagefind failed to index {output.parent} (exit {code}): " + " | ".join(last))

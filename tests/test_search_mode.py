"""Search mode: the setting in content/settings.yml, the --search override, `auto` by corpus
size, the generated MkDocs config of a Pagefind build, and Pagefind failures as clean errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import cli
from generator.errors import EXIT_FAILED, BuildError, ConfigError
from generator.publish import config, search
from generator.publish.config import SiteOptions
from generator.settings import PAGEFIND_ABOVE, SearchSettings, SiteSettings, load_settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("mode", "override", "questions", "chosen"),
    [
        ("auto", None, PAGEFIND_ABOVE, "material"),  # at the threshold: still Material
        ("auto", None, PAGEFIND_ABOVE + 1, "pagefind"),
        ("auto", "material", 50_000, "material"),  # --search wins over size
        ("material", None, 50_000, "material"),
        ("pagefind", None, 10, "pagefind"),
        ("material", "pagefind", 10, "pagefind"),
        ("pagefind", "auto", 10, "material"),  # --search auto decides by size again
    ],
)
def test_choose_mode(mode, override, questions, chosen):
    assert search.choose_mode(SearchSettings(mode), override, questions) == chosen


def test_threshold_is_a_setting():
    assert search.choose_mode(SearchSettings("auto", 100), None, 101) == "pagefind"
    assert search.choose_mode(SearchSettings("auto", 100), None, 100) == "material"


def test_real_site_searches_with_pagefind():
    """Pagefind at every size: faster from 1,000 questions up, and its question records land
    on questions; at 296 Material's is faster when the machine is quiet (benchmarks/README.md)."""
    from generator.pipeline import gather

    corpus = gather(ROOT)
    assert corpus.content.search.mode == "pagefind"
    assert search.choose_mode(corpus.content.search, None, len(corpus.shown())) == "pagefind"


def test_settings_default_when_file_or_key_is_missing(tmp_path):
    assert load_settings(tmp_path / "settings.yml").search == SearchSettings("auto", PAGEFIND_ABOVE)
    (tmp_path / "settings.yml").write_text("other: 1\n")
    assert load_settings(tmp_path / "settings.yml").search == SearchSettings()


def test_settings_read_mode_and_threshold(tmp_path):
    path = tmp_path / "settings.yml"
    path.write_text("search:\n  mode: pagefind\n  pagefind_above: 500\n")
    assert load_settings(path).search == SearchSettings("pagefind", 500)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("search:\n  mode: lunr\n", "search.mode: 'lunr' is not one of material, pagefind, auto"),
        ("search:\n  pagefind_above: many\n", "search.pagefind_above: expected a whole number of questions"),
        ("search:\n  pagefind_above: -1\n", "search.pagefind_above"),
        ("search:\n  engine: pagefind\n", "search: unknown key 'engine'"),
        ("search: pagefind\n", "search: expected a mapping"),
    ],
)
def test_bad_settings_name_file_and_key(tmp_path, text, message):
    path = tmp_path / "settings.yml"
    path.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_cli_rejects_an_unknown_mode(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.parser().parse_args(["build", "--search", "lunr"])
    assert exc.value.code == 2
    assert "invalid choice: 'lunr'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("plugins", "kept"),
    [
        ("plugins:\n  - search\n  - tags\n", ["tags"]),
        ("plugins:\n  - material/search:\n      lang: en\n  - offline\n", ["offline"]),
        ("plugins:\n  search: {}\n  tags:\n    enabled: true\n", [{"tags": {"enabled": True}}]),
        ("site_name: x\n", []),  # MkDocs' default plugins are just search
    ],
)
def test_plugins_without_search(tmp_path, plugins, kept):
    project = tmp_path / "mkdocs.yml"
    project.write_text(
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: "
        "!!python/name:material.extensions.emoji.twemoji\n" + plugins
    )
    assert search.plugins_without_search(project) == kept


def generated_config(tmp_path: Path, search_mode: str) -> Path:
    """build/mkdocs.yml as the generator writes it, INHERITing the project's real mkdocs.yml."""
    project = tmp_path / search_mode
    (project / "build" / "docs").mkdir(parents=True)
    (project / "build" / "docs" / "index.md").write_text("# Home\n")
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "overrides").symlink_to(ROOT / "overrides")
    options = SiteOptions(search=search_mode)
    return config.write_config(
        project, project / "build" / "docs", [{"Home": "index.md"}], options, site=SiteSettings()
    )


def test_pagefind_config_drops_material_search_once_mkdocs_merges_it(tmp_path):
    from mkdocs.config import load_config

    before = load_config(str(generated_config(tmp_path, "material")))
    assert "material/search" in before.plugins
    generated = generated_config(tmp_path, "pagefind")
    assert generated.read_text().startswith("# Generated")
    after = load_config(str(generated))
    assert "material/search" not in after.plugins and "search" not in after.plugins
    assert after.extra["search"] == "pagefind"
    assert after.nav == before.nav
    assert [Path(d).resolve() for d in after.theme.dirs] == [Path(d).resolve() for d in before.theme.dirs]


def test_pagefind_failure_is_a_build_error_not_a_traceback(tmp_path):
    (tmp_path / "site").mkdir()  # nothing to index
    with pytest.raises(BuildError, match=r"Pagefind failed to index .* not able to build an index"):
        search.run_pagefind(tmp_path / "site")


def test_cli_reports_a_pagefind_failure_with_exit_2(tmp_path, monkeypatch, capsys):
    """A real build of a one-source project whose Pagefind run fails (an option it does not know)."""
    import shutil

    (tmp_path / "content" / "sources").mkdir(parents=True)
    shutil.copy2(ROOT / "content" / "topics.yml", tmp_path / "content" / "topics.yml")
    shutil.copytree(ROOT / "content" / "pages", tmp_path / "content" / "pages")
    source = ROOT / "tests" / "fixtures" / "labelled" / "practice_set.txt"
    shutil.copy2(source, tmp_path / "content" / "sources")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "overrides").symlink_to(ROOT / "overrides")
    monkeypatch.setattr(search, "PAGEFIND_ARGS", ("--no-such-option",))
    status = cli.main(["--root", str(tmp_path), "build", "--search", "pagefind"])
    err = capsys.readouterr().err
    assert status == EXIT_FAILED, err
    assert "error: Pagefind failed to index" in err and "Traceback" not in err


def test_header_override_is_materials_header_plus_the_pagefind_branch():
    """overrides/partials/header.html copies Material's header: after a Material upgrade this
    says to copy the new one again (and put the two `elif` branches back: Pagefind, Zensical)."""
    import difflib

    import material

    comment = re.compile(r"\{#-.*?-#\}\n?", re.S)
    materials = Path(material.__file__).parent / "templates" / "partials" / "header.html"
    theirs = comment.sub("", materials.read_text())
    ours = comment.sub("", (ROOT / "overrides" / "partials" / "header.html").read_text())
    diff = [line for line in difflib.ndiff(theirs.splitlines(), ours.splitlines()) if line[:1] in "+-"]
    # The palette's script moved after the bar (see the override's comment); nothing else went.
    removed = [line[2:].strip() for line in diff if line.startswith("-")]
    moved = [
        "{% if not config.theme.palette is mapping %}",
        '{% include "partials/javascripts/palette.html" %}',
        "{% endif %}",
    ]
    assert [line for line in removed if line not in moved] == [], "Material's header changed: copy it again"
    added = "\n".join(line[2:] for line in diff)
    assert 'elif config.extra.search == "pagefind"' in added
    assert 'include "partials/pagefind-search.html"' in added
    assert 'elif config.extra.engine == "zensical"' in added  # generator/publish/engines.py
    assert ours.index('include "partials/javascripts/palette.html"') > ours.index("</nav>")
    assert len(diff) < 24  # the two branches and the moved script only

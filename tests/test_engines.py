"""The Zensical engine (generator/publish/engines.py): the config it is given, and a broken link
failing its strict build with the link's place in build/docs."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
import yaml

from generator import pipeline
from generator.config import load_content
from generator.errors import BuildError
from generator.pipeline import assemble, read_sources
from generator.publish import config, engines, site
from generator.publish.config import SiteOptions
from generator.settings import SiteSettings

ROOT = Path(__file__).resolve().parents[1]


def written(tmp_path: Path, options: SiteOptions) -> tuple[dict, dict]:
    """(build/mkdocs.yml, build/zensical.yml) as a build writes them for `options`."""
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    target = config.write_config(
        tmp_path, tmp_path / "build" / "docs", ["index.md"], options, site=SiteSettings()
    )
    return loaded(tmp_path / "build" / "mkdocs.yml"), loaded(target)


def loaded(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").partition("\n")[2])


def test_zensical_config_builds_inside_its_folder_and_leaves_the_mkdocs_one_alone(tmp_path):
    mkdocs, data = written(tmp_path, SiteOptions(engine="zensical"))
    assert (tmp_path / "build" / data["site_dir"]).resolve().is_relative_to(tmp_path / "build")
    assert data["extra"] == {"engine": "zensical"} and data["theme"]["variant"] == "classic"
    assert "plugins" not in data  # Material's search settings come from ../mkdocs.yml
    assert data["nav"] == ["index.md"] and data["INHERIT"] == "../mkdocs.yml"
    assert mkdocs["site_dir"] == "../site" and "extra" not in mkdocs and "variant" not in mkdocs["theme"]
    assert {**data, "site_dir": "../site", "extra": None, "theme": None} == {
        **mkdocs,
        "extra": None,
        "theme": None,
    }


def test_pagefind_mode_turns_zensicals_own_search_off(tmp_path):
    _, data = written(tmp_path, SiteOptions(search="pagefind", engine="zensical"))
    assert data["plugins"][-1] == {"search": {"enabled": False}}
    assert data["extra"] == {"search": "pagefind", "engine": "zensical"}


def test_problem_lines_name_the_page_and_line():
    output = [
        "Build started",
        "\x1b[33mWarning:\x1b[0m page does not exist",
        "     \x1b[38;5;246m╭─[\x1b[0m topics/rag.md:12:5 \x1b[38;5;246m]\x1b[0m",
        "\x1b[33mWarning:\x1b[0m anchor does not exist",
        "     ╭─[ index.md:3:40 ]",
        "Error: something without a place",
        "RuntimeError: Aborted because --strict flag is set",
    ]
    clean = [engines.ANSI.sub("", line) for line in output]
    assert engines.problem_lines(clean, "build/docs") == [
        "build/docs/topics/rag.md:12: warning: page does not exist",
        "build/docs/index.md:3: warning: anchor does not exist",
        "RuntimeError: Aborted because --strict flag is set",
        "error: something without a place",
    ]


@pytest.mark.skipif(importlib.util.find_spec("zensical") is None, reason="zensical not installed")
def test_a_broken_link_fails_the_zensical_build_with_its_place(tmp_path, capsys):
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns("sources"))
    (tmp_path / "content" / "sources").mkdir()
    (tmp_path / "content" / "sources.yml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "content" / "curation.yml").write_text("{}\n", encoding="utf-8")
    source = "## What is attention?\n\nA weighted sum of values.\n\n## What is LoRA?\n\nLow-rank adapters.\n"
    (tmp_path / "content" / "sources" / "few.md").write_text(source, encoding="utf-8")
    content = load_content(tmp_path)
    found, questions, problems = read_sources(content)
    options = SiteOptions(engine="zensical")
    pipeline.write_docs(
        assemble(content, found, questions, problems), tmp_path / "build" / "docs", tmp_path, options
    )
    about = tmp_path / "build" / "docs" / "about.md"
    lines = about.read_text(encoding="utf-8").count("\n")
    about.write_text(about.read_text(encoding="utf-8") + "[gone](nowhere.md)\n", encoding="utf-8")
    with pytest.raises(BuildError, match="zensical build --strict failed"):
        site.build_site(tmp_path, options)
    assert f"build/docs/about.md:{lines + 1}: warning: page does not exist" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()

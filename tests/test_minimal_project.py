"""A pile with no hand-written pages, or no documents at all, still builds a site (MkDocs
--strict checks every link and anchor), and says what is missing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _project(tmp_path: Path, sources: dict[str, str]) -> Path:
    (tmp_path / "content" / "sources").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "topics.yml", tmp_path / "content" / "topics.yml")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "overrides").symlink_to(ROOT / "overrides")
    for name, text in sources.items():
        (tmp_path / "content" / "sources" / name).write_text(text, encoding="utf-8")
    return tmp_path


def _build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "build"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("sources", "said", "lead"),
    [
        (
            {"notes.md": "## What is RAG?\n\nRetrieval, then generation.\n"},
            "1 question from 1 source in 1 topic, 0 warnings, 0 errors",
            "1 interview",
        ),
        ({}, "content/sources:0: warning: no source documents here", "No questions yet"),
    ],
)
def test_a_pile_without_pages_builds_and_says_what_is_missing(tmp_path, sources, said, lead):
    root = _project(tmp_path, sources)
    run = _build(root)
    assert run.returncode == 0, run.stdout + run.stderr
    assert said in run.stdout + run.stderr
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert lead in home and "questions.json" in home
    assert "about/#questions-json" not in home  # no About page to point at


def test_a_project_without_mkdocs_yml_is_told_so_in_one_line(tmp_path):
    root = _project(tmp_path, {"notes.md": "## What is RAG?\n\nRetrieval, then generation.\n"})
    (root / "mkdocs.yml").unlink()
    run = _build(root)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    assert f"{root / 'mkdocs.yml'}:1: not found" in run.stderr

"""Ten documents of one 20,000-character hostile line each, beside the bundled sources:
`check` and `build` finish in seconds and every bundled question is still read."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.pipeline import gather
from tests.support.passes import SHAPES

ROOT = Path(__file__).resolve().parents[1]
LINE = 20_000
HOSTILE = {  # file name -> shape of its one line (tests/support/passes.py)
    "long-label-spaces.txt": "spaces after a question label",
    "long-backticks.md": "backticks",
    "long-a-tags.html": "<a ",
    "long-dollars.txt": "$",
    "long-stars.md": "*",
    "long-underscores.md": "_",
    "long-brackets.md": "[",
    "long-paren-math.txt": "\\(",
    "long-heading-tail.md": "heading tail of ' #'",
    "long-dashes.md": "run of '- '",
}
SECONDS = 60  # "in seconds" with room for a loaded 2-core machine; a hang takes hours


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("long-lines")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "overrides").symlink_to(ROOT / "overrides")
    for name, shape in HOSTILE.items():
        (root / "content" / "sources" / name).write_text(SHAPES[shape](LINE) + "\n", encoding="utf-8")
    return root


def _run(project: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    return run, time.monotonic() - started


def test_the_documents_hold_one_long_hostile_line_each(project):
    for name in HOSTILE:
        lines = (project / "content" / "sources" / name).read_text(encoding="utf-8").split("\n")
        assert len(lines[0]) == LINE and lines[1:] == [""]


def test_every_bundled_question_is_still_read(project):
    bundled = gather(ROOT)
    started = time.monotonic()
    corpus = gather(project)
    assert time.monotonic() - started < SECONDS
    ids = {q.id for q in corpus.questions}
    assert len(bundled.questions) == 296
    assert {q.id for q in bundled.questions} <= ids
    assert not [p for p in corpus.problems if "took longer" in p.message]


def test_check_finishes_in_seconds(project):
    run, seconds = _run(project, "check")
    assert seconds < SECONDS, seconds
    assert run.returncode in (0, 1), run.stderr
    assert "Traceback" not in run.stderr
    assert "took longer" not in run.stdout


@pytest.mark.slow
def test_build_finishes_in_seconds(project):
    run, seconds = _run(project, "build")
    assert seconds < SECONDS * 2, seconds  # MkDocs included
    assert run.returncode in (0, 1), run.stdout + run.stderr
    assert (project / "site" / "index.html").is_file()

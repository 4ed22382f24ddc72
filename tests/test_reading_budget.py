"""A hard stop per file: a source still being read at its budget is skipped and reported,
and the build goes on with the rest (content/settings.yml `reading: budget_seconds`)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from generator import cli, pipeline
from generator.errors import ConfigError
from generator.settings import ReadingSettings, load_settings
from generator.workers import Died, TimedOut, run_all

ROOT = Path(__file__).resolve().parents[1]
SOURCES = "content/sources"
GOOD = (
    "Good Questions\n\nQ1. What is a token?\n\nAns - A piece of text.\n\n"
    "Q2. What is a vocabulary?\n\nAns - Its tokens.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / SOURCES).mkdir(parents=True)
    for name in ("topics.yml", "curation.yml"):
        shutil.copy(ROOT / "content" / name, tmp_path / "content" / name)
    (tmp_path / "content" / "sources.yml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "content" / "settings.yml").write_text("reading:\n  budget_seconds: 0.5\n", encoding="utf-8")
    for name in ("a-good.txt", "hangs.txt", "z-good.txt"):
        (tmp_path / SOURCES / name).write_text(GOOD, encoding="utf-8")
    return tmp_path


@pytest.fixture
def one_file_hangs(monkeypatch):
    """Reading hangs.txt never ends (the worker processes are forked with this patch)."""
    read_source = pipeline.read_source

    def hanging(path, content, timed=pipeline.call, source_id=None):
        while path.name == "hangs.txt":
            time.sleep(0.05)
        return read_source(path, content, timed, source_id)

    monkeypatch.setattr(pipeline, "read_source", hanging)


def test_a_file_past_its_budget_is_skipped_and_the_others_are_read(project, one_file_hangs):
    started = time.monotonic()
    corpus = pipeline.gather(project)
    assert time.monotonic() - started < 20
    assert [s.id for s in corpus.sources] == ["a-good", "z-good"]
    assert [q.source for q in corpus.questions] == ["a-good", "a-good", "z-good", "z-good"]
    assert [str(p) for p in corpus.problems if p.severity == "error"] == [
        f"{SOURCES}/hangs.txt:1: error: reading took longer than 0.5 s; skipped"
    ]


def test_check_exits_1_and_prints_the_skipped_file(project, one_file_hangs, capsys):
    assert cli.main(["--root", str(project), "check"]) == 1
    assert f"{SOURCES}/hangs.txt:1: error: reading took longer than 0.5 s; skipped" in capsys.readouterr().out


def test_results_keep_the_order_of_the_items_and_a_worker_that_dies_is_reported():
    items = [0.3, 0.0, -1.0, 0.1, 5.0, 0.0]
    results = run_all(_nap, items, budget=1.5, workers=2)
    assert results[:2] == [0.3, 0.0]
    assert isinstance(results[2], Died)
    assert results[3] == 0.1
    assert isinstance(results[4], TimedOut)
    assert results[5] == 0.0


def test_a_worker_past_its_memory_is_stopped_and_the_next_item_still_runs():
    # 4 GB asked for at once: refused under the worker's cap (3 GB more than it started with)
    results = run_all(_allocate, [0, 4 * 1024**3, 1024], budget=30, workers=1)
    assert results == [0, "MemoryError", 1024]


def test_a_file_that_needs_too_much_memory_is_skipped_and_reported(project, monkeypatch):
    read_source = pipeline.read_source

    def greedy(path, content, timed=pipeline.call, source_id=None):
        if path.name == "hangs.txt":
            bytearray(4 * 1024**3)
        return read_source(path, content, timed, source_id)

    monkeypatch.setattr(pipeline, "read_source", greedy)
    corpus = pipeline.gather(project)
    assert [s.id for s in corpus.sources] == ["a-good", "z-good"]
    assert [str(p) for p in corpus.problems if p.severity == "error"] == [
        f"{SOURCES}/hangs.txt:1: error: reading needed more than 3 GB of memory; skipped"
    ]


def _allocate(size: int) -> int | str:
    try:
        return len(bytearray(size))
    except MemoryError:
        return "MemoryError"


def _nap(seconds: float) -> float:
    if seconds < 0:
        raise SystemExit(3)  # the worker ends without an answer
    time.sleep(seconds)
    return seconds


def test_the_budget_defaults_to_30_s_and_is_validated(tmp_path):
    settings = tmp_path / "settings.yml"
    assert load_settings(settings).reading == ReadingSettings(30.0)
    assert load_settings(ROOT / "content" / "settings.yml").reading.budget_seconds == 30
    for bad in ("0", "-1", "'soon'", "true"):
        settings.write_text(f"reading:\n  budget_seconds: {bad}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match=r"reading\.budget_seconds"):
            load_settings(settings)
    settings.write_text("reading:\n  budget: 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key 'budget'"):
        load_settings(settings)

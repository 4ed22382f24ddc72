"""`serve`: its watcher regenerates after a change in content/, not once per write of a burst,
and keeps watching after a bad edit; regenerating touches only what changed in build/docs."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from generator.errors import ConfigError
from generator.watch import regenerate, watch_content


def test_a_burst_regenerates_fewer_times_than_it_writes_and_a_bad_edit_keeps_watching(tmp_path, capsys):
    # Each burst is five writes in a row; "once" is checked as "fewer than one per write",
    # since a very busy machine may stretch a burst past the quiet time.
    (tmp_path / "content").mkdir()
    calls: list[int] = []
    first_burst = [99]  # how many regenerations the first burst caused, once known
    done = threading.Event()

    def regenerate(root):
        calls.append(1)
        done.set()
        if len(calls) == 1 + first_burst[0]:
            raise ConfigError("content/topics.yml: expected a top-level 'topics:' list")
        return 3

    stop, ready = threading.Event(), threading.Event()
    watcher = threading.Thread(target=watch_content, args=(tmp_path, stop, regenerate, ready), daemon=True)
    watcher.start()
    assert ready.wait(20)
    try:
        for attempt in range(2):
            done.clear()
            for i in range(5):  # an editor's save: several writes in a row
                (tmp_path / "content" / f"topics-{i}.yml").write_text(f"x: {attempt}\n", encoding="utf-8")
            assert done.wait(20), "no regeneration after a change"
            before = len(calls)
            threading.Event().wait(1.0)  # any split of the burst has run by now
            assert len(calls) - (0 if attempt == 0 else first_burst[0]) < 5, calls
            if attempt == 0:
                first_burst[0] = len(calls)
            assert len(calls) >= before
    finally:
        stop.set()
        watcher.join(10)
    assert not watcher.is_alive()
    err = capsys.readouterr().err
    assert "regenerated build/docs (3 files updated)" in err
    assert "error: content/topics.yml: expected a top-level 'topics:' list" in err


def test_regenerate_writes_docs_and_config_then_touches_nothing_when_nothing_changed(tmp_path):
    root = Path(__file__).resolve().parents[1]
    for name in ("content", "overrides"):
        shutil.copytree(root / name, tmp_path / name)
    shutil.copy2(root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "build" / "docs").mkdir(parents=True)
    assert regenerate(tmp_path) > 0
    assert (tmp_path / "build" / "docs" / "index.md").is_file()
    assert (tmp_path / "build" / "docs" / "assets" / "mathjax" / "tex-chtml.js").is_file()
    config = (tmp_path / "build" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "docs_dir: docs" in config
    assert regenerate(tmp_path) == 0
    assert (tmp_path / "build" / "mkdocs.yml").read_text(encoding="utf-8") == config

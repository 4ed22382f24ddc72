"""`serve`: a live preview (`mkdocs serve`) whose watcher regenerates build/docs when anything
in content/ changes.

watchdog (installed with MkDocs) reports file events from the operating system, so an
idle preview costs nothing, where polling re-listed content/ every second. Events
arriving together (an editor writes a temporary file, then renames it) are gathered for
QUIET seconds and handled as one change.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator import pipeline
from generator.errors import GeneratorError
from generator.publish import config, site

QUIET = 0.3  # seconds without a new event before regenerating


class _Changed(FileSystemEventHandler):
    def __init__(self, flag: threading.Event) -> None:
        self.flag = flag

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in ("opened", "closed_no_write"):  # reads change nothing
            self.flag.set()


def watch_content(
    root: Path,
    stop: threading.Event,
    regenerate: Callable[[Path], int],
    ready: threading.Event | None = None,
) -> None:
    """Until `stop` is set: after each burst of changes under content/, regenerate.
    `ready` is set once changes are being watched."""
    changed = threading.Event()
    observer = Observer()
    observer.schedule(_Changed(changed), str(root / "content"), recursive=True)
    observer.start()
    if ready is not None:
        ready.set()
    try:
        while not stop.is_set():
            if not changed.wait(0.5):
                continue
            while changed.wait(QUIET):  # let the burst end
                changed.clear()
            _run(regenerate, root)
    finally:
        observer.stop()
        observer.join()


def _run(regenerate: Callable[[Path], int], root: Path) -> None:
    try:
        files = regenerate(root)
        print(f"content/ changed: regenerated build/docs ({files} files updated)", file=sys.stderr)
    except GeneratorError as exc:  # a bad edit in content/: say so and keep serving
        print(f"error: {exc}", file=sys.stderr)


def sync_tree(new: Path, live: Path) -> int:
    """Make `live` equal to `new`, touching only files that changed; returns how many did."""
    changed = 0
    new_files = {p.relative_to(new) for p in new.rglob("*") if p.is_file()}
    for rel in sorted(new_files):
        src, dest = new / rel, live / rel
        if not dest.is_file() or dest.read_bytes() != src.read_bytes():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
            changed += 1
    for dest in sorted(live.rglob("*"), reverse=True):
        rel = dest.relative_to(live)
        if dest.is_file() and rel not in new_files:
            dest.unlink()
            changed += 1
        elif dest.is_dir() and not any(dest.iterdir()):
            dest.rmdir()
    return changed


def regenerate(root: Path) -> int:
    """Render content/ afresh into a scratch folder, then sync it into build/docs."""

    corpus = pipeline.gather(root)
    docs_dir = root / "build" / "docs"
    with tempfile.TemporaryDirectory(dir=root / "build") as scratch:
        fresh = Path(scratch) / "docs"
        rendered = pipeline.write_tree(corpus, fresh)
        site.copy_mathjax(fresh)
        changed = sync_tree(fresh, docs_dir)
    config.write_config(root, docs_dir, rendered.nav, site=corpus.content.site)
    return changed


def serve(root: Path, dev_addr: str) -> int:
    """Generate, then `mkdocs serve` with live reload; a watcher regenerates on content/ changes."""
    (root / "build").mkdir(exist_ok=True)
    (root / "build" / "docs").mkdir(exist_ok=True)
    regenerate(root)
    stop = threading.Event()
    watcher = threading.Thread(target=watch_content, args=(root, stop, regenerate), daemon=True)
    watcher.start()
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-f",
        str(config.existing_config(root)),
        "--dev-addr",
        dev_addr,
        "--livereload",
    ]
    process = subprocess.Popen(command, cwd=root)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        process.wait()
        return 130
    finally:
        stop.set()

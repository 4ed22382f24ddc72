"""`serve`'s watcher: regenerate build/docs when anything in content/ changes.

watchdog (installed with MkDocs) reports file events from the operating system, so an
idle preview costs nothing, where polling re-listed content/ every second. Events
arriving together (an editor writes a temporary file, then renames it) are gathered for
QUIET seconds and handled as one change.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.errors import GeneratorError

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

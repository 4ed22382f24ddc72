"""Images inside a Word file, named as a path through it: `notes.docx/word/media/image1.png`.

The Word converter (`generator.ingest.convert.docx`) points each embedded image at its zip member
this way, so `generator.ingest.images` judges it by the same rules as a file beside the source
(inside content/sources, size limit, image bytes only) and the renderer copies it into the
site. Only members under `word/media/` qualify: the rest of a .docx is XML, not pictures.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

CONTAINERS = (".docx",)
MEDIA = "word/media/"


@dataclass(frozen=True)
class Member:
    """One file inside a container document."""

    container: Path
    name: str

    def size(self) -> int:
        with zipfile.ZipFile(self.container) as archive:
            return archive.getinfo(self.name).file_size

    def read(self, limit: int) -> bytes:
        """At most `limit` bytes: the size in the zip's directory may lie."""
        with zipfile.ZipFile(self.container) as archive, archive.open(self.name) as handle:
            return handle.read(limit)


def locate(path: Path, root: Path) -> Member | None:
    """The zip member `path` names, when a folder on the way is a container file inside
    `root` (already resolved) that holds that member under word/media/."""
    for container in path.parents:
        if container == root or not container.is_relative_to(root):
            return None
        if container.suffix.lower() in CONTAINERS and container.is_file():
            name = PurePosixPath(*path.relative_to(container).parts).as_posix()
            return Member(container, name) if name.startswith(MEDIA) and _holds(container, name) else None
    return None


def _holds(container: Path, name: str) -> bool:
    try:
        with zipfile.ZipFile(container) as archive:
            return name in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False

"""Find source files and decode them into Documents, reporting what had to be repaired.

Notebooks, reStructuredText, Word and PDF files are recognised by their bytes (the
suffix is a hint) and converted to Markdown or HTML lines by `generator.ingest.convert`;
everything else is decoded as text.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from generator.ingest.convert import pick_converter
from generator.ingest.decode import decode
from generator.model import Document, Line, Location, Problem

SUPPORTED_SUFFIXES = (
    ".txt",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".text",
    ".ipynb",
    ".rst",
    ".rest",
    ".docx",
    ".pdf",
    ".gift",  # Moodle quiz exports; the content, not the suffix, picks the reader
    ".json",  # question records: quiz exports, flashcard decks, dataset dumps
    ".jsonl",
    ".csv",
    ".tsv",
)
# Images beside the documents are theirs to show (generator/ingest/images.py), not sources.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
# Every pass is linear in a line's length (tests/test_complexity.py), so this only bounds
# memory: a one-line HTML export of a whole page stays whole.
MAX_LINE = 1_000_000
ID_KEY = re.compile(r"[^0-9a-z]+")


def discover(sources_dir: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """Every regular file under sources_dir (subfolders too), sorted by path; unsupported
    ones, links to nothing and links out of the folder reported and skipped."""
    paths, problems = [], []
    if not sources_dir.is_dir():
        return [], [Problem(Location(_rel(sources_dir, root), 0), "sources folder is missing", "error")]
    inside = sources_dir.resolve()
    for path in _files(sources_dir):
        refused = _refused(path, inside)
        if refused:
            problems.append(Problem(Location(_rel(path, root), 1), refused, "error"))
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            paths.append(path)
        elif path.suffix.lower() not in IMAGE_SUFFIXES:
            problems.append(
                Problem(
                    Location(_rel(path, root), 1),
                    f"unsupported file type {path.suffix or '(none)'!r}: skipped "
                    f"(supported: {', '.join(SUPPORTED_SUFFIXES)})",
                    "error",
                )
            )
    if not paths and not problems:
        message = "no source documents here: the site will have no questions"
        problems.append(Problem(Location(_rel(sources_dir, root), 0), message))
    return paths, problems


def _files(folder: Path) -> list[Path]:
    """Files and links under folder, hidden names left out; linked folders are not entered
    (a link to a parent would never end)."""
    found = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(top, name) for name in files if not name.startswith(".")]
    return sorted(found)


def _refused(path: Path, inside: Path) -> str | None:
    if not path.is_symlink():
        return None if path.is_file() else "not a regular file: skipped"
    target = path.resolve()
    if not target.is_file():
        return "a link to nothing readable: skipped"
    if not target.is_relative_to(inside):
        return "a link to a file outside content/sources: skipped (copy the file in instead)"
    return None


def source_ids(paths: list[Path], sources_dir: Path, root: Path) -> tuple[dict[Path, str], list[Problem]]:
    """Each file's source id: its stem, or its folder, stem and suffix where files share a stem.

    An id names the file's anchor on the Sources page and goes into its questions' ids,
    so "faq.md" and "faq.html" (or "FAQ.md" and "faq.md", one anchor) must not share
    one. A file whose stem is its own keeps its stem, so adding a file never changes the
    ids of a source that had no twin before it.
    """
    stems: dict[str, int] = {}
    for path in paths:
        stems[_id_key(path.stem)] = stems.get(_id_key(path.stem), 0) + 1
    ids: dict[Path, str] = {}
    taken: set[str] = set()
    problems = []
    for path in paths:
        base = path.stem
        if stems[_id_key(path.stem)] > 1:
            folders = path.parent.relative_to(sources_dir).parts if path.is_relative_to(sources_dir) else ()
            base = "-".join((*folders, path.stem, path.suffix.lstrip(".").lower()))
        name, n = base, 2
        while _id_key(name) in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(_id_key(name))
        ids[path] = name
        if name != path.stem:
            message = f"another source file is also named {path.stem!r}: this one's source id is {name!r}"
            problems.append(Problem(Location(_rel(path, root), 1), message))
    return ids, problems


SEPARATOR = re.compile("[\u2028\u2029\x85\x0b\x0c\x1c-\x1e]")
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
UNSAFE_REMOVED = "line separators made spaces and private-use characters removed (first on this line)"


def _id_key(name: str) -> str:
    return ID_KEY.sub("-", name.casefold()).strip("-")


def load_document(path: Path, root: Path, source_id: str) -> tuple[Document, list[Problem]]:
    rel = _rel(path, root)
    try:
        data = path.read_bytes()
    except OSError as exc:
        problem = Problem(Location(rel, 0), f"cannot read: {exc.strerror}", "error")
        return Document(rel, source_id, ()), [problem]
    converter = pick_converter(data, path.suffix.lower())
    if converter is not None:
        converted, problems = converter.convert(data, rel)
        return Document(rel, source_id, _without_unsafe(converted, rel, problems), converter.NAME), problems
    text, problems = decode(data, rel)
    if not text.strip() and not any(p.severity == "error" for p in problems):
        problems.append(Problem(Location(rel, 1), "empty file: no questions", "error"))
    lines = []
    for no, raw in enumerate(text.split("\n"), start=1):
        if len(raw) > MAX_LINE:
            message = f"line of {len(raw):,} characters cut to its first {MAX_LINE:,}"
            problems.append(Problem(Location(rel, no), message))
            raw = raw[:MAX_LINE]
        lines.append(Line(no, raw))
    return Document(rel, source_id, _without_unsafe(lines, rel, problems)), problems


def _without_unsafe(lines: list[Line], rel: str, problems: list[Problem]) -> tuple[Line, ...]:
    """Lines without what would break them later: a line or paragraph separator (U+2028, U+0085 …)
    is a line break to `str.splitlines`, which the page templates indent by, so a definition
    after one would start a line of its own past every check; private-use characters are the
    placeholders the build holds text aside with, and icon-font glyphs nobody can read."""
    out, first = [], 0
    for line in lines:
        if SEPARATOR.search(line.text) or PRIVATE_USE.search(line.text):
            first = first or line.no
            line = Line(line.no, PRIVATE_USE.sub("", SEPARATOR.sub(" ", line.text)))
        out.append(line)
    if first:
        problems.append(Problem(Location(rel, first), UNSAFE_REMOVED))
    return tuple(out)


def _rel(path: Path, root: Path) -> str:
    """path as the user sees it from root: a linked file is named by its link, not its target."""
    for shown, base in ((path.absolute(), root.absolute()), (path.resolve(), root.resolve())):
        if shown.is_relative_to(base):
            return shown.relative_to(base).as_posix()
    return path.as_posix()

"""Find source files and decode them into Documents, reporting what had to be repaired."""

from __future__ import annotations

from pathlib import Path

from generator.model import Document, Line, Location, Problem

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".text")
MAX_LINE = 20_000


def discover(sources_dir: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """Every regular file in sources_dir, sorted; unsupported ones reported and skipped."""
    paths, problems = [], []
    if not sources_dir.is_dir():
        return [], [Problem(Location(_rel(sources_dir, root), 0), "sources folder is missing", "error")]
    for path in sorted(p for p in sources_dir.iterdir() if p.is_file() and not p.name.startswith(".")):
        if path.suffix.lower() in SUPPORTED_SUFFIXES:
            paths.append(path)
        else:
            problems.append(Problem(
                Location(_rel(path, root), 1),
                f"unsupported file type {path.suffix or '(none)'!r}: skipped "
                f"(supported: {', '.join(SUPPORTED_SUFFIXES)})",
                "error",
            ))
    return paths, problems


def decode(data: bytes, rel_path: str) -> tuple[str, list[Problem]]:
    """UTF-8 (with or without BOM), else cp1252, else UTF-8 with replacement characters."""
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            text = data.decode("cp1252")
            problems.append(Problem(Location(rel_path, line), "not valid UTF-8; decoded as cp1252"))
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
            problems.append(Problem(
                Location(rel_path, line), "undecodable bytes replaced with U+FFFD", "error"))
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        problems.append(Problem(Location(rel_path, line), "NUL bytes removed"))
        text = text.replace("\x00", "")
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


def load_document(path: Path, root: Path, source_id: str) -> tuple[Document, list[Problem]]:
    rel = _rel(path, root)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Document(rel, source_id, ()), [Problem(Location(rel, 0), f"cannot read: {exc.strerror}", "error")]
    text, problems = decode(data, rel)
    if not text.strip():
        problems.append(Problem(Location(rel, 1), "empty file: no questions", "error"))
    lines = []
    for no, raw in enumerate(text.split("\n"), start=1):
        if len(raw) > MAX_LINE:
            problems.append(Problem(Location(rel, no), f"line of {len(raw):,} characters cut to {MAX_LINE:,}"))
            raw = raw[:MAX_LINE]
        lines.append(Line(no, raw))
    return Document(rel, source_id, tuple(lines)), problems


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()

"""load: discovering source files and decoding whatever bytes they hold, with every repair reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest.load import MAX_LINE, decode, discover, load_document, source_ids

GOOD = "Q1. What is a token?\nAns - A piece of text.\n"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (GOOD.encode(), GOOD),
        (b"\xef\xbb\xbf" + GOOD.encode(), GOOD),  # UTF-8 with BOM
        (GOOD.replace("\n", "\r\n").encode(), GOOD),  # CRLF
        (GOOD.replace("\n", "\r").encode(), GOOD),  # old Mac CR
        (GOOD.encode("utf-16"), GOOD),  # UTF-16 with BOM
        ("Curly \u201cquotes\u201d and caf\u00e9".encode(), "Curly \u201cquotes\u201d and caf\u00e9"),
    ],
)
def test_clean_text_decodes_without_problems(data, text):
    assert decode(data, "s.txt") == (text.lstrip("\ufeff"), [])


def test_cp1252_is_the_fallback_and_is_reported_at_the_first_bad_line():
    data = "Line one\nIt\u2019s caf\u00e9 time\n".encode("cp1252")
    text, problems = decode(data, "s.txt")
    assert text == "Line one\nIt\u2019s caf\u00e9 time\n"
    assert [str(p) for p in problems] == ["s.txt:2: warning: not valid UTF-8; decoded as cp1252"]


def test_bytes_no_codec_knows_are_replaced_and_reported_as_an_error():
    text, problems = decode(b"ok\nbad \x81\x8d here\n", "s.txt")
    assert text == "ok\nbad \ufffd\ufffd here\n"
    assert [str(p) for p in problems] == ["s.txt:2: error: undecodable bytes replaced with U+FFFD"]


def test_nul_and_control_characters_are_removed_and_reported():
    text, problems = decode(b"one\ntwo\x00 three\x1b[31m\n", "s.txt")
    assert text == "one\ntwo three[31m\n"
    assert [str(p) for p in problems] == ["s.txt:2: warning: NUL bytes removed (first on this line)"]


def test_bidi_overrides_are_removed_and_reported_and_isolates_kept():
    # "Trojan Source": U+202E shows the rest of a line reversed, so a title reads otherwise
    # than it is stored. Isolates (U+2066-U+2069) are how mixed scripts are written: kept.
    data = "What is\n\u202eevil\u202c text? \u2067\u05e9\u05dc\u05d5\u05dd\u2069\n".encode()
    text, problems = decode(data, "s.txt")
    assert text == "What is\nevil text? \u2067\u05e9\u05dc\u05d5\u05dd\u2069\n"
    assert [str(p) for p in problems] == [
        "s.txt:2: warning: bidirectional embedding or override characters removed (first on this line)"
    ]


def test_binary_file_is_skipped_with_an_error():
    text, problems = decode(b"%PDF-1.7\n" + bytes(range(256)) * 20, "s.txt")
    assert text == ""
    assert [str(p) for p in problems] == ["s.txt:1: error: looks like a binary file, not text: skipped"]


def test_discover_skips_unsupported_types_with_an_error(tmp_path: Path):
    (tmp_path / "sources").mkdir()
    for name in ("a.txt", "b.md", "c.html", "d.png", "e.xlsx", "f.pdf", "g.docx", "noext", ".hidden.txt"):
        (tmp_path / "sources" / name).write_bytes(b"x")
    paths, problems = discover(tmp_path / "sources", tmp_path)
    assert [p.name for p in paths] == ["a.txt", "b.md", "c.html", "f.pdf", "g.docx"]
    assert [(p.location.path, p.location.line, p.severity) for p in problems] == [
        ("sources/e.xlsx", 1, "error"),
        ("sources/noext", 1, "error"),
    ]  # d.png: an image beside the documents is theirs to show (generator/ingest/images.py)
    assert problems[0].message.startswith("unsupported file type '.xlsx': skipped")


def test_discover_reads_subfolders_and_refuses_links_out(tmp_path: Path):
    sources = tmp_path / "sources"
    for name in ("a.md", "ml/b.md", "ml/deep/c.txt", ".git/d.md", "ml/.cache/e.md", "images/f.png"):
        (sources / name).parent.mkdir(parents=True, exist_ok=True)
        (sources / name).write_bytes(b"x")
    (tmp_path / "secret.txt").write_bytes(b"Q1. What is the password?")
    (sources / "secret.txt").symlink_to(tmp_path / "secret.txt")  # out of the folder
    (sources / "again.md").symlink_to(sources / "ml" / "b.md")  # inside: read
    (sources / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (sources / "ml" / "up").symlink_to(sources)  # a loop, never entered
    paths, problems = discover(sources, tmp_path)
    read = [p.relative_to(sources).as_posix() for p in paths]
    assert read == ["a.md", "again.md", "ml/b.md", "ml/deep/c.txt"]
    assert [(str(p.location), p.message.split(":")[0]) for p in problems] == [
        ("sources/gone.md:1", "a link to nothing readable"),
        ("sources/secret.txt:1", "a link to a file outside content/sources"),
    ]


def test_missing_sources_folder_is_an_error(tmp_path: Path):
    paths, problems = discover(tmp_path / "nope", tmp_path)
    assert paths == [] and [p.severity for p in problems] == ["error"]


def test_empty_file_is_an_error_at_line_one(tmp_path: Path):
    (tmp_path / "empty.md").write_bytes(b"  \n\n")
    _doc, problems = load_document(tmp_path / "empty.md", tmp_path, "empty")
    assert [str(p) for p in problems] == ["empty.md:1: error: empty file: no questions"]


def test_long_lines_are_kept_up_to_the_limit_and_reported(tmp_path: Path):
    line_3000 = "word " * 600
    huge = "x" * (MAX_LINE + 200_000)
    (tmp_path / "long.txt").write_text(f"Q1. What?\n{line_3000}\n{huge}", encoding="utf-8")
    doc, problems = load_document(tmp_path / "long.txt", tmp_path, "long")
    assert doc.lines[1].text == line_3000  # 3,000 characters: untouched
    assert len(doc.lines[2].text) == MAX_LINE
    assert [str(p) for p in problems] == [
        f"long.txt:3: warning: line of {MAX_LINE + 200_000:,} characters cut to its first {MAX_LINE:,}"
    ]


def test_last_line_without_newline_is_kept(tmp_path: Path):
    (tmp_path / "s.txt").write_bytes(b"Q1. What?\r\nAns - yes")
    doc, problems = load_document(tmp_path / "s.txt", tmp_path, "s")
    assert [(line.no, line.text) for line in doc.lines] == [(1, "Q1. What?"), (2, "Ans - yes")]
    assert problems == []


def test_source_ids_are_stems_unless_two_files_would_share_one(tmp_path: Path):
    names = ["faq.md", "faq.html", "Notes.txt", "notes.md", "x.y.txt", "x-y.md", "solo.pdf"]
    ids, problems = source_ids([tmp_path / n for n in names], tmp_path, tmp_path)
    expected = ["faq-md", "faq-html", "Notes-txt", "notes-md", "x.y-txt", "x-y-md", "solo"]
    assert [ids[tmp_path / n] for n in names] == expected
    assert len(problems) == 6 and all(p.severity == "warning" and p.location.line == 1 for p in problems)


def test_source_ids_stay_apart_when_stem_and_suffix_clash_too(tmp_path: Path):
    names = ["a.md", "A.md", "a.MD"]
    ids, _ = source_ids([tmp_path / n for n in names], tmp_path, tmp_path)
    assert [ids[tmp_path / n] for n in names] == ["a-md", "A-md-2", "a-md-3"]

"""Hostile input at reader and pipeline level: a corpus of hostile documents plus one good one.

The run must go on: every problem reported as path:line, `check` exits 1, the good
file's questions are all there, and no question, answer or choice renders to
anything that could run, load or restyle (checked on the HTML Python-Markdown makes).
Binary and huge fixtures are generated here; the text ones live in fixtures/hostile/.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import gather, write_docs
from tests.support.passes import SITE_MARKDOWN
from tests.test_sanitize import dangerous, render

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "hostile"
SOURCES = "content/sources"
TABS = re.compile(r'<input (?:checked="checked" )?id="__tabbed_\d+_\d+" name="__tabbed_\d+" type="radio" />')

SECOND = b"\nQ2. What comes second?\n\nAns - This answer.\n"
GENERATED = {
    "nul_bytes.txt": b"Nul Questions\n\nQ1. What is a NUL\x00 byte?\n\nAns - A zero\x00 byte.\n" + SECOND,
    "windows_1252.txt": (
        "Cp1252 Questions\n\nQ1. What\u2019s a caf\u00e9?\n\nAns - It\u2019s a place.\n"
    ).encode("cp1252")
    + SECOND,
    "undecodable.txt": b"Odd Bytes\n\nQ1. What is this?\n\nAns - bad \x81 byte\n"
    b"\nQ2. And this?\n\nAns - fine\n",
    "one_mb_line.md": b"# Long\n\n## What is a very long line?\n" + b"x" * 1_200_000,
    "line_3000.txt": b"Long Answers\n\nQ1. Is a long answer kept?\n\nAns - "
    + b"word " * 600
    + b"end.\n"
    + SECOND,
    # Nesting past markdown-it's limit and past Python-Markdown's stack (tests/test_nesting.py)
    "deep_nesting.md": (
        "# Deep\n\n## What nests deep?\n\n"
        + "> " * 700
        + "x\n\n"
        + "1. " * 700
        + "y\n\n"
        + "\n".join("    " * i + f"- item {i}" for i in range(700))
    ).encode(),
    "deep_nesting.txt": b"Q1. What nests deep?\n" + b"- " * 700 + b"x\n\nQ2. Is the build whole?\nYes.\n",
    "crlf_last.md": b"# Endings\r\n\r\n## What is CRLF?\r\nA line ending.\r\n\r\n## What is left unanswered?",
    "empty.md": b"",
    "report.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
    "notes.docx": b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4,
    "binary.txt": bytes(range(256)) * 40,
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    "deep_notebook.ipynb": b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [], "x": '
    + b"[" * 100_000
    + b"]" * 100_000
    + b"}",
    "broken.json": b'[{"question": "What is left open?",\n "answer": "This"\n',
}

# (file, line, words the message contains) that the run must report
EXPECTED_PROBLEMS = [
    ("nul_bytes.txt", 3, "NUL bytes removed"),
    ("windows_1252.txt", 3, "decoded as cp1252"),
    ("undecodable.txt", 5, "undecodable bytes"),
    ("one_mb_line.md", 4, "1,200,000 characters cut to its first 1,000,000"),
    ("empty.md", 1, "empty file"),
    ("report.pdf", 1, "not a readable PDF"),
    ("notes.docx", 1, "not a readable Word document"),
    ("binary.txt", 1, "binary file"),
    ("crlf_last.md", 6, "empty answer"),
    ("deep_nesting.md", 5, "nested too deep"),
    ("unclosed_iframe.html", 3, "<iframe> is never closed: lines 3–6"),
    ("injected_records.json", 8, "record has no question field"),
    ("injected_records.json", 9, "record is not an object"),
    ("deep.json", 1, "not readable JSON"),
    ("deep_notebook.ipynb", 1, "not a readable notebook"),
    ("broken.json", 3, "not readable JSON"),
    ("reference_definitions.md", 25, "line separators made spaces and private-use characters removed"),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / SOURCES).mkdir(parents=True)
    for name in ("topics.yml", "curation.yml"):
        shutil.copy(ROOT / "content" / name, root / "content" / name)
    (root / "content" / "sources.yml").write_text("{}\n", encoding="utf-8")
    for path in FIXTURES.iterdir():
        shutil.copy(path, root / SOURCES / path.name)
    for name, data in GENERATED.items():
        (root / SOURCES / name).write_bytes(data)
    return root


@pytest.fixture(scope="module")
def corpus(project):
    return gather(project)


def test_good_file_questions_are_all_there(corpus):
    good = [q for q in corpus.questions if q.source == "good_questions"]
    assert [(q.question, q.kind) for q in good] == [
        ("What is a transformer?", "open"),
        ("What is tokenization?", "open"),
        ("What is a context window?", "open"),
    ]
    assert good[2].answer == "The number of tokens a model sees at once."


def test_damaged_files_still_give_their_questions(corpus):
    by_source: dict[str, list[str]] = {}
    for q in corpus.questions:
        by_source.setdefault(q.source, []).append(q.question)
    assert by_source["nul_bytes"] == ["What is a NUL byte?", "What comes second?"]
    assert by_source["windows_1252"] == ["What\u2019s a caf\u00e9?", "What comes second?"]
    assert len(by_source["undecodable"]) == 2
    assert by_source["one_mb_line"] == ["What is a very long line?"]
    assert by_source["crlf_last"] == ["What is CRLF?", "What is left unanswered?"]
    long_answer = next(q.answer for q in corpus.questions if q.source == "line_3000")
    assert long_answer.endswith("word end.") and len(long_answer) > 3000


@pytest.mark.parametrize(("name", "line", "words"), EXPECTED_PROBLEMS)
def test_each_problem_is_reported_at_its_line(corpus, name, line, words):
    path = f"{SOURCES}/{name}"
    found = [p for p in corpus.problems if p.location.path == path and words in p.message]
    assert found, f"no problem with {words!r} for {path}: {[str(p) for p in corpus.problems]}"
    assert found[0].location.line == line


def test_no_question_answer_or_choice_renders_anything_dangerous(corpus):
    assert len(corpus.questions) > 15
    for q in corpus.questions:
        pages = [render("## " + q.question), render(q.answer or "")]
        pages += [render(c.text) for c in q.choices]
        for page in pages:
            assert dangerous(page) == [], (q.location, page)
        assert "alert" not in html.unescape(render("## " + q.question)).split("</h2>")[0].split(">")[0]


def test_no_page_renders_anything_dangerous(project, corpus):
    """Whole pages, as MkDocs' Markdown renders them: badges, citations, related links and
    templates put source text around the answers too (injected_sections.md: a section
    heading that came out as a live `<svg onload>` badge, an image's alt text and a long
    line put back inside an attribute after nh3 had cleaned it)."""
    docs = project / "build" / "docs"
    write_docs(corpus, docs, project)
    ours = {"flashcards.md": ["<noscript>", "<noscript>"]}  # the page's own fallback note
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).as_posix()
        page = SITE_MARKDOWN.reset().convert(md.read_text(encoding="utf-8"))
        page = TABS.sub("", page)  # pymdownx.tabbed's radio inputs: the tabs of merged entries
        assert dangerous(page) == ours.get(rel, []), rel
    sections = [q for q in corpus.questions if q.source == "injected_sections"]
    assert [q.question for q in sections] == [
        "What is an embedding vector?",
        "What is cosine similarity?",
        "What is a dot product?",
    ]


def test_injected_html_page_keeps_its_text(corpus):
    page = [q for q in corpus.questions if q.source == "injected_page"]
    assert [q.question for q in page] == ["What does a script tag do?", "What does an event handler do?"]
    assert "Plain answer." in page[0].answer and "a link" in page[0].answer


def test_template_syntax_stays_literal(corpus):
    ours = [q for q in corpus.questions if q.source == "template_syntax"]
    texts = [html.unescape(render("## " + q.question)) for q in ours]
    assert any("{{ config }}" in t for t in texts)
    answers = [html.unescape(render(q.answer)) for q in ours]
    assert any('{% include "mkdocs.yml" %}' in a and "{{ 7 * 7 }}" in a for a in answers)


def test_check_exits_1_and_prints_every_problem_as_path_line(project):
    run = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    for name, line, _words in EXPECTED_PROBLEMS:
        assert f"{SOURCES}/{name}:{line}: " in run.stdout, (name, run.stdout)


def test_injected_markdown_keeps_every_question(corpus):
    notes = [q.question for q in corpus.questions if q.source == "injected_notes"]
    assert len(notes) == 4
    assert notes[2] == "What does attr_list allow?"


def test_payloads_in_every_format_leave_their_questions_readable(corpus):
    by_source: dict[str, list[str]] = {}
    for q in corpus.questions:
        by_source.setdefault(q.source, []).append(q.question)
    assert len(by_source["injected_notebook"]) == 4
    assert by_source["injected_faq"] == ["What does a raw directive do?", "What does a javascript link do?"]
    assert len(by_source["injected_quiz"]) == 2
    assert by_source["unclosed_iframe"] == ["What does an unclosed frame hide?"]
    records = ["What does JSON payload 1 do? alert(21)", "Which option is safe?"]
    assert by_source["injected_records"] == records
    assert by_source["injected_table"] == ["What does CSV payload 1 do?", "What does a formula cell do?"]
    records = next(q for q in corpus.questions if q.source == "injected_records" and q.kind == "mcq")
    assert records.correct == "B" and "{{ config }}" in html.unescape(render(records.choices[1].text))
    faq = next(q for q in corpus.questions if q.source == "injected_faq" and "link" in q.question)
    assert "&lt;img src=x onerror=alert(8)&gt;" in render(faq.answer or "")  # rst text stays text


def test_disarming_attributes_in_math_leaves_real_math_alone(corpus):
    answers = {q.question: q.answer for q in corpus.questions if q.source == "fences_and_math_attrs"}
    assert answers["Does real math keep its groups?"] == "$$\\sum_{i=1}^{n} x_{i} = \\frac{a}{b}$$"
    assert '*x*\\{: onclick="alert(44)" }' in answers["What is `$$` mid-line?"]

"""What `check` tells about a Markdown source (structure chosen, text in no question), the
sources.yml `questions:` override, and the error for a document nothing is read from."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import load_sources_meta
from generator.errors import ConfigError
from generator.ingest.clean import make_questions
from generator.ingest.readers import read_source_document
from tests.support.docs import doc_of

ROOT = Path(__file__).resolve().parents[1]
NOTES = """# Notes

Some intro that belongs to no question.

## Basics

**What is a token?**

A piece of text.

**What is a context window?**

The tokens the model sees at once.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "sources").mkdir(parents=True)
    for name in ("topics.yml", "curation.yml", "glossary.yml"):
        shutil.copy2(ROOT / "content" / name, tmp_path / "content" / name)
    (tmp_path / "content" / "sources" / "notes.md").write_text(NOTES, encoding="utf-8")
    # One heading over prose: nothing asks, and too little for a notes page (one card a heading).
    (tmp_path / "content" / "sources" / "empty-headings.md").write_text(
        "# Setup\n\nRun the installer.\n\nThen edit the file.\n", encoding="utf-8"
    )
    return tmp_path


def check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "check", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_check_names_the_structure_and_the_unread_lines_and_fails_on_a_document_with_none(project):
    run = check(project)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "content/sources/notes.md: questions: bold-only paragraphs" in run.stdout
    assert "content/sources/notes.md: 1 lines in no question (not junk): lines 3" in run.stdout
    assert "content/sources/empty-headings.md:1: error: " in run.stdout


def test_check_json_carries_structure_and_unread(project):
    data = json.loads(check(project, "--json").stdout)
    notes = data["sources"]["notes"]
    assert (notes["reader"], notes["structure"], notes["unread"]) == (
        "markdown",
        "questions: bold-only paragraphs",
        [[3, 3]],
    )


def test_questions_override_forces_the_structure():
    text = "## Basics\n\n**What is a token?**\n\nA piece of text.\n\n"
    text += "## What is a window?\n\nTokens seen at once.\n"
    auto = read_source_document(doc_of(text, "notes.md"))
    forced = read_source_document(doc_of(text, "notes.md"), "heading-2")
    assert [d.question for d in auto.drafts] == ["What is a token?", "What is a window?"]
    assert auto.structure.startswith("questions: bold-only paragraphs")
    assert [d.question for d in forced.drafts] == ["Basics", "What is a window?"]
    assert forced.structure == "questions: level-2 headings (forced by sources.yml: questions: heading-2)"


def test_unknown_override_is_a_config_error(tmp_path):
    path = tmp_path / "sources.yml"
    path.write_text("notes:\n  questions: headings\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="questions: 'headings' is not one of heading, heading-1"):
        load_sources_meta(path)
    path.write_text("notes:\n  questions: bold\n", encoding="utf-8")
    assert load_sources_meta(path)["notes"].questions == "bold"


def test_github_math_images_become_formulas():
    text = (
        '### What is the AUC?\n\nThe area <img src="https://render.githubusercontent.com/render/math?'
        'math=\\frac{1}{2} \\sum x_{i%2B1}"> under the curve.\n\n'
        '<img src="https://render.githubusercontent.com/render/math?math=y%2Bz">\n\n'
        "### Why $\\beta$ ![b](https://render.githubusercontent.com/render/math?math=\\gamma)?\n\nBecause.\n"
    )
    reading = read_source_document(doc_of(text, "notes.md"))
    questions, _ = make_questions(reading.drafts, "notes")
    assert questions[0].answer == "The area $\\frac{1}{2} \\sum x_{i+1}$ under the curve.\n\n$y+z$"
    assert questions[1].question == "Why $\\beta$ $\\gamma$?"
    assert all(q.math for q in questions)

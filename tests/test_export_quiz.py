"""GIFT and Aiken exports: written, read back by our own readers, and compared."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.ingest import clean
from generator.ingest.readers import read_document
from generator.model import Document, Line
from generator.pipeline import gather
from generator.publish.export_quiz import aiken_text, gift_escape, gift_text, shown_by_topic

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
QUIZZES = ("gift/moodle_export.txt", "aiken/llm_basics.txt", "quiz_list/sampling_quiz.md")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The bundled sources plus this project's quiz fixtures, with the real topics."""
    root = tmp_path_factory.mktemp("quiz-project")
    shutil.copytree(ROOT / "content", root / "content")
    for rel in QUIZZES:
        shutil.copy(FIXTURES / rel, root / "content" / "sources" / Path(rel).name)
    return root


@pytest.fixture(scope="module")
def corpus(project):
    return gather(project)


def read_back(text: str):
    doc = Document("back", "back", tuple(Line(no, t) for no, t in enumerate(text.split("\n"), start=1)))
    doc, _ = clean.strip_junk(doc)
    reader, drafts, problems = read_document(doc)
    questions, more = clean.make_questions(drafts, "back")
    return reader, questions, problems + more


def test_corpus_holds_every_kind(corpus):
    kinds = {q.kind for q in corpus.questions}
    assert kinds == {"open", "mcq", "prompt"}
    assert {s.format for s in corpus.sources if s.id in ("moodle_export", "llm_basics", "sampling_quiz")} == {
        "gift",
        "aiken",
        "quiz_list",
    }


def test_gift_round_trip_keeps_every_question(corpus):
    reader, back, problems = read_back(gift_text(corpus))
    shown = [(title, q) for title, qs in shown_by_topic(corpus) for q in qs]
    assert reader == "gift" and len(back) == len(shown) > 300
    assert [p.message for p in problems if "repeats an earlier" not in p.message] == []
    for (topic, before), after in zip(shown, back):
        assert (after.question, after.kind, after.choices, after.correct, after.answer) == (
            before.question,
            before.kind,
            before.choices,
            before.correct,
            before.answer,
        ), before.id
        assert after.section == topic  # the category is the topic


def test_aiken_round_trip_keeps_the_multiple_choice(corpus):
    text, left_out = aiken_text(corpus)
    reader, back, problems = read_back(text)
    mcqs = [q for _, qs in shown_by_topic(corpus) for q in qs if q.kind == "mcq" and q.correct]
    assert reader == "aiken" and problems == []
    assert [(q.question, q.choices, q.correct) for q in back] == [
        (q.question, q.choices, q.correct) for q in mcqs
    ]
    others = [q for _, qs in shown_by_topic(corpus) for q in qs if not (q.kind == "mcq" and q.correct)]
    assert left_out["answered questions"] == sum(q.kind == "open" for q in others)
    assert left_out["practice prompts"] == sum(q.kind == "prompt" for q in others)
    assert left_out["MCQs without a correct option"] == sum(q.kind == "mcq" for q in others) > 0


def test_gift_escapes_every_control_character():
    assert gift_escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_cli_export_says_what_aiken_left_out(project, corpus, tmp_path):
    out = tmp_path / "quiz.txt"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--root",
            str(project),
            "export",
            "--format",
            "aiken",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    _, left_out = aiken_text(corpus)
    total = sum(n for reason, n in left_out.items() if reason != "explanations dropped")
    assert f"Aiken holds only multiple choice: left out {total} questions (" in done.stdout
    assert out.read_text(encoding="utf-8") == aiken_text(corpus)[0]
    gift_out = tmp_path / "quiz.gift"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--root",
            str(project),
            "export",
            "--format",
            "gift",
            "-o",
            str(gift_out),
        ],
        capture_output=True,
        cwd=ROOT,
        check=True,
    )
    assert gift_out.read_text(encoding="utf-8").startswith("// LLM Interview Study")

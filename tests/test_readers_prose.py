"""The prose reader on a small document written for these tests (not the real sources)."""

from __future__ import annotations

from pathlib import Path

from generator.ingest import clean
from generator.ingest.load import load_document
from generator.ingest.readers import pick_reader, prose

ROOT = Path(__file__).parent / "fixtures" / "prose"
NAME = "faq_page.txt"


def ingest():
    doc, _ = load_document(ROOT / NAME, ROOT, "bread")
    doc, _ = clean.strip_junk(doc)
    drafts, problems = prose.read(doc)
    questions, more = clean.make_questions(drafts, doc.source_id)
    return questions, [str(p) for p in problems + more]


def test_sniffs_question_lines_followed_by_prose():
    assert pick_reader((ROOT / NAME).read_text()) is prose
    assert not prose.matches("Just a paragraph.\nAnother one.")
    assert not prose.matches("What?\nWhy?\nHow?")
    assert prose.matches("What is a token?\n\nA unit of text.")


def test_questions_answers_and_sections():
    questions, _ = ingest()
    assert [(q.question, q.section, q.kind) for q in questions] == [
        ("What is gluten?", "Basics", "open"),
        ("Why does dough need to rest?", "Basics", "open"),
        ("Explain the windowpane test.", "Basics", "open"),
        ("Why is my bread dense?", "Troubleshooting", "prompt"),
        ("How do I get a crisp crust?", "Troubleshooting", "open"),
    ]
    assert questions[0].answer == (
        "Gluten is a network of proteins that forms when flour meets water.\n\n"
        "It traps gas, so the dough rises."
    )
    assert questions[2].answer.endswith("it is kneaded enough.")


def test_intro_is_not_an_answer_and_empty_answers_are_warned():
    questions, problems = ingest()
    assert not any("Welcome" in (q.answer or "") for q in questions)
    assert "Troubleshooting" not in (questions[2].answer or "")
    assert problems == [f"{NAME}:23: warning: question has an empty answer"]

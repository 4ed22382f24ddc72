"""The outline reader on a small document written for these tests (not the real sources)."""

from __future__ import annotations

from pathlib import Path

from generator.ingest import clean
from generator.ingest.load import load_document
from generator.ingest.readers import outline, pick_reader

ROOT = Path(__file__).parent / "fixtures" / "outline"
NAME = "topics_then_answers.txt"


def ingest():
    doc, _ = load_document(ROOT / NAME, ROOT, "kitchen")
    drafts, problems = outline.read(doc)
    questions, more = clean.make_questions(drafts, doc.source_id)
    return questions, [str(p) for p in problems + more]


def test_sniffs_an_outline_followed_by_answers():
    assert pick_reader((ROOT / NAME).read_text()) is outline
    assert not outline.matches("- a\n- b\n- c\nno answers marker here\n- Topic:\n- text")
    assert not outline.matches("Answers\n- Topic:\n- text\n- Other:\n- text")  # no outline before it


def test_topic_bullets_become_questions_with_their_section():
    questions, _ = ingest()
    assert [(q.question, q.section, q.kind) for q in questions] == [
        ("Holding a Knife", "Knife Skills", "open"),
        ("Dicing an Onion", "Knife Skills", "open"),
        ("Searing Meat", "Heat", "open"),
        ("Resting Meat", "Heat", "open"),
        ("Making Stock", None, "prompt"),
    ]


def test_nested_bullets_belong_to_their_parents_answer():
    questions, _ = ingest()
    assert questions[1].answer == (
        "Halve it through the root, then cut toward the root without cutting through it.\n\n"
        "- Keep the root on: it holds the layers together.\n"
        "- A sharp knife makes fewer tears."
    )


def test_a_colon_bullet_that_names_no_topic_stays_in_the_answer():
    questions, _ = ingest()
    searing = questions[2]
    assert "Key steps:" in searing.answer and searing.answer.endswith("Salt early, oil the meat not the pan.")
    assert "Key steps" not in [q.question for q in questions]


def test_unanswered_topic_is_warned_about():
    _, problems = ingest()
    assert problems == [f"{NAME}:9: warning: outline topic 'Making Stock' has no answer: kept as a prompt"]

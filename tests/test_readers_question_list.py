"""The question_list reader on a small document written for these tests (not the real sources)."""

from __future__ import annotations

from pathlib import Path

from generator.ingest import clean
from generator.ingest.load import load_document
from generator.ingest.readers import pick_reader, question_list

ROOT = Path(__file__).parent / "fixtures" / "question_list"
NAME = "bold_and_categories.md"


def ingest():
    doc, _ = load_document(ROOT / NAME, ROOT, "garden")
    drafts, problems = question_list.read(doc)
    questions, more = clean.make_questions(drafts, doc.source_id)
    return questions, [str(p) for p in problems + more]


def test_sniffs_lists_of_bold_numbered_questions():
    assert pick_reader((ROOT / NAME).read_text()) is question_list
    assert not question_list.matches("1. **What is X?**\nA long answer paragraph.\nMore answer.\nAnd more.")


def test_bold_questions_and_nested_bullets_are_prompts_with_sections():
    questions, _ = ingest()
    assert [(q.question, q.section) for q in questions] == [
        ("What does soil pH measure?", "Soil"),
        ("How do you improve clay soil?", "Soil"),
        ("Explain why compost helps drainage.", "Soil"),
        ("Which plants fix nitrogen?", "Plants"),
        ("How often should seedlings be watered?", "Practical Questions: Watering"),
        ("What are signs of overwatering?", "Practical Questions: Watering"),
        ("How do you treat aphids without chemicals?", "Practical Questions: Pests"),
    ]
    assert {q.kind for q in questions} == {"prompt"} and all(q.answer is None for q in questions)


def test_category_headings_are_not_questions_and_odd_lines_are_warned():
    questions, problems = ingest()
    assert "Watering" not in [q.question for q in questions]
    assert problems == [f"{NAME}:26: warning: numbered line 'Greenhouse notes' is not read as a question"]

"""The prose reader on a small document written for these tests (not the real sources)."""

from __future__ import annotations

from pathlib import Path

from generator.ingest import clean
from generator.ingest.load import load_document
from generator.ingest.readers import pick_reader, prose
from generator.model import question_id
from tests.support.docs import doc_of

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


def _read(text: str) -> list[tuple[str, str]]:
    drafts, _ = prose.read(doc_of(text, "p.txt"))
    return [(d.question, "\n".join(line.text for line in d.answer).strip()) for d in drafts]


def test_a_numbered_imperative_next_after_a_question_is_one():
    # A review's unseen document: "2. Explain …" was merged into question 1's answer.
    text = (
        "1. What is overfitting?\nWhen a model memorises noise.\n\n"
        "2. Explain the bias-variance tradeoff.\nBias and variance trade off.\n\n"
        "3. Why normalise inputs?\nSo no feature dominates.\n"
    )
    assert [q for q, _ in _read(text)] == [
        "What is overfitting?",
        "Explain the bias-variance tradeoff.",
        "Why normalise inputs?",
    ]


def test_numbered_steps_in_an_answer_stay_in_it():
    text = (
        "1. What is the STAR method?\nA way to answer:\n"
        "1. Describe the situation.\n2. Explain the task.\n3. Describe the action.\n\n"
        "2. Describe a time you failed.\nI shipped a bug.\n"
    )
    read = _read(text)
    assert [q for q, _ in read] == ["What is the STAR method?", "Describe a time you failed."]
    assert "2. Explain the task." in read[0][1]


def test_a_dash_after_a_q_label_ends_the_label():
    text = (
        "Interview prep\n\nQ1 — What is gradient clipping?\nIt caps the gradient norm.\n\n"
        "Q2 - Explain weight decay.\nAn L2 penalty.\n\n"
        "What is 3 - 4 times 2?\nMinus five.\n"
    )
    drafts, _ = prose.read(doc_of(text, "p.txt"))
    assert [(d.question, d.label) for d in drafts] == [
        ("What is gradient clipping?", "1"),
        ("Explain weight decay.", "2"),
        ("What is 3 - 4 times 2?", None),
    ]
    questions, _ = clean.make_questions(drafts, "p")
    # Read label and all before: that id stays an alias. "Q2 - Explain …" asked nothing then.
    assert questions[0].aliases == (question_id("p", "Q1 — What is gradient clipping?"),)
    assert questions[1].aliases == ()


def test_roman_numerals_number_questions():
    text = "Review\n\nI. What is backpropagation?\nThe chain rule.\n\nIV) Explain an epoch.\nOne pass.\n"
    drafts, _ = prose.read(doc_of(text, "p.txt"))
    assert [(d.question, d.label) for d in drafts] == [
        ("What is backpropagation?", "1"),
        ("Explain an epoch.", "4"),
    ]
    questions, _ = clean.make_questions(drafts, "p")
    assert questions[0].aliases == (question_id("p", "I. What is backpropagation?"),)


def test_a_chat_transcripts_asking_turns_are_questions_even_when_they_ask_nothing():
    text = (
        "Human: Explain attention in one paragraph.\n\nAssistant: Each token weighs every other.\n\n"
        "Human: What is multi-query attention?\n\nAssistant: Heads share one key and value.\n\n"
        "Note: Describe the data first.\nThat line is no question: Note is no speaker.\n"
    )
    questions, _ = clean.make_questions(prose.read(doc_of(text, "p.txt"))[0], "p")
    assert [(q.question, q.answer) for q in questions] == [
        ("Explain attention in one paragraph.", "Each token weighs every other."),
        (
            "What is multi-query attention?",
            "Heads share one key and value.\n\nNote: Describe the data first.\n\n"
            "That line is no question: Note is no speaker.",
        ),
    ]
    # Read with its speaker before (markers.strip_markers needs two such turns): that id stays.
    assert question_id("p", "Human: What is multi-query attention?") in questions[1].aliases


def test_the_assistants_turn_answers_and_never_asks():
    text = "User: Compare it with greedy.\nAssistant: Compare the two: greedy keeps one, beam keeps k.\n"
    drafts, _ = prose.read(doc_of(text, "p.txt"))
    assert [(d.question, [x.text for x in d.answer]) for d in drafts] == [
        ("User: Compare it with greedy.", ["Assistant: Compare the two: greedy keeps one, beam keeps k."])
    ]

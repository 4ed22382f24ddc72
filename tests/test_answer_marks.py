"""An emoji before an answer line ("✅ Answer: B", "👉 ANSWER: B") is a mark, not text: every
reader finds the label after it."""

from __future__ import annotations

import pytest

from tests.test_heldout_shapes import read_text

LABELLED = """Question 1: Which model is decoder-only?
A) BERT
B) GPT-3
C) T5
{mark}Correct answer: B — it predicts the next token.

Question 2: Which loss trains a reward model?
A) MSE
B) Pairwise ranking
C) Hinge
{mark}Answer: B
"""
AIKEN = """Which model is decoder-only?
A. BERT
B. GPT-3
C. T5
{mark}ANSWER: B

Which loss trains a reward model?
A. MSE
B. Pairwise ranking
C. Hinge
{mark}ANSWER: B
"""
MARKS = {"check mark": "✅ ", "heavy check with VS16": "✔️ ", "pointing hand": "👉 ", "two keys": "🔑🔑 "}


@pytest.mark.parametrize("mark", MARKS.values(), ids=MARKS.keys())
def test_a_labelled_quiz_reads_its_marked_answer_lines(tmp_path, mark):
    _, questions, problems = read_text(tmp_path, LABELLED.format(mark=mark), "quiz.txt")
    assert [(q.kind, q.correct, q.answer) for q in questions] == [
        ("mcq", "B", "it predicts the next token."),
        ("mcq", "B", None),
    ]
    assert problems == []


@pytest.mark.parametrize("mark", MARKS.values(), ids=MARKS.keys())
def test_an_aiken_quiz_reads_its_marked_answer_lines(tmp_path, mark):
    _, questions, problems = read_text(tmp_path, AIKEN.format(mark=mark), "quiz.txt")
    assert [(q.kind, q.correct) for q in questions] == [("mcq", "B"), ("mcq", "B")]
    assert problems == []


def test_an_emoji_before_other_words_stays(tmp_path):
    text = "Q1. What does ✅ mean in a code review?\nAns - ✅ Approved: the change may merge.\n"
    _, questions, _ = read_text(tmp_path, text, "notes.txt")
    assert questions[0].answer == "✅ Approved: the change may merge."

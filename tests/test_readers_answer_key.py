"""Plain-text quizzes whose answers are a key at the end (`1-b 2-c`), and HTML in Aiken text."""

from __future__ import annotations

import time

import pytest

from generator.ingest.readers import aiken, pick_reader
from generator.ingest.readers.answer_key import key_pairs
from tests.test_readers_quiz_formats import ingest, text_doc


def test_answer_key_at_the_end_names_each_correct_option():
    reader, questions, problems = ingest("aiken/answer_key_paper.txt")
    assert reader == "aiken"
    assert [(q.label, q.question, q.correct) for q in questions] == [
        ("1", "Which tag makes the largest heading?", "B"),
        ("2", "Which CSS property sets the space inside a border?", "B"),
        ("3", "What does `Array.prototype.map` return?", "B"),
    ]
    # Aiken is plain text: a tag in an option is shown, not dropped as HTML.
    assert [c.text for c in questions[0].choices] == ["&lt;head>", "&lt;h1>", "&lt;h6>", "&lt;header>"]
    assert not [p for p in problems if "ANSWER" in p]  # the key answered every question


@pytest.mark.parametrize(
    ("line", "pairs"),
    [
        ("1-c  2-b  3-b", {"1": "C", "2": "B", "3": "B"}),
        ("1. (c), 2. (b)", {"1": "C", "2": "B"}),
        ("Q1: C  Q2: D", {"1": "C", "2": "D"}),
        ("d) allocate disk blocks", None),  # an option, not a key
        ("1. Which tag?", None),
    ],
)
def test_key_lines(line, pairs):
    assert key_pairs(line) == pairs


def test_a_key_needs_its_head_or_three_pairs():
    quiz = "1. Which?\na) x\nb) y\n\n2. Which?\na) x\nb) y\n\n"
    assert pick_reader(quiz + "Answers: 1-a 2-b\n") is aiken
    assert pick_reader(quiz + "1-a 2-b\n") is not aiken  # two bare pairs could be anything


@pytest.mark.parametrize(
    "text",
    ["1-c " * 50_000, "Answer key\n" + "1" + " " * 100_000 + "c", "1. x\na) y\n" + "2-b\n" * 50_000],
)
def test_answer_key_hostile_text_is_linear(text):
    started = time.process_time()
    aiken.matches(text)
    aiken.read(text_doc(text))
    assert time.process_time() - started < 10

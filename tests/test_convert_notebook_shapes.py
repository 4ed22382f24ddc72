"""Notebook shapes from assignments and quizzes: stubs, autograder tests, revealed answers."""

from __future__ import annotations

import json

from tests.test_convert import FIXTURES, ingest


def test_assignment_stubs_and_autograder_tests_are_no_answers():
    _, reader, questions, _ = ingest(FIXTURES / "notebook" / "assignment_stubs.ipynb")
    assert reader == "markdown"
    # `### Question 2` numbers the task written in the paragraph under it.
    assert [(q.label, q.question, q.kind) for q in questions] == [
        ("1", "Why is quicksort's worst case quadratic?", "prompt"),  # YOUR ANSWER HERE
        ("2", "Write a function `top_k(xs, k)` that returns the k largest items, largest first.", "prompt"),
        ("3", "When is insertion sort a good choice?", "open"),
    ]
    # (Question 2 stays a prompt: the empty anchor `<a id='q3'></a>` over Question 3 is no answer.)
    # Code that does something stays, a TODO comment inside it notwithstanding.
    assert "def insertion_sort(xs):" in questions[2].answer


def test_quiz_answers_revealed_in_details_name_the_option():
    _, _, questions, _ = ingest(FIXTURES / "notebook" / "quiz_reveal_cells.ipynb")
    loss, evaluation = questions
    assert (loss.kind, loss.correct) == ("mcq", "B")
    assert loss.answer == "Binary cross-entropy is the negative log-likelihood of a Bernoulli output."
    assert (evaluation.correct, evaluation.answer) == ("B", None)  # it only repeats the option


def test_a_fence_a_cell_leaves_open_ends_with_the_cell(tmp_path):
    # Jupyter renders each cell alone; joined, the open fence took the next question into code.
    cells = [
        {
            "cell_type": "markdown",
            "metadata": {},
            "source": "## What does this print?\n\n````python\nprint(1)\n```",
        },
        {"cell_type": "markdown", "metadata": {}, "source": "## What is the next question?\n\nIts answer."},
    ]
    notebook = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "quiz.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    _, _, questions, _ = ingest(path)
    assert [(q.question, q.answer) for q in questions] == [
        ("What does this print?", "````python\nprint(1)\n```\n````"),
        ("What is the next question?", "Its answer."),
    ]

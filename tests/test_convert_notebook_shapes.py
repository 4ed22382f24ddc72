"""Notebook shapes from assignments and quizzes: stubs, autograder tests, revealed answers."""

from __future__ import annotations

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

"""Options on the question's own line become a multiple-choice question when the answer
names one of their letters (generator.ingest.inline_options)."""

from __future__ import annotations

import pytest

from generator.ingest.clean import make_questions
from generator.ingest.inline_options import with_inline_options
from generator.model import Draft, Line, Location, question_id
from tests.test_complexity import MAX_RATIO, measure

QUESTION = "Which model family generates images by denoising? (A) GAN (B) Diffusion (C) RNN (D) SVM"


def draft(question: str, *answer: str) -> Draft:
    return Draft(question, Location("quiz.txt", 3), tuple(Line(i, t) for i, t in enumerate(answer, 4)))


@pytest.mark.parametrize(
    ("answer", "explanation"),
    [
        (("B",), []),
        (("Answer: B",), []),
        (("(b) Diffusion",), []),
        (("Correct answer is B: it learns to reverse noise.",), ["it learns to reverse noise."]),
        (
            ("B", "Diffusion models learn to reverse a noising process."),
            ["Diffusion models learn to reverse a noising process."],
        ),
    ],
)
def test_inline_options_with_a_named_letter_make_a_multiple_choice_question(answer, explanation):
    found = with_inline_options(draft(QUESTION, *answer))
    assert found.question == "Which model family generates images by denoising?"
    assert [(c.letter, c.text) for c in found.choices] == [
        ("A", "GAN"),
        ("B", "Diffusion"),
        ("C", "RNN"),
        ("D", "SVM"),
    ]
    assert found.correct == "B"
    assert [line.text for line in found.answer] == explanation


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (QUESTION, "It depends on the data."),  # no letter named: left as written
        (QUESTION, "E"),  # not one of the options
        ("How do (a) bagging and (b) boosting differ?", "Bagging averages; boosting corrects."),
        ("What is a GAN?", "B"),
    ],
)
def test_without_inline_options_and_a_named_letter_the_draft_is_unchanged(question, answer):
    original = draft(question, answer)
    assert with_inline_options(original) == original


def test_lower_case_and_bare_parenthesis_markers():
    found = with_inline_options(draft("Which one scales? a) SVM b) Transformer c) kNN", "b"))
    assert [c.text for c in found.choices] == ["SVM", "Transformer", "kNN"] and found.correct == "B"


@pytest.mark.parametrize("mark", [":", "."])
def test_colon_and_dot_markers(mark):
    """`A: Greedy B: Top-p C: Beam search` (a quiz typed as one line), the letter below."""
    line = f"Which decoding keeps the k best beams? A{mark} Greedy B{mark} Top-p C{mark} Beam search"
    found = with_inline_options(draft(line, "Answer: C"))
    assert found.question == "Which decoding keeps the k best beams?"
    assert [c.text for c in found.choices] == ["Greedy", "Top-p", "Beam search"] and found.correct == "C"
    # One `A.` after the question is an answer label's shape, not a run of options.
    answered = draft("What is overfitting? A. Memorising the training set.", "B")
    assert with_inline_options(answered) == answered


def test_the_question_keeps_the_id_of_its_line_as_written():
    questions, _ = make_questions([draft(QUESTION, "B")], "quiz")
    assert questions[0].kind == "mcq"
    assert question_id("quiz", QUESTION) in (questions[0].id, *questions[0].aliases)


def test_a_long_line_of_markers_costs_linear_time():
    def run(text: str) -> None:
        with_inline_options(draft(text, "B"))

    small, large = ("Why? " + "(A) x " * n for n in (4_000, 40_000))
    small_cost, large_cost = measure(run, small, large)
    assert large_cost < MAX_RATIO * small_cost


def test_options_on_the_line_under_the_question():
    """`A) Sydney B) Melbourne …` under the question (plain-text quizzes), the letter below."""
    found = with_inline_options(
        draft("What is the capital of Australia?", "A) Sydney B) Melbourne C) Canberra D) Perth", "Answer: C")
    )
    assert found.question == "What is the capital of Australia?"
    assert [c.text for c in found.choices] == ["Sydney", "Melbourne", "Canberra", "Perth"]
    assert (found.correct, found.answer, found.former_titles) == ("C", (), ())
    # Without a named letter, or when the line does not open with (A)/A), nothing changes.
    kept = draft("Which city?", "A) Sydney B) Melbourne", "It depends.")
    assert with_inline_options(kept) == kept
    prose = draft("Which city?", "Either A) Sydney B) Melbourne", "Answer: A")
    assert with_inline_options(prose) == prose


@pytest.mark.parametrize(
    ("question", "answer", "correct", "explanation"),
    [
        ("True or False: dropout is used at inference.", ["False"], "B", []),
        (
            "T/F - Adam adapts rates per parameter.",
            ["Answer: True.", "It keeps moments."],
            "A",
            ["It keeps moments."],
        ),
        (
            "Dropout is off at inference (True/False)",
            ["**T** – it is turned off."],
            "A",
            ["it is turned off."],
        ),
        (
            "Is BPE a tokenizer: true or false?",
            ["The answer is true, since it merges pairs."],
            "A",
            ["since it merges pairs."],
        ),
    ],
)
def test_true_or_false_questions_get_their_two_options(question, answer, correct, explanation):
    found = with_inline_options(draft(question, *answer))
    assert found.question == question  # the title, and so the id, as before
    assert [(c.letter, c.text) for c in found.choices] == [("A", "True"), ("B", "False")]
    assert (found.correct, [line.text for line in found.answer]) == (correct, explanation)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What is the true or false positive rate?", "Either."),  # asks no verdict
        ("True or False: BPE is a tokenizer.", "F1 score is unrelated."),  # no verdict first
        ("Explain the T/F ratio.", "True"),
    ],
)
def test_without_a_true_or_false_question_and_verdict_nothing_changes(question, answer):
    original = draft(question, answer)
    assert with_inline_options(original) == original


def test_a_long_true_or_false_answer_line_costs_linear_time():
    def run(text: str) -> None:
        with_inline_options(draft("True or False: x?", text))

    small, large = ("answer" + " " * n + "x" for n in (40_000, 400_000))
    small_cost, large_cost = measure(run, small, large)
    assert large_cost < MAX_RATIO * small_cost


def test_a_sentence_that_opens_with_a_or_a_verdict_word_names_no_option():
    # Review findings: the article "A" named option A; "True negatives …" gave the verdict True.
    stages = draft(
        "What are the two stages? A. Reward modelling. B. Policy optimisation.", "A reward model first."
    )
    assert with_inline_options(stages) == stages
    precision = draft("True or false: precision ignores false positives.", "True negatives are ignored.")
    assert with_inline_options(precision) == precision
    tests = draft("True or False: a t-test compares means.", "T-tests compare two means.")
    assert with_inline_options(tests) == tests
    assert with_inline_options(draft("Which one? A. x B. y", "B")).correct == "B"


@pytest.mark.parametrize(
    ("question", "stem"),
    [
        ("In a VAE, the KL term pushes the posterior towards: (a) zero (b) the prior", "towards:"),
        ("Dropout is a form of ________. (a) regularization (b) optimisation", "________."),
        ("The BLEU score measures - A) recall B) precision", "measures -"),
    ],
)
def test_a_stem_that_waits_for_its_options_takes_them_without_a_question_mark(question, stem):
    found = with_inline_options(draft(question, "Answer: (b)"))
    assert found.question.endswith(stem) and found.correct == "B" and len(found.choices) == 2
    # A sentence that only uses letters in its flow is no stem: it stays as written.
    assert not with_inline_options(draft("Use (a) fast models or (b) slow ones.", "a")).choices


def test_an_aiken_quiz_reads_a_question_whose_options_share_its_line(tmp_path):
    from tests.test_heldout_shapes import read_text

    text = (
        "NLP MCQs\n\n1. Which is not a subword algorithm? a) BPE b) WordPiece c) Porter stemmer\n"
        "Answer: c\nExplanation: it strips suffixes.\n\n2. BERT is pre-trained with:\na) causal LM\n"
        "b) masked LM\nc) translation\nd) contrast\nAnswer: b\n\n3. BLEU measures: a) recall b) precision\n"
        "Answer: b\n\n4. Which is encoder-decoder?\na) GPT-2\nb) BERT\nc) T5\nd) LLaMA\nAnswer: c\n"
    )
    reading, questions, problems = read_text(tmp_path, text, "quiz.txt")
    assert reading.reader == "aiken" and problems == []
    assert [(q.question, q.correct, len(q.choices)) for q in questions] == [
        ("Which is not a subword algorithm?", "C", 3),
        ("BERT is pre-trained with:", "B", 4),
        ("BLEU measures:", "B", 2),
        ("Which is encoder-decoder?", "C", 4),
    ]
    assert questions[0].answer == "it strips suffixes."

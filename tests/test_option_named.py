"""An answer line that names the correct option by its text ("Answer: BLEU"), in each reader
that reads options: the Markdown tree, option lines under a numbered question, Aiken."""

from __future__ import annotations

import pytest

from generator.ingest.option_named import letter_named
from tests.test_heldout_shapes import read_text

OPTIONS = ["A reward model", "The pretraining loss", "A retrieval index"]

DOCS = {
    "markdown list": (
        "# Quiz\n\n1. What does RLHF optimise against?\n   A. A reward model\n   B. The pretraining loss\n"
        "   C. A retrieval index\n\n   **Correct answer:** A retrieval index\n\n"
        "2. Which metric compares n-gram overlap?\n   A. Perplexity\n   B. BLEU\n   C. Accuracy\n\n"
        "   Answer: BLEU\n",
        "doc.md",
    ),
    "option lines in text": (
        "1. What does RLHF optimise against?\n   a) A reward model\n   b) The pretraining loss\n"
        "   c) A retrieval index\n   Correct answer: A retrieval index\n\n"
        "2. Which metric compares n-gram overlap?\n   a) Perplexity\n   b) BLEU\n   c) Accuracy\n"
        "   Answer: BLEU\n",
        "doc.txt",
    ),
    "aiken": (
        "What does RLHF optimise against?\nA. A reward model\nB. The pretraining loss\n"
        "C. A retrieval index\nCorrect answer: A retrieval index\n\n"
        "Which metric compares n-gram overlap?\nA. Perplexity\nB. BLEU\nC. Accuracy\nANSWER: bleu.\n\n"
        "What does top-p keep?\nA. The k likeliest tokens\nB. The smallest set reaching p\nANSWER: B\n",
        "quiz.txt",
    ),
}


@pytest.mark.parametrize(("text", "name"), DOCS.values(), ids=DOCS.keys())
def test_the_option_named_by_its_text_is_the_correct_one(tmp_path, text, name):
    _, questions, problems = read_text(tmp_path, text, name)
    # "A retrieval index" is option C: its leading "A" is a word, not the letter.
    assert [(q.kind, q.correct) for q in questions][:2] == [("mcq", "C"), ("mcq", "B")]
    assert [q.answer for q in questions][:2] == [None, None]  # the line only named the option
    assert problems == []


def test_a_text_that_names_no_single_option_names_none():
    assert letter_named("Answer: a retrieval index.", OPTIONS) == "C"
    assert letter_named("**The correct answer is:** The pretraining loss", OPTIONS) == "B"
    assert letter_named("Answer: a retrieval", OPTIONS) is None
    assert letter_named("A retrieval index", OPTIONS) is None  # no "Answer:" before it
    assert letter_named("Answer: BLEU", ["BLEU", "bleu"]) is None

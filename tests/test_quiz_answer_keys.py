"""A quiz whose correct options come after all its questions, in a Markdown document: a key
line, a table, a list, or a second numbered run naming letters."""

from __future__ import annotations

import pytest

from tests.test_heldout_shapes import read_text

QUIZ = """# Transformer quiz

1. What does the softmax in attention normalise over?
   a) The batch
   b) The keys
   c) The heads

2. Which positional scheme rotates query and key vectors?
   a) Sinusoidal
   b) Learned absolute
   c) RoPE

3. What does KV caching speed up?
   a) Training
   b) Autoregressive decoding
   c) Tokenisation

## Answer key

"""

KEYS = {
    "en dash pairs": "1–b, 2–c, 3–b\n",
    "arrows": "1 → b  2 → c  3 → b\n",
    "table": "| Q | Answer |\n|---|---|\n| 1 | B |\n| 2 | C |\n| 3 | B |\n",
    "list of pairs": "- 1: **b**\n- 2: **c**\n- 3: **b**\n",
    "bold numbers in one paragraph": "**1.** B\n**2.** C\n**3.** B\n",
}


@pytest.mark.parametrize("key", KEYS.values(), ids=KEYS.keys())
def test_a_key_after_the_last_question_names_each_correct_option(tmp_path, key):
    _, questions, problems = read_text(tmp_path, QUIZ + key)
    assert [(q.kind, q.correct, q.answer) for q in questions] == [
        ("mcq", "B", None),
        ("mcq", "C", None),
        ("mcq", "B", None),
    ]
    assert problems == []


def test_a_key_table_s_third_column_explains_each_answer(tmp_path):
    # Its "Q" column of numbers is a key's, not a column of questions.
    key = "| Q | Answer | Why |\n|---|---|---|\n| 1 | B | Weights over keys sum to one. |\n"
    key += "| 2 | C | |\n| 3 | B |\n"
    _, questions, problems = read_text(tmp_path, QUIZ + key)
    assert [(q.correct, q.answer) for q in questions] == [
        ("B", "Weights over keys sum to one."),
        ("C", None),
        ("B", None),
    ]
    assert problems == []


def test_a_numbered_run_of_letters_gives_the_option_and_its_explanation(tmp_path):
    key = "1. **B** - each query's weights over the keys sum to one.\n2. **C**\n3. **B**\n"
    _, questions, _ = read_text(tmp_path, QUIZ.replace("# Transformer", "# Quiz\n\n## Transformer") + key)
    assert [(q.correct, q.answer) for q in questions] == [
        ("B", "each query's weights over the keys sum to one."),
        ("C", None),
        ("B", None),
    ]


def test_a_key_naming_an_option_no_question_has_is_left_as_written(tmp_path):
    table = KEYS["table"].replace("| 2 | C |", "| 2 | F |")
    _, questions, _ = read_text(tmp_path, QUIZ + table)
    assert [q.correct for q in questions] == [None, None, None]
    assert "F" in (questions[-1].answer or "")


def test_numbers_in_an_explanation_are_not_a_key(tmp_path):
    text = QUIZ.replace("## Answer key\n\n", "Layers 1 and 2 share nothing.\n")
    _, questions, _ = read_text(tmp_path, text)
    assert [q.correct for q in questions] == [None, None, None]
    assert questions[-1].answer == "Layers 1 and 2 share nothing."

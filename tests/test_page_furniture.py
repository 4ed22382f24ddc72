"""Text copied from a PDF (pdftotext, or a select-all paste): page numbers, running headers and
footers, form feeds and questions wrapped over two lines are the page's, not the questions'."""

from __future__ import annotations

from generator.ingest.page_furniture import drop_page_furniture
from generator.model import Line, question_id
from tests.test_heldout_shapes import read_text

HEADER = "Top 30 LLM Interview Questions                                   AI Engineer Handbook"

HANDBOOK = f"""{HEADER}

Q1. What is the difference between a base model and an instruction-tuned
model?
A base model continues text. An instruction-tuned model is fine-tuned on instruction and
response pairs so that it follows requests.

Q2. What is in-context learning?
Learning a new task from examples given in the

                                    Page 1 of 2
\f{HEADER}
prompt, without any gradient updates.

Q3. What is the difference between parameters and hyper-
parameters?
Weights are learned; the learning rate is set before training.

                                    Page 2 of 2
"""


def test_a_handbook_reads_whole_questions_and_answers_without_its_pages(tmp_path):
    _, questions, problems = read_text(tmp_path, HANDBOOK, "handbook.txt")
    assert [(q.question, q.answer) for q in questions] == [
        (
            "What is the difference between a base model and an instruction-tuned model?",
            "A base model continues text. An instruction-tuned model is fine-tuned on instruction and "
            "response pairs so that it follows requests.",
        ),
        (
            "What is in-context learning?",
            "Learning a new task from examples given in the prompt, without any gradient updates.",
        ),
        (
            "What is the difference between parameters and hyper-parameters?",
            "Weights are learned; the learning rate is set before training.",
        ),
    ]
    assert problems == []  # the form feed is where a page ends: nothing to report


def test_a_wrapped_question_keeps_the_id_it_had_as_an_alias(tmp_path):
    _, questions, _ = read_text(tmp_path, HANDBOOK, "handbook.txt")
    first_line = "What is the difference between a base model and an instruction-tuned"
    assert question_id("doc", first_line) in questions[0].aliases  # read as its first line alone before


MCQ_SET = """GenAI MCQ Practice Set

1. Which technique shares keys and values across
query heads?
a) Multi-head attention
b) Grouped-query attention
c) Cross-attention

2. RoPE encodes position by:
a) adding a learned vector
b) rotating query and key vectors
c) scaling the values

GenAI MCQ Practice Set – Page 1
\fAnswer Key
1. b   2. b

GenAI MCQ Practice Set – Page 2
"""


def test_a_footer_between_pages_neither_ends_the_quiz_nor_hides_its_key(tmp_path):
    _, questions, _ = read_text(tmp_path, MCQ_SET, "set.txt")
    assert [(q.question, q.kind, q.correct) for q in questions] == [
        ("Which technique shares keys and values across query heads?", "mcq", "B"),
        ("RoPE encodes position by:", "mcq", "B"),
    ]


def _lines(*texts: str) -> tuple[Line, ...]:
    return tuple(Line(n, text) for n, text in enumerate(texts, start=1))


def test_a_repeated_line_away_from_the_page_numbers_stays():
    lines = _lines("a) True", "b) False", "Page 1", "Q2?", "a) True", "b) False", "Page 2", "a) True")
    kept = [line.text for line in drop_page_furniture(lines)]
    assert kept.count("a) True") == 3 and "Page 1" not in kept


def test_one_page_number_alone_is_text():
    lines = _lines("How many heads?", "3 / 4", "of the answers")
    assert drop_page_furniture(lines) is lines


def test_one_named_page_line_between_two_pages_goes():
    lines = _lines("Q3. What is NF4?", "A 4-bit float.", "", "Page 1 of 2", "Q4. What is LoRA?", "Low rank.")
    kept = [line.text for line in drop_page_furniture(lines)]
    assert kept == ["Q3. What is NF4?", "A 4-bit float.", "", "Q4. What is LoRA?", "Low rank."]


def test_a_program_s_output_is_no_page_footer():
    # Numbers set apart by a wide gap, twice: a pandas output or a training log, in a fence or
    # pasted without one, is the answer's text.
    fenced = ("Q1. What does this show?", "```text", "0    9800", "1     200", "```", "Imbalance.")
    assert drop_page_furniture(_lines(*fenced)) == _lines(*fenced)
    log = ("Q2. Why is the loss stuck?", "epoch    loss", "1    0.6931", "2    0.6931", "3    0.6930")
    assert drop_page_furniture(_lines(*log)) == _lines(*log)
    # A footer stands once a page, with the page's text between.
    pages = ("www.llm.io      1", "Q1. A?", "Yes.", "Q2. B?", "No.", "www.llm.io      2", "Q3. C?", "Maybe.")
    assert [line.text for line in drop_page_furniture(_lines(*pages))] == [
        "Q1. A?",
        "Yes.",
        "Q2. B?",
        "No.",
        "Q3. C?",
        "Maybe.",
    ]


def test_a_slide_deck_s_counters_go():
    lines = _lines("Slide 1 of 3", "What is RAG?", "Retrieval.", "Slide 2 of 3", "What is LoRA?", "Low rank.")
    assert [line.text for line in drop_page_furniture(lines)] == [
        "What is RAG?",
        "Retrieval.",
        "What is LoRA?",
        "Low rank.",
    ]

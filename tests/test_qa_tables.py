"""Question-and-answer tables (generator.ingest.qa_tables): one question per row, read by
the same segmenter as every other shape; other tables stay where they are."""

from __future__ import annotations

from generator.ingest.qa_tables import cells
from generator.ingest.readers import read_source_document
from tests.support.docs import answer_text, doc_of
from tests.test_complexity import MAX_RATIO, measure

CHEAT_SHEET = """# ML Cheat Sheet

| # | Question | Answer |
|---|----------|--------|
| 1 | What is overfitting? | Memorising noise: low training error, high test error. |
| 2 | What is dropout? | Zeroing random activations while training. |
| 3 | When is `a \\| b` used? | For a union of types. |
"""


def read(text: str, path: str = "t.md"):
    reading = read_source_document(doc_of(text, path))
    return reading.drafts, reading


def test_a_table_with_question_and_answer_columns_gives_a_question_per_row():
    drafts, reading = read(CHEAT_SHEET)
    assert [d.question for d in drafts] == [
        "What is overfitting?",
        "What is dropout?",
        "When is `a | b` used?",
    ]
    assert answer_text(drafts[1]) == "Zeroing random activations while training."
    assert [d.location.line for d in drafts] == [5, 6, 7]
    assert "table rows" in reading.structure


def test_a_headerless_column_of_questions_is_read_as_questions():
    text = "| Ask | Say |\n|---|---|\n| Why scale? | It saturates. |\n| What is a token? | A piece. |\n"
    drafts, _ = read(text)
    assert [d.question for d in drafts] == ["Why scale?", "What is a token?"]


def test_a_comparison_table_inside_an_answer_stays_in_the_answer():
    text = """## How do BERT and GPT differ?

| Model | Attention | Objective |
|---|---|---|
| BERT | bidirectional | masked tokens |
| GPT | causal | next token |

## What is a tokenizer?

It splits text into tokens.
"""
    drafts, _ = read(text)
    assert [d.question for d in drafts] == ["How do BERT and GPT differ?", "What is a tokenizer?"]
    assert "| BERT | bidirectional | masked tokens |" in answer_text(drafts[0])


def test_an_html_question_answer_table_is_read_too():
    text = (
        "<html><body><h1>Interview questions</h1><table><tr><th>Question</th><th>Answer</th></tr>"
        "<tr><td>What is RAG?</td><td>Retrieval, then generation.</td></tr>"
        "<tr><td>What is a vector store?</td><td>An index of embeddings.</td></tr></table></body></html>"
    )
    drafts, _ = read(text, "page.html")
    assert [d.question for d in drafts] == ["What is RAG?", "What is a vector store?"]
    assert answer_text(drafts[0]) == "Retrieval, then generation."


def test_an_html_answer_cell_with_a_list_or_code_keeps_its_rows():
    # Confluence and Notion answers hold a bullet list or a code block; the whole table was
    # kept as HTML before, and its questions were lost without a word.
    text = (
        "<html><body><h1>Question bank</h1><table><tr><th>Question</th><th>Expected answer</th></tr>"
        "<tr><td><p>How do you handle class imbalance?</p></td><td><p>Three ways:</p><ul>"
        "<li>Resampling</li><li>Class <b>weights</b></li></ul></td></tr>"
        "<tr><td><p>How do you count labels?</p></td><td><pre>y.value_counts()\nlen(y)</pre></td></tr>"
        "<tr><td><p>Explain calibration.</p></td><td><p>Probabilities mean what they say.</p></td></tr>"
        "</table></body></html>"
    )
    drafts, _ = read(text, "page.html")
    assert [(d.question, answer_text(d)) for d in drafts] == [
        ("How do you handle class imbalance?", "Three ways:\n\n- Resampling\n- Class **weights**"),
        ("How do you count labels?", "`y.value_counts()`<br>`len(y)`"),
        ("Explain calibration.", "Probabilities mean what they say."),
    ]
    # A list nested in a list is still too deep for a cell: the table stays HTML.
    nested = text.replace("<li>Resampling</li>", "<li>Resampling<ul><li>SMOTE</li></ul></li>")
    assert [d.question for d in read(nested, "page.html")[0]] != [d.question for d in drafts]


def test_cells_split_at_unescaped_pipes_in_linear_time():
    assert cells("| a | b \\| c | d |") == ["a", "b \\| c", "d"]
    small, large = ("|" + "a\\|" * n + "|" for n in (20_000, 200_000))
    small_cost, large_cost = measure(cells, small, large)
    assert large_cost < MAX_RATIO * small_cost


def test_a_question_s_options_as_a_lettered_table():
    text = (
        "# Quiz\n\n**Q1. Which part stops a decoder attending to later tokens?**\n\n"
        "| Option | Text |\n|---|---|\n| A | Layer norm |\n| B | Causal **mask** |\n| C | Residuals |\n\n"
        "**Answer:** B\n\n**Q2. Which tokenizer does GPT-2 use?**\n\n"
        "| A | WordPiece |\n|---|---|\n| B | Byte-level BPE |\n\nAnswer: B. It works on bytes.\n\n"
        "**Q3. How do the two compare?**\n\n| A | B |\n|---|---|\n| fast | slow |\n\nNo letter named here.\n"
    )
    reading = read_source_document(doc_of(text))
    found = [(d.question, [c.text for c in d.choices], d.correct) for d in reading.drafts]
    assert found == [
        (
            "Which part stops a decoder attending to later tokens?",
            ["Layer norm", "Causal **mask**", "Residuals"],
            "B",
        ),
        ("Which tokenizer does GPT-2 use?", ["WordPiece", "Byte-level BPE"], "B"),
        ("How do the two compare?", [], None),  # a table of two columns headed A and B stays a table
    ]

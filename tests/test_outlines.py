"""Outlines: Notion's nested toggles and Logseq pages put each question one level under a topic
bullet, with the outliner's tags and properties around it."""

from __future__ import annotations

from generator.ingest.outlines import unwrap_outlines
from generator.ingest.read_markdown import parse
from generator.model import question_id
from tests.test_heldout_shapes import read_text

NESTED_TOGGLES = """# GenAI Interview Bank

- Transformers
    - What is the role of the softmax in attention?

        It turns the scores into a distribution over keys.

    - What is causal masking?

        Setting the scores of future positions to minus infinity.

- Retrieval
    - What is BM25?

        A bag-of-words ranking function.
"""


def test_questions_nested_under_topic_bullets_are_read_with_the_topic_as_section(tmp_path):
    _, questions, problems = read_text(tmp_path, NESTED_TOGGLES)
    assert [(q.question, q.answer, q.section) for q in questions] == [
        (
            "What is the role of the softmax in attention?",
            "It turns the scores into a distribution over keys.",
            "Transformers",
        ),
        (
            "What is causal masking?",
            "Setting the scores of future positions to minus infinity.",
            "Transformers",
        ),
        ("What is BM25?", "A bag-of-words ranking function.", "Retrieval"),
    ]
    assert problems == []


LOGSEQ = """- LLM interview cards
\t- What is instruction tuning? #card
\t\t- Fine-tuning on instruction and response pairs.
\t- What is model distillation? #card
\t  card-last-interval:: 4
\t  card-repeats:: 2
\t\t- Training a small student to match a large teacher.
\t- What is quantization? #card
\t\t- Fewer bits for the weights.
"""


def test_a_logseq_page_leaves_its_card_tags_and_properties_out(tmp_path):
    _, questions, _ = read_text(tmp_path, LOGSEQ)
    assert [q.question for q in questions] == [
        "What is instruction tuning?",
        "What is model distillation?",
        "What is quantization?",
    ]
    assert "card-" not in questions[1].answer
    assert "Training a small student to match a large teacher." in questions[1].answer


def test_a_title_read_with_its_tags_before_keeps_that_id(tmp_path):
    text = LOGSEQ.replace("- LLM interview cards\n", "").replace("\t- ", "- ").replace("\t\t- ", "    - ")
    _, questions, _ = read_text(tmp_path, text)
    assert questions[0].question == "What is instruction tuning?"
    assert question_id("doc", "What is instruction tuning? \\#card") in questions[0].aliases


def test_a_list_of_short_topics_over_statements_stays_as_it_is():
    notes = "# Notes\n\n- Attention\n    - weighs tokens\n    - sums values\n- Retrieval\n    - BM25\n"
    tree = parse(notes)
    assert unwrap_outlines(tree) is tree
    asking = parse(notes.replace("weighs tokens", "What does it weigh?").replace("BM25", "Why BM25?"))
    assert [b.kind for b in unwrap_outlines(asking).blocks] == [
        "heading",
        "heading",
        "list",
        "heading",
        "list",
    ]

"""Titles from the tree: label, difficulty and citation link split off, inline Markdown kept and safe."""

from __future__ import annotations

import pytest

from generator.ingest.answers import build_answer
from generator.ingest.clean import make_questions
from generator.ingest.read_markdown import parse
from generator.ingest.readers import markdown_tree
from generator.ingest.titles import parse_title
from generator.model import question_id
from tests.support.docs import doc_of


@pytest.mark.parametrize(
    ("raw", "text", "label", "difficulty"),
    [
        (
            "1. What are _Large Language Models (LLMs)_ and how do they work?",
            "What are *Large Language Models (LLMs)* and how do they work?",
            "1",
            None,
        ),
        ("**1.** Why might perplexity mislead?", "Why might perplexity mislead?", "1", None),
        ("**14. In triplet loss, what is the margin?**", "In triplet loss, what is the margin?", "14", None),
        ("**What is supervised machine learning? 👶**", "What is supervised machine learning?", None, "easy"),
        (
            "**What is the area under the PR curve? \u200d⭐️I**",
            "What is the area under the PR curve?",
            None,
            "medium",
        ),
        ("**Approaches to cold start? \u200d⭐️🚀**", "Approaches to cold start?", None, "hard"),
        ("Q12: What is `RMSNorm`?", "What is `RMSNorm`?", "12", None),
        ("Why scale by $\\sqrt{d_k}$? [Hard]", "Why scale by $\\sqrt{d_k}$?", None, "hard"),
        ("16.  ****Compare sparse and dense losses", "Compare sparse and dense losses", "16", None),
        ("What is <b>bold</b> and <script>x</script>?", "What is bold and x?", None, None),
        ("Why is 2 * 3 = 6 and a\\*b?", "Why is 2 \\* 3 = 6 and a\\*b?", None, None),
        ("**Q4. What are `*args` and `**kwargs`?**", "What are `*args` and `**kwargs`?", "4", None),
        ("1.2. The tests need a display", "The tests need a display", "1.2", None),
        ("**Question 7**", "", "7", None),  # only a number: the paragraph under it asks
        ("Q.3 Write a program to read a file.", "Write a program to read a file.", "3", None),
        ("Ques 4. Why use `with`?", "Why use `with`?", "4", None),
        ("Q12 What is a CTE?", "What is a CTE?", "12", None),
        ("Question 7 is the hardest", "Question 7 is the hardest", None, None),
        ("Q1 — What is gradient clipping?", "What is gradient clipping?", "1", None),
        ("**Question 2 – Why clip?**", "Why clip?", "2", None),
        ("3 — What is weight decay?", "What is weight decay?", "3", None),
        ("IV. What is an epoch?", "What is an epoch?", "4", None),
        ("**xix) Why batch?**", "Why batch?", "19", None),
        ("C. What is best?", "C. What is best?", None, None),  # an option's letter, not 100
        ("I think so?", "I think so?", None, None),
    ],
)
def test_title_forms(raw, text, label, difficulty):
    title = parse_title(raw)
    assert (title.text, title.label, title.difficulty) == (text, label, difficulty)


def test_a_dash_label_read_whole_before_keeps_that_id():
    # Before en and em dashes ended a label, "Question 2 – Why clip?" was the whole title.
    assert parse_title("Question 2 – Why clip?").formers == ("Question 2 – Why clip?",)
    assert parse_title("Why — and when — clip?").formers == ()
    assert parse_title("IX. What is it?").formers == ("IX. What is it?",)
    drafts, _ = markdown_tree.read(doc_of("# Notes\n\n## Question 2 – Why clip?\n\nTo bound it.\n", "s.md"))
    questions, _ = make_questions(drafts, "s")
    assert questions[0].question == "Why clip?"
    assert question_id("s", "Question 2 – Why clip?") in questions[0].aliases


def test_a_citation_link_goes_to_link_and_never_reaches_the_id():
    title = parse_title("What is attention? [[src](https://arxiv.org/abs/1706.03762)]")
    assert (title.text, title.link) == ("What is attention?", "https://arxiv.org/abs/1706.03762")
    assert question_id("s", title.text) == question_id("s", "What is attention?")


def test_a_link_inside_a_title_keeps_its_text_only():
    title = parse_title("What does [LoRA](https://example.com/lora) change?")
    assert (title.text, title.link) == ("What does LoRA change?", None)


def test_show_answer_summary_and_labels_leave_the_answer():
    blocks = parse(
        "<details><summary>💡 Show Answer</summary>\n\nBecause of **scale**.\n\n</details>\n"
    ).blocks
    assert [x.text for x in build_answer(blocks).lines] == ["Because of **scale**."]
    labelled = parse("**Answer:** It is $x$.\n").blocks
    assert [x.text for x in build_answer(labelled).lines] == ["It is $x$."]
    empty = parse("Answer:\n").blocks
    assert build_answer(empty).lines == ()

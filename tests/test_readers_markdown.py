"""markdown (tree reader): questions as `#`-`####` headings, on fixture documents written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest.clean import make_questions
from generator.ingest.load import load_document
from generator.ingest.readers import markdown_tree, pick_reader
from generator.model import question_id
from tests.support.docs import answer_text
from tests.support.docs import doc_of as _doc_of
from tests.test_complexity import MAX_RATIO, measure

FIXTURES = Path(__file__).parent / "fixtures" / "markdown_headings"
ROOT = Path(__file__).resolve().parents[1]
REAL_SOURCES = sorted((ROOT / "content" / "sources").iterdir())


def doc_of(text: str, path: str = "notes.md"):
    return _doc_of(text, path)


def read_fixture(name: str):
    doc, problems = load_document(FIXTURES / name, ROOT, Path(name).stem)
    assert problems == []
    assert markdown_tree.matches(doc.text)
    return markdown_tree.read(doc)


def test_questions_labels_sections_and_lines():
    drafts, _ = read_fixture("faq_with_front_matter.md")
    assert [(d.label, d.question, d.section, d.location.line) for d in drafts] == [
        ("1", "What is retrieval-augmented generation?", "Retrieval basics", 11),
        ("2", "Why chunk documents before embedding?", "Retrieval basics", 27),
        ("3", "Explain recall@k", "Evaluation", 33),
        (None, "How do you test a retriever end to end?", None, 37),
        (None, "Is this one left unanswered?", None, 41),
    ]
    assert drafts[0].location.path == "tests/fixtures/markdown_headings/faq_with_front_matter.md"


def test_answer_keeps_lists_code_and_math_and_stops_at_the_next_question():
    drafts, _ = read_fixture("faq_with_front_matter.md")
    first = answer_text(drafts[0])
    assert first.startswith("RAG fetches passages")
    assert "    - when the index is fresh" in first
    assert "**Example**" in first  # a deeper sub-heading stays, as bold
    assert "# a comment, not a heading" in first  # fenced code is not a heading
    assert first.endswith("```")
    assert "Chunks fit" not in first
    assert r"$\cos(q, d) = \frac{q \cdot d}{\|q\|\|d\|}$" in answer_text(drafts[1])


def test_front_matter_and_intro_are_not_answers():
    drafts, _ = read_fixture("faq_with_front_matter.md")
    everything = " ".join(answer_text(d) for d in drafts)
    assert "title: Retrieval FAQ" not in everything and "short intro" not in everything


def test_empty_answer_is_kept_and_reported_at_its_line():
    drafts, problems = read_fixture("faq_with_front_matter.md")
    assert drafts[-1].answer == ()
    assert [(p.location.line, p.message) for p in problems] == [
        (41, "question has an empty answer: 'Is this one left unanswered?'")
    ]


def test_last_question_without_trailing_newline_keeps_its_answer():
    drafts, problems = read_fixture("no_trailing_newline.md")
    assert [d.question for d in drafts] == ["What is a token?", "What is a context window?"]
    assert answer_text(drafts[-1]) == "The number of tokens the model sees at once."
    assert problems == []


def test_crlf_text_reads_like_lf():
    drafts, _ = markdown_tree.read(doc_of("## What is A?\r\nAn answer.\r\n## What is B?\r\nB."))
    assert [d.question.strip() for d in drafts] == ["What is A?", "What is B?"]


@pytest.mark.parametrize(
    ("heading", "label", "question"),
    [
        ("## What is a KV cache?", None, "What is a KV cache?"),
        ("### 3. How does beam search work?", "3", "How does beam search work?"),
        ("## Q: Why use RMSNorm?", None, "Why use RMSNorm?"),
        ("### Q3) Explain speculative decoding", "3", "Explain speculative decoding"),
        ("#### **Question 12: Describe MoE routing**", "12", "Describe MoE routing"),
    ],
)
def test_question_heading_forms(heading, label, question):
    drafts, _ = markdown_tree.read(doc_of(f"# Title\n{heading}\nSome answer."))
    assert [(d.label, d.question) for d in drafts] == [(label, question)]


def test_non_question_headings_are_sections_not_questions():
    text = (
        "# Guide\n## Transformers\nIntro text.\n### Attention heads\nMore text.\n## What is a head?\nA head."
    )
    drafts, _ = markdown_tree.read(doc_of(text))
    assert [(d.question, d.section) for d in drafts] == [("What is a head?", None)]
    assert markdown_tree.matches("# Guide\n## Transformers\n## Training\n") is False


def test_numbered_plain_text_document_is_left_to_other_readers():
    text = "# Questions?\n" + "\n".join(f"Q{n}. What is item {n}?\nAns - It is {n}." for n in range(1, 6))
    assert markdown_tree.matches(text) is False


@pytest.mark.parametrize("path", REAL_SOURCES, ids=lambda p: p.name)
def test_real_sources_are_not_claimed(path):
    assert pick_reader(path.read_text(encoding="utf-8")) is not markdown_tree


def test_markdown_fixture_picks_this_reader():
    text = (FIXTURES / "faq_with_front_matter.md").read_text(encoding="utf-8")
    assert pick_reader(text) is markdown_tree


STATEMENT_AMONG_QUESTIONS = (
    "## What is a token?\n\nA piece of text.\n\n"
    "## The build says a link is broken\n\nRun the checker.\n\n"
    "## How long is a context?\n\nLong.\n\n"
    "## Why do tokenizers differ?\n\nTheir vocabularies.\n"
)


def test_a_lone_leading_title_that_names_questions_makes_statement_headings_questions():
    drafts, _ = markdown_tree.read(doc_of("# Frequently asked questions\n\n" + STATEMENT_AMONG_QUESTIONS))
    assert [d.question for d in drafts] == [
        "What is a token?",
        "The build says a link is broken",
        "How long is a context?",
        "Why do tokenizers differ?",
    ]


@pytest.mark.parametrize("title", ["# My notes\n\n", "# Frequently asked questions\n\n# Part two\n\n", ""])
def test_elsewhere_a_statement_heading_among_questions_is_not_a_question(title):
    drafts, _ = markdown_tree.read(doc_of(title + STATEMENT_AMONG_QUESTIONS))
    assert "The build says a link is broken" not in [d.question for d in drafts]


def test_matches_hands_its_parse_to_the_read_after_it_once(monkeypatch):
    parses = []
    real_parse = markdown_tree.parse
    monkeypatch.setattr(markdown_tree, "parse", lambda text: parses.append(text) or real_parse(text))
    text = "# Guide\n## What is A?\nA.\n## What is B?\nB.\n"
    assert markdown_tree.matches(text)
    first, _ = markdown_tree.read(doc_of(text))
    assert len(parses) == 1
    again, _ = markdown_tree.read(doc_of(text))  # not kept: a repeated read costs a parse
    assert len(parses) == 2
    assert [d.question for d in first] == [d.question for d in again] == ["What is A?", "What is B?"]


def test_unclosed_summary_tags_cost_linear_time():
    """`<details>` then `<summary ` repeated with no `>`: a search from each one would be quadratic."""

    def read(text: str) -> object:
        return markdown_tree.read(doc_of(text))

    small, large = (("<details>" + "<summary " * (n // 9)) for n in (20_000, 200_000))
    small_cost, large_cost = measure(read, small, large)
    assert large_cost < MAX_RATIO * small_cost


def test_a_summary_after_details_is_its_title_and_only_there():
    drafts, _ = markdown_tree.read(
        doc_of(
            "<details><summary>What is A?</summary>\n\nA is a letter.\n</details>\n\n"
            "<details>Intro <summary>What is B?</summary>\n\nB.\n</details>\n"
        )
    )
    assert [d.question for d in drafts] == ["What is A?"]


def test_many_section_headings_cost_linear_time():
    """Each section heading looks ahead for the next question: from every heading, that was quadratic."""

    def read(text: str) -> object:
        return markdown_tree.read(doc_of(text))

    small, large = ("## Part\n\n" * n + "### What is A?\nA.\n" for n in (1_000, 10_000))
    drafts, _ = markdown_tree.read(doc_of(small))
    assert [(d.question, d.section) for d in drafts] == [("What is A?", "Part")]
    small_cost, large_cost = measure(read, small, large)
    assert large_cost < MAX_RATIO * small_cost


@pytest.mark.parametrize(
    ("line", "explanation"),
    [
        ("**Answer: B** — the updates overshoot the minimum.", "The updates overshoot the minimum."),
        ("**Answer:** B. Each step jumps past the valley.", "Each step jumps past the valley."),
        ("Correct answer: (b) because the steps are too large", "Because the steps are too large"),
    ],
)
def test_an_answer_line_that_names_the_letter_keeps_only_its_explanation(line, explanation):
    text = f"1. **What does a high learning rate cause?**\n\n   A. Slow\n   B. Divergence\n\n   {line}\n"
    drafts, _ = markdown_tree.read(doc_of(text))
    assert (drafts[0].correct, answer_text(drafts[0])) == ("B", explanation)


def test_quoted_question_and_answer_blocks_are_read():
    text = (
        "# Prompt engineering\n\n> **Question:** What is few-shot prompting?\n>\n"
        "> **Answer:** A few worked examples before the input.\n\n"
        "> **Question:** What is a system prompt?\n>\n> **Answer:** The model's standing instructions.\n"
    )
    assert pick_reader(text) is markdown_tree
    drafts, _ = markdown_tree.read(doc_of(text))
    assert [(d.question, answer_text(d)) for d in drafts] == [
        ("What is few-shot prompting?", "A few worked examples before the input."),
        ("What is a system prompt?", "The model's standing instructions."),
    ]


def test_a_numbered_answer_label_is_not_part_of_the_answer():
    text = "# Metrics\n\n## Q1. What is precision?\n\n**A1:** True positives over predicted positives.\n"
    drafts, _ = markdown_tree.read(doc_of(text))
    assert answer_text(drafts[0]) == "True positives over predicted positives."


FRAME = (
    "# Deep learning interview prep\n\n## Introduction\n\nThis guide collects common questions.\n\n"
    "## Explain backpropagation.\n\nThe chain rule, layer by layer.\n\n## Describe dropout\n\n"
    "Randomly zeroes activations.\n\n## Conclusion\n\nThanks for reading! Follow me for more.\n"
)
DETAILS = (
    "# ML\n\n<details><summary>What is F1?</summary>\n\nThe harmonic mean of P and R.\n\n</details>\n\n"
    "<details>\n<summary>Why use ROC-AUC?</summary>\nIt is threshold-independent.\n</details>\n\n"
    "Thanks for reading, follow me for more.\n"
)


@pytest.mark.parametrize(
    ("text", "asked", "last_answer"),
    [
        # An article's frame is no question, even on a questions page; its text joins no answer.
        (FRAME, ["Explain backpropagation.", "Describe dropout"], "Randomly zeroes activations."),
        # A <details> answer ends at its closing tag.
        (DETAILS, ["What is F1?", "Why use ROC-AUC?"], "It is threshold-independent."),
    ],
)
def test_text_after_the_last_answer_is_not_part_of_it(text, asked, last_answer):
    drafts, _ = markdown_tree.read(doc_of(text))
    assert [d.question for d in drafts] == asked
    assert answer_text(drafts[-1]).strip() == last_answer


def test_an_outline_nested_twelve_deep_keeps_the_questions_after_it():
    outline = "\n".join("  " * depth + f"- level {depth}" for depth in range(12))
    text = f"# Notes\n\n## What is attention?\n\n{outline}\n\n## What is RAG?\n\nRetrieval.\n"
    drafts, problems = markdown_tree.read(doc_of(text))
    assert [d.question for d in drafts] == ["What is attention?", "What is RAG?"]
    assert "level 11" in answer_text(drafts[0]) and answer_text(drafts[1]) == "Retrieval."
    assert problems == []


def test_nesting_past_the_parsers_limit_is_reported_where_it_starts():
    text = "# Notes\n\n## What is attention?\n\n" + "1. " * 3000 + "x\n\n## What is RAG?\n\nRetrieval.\n"
    drafts, problems = markdown_tree.read(doc_of(text))
    assert drafts[0].question == "What is attention?"
    assert [str(p) for p in problems] == [
        "notes.md:5: warning: lists or quotes nested too deep: "
        "the rest of the document is read as part of this block"
    ]


@pytest.mark.parametrize(("quotes", "reported"), [(99, False), (100, True)])
def test_only_nesting_whose_content_was_skipped_is_reported(quotes, reported):
    # 99 quotes put the paragraph at the last level markdown-it reads; 100 skip it.
    text = "# Notes\n\n## What is attention?\n\n" + "> " * quotes + "deep\n"
    _, problems = markdown_tree.read(doc_of(text))
    assert any("nested too deep" in p.message for p in problems) == reported


def test_an_answer_label_alone_on_the_answers_first_line_is_a_label():
    text = (
        "## Question 1\nWhat is the bias-variance trade-off?\n\n**Answer**\nSimple models underfit.\n\n"
        "## Question 2\nWhat is cross-validation?\n\nAnswer\nRotating the validation fold.\n\n"
        "## Question 3\nWhat is an answer set?\n\nAnswers\nare sets of literals.\n"
    )
    drafts, _ = markdown_tree.read(doc_of(text))
    assert [(d.question, answer_text(d)) for d in drafts] == [
        ("What is the bias-variance trade-off?", "Simple models underfit."),
        ("What is cross-validation?", "Rotating the validation fold."),
        ("What is an answer set?", "Answers\nare sets of literals."),
    ]


def test_a_bold_run_over_the_label_and_the_verdict_leaves_no_stars():
    text = (
        "## 1. Batch norm behaves the same in training and inference.\n\n"
        "**Answer: False** — inference uses running statistics.\n\n"
        "## 2. What does dropout do?\n\n__Answer: it zeroes__ random activations.\n\n"
        "## 3. What is an epoch?\n\n**Answer:** **One pass** over the data.\n"
    )
    drafts, _ = markdown_tree.read(doc_of(text))
    assert [answer_text(d) for d in drafts] == [
        "False — inference uses running statistics.",
        "it zeroes random activations.",
        "**One pass** over the data.",
    ]


def test_an_answer_heading_is_a_label_not_part_of_the_answer():
    text = (
        "# Deep learning\n\n### Question 1\nWhat is the vanishing gradient problem?\n\n"
        "#### Answer\nGradients shrink through many layers.\n\n"
        "#### Why it matters\nEarly layers learn slowly.\n\n"
        "### Question 2\nWhy use batch normalization?\n\n#### Solution:\nIt stabilises training.\n"
    )
    drafts, _ = markdown_tree.read(doc_of(text))
    assert [(d.question, answer_text(d)) for d in drafts] == [
        (
            "What is the vanishing gradient problem?",
            "Gradients shrink through many layers.\n\n**Why it matters**\n\nEarly layers learn slowly.",
        ),
        ("Why use batch normalization?", "It stabilises training."),
    ]


def test_a_numbered_bold_question_with_its_answer_on_the_same_line():
    text = (
        "# Rapid answers\n\n1. **What is a token?** A unit of text.\n"
        "2. **What is a vocabulary?** The tokens a tokenizer knows.\n   - one per id\n"
        "3. **Tokens** are counted, not asked.\n"
    )
    drafts, _ = markdown_tree.read(doc_of(text))
    assert [(d.question, answer_text(d), d.label) for d in drafts] == [
        ("What is a token?", "A unit of text.", "1"),
        ("What is a vocabulary?", "The tokens a tokenizer knows.\n\n- one per id", "2"),
        ("**Tokens** are counted, not asked.", "", "3"),
    ]
    (token, *_), _ = make_questions(drafts, "notes")
    # Read whole before (a prompt titled with its answer): that id stays an alias.
    assert question_id("notes", "What is a token? A unit of text.") in token.aliases


def test_folds_nested_a_thousand_deep_are_no_internal_error():
    # Each `<details>` left open holds the next: unfolding them recursed past Python's stack.
    text = "# T\n\n## What is a tensor?\n\nAn array.\n\n" + "<details><summary>What?</summary>\n\n" * 1000
    drafts, _ = markdown_tree.read(doc_of(text))
    assert [d.question for d in drafts] == ["What is a tensor?"]
    assert answer_text(drafts[0]).count("**What?**") == 1000


def test_many_footnotes_under_one_answer_cost_linear_time():
    # Each cited note was added to the answer by copying it: 50,000 notes took 34 s.
    def page(n: int) -> str:
        cites = "".join(f"text[^{i}]\n" for i in range(n))
        notes = "".join(f"[^{i}]: note {i}\n" for i in range(n))
        return f"# T\n\n## What is a tensor?\n\n{cites}\n{notes}\n## What is a gradient?\n\nA slope.\n"

    drafts, _ = markdown_tree.read(doc_of(page(3)))
    assert answer_text(drafts[0]).endswith("\\[^2]: note 2") and len(drafts) == 2
    small, large = measure(lambda text: markdown_tree.read(doc_of(text)), page(2_000), page(20_000))
    assert large < MAX_RATIO * small


def test_a_fence_never_closed_is_reported_where_it_opens():
    text = (
        "# T\n\n## What is a tensor?\n\nAn array:\n\n```python\nx = 1\n\n## What is a gradient?\n\nA slope.\n"
    )
    drafts, problems = markdown_tree.read(doc_of(text))
    assert [d.question for d in drafts] == ["What is a tensor?"]  # CommonMark: the rest is code
    assert [(p.location.line, p.message.split(":")[0]) for p in problems] == [(7, "code fence never closed")]
    closed = text.replace("x = 1\n", "x = 1\n```\n")
    assert markdown_tree.read(doc_of(closed))[1] == []

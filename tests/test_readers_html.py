"""html_page: questions from h2/h3 of a whole page, on fixture documents written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import load_document
from generator.readers import html_page, pick_reader
from tests.support.docs import answer_text
from tests.support.docs import doc_of as _doc_of

FIXTURES = Path(__file__).parent / "fixtures" / "html_page"
ROOT = Path(__file__).resolve().parents[1]
REAL_SOURCES = sorted((ROOT / "content" / "sources").iterdir())


def doc_of(text: str):
    return _doc_of(text, "page.html")


def read_fixture():
    doc, _ = load_document(FIXTURES / "interview_page.html", ROOT, "interview_page")
    assert html_page.matches(doc.text)
    return html_page.read(doc)


def test_questions_with_source_lines_and_sections():
    drafts, _ = read_fixture()
    assert [(d.question, d.section, d.location.line) for d in drafts] == [
        ("What is self-attention?", "Attention", 17),
        ("Why divide by the square root of dk?", "Attention", 27),
        ("Explain teacher forcing", "Training", 33),
        ("What is label smoothing?", "Training", 38),
    ]


def test_answer_becomes_markdown_with_nesting_emphasis_and_safe_links():
    drafts, _ = read_fixture()
    assert answer_text(drafts[0]) == (
        "Every token **attends** to every other token, weighted by *similarity*; see "
        "[the paper](https://arxiv.org/abs/1706.03762) and not this.\n"
        "\n"
        "- Queries, keys and values\n"
        "    - projected from the same input\n"
        "- Scaled by $\\sqrt{d_k}$"
    )


def test_code_block_keeps_its_text_and_language():
    drafts, _ = read_fixture()
    text = answer_text(drafts[1])
    assert text.startswith("Large dot products push softmax")
    assert "```python\nscores = q @ k.T / math.sqrt(d_k)  # a < b stays text\n```" in text


def test_sub_heading_and_table_stay_in_the_answer():
    drafts, _ = read_fixture()
    assert answer_text(drafts[2]).split("\n\n")[1:] == [
        "**Trade-off**",
        "| Pro | Con |\n| --- | --- |\n| fast | exposure bias |",
    ]


def test_page_furniture_and_scripts_are_dropped():
    drafts, _ = read_fixture()
    everything = "\n".join(d.question + "\n" + answer_text(d) for d in drafts)
    for junk in (
        "cookies",
        "Home",
        "About",
        "Share this",
        "Related posts",
        "Subscribe",
        "track(",
        "analytics",
        "font-family",
        "javascript",
        "onclick",
        "Ten questions we ask",
    ):
        assert junk not in everything


def test_unclosed_last_paragraph_is_read_to_the_end():
    drafts, _ = read_fixture()
    assert answer_text(drafts[-1]) == "Soft targets: the true class gets $1 - \\epsilon$."


def test_text_is_escaped_so_it_cannot_become_markup():
    text = (
        "<html><body><h2>What is &lt;script&gt;?</h2>"
        "<p>Write &lt;img src=x onerror=alert(1)&gt; or [x](javascript:alert(1)) or *stars*.</p>"
        "</body></html>"
    )
    drafts, _ = html_page.read(doc_of(text))
    assert drafts[0].question == "What is <script>?"  # plain text; clean escapes titles
    assert answer_text(drafts[0]) == (
        "Write &lt;img src=x onerror=alert(1)> or \\[x\\](javascript:alert(1)) or \\*stars\\*."
    )


def test_questions_page_makes_every_heading_of_the_question_level_a_question():
    text = (
        "<html><head><title>FAQ</title></head><body>"
        "<h2>What is a token?</h2><p>A piece.</p><h2>Tokenizers</h2><p>BPE and more.</p>"
        "<h2>How long is a context?</h2><p>Long.</p></body></html>"
    )
    drafts, _ = html_page.read(doc_of(text))
    assert [d.question for d in drafts] == ["What is a token?", "Tokenizers", "How long is a context?"]


def test_on_other_pages_statement_headings_are_sections():
    text = (
        "<html><head><title>My blog</title></head><body>"
        "<h2>Tokenizers</h2><h3>What is BPE?</h3><p>Merges.</p></body></html>"
    )
    drafts, _ = html_page.read(doc_of(text))
    assert [(d.question, d.section) for d in drafts] == [("What is BPE?", "Tokenizers")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><title>x</title>", True),
        ("<body><h2>What?</h2></body>", True),
        ("<h2>What is A?</h2>\n<p>a</p>\n<h2>What is B?</h2>\n<p>b</p>", True),
        ('<h3 class="wp-block-heading">Section\nQ1. What is A?\nAnswer: a', False),
        ("## What is A?\n\nSome <b>bold</b> text and a <br> break.\n\n| a |\n</p></p></p>", False),
    ],
)
def test_matches_sniffs_markup_not_names(text, expected):
    assert html_page.matches(text) is expected


@pytest.mark.parametrize("path", REAL_SOURCES, ids=lambda p: p.name)
def test_real_sources_are_not_claimed(path):
    assert html_page.matches(path.read_text(encoding="utf-8")) is False


def test_html_fixture_picks_this_reader():
    assert pick_reader((FIXTURES / "interview_page.html").read_text(encoding="utf-8")) is html_page


@pytest.mark.parametrize(
    "text",
    [
        "<html><body><h2>Q?",
        "<html><![if x]><h2>What?</h2>",
        "<html>" + "<div>" * 5000,
        "<html><body><h2>What?</h2><p>" + "<b>" * 3000,
    ],
)
def test_broken_markup_never_raises(text):
    html_page.read(doc_of(text))

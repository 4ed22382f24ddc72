"""html_tree: questions from the headings of a whole page, on fixture documents written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest.clean import make_questions
from generator.ingest.load import load_document
from generator.ingest.readers import html_tree, pick_reader, read_source_document
from generator.ingest.sanitize import escape_inline
from tests.support.docs import answer_text
from tests.support.docs import doc_of as _doc_of
from tests.test_complexity import MAX_RATIO, measure
from tests.test_sanitize import render

FIXTURES = Path(__file__).parent / "fixtures" / "html_page"
ROOT = Path(__file__).resolve().parents[1]
REAL_SOURCES = sorted((ROOT / "content" / "sources").iterdir())


def doc_of(text: str):
    return _doc_of(text, "page.html")


def read_fixture():
    doc, _ = load_document(FIXTURES / "interview_page.html", ROOT, "interview_page")
    assert html_tree.matches(doc.text)
    return html_tree.read(doc)


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
    drafts, _ = html_tree.read(doc_of(text))
    # A title is inline Markdown: `<` is an entity, so it can only ever show as text.
    assert drafts[0].question == "What is &lt;script&gt;?"
    assert "&lt;script&gt;" in render("## " + escape_inline(drafts[0].question))
    assert answer_text(drafts[0]) == (
        "Write &lt;img src=x onerror=alert(1)> or \\[x](javascript:alert(1)) or \\*stars\\*."
    )


def test_questions_page_makes_every_heading_of_the_question_level_a_question():
    text = (
        "<html><head><title>FAQ</title></head><body>"
        "<h2>What is a token?</h2><p>A piece.</p><h2>Tokenizers</h2><p>BPE and more.</p>"
        "<h2>How long is a context?</h2><p>Long.</p></body></html>"
    )
    drafts, _ = html_tree.read(doc_of(text))
    assert [d.question for d in drafts] == ["What is a token?", "Tokenizers", "How long is a context?"]


def test_on_other_pages_statement_headings_are_sections():
    text = (
        "<html><head><title>My blog</title></head><body>"
        "<h2>Tokenizers</h2><h3>What is BPE?</h3><p>Merges.</p></body></html>"
    )
    drafts, _ = html_tree.read(doc_of(text))
    assert [(d.question, d.section) for d in drafts] == [("What is BPE?", "Tokenizers")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><title>x</title>", True),
        ("<body><h2>What?</h2></body>", True),
        ("<h2>What is A?</h2>\n<p>a</p>\n<h2>What is B?</h2>\n<p>b</p>", True),
        ('<h3 class="wp-block-heading">Section\nQ1. What is A?\nAnswer: a', False),
        ("## What is A?\n\nSome <b>bold</b> text and a <br> break.\n\n| a |\n</p></p></p>", False),
        ("<!-- saved from url -->\n\n<!DOCTYPE html>\n<html><h2>What?</h2>", True),
        ("# HTML questions\n\n```html\n<!DOCTYPE html>\n<html><body></body></html>\n```\n", False),
        ('<div align="center"><img src="logo.png"></div>\n\n# Title\n\n```html\n<html>\n```', False),
        ("Q1. What does the <html> tag do?\nAns - It holds the page.\n<body> too.", False),
    ],
)
def test_matches_sniffs_markup_not_names(text, expected):
    assert html_tree.matches(text) is expected


@pytest.mark.parametrize("path", REAL_SOURCES, ids=lambda p: p.name)
def test_real_sources_are_not_claimed(path):
    assert html_tree.matches(path.read_text(encoding="utf-8")) is False


def test_html_fixture_picks_this_reader():
    assert pick_reader((FIXTURES / "interview_page.html").read_text(encoding="utf-8")) is html_tree


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
    html_tree.read(doc_of(text))


def read_html_fixture(name: str, expected: tuple[str, ...] = ()):
    """The questions of one tests/fixtures/html page, routed and cleaned as a build does, with
    the problems `expected` and no other."""
    doc, _ = load_document(ROOT / "tests" / "fixtures" / "html" / name, ROOT, name.removesuffix(".html"))
    reading = read_source_document(doc)
    assert reading.reader == "html"
    questions, problems = make_questions(reading.drafts, doc.source_id)
    assert [str(p) for p in reading.problems + problems] == list(expected)
    return reading, questions


def summary(question) -> tuple:
    words = (question.answer or "").split()
    return (
        question.location.line,
        question.kind,
        question.question,
        " ".join(words[:3]),
        " ".join(words[-2:]),
        question.correct,
    )


def test_pandoc_export_reads_its_h4_questions():
    reading, questions = read_html_fixture("pandoc_export.html")
    assert reading.structure == "questions: level-4 headings"
    assert [summary(q) for q in questions] == [
        (34, "open", "What is regularization?", "Regularization adds a", "Ridge(alpha=1.0) ```", None),
        (41, "open", "How does ridge differ from lasso?", "The closed form", "exactly zero.", None),
        (47, "open", "Why is accuracy misleading on imbalanced data?", "With 99% negatives,", "FN) |", None),
        (68, "open", "What does an ROC curve show?", "1. The true", "every threshold.", None),
    ]
    assert [q.section for q in questions] == ["Linear models", "Linear models", "Evaluation", "Evaluation"]
    assert "$$\n\\hat{w} = (X^\\top X + \\lambda I)^{-1} X^\\top y\n$$" in questions[1].answer


def test_checkbox_quiz_reads_multiple_choice_with_the_checked_option():
    several = "2 options are marked correct; A is the one graded, the answer names all"
    _, questions = read_html_fixture(
        "checkbox_quiz.html", (f"tests/fixtures/html/checkbox_quiz.html:20: warning: {several}",)
    )
    assert [(q.kind, q.question, [c.text for c in q.choices], q.correct, q.label) for q in questions] == [
        (
            "mcq",
            "Which activation function is zero for every negative input?",
            ["sigmoid", "ReLU", "tanh"],
            "B",
            "1",
        ),
        (
            "mcq",
            "What does `dropout` do during training?",
            ["It removes layers.", "It zeroes random activations.", "It lowers the learning rate."],
            "B",
            "2",
        ),
        (
            "mcq",
            "Which of these are ensemble methods?",
            ["Random forest", "k-means", "Gradient boosting"],
            "A",
            "3",
        ),
    ]
    assert questions[1].answer == "[Reference](https://jmlr.org/papers/v15/srivastava14a.html)"
    assert questions[2].answer == "Options marked correct: **A**, **C**."


def test_details_faq_reads_one_question_per_summary():
    reading, questions = read_html_fixture("details_faq.html")
    assert reading.structure.startswith("questions: <details> summaries")
    assert reading.unread == [(7, 7)]  # "Click a question to see its answer."
    assert [summary(q) for q in questions] == [
        (8, "open", "What is a context window?", "The number of", "more memory.", None),
        (13, "open", "Why does temperature change the output?", "It divides the", "T) ```", None),
        (19, "open", "What is *top-p* sampling?", "- Sort tokens", "reaches `p`.", None),
    ]


def test_wordpress_post_reads_h3_questions_without_furniture():
    reading, questions = read_html_fixture("wordpress_post.html")
    assert reading.structure == "questions: level-3 headings numbered 1–3"
    assert [summary(q) for q in questions] == [
        (
            24,
            "open",
            "What is backpropagation?",
            "Backpropagation computes the",
            "two layers](https://example.com/wp-content/uploads/2024/03/backprop.png)",
            None,
        ),
        (
            27,
            "open",
            "Why do we need non-linear activations?",
            "Without them, stacked",
            "linear model.",
            None,
        ),
        (
            32,
            "open",
            "What is the vanishing gradient problem?",
            "Gradients shrink as",
            "careful initialisation",
            None,
        ),
    ]
    assert [(q.section, q.label) for q in questions] == [("Basics", "1"), ("Basics", "2"), ("Training", "3")]
    everything = " ".join(q.answer or "" for q in questions)
    assert not any(junk in everything for junk in ("Share", "Twitter", "Subscribe", "Related", "Great post"))


TWO = [("What is overfitting?", "Fitting noise."), ("What is bias?", "Error from assumptions.")]


@pytest.mark.parametrize(
    "body",
    [
        "<p><b>1. What is overfitting?</b><br>Fitting noise.</p><p><b>2. What is bias?</b><br>"
        "Error from assumptions.</p>",
        "<p><strong>What is overfitting?</strong></p><p>Fitting noise.</p>"
        "<p><strong>What is bias?</strong></p><p>Error from assumptions.</p>",
        "<p><b>Q:</b> What is overfitting?<br><b>A:</b> Fitting noise.</p>"
        "<p><b>Q:</b> What is bias?<br><b>A:</b> Error from assumptions.</p>",
        "<dl><dt>What is overfitting?</dt><dd>Fitting noise.</dd>"
        "<dt>What is bias?</dt><dd><p>Error from assumptions.</p></dd></dl>",
        # Bootstrap's accordion: the question is a button inside a heading ("accordion-header")
        "<div class='accordion'><div class='accordion-item'><h2 class='accordion-header'>"
        "<button class='accordion-button'>What is overfitting?</button></h2><div class='collapse'>"
        "<div class='accordion-body'>Fitting noise.</div></div></div><div class='accordion-item'>"
        "<h2 class='accordion-header'><button class='accordion-button'>What is bias?</button></h2>"
        "<div class='collapse'><div class='accordion-body'>Error from assumptions.</div></div></div></div>",
        # A bare button accordion, its panels hidden until clicked
        "<button class='accordion'>What is overfitting?</button><div class='panel' hidden>"
        "<p>Fitting noise.</p></div><button class='accordion'>What is bias?</button>"
        "<div class='panel' hidden>"
        "<p>Error from assumptions.</p></div>",
        "<ol><li><b>What is overfitting?</b><p>Fitting noise.</p></li><li><b>What is bias?</b>"
        "<p>Error from assumptions.</p></li></ol>",
    ],
    ids=["bold-br", "bold-p", "q-a-labels", "dl", "bootstrap-accordion", "button-accordion", "ol-items"],
)
def test_common_faq_shapes_read_their_questions_and_answers(body):
    reading = read_source_document(doc_of(f"<html><body>{body}</body></html>"))
    assert [(d.question, answer_text(d)) for d in reading.drafts] == TWO


def test_buttons_that_do_not_ask_say_nothing():
    text = (
        "<html><body><h2>What is a loop?</h2><div class='code'><button class='copy'>Copy</button>"
        "<pre><code>for x in y: pass</code></pre></div><button>Load more</button></body></html>"
    )
    [draft] = read_source_document(doc_of(text)).drafts
    assert answer_text(draft) == "```\nfor x in y: pass\n```"


def test_plain_paragraphs_that_ask_are_the_questions_only_where_nothing_else_asks():
    """A schema.org FAQ (microdata in spans): each question a plain paragraph over its answer."""
    faq = (
        '<html><body><div itemscope itemtype="https://schema.org/FAQPage">'
        '<div itemprop="mainEntity"><span itemprop="name">What is an embedding?</span>'
        '<div itemprop="acceptedAnswer"><span itemprop="text">A dense vector.</span></div></div>'
        '<div itemprop="mainEntity"><span itemprop="name">What is cosine similarity?</span>'
        '<div itemprop="acceptedAnswer"><span itemprop="text">The cosine of an angle.</span></div></div>'
        "</div></body></html>"
    )
    reading = read_source_document(doc_of(faq))
    assert [(d.question, answer_text(d)) for d in reading.drafts] == [
        ("What is an embedding?", "A dense vector."),
        ("What is cosine similarity?", "The cosine of an angle."),
    ]
    assert reading.structure.startswith("questions: paragraphs that ask")
    # Where headings ask, a paragraph that asks inside an answer stays in it.
    page = (
        "<html><body><h2>What is RAG?</h2><p>Why retrieve at all?</p><p>Models forget.</p>"
        "<h2>What is a reranker?</h2><p>A second scorer.</p></body></html>"
    )
    reading = read_source_document(doc_of(page))
    assert [(d.question, answer_text(d)) for d in reading.drafts] == [
        ("What is RAG?", "Why retrieve at all?\n\nModels forget."),
        ("What is a reranker?", "A second scorer."),
    ]
    # Nothing that asks at all: still an error, not a guess.
    reading = read_source_document(doc_of("<html><body><p>Just notes.</p><p>More notes.</p></body></html>"))
    assert reading.drafts == [] and [p.severity for p in reading.problems] == ["error"]


LETTERED = """<html><head><title>LLM quiz</title></head><body><h1>LLM quiz</h1><ol>
<li><p>What does RLHF optimise against?</p>
<ol type="a"><li>A reward model</li><li>The pretraining loss only</li><li>A retrieval index</li></ol>
<p>Answer: a</p></li>
<li><p>Which metric compares n-gram overlap with references?</p>
<ol style="list-style-type: upper-alpha"><li>Perplexity</li><li>BLEU</li><li>Accuracy</li></ol>
<p>Answer: B</p></li>
<li><p>Name two ways to cut hallucinations.</p>
<ol type="a" start="2"><li>Retrieval</li><li>Citations</li></ol></li>
</ol></body></html>"""


def test_an_ol_of_type_a_holds_lettered_options(tmp_path):
    path = tmp_path / "quiz.html"
    path.write_text(LETTERED, encoding="utf-8")
    doc, _ = load_document(path, tmp_path, "quiz")
    questions, _ = make_questions(read_source_document(doc).drafts, "quiz")
    assert [(q.kind, [c.text for c in q.choices], q.correct) for q in questions[:2]] == [
        ("mcq", ["A reward model", "The pretraining loss only", "A retrieval index"], "A"),
        ("mcq", ["Perplexity", "BLEU", "Accuracy"], "B"),
    ]
    # A lettered list that names no answer stays the answer, lettered as the page shows it.
    assert questions[2].answer == "- b) Retrieval\n- c) Citations"


RADIO_QUIZ = """<html><head><title>LLM quiz</title></head><body><h1>LLM quiz</h1><form>
<div><p><strong>1.</strong> Which activation does GPT-2 use?</p>
<label><input type="radio" name="q1" value="a"> ReLU</label><br>
<label><input type="radio" name="q1" value="b"> GELU</label><br>
<label><input type="radio" name="q1" value="c"> Tanh</label></div>
<div><p><strong>2.</strong> What does the softmax in attention normalise over?</p>
<div class="form-check"><input type="radio" name="q2" id="a"><label for="a">The keys</label></div>
<div class="form-check"><input type="radio" name="q2" id="b"><label for="b">The batch</label></div></div>
<div><p><strong>3.</strong> Which models mask future tokens?</p>
<input type="checkbox" name="q3" checked> GPT<br><input type="checkbox" name="q3"> BERT<br>
<input type="checkbox" name="q3" checked> LLaMA<br></div>
<p>Your e-mail: <input type="email" name="e"> <input type="submit" value="Submit"></p>
</form><h2>Answers</h2><p>1 - b, 2 - a</p></body></html>"""


def test_a_form_of_radio_buttons_and_checkboxes_holds_options(tmp_path):
    path = tmp_path / "quiz.html"
    path.write_text(RADIO_QUIZ, encoding="utf-8")
    doc, _ = load_document(path, tmp_path, "quiz")
    questions, _ = make_questions(read_source_document(doc).drafts, "quiz")
    assert [(q.kind, [c.text for c in q.choices], q.correct) for q in questions] == [
        ("mcq", ["ReLU", "GELU", "Tanh"], "B"),  # the key after the form grades it
        ("mcq", ["The keys", "The batch"], "A"),
        ("mcq", ["GPT", "BERT", "LLaMA"], "A"),  # ticked boxes of a review page
    ]
    assert "Options marked correct: **A**, **C**." in (questions[2].answer or "")
    # A text field is no choice, and the key, once applied, is not left in the last answer.
    assert questions[2].answer.endswith("Your e-mail:") and "1 - b" not in questions[2].answer


def test_a_dropdown_of_many_options_costs_linear_time_and_hides_nothing():
    def page(n: int) -> str:
        select = "<select>" + "<option>x" * n + "</select>"
        questions = "<h2>What is a tensor?</h2><p>An array.</p>{}<h2>What is a slope?</h2><p>A rate.</p>"
        return "<html><body>" + questions.format(select)

    reading = read_source_document(doc_of(page(50)))
    assert [d.question for d in reading.drafts] == ["What is a tensor?", "What is a slope?"]
    small, large = measure(lambda text: read_source_document(doc_of(text)), page(2_000), page(20_000))
    assert large < MAX_RATIO * small  # lexbor built 20,000 options in 2.4 s, 10,000 in 0.44 s


def test_formatting_left_open_before_the_questions_hides_none_of_them():
    questions = "".join(f"<h2>What is q{i}?</h2><p>a{i}</p>" for i in range(3))
    for left_open in ("<b>x", "<em>x", "<strong><i>x", "<code>x"):
        page = f"<html><body><h2>What is a tensor?</h2><p>An array.</p>{left_open}{questions}</body></html>"
        reading = read_source_document(doc_of(page))
        assert [d.question for d in reading.drafts] == [
            "What is a tensor?",
            *(f"What is q{i}?" for i in range(3)),
        ]


def test_a_page_s_furniture_headings_take_their_teasers_with_them():
    page = (
        "<html><body><h1>LLM questions</h1><h3>1. What is RLHF?</h3><p>Preference tuning.</p>"
        "<h3>2. What is DPO?</h3><p>No reward model.</p><h2>Written by Jane Doe</h2>"
        "<h2>More from Jane Doe and Towards Data Science</h2><h3>Why Your RAG Pipeline Is Failing</h3>"
        "<p>Jane Doe · 6 min read</p><h2>Recommended from Medium</h2><h3>What is a Vector Database?</h3>"
        "<p>Someone · 4 min read</p></body></html>"
    )
    reading = read_source_document(doc_of(page))
    assert [(d.question, answer_text(d)) for d in reading.drafts] == [
        ("What is RLHF?", "Preference tuning."),
        ("What is DPO?", "No reward model."),
    ]

"""read_html: HTML documents to the block tree (selectolax), with source lines, safe Markdown."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ingest.mathfix import fix_math
from generator.ingest.read_html import read_html
from generator.ingest.sanitize import sanitize_markdown
from generator.ingest.tree import Block, Tree
from tests.test_complexity import MAX_RATIO, measure
from tests.test_sanitize import dangerous, render

FIXTURES = Path(__file__).parent / "fixtures"


def tree_of(text: str) -> Tree:
    tree, problems = read_html(text, "page.html")
    assert problems == []
    return tree


def fixture(name: str) -> Tree:
    return tree_of((FIXTURES / "html" / name).read_text(encoding="utf-8"))


def kinds(tree: Tree, kind: str) -> list[Block]:
    return [b for b in tree.walk() if b.kind == kind]


def headings(tree: Tree) -> list[tuple[int, str, int]]:
    return [(b.level, b.text, b.line) for b in kinds(tree, "heading")]


def test_pandoc_export_h4_headings_at_their_lines_toc_and_title_block_dropped():
    tree = fixture("pandoc_export.html")
    assert tree.title == "Machine learning interview notes"
    assert headings(tree) == [
        (2, "Linear models", 33),
        (4, "What is regularization?", 34),
        (4, "How does ridge differ from lasso?", 41),
        (2, "Evaluation", 46),
        (4, "Why is accuracy misleading on imbalanced data?", 47),
        (4, "What does an ROC curve show?", 68),
    ]
    title_or_toc = [b for b in tree.walk() if "toc-" in b.markdown or b.text == tree.title]
    assert title_or_toc == []


def test_pandoc_math_code_and_table_become_markdown():
    tree = fixture("pandoc_export.html")
    first = tree.blocks[2]
    assert first.kind == "paragraph" and (first.line, first.end) == (35, 38)
    assert first.markdown == (
        "Regularization adds a penalty on the weights to the loss, for example "
        "$\\lambda \\|w\\|_2^2$, so that the model prefers *simple* explanations."
    )
    [code] = kinds(tree, "code")
    assert code.markdown == "```python\nfrom sklearn.linear_model import Ridge\nmodel = Ridge(alpha=1.0)\n```"
    [math] = kinds(tree, "math")
    assert (math.text, math.line) == ("\\hat{w} = (X^\\top X + \\lambda I)^{-1} X^\\top y", 43)
    [table] = kinds(tree, "table")
    assert table.markdown == (
        "| Metric | Uses |\n| --- | --- |\n| Precision | TP / (TP + FP) |\n| Recall | TP / (TP + FN) |"
    )
    [steps] = kinds(tree, "list")
    assert steps.ordered and [i.number for i in steps.children] == [1, 2]


def test_checkbox_quiz_items_are_checked_or_not():
    tree = fixture("checkbox_quiz.html")
    assert [(level, text) for level, text, _ in headings(tree)][1:3] == [
        (4, "Q1. Which activation function is zero for every negative input?"),
        (4, "Q2. What does `dropout` do during training?"),
    ]
    options = [[(i.text, i.checked) for i in lst.children] for lst in kinds(tree, "list")]
    assert options == [
        [("sigmoid", False), ("ReLU", True), ("tanh", False)],
        [
            ("It removes layers.", False),
            ("It zeroes random activations.", True),
            ("It lowers the learning rate.", False),
        ],
        [("Random forest", True), ("k-means", False), ("Gradient boosting", True)],  # inside <label>
    ]
    assert kinds(tree, "list")[0].markdown == "- [ ] sigmoid\n- [x] ReLU\n- [ ] tanh"
    assert [i.line for i in kinds(tree, "item")[:3]] == [9, 10, 11]


def test_radio_buttons_mark_an_item_too():
    tree = tree_of(
        "<ol><li><label><input type=radio name=q1> Paris</label></li>"
        "<li><label><input type=radio name=q1 checked> Rome</label></li><li>No button</li></ol>"
    )
    assert [(i.text, i.checked) for i in tree.blocks[0].children] == [
        ("Paris", False),
        ("Rome", True),
        ("No button", None),
    ]


def test_details_become_details_with_summary_first():
    tree = fixture("details_faq.html")
    details = kinds(tree, "details")
    assert [(d.line, d.children[0].kind, d.children[0].text) for d in details] == [
        (8, "summary", "What is a context window?"),
        (13, "summary", "Why does temperature change the output?"),  # <strong> around all of it dropped
        (19, "summary", "What is *top-p* sampling?"),
    ]
    assert [b.kind for b in details[0].children] == ["summary", "paragraph", "paragraph"]
    assert [b.kind for b in details[1].children] == ["summary", "paragraph", "code"]
    assert details[2].children[1].markdown == (
        "- Sort tokens by probability.\n- Keep the smallest set whose mass reaches `p`."
    )


def test_wordpress_furniture_share_related_comments_sidebar_are_dropped():
    tree = fixture("wordpress_post.html")
    assert headings(tree) == [
        (2, "Basics", 23),
        (3, "1. What is backpropagation?", 24),
        (3, "2. Why do we need non-linear activations?", 27),
        (2, "Training", 31),
        (3, "3. What is the vanishing gradient problem?", 32),
    ]
    everything = "\n".join(b.markdown for b in tree.blocks)
    for junk in (
        "Home",
        "Posted on",
        "Share this",
        "Twitter",
        "Subscribe",
        "Related",
        "Great post",
        "Recent Posts",
        "WordPress",
        "Skip to content",
        "_wpemojiSettings",
    ):
        assert junk not in everything
    [figure] = kinds(tree, "image")
    assert (figure.text, figure.url, figure.line) == (
        "Backpropagation through two layers",
        "https://example.com/wp-content/uploads/2024/03/backprop.png",
        26,
    )
    broken = next(b for b in tree.blocks if b.line == 28)
    assert broken.text == (
        "Without them, stacked layers collapse into one linear map.\n"
        "A network of any depth would then be a linear model."
    )
    assert broken.markdown.split("\n")[0].endswith("<br>")


def test_lines_skip_tags_in_comments_scripts_and_attribute_values():
    text = (
        "<html><body>\n"
        "<!-- <h2>commented</h2>\n<h2>still</h2> -->\n"
        "<script>document.write('<h2>x</h2>')\n</script>\n"
        '<p title="<h2>no</h2>\n">Text</p>\n'
        "<p>Open paragraph\n"
        "<h2 class='a'\n    id=\"b\">Real one?</h2>\n"
        "</p></p>\n"
        "<p>After a stray end tag</p>\n"
        "<h3>Last</h3>\n"
    )
    tree = tree_of(text)
    assert headings(tree) == [(2, "Real one?", 9), (3, "Last", 13)]
    assert [(b.text, b.line) for b in kinds(tree, "paragraph")] == [
        ("Text", 6),
        ("Open paragraph", 8),
        ("After a stray end tag", 12),
    ]


def test_text_runs_in_containers_get_their_own_lines():
    text = "<div>\n\n  Intro text\n<ul><li>a</li>\n</ul>\n\nAfter the list<br><br>\n\nNew paragraph</div>"
    tree = tree_of(text)
    assert [(b.kind, b.line) for b in tree.blocks] == [
        ("paragraph", 3),
        ("list", 4),
        ("paragraph", 7),
        ("paragraph", 9),
    ]


def test_text_is_escaped_and_only_safe_external_links_stay_links():
    tree = tree_of(
        "<p>Write &lt;img src=x onerror=alert(1)&gt; or [x](javascript:alert(1)) or *stars* or \\*. "
        '<a href="javascript:alert(1)">js</a> <a href="/local">local</a> <a href="https://a.org/x(1)">ok</a></p>'
    )
    assert tree.blocks[0].markdown == (
        "Write &lt;img src=x onerror=alert(1)> or \\[x](javascript:alert(1)) or \\*stars\\* or \\\\\\*. "
        "js local [ok](https://a.org/x%281%29)"
    )


def test_line_starts_cannot_open_blocks():
    tree = tree_of("<p># not a heading<br>1. not a list<br>- nor this<br>===<br>!!! note<br>&gt; quote</p>")
    assert tree.blocks[0].markdown.split("<br>\n") == [
        "\\# not a heading",
        "1\\. not a list",
        "\\- nor this",
        "&#61;==",
        "&#33;!! note",
        "\\> quote",
    ]


def test_inline_formatting_and_math_markups():
    tree = tree_of(
        "<p><b>bold</b> <i>it</i> <code>a*b</code> <kbd>`x`</kbd> \\(x\\) $y$ "
        '<span class="math inline">\\(a^2\\)</span> <script type="math/tex">b_1</script> '
        '<span class="katex"><span class="katex-mathml"><math><semantics>'
        '<annotation encoding="application/x-tex">c+d</annotation></semantics></math></span>'
        '<span class="katex-html">c+d</span></span> '
        '<img src="https://render.githubusercontent.com/render/math?math=x%5E2%2By" alt="x"></p>'
    )
    assert tree.blocks[0].markdown == "**bold** *it* `a*b` `` `x` `` \\(x\\) $y$ $a^2$ $b_1$ $c+d$ $x^2+y$"


@pytest.mark.parametrize(
    "html",
    [
        '<body><script type="math/tex; mode=display">\\sum_i x_i</script>',
        "<p>$$\\sum_i x_i$$</p>",
        "<p>\\[\\sum_i x_i\\]</p>",
        '<span class="math display">\\[\\sum_i x_i\\]</span>',
        '<p><img src="https://render.githubusercontent.com/render/math?math=%5Csum_i%20x_i"></p>',
        '<span class="katex-display"><span class="katex"><math><annotation encoding="application/x-tex">'
        "\\sum_i x_i</annotation></math></span></span>",
    ],
)
def test_display_formulas_become_math_blocks(html):
    [block] = tree_of(html).blocks
    assert (block.kind, block.text, block.markdown) == ("math", "\\sum_i x_i", "$$\n\\sum_i x_i\n$$")


def test_ordered_lists_keep_start_value_and_nesting():
    tree = tree_of('<ol start="4"><li>four<ol><li>inner</li></ol></li><li value="9">nine</li><li>ten</ol>')
    [outer] = tree.blocks
    assert (outer.ordered, outer.start) == (True, 4)
    assert [(i.number, i.text) for i in outer.children] == [(4, "four"), (9, "nine"), (10, "ten")]
    assert outer.markdown == "4. four\n    1. inner\n9. nine\n10. ten"


def test_table_that_cannot_be_gfm_is_reduced_html():
    tree = tree_of(
        '<table onclick="x()"><tr><td colspan="2">wide <a href="/rel">rel</a> <a href="https://x.org">ext</a></td></tr>'
        "<tr><td><script>alert(1)</script><ul><li>a</li></ul></td><td>b</td></tr></table>"
    )
    [table] = tree.blocks
    assert table.kind == "table"
    assert table.markdown == (
        '<table><tbody><tr><td colspan="2">wide <a rel="noopener noreferrer">rel</a> '
        '<a href="https://x.org" rel="noopener noreferrer">ext</a></td></tr>'
        "<tr><td><ul><li>a</li></ul></td><td>b</td></tr></tbody></table>"
    )


def test_hostile_page_renders_nothing_that_runs():
    tree = tree_of((FIXTURES / "hostile" / "injected_page.html").read_text(encoding="utf-8"))
    assert [b.text for b in kinds(tree, "heading")] == [
        "What does a script tag do?",
        "What does an event handler do?",
    ]
    for block in tree.walk():
        # As read, only the relative image `x` renders as a tag; the pipeline's sanitiser links it.
        assert set(dangerous(render(block.markdown))) <= {"<img>"}, (block.kind, block.markdown)
        assert dangerous(render(sanitize_markdown(block.markdown))) == [], (block.kind, block.markdown)
    answer = "\n".join(b.markdown for b in tree.blocks)
    assert "Plain answer." in answer and "a link" in answer and "Hover anywhere &lt;script>" in answer


@pytest.mark.parametrize(
    "text",
    [
        "<html><body><h2>Q?",
        "<html><![if x]><h2>What?</h2>",
        "<div>" * 5000,
        "<html><body><h2>What?</h2><p>" + "<b>" * 3000,
        "<table><tr><td>" * 3000,
        "<p title='" + "x" * 200_000 + "'>after</p>",
        "<svg><circle/><foreignObject><p>x</p></foreignObject></svg><math><mi>x</mi></math>",
        "\ud800 lone surrogate <p>x</p>",
        "",
        "<plaintext><h2>not a heading",
    ],
)
def test_broken_markup_never_raises(text):
    tree, _ = read_html(text, "page.html")
    assert isinstance(tree, Tree)


def test_deep_nesting_is_capped_reported_and_fast():
    text = "<h2>Deep?</h2>" + "<div>" * 100_000 + "<p>bottom</p>" + "</div>" * 100_000
    started = time.process_time()
    tree, problems = read_html(text, "page.html")
    assert time.process_time() - started < 5
    assert [str(p) for p in problems] == [
        "page.html:1: warning: HTML nested deeper than 128 elements: deeper tags ignored"
    ]
    assert [b.text for b in tree.walk() if b.kind in ("heading", "paragraph")] == ["Deep?", "bottom"]


@pytest.mark.parametrize(
    "unit",
    ["<div>", "<ul><li>", "<a><b>", "<b><i><u><s><em>", "<p>x<b>", "<table><tr><td>", "</p>", "<!--", "<a "],
)
def test_reading_is_linear_on_repeated_markup(unit):
    """10x the markup costs under 20x the time (quadratic would be 100x)."""
    small_cost, large_cost = measure(lambda text: read_html(text, "page.html"), unit * 1_000, unit * 10_000)
    assert large_cost < MAX_RATIO * small_cost


# Pieces of real pages and of attacks: random concatenations reach far more parser and
# walker branches (misnesting, foster parenting, raw text, math markups) than random characters.
HTML_FRAGMENTS = [
    "<!DOCTYPE html>",
    "<html>",
    "<body>",
    "<title>FAQ</title>",
    "<main>",
    "</main>",
    "<div class='share'>",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<br>",
    "<h2>",
    "</h2>",
    "<h4 id=x>",
    "</h4>",
    "<ul>",
    "<ol start=3>",
    "<li>",
    "</li>",
    "</ul>",
    "<input type=checkbox checked>",
    "<details>",
    "<summary>",
    "</summary>",
    "</details>",
    "<pre><code class='language-py'>",
    "</code></pre>",
    "<table><tr><td>",
    "<th colspan=2>",
    "</table>",
    "<blockquote>",
    "<b>",
    "</b>",
    "<i>",
    "<a href='javascript:alert(1)'>",
    "<a href='https://x.org'>",
    "</a>",
    "<img src=x onerror=alert(1)>",
    "<img src='https://r.com/render/math?math=x%5E2'>",
    "<svg onload=x>",
    "<script>alert(1)</script>",
    "<script type='math/tex'>x</script>",
    "<span class='math display'>\\[y\\]",
    "<!--",
    "-->",
    "<style>",
    "<template>",
    "<plaintext>",
    "<textarea>",
    "&lt;script&gt;",
    "&amp;",
    "$$",
    "$",
    "\\(",
    "\\)",
    "What is X?",
    "Answer: yes",
    "a) one",
    "1. ",
    "# ",
    "- ",
    "*",
    "_",
    "`",
    "[x](y)",
    "\n",
    " ",
    "<hr>",
    "<nav>",
    "</nav>",
    "<dl><dt>",
    "<dd>",
    "<form>",
    "<math><annotation encoding='application/x-tex'>",
]


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(HTML_FRAGMENTS), max_size=60))
def test_any_markup_reads_to_safe_blocks_within_the_document(parts):
    text = "".join(parts)
    tree, _ = read_html(text, "page.html")
    last = text.count("\n") + 1
    for block in tree.walk():
        assert 1 <= block.line < block.end <= last + 1, (block.kind, block.line, block.end, text)
        assert dangerous(render(sanitize_markdown(block.markdown))) == [], (block.kind, block.markdown)


@pytest.mark.parametrize("tag", ["iframe", "textarea", "style", "xmp"])
def test_a_raw_text_element_left_open_is_reported_with_the_lines_it_hides(tag):
    page = f"<h3>What is one?</h3>\n<p>First <{tag}>\n</p><h3>What is two?</h3>\n<p>Second.</p>\n"
    tree, problems = read_html(page, "page.html")
    assert headings(tree) == [(3, "What is one?", 1)]  # what a browser shows, no more
    assert [(p.location.line, p.message) for p in problems] == [
        (2, f"<{tag}> is never closed: lines 2–4 are its text to a browser, not read")
    ]


def test_a_closed_raw_text_element_is_not_reported():
    tree, problems = read_html("<h3>What is one?</h3><iframe src=x></iframe><p>First.</p>", "page.html")
    assert problems == [] and headings(tree) == [(3, "What is one?", 1)]


def test_blocks_a_parser_puts_inside_a_heading_follow_it():
    # `<object>` bounds the scope `</h3>` looks in, so the parser keeps the heading open
    # and nests the rest of the page in it: a browser still shows each part, so do we.
    page = "<h3>What is one? <object data=x></h3><p>First.</p><h3>What is two?</h3><p>Second.</p>"
    tree = tree_of(page)
    assert [h[1] for h in headings(tree)] == ["What is one?", "What is two?"]
    assert [b.text for b in kinds(tree, "paragraph")] == ["First.", "Second."]


def test_brackets_in_text_stay_brackets_not_display_math():
    # A review's regex page: "[^abc]" became `\[^abc\]`, which math repair read as display math.
    markdown = tree_of("<p>The class [^abc] matches; [x_1] and [CLS] too.</p>").blocks[0].markdown
    assert markdown == "The class \\[^abc] matches; \\[x_1] and \\[CLS] too."
    assert "$$" not in fix_math(markdown).text

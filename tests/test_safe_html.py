"""One answer representation: the HTML questions.json, the flashcards and the Anki/CSV exports
carry is one conversion (generator.render.safe_html), safe whatever the Markdown held, with formulas
kept for MathJax; and code and math mean the same to every stage (generator.ingest.syntax)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.ingest import syntax
from generator.ingest.mathfix import fix_math
from generator.ingest.sanitize import sanitize_markdown
from generator.publish import corpus_json, export
from generator.render import safe_html
from generator.render.layout import plan
from tests.test_render import sample_corpus

ARITHMATEX_SPAN = re.compile(r'<span class="arithmatex">(.*?)</span>', re.S)
ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=//evil.example></iframe>",
    '<svg onload="alert(1)">',
    "<style>body{display:none}</style>",
    '<p onclick="alert(1)">para</p>',
    "![x](http://evil.example/x.png)",
]


def test_answer_html_is_the_conversion_the_exports_use():
    corpus = sample_corpus()
    records = {r["id"]: r for r in corpus_json.build(corpus, plan(corpus))["questions"]}
    cards = export.cards(corpus)
    backs = "\n".join(c.answer for c in cards)  # a merged entry's note holds every member's answer
    compared = 0
    for q in corpus.questions:
        if q.kind == "open" and q.answer and q.id not in corpus.hidden:
            assert ARITHMATEX_SPAN.sub(r"\1", records[q.id]["answer_html"]) in backs
            compared += 1
    for card in cards:
        assert ARITHMATEX_SPAN.sub(r"\1", records[card.qid]["question_html"]) in card.question
    assert compared >= 3


def test_formulas_are_kept_for_mathjax():
    html = safe_html.convert("Scale by $\\frac{1}{\\sqrt{d_k}}$:\n\n$$a_{ij} = q_i^T k_j$$").for_site()
    assert '<span class="arithmatex">\\(\\frac{1}{\\sqrt{d_k}}\\)</span>' in html
    assert '<span class="arithmatex">\\[a_{ij} = q_i^T k_j\\]</span>' in html
    assert (
        safe_html.convert("a $x<y$ b").for_site() == '<p>a <span class="arithmatex">\\(x&lt;y\\)</span> b</p>'
    )


def test_code_is_never_math():
    html = safe_html.convert("Run `echo $HOME $PATH`:\n\n```bash\nx=$1; y=$2\n```").for_site()
    assert "arithmatex" not in html
    assert "<code>echo $HOME $PATH</code>" in html and "x=$1; y=$2" in html


def test_an_escaped_dollar_is_a_dollar_as_on_the_site():
    assert safe_html.convert(fix_math("costs $5 and $10").text).for_site() == "<p>costs $5 and $10</p>"


def test_titles_lose_the_paragraph_only():
    assert safe_html.inline(safe_html.convert("What is *LoRA*?").for_site()) == "What is <em>LoRA</em>?"
    two = safe_html.convert("one\n\ntwo").for_site()
    assert safe_html.inline(two) == two


@pytest.mark.parametrize("attack", ATTACKS)
def test_no_attack_survives(attack):
    """Answers reach the conversion sanitised (and images only as generator.ingest.images wrote
    them); even raw text gives no script, handler or javascript: URL, and no image other
    than an http(s) or copied one."""
    for text in (attack, sanitize_markdown(attack)):
        html = safe_html.convert(text).for_site()
        assert not re.search(r"<(script|iframe|svg|style)|\son\w+=", html, re.I), html
        assert not re.search(r"=\s*\"?\s*javascript:", html, re.I), html
        sources = re.findall(r'<img[^>]*\ssrc="([^"]*)"', html)
        assert all(s.startswith(("https://", "http://", "assets/sources/")) for s in sources), html
    assert "<img" not in safe_html.convert(sanitize_markdown(attack)).for_site()


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.sampled_from([*ATTACKS, "$x$", "`code`", "**b**", "\n\n", "- item\n", " text ", "\\"]), max_size=8
    )
)
@example(["\\", "$x$", '<img src=x onerror="alert(1)">', "$x$"])  # TeX holding a tag: text
def test_any_mix_converts_to_allowlisted_html(pieces):
    html = safe_html.convert("".join(pieces)).for_site()
    # Parsed, not pattern-matched: `onerror=` inside escaped text (a formula's TeX) is text.
    elements = _elements(html)
    assert {tag for tag, _ in elements} <= set(safe_html.HTML_TAGS) | {"span"}
    for tag, attrs in elements:
        assert not [name for name, _ in attrs if name.startswith("on")], (tag, attrs)
        assert not [v for _, v in attrs if v and v.strip().lower().startswith("javascript:")], (tag, attrs)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def _elements(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def test_the_element_check_sees_handlers_and_not_text():
    assert _elements('<p onclick="x">a</p>') == [("p", [("onclick", "x")])]
    assert _elements("<p>a onerror=&quot;x&quot; b</p>") == [("p", [])]


@pytest.mark.parametrize(
    "text",
    [
        "plain words, then `code $x$ <b>` and $y_i$ after",
        "```\n$not math$ <b>bold?</b>\n```\nthen $m$",
        "a `span\nacross lines $z$` then \\(w\\)",
    ],
)
def test_every_stage_agrees_on_code_and_math(text):
    """What syntax calls code is left alone by math repair, keeps its tags as text through the
    sanitiser, and shows as written in the HTML; what it calls math is a formula there."""
    pieces = syntax.split(text)
    code = [run for run, kind in pieces if kind in ("code", "fence")]
    math = [run for run, kind in pieces if kind == "math"]
    assert code and math
    fixed = fix_math(text).text
    sanitized = sanitize_markdown(text)
    html = safe_html.convert(text).for_site()
    for run in code:
        assert run in fixed and run in sanitized
        body = run.strip("`").strip("\n").removeprefix("\n")
        assert "arithmatex" not in body
    assert html.count('class="arithmatex"') == len(math)

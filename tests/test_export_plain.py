"""safe_html's shortcut for plain fields gives exactly what Python-Markdown + nh3 give.

Plain paragraphs skip Markdown (most card fields are such text); if the shortcut's
character rules ever let markup through, these tests find a field where the two differ.
"""

from __future__ import annotations

import nh3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.render import safe_html

PLAIN_ALPHABET = "abcXYZ019 ,.?'\"()/;:%-\ue010\ue011"
# Characters next to the plain ones that Markdown or nh3 do read (some only at a line start).
MARKUP_ALPHABET = PLAIN_ALPHABET + "*_`\\[]!<>&#|~\t\n=+"


def slow_html(text: str) -> str:
    """convert's general path, without the shortcut."""
    rendered = safe_html._MARKDOWN.reset().convert(text)
    return nh3.clean(
        rendered,
        tags=set(safe_html.HTML_TAGS),
        attributes={k: set(v) for k, v in safe_html.HTML_ATTRIBUTES.items()},
        url_schemes=set(safe_html.SAFE_SCHEMES),
    )


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.text(PLAIN_ALPHABET, min_size=1, max_size=40), min_size=1, max_size=3))
def test_plain_paragraphs_match_markdown(paragraphs):
    text = "\n\n".join(paragraphs)
    fast = safe_html._plain_html(text)
    if fast is not None:
        assert fast == slow_html(text)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(MARKUP_ALPHABET, min_size=1, max_size=60))
def test_shortcut_never_differs_on_text_with_markup(text):
    fast = safe_html._plain_html(text)
    if fast is not None:
        assert fast == slow_html(text)


# Lines as cards hold them: plain text, led by a bold run or not, alone or as "- " items;
# some pieces carry markup characters, which must send the text to Markdown.
# Mostly words as fields hold them (a letter first, no space last), so that many texts
# take the shortcut; the rest anything plain or with markup.
WORDS = st.tuples(
    st.sampled_from(["a", "b", "X", "Z", "\ue010", "&#36;"]),
    st.lists(st.sampled_from([*PLAIN_ALPHABET, "&#36;", "&#36", "\ue012"]), max_size=10).map("".join),
    st.sampled_from(["a", "Z", "0", "9", ".", "?", ")", "&#36;"]),
).map("".join)
PIECE = st.one_of(
    WORDS, WORDS, WORDS, st.text(PLAIN_ALPHABET, min_size=1, max_size=8), st.text(MARKUP_ALPHABET, max_size=6)
)
# "words more", "**words** more", "**words**"
BODY = st.tuples(st.sampled_from(["{} {}", "**{}** {}", "**{}**"]), PIECE, PIECE).map(
    lambda p: p[0].format(p[1], p[2])
)
PREFIX = st.sampled_from(["", "- ", "-  ", "* ", "1. ", " ", "-"])
BLOCK = st.one_of(
    BODY,  # a paragraph
    st.lists(BODY, min_size=1, max_size=3).map(lambda items: "\n".join(f"- {item}" for item in items)),
    st.lists(st.tuples(PREFIX, BODY).map("".join), min_size=1, max_size=3).map("\n".join),
)


@settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(BLOCK, min_size=1, max_size=4), st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n"]))
def test_bold_leads_and_lists_match_markdown(blocks, gap):
    text = gap.join(blocks)
    fast = safe_html._plain_html(text)
    if fast is not None:
        assert fast == slow_html(text), text


def test_card_shapes_take_the_shortcut():
    for text, html in (
        (
            "- **A.** Paris\n- **B.** Rome",
            "<ul>\n<li><strong>A.</strong> Paris</li>\n<li><strong>B.</strong> Rome</li>\n</ul>",
        ),
        (
            "**Correct answer: C.** Rome\n\nExplanation: old.",
            "<p><strong>Correct answer: C.</strong> Rome</p>\n<p>Explanation: old.</p>",
        ),
        (
            "Two steps.\n\n- first\n- then this\n\nDone.",
            "<p>Two steps.</p>\n<ul>\n<li>first</li>\n<li>then this</li>\n</ul>\n<p>Done.</p>",
        ),
        ("Costs &#36;5 a month.", "<p>Costs $5 a month.</p>"),
        ("The score:\n\n\ue0100\ue011", "<p>The score:</p>\n<p>\ue0100\ue011</p>"),
    ):
        assert safe_html._plain_html(text) == html == slow_html(text)


def test_markup_takes_the_markdown_path():
    for text in (
        "A **bold** word",
        "First\n- item",
        "1. step",
        "Use `code`",
        "a & b",
        "Line  \nbreak",
        "Trailing space ",
        "# Heading",
        "x < y",
        "Two\nlines",
        "- a\n\n- b",
        "- a\nlazy",
        "**bold**tail",
        "* star item",
    ):
        assert safe_html._plain_html(text) is None, text


def test_plain_fields_keep_their_math():
    text = "Attention scales by $\\sqrt{d_k}$ here.\n\nSecond paragraph."
    assert safe_html.markdown_to_html(text) == (
        "<p>Attention scales by \\(\\sqrt{d_k}\\) here.</p>\n<p>Second paragraph.</p>"
    )

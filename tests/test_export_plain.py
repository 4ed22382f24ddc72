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
    ):
        assert safe_html._plain_html(text) is None, text


def test_plain_fields_keep_their_math():
    text = "Attention scales by $\\sqrt{d_k}$ here.\n\nSecond paragraph."
    assert safe_html.markdown_to_html(text) == (
        "<p>Attention scales by \\(\\sqrt{d_k}\\) here.</p>\n<p>Second paragraph.</p>"
    )

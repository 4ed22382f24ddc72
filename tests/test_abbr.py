"""Glossary tooltips stay on the first mention of a term in each entry."""

from __future__ import annotations

from generator.publish.abbr import first_mentions

LLM = '<abbr title="Large Language Model">LLM</abbr>'
LLMS = '<abbr title="Large Language Models">LLMs</abbr>'
GPT = '<abbr title="Generative Pre-trained Transformer">GPT</abbr>'


def test_later_mentions_in_an_entry_become_plain_text():
    page = (
        f"<h1>Topic</h1><p>{LLM} intro, {LLM} again.</p>"
        f'<h2 id="a">What is an {LLM}?</h2><p>An {LLM} ({LLMS}) like {GPT}; {GPT} too.</p>'
        f'<h2 id="b">Why {LLMS}?</h2><p>Because {LLM}.</p>'
    )
    assert first_mentions(page) == (
        f"<h1>Topic</h1><p>{LLM} intro, LLM again.</p>"
        f'<h2 id="a">What is an {LLM}?</h2><p>An LLM (LLMs) like {GPT}; GPT too.</p>'
        f'<h2 id="b">Why {LLMS}?</h2><p>Because LLM.</p>'
    )


def test_a_page_without_terms_is_returned_as_it_is():
    page = "<h2>x</h2><p>no terms <abbr>here</abbr></p>"
    assert first_mentions(page) == page

"""Honest citations in the browser, at 1280 and 390 px: a source's own label is cited
("Q2"), a question without one cites its section or just the source, never a number
the source does not print; sources.yml's original address, author and licence are shown
and linked on the Sources page and after each citation, and nothing overflows a phone."""

from __future__ import annotations

import json

import pytest

from tests.browser.fixture_site import served_fixture_site

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
NUMBERED = """Transformer Questions

Q1. What is self-attention in a transformer?
Ans - Each token weighs every other token by the softmax of scaled dot products.

Q2. Why are attention scores scaled by the square root of the key size?
Ans - Without it, large dot products push the softmax into regions with tiny gradients.
"""
HEADINGS = """# Decoding notes

## Sampling

### What does the temperature do when sampling tokens?

It divides the logits before the softmax: lower is sharper, higher is flatter.
"""
ORIGINAL = "https://example.org/transformer-questions"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
METADATA = f"""numbered:
  title: Transformer Questions
  url: {ORIGINAL}
  author: Ada Example
  licence: {LICENCE}
"""


@pytest.fixture(scope="module")
def cited_site(tmp_path_factory):
    with served_fixture_site(
        tmp_path_factory.mktemp("citations"),
        {"numbered.txt": NUMBERED, "decoding.md": HEADINGS},
        metadata=METADATA,
    ) as served:
        yield served


def record(site_dir, start: str) -> dict:
    doc = json.loads((site_dir / "questions.json").read_text(encoding="utf-8"))
    return next(q for q in doc["questions"] if q["question"].startswith(start))


def fits(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("size", WIDTHS)
def test_a_labelled_question_cites_its_label_and_links_the_original(cited_site, page, size):
    site_dir, base_url = cited_site
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[size], strict=True)))
    scaled = record(site_dir, "Why are attention scores scaled")
    assert scaled["citation"] == "Transformer Questions, Q2"
    page.goto(base_url + scaled["url"])
    line = page.locator(f'.qa[data-qid="{scaled["id"]}"] .qa-source')
    assert "Transformer Questions, Q2" in line.inner_text()
    original = line.locator("a", has_text="original")
    assert original.get_attribute("href") == ORIGINAL
    assert original.is_visible()
    assert fits(page)


@pytest.mark.parametrize("size", WIDTHS)
def test_an_unlabelled_question_cites_its_section_not_an_invented_number(cited_site, page, size):
    site_dir, base_url = cited_site
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[size], strict=True)))
    temperature = record(site_dir, "What does the temperature do")
    page.goto(base_url + temperature["url"])
    line = page.locator(f'.qa[data-qid="{temperature["id"]}"] .qa-source').inner_text()
    assert "Sampling" in line
    assert "Q1" not in line and "#1" not in line
    assert "original" not in line  # no address is known for this source
    assert fits(page)


@pytest.mark.parametrize("size", WIDTHS)
def test_the_sources_page_shows_and_links_author_licence_and_original(cited_site, page, size):
    _, base_url = cited_site
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[size], strict=True)))
    page.goto(base_url + "sources/")
    article = page.locator("article")
    text = article.inner_text()
    assert "by Ada Example" in text
    assert article.locator(f'a[href="{ORIGINAL}"]').first.is_visible()
    assert article.locator(f'a[href="{LICENCE}"]').first.is_visible()
    assert fits(page)

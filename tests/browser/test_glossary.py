"""The glossary page and abbreviation search: typing "RLHF" into the site's search
finds the glossary entry that spells it out and links the questions about it."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import SEARCH_UI, wait_for_results

pytestmark = pytest.mark.browser
EXPANSION = "Reinforcement Learning from Human Feedback"


def search(page, base_url: str, text: str, engine: str):
    opener, box, links = SEARCH_UI[engine]
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    page.locator(opener).first.click()
    page.locator(box).press_sequentially(text, delay=20)
    wait_for_results(page, links)
    return page.locator(links)


def test_glossary_page_lists_terms_with_expansions_and_questions(base_url, page):
    page.goto(base_url + "glossary/")
    heading = page.locator("h2#rlhf")
    assert heading.inner_text().rstrip("¶").strip() == f"RLHF: {EXPANSION}"
    entry = page.locator('.glossary-entry[data-term="rlhf"]')
    links = entry.locator("li a")
    assert links.count() >= 1, "no question links under RLHF"
    href = links.first.get_attribute("href")
    assert "/topics/" in href and "#" in href
    links.first.click()
    anchor = href.split("#", 1)[1]
    page.wait_for_function(f"location.hash === '#{anchor}'")
    text = page.locator(f'.qa[data-ids~="{anchor}"]').evaluate(
        "qa => (qa.previousElementSibling ? qa.previousElementSibling.textContent : '') + qa.textContent"
    )
    assert "RLHF" in text or re.search(r"reinforcement learning (from|with) human feedback", text, re.I)


def test_searching_the_abbreviation_finds_the_expansion(base_url, page, engine):
    results = search(page, base_url, "RLHF", engine)
    glossary = results.filter(has_text=EXPANSION).and_(page.locator('[href*="glossary/"][href$="#rlhf"]'))
    assert glossary.count() == 1, [r.inner_text()[:80] for r in results.all()]
    glossary.click()
    page.wait_for_function("location.hash === '#rlhf'")


def test_searching_the_expansion_finds_the_abbreviation(base_url, page, engine):
    results = search(page, base_url, "reinforcement learning with human feedback", engine)
    assert results.and_(page.locator('[href*="glossary/"][href$="#rlhf"]')).count() == 1

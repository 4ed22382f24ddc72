"""The counts the browser adds agree with the ones the generator printed (generator/render/counts.py),
in Chromium at 1280 and 390 px: each home card's "0 of N known" under its "N questions: …",
the home summary's total against the intro, each topic's study bar against its page's count
line, and the flashcards' deck for a topic against both."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": 1280, "phone": 390}


def first_number(text: str) -> int:
    return int(re.match(r"\s*(\d+)", text).group(1))


@pytest.mark.parametrize("size", WIDTHS)
def test_home_cards_and_summary_agree(base_url, page, size):
    page.set_viewport_size({"width": WIDTHS[size], "height": 844})
    page.goto(base_url)
    page.wait_for_function("document.querySelector('.study-due__line') !== null")
    cards = page.locator(".card-counts")
    assert cards.count() > 1
    for i in range(cards.count()):
        counts = cards.nth(i)
        due = counts.locator("xpath=following-sibling::span[contains(@class, 'due-count')]")
        text = due.inner_text()
        match = re.fullmatch(r"0 due today · 0 of (\d+) known", text)
        assert match, text
        assert int(match.group(1)) == first_number(counts.inner_text()), (counts.inner_text(), text)
        # Its own line: the two counts never run together without a separator.
        assert due.bounding_box()["y"] >= counts.bounding_box()["y"] + counts.bounding_box()["height"] - 1
    lead = first_number(page.locator(".home-lead").inner_text())
    summary = page.locator(".study-due__line").inner_text()
    assert f" · 0 of {lead} known · " in summary, summary


def test_topic_pages_and_their_decks_agree(base_url, page):
    page.goto(base_url)
    hrefs = page.eval_on_selector_all(".grid.cards a[href*='topics/']", "links => links.map(a => a.href)")
    assert len(hrefs) > 1
    topics = {}
    for href in hrefs:
        page.goto(href)
        printed = first_number(page.locator(".topic-counts").inner_text())
        bar = page.locator(".study-bar__progress")
        page.wait_for_function("el => /known/.test(el.textContent)", arg=bar.element_handle())
        progress = bar.inner_text()
        assert re.fullmatch(rf"0 of {printed} known · 0 due today", progress), (href, progress)
        topic = page.locator(".qa[data-topic]").first.get_attribute("data-topic")
        topics[topic] = printed
    page.goto(base_url + "flashcards/")
    page.wait_for_selector("#flashcards[data-ready] .fc-card")
    for topic, printed in topics.items():
        page.locator('select[name="topic"]').select_option(topic)
        assert page.locator(".fc-position").inner_text() == f"Card 1 of {printed}", topic

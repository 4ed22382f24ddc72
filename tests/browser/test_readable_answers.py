"""Answers are set at the body text size, on topic pages (plain, merged into tabs, an MCQ's
explanation) and on the flashcards, at desktop and phone widths. Material draws admonitions
and <details> at 0.64rem (12.8 px), which made answers the smallest text on the page."""

from __future__ import annotations

import pytest

from tests.browser.test_study import an_mcq, visible_questions

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}

# Computed sizes (px) of the text blocks in open answers, and of the page's body text.
SIZES = """
root => {
  document.querySelectorAll(".qa details.answer").forEach(d => { d.open = true; });
  const size = el => parseFloat(getComputedStyle(el).fontSize);
  const blocks = [...document.querySelectorAll(root)].filter(el => el.textContent.trim());
  return {
    body: size(document.querySelector("article.md-typeset")),
    answers: blocks.map(size),
    source: document.querySelector(".qa-source") ? size(document.querySelector(".qa-source")) : null,
  };
}
"""
ANSWER_TEXT = ".qa details.answer p, .qa details.answer li"
TAB_TEXT = ".qa details.answer .tabbed-block p"  # a merged entry's answer per source


def merged_page(site) -> str:
    groups: dict[str, list[dict]] = {}
    for q in visible_questions(site):
        if q["group"] and q["answer"]:
            groups.setdefault(q["group"], []).append(q)
    merged = [qs for qs in groups.values() if len(qs) > 1]
    assert merged, "no merged entry with answers on the site"
    return merged[0][0]["url"].split("#")[0]


def set_size(page, size: str) -> None:
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[size], strict=True)))


@pytest.mark.parametrize("size", WIDTHS)
def test_topic_page_answers_use_the_body_size(built_site, base_url, page, size):
    set_size(page, size)
    merged, mcq = merged_page(built_site), an_mcq(built_site)["url"].split("#")[0]
    for url, blocks in ((merged, ANSWER_TEXT), (merged, TAB_TEXT), (mcq, ANSWER_TEXT)):
        page.goto(base_url + url)
        page.wait_for_selector(".study-grade")
        sizes = page.evaluate(SIZES, blocks)
        assert sizes["body"] == 16, sizes["body"]
        assert len(sizes["answers"]) >= 2, (url, blocks)
        assert set(sizes["answers"]) == {sizes["body"]}, (url, blocks, sorted(set(sizes["answers"])))
        assert sizes["source"] < sizes["body"], "the citation line stays smaller than the answer"


@pytest.mark.parametrize("size", WIDTHS)
def test_flashcard_answers_match_the_pages(built_site, base_url, page, size):
    set_size(page, size)
    page.goto(base_url + "flashcards/")
    page.wait_for_selector("#flashcards[data-ready] .fc-card")
    seen = set()
    for _ in range(5):
        page.locator(".fc-reveal").click()
        sizes = page.evaluate(SIZES, ".fc-answer p, .fc-answer li")
        seen.update(sizes["answers"])
        page.locator(".fc-next").click()
    assert seen == {16.0}, seen

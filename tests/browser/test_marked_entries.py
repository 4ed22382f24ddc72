"""Difficulty and source links in the browser, on a fixture site whose questions carry them:
the badge reads "Difficulty: hard" and passes axe in light and dark, the citation's "source"
link opens the cited page with rel=noopener, and the flashcards filter by difficulty."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from tests.browser.conftest import PageWatch, open_watched_page
from tests.browser.fixture_site import served_fixture_site
from tests.browser.test_a11y import BLOCKING, RUN_AXE, SCHEMES, axe_script, set_scheme

pytestmark = pytest.mark.browser
SOURCE = """# Notes

## What is LoRA?

LoRA trains two low-rank matrices next to each frozen weight matrix.

## What is QLoRA?

QLoRA trains LoRA adapters on top of a 4-bit quantised base model.

## What is a learning-rate warmup?

Warmup keeps early updates small while the optimiser statistics settle.
"""
LINK = "https://example.org/papers/lora?ref=notes&v=2"
MARKS = {"What is LoRA?": ("hard", LINK), "What is QLoRA?": ("easy", None)}


def mark(questions):
    return [
        replace(q, difficulty=MARKS[q.question][0], link=MARKS[q.question][1]) if q.question in MARKS else q
        for q in questions
    ]


@pytest.fixture(scope="module")
def marked_site(tmp_path_factory):
    with served_fixture_site(tmp_path_factory.mktemp("marked"), {"notes.md": SOURCE}, adjust=mark) as served:
        yield served


def record(site_dir, text: str) -> dict:
    doc = json.loads((site_dir / "questions.json").read_text(encoding="utf-8"))
    return next(q for q in doc["questions"] if q["question"] == text)


def test_badge_and_source_link_on_the_entry(marked_site, page):
    site_dir, base_url = marked_site
    lora = record(site_dir, "What is LoRA?")
    assert (lora["difficulty"], lora["link"]) == ("hard", LINK)
    page.goto(base_url + lora["url"])
    entry = page.locator(f'.qa[data-qid="{lora["id"]}"]')
    assert entry.locator(".qa-badge--difficulty").inner_text() == "Difficulty: hard"
    link = entry.locator(".qa-source a.qa-link")
    assert (link.inner_text(), link.get_attribute("href"), link.get_attribute("rel")) == (
        "source",
        LINK,
        "noopener",
    )
    warmup = record(site_dir, "What is a learning-rate warmup?")
    other = page.locator(f'.qa[data-qid="{warmup["id"]}"]')
    assert other.locator(".qa-badge--difficulty, a.qa-link").count() == 0


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_badges_pass_axe_in_light_and_dark(browser, marked_site, scheme):
    site_dir, base_url = marked_site
    watch = PageWatch()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = open_watched_page(context, watch)
        page.goto(base_url + record(site_dir, "What is LoRA?")["url"], wait_until="networkidle")
        set_scheme(page, scheme)
        assert page.locator(".qa-badge--difficulty").count() == 2
        page.add_script_tag(path=str(axe_script()))
        violations = [v for v in page.evaluate(RUN_AXE) if v["impact"] in BLOCKING]
    finally:
        context.close()
    assert not watch.problems(), "\n".join(watch.problems())
    assert violations == []


def test_flashcards_filter_by_difficulty(marked_site, page):
    _, base_url = marked_site
    page.goto(base_url + "flashcards/")
    page.wait_for_selector("#flashcards[data-ready] .fc-card")
    assert page.locator(".fc-position").inner_text() == "Card 1 of 3"
    page.get_by_label("Difficulty").select_option("hard")
    assert page.locator(".fc-position").inner_text() == "Card 1 of 1"
    assert page.locator(".fc-question").inner_text() == "What is LoRA?"
    assert page.locator(".fc-meta").inner_text().endswith("difficulty: hard")
    page.keyboard.press("Space")
    source = page.locator(".fc-link a[rel=noopener]")
    assert (source.inner_text(), source.get_attribute("href")) == ("Source", LINK)
    page.get_by_label("Difficulty").select_option("medium")
    assert page.locator(".fc-position").inner_text() == "0 cards"
    page.goto(base_url + "flashcards/?difficulty=easy")
    page.wait_for_selector("#flashcards[data-ready] .fc-card")
    assert page.locator(".fc-question").inner_text() == "What is QLoRA?"

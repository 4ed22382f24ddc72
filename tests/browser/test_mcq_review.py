"""A multiple-choice pick on a topic page is a review, in Chromium at desktop and phone widths:
right is "I knew it" (FSRS Good), wrong is "Not yet" (Again), and a grade button pressed after
it replaces that review's grade instead of adding a second review; once 10 minutes have passed,
or after a reload, a click is a review of its own."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest

from tests.browser.test_study import an_mcq, entry, waited

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def stored(page, qid: str) -> dict:
    state = json.loads(page.evaluate("localStorage.getItem('llm-study:v2')") or '{"cards": {}}')
    return state["cards"].get(qid)


@pytest.mark.parametrize("size", WIDTHS)
def test_a_pick_is_a_review_and_the_buttons_override_it(built_site, base_url, page, size):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[size], strict=True)))
    page.clock.install()
    q = an_mcq(built_site)
    wrong = next(c["letter"] for c in q["choices"] if c["letter"] != q["correct"])
    page.goto(base_url + q["url"])
    box = entry(page, q["id"])
    status = box.locator(".study-grade__status")
    knew = box.get_by_role("button", name="I knew it")
    again = box.get_by_role("button", name="Not yet")
    assert status.inner_text() == "Not graded yet."

    box.locator(f'button.mcq-option[data-letter="{wrong}"]').click()
    assert status.inner_text() == "Not yet: back in your review queue today."
    assert again.get_attribute("aria-pressed") == "true"
    card = stored(page, q["id"])
    assert (card["grade"], card["n"], waited(card)) == ("again", 1, timedelta(minutes=10))

    knew.scroll_into_view_if_needed()
    assert knew.is_visible() and knew.bounding_box()["width"] <= WIDTHS[size][0]
    knew.click()  # the learner overrides: they did know it
    assert status.inner_text() == "Known: next review in 2 days."
    card = stored(page, q["id"])
    assert (card["grade"], card["n"], card["state"], waited(card)) == ("knew", 1, "review", timedelta(days=2))
    bar = page.locator(".study-bar__progress")
    page.wait_for_function("el => / known · 0 due today$/.test(el.textContent)", arg=bar.element_handle())
    assert re.fullmatch(r"1 of \d+ known · 0 due today", bar.inner_text())

    again.click()  # and back: still one review
    box.locator(f'button.mcq-option[data-letter="{q["correct"]}"]').click()  # another pick replaces too
    card = stored(page, q["id"])
    assert (card["grade"], card["n"]) == ("knew", 1)

    page.clock.fast_forward("11:00")  # past the learning step: a new review, not a correction
    again.click()
    card = stored(page, q["id"])
    assert (card["grade"], card["n"], card["state"]) == ("again", 2, "relearning")

    page.reload()
    box = entry(page, q["id"])
    box.get_by_role("button", name="I knew it").click()  # a fresh page view made no pick to replace
    assert stored(page, q["id"])["n"] == 3

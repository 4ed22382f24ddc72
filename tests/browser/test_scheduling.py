"""FSRS on the site, in Chromium at desktop and phone widths: a learner's saved SM-2 state
(localStorage "llm-study:v1") is carried over to "llm-study:v2" with every due day and every
known / not-yet grade, so the home page and the topic page show the same counts, and the home
page's 7-day forecast lists the due reviews as text."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.test_progress import busiest_topic, site_entries

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def local_day(page, offset: int) -> str:
    """The browser's local date `offset` days from today, as the v1 state wrote dates."""
    return page.evaluate(
        """n => { const d = new Date(); d.setDate(d.getDate() + n);
                  return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" +
                         String(d.getDate()).padStart(2, "0"); }""",
        offset,
    )


def v1_card(page, grade: str, due: int, last: int, interval: int) -> dict:
    return {
        "ef": 2.36 if grade == "knew" else 1.96,
        "reps": 2 if grade == "knew" else 0,
        "interval": interval,
        "due": local_day(page, due),
        "last": local_day(page, last),
        "grade": grade,
        "n": 3,
        "t": 1,
    }


@pytest.mark.parametrize("size", WIDTHS)
def test_a_saved_v1_state_keeps_its_due_and_known_counts(built_site, base_url, page, size):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[size], strict=True)))
    url, topic, total = busiest_topic(built_site)
    entries = site_entries(built_site)[url]
    page.goto(base_url + "about/")
    plan = [  # (grade, due in days, last review days ago, SM-2 interval)
        ("knew", 5, -1, 6),
        ("knew", 5, -10, 15),
        ("knew", 30, -8, 38),
        ("knew", -2, -8, 6),  # overdue
        ("again", 0, 0, 0),
        ("again", -3, -3, 0),  # overdue
    ]
    v1 = {
        "version": 1,
        "cards": {e["id"]: v1_card(page, *p) for e, p in zip(entries, plan, strict=False)},
        "prefs": {"showAll": False},
    }
    saved = json.dumps(v1)
    page.evaluate("v => localStorage.setItem('llm-study:v1', v)", saved)

    page.goto(base_url)
    line = page.locator("#study-due .study-due__line")
    line.wait_for()
    assert page.locator("#study-due .study-due__count").inner_text() == "3 questions due for review today"
    assert " · 4 of " in line.inner_text()
    span = page.locator(f'.due-count[data-topic="{topic}"]')
    assert span.inner_text() == f"3 due today · 4 of {total} known"

    rows = page.locator("table.study-forecast tbody tr")
    assert page.locator("table.study-forecast caption").inner_text() == "Reviews due in the next 7 days"
    assert rows.count() == 7
    counts = [int(rows.nth(i).locator("td").inner_text()) for i in range(7)]
    assert counts == [3, 0, 0, 0, 0, 2, 0], counts
    assert rows.nth(0).locator("th").inner_text() == "Today (and overdue)"
    assert rows.nth(1).locator("th").inner_text() == "Tomorrow"
    assert re.fullmatch(r"\w{3} \d{1,2} \w{3}", rows.nth(2).locator("th").inner_text())
    box = page.locator("table.study-forecast").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS[size][0], box

    page.goto(base_url + url)
    bar = page.locator(".study-bar__progress")
    page.wait_for_function("el => el.textContent.length > 0", arg=bar.element_handle())
    assert bar.inner_text() == f"4 of {total} known · 3 due today"
    known = page.locator(f'.qa[data-ids~="{entries[0]["id"]}"] .study-grade__status')
    assert known.inner_text() == "Known: next review in 5 days."

    stored = json.loads(page.evaluate("localStorage.getItem('llm-study:v2')"))
    assert stored["version"] == 2 and set(stored["cards"]) == set(v1["cards"])
    assert {c["state"] for c in stored["cards"].values()} == {"review", "learning"}
    assert page.evaluate("localStorage.getItem('llm-study:v1')") == saved, "the v1 state is left as it was"


def test_no_forecast_before_anything_is_graded(built_site, base_url, page):
    page.goto(base_url)
    page.locator("#study-due .study-due__line").wait_for()
    assert page.locator("table.study-forecast").count() == 0

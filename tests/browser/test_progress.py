"""Spaced repetition across the site: the review queue after grading and reloading,
its growth as days pass (FSRS intervals), a version-1 (SM-2) state carried over, the
7-day forecast, and progress save / load / reset."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
KEY = "llm-study:v2"


def site_entries(site: Path) -> dict[str, list[dict]]:
    """Page URL -> the site entries on it (duplicate groups count once)."""
    doc = json.loads((site / "questions.json").read_text(encoding="utf-8"))
    seen, pages = set(), {}
    for q in doc["questions"]:
        key = q["group"] or q["id"]
        if q["url"] and key not in seen:
            seen.add(key)
            pages.setdefault(q["url"].split("#")[0], []).append(q)
    return pages


def busiest_topic(site: Path) -> tuple[str, str, int]:
    """(page url, topic id, entries in the topic) of the page with the most entries."""
    pages = site_entries(site)
    url = max(pages, key=lambda u: len(pages[u]))
    topic = pages[url][0]["topic"]
    per_topic = Counter(q["topic"] for qs in pages.values() for q in qs)
    return url, topic, per_topic[topic]


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


def home_counts(page, base_url: str, topic: str) -> tuple[str, str]:
    page.goto(base_url)
    page.wait_for_selector("#study-due .study-due__line")
    span = page.locator(f'.due-count[data-topic="{topic}"]')
    span.wait_for()
    page.wait_for_function("el => el.textContent.length > 0", arg=span.element_handle())
    return page.locator("#study-due .study-due__count").inner_text(), span.inner_text()


def test_review_queue_after_grading_reloading_and_days_passing(built_site, base_url, page):
    url, topic, total = busiest_topic(built_site)
    assert home_counts(page, base_url, topic) == (
        "0 questions due for review today",
        f"0 due today · 0 of {total} known",
    )
    page.goto(base_url + url)
    page.locator(".qa").nth(0).get_by_role("button", name="I knew it").click()
    page.locator(".qa").nth(1).get_by_role("button", name="Not yet").click()
    # "Not yet" is due again in 10 minutes; "I knew it" in 2 days (FSRS's first stability for Good)
    assert home_counts(page, base_url, topic) == (
        "1 question due for review today",
        f"1 due today · 1 of {total} known",
    )
    page.reload()
    page.wait_for_selector("#study-due .study-due__line")
    assert page.locator("#study-due .study-due__count").inner_text() == "1 question due for review today"
    # two days later both are due
    page.clock.install(time=datetime.now() + timedelta(days=2))
    assert home_counts(page, base_url, topic) == (
        "2 questions due for review today",
        f"2 due today · 1 of {total} known",
    )


def grade_two(page, base_url: str, url: str) -> set[str]:
    page.goto(base_url + url)
    ids = set()
    for i, name in ((0, "I knew it"), (1, "Not yet")):
        qa = page.locator(".qa").nth(i)
        qa.get_by_role("button", name=name).click()
        ids.update(qa.get_attribute("data-ids").split())
    return ids


def open_progress(page, base_url: str) -> None:
    page.goto(base_url + "flashcards/")
    page.wait_for_selector("#study-progress[data-ready] .progress-export")


def test_export_reset_import(built_site, base_url, page, tmp_path):
    graded = grade_two(page, base_url, busiest_topic(built_site)[0])
    open_progress(page, base_url)
    summary = page.locator(".progress-summary")
    page.wait_for_function("el => /graded/.test(el.textContent)", arg=summary.element_handle())
    assert re.match(
        r"2 of \d+ questions graded in this browser: 1 known, 1 due today\.", summary.inner_text()
    )

    with page.expect_download() as info:
        page.get_by_role("button", name="Save progress to a file").click()
    download = info.value
    assert re.fullmatch(r"llm-study-progress-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
    saved = tmp_path / "progress.json"
    download.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["version"] == 2 and set(data["cards"]) == graded

    page.get_by_role("button", name="Reset progress…").click()
    confirm = page.locator("#progress-confirm")
    assert confirm.is_visible()
    page.get_by_role("button", name="Keep it").click()  # cancelling keeps everything
    assert not confirm.is_visible() and set(stored(page)["cards"]) == graded
    page.get_by_role("button", name="Reset progress…").click()
    page.get_by_role("button", name="Delete my progress").click()
    assert stored(page)["cards"] == {}
    assert (
        page.locator(".progress-status").inner_text()
        == "Progress reset: every grade and answer in this browser is deleted."
    )
    page.wait_for_function(
        "el => el.textContent === 'Nothing graded in this browser yet.'", arg=summary.element_handle()
    )

    page.locator("input.progress-import__input").set_input_files(str(saved))
    status = page.locator(".progress-status")
    page.wait_for_function("el => el.textContent.startsWith('Loaded')", arg=status.element_handle())
    assert status.inner_text() == f"Loaded {len(graded)} grades from progress.json."
    assert stored(page)["cards"] == data["cards"]
    page.reload()
    page.wait_for_selector("#study-progress[data-ready]")
    assert set(stored(page)["cards"]) == graded


@pytest.mark.parametrize(
    "content, error",
    [
        (b"not json", "not valid JSON"),
        (b'{"version": 3, "cards": {}}', "unsupported version 3 (expected 1 or 2)"),
        (b'{"version": 1}', 'no "cards" object'),
        (b"[1, 2]", "not a progress file (expected a JSON object)"),
    ],
)
def test_import_rejects_invalid_files_and_changes_nothing(built_site, base_url, page, content, error):
    graded = grade_two(page, base_url, busiest_topic(built_site)[0])
    open_progress(page, base_url)
    page.locator("input.progress-import__input").set_input_files(
        files=[{"name": "bad.json", "mimeType": "application/json", "buffer": content}]
    )
    status = page.locator(".progress-status")
    page.wait_for_function("el => el.textContent.length > 0", arg=status.element_handle())
    assert status.inner_text() == f"Could not load bad.json: {error}. Nothing changed."
    assert set(stored(page)["cards"]) == graded


def test_import_skips_invalid_entries(built_site, base_url, page):
    open_progress(page, base_url)
    good = {"ef": 2.5, "reps": 1, "interval": 1, "due": "2030-01-02", "last": "2030-01-01", "grade": "knew"}
    doc = {
        "version": 1,
        "cards": {
            "some-question-0011aabb": good,
            "bad id with spaces": good,
            "another-1122ccdd": {**good, "ef": "high"},
            "third-3344eeff": {**good, "due": "<script>"},
        },
    }
    page.locator("input.progress-import__input").set_input_files(
        files=[{"name": "mixed.json", "mimeType": "application/json", "buffer": json.dumps(doc).encode()}]
    )
    status = page.locator(".progress-status")
    page.wait_for_function("el => el.textContent.startsWith('Loaded')", arg=status.element_handle())
    assert status.inner_text() == "Loaded 1 grade from mixed.json (skipped 3 invalid entries)."
    assert list(stored(page)["cards"]) == ["some-question-0011aabb"]


def test_home_page_downloads_are_served(built_site, base_url, page):
    """The deck and the CSV ship with the site and the home page links them."""
    page.goto(base_url)
    for name, magic in (("llm-study.apkg", b"PK\x03\x04"), ("llm-study.csv", b"#separator:Comma")):
        link = page.locator(f'.md-content a[href$="downloads/{name}"]')
        assert link.count() == 1, f"no link to {name} on the home page"
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok and response.body().startswith(magic)
        assert response.body() == (built_site / "downloads" / name).read_bytes()

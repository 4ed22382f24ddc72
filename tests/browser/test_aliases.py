"""Saved progress survives a retitled question: grades stored under the id a question had
before (now its alias in study-index.json) move to its id now, on page load and on import."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from generator.model import question_id
from tests.browser.fixture_site import served_fixture_site

pytestmark = pytest.mark.browser
OLD_KEY = "llm-study:v1"  # saved by the SM-2 version of the site
KEY = "llm-study:v2"
SOURCE = """# Fine-tuning notes

## What is LoRA?

LoRA trains two low-rank matrices next to each frozen weight matrix.

## What is QLoRA?

QLoRA trains LoRA adapters on top of a 4-bit quantised base model.

## Why use a learning-rate warmup?

Warmup keeps early updates small while the optimiser statistics settle.
"""
OLD_TITLE = "What is LoRA? [[src](https://example.org/lora)]"
OLD_ID = question_id("notes", OLD_TITLE)
CARD = {
    "ef": 2.6,
    "reps": 1,
    "interval": 1,
    "due": "2999-01-01",
    "last": "2026-01-01",
    "grade": "knew",
    "n": 1,
    "t": 1,
}


def retitle(questions):
    """As if an earlier reader had kept the citation in the title: that id is now an alias."""
    return [replace(q, aliases=(OLD_ID,)) if q.question == "What is LoRA?" else q for q in questions]


@pytest.fixture(scope="module")
def alias_site(tmp_path_factory):
    with served_fixture_site(
        tmp_path_factory.mktemp("aliases"), {"notes.md": SOURCE}, adjust=retitle
    ) as served:
        yield served


def lora_record(site_dir) -> dict:
    doc = json.loads((site_dir / "questions.json").read_text(encoding="utf-8"))
    return next(q for q in doc["questions"] if q["question"] == "What is LoRA?")


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


def test_the_alias_is_in_the_site_data(alias_site):
    site_dir, _ = alias_site
    record = lora_record(site_dir)
    assert record["aliases"] == [OLD_ID] and record["id"] != OLD_ID
    index = json.loads((site_dir / "study-index.json").read_text(encoding="utf-8"))
    assert index["aliases"] == {OLD_ID: record["id"]}


def test_progress_saved_under_the_former_id_moves_on_load(alias_site, page):
    site_dir, base_url = alias_site
    record = lora_record(site_dir)
    page.goto(base_url + "about/")
    saved = {"version": 1, "cards": {OLD_ID: CARD, "unrelated-question-0011aabb": CARD}, "prefs": {}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [OLD_KEY, json.dumps(saved)])
    page.goto(base_url + record["url"])
    entry = page.locator(f'.qa[data-qid="{record["id"]}"]')
    status = entry.locator(".study-grade__status")
    page.wait_for_function(
        "el => el.textContent.startsWith('Known')", arg=status.element_handle(), timeout=15000
    )
    assert entry.get_by_role("button", name="I knew it").get_attribute("aria-pressed") == "true"
    cards = stored(page)["cards"]
    assert set(cards) == {record["id"], "unrelated-question-0011aabb"}
    assert cards[record["id"]]["due"].startswith("2999-01-0")  # local midnight of 2999-01-01, in UTC
    page.goto(base_url)
    line = page.locator("#study-due .study-due__line")
    line.wait_for()
    assert " · 1 of 3 known · " in line.inner_text()


def test_an_imported_file_with_the_former_id_lands_on_the_question(alias_site, page):
    site_dir, base_url = alias_site
    record = lora_record(site_dir)
    page.goto(base_url + "flashcards/")
    page.wait_for_selector("#study-progress[data-ready] .progress-export")
    doc = {"version": 1, "cards": {OLD_ID: CARD}}
    page.locator("input.progress-import__input").set_input_files(
        files=[{"name": "old.json", "mimeType": "application/json", "buffer": json.dumps(doc).encode()}]
    )
    status = page.locator(".progress-status")
    page.wait_for_function("el => el.textContent.startsWith('Loaded')", arg=status.element_handle())
    assert status.inner_text() == "Loaded 1 grade from old.json."
    assert list(stored(page)["cards"]) == [record["id"]]

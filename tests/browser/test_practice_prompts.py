"""Practice prompts as a first-class mode, at desktop and phone widths: on a topic page
the answered entries come first, then a labelled "Practice prompts" section; a learner
writes their own answer under any entry, it is shown there on every visit, and it
travels in the progress file through reset and import."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from playwright.sync_api import expect

from tests.browser.test_progress import open_progress, stored
from tests.browser.test_study import page_of, visible_questions

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
NOTE = "Perplexity: exp of the mean negative log-likelihood per token. <b>not bold</b>"


def mixed_page(site) -> str:
    """A topic page with answered entries and practice prompts."""
    kinds: dict[str, Counter] = {}
    for q in visible_questions(site):
        kinds.setdefault(page_of(q), Counter())[q["kind"]] += 1
    pages = [url for url, k in kinds.items() if k["prompt"] and (k["open"] or k["mcq"])]
    assert pages, "no topic page has both answered questions and practice prompts"
    return sorted(pages, key=lambda url: -kinds[url]["prompt"])[0]


@pytest.mark.parametrize("size", WIDTHS)
def test_answered_entries_first_then_a_labelled_practice_section(built_site, base_url, page, size):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[size], strict=True)))
    page.goto(base_url + mixed_page(built_site))
    order = page.evaluate(
        """() => [...document.querySelectorAll("article h2")].map(h =>
             h.id === "practice-prompts" ? "SECTION"
               : (h.nextElementSibling && h.nextElementSibling.dataset.kind) || "?")"""
    )
    assert order.count("SECTION") == 1, order
    cut = order.index("SECTION")
    assert cut > 0 and all(kind != "prompt" for kind in order[:cut]), order
    assert order[cut + 1 :] and all(kind == "prompt" for kind in order[cut + 1 :]), order
    heading = page.locator("h2#practice-prompts")
    assert heading.inner_text().rstrip("¶").strip() == "Practice prompts"
    assert page.locator('.md-nav a[href$="#practice-prompts"]').count() >= 1  # in the page's contents


@pytest.mark.parametrize("size", WIDTHS)
def test_a_note_is_kept_shown_and_carried_through_export_and_import(
    built_site, base_url, page, size, tmp_path
):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[size], strict=True)))
    url = mixed_page(built_site)
    page.goto(base_url + url)
    prompt = page.locator('h2#practice-prompts ~ .qa[data-kind="prompt"]').first
    qid = prompt.get_attribute("data-qid")
    # A merged entry keeps the note under each of its ids (study/store.js saveNote).
    note = prompt.locator("details.qa-note")
    note.locator("summary").click()
    box = note.get_by_role("textbox")
    assert box.get_attribute("aria-label").startswith("Your answer to: ")
    box.fill(NOTE)
    box.blur()
    assert note.locator(".qa-note__status").inner_text() == "Saved."
    assert stored(page)["notes"][qid]["text"] == NOTE

    page.reload()
    prompt = page.locator(f'.qa[data-qid="{qid}"]')
    note = prompt.locator("details.qa-note")
    assert note.evaluate("d => d.open") and note.get_by_role("textbox").input_value() == NOTE
    assert note.locator("summary").inner_text() == "Your answer (saved)"
    assert prompt.locator(".qa-note b").count() == 0  # plain text, never HTML

    open_progress(page, base_url)
    with page.expect_download() as info:
        page.get_by_role("button", name="Save progress to a file").click()
    saved = tmp_path / "progress.json"
    info.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["notes"][qid]["text"] == NOTE
    page.get_by_role("button", name="Reset progress…").click()
    page.get_by_role("button", name="Delete my progress").click()
    assert stored(page)["notes"] == {}
    page.locator("input.progress-import__input").set_input_files(str(saved))
    status = page.locator(".progress-status")
    page.wait_for_function("el => el.textContent.startsWith('Loaded')", arg=status.element_handle())
    # one answer, however many ids its entry has (it is saved under each of them)
    assert status.inner_text() == "Loaded 0 grades and 1 answer from progress.json."

    page.goto(base_url + url)
    note = page.locator(f'.qa[data-qid="{qid}"] details.qa-note')
    assert note.get_by_role("textbox").input_value() == NOTE


def test_clearing_a_note_deletes_it(built_site, base_url, page):
    page.goto(base_url + mixed_page(built_site))
    entry = page.locator(".qa").first
    qid = entry.get_attribute("data-qid")
    entry.locator("details.qa-note summary").click()
    box = entry.locator("details.qa-note").get_by_role("textbox")
    box.fill("a first try")
    box.blur()
    assert qid in stored(page)["notes"]
    box.fill("   ")
    box.blur()
    assert entry.locator(".qa-note__status").inner_text() == "Deleted."
    assert qid not in stored(page)["notes"]


def a_led_prompt(site) -> tuple[dict, dict]:
    """A practice prompt whose first related question is answered, and that question."""
    questions = visible_questions(site)
    by_id = {q["id"]: q for q in questions}
    for q in questions:
        first = by_id.get((q["related"] or [None])[0])
        primary = q["url"].endswith("#" + q["id"])  # the entry shows its primary's links
        if (
            primary
            and q["kind"] == "prompt"
            and first
            and first["kind"] != "prompt"
            and page_of(first) != page_of(q)
        ):
            return q, first
    raise AssertionError("no practice prompt leads to an answered question on another page")


@pytest.mark.parametrize("size", WIDTHS)
def test_a_prompt_leads_to_its_closest_answered_question(built_site, base_url, page, size):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[size], strict=True)))
    prompt, answered = a_led_prompt(built_site)
    page.goto(base_url + prompt["url"])
    line = page.locator(f'[id="{prompt["id"]}"] + .qa .qa-related')
    assert line.inner_text().startswith("Study these first:")
    link = line.locator("a").first
    link.scroll_into_view_if_needed()
    assert link.is_visible()
    link.click()
    page.wait_for_url("**" + answered["url"].split("#", 1)[0] + "*")
    anchor = answered["url"].split("#", 1)[1]
    assert page.evaluate("() => decodeURIComponent(location.hash.slice(1))") == anchor
    expect(page.locator(f'[id="{anchor}"]')).to_be_in_viewport()

"""The flashcards' review loop as in Anki, in Chromium at 1280x800 and 390x844: Space reveals
first (also when the focus is on "Next →" or a grade button) and only then counts as "I knew it";
cards graded "Not yet" come back later in the same session; shuffling is optional and
remembered; a multiple-choice pick grades the card and a grade button overrides it; on a phone
the question is in view at once, the filters folded under one toggle."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import open_watched_page
from tests.browser.test_flashcards import open_cards, position, site_entries

pytestmark = pytest.mark.browser
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


@pytest.fixture(params=SIZES)
def sized(request, browser, watch):
    """A fresh page at each size (the phone one with touch, as a phone reports it)."""
    width, height = SIZES[request.param]
    phone = request.param == "phone"
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
    )
    page = open_watched_page(context, watch)
    yield page
    context.close()
    assert not watch.problems(), "\n".join(watch.problems())


def question(page) -> str:
    return page.locator(".fc-question").inner_text()


def stored(page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('llm-study:v2')") or '{"cards": {}, "prefs": {}}')


def test_space_reveals_first_then_grades(built_site, base_url, sized):
    page = sized
    total = len(site_entries(built_site))
    open_cards(page, base_url + "flashcards/")
    page.get_by_role("button", name="Next →").click()  # the focus stays on "Next →"
    assert position(page) == f"Card 2 of {total}"
    page.keyboard.press("Space")
    assert position(page) == f"Card 2 of {total}", "Space pressed the focused Next button"
    assert page.locator(".fc-answer").is_visible()
    assert stored(page)["cards"] == {}, "revealing is not grading"
    page.keyboard.press("Space")  # the answer shows: Space is "I knew it"
    assert position(page) == f"Card 3 of {total}"
    assert page.locator(".fc-answer").is_hidden()
    assert page.locator(".fc-announce").inner_text().endswith("I knew it. Known: next review in 2 days.")
    page.get_by_role("button", name="Not yet (1)").click()  # by mouse: the focus leaves the grade button
    assert page.evaluate("document.activeElement.id") == "fc-question"
    page.keyboard.press("Space")
    assert page.locator(".fc-answer").is_visible() and position(page).startswith("Card 4 of")
    grades = sorted(c["grade"] for c in stored(page)["cards"].values())
    assert grades.count("knew") >= 1 and grades.count("again") >= 1 and len(set(grades)) == 2


def test_not_yet_cards_come_back_in_the_session(built_site, base_url, sized):
    """Grade 10 cards, 2 of them "Not yet": both come back, marked, among the next few cards."""
    page = sized
    total = len(site_entries(built_site))
    open_cards(page, base_url + "flashcards/")
    missed, again = [], []
    for i in range(14):
        page.keyboard.press("Space")
        if "Again: you said “Not yet”" in page.locator(".fc-meta").inner_text():
            again.append(question(page))
            page.get_by_role("button", name="I knew it (2)").click()
        elif i in (1, 4):
            missed.append(question(page))
            page.get_by_role("button", name="Not yet (1)").click()
        else:
            page.keyboard.press("Space")
        if i == 4:
            assert position(page) == f"Card 6 of {total + 2} · 2 cards to see again"
    assert again == missed
    assert position(page) == f"Card 15 of {total + 2}"


def test_the_last_card_not_yet_comes_straight_back(built_site, base_url, page):
    topic = min(
        {q["topic"] for q in site_entries(built_site)},
        key=lambda t: sum(q["topic"] == t for q in site_entries(built_site)),
    )
    count = sum(q["topic"] == topic for q in site_entries(built_site))
    open_cards(page, f"{base_url}flashcards/?topic={topic}")
    for _ in range(count - 1):
        page.keyboard.press("2")
    last = question(page)
    page.keyboard.press("1")
    assert position(page) == f"Card {count + 1} of {count + 1}"
    assert question(page) == last
    assert page.locator(".fc-announce").inner_text().endswith("It comes back next.")


def first_four(page) -> list[str]:
    seen = [question(page)]
    for _ in range(3):
        page.keyboard.press("ArrowRight")
        seen.append(question(page))
    return seen


def test_shuffle_is_optional_and_remembered(built_site, base_url, sized):
    page = sized
    open_cards(page, base_url + "flashcards/")
    in_order = first_four(page)
    toggle = page.locator(".fc-settings__toggle")
    if toggle.get_attribute("aria-expanded") == "false":
        toggle.click()
    page.get_by_label("Shuffle the cards").check()
    assert stored(page)["prefs"] == {"shuffle": True}
    assert "shuffled" in toggle.inner_text()
    # The same four of 247 cards, in the same order, by chance: about 1 in 3.6e9.
    assert first_four(page) != in_order
    page.reload()
    page.wait_for_selector("#flashcards[data-ready] .fc-card")
    assert page.get_by_label("Shuffle the cards").is_checked()
    assert first_four(page) != in_order


def test_an_mcq_pick_grades_the_card_and_a_button_overrides_it(built_site, base_url, sized):
    page = sized
    page.clock.install()
    mcqs = [
        q for q in site_entries(built_site) if q["kind"] == "mcq" and q["correct"] and len(q["choices"]) >= 2
    ]
    open_cards(page, base_url + "flashcards/?kind=mcq")
    q = next(m for m in mcqs if m["question"] == question(page))
    wrong = next(c["letter"] for c in q["choices"] if c["letter"] != q["correct"])
    page.locator(f'.fc-card button.mcq-option[data-letter="{wrong}"]').click()
    card = stored(page)["cards"][q["id"]]
    assert (card["grade"], card["n"]) == ("again", 1)
    assert page.locator(".fc-state").inner_text() == "Not yet: back in your review queue today."
    assert page.locator(".fc-answer").is_visible()
    page.get_by_role("button", name="I knew it (2)").click()  # they did know it: the pick's grade is replaced
    card = stored(page)["cards"][q["id"]]
    assert (card["grade"], card["n"], card["state"]) == ("knew", 1, "review")
    assert position(page) == f"Card 2 of {len(mcqs)}", "the override took back the repeat the pick queued"


def test_phone_layout_puts_the_question_first(built_site, base_url, browser, watch):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = open_watched_page(context, watch)
        open_cards(page, base_url + "flashcards/")
        toggle = page.locator(".fc-settings__toggle")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert page.locator("#fc-filters").is_hidden()
        summary = page.locator(".fc-settings__summary")
        assert summary.inner_text() == "All topics · All kinds · All cards"
        header = page.locator(".md-header").bounding_box()
        q = page.locator(".fc-question").bounding_box()
        bar = page.locator(".fc-actions").bounding_box()
        assert q["y"] >= header["y"] + header["height"], (q, header)
        assert q["y"] + q["height"] <= bar["y"], f"the sticky buttons cover the question: {q} {bar}"
        assert bar["height"] <= 0.2 * 844, bar
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        toggle.tap()
        assert toggle.get_attribute("aria-expanded") == "true"
        page.locator('select[name="kind"]').select_option("mcq")
        assert summary.inner_text() == "All topics · Multiple choice · All cards"
        # A long answer scrolled the card away: the next card comes up with its question in view.
        page.get_by_role("button", name="Reveal answer").tap()
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        assert page.locator(".fc-question").bounding_box()["y"] < 0
        page.get_by_role("button", name="I knew it (2)").tap()
        assert position(page).startswith("Card 2 of")
        q = page.locator(".fc-question").bounding_box()
        assert header["height"] <= q["y"] and q["y"] + q["height"] <= 844, q
    finally:
        context.close()
    assert not watch.problems(), watch.problems()


def test_a_merged_entry_shows_every_sources_answer_under_its_citation(built_site, base_url, sized):
    page = sized
    doc = json.loads((built_site / "questions.json").read_text(encoding="utf-8"))
    groups: dict[str, list[dict]] = {}
    for q in doc["questions"]:
        if q["group"] and not q["hidden"]:
            groups.setdefault(q["group"], []).append(q)
    answered = next(
        ms for ms in groups.values() if sum(bool(m["answer"]) and m["kind"] != "mcq" for m in ms) >= 2
    )
    wanted = [m["citation"] for m in answered if m["answer"] and m["kind"] != "mcq"]
    ids = [m["id"] for m in answered]
    open_cards(page, base_url + "flashcards/")
    found = page.evaluate(
        """(ids) => {
            for (;;) {
                const link = document.querySelector('.fc-link a');
                if (link && ids.some(id => link.href.endsWith('#' + id))) return true;
                const next = document.querySelector('.fc-next');
                if (next.disabled) return false;
                next.click();
            }
        }""",
        ids,
    )
    assert found, ids
    page.locator(".fc-question").focus()
    page.keyboard.press("Space")
    shown = page.locator(".fc-answer .fc-source").all_inner_texts()
    assert sorted(shown) == sorted(f"Answered in {c}." for c in wanted), (shown, wanted, ids)
    assert page.locator(".fc-answer .fc-answer-body").count() == len(wanted)

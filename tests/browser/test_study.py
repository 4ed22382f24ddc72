"""Study mode on topic pages, in headless Chromium: folded answers and the show-all
switch, multiple choice right and wrong, grading, search landing inside a folded
answer, and abbreviation tooltips. Targets are picked from the built questions.json,
so the tests follow the corpus instead of naming questions."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.browser.conftest import BOTH_ENGINES, SEARCH_UI

pytestmark = pytest.mark.browser
WORD = re.compile(r"[a-z]{8,}")


def visible_questions(site: Path) -> list[dict]:
    doc = json.loads((site / "questions.json").read_text(encoding="utf-8"))
    return [q for q in doc["questions"] if q["url"]]


def page_of(q: dict) -> str:
    return q["url"].split("#", 1)[0]


def an_mcq(site: Path) -> dict:
    mcqs = [
        q for q in visible_questions(site) if q["kind"] == "mcq" and q["correct"] and len(q["choices"]) >= 2
    ]
    assert mcqs, "the corpus has no multiple-choice question with a correct answer"
    return mcqs[0]


def entry(page, qid: str):
    return page.locator(f'.qa[data-ids~="{qid}"]')


def an_answered_page(site: Path) -> str:
    counts = Counter(page_of(q) for q in visible_questions(site) if q["kind"] == "open" and q["answer"])
    assert counts, "no answered question on the site"
    return counts.most_common(1)[0][0]


def test_answers_start_folded_and_open_one_by_one(built_site, base_url, page):
    page.goto(base_url + an_answered_page(built_site))
    page.wait_for_selector(".study-grade")
    answers = page.locator(".qa details.answer")
    assert answers.count() >= 2
    assert page.evaluate("[...document.querySelectorAll('.qa details.answer')].every(d => !d.open)")
    answers.first.locator("summary").click()
    assert answers.first.evaluate("d => d.open")
    assert not answers.nth(1).evaluate("d => d.open")


def test_show_all_switch_is_remembered(built_site, base_url, page):
    url = base_url + an_answered_page(built_site)
    page.goto(url)
    switch = page.get_by_role("switch", name="Show all answers")
    assert switch.get_attribute("aria-checked") == "false"
    switch.click()
    assert switch.get_attribute("aria-checked") == "true"
    assert page.evaluate("[...document.querySelectorAll('.qa details.answer')].every(d => d.open)")
    page.reload()
    page.wait_for_selector(".study-grade")
    assert page.get_by_role("switch", name="Show all answers").get_attribute("aria-checked") == "true"
    assert page.evaluate("[...document.querySelectorAll('.qa details.answer')].every(d => d.open)")
    page.get_by_role("switch", name="Show all answers").press("Enter")  # keyboard works too
    assert page.evaluate("[...document.querySelectorAll('.qa details.answer')].every(d => !d.open)")


def test_mcq_wrong_then_right(built_site, base_url, page):
    q = an_mcq(built_site)
    wrong = next(c["letter"] for c in q["choices"] if c["letter"] != q["correct"])
    page.goto(base_url + q["url"])
    box = entry(page, q["id"])
    options = box.locator("button.mcq-option")
    assert options.count() == len(q["choices"])
    box.locator(f'button.mcq-option[data-letter="{wrong}"]').click()
    feedback = box.locator(".mcq-feedback")
    assert feedback.get_attribute("aria-live") == "polite"
    assert feedback.inner_text() == f"Not quite: you picked {wrong}, the correct answer is {q['correct']}."
    assert "mcq-option--wrong" in box.locator(f'[data-letter="{wrong}"].mcq-option').get_attribute("class")
    assert "mcq-option--right" in box.locator(f'[data-letter="{q["correct"]}"].mcq-option').get_attribute(
        "class"
    )
    assert box.locator("details.answer").evaluate("d => d.open"), "the explanation opens after an answer"
    assert page.url.endswith(q["url"]), "no reload, no navigation"
    right = box.locator(f'button.mcq-option[data-letter="{q["correct"]}"]')
    right.focus()
    page.keyboard.press("Enter")
    assert feedback.inner_text() == f"Correct: {q['correct']} is the right answer."
    assert right.get_attribute("aria-pressed") == "true"


@BOTH_ENGINES
def test_grade_buttons_record_and_show_the_schedule(built_site, base_url, page):
    page.goto(base_url + an_answered_page(built_site))
    first, second = page.locator(".qa").nth(0), page.locator(".qa").nth(1)
    first.get_by_role("button", name="I knew it").click()
    assert first.locator(".study-grade__status").inner_text() == "Known: next review in 2 days."
    assert first.get_by_role("button", name="I knew it").get_attribute("aria-pressed") == "true"
    second.get_by_role("button", name="Not yet").click()
    assert second.locator(".study-grade__status").inner_text() == "Not yet: back in your review queue today."
    state = json.loads(page.evaluate("localStorage.getItem('llm-study:v2')"))
    for qid in first.get_attribute("data-ids").split():
        card = state["cards"][qid]
        assert (card["grade"], card["state"], waited(card)) == ("knew", "review", timedelta(days=2))
    for qid in second.get_attribute("data-ids").split():
        card = state["cards"][qid]
        assert (card["grade"], card["state"], waited(card)) == ("again", "learning", timedelta(minutes=10))
    assert re.fullmatch(r"1 of \d+ known · 1 due today", page.locator(".study-bar__progress").inner_text())


def waited(card: dict) -> timedelta:
    """The time from a stored card's last review to its next."""
    return datetime.fromisoformat(card["due"]) - datetime.fromisoformat(card["last"])


def words_only_in_one_answer(site: Path) -> list[tuple[str, dict]]:
    """Long words that occur in exactly one answer and in no question title or option."""
    questions = visible_questions(site)
    elsewhere = " ".join(
        q["question"] + " " + " ".join(c["text"] for c in q["choices"]) for q in questions
    ).lower()
    everywhere = " ".join(q["answer"] or "" for q in questions).lower()
    seen: Counter[str] = Counter()
    owner: dict[str, dict] = {}
    for q in questions:
        if q["kind"] == "open" and q["answer"]:
            for w in set(WORD.findall(q["answer"].lower())):
                seen[w] += 1
                owner[w] = q
    return [
        (w, owner[w])
        for w in sorted(seen)
        if seen[w] == 1 and w not in elsewhere and everywhere.count(w) == 1
    ]


def in_a_later_tab(site: Path, q: dict) -> bool:
    """True when q is a merged duplicate but not its group's first tab (the site's primary order)."""
    doc = json.loads((site / "questions.json").read_text(encoding="utf-8"))
    rank = {s["id"]: i for i, s in enumerate(doc["sources"])}
    kinds = {"open": 0, "mcq": 1, "prompt": 2}
    members = [m for m in doc["questions"] if q["group"] and m["group"] == q["group"] and m["url"]]
    if len(members) < 2:
        return False
    first = min(members, key=lambda m: (kinds[m["kind"]], rank[m["source"]], m["n"], m["id"]))
    return first["id"] != q["id"]


def search_and_open(page, base_url: str, word: str, q: dict, engine: str):
    opener, box, links = SEARCH_UI[engine]
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    page.locator(opener).first.click()
    page.locator(box).press_sequentially(word, delay=20)
    target = (
        page.locator(links)
        .filter(has=page.locator("mark"))
        .filter(has_text=re.compile(word, re.I))
        .and_(page.locator(f'[href*="{page_of(q)}"]'))
    )
    target.first.wait_for(timeout=15_000)
    target.first.click()
    page.wait_for_url(re.compile(re.escape(page_of(q)) + r".*h="))
    details = entry(page, q["id"]).locator("details.answer")
    page.wait_for_function("d => d.open", arg=details.element_handle(), timeout=5_000)
    return details


def test_search_hit_inside_a_folded_answer_opens_it(built_site, base_url, page, engine):
    candidates = words_only_in_one_answer(built_site)
    assert candidates, "no word occurs in exactly one answer"
    word, q = candidates[0]
    details = search_and_open(page, base_url, word, q, engine)
    assert word in details.inner_text().lower()
    box = details.bounding_box()
    assert box is not None and box["y"] < page.viewport_size["height"] and box["y"] + box["height"] > 0
    others = page.evaluate("[...document.querySelectorAll('.qa details.answer')].filter(d => d.open).length")
    assert others == 1, "only the answer the search landed in opens"


def test_search_hit_in_another_sources_tab_selects_that_tab(built_site, base_url, page, engine):
    candidates = [(w, q) for w, q in words_only_in_one_answer(built_site) if in_a_later_tab(built_site, q)]
    if not candidates:
        pytest.skip("no merged duplicate whose later tab holds a unique word")
    word, q = candidates[0]
    details = search_and_open(page, base_url, word, q, engine)
    shown = details.locator(".tabbed-block").filter(has_text=re.compile(word, re.I))
    assert shown.count() == 1 and shown.is_visible(), f"the tab holding {word!r} is not selected"


def test_abbreviation_has_a_tooltip_on_hover_and_focus(built_site, base_url, page):
    url = base_url + an_answered_page(built_site)
    html = page.request.get(url).text()
    found = re.search(r'<abbr title="([^"]+)">([^<]+)</abbr>', html)
    assert found, "no abbreviation with a title on the page"
    expansion, term = found.groups()
    page.goto(url)
    abbr = page.locator(".md-content abbr", has_text=re.compile(rf"^{re.escape(term)}$")).first
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(timeout=5_000)
    assert tooltip.inner_text().strip() == expansion
    term_box, tip_box = abbr.bounding_box(), tooltip.locator(".md-tooltip2__inner").bounding_box()
    assert term_box["y"] + term_box["height"] <= tip_box["y"] <= term_box["y"] + term_box["height"] + 40, (
        "the tooltip sits just below its term"
    )
    assert (
        tip_box["x"] < term_box["x"] + term_box["width"] and term_box["x"] < tip_box["x"] + tip_box["width"]
    )
    assert abbr.get_attribute("title") is None, "no native title tooltip on top of ours"
    page.mouse.move(0, 0)
    tooltip.wait_for(state="detached", timeout=5_000)
    assert abbr.get_attribute("tabindex") == "0"
    abbr.focus()
    page.locator(".md-tooltip2--active").wait_for(timeout=5_000)
    assert page.locator(".md-tooltip2--active").inner_text().strip() == expansion
    page.keyboard.press("Escape")
    page.locator(".md-tooltip2").wait_for(state="detached", timeout=5_000)
    assert abbr.get_attribute("title") == expansion, "the expansion is back for assistive technology"


def test_study_mode_follows_instant_navigation(built_site, base_url, page):
    """Material swaps pages without reloading: every page still gets its controls, once."""
    target = an_answered_page(built_site)
    page.goto(base_url)
    page.wait_for_selector("#study-due .study-due__line")
    page.evaluate("window.__sameDocument = true")
    page.locator(f'.md-content a[href$="{target}"]').first.click()
    page.wait_for_url(base_url + target)
    page.wait_for_selector(".study-bar .study-bar__progress")
    assert page.evaluate("window.__sameDocument === true"), "instant navigation, not a reload"
    assert page.locator(".study-bar").count() == 1
    assert page.locator(".study-grade").count() == page.locator(".qa").count()
    page.locator(".md-tabs a", has_text="Flashcards").click()
    page.wait_for_selector("div#flashcards[data-ready] .fc-card")
    page.go_back()
    page.wait_for_selector(".study-bar")
    assert page.locator(".study-bar").count() == 1
    assert page.locator(".study-grade").count() == page.locator(".qa").count()
    assert page.evaluate("window.__sameDocument === true")


def test_each_abbreviation_is_one_tab_stop(built_site, base_url, page):
    page.goto(base_url + an_answered_page(built_site))
    page.wait_for_selector(".study-grade")
    stops = page.evaluate("""[...document.querySelectorAll('.md-content abbr[tabindex="0"]')]
                             .map(a => a.textContent.trim())""")
    terms = page.evaluate(
        "[...new Set([...document.querySelectorAll('.md-content abbr')].map(a => a.textContent.trim()))]"
    )
    assert stops and sorted(stops) == sorted(terms)


AXE_WIDGETS = """async (selectors) => {
  // MathJax's output is test_math's business, not the study widgets'. Material's own
  // content-tab labels are left to the whole-page runs of test_a11y: here, in dark mode
  // under CI load only, axe sometimes measured them against the wrong background
  // (not reproducible by hand at any scroll position).
  const result = await axe.run({include: selectors.map(s => [s]),
                                exclude: [['mjx-container'], ['.tabbed-labels']]},
                               {resultTypes: ['violations']});
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_study_widgets_pass_axe_after_use(built_site, base_url, page, scheme):
    """axe-core on our controls in the states a reader puts them in, both colour schemes."""
    from tests.browser.test_a11y import axe_script, set_scheme

    script = axe_script()
    q = an_mcq(built_site)
    page.goto(base_url + q["url"])
    set_scheme(page, scheme)
    box = entry(page, q["id"])
    wrong = next(c["letter"] for c in q["choices"] if c["letter"] != q["correct"])
    box.locator(f'button.mcq-option[data-letter="{wrong}"]').click()
    box.get_by_role("button", name="Not yet").click()
    page.get_by_role("switch", name="Show all answers").click()
    page.add_script_tag(path=str(script))
    assert page.evaluate(AXE_WIDGETS, [".study-bar", ".qa"]) == []

    page.goto(base_url)  # a question is due: counts are highlighted
    set_scheme(page, scheme)
    page.wait_for_selector(".due-count--due")
    page.add_script_tag(path=str(script))
    assert page.evaluate(AXE_WIDGETS, ["#study-due", ".grid.cards"]) == []

    page.goto(base_url + "flashcards/")
    set_scheme(page, scheme)
    page.wait_for_selector("div#flashcards[data-ready] .fc-card")
    page.get_by_role("button", name="Reveal answer").click()
    page.get_by_role("button", name="Reset progress…").click()
    page.add_script_tag(path=str(script))
    assert page.evaluate(AXE_WIDGETS, ["div#flashcards", "#study-progress"]) == []

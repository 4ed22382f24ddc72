"""Accessibility: axe-core (npm, pinned in package.json) in Chromium finds no serious or
critical violation on the home, math topic, flashcards and sources pages, light and dark."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.conftest import SEARCH_UI, PageWatch, open_watched_page, wait_for_results

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
SCHEMES = {"light": "default", "dark": "slate"}  # Material's scheme names
PAGES = {"home": "", "math topic": "topics/math-foundations/", "sources": "sources/"}
FLASHCARD_DIRS = ("flashcards", "study", "cards")
PALETTE_TOGGLE = "form[data-palette] label:not([hidden])"
# Answers are folded: open the first answer with math so the page is audited with a
# formula (MathML, or MathJax's output for one the build could not convert) in view.
SHOW_MATH = """() => {
  const answer = document.querySelector('article details:has(math, .arithmatex)');
  if (answer) { answer.open = true; answer.querySelector('math, .arithmatex').scrollIntoView(); }
}"""
MATH_DONE = (
    "() => !document.querySelector('.arithmatex') || !!document.querySelector('mjx-container mjx-math')"
)
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')), count: v.nodes.length}));
}"""


def axe_script() -> Path:
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{AXE} missing: run `npm ci --omit=dev` (scripts/test does)")
        pytest.skip("axe-core not installed (npm ci --omit=dev)")
    return AXE


def flashcards_path(site: Path) -> str | None:
    for name in FLASHCARD_DIRS:
        if (site / name / "index.html").exists():
            return f"{name}/"
    return None


def page_cases() -> list[tuple[str, str]]:
    return [(name, scheme) for name in (*PAGES, "flashcards") for scheme in SCHEMES]


def set_scheme(page, scheme: str) -> None:
    """Click the palette toggle until the body carries the wanted scheme."""
    wanted = SCHEMES[scheme]
    for _ in range(4):
        if page.get_attribute("body", "data-md-color-scheme") == wanted:
            return
        toggle = page.locator(PALETTE_TOGGLE).first
        assert toggle.count(), "no palette toggle in the header"
        toggle.click()
        page.wait_for_timeout(150)
    assert page.get_attribute("body", "data-md-color-scheme") == wanted, f"could not switch to {scheme}"


@pytest.mark.parametrize(("name", "scheme"), page_cases())
def test_no_serious_axe_violations(browser, base_url, built_site, name, scheme):
    script = axe_script()
    path = PAGES.get(name) if name != "flashcards" else flashcards_path(built_site)
    if path is None:
        pytest.skip("site has no flashcards page yet")
    assert (built_site / path / "index.html").exists(), f"{path} was not built"
    watch = PageWatch()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = open_watched_page(context, watch)
        page.goto(base_url + path, wait_until="networkidle")
        set_scheme(page, scheme)
        page.evaluate(SHOW_MATH)
        try:
            page.wait_for_function(MATH_DONE, timeout=10_000)
        except PlaywrightTimeout:
            pytest.fail(f"{path}: MathJax did not typeset the page's math within 10 s")
        page.add_script_tag(path=str(script))
        violations = [v for v in page.evaluate(RUN_AXE) if v["impact"] in BLOCKING]
    finally:
        context.close()
    assert not watch.problems(), "\n".join(watch.problems())
    assert not violations, f"{name} ({scheme}): " + "\n".join(
        f"{v['impact']} {v['id']} ({v['count']} nodes): {v['help']}; e.g. {', '.join(v['targets'])}"
        for v in violations
    )


QUESTION_OF = """s => {
  const heading = s.closest('.qa').previousElementSibling.cloneNode(true);
  heading.querySelectorAll('.headerlink').forEach(a => a.remove());
  return heading.textContent.trim();
}"""


def test_each_answer_toggle_is_named_after_its_question(base_url, built_site, page):
    """A screen reader listed every toggle as "Answer", the same name 17 times on a topic page."""
    page.goto(base_url + "topics/decoding/", wait_until="networkidle")
    toggles = page.locator(".qa > details.answer > summary")
    names = []
    for index in range(toggles.count()):
        summary = toggles.nth(index)
        title = summary.evaluate(QUESTION_OF)
        name = f"{summary.inner_text().strip()}: {title}"
        expect(summary).to_have_accessible_name(name)
        names.append(name)
    assert len(names) >= 2 and len(set(names)) == len(names)


def test_tab_from_the_search_field_reaches_only_what_is_shown(base_url, page):
    """Material closes the search on Tab, yet left its results' scroll box in the tab order:
    Tab from the search field, results listed or not, stopped on a box no longer shown.
    The results stay reachable with the arrow keys."""
    page.goto(base_url, wait_until="networkidle")
    opener, field, links = SEARCH_UI["mkdocs"]
    for query in ("", "LoRA"):
        page.locator(opener).first.click()
        page.locator(field).fill("")
        if query:
            page.locator(field).press_sequentially(query, delay=40)
            wait_for_results(page, links)
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement;
            return [e.className.toString(), e.getBoundingClientRect().height,
                    getComputedStyle(e).visibility]; }""")
        name, height, visibility = focused
        assert "md-search__scrollwrap" not in name and height > 0 and visibility == "visible", focused
    page.locator(opener).first.click()
    wait_for_results(page, links)  # reopened on the same query: its results listed again
    page.keyboard.press("ArrowDown")
    assert page.evaluate("!!document.activeElement.closest('.md-search-result__item')")

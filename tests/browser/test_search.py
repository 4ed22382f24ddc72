"""Search: typing a term into the search box lists a question about it first or second,
and clicking that result opens the question's anchor. On a Zensical build too, whose
search is its own dialog (in a shadow root, which Playwright's selectors pierce)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ON_ZENSICAL, SEARCH_UI, wait_for_results

pytestmark = pytest.mark.browser
TERMS = ("LoRA", "KL divergence", "beam search", "catastrophic forgetting")
# Two terms are enough on the second engine: its build is the cost, not the typing.
CASES = [
    *(("mkdocs", term) for term in TERMS),
    *(pytest.param("zensical", term, marks=ON_ZENSICAL) for term in TERMS[:2]),
]


def matching_anchors(site: Path, term: str) -> set[str]:
    """Anchors of every question whose text names the term (and of its merged duplicates)."""
    questions = json.loads((site / "questions.json").read_text(encoding="utf-8"))["questions"]
    hits = [q for q in questions if term.lower() in q["question"].lower() and q["url"]]
    groups = {q["group"] for q in hits if q["group"]}
    return {q["id"] for q in hits} | {q["id"] for q in questions if q["group"] in groups}


def question_results(page, links: str) -> list[tuple[str, object]]:
    """(anchor, link) of each shown result that is a section of a page, in the order shown
    (Material folds a page's weaker matches under "N more on this page": those are not shown)."""
    out = []
    for link in page.locator(links).filter(visible=True).all():
        fragment = urlsplit(link.get_attribute("href")).fragment
        if fragment:
            out.append((fragment, link))
    return out


@pytest.mark.parametrize(("engine", "term"), CASES)
def test_search_lists_the_question_first_or_second_and_opens_its_anchor(
    built_site, base_url, page, engine, term
):
    wanted = matching_anchors(built_site, term)
    assert wanted, f"no question in the corpus names {term!r}"
    opener, box, links = SEARCH_UI[engine]
    page.goto(base_url)
    page.wait_for_load_state("networkidle")  # the search worker has its index
    page.locator(opener).first.click()
    page.locator(box).press_sequentially(term, delay=40)
    wait_for_results(page, links)
    top = question_results(page, links)[:2]
    assert any(anchor in wanted for anchor, _ in top), (
        f"{term!r}: top question results {[a for a, _ in top]} are not among {sorted(wanted)[:6]}"
    )
    anchor, link = next((a, link) for a, link in top if a in wanted)
    link.click()
    page.wait_for_function(f"location.hash === '#{anchor}'", timeout=10_000)
    heading = page.locator(f'h2[id="{anchor}"]')
    heading.wait_for(state="attached", timeout=20_000)  # instant navigation swapped the content in
    expect(heading).to_be_in_viewport(timeout=10_000)
    assert page.evaluate("location.pathname").startswith(urlsplit(base_url).path + "topics/")

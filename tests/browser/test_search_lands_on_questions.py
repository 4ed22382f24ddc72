"""Search lands on questions: for the words a learner types, a question is among the
first three results shown, at desktop and phone widths. Home, source lists and topic
intros stay out of the index, the glossary ranks below questions and has no stubs,
suggestions carry no punctuation, and a result previews a couple of lines."""

from __future__ import annotations

import gzip
import json
import re
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import wait_for_results

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
TERMS = ("hallucination", "RLHF", "attention", "LoRA", "softmax temperature")
RESULTS = "li.md-search-result__item a.md-search-result__link"


def question_ids(site) -> set[str]:
    questions = json.loads((site / "questions.json").read_text(encoding="utf-8"))["questions"]
    return {q["id"] for q in questions}


def search(page, base_url: str, term: str, size: str):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[size], strict=True)))
    page.goto(base_url)
    if size == "phone":  # the search box hides behind its icon on a phone
        page.locator("label[for='__search']").first.click()
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(term, delay=30)
    wait_for_results(page, RESULTS)
    return page.locator(RESULTS).filter(visible=True)


@pytest.mark.parametrize("size", WIDTHS)
@pytest.mark.parametrize("term", TERMS)
def test_a_question_is_among_the_first_three_results(built_site, base_url, page, term, size):
    ids = question_ids(built_site)
    links = search(page, base_url, term, size).all()
    shown = [urlsplit(link.get_attribute("href")).fragment for link in links]
    assert any(fragment in ids for fragment in shown[:3]), f"{term!r} at {size}: first results {shown[:3]}"


def test_suggestions_carry_no_punctuation(base_url, page):
    search(page, base_url, "hallucinat", "desktop")
    suggestion = page.locator(".md-search__suggest").inner_text().strip()
    assert suggestion.lower().startswith("hallucinat"), suggestion
    assert re.fullmatch(r"[\w ]+", suggestion), suggestion


@pytest.mark.parametrize("size", WIDTHS)
def test_a_result_previews_a_couple_of_lines(base_url, page, size):
    results = search(page, base_url, "hallucination", size)
    previews = page.evaluate(
        """links => links.map(link => [...link.querySelectorAll("article > p, article > ul, article > ol")]
              .filter(el => el.offsetHeight > 0)
              .map(el => el.offsetHeight / parseFloat(getComputedStyle(el).lineHeight)))""",
        results.element_handles(),
    )
    lines = [n for shown in previews for n in shown]
    assert lines, "no result shows a preview"
    assert all(len(shown) <= 1 for shown in previews), previews
    assert max(lines) <= 2.05, previews


def indexed(site) -> list[dict]:
    """What the search indexes, per record: location and text (and Material's boost), in either mode."""
    if (site / "pagefind" / "pagefind.js").is_file():  # Pagefind's fragments: gzipped JSON
        docs = []
        for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
            data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
            location = data["meta"]["url"]
            docs.append({"location": location, "text": data["content"]})
        return docs
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_home_sources_and_topic_intros_stay_out_of_the_index(built_site):
    docs = indexed(built_site)
    pages = {doc["location"].split("#")[0] for doc in docs}
    assert "" not in pages and "sources/" not in pages  # home and the source lists repeat the topics
    assert not any(p.startswith("sources/") for p in pages)
    topics = [d for d in docs if d["location"].startswith("topics/") and "#" not in d["location"]]
    assert all(d["text"] == "" for d in topics), [d["text"][:80] for d in topics if d["text"]][:3]
    assert any(d["location"].startswith("topics/") and "#" in d["location"] for d in docs)  # questions are
    glossary = [d for d in docs if d["location"].startswith("glossary/")]
    assert glossary
    if "boost" in glossary[0]:  # Material: a term ranks below a question for the same words
        assert all(d["boost"] < 1 for d in glossary)
    else:  # Pagefind: a term's record holds the term, not the titles of the questions listed under it
        assert not any("questions about" in d["text"] or "question about" in d["text"] for d in glossary)
    assert not any("No question mentions" in d["text"] for d in docs)
    for doc in docs:
        if doc["location"].startswith("topics/"):  # an entry's badges and citations are not its words
            assert "Asked in" not in doc["text"] and "Related:" not in doc["text"], doc["location"]

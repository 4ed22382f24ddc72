"""The search index is not downloaded with the page: only when a reader reaches for search
(issue 15): focus of the box, the `/` shortcut, or (Material's search) a page opened from a
search result. In either search mode: Material's search_index.json, or Pagefind's runtime,
word list and index chunks."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
INDEX = ("search/search_index.json", "/pagefind/")


def index_requests(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda r: any(part in r.url for part in INDEX) and requests.append(r.url))
    return requests


def is_pagefind(site) -> bool:
    return (site / "pagefind" / "pagefind.js").is_file()


def test_no_index_until_the_search_box_is_used(built_site, base_url, page):
    requests = index_requests(page)
    page.goto(base_url + "topics/fine-tuning/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert requests == [], "the search index was fetched before anyone searched"
    # Instant navigation to another page does not fetch it either. (It keeps the document, so
    # wait for its new address: a search box opened before it lands is closed by it.)
    before = page.url
    page.locator("a.md-nav__link[href*='topics/']").first.click()
    page.wait_for_function("before => location.href !== before", arg=before)
    page.wait_for_load_state("networkidle")
    assert requests == []
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("LoRA", delay=40)
    page.wait_for_selector("li.md-search-result__item", timeout=15_000)
    assert requests, "searching fetched no index"
    if not is_pagefind(built_site):
        assert len(requests) == 1  # Material's whole index, once


def test_slash_shortcut_loads_the_index_and_search_works(built_site, base_url, page):
    requests = index_requests(page)
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    assert requests == []
    page.keyboard.press("/")
    page.keyboard.type("beam search", delay=40)
    page.wait_for_selector("li.md-search-result__item", timeout=15_000)
    assert requests, "searching fetched no index"
    if not is_pagefind(built_site):
        assert len(requests) == 1


def test_a_page_opened_from_a_search_result_highlights_at_once(built_site, base_url, page):
    requests = index_requests(page)
    page.goto(base_url + "topics/fine-tuning/?h=lora#what-is-lora-and-qlora-bb35ecb7")
    page.wait_for_selector("mark[data-md-highlight]", timeout=15_000)
    # Material highlights with its index; Pagefind's box marks the words without any.
    assert len(requests) == (0 if is_pagefind(built_site) else 1)

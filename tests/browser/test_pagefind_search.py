"""Search mode "pagefind": a small fixture corpus built with `--search pagefind` keeps Material's
search box and its keyboard use, lists questions from Pagefind's index, and landing on a result
opens the folded answer the words are in. Index text from a hostile source stays text."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.support.server import PREFIX, serve

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SOURCES = (
    "numbered/answer_styles_and_label_glitches.txt",
    "labelled/practice_set.txt",
    "markdown_headings/faq_with_front_matter.md",
    "hostile/injected_notes.md",
)
BOX = "input.md-search__input"
RESULTS = "li.md-search-result__item a.md-search-result__link"
TITLE_RESULTS = "li.md-search-result__item[data-provisional] a[href]"  # before Pagefind is ready
ANSWER_WORD = "gigabyte"  # only in the answer of "What is egress?", not in any question


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory) -> tuple[Path, int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    work = tmp_path_factory.mktemp("pagefind-project")
    shutil.copytree(ROOT / "overrides", work / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    (work / "content" / "sources").mkdir(parents=True)
    for name in ("topics.yml", "glossary.yml", "pages"):
        src = ROOT / "content" / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, work / "content" / name)
    for rel in SOURCES:
        shutil.copy2(FIXTURES / rel, work / "content" / "sources" / Path(rel).name)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable,
        "-m",
        "generator",
        "--root",
        str(work),
        "build",
        "--search",
        "pagefind",
        "--site-url",
        f"http://127.0.0.1:{port}{PREFIX}",
        "--engine",
        os.environ.get("SITE_ENGINE", "mkdocs"),  # see conftest's `engine` fixture
    ]
    result = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True)
    site = work / "site"
    assert (site / "pagefind" / "pagefind.js").is_file(), f"build failed:\n{result.stdout}\n{result.stderr}"
    return site, port


@pytest.fixture(scope="module")
def pagefind_url(pagefind_site):
    server, url = serve(*pagefind_site)
    yield url
    server.shutdown()
    server.server_close()


def test_pagefind_build_has_no_material_search(pagefind_site):
    site, _ = pagefind_site
    assert not (site / "search").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-search" in home and 'data-md-component="search"' not in home
    assert 'name="search"' not in home  # Material fetches search_index.json for that form


def search(page, url: str, query: str):
    page.goto(url)
    page.keyboard.press("/")  # Material's shortcut opens the box
    expect(page.locator(BOX)).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.type(query, delay=30)
    # Pagefind's results of the whole query: not of a prefix that a slow machine searched while
    # typing, nor the titles listed before Pagefind is ready (they have tests of their own).
    results_for(page, query, "li.md-search-result__item:not([data-provisional]) a[href]")


def results_for(page, query: str, selector: str) -> None:
    page.wait_for_function(
        """([q, sel]) => { const a = document.querySelector(sel);
                           return a && new URL(a.href).searchParams.get('h') === q; }""",
        arg=[query, selector],
        timeout=15_000,
    )


def test_typing_lists_the_question_and_enter_opens_its_folded_answer(pagefind_url, page):
    search(page, pagefind_url, ANSWER_WORD)
    first = page.locator(RESULTS).first
    href = first.get_attribute("href")
    anchor = urlsplit(href).fragment
    assert anchor.startswith("what-is-egress-"), href
    expect(first.locator("mark").first).to_contain_text(ANSWER_WORD, ignore_case=True)
    # The excerpt does not open by repeating the end of the title shown above it.
    title = first.locator("h2").inner_text()
    excerpt = first.locator("p").inner_text() if first.locator("p").count() else ""
    assert not any(
        excerpt.startswith(title[i:]) for i in range(len(title) - 8) if i == 0 or title[i - 1] == " "
    )
    # Each result is a question, and the count line says so (not the theme's "documents").
    count = page.locator(".md-search-result__meta").inner_text()
    assert re.fullmatch(r"1 matching question|\d+\+? matching questions", count), count
    page.keyboard.press("Enter")  # from the box: the best result
    page.wait_for_function(f"location.hash === '#{anchor}'", timeout=10_000)
    heading = page.locator(f'h2[id="{anchor}"]')
    expect(heading).to_be_in_viewport(timeout=10_000)
    answer = page.locator(f'h2[id="{anchor}"] + .qa details.answer')
    expect(answer).to_have_attribute("open", "", timeout=5_000)
    expect(answer.locator("mark[data-md-highlight]").first).to_have_text(ANSWER_WORD, ignore_case=True)
    expect(page.locator("#__search")).not_to_be_checked()


def test_arrows_move_through_results_and_escape_closes(pagefind_url, page):
    search(page, pagefind_url, "instance")  # spot, reserved: several questions
    expect(page.locator(RESULTS)).not_to_have_count(1)
    links = page.locator(RESULTS)
    page.keyboard.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.locator(BOX)).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    target = urlsplit(links.nth(1).get_attribute("href")).fragment
    page.keyboard.press("Enter")  # on a focused result: that result
    page.wait_for_function(f"location.hash === '#{target}'", timeout=10_000)
    expect(page.locator(f'[id="{target}"]')).to_be_in_viewport(timeout=10_000)
    # The instant navigation is over once study.js has enhanced the new page's entry (a
    # failure under load showed Material's "Page loading" bar still up when Escape came).
    expect(page.locator(f'[id="{target}"] + .qa')).to_have_attribute("data-study", "ready", timeout=10_000)
    page.keyboard.press("s")
    expect(page.locator(BOX)).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()


def test_escape_right_after_the_shortcut_leaves_search_closed(pagefind_url, page):
    """`s` then Escape in one task, as a fast typist on a busy phone sends them: focusing the
    box schedules the toggle's opening, which must not reopen what Escape has closed."""
    page.goto(pagefind_url)
    page.wait_for_load_state("networkidle")
    page.evaluate(
        """() => {
          for (const key of ["s", "Escape"]) {
            window.dispatchEvent(new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true}));
          }
        }"""
    )
    page.wait_for_timeout(200)  # past the focus handler's timeout
    expect(page.locator("#__search")).not_to_be_checked()
    expect(page.locator(BOX)).not_to_be_focused()


def test_hostile_index_text_is_shown_as_text(pagefind_url, page):
    search(page, pagefind_url, "onerror")  # a code span holds <img src=x onerror=alert(1)>
    items = page.locator("ol.md-search-result__list")
    expect(items).to_contain_text("onerror")
    assert page.locator("ol.md-search-result__list img, ol.md-search-result__list script").count() == 0
    assert page.locator("ol.md-search-result__list *:not(li, a, article, div, h1, h2, p, mark)").count() == 0


def test_titles_answer_first_until_pagefind_is_ready(pagefind_url, page):
    """On a fresh load the questions whose titles hold the words are listed at once, from
    pagefind/titles.json; Pagefind's ranked results take their place when its runtime is in."""
    held = []
    page.route("**/pagefind/pagefind.js", lambda route: held.append(route))  # held until released
    page.goto(pagefind_url)
    page.keyboard.press("/")
    page.keyboard.type("egress", delay=30)
    results_for(page, "egress", TITLE_RESULTS)
    provisional = page.locator("li.md-search-result__item[data-provisional]")
    expect(provisional.first).to_be_visible()
    titles = provisional.locator("h2").all_inner_texts()
    assert titles and all("egress" in t.lower() for t in titles), titles
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_attribute("aria-busy", "true")  # screen readers hear Pagefind's count
    assert held, "Pagefind's runtime was not requested with the titles"
    for route in held:
        route.continue_()
    expect(provisional).to_have_count(0, timeout=15_000)
    expect(page.locator(RESULTS).first).to_be_visible()
    expect(meta).not_to_have_attribute("aria-busy", "true")
    # Pagefind has answered: later queries list its results only.
    page.keyboard.press("Control+A")
    page.keyboard.type("instance", delay=30)
    page.wait_for_function(
        "() => [...document.querySelectorAll('li.md-search-result__item a[href]')]"
        ".some(a => new URL(a.href).searchParams.get('h') === 'instance')"
    )
    assert provisional.count() == 0


def test_a_title_result_opens_its_question_without_pagefind(pagefind_url, page, watch):
    """Offline after the titles came (Pagefind's runtime fails): Enter still opens the first
    title's question, at the anchor the box rebuilds from the title's words."""
    page.route("**/pagefind/pagefind.js", lambda route: route.abort())
    page.goto(pagefind_url)
    page.keyboard.press("/")
    page.keyboard.type("egress", delay=30)
    results_for(page, "egress", TITLE_RESULTS)
    first = page.locator(TITLE_RESULTS).first
    expect(first).to_be_visible()
    anchor = urlsplit(first.get_attribute("href")).fragment
    assert anchor.startswith("what-is-egress-"), anchor
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === '#{anchor}'", timeout=10_000)
    expect(page.locator(f'h2[id="{anchor}"]')).to_be_in_viewport(timeout=10_000)
    # Chromium logs each refused runtime request (the box asks again on the next query).
    watch.console_errors[:] = [m for m in watch.console_errors if "net::ERR_FAILED" not in m]


def test_titles_stay_while_the_reader_moves_through_them(pagefind_url, page):
    """A reader who has arrowed into the titles' results keeps them: Pagefind's results do not
    replace the list under the keyboard; they come with the next query."""
    held = []
    page.route("**/pagefind/pagefind.js", lambda route: held.append(route))
    page.goto(pagefind_url)
    page.keyboard.press("/")
    page.keyboard.type("egress", delay=30)
    results_for(page, "egress", TITLE_RESULTS)  # the whole word's titles, not a prefix's
    provisional = page.locator(TITLE_RESULTS)
    expect(provisional.first).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(provisional.first).to_be_focused()
    for route in held:
        route.continue_()
    expect(page.locator(".md-search-result__meta")).not_to_have_attribute("aria-busy", "true", timeout=15_000)
    # Every result of Pagefind's batch has come and been kept out of the list.
    expect(page.locator(".md-search-result__list")).to_have_attribute("data-batch", "done", timeout=15_000)
    expect(provisional.first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.locator(BOX)).to_be_focused()
    page.keyboard.type("s", delay=30)  # "egresss": a new query, Pagefind's results
    expect(page.locator("li.md-search-result__item[data-provisional]")).to_have_count(0, timeout=15_000)

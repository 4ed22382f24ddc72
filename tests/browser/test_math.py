"""Formulas: typeset by the site's own MathJax on every page that has them, no raw TeX
left visible, MathJax not loaded where there is no math nor before a formula comes into
view (answers are folded), and typeset again after instant navigation between topic
pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.browser.test_site import page_paths

pytestmark = pytest.mark.browser
RAW_TEX = re.compile(r"\$\$|\\frac|\\\(|\\\)|\\\[|\\\]|\\sum|\\sqrt")
TYPESET_TIMEOUT_MS = 20_000

# Text of the article with every details block opened, leaving out typeset formulas.
VISIBLE_TEXT_JS = """() => {
  document.querySelectorAll('article details').forEach(d => d.open = true);
  document.querySelectorAll('article .tabbed-set').forEach(set => set.classList.add('x-all'));
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT, {
    acceptNode: node => node.parentElement.closest('mjx-container, script, style')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
  let text = '';
  while (walker.nextNode()) text += walker.currentNode.nodeValue;
  return text;
}"""
# MathJax typesets lazily (a formula when it comes into view): a formula not yet in
# view holds an <mjx-lazy> placeholder, a typeset one its <mjx-math>.
TYPESET = "article .arithmatex > mjx-container > mjx-math"
FIRST_TYPESET_JS = f"() => document.querySelector('{TYPESET}') !== null"
ALL_TYPESET_JS = f"""() => {{
  const math = document.querySelectorAll('article .arithmatex');
  math.forEach(m => {{ if (!m.querySelector('mjx-math')) m.scrollIntoView({{block: 'center'}}); }});
  return math.length > 0 && math.length === document.querySelectorAll('{TYPESET}').length;
}}"""


def math_pages(site: Path) -> list[str]:
    """Pages that hold formulas, judged from the built HTML itself."""
    return [
        path
        for path in page_paths(site)
        if 'class="arithmatex"' in (site / path / "index.html").read_text(encoding="utf-8")
    ]


def math_topic_pages(site: Path) -> list[str]:
    return [p for p in math_pages(site) if p.startswith("topics/")]


def plain_topic_pages(site: Path) -> list[str]:
    return [p for p in page_paths(site) if p.startswith("topics/") and p not in math_pages(site)]


OPEN_ANSWERS_JS = """() => {
  document.querySelectorAll('article details').forEach(d => d.open = true);
  document.querySelector('article .arithmatex').scrollIntoView();
}"""


def wait_typeset(page) -> None:
    """Open the folded answers and show a formula (MathJax loads once one is in view), wait
    for it, then bring each formula into view until every one is typeset."""
    page.evaluate(OPEN_ANSWERS_JS)
    page.wait_for_function(FIRST_TYPESET_JS, timeout=TYPESET_TIMEOUT_MS)
    page.wait_for_function(ALL_TYPESET_JS, timeout=TYPESET_TIMEOUT_MS, polling=200)


def test_corpus_has_math_and_pages_flag_it(built_site):
    data = json.loads((built_site / "questions.json").read_text(encoding="utf-8"))
    assert any(q["math"] for q in data["questions"]), "no question holds math: nothing to typeset"
    assert math_topic_pages(built_site)


def test_every_formula_on_every_page_is_typeset_and_no_raw_tex_shows(built_site, base_url, page):
    failed_requests: list[str] = []
    page.on("response", lambda r: r.status >= 400 and failed_requests.append(r.url))
    for path in math_pages(built_site):
        page.goto(base_url + path)
        wait_typeset(page)
        counts = page.evaluate(f"""() => [document.querySelectorAll('article .arithmatex').length,
                                           document.querySelectorAll('{TYPESET}').length]""")
        assert counts[0] == counts[1], f"{path}: {counts[0]} formulas, {counts[1]} typeset"
        leftover = RAW_TEX.findall(page.evaluate(VISIBLE_TEXT_JS))
        assert not leftover, f"{path}: raw TeX visible: {leftover[:5]}"
        assert page.evaluate("document.querySelector('mjx-merror') === null"), f"{path}: a TeX error"
    assert failed_requests == [], failed_requests  # every MathJax file (fonts, extensions) is served


def test_mathjax_is_served_locally_and_only_loaded_where_needed(built_site, base_url, page):
    scripts: list[str] = []
    page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    assert not page.evaluate("'MathJax' in window") and not [s for s in scripts if "mathjax" in s]
    page.goto(base_url + math_topic_pages(built_site)[0])
    wait_typeset(page)
    assert [s for s in scripts if s.startswith(base_url + "assets/mathjax/")]


def test_mathjax_waits_until_a_formula_is_shown(built_site, base_url, page):
    """With every formula in a folded answer, MathJax loads when one is opened, not before."""
    folded = [
        p
        for p in math_topic_pages(built_site)
        if not re.search(
            r'class="arithmatex"',
            re.sub(
                r"(?s)<details.*?</details>", "", (built_site / p / "index.html").read_text(encoding="utf-8")
            ),
        )
    ]
    assert folded, "no page whose formulas are all inside answers"
    page.goto(base_url + folded[0])
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 3000)  # scrolling past folded answers loads nothing
    page.wait_for_timeout(500)
    assert not page.evaluate("'MathJax' in window"), "MathJax loaded with every formula folded"
    answer = page.locator("article details:has(.arithmatex) > summary").first
    answer.scroll_into_view_if_needed()
    answer.click()
    page.wait_for_function(
        """() => { const d = document.querySelector('article details[open]:has(.arithmatex)');
                                      return d && d.querySelector('mjx-math') !== null; }""",
        timeout=TYPESET_TIMEOUT_MS,
    )


def click_nav_to(page, path: str) -> None:
    name = path.split("/", 1)[1]  # "decoding/" of "topics/decoding/"
    page.locator(f'nav.md-nav--primary a.md-nav__link[href$="/{name}"]').first.click()


def test_formulas_typeset_after_instant_navigation(built_site, base_url, page):
    with_math = math_topic_pages(built_site)
    without = plain_topic_pages(built_site)
    route = ([without[0]] if without else []) + with_math[:2]
    assert len(route) >= 2, "need two topic pages to move between"
    page.goto(base_url + route[0])
    page.evaluate("window.__sameDocument = true")
    for path in route[1:]:
        heading = page.evaluate("document.querySelector('article h1').textContent")
        click_nav_to(page, path)
        page.wait_for_url(base_url + path)
        page.wait_for_function("h => document.querySelector('article h1').textContent !== h", arg=heading)
        wait_typeset(page)
        assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the page"
        assert not RAW_TEX.findall(page.evaluate(VISIBLE_TEXT_JS))

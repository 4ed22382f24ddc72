"""Formulas: written as MathML at build time and laid out by the browser with the math font
the site serves, so a page with math requests no math script, nothing shifts when an
answer opens, and no raw TeX shows; after instant navigation too. A formula the build
cannot convert is the exception: MathJax (the site's own copy) loads on that page only."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import BOTH_ENGINES, open_watched_page
from tests.browser.test_site import page_paths
from tests.support.server import PREFIX, serve

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
RAW_TEX = re.compile(r"\$\$|\\frac|\\\(|\\\)|\\\[|\\\]|\\sum|\\sqrt")
TIMEOUT_MS = 20_000

# Text of the article with every answer opened, leaving out the formulas themselves.
VISIBLE_TEXT_JS = """() => {
  document.querySelectorAll('article details').forEach(d => d.open = true);
  document.querySelectorAll('article .tabbed-set').forEach(set => set.classList.add('x-all'));
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT, {
    acceptNode: node => node.parentElement.closest('math, mjx-container, script, style')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
  let text = '';
  while (walker.nextNode()) text += walker.currentNode.nodeValue;
  return text;
}"""
# Every formula of the article, opened: how many, how many are laid out as MathML with
# a box of their own, and whether the page's math font is the one in use.
# A merged entry shows one source's answer at a time, in tabs: a formula in another tab is
# measured the way a reader sees it, with its tab selected.
LAYOUT_JS = """async () => {
  document.querySelectorAll('article details').forEach(d => d.open = true);
  await document.fonts.ready;
  const math = [...document.querySelectorAll('article math')];
  const select = m => {
    const block = m.closest('.tabbed-block');
    if (!block) return;
    const index = [...block.parentElement.children].indexOf(block);
    const input = block.closest('.tabbed-set').querySelectorAll(':scope > input')[index];
    if (input) input.checked = true;
  };
  const boxed = math.filter(m => {
    select(m);
    const r = m.getBoundingClientRect();
    return r.width && r.height;
  });
  await document.fonts.ready;  // a formula shown just now may have asked for the font
  return {count: math.length, boxed: boxed.length, font: document.fonts.check('16px "Study Math"', '∑'),
          tex: document.querySelectorAll('article .arithmatex').length};
}"""


def math_pages(site: Path) -> list[str]:
    """Pages that hold formulas, judged from the built HTML itself."""
    return [p for p in page_paths(site) if "<math" in (site / p / "index.html").read_text(encoding="utf-8")]


def math_topic_pages(site: Path) -> list[str]:
    return [p for p in math_pages(site) if p.startswith("topics/")]


@BOTH_ENGINES
def test_corpus_has_math_and_every_formula_was_converted(built_site):
    data = json.loads((built_site / "questions.json").read_text(encoding="utf-8"))
    assert any(q["math"] for q in data["questions"]), "no question holds math: nothing to typeset"
    assert math_topic_pages(built_site)
    left = [
        p
        for p in page_paths(built_site)
        if 'class="arithmatex"' in (built_site / p / "index.html").read_text()
    ]
    assert left == [], f"formulas left to MathJax on {left}"
    assert (built_site / "assets" / "fonts" / "math.woff2").is_file()


@BOTH_ENGINES
def test_every_formula_is_laid_out_with_no_math_script_and_no_raw_tex(built_site, base_url, page):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for path in math_pages(built_site):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        layout = page.evaluate(LAYOUT_JS)
        assert layout["count"] > 0 and layout["boxed"] == layout["count"], f"{path}: {layout}"
        assert layout["tex"] == 0 and layout["font"], f"{path}: {layout}"
        leftover = RAW_TEX.findall(page.evaluate(VISIBLE_TEXT_JS))
        assert not leftover, f"{path}: raw TeX visible: {leftover[:5]}"
        assert page.evaluate("document.querySelector('merror') === null"), f"{path}: a formula error"
    assert not [u for u in requests if "mathjax" in u], "a math page requested MathJax"
    assert not [u for u in requests if u.endswith("/assets/math.js")], "a math page requested math.js"
    assert not page.evaluate("'MathJax' in window")
    assert base_url + "assets/fonts/math.woff2" in requests


def test_opening_a_math_answer_shifts_nothing(built_site, base_url, page):
    """The answer's height is final the moment it opens: nothing typesets it afterwards."""
    page.goto(base_url + math_topic_pages(built_site)[0])
    page.wait_for_load_state("networkidle")
    summary = page.locator("article details:has(math) > summary").first
    summary.scroll_into_view_if_needed()
    summary.click()
    details = page.locator("article details[open]:has(math)").first
    page.evaluate("document.fonts.ready")
    first = details.bounding_box()["height"]
    page.wait_for_timeout(1_000)
    assert details.bounding_box()["height"] == first


def test_formulas_survive_instant_navigation(built_site, base_url, page):
    with_math = math_topic_pages(built_site)
    without = [p for p in page_paths(built_site) if p.startswith("topics/") and p not in with_math]
    route = ([without[0]] if without else []) + with_math[:2]
    assert len(route) >= 2, "need two topic pages to move between"
    page.goto(base_url + route[0])
    page.evaluate("window.__sameDocument = true")
    for path in route[1:]:
        name = path.split("/", 1)[1]
        page.locator(f'nav.md-nav--primary a.md-nav__link[href$="/{name}"]').first.click()
        page.wait_for_url(base_url + path)
        page.wait_for_function(f"location.pathname.endsWith('/{name}')")
        # The address changes before instant navigation swaps the article in: wait for the new one.
        page.wait_for_function("document.querySelector('article math') !== null")
        layout = page.evaluate(LAYOUT_JS)
        assert layout["count"] and layout["boxed"] == layout["count"], f"{path}: {layout}"
        assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the page"
        assert not RAW_TEX.findall(page.evaluate(VISIBLE_TEXT_JS))


FALLBACK_SOURCE = """Formula Fallbacks

Q1. What does the operator do?

Ans - The operator $\\myoperator{x} + y_1$ is not one MathML conversion knows.

Q2. And a formula that converts?

Ans - Scaled by $\\frac{1}{\\sqrt{d_k}}$ as usual.
"""


@pytest.fixture(scope="module")
def fallback_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("fallback")
    for name in ("content", "overrides", "generator", "mkdocs.yml"):
        src = ROOT / name
        copy = shutil.copytree if src.is_dir() else shutil.copy2
        copy(src, work / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if src.is_dir() else {}))
    sources = work / "content" / "sources"
    shutil.rmtree(sources)
    sources.mkdir()
    (sources / "fallbacks.txt").write_text(FALLBACK_SOURCE, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--root",
            str(work),
            "build",
            "--site-url",
            f"http://127.0.0.1:8943{PREFIX}",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(work), "SOURCE_DATE_EPOCH": "1700000000"},
    )
    assert (work / "site" / "index.html").exists(), result.stderr
    assert "content/sources/fallbacks.txt:3: warning: formula left to MathJax" in result.stderr
    return work / "site"


def test_a_formula_the_build_cannot_convert_is_typeset_by_mathjax_on_its_page(fallback_site, context, watch):
    server, url = serve(fallback_site, 8943)
    try:
        page = open_watched_page(context, watch)
        scripts: list[str] = []
        page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
        topic = next(
            p
            for p in page_paths(fallback_site)
            if p.startswith("topics/") and "arithmatex" in (fallback_site / p / "index.html").read_text()
        )
        page.goto(url + topic)
        page.evaluate("""() => { document.querySelectorAll('article details').forEach(d => d.open = true);
                               document.querySelector('article .arithmatex').scrollIntoView(); }""")
        page.wait_for_function(
            "document.querySelector('article .arithmatex mjx-container mjx-math') !== null",
            timeout=TIMEOUT_MS,
        )
        assert url + "assets/math.js" in scripts  # loader.js: only a page with TeX left
        assert [s for s in scripts if s.startswith(url + "assets/mathjax/")]
        assert (
            page.evaluate("document.querySelectorAll('article math').length") >= 1
        )  # the other one is MathML
        assert not watch.problems(), watch.problems()
    finally:
        server.shutdown()
        server.server_close()

"""Hostile input end to end: the hostile corpus of tests/test_hostile.py (text fixtures in
tests/fixtures/hostile/, binary and huge files generated there) is built by the real CLI
into a site. The build exits 1 with every problem at path:line, and in Chromium nothing
from the sources executes on any page (every payload calls alert: a dialog fails the test).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser.conftest import PageWatch, open_watched_page
from tests.support.server import serve
from tests.test_hostile import EXPECTED_PROBLEMS, FIXTURES, GENERATED

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ("content", "overrides", "generator", "mkdocs.yml")
PAYLOAD = "alert("  # every hostile payload calls it
THEME_JS_URL = "javascript:void(0)"  # Material's own search-share button, not content
GOOD = "good_questions.txt"
REPORT = re.compile(r"^(content/sources/[^:\s]+):(\d+): (warning|error): (.+)$", re.M)


class ScriptsAndHandlers(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []  # src or inline text of every <script>
        self.handlers: list[str] = []  # on*= attributes
        self.js_urls: list[str] = []  # javascript: in any URL attribute
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            squashed = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if squashed.startswith("javascript:") and value != THEME_JS_URL:
                self.js_urls.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self._in_script = True
            self.scripts.append(dict(attrs).get("src") or "")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile")
    for name in PROJECT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, work / name, ignore=shutil.ignore_patterns("__pycache__", "sources"))
        elif src.exists():
            shutil.copy2(src, work / name)
    sources = work / "content" / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    (work / "content" / "sources.yml").write_text("{}\n")
    (work / "content" / "curation.yml").write_text("{}\n")  # the real one names the real sources' ids
    for path in FIXTURES.iterdir():
        shutil.copy(path, sources / path.name)
    for name, data in GENERATED.items():
        (sources / name).write_bytes(data)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(work)}
    run = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(work), "build"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return work, run


def test_build_reports_every_problem_as_path_line_and_exits_1(hostile_build):
    work, run = hostile_build
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 1, f"exit {run.returncode}\n{run.stdout}\n{run.stderr}"
    reports = [(m[1].removeprefix("content/sources/"), int(m[2]), m[4]) for m in REPORT.finditer(run.stderr)]
    missing = [
        f"{name}:{line} {words!r}"
        for name, line, words in EXPECTED_PROBLEMS
        if not any(f == name and n == line and words in msg for f, n, msg in reports)
    ]
    assert not missing, f"not reported as path:line by the build: {missing}; stderr:\n{run.stderr}"
    assert not [msg for f, _, msg in reports if f == GOOD], f"the good file was flagged:\n{run.stderr}"
    assert (work / "site" / "index.html").exists(), "the good file and the rest must still build"


def test_built_html_holds_no_source_script_handler_or_javascript_url(hostile_build):
    work, _ = hostile_build
    pages = sorted((work / "site").rglob("*.html"))
    assert pages
    found = []
    for path in pages:
        scan = ScriptsAndHandlers()
        text = path.read_text(encoding="utf-8")
        scan.feed(text)
        rel = path.relative_to(work / "site")
        found += [
            f"{rel}: script {s[:80]!r}"
            for s in scan.scripts
            if PAYLOAD in s or s.startswith("//") or re.match(r"[a-z]+:", s, re.I)
        ]
        found += [f"{rel}: handler {h[:80]}" for h in scan.handlers]
        found += [f"{rel}: {u[:80]}" for u in scan.js_urls]
    assert not found, "\n".join(found[:30])


def test_template_syntax_stays_literal_text(hostile_build):
    work, _ = hostile_build
    text = "\n".join(html.unescape(p.read_text(encoding="utf-8")) for p in (work / "site").rglob("*.html"))
    assert "{{ config }}" in text, "template syntax from a source must show as written"
    assert "{{ 7 * 7 }}" in text and "site_name:" not in text


def test_no_page_executes_anything_in_chromium(hostile_build, browser):
    work, _ = hostile_build
    server, url = serve(work / "site")
    problems = []
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        for index in sorted((work / "site").rglob("index.html")):
            rel = index.parent.relative_to(work / "site").as_posix()
            watch = PageWatch()
            page = open_watched_page(context, watch)
            page.goto(url + ("" if rel == "." else rel + "/"), wait_until="networkidle")
            page.mouse.move(400, 400)  # would fire mouseover handlers
            page.keyboard.press("Tab")  # would fire focus handlers
            page.wait_for_timeout(100)
            problems += [f"{rel}: {p}" for p in watch.dialogs + watch.page_errors]
            page.close()
        context.close()
    finally:
        server.shutdown()
        server.server_close()
    assert not problems, "\n".join(problems)


def test_the_hostile_corpus_on_flashcards_executes_nothing(hostile_build, browser):
    """The cards put questions.json's HTML into the page: reveal every one, hovering and tabbing."""
    work, _ = hostile_build
    records = json.loads((work / "site" / "questions.json").read_text(encoding="utf-8"))["questions"]
    scan = ScriptsAndHandlers()
    for r in records:
        scan.feed(r["question_html"] + (r["answer_html"] or "") + "".join(c["html"] for c in r["choices"]))
    assert (scan.scripts, scan.handlers, scan.js_urls) == ([], [], [])
    server, url = serve(work / "site")
    watch = PageWatch()
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = open_watched_page(context, watch)
        page.goto(url + "flashcards/", wait_until="networkidle")
        page.wait_for_selector("#flashcards[data-ready] .fc-card")
        cards = page.evaluate("""async () => {
            let cards = 0;
            for (;;) {
                document.querySelector('.fc-reveal').click();
                cards += 1;
                await new Promise(r => setTimeout(r, 0));
                const next = document.querySelector('.fc-next');
                if (next.disabled) return cards;
                next.click();
            }
        }""")
        page.mouse.move(400, 400)
        page.keyboard.press("Tab")
        page.wait_for_timeout(100)
        context.close()
    finally:
        server.shutdown()
        server.server_close()
    assert cards > 1
    assert not watch.dialogs + watch.page_errors, watch.dialogs + watch.page_errors


# After MathJax typesets, each formula it was left: every element of its output, with what a
# formula asked for that MathJax's safe extension must have filtered.
TYPESET_ALL = """async () => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const formulas = [...document.querySelectorAll('.arithmatex')];
  for (const formula of formulas) {
    formula.scrollIntoView();
    // ui/lazy first puts an empty placeholder container in, then the typeset math (up to 30 s:
    // MathJax is 1 MB of script for a loaded CI machine to parse)
    for (let i = 0; i < 600 && !formula.querySelector('mjx-container mjx-math'); i++) {
      await new Promise(r => setTimeout(r, 50));
    }
  }
  const found = [];
  for (const formula of formulas) {
    if (!formula.querySelector('mjx-container mjx-math')) found.push('not typeset: ' + formula.textContent);
    for (const el of formula.querySelectorAll('mjx-container *')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name) || (a.name === 'href' && !/^https?:/i.test(a.value))
            || (a.name === 'style' && /position|vw|vh/i.test(a.value)))
          found.push(el.localName + ' ' + a.name + '=' + a.value);
      }
    }
  }
  return [formulas.length, found];
}"""


def test_formulas_typeset_in_the_browser_carry_no_script_link_or_page_cover(hostile_build, browser):
    """The formulas the build leaves to MathJax (\\bbox[position:fixed], \\mmlToken) once typeset."""
    work, _ = hostile_build
    server, url = serve(work / "site")
    results = {}
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        for index in sorted((work / "site").rglob("index.html")):
            if 'class="arithmatex"' not in index.read_text(encoding="utf-8"):
                continue
            rel = index.parent.relative_to(work / "site").as_posix()
            watch = PageWatch()
            page = open_watched_page(context, watch)
            page.goto(url + ("" if rel == "." else rel + "/"), wait_until="networkidle")
            results[rel] = page.evaluate(TYPESET_ALL)
            assert watch.problems() == [], rel
            page.close()
        context.close()
    finally:
        server.shutdown()
        server.server_close()
    assert sum(count for count, _ in results.values()) >= 1, results
    assert not [(rel, found) for rel, (_, found) in results.items() if found], results

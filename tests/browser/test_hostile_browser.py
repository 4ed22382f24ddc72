"""Hostile input end to end: a corpus of hostile documents plus one good one builds, every
problem is reported as path:line with exit code 1, and in Chromium nothing from the
sources executes (no dialog, no marker set on window) on any page of the built site.

The hostile files are written here as bytes (NUL bytes and cp1252 cannot live in a text
fixture); reader-level hostile tests are in tests/test_hostile.py.
"""

from __future__ import annotations

import html
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

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ("content", "overrides", "generator", "mkdocs.yml")
MARK = "PWNED"   # every payload names it: it must never reach a script or a handler
THEME_JS_URL = "javascript:void(0)"   # Material's own search-share button, not content

INJECTED_HTML = f"""<!DOCTYPE html><html><head><title>Hostile page</title>
<script>window.__{MARK}=1;alert("{MARK} head")</script></head><body>
<h2>What does a script tag do?</h2>
<p>Plain answer.<script>window.__{MARK}=1;alert("{MARK} script")</script></p>
<p><img src="x" onerror="window.__{MARK}=1;alert('{MARK} img')"> and
<a href="javascript:alert('{MARK} link')">a link</a> and <a href="JaVaScRiPt:alert('{MARK}')">another</a>
and <a href="java&#x09;script:alert('{MARK}')">a third</a></p>
<svg onload="alert('{MARK} svg')"><circle r="1"/></svg>
<iframe src="javascript:alert('{MARK} iframe')"></iframe>
<h2>What does an event handler do?</h2>
<div onmouseover="alert('{MARK} div')" style="position:fixed;inset:0">Hover anywhere.</div>
<form action="javascript:alert('{MARK}')"><input autofocus onfocus="alert('{MARK} input')"></form>
<style>body {{ display: none }}</style>
</body></html>
"""

INJECTED_MD = f"""# Hostile Markdown

## What happens to raw HTML in Markdown?

Some text <script>window.__{MARK}=1;alert("{MARK} md")</script> and more.

<details open ontoggle="alert('{MARK} details')"><summary>x</summary>y</details>

## What happens to a javascript link?

[click me](javascript:alert('{MARK}')) and <a href="javascript:alert('{MARK}')">raw</a>
and ![img](x" onerror="alert('{MARK}'))

<div onclick="alert('{MARK}')">click</div>
"""

TEMPLATE_TXT = """Template Syntax Questions

Q1. What does {{ config }} print in a template?

Ans - It prints {{ config.site_name }} and {% include "mkdocs.yml" %} and {{ 7 * 7 }}.

Q2. What is {% raw %} used for?

Ans - {%- for x in range(3) %}{{ x }}{% endfor %} loops; {# a comment #} stays.
"""

DOLLARS_TXT = """Money And Math

Q1. How much does an API call cost?

Ans - About $5 per million tokens, or $10 and $20 for larger models.

Q2. What is the attention formula?

Ans - It is $\\frac{QK^T}{\\sqrt{d_k}} with an unclosed dollar, and $$x^2 without its end.
"""

GOOD_TXT = """Good Questions

Q1. What is tokenization?

Ans - Tokenization splits text into tokens such as words or subwords.

Q2. What is attention?

Ans - Attention weighs every token against every other token.
"""

# file name -> (bytes, pattern a problem reported at path:line for it must match, or None).
HOSTILE = {
    "inject-page.html": (INJECTED_HTML.encode(), None),
    "inject-notes.md": (INJECTED_MD.encode(), None),
    "template-syntax.txt": (TEMPLATE_TXT.encode(), None),
    "dollars.txt": (DOLLARS_TXT.encode(), r"\$|dollar|math"),
    "nul-bytes.txt": (GOOD_TXT.replace("tokens such", "tok\x00ens such").replace("Good", "Nul").encode(), "NUL"),
    "cp1252.txt": ("Windows Questions\n\nQ1. What is a \u201csmart\u201d quote?\n\nAns - A curly one.\n"
                   .encode("cp1252"), "UTF-8|cp1252|encod"),
    "empty.txt": (b"", "empty"),
    "slides.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "unsupported"),
    "one-long-line.txt": (b"Q1. What is a long line? Ans - " + b"word " * 210_000, "line|characters"),
    "good.txt": (GOOD_TXT.encode(), None),
}
REPORT = re.compile(r"^(content/sources/[^:\s]+):(\d+): (warning|error): (.+)$", re.M)


class ScriptsAndHandlers(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []          # src or inline text of every <script>
        self.handlers: list[str] = []         # on*= attributes
        self.js_urls: list[str] = []          # javascript: in any URL attribute
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
    (work / "content" / "curation.yml").write_text("{}\n")   # the real one names the real sources' ids
    for name, (data, _) in HOSTILE.items():
        (sources / name).write_bytes(data)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(work)}
    run = subprocess.run([sys.executable, "-m", "generator", "--root", str(work), "build"], cwd=work,
                         env=env, capture_output=True, text=True, timeout=300)
    return work, run


def test_build_reports_every_problem_as_path_line_and_exits_1(hostile_build):
    work, run = hostile_build
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 1, f"exit {run.returncode}\n{run.stdout}\n{run.stderr}"
    reports = [(m[1].removeprefix("content/sources/"), m[4]) for m in REPORT.finditer(run.stderr)]
    missing = [f"{name} (expected /{pattern}/)" for name, (_, pattern) in HOSTILE.items()
               if pattern and not any(f == name and re.search(pattern, msg) for f, msg in reports)]
    assert not missing, f"no path:line problem reported for {missing}; stderr:\n{run.stderr}"
    assert not [msg for f, msg in reports if f == "good.txt"], f"the good file was flagged:\n{run.stderr}"
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
        found += [f"{rel}: script {s[:80]!r}" for s in scan.scripts
                  if MARK in s or s.startswith("//") or re.match(r"[a-z]+:", s, re.I)]
        found += [f"{rel}: handler {h[:80]}" for h in scan.handlers]
        found += [f"{rel}: {u[:80]}" for u in scan.js_urls]
    assert not found, "\n".join(found[:30])


def test_template_syntax_stays_literal_text(hostile_build):
    work, _ = hostile_build
    text = "\n".join(html.unescape(p.read_text(encoding="utf-8")) for p in (work / "site").rglob("*.html"))
    assert "{{ config }}" in text, "template syntax from a source must show as written"
    assert "site_name:" not in text and "{{ 7 * 7 }}" in text


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
            page.mouse.move(400, 400)       # would fire mouseover handlers
            page.keyboard.press("Tab")      # would fire focus handlers
            page.wait_for_timeout(100)
            if page.evaluate(f"() => window.__{MARK} !== undefined"):
                problems.append(f"{rel}: a source script ran (window.__{MARK} set)")
            problems += [f"{rel}: {p}" for p in watch.dialogs + watch.page_errors]
            page.close()
        context.close()
    finally:
        server.shutdown()
        server.server_close()
    assert not problems, "\n".join(problems)

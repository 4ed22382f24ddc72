"""The README's third step, in a browser at 1280 and 390 px: `python -m generator preview`
serves the built site under its sub-path on the URL it prints, and the site works there
(theme, a topic page with its entries, the study layer)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from tests.browser.fixture_site import ROOT, free_port

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.fixture(scope="module")
def preview_url(mkdocs_build):
    site_dir, _ = mkdocs_build
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(ROOT), "preview"]
        + ["--site", str(site_dir), "--port", str(free_port())],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        found = re.search(r"at (http://127\.0\.0\.1:\d+/\S*/) ", line)
        assert found, line or (proc.stderr.read() if proc.stderr else "no output")
        yield found.group(1)
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


@pytest.mark.parametrize("size", WIDTHS)
def test_the_printed_url_opens_a_working_site(preview_url, page, size):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[size], strict=True)))
    assert preview_url.endswith("/llm-study/")  # the sub-path GitHub Pages will use
    response = page.goto(preview_url)
    assert response is not None and response.ok
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky",
        "fixed",
    )  # the theme's CSS loaded from under the sub-path
    topic = page.locator('a[href*="topics/"]').first
    expect(topic).to_be_attached()
    page.goto(topic.evaluate("a => a.href"))
    assert page.url.startswith(preview_url + "topics/")
    expect(page.locator(".qa").first).to_be_visible()
    # The study layer ran (its module loaded under the sub-path): entries get their controls.
    expect(page.locator(".study-bar")).to_be_visible()

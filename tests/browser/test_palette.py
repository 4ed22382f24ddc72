"""The light/dark toggle (partials/palette.html and its inline script), which replaces the
theme's palette component: the scheme a reader's system asks for is there in the first
frame, a choice is kept across pages and visits under the theme's own storage key, the
keyboard switches it, and the theme does not mount its component (two whole-page style
passes in its first task)."""

from __future__ import annotations

import functools
import json
import threading
from contextlib import contextmanager

import pytest

from generator.preview import PREFIX, Handler, Server
from tests.browser.conftest import BOTH_ENGINES, open_watched_page

pytestmark = pytest.mark.browser
SCHEME = "document.body.getAttribute('data-md-color-scheme')"
# The body's scheme at the first paint: the time of each change of the scheme attribute,
# compared with the first-paint entry's time after the load.
FIRST_FRAME = """
  window.__schemes = [];
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      window.__schemes.push([performance.now(), r.target.getAttribute('data-md-color-scheme')]);
    });
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-md-color-scheme']});
"""
SCHEME_AT_FIRST_PAINT = """() => {
  const paint = performance.getEntriesByName('first-paint')[0];
  if (!paint) return null;
  const before = window.__schemes.filter(c => c[0] <= paint.startTime);
  return before.length ? before[before.length - 1][1] : 'default';
}"""
VISIBLE_TOGGLE = "form[data-palette] label:not([hidden])"


@contextmanager
def fresh_page(browser, watch, scheme: str):
    """A page in a new context (no saved palette) whose system prefers `scheme`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    context.add_init_script(FIRST_FRAME)
    try:
        yield open_watched_page(context, watch)
    finally:
        context.close()


@BOTH_ENGINES
@pytest.mark.parametrize(("system", "expected"), [("light", "default"), ("dark", "slate")])
def test_the_first_frame_has_the_scheme_the_system_asks_for(browser, base_url, watch, system, expected):
    with fresh_page(browser, watch, system) as page:
        page.goto(base_url + "topics/math-foundations/")
        page.wait_for_function(SCHEME_AT_FIRST_PAINT)
        assert page.evaluate(SCHEME_AT_FIRST_PAINT) == expected
        assert page.evaluate(SCHEME) == expected
        # One toggle is shown: the one that switches away from the scheme in use.
        assert page.locator(VISIBLE_TOGGLE).count() == 1
        assert page.locator("[data-md-component=palette]").count() == 0, "the theme's component is mounted"
        assert watch.problems() == []


@BOTH_ENGINES
def test_a_choice_is_kept_across_pages_and_visits(browser, base_url, watch):
    with fresh_page(browser, watch, "light") as page:
        page.goto(base_url)
        page.locator(VISIBLE_TOGGLE).click()
        page.wait_for_function(f"{SCHEME} === 'slate'")
        # Transitions are off for the switch only.
        page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
        saved = page.evaluate(
            "Object.keys(localStorage).filter(k => k.endsWith('.__palette'))"
            ".map(k => localStorage.getItem(k))"
        )
        assert len(saved) == 1 and json.loads(saved[0])["color"]["scheme"] == "slate"
        # Instant navigation keeps it, and a new visit (a full load) starts with it.
        before = page.url
        page.locator("article a[href*='topics/']").first.click()
        page.wait_for_function("before => location.href !== before", arg=before)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(SCHEME) == "slate"
        page.goto(base_url + "sources/")
        page.wait_for_function(SCHEME_AT_FIRST_PAINT)
        assert page.evaluate(SCHEME_AT_FIRST_PAINT) == "slate"
        assert page.evaluate("document.querySelector('meta[name=theme-color]').content").startswith("#")
        # Back to light; the system's preference no longer overrides a choice.
        page.locator(VISIBLE_TOGGLE).click()
        page.wait_for_function(f"{SCHEME} === 'default'")
        page.emulate_media(color_scheme="dark")
        page.wait_for_timeout(100)
        assert page.evaluate(SCHEME) == "default"
        assert watch.problems() == []


def test_without_a_choice_the_page_follows_the_system(browser, base_url, watch):
    with fresh_page(browser, watch, "light") as page:
        page.goto(base_url)
        assert page.evaluate(SCHEME) == "default"
        page.emulate_media(color_scheme="dark")
        page.wait_for_function(f"{SCHEME} === 'slate'")
        page.emulate_media(color_scheme="light")
        page.wait_for_function(f"{SCHEME} === 'default'")


def test_the_keyboard_switches_the_scheme(browser, base_url, watch):
    with fresh_page(browser, watch, "light") as page:
        page.goto(base_url)
        radio = page.locator("form[data-palette] input:checked")
        assert radio.get_attribute("aria-label") == "Switch to dark mode"
        radio.focus()
        page.keyboard.press("Enter")
        page.wait_for_function(f"{SCHEME} === 'slate'")
        focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
        assert focused == "Switch to light mode", "focus stays on the toggle, which now says what it does"
        page.keyboard.press("ArrowDown")  # a radio group: arrows move and choose too
        page.wait_for_function(f"{SCHEME} === 'default'")
        assert watch.problems() == []


def test_a_saved_palette_that_is_not_json_does_not_break_the_page(browser, base_url, watch):
    with fresh_page(browser, watch, "dark") as page:
        page.goto(base_url)
        page.evaluate(
            "Object.keys(localStorage).forEach(k => k.endsWith('.__palette') && localStorage.removeItem(k));"
            "localStorage.setItem(__md_scope.pathname + '.__palette', '{not json')"
        )
        page.reload()
        assert page.evaluate(SCHEME) == "slate"
        assert page.locator(VISIBLE_TOGGLE).count() == 1


class Held(Handler):
    """Sends each HTML page in two parts: up to the palette form, then, once the test lets it
    (`release`), the rest. Meanwhile the page is what a slow network or a busy phone has
    parsed so far, and the browser may paint it."""

    release: threading.Event

    def copyfile(self, source, outputfile):
        data = source.read()
        cut = data.find(b'<form class="md-header__option" data-palette')
        if not self.path.endswith(".html") or cut < 0:
            outputfile.write(data)
            return
        outputfile.write(data[:cut])
        outputfile.flush()
        self.release.wait(15)
        outputfile.write(data[cut:])


@pytest.fixture
def held_site(mkdocs_build):
    site, release = mkdocs_build[0], threading.Event()
    handler = type("HeldHere", (Held,), {"release": release})
    server = Server(("127.0.0.1", 0), functools.partial(handler, site_dir=site.resolve(), prefix=PREFIX))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}", release
    release.set()
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("system", "expected"), [("light", "default"), ("dark", "slate")])
def test_the_scheme_is_set_before_the_header_is_parsed(browser, held_site, watch, system, expected):
    # The CI failure of 4 December 2026: a frame painted before the toggle's script ran showed
    # the light scheme to a reader whose system is dark. While the server holds the rest of the
    # page, the part parsed so far (body and the top of the header) must carry the scheme.
    url, release = held_site
    with fresh_page(browser, watch, system) as page:
        page.goto(url + "topics/math-foundations/", wait_until="commit")
        page.wait_for_function("document.body && document.querySelector('header')", polling=50)
        assert page.evaluate("!document.querySelector('form[data-palette]')"), "the page was not held"
        assert page.evaluate(SCHEME) == expected
        release.set()
        page.wait_for_load_state("load")
        page.wait_for_function(SCHEME_AT_FIRST_PAINT)
        assert page.evaluate(SCHEME_AT_FIRST_PAINT) == expected
        assert page.evaluate(SCHEME) == expected
        assert page.locator(VISIBLE_TOGGLE).count() == 1

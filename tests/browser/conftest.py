"""Fixtures for real-browser tests: the site is built once from the bundled sources,
served on loopback under /llm-study/, and driven by Debian's headless Chromium.

Every page fixture fails its test on a console error, an uncaught exception, a
dialog (alert/confirm/prompt: something executed), or a request that leaves loopback.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support.server import PREFIX, serve

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


# The core browser checks (pages, math, search, study widgets) run on a Zensical build too:
# `@BOTH_ENGINES` overrides the `engine` fixture. The xdist group keeps the Zensical cases on
# one worker under scripts/test's `--dist loadgroup`, so the session builds that site once.
ON_ZENSICAL = pytest.mark.xdist_group("zensical")
BOTH_ENGINES = pytest.mark.parametrize("engine", ["mkdocs", pytest.param("zensical", marks=ON_ZENSICAL)])

# Per engine: what opens the search, where to type, and the result links. The site's search is
# Pagefind (content/settings.yml), whose box is Material's markup on both engines; Zensical's
# own search (a dialog in a shadow root, which Playwright's selectors pierce) is ZENSICAL_SEARCH,
# for builds with `--search material`.
MATERIAL_SEARCH = (
    "label.md-search__icon, .md-search__input",
    "input.md-search__input",
    "li.md-search-result__item a.md-search-result__link",
)
ZENSICAL_SEARCH = (
    ".md-search__button",
    "dialog input[role=combobox]",
    "ol[role=listbox] > li > a[role=option]",
)
SEARCH_UI = {"mkdocs": MATERIAL_SEARCH, "zensical": MATERIAL_SEARCH}
# Pagefind's list answers what is in the box once it says "done" (pagefind-search.js sets
# "waiting" on each keystroke); Material's own search (`--search material`) says nothing.
SETTLED = """() => {
  const list = document.querySelector('ol.md-search-result__list');
  return !list || !list.hasAttribute('data-batch') || list.dataset.batch === 'done';
}"""


def wait_for_results(page, links: str) -> None:
    """Until the result list shows the ranked results of the whole query typed: not the
    question titles listed before Pagefind is ready, nor an earlier query's results."""
    page.wait_for_selector(links, timeout=15_000)
    page.wait_for_function(SETTLED, timeout=15_000)
    if not page.evaluate("!!document.querySelector('ol.md-search-result__list[data-batch]')"):
        page.wait_for_timeout(300)  # Material's search: let its list settle


def free_port() -> int:
    """A free loopback port, chosen before the build: site_url must name the port the site is
    served on, because Material's instant navigation only intercepts links whose origin
    (host and port) matches the sitemap's URLs."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_real_site(tmp_path_factory, engine: str) -> tuple[Path, int]:
    """Build the real site (a copy of the project, so tests never race a user's build)."""
    work = tmp_path_factory.mktemp(f"project-{engine}")
    for name in ("content", "overrides", "generator", "mkdocs.yml"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, work / name)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(work)}
    port = free_port()
    site_url = f"http://127.0.0.1:{port}{PREFIX}"
    command = [sys.executable, "-m", "generator", "--root", str(work), "build", "--site-url", site_url]
    result = subprocess.run([*command, "--engine", engine], cwd=work, env=env, capture_output=True, text=True)
    assert (work / "site" / "index.html").exists(), f"build failed:\n{result.stdout}\n{result.stderr}"
    return work / "site", port


def serve_site(built: tuple[Path, int]):
    server, url = serve(*built)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def mkdocs_build(tmp_path_factory) -> tuple[Path, int]:
    return build_real_site(tmp_path_factory, "mkdocs")


@pytest.fixture(scope="session")
def zensical_build(tmp_path_factory) -> tuple[Path, int]:
    return build_real_site(tmp_path_factory, "zensical")


@pytest.fixture(scope="session")
def mkdocs_url(mkdocs_build):
    yield from serve_site(mkdocs_build)


@pytest.fixture(scope="session")
def zensical_url(zensical_build):
    yield from serve_site(zensical_build)


@pytest.fixture
def engine() -> str:
    """What builds `built_site`: MkDocs, unless a test is parametrized with BOTH_ENGINES or
    SITE_ENGINE=zensical runs every browser test on Zensical's build (README "Zensical")."""
    return os.environ.get("SITE_ENGINE", "mkdocs")


@pytest.fixture
def built_site(request, engine) -> Path:
    """The real site, built once per session and engine (only when a test asks for it)."""
    return request.getfixturevalue(f"{engine}_build")[0]


@pytest.fixture
def base_url(request, engine) -> str:
    return request.getfixturevalue(f"{engine}_url")


@pytest.fixture(scope="session")
def browser():
    exe = chromium_path()
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium not found (install Debian's chromium); browser tests never skip in CI")
        pytest.skip("Chromium not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """What a page did that a test must not allow."""

    def __init__(self):
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.external_requests: list[str] = []
        self.dialogs: list[str] = []

    def problems(self) -> list[str]:
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"request left loopback: {u}" for u in self.external_requests]
            + [f"dialog opened: {m}" for m in self.dialogs]
        )


def _is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname in ("127.0.0.1", "localhost", "::1")


def open_watched_page(context, watch: PageWatch):
    def on_route(route):
        if _is_loopback(route.request.url):
            route.continue_()
        else:
            watch.external_requests.append(route.request.url)
            route.abort()

    context.route("**/*", on_route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and watch.console_errors.append(m.text))
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))

    def on_dialog(dialog):
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return page


@pytest.fixture
def watch() -> PageWatch:
    return PageWatch()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, watch):
    """A fresh page (fresh localStorage) that fails the test on errors, dialogs or external requests.

    Tests that expect a 404 response should filter `watch.console_errors` themselves
    before teardown (Chromium logs failed resource loads as console errors).
    """
    page = open_watched_page(context, watch)
    yield page
    assert not watch.problems(), "\n".join(watch.problems())

"""The built site in Chromium under /llm-study/: every page loads clean, the 404 page is
styled at any depth, and sitemap.xml lists real URLs under site_url."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import BOTH_ENGINES

pytestmark = pytest.mark.browser
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def configured_site_url(site: Path) -> str:
    """The site_url the build used: the generated config's, else the project's default."""
    root = site.parent
    for config in (root / "build" / "mkdocs.yml", root / "mkdocs.yml"):
        text = config.read_text(encoding="utf-8")
        data = yaml.safe_load(text.partition("\n")[2] if text.startswith("#") else text) or {}
        if data.get("site_url"):
            return data["site_url"]
    raise AssertionError("no site_url configured")


def sitemap_urls(site: Path) -> list[str]:
    tree = ET.parse(site / "sitemap.xml")
    return [loc.text for loc in tree.getroot().iterfind("s:url/s:loc", SITEMAP_NS)]


def page_paths(site: Path) -> list[str]:
    """Every page's path below the site root, from the sitemap (home is '')."""
    base = configured_site_url(site)
    return [url[len(base) :] for url in sitemap_urls(site)]


def stylesheets_loaded(page) -> bool:
    return page.evaluate("""() => [...document.querySelectorAll('link[rel=stylesheet]')]
        .every(link => link.sheet !== null && link.sheet.cssRules.length > 0)""")


def test_sitemap_lists_real_urls_under_site_url(built_site):
    base = configured_site_url(built_site)
    urls = sitemap_urls(built_site)
    assert len(urls) >= 4 and all(url.startswith(base) for url in urls)
    for url in urls:
        rel = url[len(base) :]
        assert (built_site / rel / "index.html").is_file(), url
    data = json.loads((built_site / "questions.json").read_text(encoding="utf-8"))
    for topic in data["topics"]:
        assert base + topic["url"] in urls


@BOTH_ENGINES
def test_every_page_loads_without_errors_or_outside_requests(built_site, base_url, page):
    paths = page_paths(built_site)
    expected = {"", "sources/", "about/"} | {f"topics/{t}/" for t in _topic_ids(built_site)}
    assert expected <= set(paths)
    for path in paths:
        response = page.goto(base_url + path, wait_until="load")
        assert response.status == 200, path
        assert stylesheets_loaded(page), path
        assert page.locator("article h1").count() == 1, path
        page.wait_for_load_state("networkidle")


def test_no_page_scrolls_sideways_on_a_phone(built_site, base_url, page):
    """A heading's permalink after a last word that reaches the edge stood 5-7 px past it (the
    glossary and two topic pages of the bundled site): the whole page then moved sideways."""
    page.set_viewport_size({"width": 390, "height": 844})
    wide = []
    for path in page_paths(built_site):
        page.goto(base_url + path, wait_until="networkidle")
        if page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth"):
            wide.append(path)
    assert wide == []


def _topic_ids(site: Path) -> list[str]:
    return [t["id"] for t in json.loads((site / "questions.json").read_text(encoding="utf-8"))["topics"]]


def test_missing_page_two_levels_deep_serves_the_styled_404(base_url, page, watch):
    response = page.goto(base_url + "a/b/missing/", wait_until="load")
    assert response.status == 404
    assert page.locator("article h1").inner_text() == "Page not found"
    assert page.title().startswith("Page not found - ")  # not the home page's title
    assert stylesheets_loaded(page)
    # Material's stylesheet really applies: the header is fixed/sticky, not a plain block.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky",
        "fixed",
    )
    page.locator("article a", has_text="home page").click()
    page.wait_for_url(re.compile(re.escape(base_url) + r"$"))
    watch.console_errors[:] = [m for m in watch.console_errors if "404" not in m]


def test_home_page_has_topic_cards_and_study_hooks(built_site, base_url, page):
    page.goto(base_url)
    topics = _topic_ids(built_site)
    assert page.locator(".grid.cards > ul > li").count() == len(topics)
    for topic in topics:
        assert page.locator(f'.due-count[data-topic="{topic}"]').count() == 1
    assert page.locator('#study-due[data-scope="all"]').count() == 1


def test_every_question_url_in_questions_json_has_its_anchor(built_site):
    data = json.loads((built_site / "questions.json").read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    for record in data["questions"]:
        if record["url"] is None:
            assert record["hidden"]
            continue
        path, anchor = record["url"].split("#")
        assert anchor == record["id"]
        html = pages.setdefault(path, (built_site / path / "index.html").read_text(encoding="utf-8"))
        assert f'id="{anchor}"' in html, record["url"]

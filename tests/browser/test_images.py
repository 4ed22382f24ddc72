"""Images in a built site: a copied image loads under /llm-study/ on its topic page and on
its flashcard; a remote image is a labelled link and nothing is fetched from its host,
unless content/settings.yml allows showing remote images."""

from __future__ import annotations

import json

import pytest

from tests.browser.fixture_site import build_fixture_site, free_port, served_fixture_site
from tests.support.server import PREFIX
from tests.test_images import png

pytestmark = pytest.mark.browser
SOURCE = """# Notes

## What does the attention heat map show?

The figure shows where each token looks:

![Attention heat map](images/heat%20map.png)

Brighter cells are larger weights.

## What does the loss curve show?

See ![Loss curve](https://example.org/loss.png) for the curve; it falls, then flattens.
"""
FILES = {"notes.md": SOURCE, "images/heat map.png": png(4, 3)}
LOADED = "img => img.complete && img.naturalWidth > 0"


@pytest.fixture(scope="module")
def image_site(tmp_path_factory):
    with served_fixture_site(tmp_path_factory.mktemp("images"), FILES) as served:
        yield served


def record(site_dir, start: str) -> dict:
    doc = json.loads((site_dir / "questions.json").read_text(encoding="utf-8"))
    return next(q for q in doc["questions"] if q["question"].startswith(start))


def test_a_copied_image_loads_on_its_topic_page(image_site, page):
    site_dir, base_url = image_site
    heat = record(site_dir, "What does the attention")
    assert (site_dir / "assets/sources/notes/images/heat map.png").read_bytes() == png(4, 3)
    page.goto(base_url + heat["url"])
    entry = page.locator(f'.qa[data-qid="{heat["id"]}"]')
    entry.locator("details.answer > summary").click()
    image = entry.locator("img")
    assert image.get_attribute("alt") == "Attention heat map"
    page.wait_for_function(LOADED, arg=image.element_handle())
    src = image.evaluate("img => img.src")
    assert src == base_url + "assets/sources/notes/images/heat%20map.png"
    assert image.evaluate("img => img.naturalWidth") == 4


def test_a_remote_image_is_a_link_and_nothing_is_fetched(image_site, page):
    site_dir, base_url = image_site
    loss = record(site_dir, "What does the loss curve")
    page.goto(base_url + loss["url"])
    entry = page.locator(f'.qa[data-qid="{loss["id"]}"]')
    entry.locator("details.answer > summary").click()
    link = entry.get_by_role("link", name="Image: Loss curve")
    assert link.get_attribute("href") == "https://example.org/loss.png"
    assert entry.locator("img").count() == 0  # and the page fixture fails on any request off loopback


def test_the_flashcard_shows_the_copied_image(image_site, page):
    _, base_url = image_site
    page.goto(base_url + "flashcards/")
    page.wait_for_selector("#flashcards[data-ready] .fc-card")
    for _ in range(3):
        if page.locator(".fc-question").inner_text().startswith("What does the attention"):
            break
        page.locator(".fc-next").click()
    page.keyboard.press("Space")
    image = page.locator(".fc-answer img")
    page.wait_for_function(LOADED, arg=image.element_handle())
    assert image.evaluate("img => img.src") == base_url + "assets/sources/notes/images/heat%20map.png"


def test_remote_images_are_shown_when_the_settings_allow(tmp_path):
    site_dir = build_fixture_site(
        tmp_path, FILES, f"http://127.0.0.1:{free_port()}{PREFIX}", settings="images:\n  remote: show\n"
    )
    loss = record(site_dir, "What does the loss curve")
    page = (site_dir / loss["url"].split("#")[0] / "index.html").read_text(encoding="utf-8")
    assert '<img alt="Loss curve" src="https://example.org/loss.png"' in page

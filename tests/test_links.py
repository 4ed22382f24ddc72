"""Links: every internal link and anchor in the built site resolves, and every question
url that questions.json names points at an existing anchor on an existing page."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ("content", "overrides", "generator", "mkdocs.yml")
LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")}
SITE_URL = re.compile(r"^site_url:\s*['\"]?([^'\"\s#]+)", re.M)
BASE = "http://site.invalid/"  # a stand-in origin to resolve relative URLs against


class PageScan(HTMLParser):
    """Ids a page defines and URLs it links to."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif (tag, name) in LINK_ATTRS:
                self.links.append(value)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("links")
    for name in PROJECT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, work / name)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(work)}
    run = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(work), "build"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert (work / "site" / "index.html").exists(), f"build failed:\n{run.stdout}\n{run.stderr}"
    return work / "site"


@pytest.fixture(scope="module")
def pages(site) -> dict[str, PageScan]:
    """Site-relative path of each HTML file -> what it holds."""
    scans = {}
    for path in sorted(site.rglob("*.html")):
        scan = PageScan()
        scan.feed(path.read_text(encoding="utf-8"))
        scans[path.relative_to(site).as_posix()] = scan
    return scans


def site_prefix(site: Path) -> str:
    """The path part of site_url ("/llm-study/"): absolute links start with it."""
    config = (site.parent / "mkdocs.yml").read_text(encoding="utf-8")
    match = SITE_URL.search(config)
    path = urlsplit(match[1]).path if match else "/"
    return path if path.endswith("/") else path + "/"


def page_url(rel: str) -> str:
    """The URL a file is served at, relative to the site root (index.html -> its folder)."""
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def resolve(site: Path, prefix: str, from_rel: str, href: str) -> tuple[str, str] | None:
    """(site-relative file, fragment) that href points to, or None when it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme in ("http", "https", "mailto", "data", "tel", "javascript") or parts.netloc:
        return None
    absolute = urlsplit(urljoin(BASE + page_url(from_rel), href))
    path = unquote(absolute.path)
    if href.startswith("/"):
        if not path.startswith(prefix):
            return ("<outside site_url path>" + path, "")
        path = "/" + path[len(prefix) :]
    rel = path.lstrip("/")
    if rel == "" or rel.endswith("/") or (site / rel).is_dir():
        rel = rel.rstrip("/") + "/index.html" if rel else "index.html"
    return rel.lstrip("/"), unquote(absolute.fragment)


def broken_targets(site: Path, pages: dict[str, PageScan], from_rel: str, hrefs: list[str]) -> list[str]:
    prefix, broken = site_prefix(site), []
    for href in hrefs:
        target = resolve(site, prefix, from_rel, href)
        if target is None:
            continue
        rel, fragment = target
        if not (site / rel).is_file():
            broken.append(f"{from_rel}: {href!r} -> missing file {rel}")
        elif fragment and rel in pages and fragment not in pages[rel].ids:
            broken.append(f"{from_rel}: {href!r} -> no id {fragment!r} on {rel}")
    return broken


def test_site_has_pages(pages):
    assert "index.html" in pages and len(pages) >= 3, sorted(pages)


def test_no_broken_internal_links_or_anchors(site, pages):
    broken = []
    for rel, scan in pages.items():
        broken += broken_targets(site, pages, rel, scan.links)
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(sorted(set(broken))[:40])


def test_every_question_url_lands_on_its_anchor(site, pages):
    data = json.loads((site / "questions.json").read_text(encoding="utf-8"))
    urls = [(q["id"], q.get("url")) for q in data["questions"]]
    assert urls, "questions.json holds no questions"
    broken = []
    for qid, url in urls:
        if url is None:
            continue
        assert "#" in url, f"{qid}: url {url!r} has no anchor"
        broken += broken_targets(site, pages, "index.html", [url])
    assert not broken, f"{len(broken)} of {len(urls)} question urls broken:\n" + "\n".join(broken[:40])
    assert sum(url is not None for _, url in urls) >= len(urls) * 0.9, "most questions should have a url"

"""Every page of the site: its docs path, its URL and the links to it, in one place.

A page is named by its path in build/docs ("topics/rag-2.md"); MkDocs serves it at a
directory URL ("topics/rag-2/", use_directory_urls). The pages, questions.json, the
downloads and the templates (through `TEMPLATE_GLOBALS`) all ask this module, so a
link and the page it points at cannot disagree.
"""

from __future__ import annotations

import re

HOME = "index.md"
SOURCES = "sources.md"
GLOSSARY = "glossary.md"
FLASHCARDS = "flashcards.md"
ABOUT = "about.md"  # hand-written: content/pages/about.md
DECK = "downloads/llm-study.apkg"
SHEET = "downloads/llm-study.csv"
DATA = "questions.json"
STUDY_INDEX = "study-index.json"

SAFE_ANCHOR = re.compile(r"[^A-Za-z0-9_-]+")


def topic_page(topic_id: str, number: int = 1) -> str:
    """Docs path of a topic's page `number` (a large topic is split: rag.md, rag-2.md, ...)."""
    return f"topics/{topic_id}.md" if number == 1 else f"topics/{topic_id}-{number}.md"


def source_anchor(source_id: str) -> str:
    """The anchor of a source's section on sources.md (ids are file stems: keep them safe)."""
    return SAFE_ANCHOR.sub("-", source_id).strip("-") or "source"


def source_questions_page(source_id: str, number: int) -> str:
    """Docs path of page `number` of a source's own question list."""
    stem = f"sources/{source_anchor(source_id)}-questions"
    return f"{stem}.md" if number == 1 else f"{stem}-{number}.md"


def page_url(docs_path: str) -> str:
    """The site-relative URL MkDocs gives a docs page (use_directory_urls)."""
    stem = docs_path.removesuffix(".md")
    if stem == "index":
        return ""
    return (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


def url(docs_path: str, anchor: str = "") -> str:
    """Site-relative URL of a page, or of an anchor on it (questions.json's `url` fields)."""
    return page_url(docs_path) + (f"#{anchor}" if anchor else "")


def relative(target: str, from_path: str) -> str:
    """The relative path from one docs file to another (both docs-relative, '/'-separated).

    posixpath.relpath does the same but asks the OS for the working directory on every
    call, which is most of the time spent linking 50,000 questions.
    """
    here, there = from_path.split("/")[:-1], target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def link(from_path: str, target: str, anchor: str = "") -> str:
    """A Markdown link target from one docs page to another (MkDocs turns it into the URL)."""
    return relative(target, from_path) + (f"#{anchor}" if anchor else "")


def href(from_path: str, target: str, anchor: str = "") -> str:
    """An HTML href from one built page to another: raw HTML in a page is not rewritten by
    MkDocs, so it must point at the served URL, relative to the page's own directory."""
    return "../" * page_url(from_path).count("/") + url(target, anchor)


TEMPLATE_GLOBALS = {
    "link": link,
    "href": href,
    "pages": {
        "home": HOME,
        "sources": SOURCES,
        "glossary": GLOSSARY,
        "flashcards": FLASHCARDS,
        "about": ABOUT,
        "deck": DECK,
        "sheet": SHEET,
        "data": DATA,
    },
}

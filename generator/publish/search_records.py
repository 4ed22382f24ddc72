"""Pagefind records cut from the built site: one record per question, one per glossary term.

Pagefind indexes a whole page as one record, and a topic page holds up to hundreds of
questions: a search then returns the page, and showing its first question means fetching
and excerpting every matching question on it. Cut into one small HTML document per
question (its <h2> as the record's <h1>, its answer block as the body) and given the URL
`topics/x/#question-id`, each result is a question, and the first result's data is one
question's fragment. The cut is made on the built HTML, so a record holds what the page
shows (MathML, abbreviation expansions in the hidden qa-terms line, data-pagefind-ignore
on badges, citations and related links). Home, source lists, the flashcards page and topic
intros are left out: they repeat question titles and would outrank the questions.
Glossary terms are records of a low weight, with the term and its expansion but not the
question titles listed under it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ARTICLE_OPEN = re.compile(r"<article\b[^>]*>")
H2_OPEN = re.compile(r"<h2\b[^>]*>")
ID_ATTR = re.compile(r'\bid="([^"]+)"')
LANG_ATTR = re.compile(r'<html\b[^>]*\blang="([^"]+)"')
QA_BLOCK = re.compile(r'\s*<div class="qa"')
GLOSSARY_BLOCK = re.compile(r'\s*<div class="glossary-entry"')
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>[^<]*</a>')
# The glossary's list of the questions that use a term: their titles are the questions' words.
TERM_LIST = re.compile(r"<ul>|<p>[^<]*questions? about ")
GLOSSARY_WEIGHT = "0.4"  # below a question's body text (1.0) and far below its title (h1: 7)


@dataclass(frozen=True)
class Record:
    url: str  # relative to the site root, e.g. "topics/rag/#what-is-rag-1a2b3c4d"
    html: str  # a small HTML document for Pagefind's add_html_file


def _article(text: str) -> str:
    match = ARTICLE_OPEN.search(text)
    if not match:
        return ""
    end = text.find("</article>", match.end())
    return text[match.end() : end if end != -1 else len(text)]


def _sections(article: str) -> Iterator[tuple[str, str, str]]:
    """(id, heading inner HTML, what follows up to the next <h2>) for every <h2 id> of an article."""
    heads = list(H2_OPEN.finditer(article))
    for i, head in enumerate(heads):
        close = article.find("</h2>", head.end())
        found = ID_ATTR.search(head.group())
        if close == -1 or not found:
            continue
        end = heads[i + 1].start() if i + 1 < len(heads) else len(article)
        yield found.group(1), HEADERLINK.sub("", article[head.end() : close]), article[close + 5 : end]


def _document(lang: str, url: str, body: str) -> str:
    """The record's page; its `url` meta is where a result links (ids are slugs: no comma or quote)."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"></head><body>'
        f'<article data-pagefind-meta="url:{url}">{body}</article></body></html>'
    )


def question_records(page_url: str, text: str) -> Iterator[Record]:
    lang = found.group(1) if (found := LANG_ATTR.search(text)) else "en"
    for anchor, heading, rest in _sections(_article(text)):
        if QA_BLOCK.match(rest):
            url = f"{page_url}#{anchor}"
            yield Record(url, _document(lang, url, f"<h1>{heading}</h1>{rest}"))


def glossary_records(page_url: str, text: str) -> Iterator[Record]:
    lang = found.group(1) if (found := LANG_ATTR.search(text)) else "en"
    for anchor, heading, rest in _sections(_article(text)):
        if not GLOSSARY_BLOCK.match(rest):
            continue
        cut = TERM_LIST.search(rest)
        words = rest[: cut.start()] if cut else rest
        body = (
            f'<div data-pagefind-weight="{GLOSSARY_WEIGHT}"><p data-pagefind-meta="title">{heading}</p>'
            f"{words}</div>"
        )
        url = f"{page_url}#{anchor}"
        yield Record(url, _document(lang, url, body))


def site_records(site: Path) -> Iterator[Record]:
    """Every record of a built site, in a stable order (so two builds give the same index)."""
    for page in sorted((site / "topics").glob("*/index.html")):
        url = page.parent.relative_to(site).as_posix() + "/"
        yield from question_records(url, page.read_text(encoding="utf-8"))
    glossary = site / "glossary" / "index.html"
    if glossary.is_file():
        yield from glossary_records("glossary/", glossary.read_text(encoding="utf-8"))


def write_records(records: list[Record], folder: Path) -> None:
    """Each record as folder/<page>/<anchor>.html, for Pagefind's CLI."""
    for record in records:
        page, _, anchor = record.url.partition("#")
        path = folder / page / f"{anchor}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record.html, encoding="utf-8")

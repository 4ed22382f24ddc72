"""pagefind/titles.json: each question's title and link, for the search box's first results on
a fresh load (generator/publish/search_titles.py); the box rebuilds a compact anchor from the
title's words, so every rebuilt anchor must be the heading's real id."""

from __future__ import annotations

import json
import re

from generator.publish import search_records, search_titles

PAGE = """<!DOCTYPE html><html lang="en"><body><article>
<h1>Retrieval</h1>
<h2 id="what-is-rag-why-1a2b3c4d">What is RAG &amp; <code>why</code>?<a class="headerlink" href="#">¶</a></h2>
<div class="qa"><details class="answer"><summary>Answer</summary><p>Retrieval first.</p></details></div>
<h2 id="qu-est-ce-que-le-rag-5e6f7a8b">Qu’est-ce que le RAG ?</h2>
<div class="qa"><p>Le RAG.</p></div>
<h2 id="custom-anchor">How does   re-ranking help?</h2>
<div class="qa"><p>It orders passages.</p></div>
<h2 id="further-reading">Further reading</h2><p>Not a question.</p>
</article></body></html>"""

GLOSSARY = """<html lang="en"><body><article>
<h2 id="rag">RAG</h2><div class="glossary-entry"><p>Retrieval-augmented generation</p></div>
</article></body></html>"""


def rebuilt(row: list, pages: list[str]) -> str:
    """What pagefind-search.js's titleAnchor() makes of a row: the link of a first result."""
    if len(row) < 4:
        anchor = row[2]
    else:
        words = [w for w in re.split(r"[^a-z0-9]+", row[1].lower()) if w]
        anchor = "-".join([*words[: row[3]], row[2]])
    return pages[row[0]] + "#" + anchor


def records():
    yield from search_records.question_records("topics/rag/", PAGE)
    yield from search_records.glossary_records("glossary/", GLOSSARY)


def test_titles_link_every_question_and_no_glossary_term():
    data = search_titles.titles(records())
    assert data["pages"] == ["topics/rag/"]
    links = [rebuilt(row, data["pages"]) for row in data["titles"]]
    assert links == [
        "topics/rag/#what-is-rag-why-1a2b3c4d",
        "topics/rag/#qu-est-ce-que-le-rag-5e6f7a8b",
        "topics/rag/#custom-anchor",
    ]
    assert [row[1] for row in data["titles"]] == [
        "What is RAG & why?",  # text, as Pagefind shows the title: tags gone, entities decoded
        "Qu’est-ce que le RAG ?",
        "How does re-ranking help?",
    ]


def test_compact_anchor_only_when_the_words_rebuild_it():
    rows = search_titles.titles(records())["titles"]
    assert rows[0][2:] == ["1a2b3c4d", 4]  # the title's first 4 words + hash
    assert rows[1][2:] == ["qu-est-ce-que-le-rag-5e6f7a8b"]  # not ASCII: the anchor as it is
    assert rows[2][2:] == ["custom-anchor"]  # "custom" is not the title's first word


def test_too_many_questions_leave_the_list_empty(monkeypatch, tmp_path):
    monkeypatch.setattr(search_titles, "MAX_TITLES", 2)
    path = tmp_path / "titles.json"
    search_titles.write_titles(records(), path)
    assert json.loads(path.read_text(encoding="utf-8")) == {"pages": [], "titles": []}

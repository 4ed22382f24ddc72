"""A source's original address, author and licence (content/sources.yml): read into the
Source, shown on the Sources page, linked from each citation and the Anki deck, carried in
questions.json; escaped everywhere, and only an http(s) address becomes a link."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from generator.config import SourceMeta, load_sources_meta
from generator.ingest.sources import make_source
from generator.model import Document, Line
from generator.publish import docs, export
from tests.test_export import read_notes
from tests.test_render import sample_corpus

ROOT = Path(__file__).resolve().parents[1]


def with_origin(url: str, author: str, licence: str):
    corpus = sample_corpus()
    alpha = replace(corpus.sources[0], url=url, author=author, licence=licence)
    corpus.sources = [alpha, *corpus.sources[1:]]
    return corpus


def test_sources_yml_provenance_reaches_the_source(tmp_path):
    (tmp_path / "sources.yml").write_text(
        "notes:\n  url: https://example.com/notes\n  author: Ada Lovelace\n  licence: CC BY 4.0\n",
        encoding="utf-8",
    )
    meta = load_sources_meta(tmp_path / "sources.yml")["notes"]
    doc = Document("content/sources/notes.md", "notes", (Line(1, "Notes"),))
    source = make_source(doc, meta, "markdown")
    assert source.id == "notes"
    assert (source.url, source.author, source.licence) == (
        "https://example.com/notes",
        "Ada Lovelace",
        "CC BY 4.0",
    )
    assert make_source(doc, SourceMeta(), "markdown").url is None


def test_sources_page_citations_json_and_deck_show_the_origin(tmp_path):
    corpus = with_origin(
        "https://example.com/top-50", "Ada <b>Lovelace</b>", "https://creativecommons.org/licenses/by/4.0/"
    )
    files = docs.docs_files(corpus)
    page = files["sources.md"]
    assert (
        '<p class="source-origin">Original: <a class="source-origin__url" href="https://example.com/top-50" '
        'rel="noopener">https://example.com/top-50</a> · by Ada &lt;b&gt;Lovelace&lt;/b&gt; · licence: '
        '<a class="source-origin__licence" href="https://creativecommons.org/licenses/by/4.0/" '
        'rel="noopener">'
    ) in page
    assert page.count('class="source-origin"') == 1  # beta has no provenance: no line
    topic = files["topics/fine-tuning.md"]
    assert (
        '[Top 50 LLM Interview Questions, Q21](../sources.md#alpha) (<a class="qa-origin" '
        'href="https://example.com/top-50" rel="noopener">original</a>)'
    ) in topic
    alpha = json.loads(files["questions.json"])["sources"][0]
    assert (alpha["original_url"], alpha["author"], alpha["licence"]) == (
        "https://example.com/top-50",
        "Ada <b>Lovelace</b>",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    assert alpha["url"] == "sources/#alpha"  # still the site's Sources page
    notes = read_notes(export.export(corpus, "anki", tmp_path / "deck.apkg"))
    cited = [n["Source"] for n in notes if "Q21" in n["Source"] or "Top 50" in n["Source"]]
    assert cited and all(
        '<a href="https://example.com/top-50">Top 50 LLM Interview Questions' in c for c in cited
    )


def test_an_address_that_is_not_http_is_text_never_a_link():
    corpus = with_origin('javascript:alert(1)"', "<script>x</script>", "javascript:alert(2)")
    files = docs.docs_files(corpus)
    page = files["sources.md"]
    assert 'href="javascript' not in page and "<script>x" not in page
    assert "by &lt;script&gt;x&lt;/script&gt; · licence: javascript:alert(2)" in page
    assert "qa-origin" not in files["topics/fine-tuning.md"]

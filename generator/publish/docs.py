"""Publish the rendered pages: write build/docs with questions.json, study-index.json, the
downloads (Anki deck, CSV) and the images (build/mkdocs.yml: generator/publish/config.py).

The pipeline driver renders first (generator/render/pages.py) and publishes after, but the
HTML of the cards and of questions.json starts converting on the other cores before the
pages render (`start`), so the two overlap. Files are written in sorted order, so two
builds of the same input are byte-identical.
"""

from __future__ import annotations

import json
import shutil
from itertools import chain
from pathlib import Path

from generator.ingest import images
from generator.model import Corpus
from generator.publish import corpus_json
from generator.publish.export import CardJob, card_texts, write_downloads
from generator.render import links, safe_html
from generator.render.layout import plan
from generator.render.pages import Rendered, render_site


def start(corpus: Corpus) -> CardJob:
    """The HTML of the cards and of questions.json, converting in the background from now."""
    return CardJob(corpus, safe_html.Batch(chain(card_texts(corpus), corpus_json.html_texts(corpus))))


def data_files(corpus: Corpus, rendered: Rendered, html: safe_html.Batch | None = None) -> dict[str, str]:
    """questions.json and study-index.json, in the order of the rendered pages."""
    layout = rendered.layout or plan(corpus)
    # Compact: the C encoder (no indent) is ~10x faster, and the file is ~25 % smaller.
    return {
        links.DATA: json.dumps(
            corpus_json.build(corpus, layout, html), ensure_ascii=False, separators=(",", ":")
        )
        + "\n",
        links.STUDY_INDEX: json.dumps(corpus_json.study_index(corpus, layout), separators=(",", ":")) + "\n",
    }


def docs_files(corpus: Corpus) -> dict[str, str]:
    """Every text file of build/docs (the pages and the data files), without writing."""
    rendered = render_site(corpus)
    return {**rendered.files, **data_files(corpus, rendered)}


def write_files(files: dict[str, str], docs_dir: Path) -> None:
    for rel in sorted(files):
        path = docs_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[rel], encoding="utf-8", newline="\n")


def write_tree(corpus: Corpus, rendered: Rendered, docs_dir: Path, job: CardJob) -> None:
    """Wipe docs_dir and write the pages, the data files, the downloads and the images into it."""
    try:
        files = {**rendered.files, **data_files(corpus, rendered, job.batch)}
    except BaseException:
        job.close()
        raise
    if docs_dir.exists():
        shutil.rmtree(docs_dir)
    docs_dir.mkdir(parents=True)
    write_downloads(corpus, docs_dir, job)  # writes both or raises; the home page links them
    write_files(files, docs_dir)
    images.write_assets(corpus.content.images, docs_dir)

"""Render the corpus to Markdown pages and write them, with questions.json, to build/docs.

First everything is rendered in memory (`render_site`), then `write_docs` wipes the
folder and writes the files in sorted order, so two builds of the same input are
byte-identical. Next to the docs it writes `build/mkdocs.yml`, which INHERITs the
project's mkdocs.yml and adds the navigation (topics in content/topics.yml order).
Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
import json
import os
import shutil
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

import jinja2
import yaml

from generator import corpus_json, counts, images, safe_html, study_pages
from generator.export import CardJob, card_texts, write_downloads
from generator.model import Corpus
from generator.render_layout import Layout, plan, questions_by_source
from generator.render_sources import render_sources
from generator.render_topics import source_anchor, source_title, topic_context
from generator.settings import SiteSettings, load_site_settings

TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("generator", "templates"),
    autoescape=False,  # we emit Markdown; source text is made safe before it gets here
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
    # Templates ship with the package and do not change during a run; without this every
    # `{% include %}` (one per entry) checks the file's mtime on disk.
    auto_reload=False,
)
GENERATED_CONFIG = "mkdocs.yml"


@dataclass
class Rendered:
    """Every file of build/docs as text, and the site navigation."""

    files: dict[str, str] = field(default_factory=dict)
    nav: list = field(default_factory=list)


def render_home(corpus: Corpus, layout: Layout, downloads: bool, site: SiteSettings | None = None) -> str:
    site = site or SiteSettings()
    cards = []
    for topic in layout.topics:
        entries = [e for p in layout.pages_of(topic.id) for e in p.entries]
        cards.append(
            {
                "id": topic.id,
                "title": topic.title,
                "link": f"topics/{topic.id}.md",
                "blurb": _blurb(topic.description),
                "counts": counts.of_entries(entries).line(short=True),
            }
        )
    per_source = questions_by_source(corpus)
    sources = [
        {
            "title": source_title(s, s.id),
            "anchor": source_anchor(s.id),
            "counts": counts.of_questions(counts.shown(corpus, per_source[s.id])).line(),
        }
        for s in corpus.sources
    ]
    total = len(layout.entries())
    asked = len(counts.shown(corpus))
    # content/ is the maintainer's, but the lead sits in raw HTML: escape it all the same.
    intro = html.escape(
        site.intro_text(total, len(corpus.sources), len(layout.topics), asked=asked), quote=False
    )
    return TEMPLATES.get_template("home.md.j2").render(
        description=site.description,
        heading=site.heading,
        intro=intro,
        total=total,
        sources=sources,
        topics=layout.topics,
        cards=cards,
        downloads=downloads,
    )


def _blurb(text: str, limit: int = 120) -> str:
    """A card's short description: whole clauses of the topic description, up to ~limit chars."""
    clauses = text.rstrip(".").split("; ")
    out = clauses[0]
    for clause in clauses[1:]:
        if len(out) + len(clause) + 2 > limit:
            return out + "; …"
        out += "; " + clause
    return out + "."


def hand_written_pages(root: Path) -> dict[str, str]:
    folder = root / "content" / "pages"
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md"))
    }


def render_site(
    corpus: Corpus, root: Path, downloads: bool = False, html: safe_html.Batch | None = None
) -> Rendered:
    """Every file of build/docs as text; `html` converts answers to HTML (see write_tree)."""
    layout = plan(corpus)
    out = Rendered()
    out.files["index.md"] = render_home(corpus, layout, downloads, site_settings(root))
    terms = study_pages.search_terms(corpus, root)
    for page in layout.pages:
        out.files[page.path] = TEMPLATES.get_template("topic.md.j2").render(
            topic_context(page, corpus, layout, terms)
        )
    source_files, sources_nav = render_sources(corpus, layout, TEMPLATES)
    out.files.update(source_files)
    study_files = dict(sorted(study_pages.study_pages(corpus, root, layout).items()))
    out.files.update(study_files)
    out.files.update(hand_written_pages(root))
    block = study_pages.abbreviations(corpus, root).strip()
    if block:
        out.files = {
            path: (text.rstrip("\n") + "\n\n" + block + "\n" if path.endswith(".md") else text)
            for path, text in out.files.items()
        }
    # Compact: the C encoder (no indent) is ~10x faster, and the file is ~25 % smaller.
    out.files["questions.json"] = (
        json.dumps(corpus_json.build(corpus, layout, html), ensure_ascii=False, separators=(",", ":")) + "\n"
    )
    out.files["study-index.json"] = (
        json.dumps(corpus_json.study_index(corpus, layout), separators=(",", ":")) + "\n"
    )
    out.nav = navigation(corpus, layout, list(study_files), sorted(hand_written_pages(root)), sources_nav)
    return out


def navigation(
    corpus: Corpus, layout: Layout, study: list[str], pages: list[str], sources: dict[str, Any]
) -> list[Any]:
    topics = []
    for topic in layout.topics:
        paths = [p.path for p in layout.pages_of(topic.id)]
        topics.append(
            {topic.title: paths[0]}
            if len(paths) == 1
            else {topic.title: [{f"Page {i}": path} for i, path in enumerate(paths, start=1)]}
        )
    nav: list = [{"Home": "index.md"}, {"Topics": topics}]
    nav += [path for path in study if path.endswith(".md")]
    nav.append(sources)
    nav += [path for path in pages if path != "index.md"]
    return nav


def site_settings(root: Path) -> SiteSettings:
    return load_site_settings(root / "content" / "settings.yml")


def generated_config(docs_dir: Path, config_path: Path, root: Path, nav: list) -> str:
    """build/mkdocs.yml: the project's mkdocs.yml plus the nav, with paths made relative to it,
    and the site's name and description from content/settings.yml."""
    here = config_path.parent
    site = site_settings(root)
    data = {
        "INHERIT": os.path.relpath(root / "mkdocs.yml", here),
        "site_name": site.name,
        "site_description": site.description,
        "docs_dir": os.path.relpath(docs_dir, here),
        "site_dir": os.path.relpath(root / "site", here),
        "theme": {"custom_dir": os.path.relpath(root / "overrides", here)},
        "nav": nav,
    }
    head = "# Generated by `python -m generator build`; edit ../mkdocs.yml or content/ instead.\n"
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def write_files(files: dict[str, str], docs_dir: Path) -> None:
    for rel in sorted(files):
        path = docs_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[rel], encoding="utf-8", newline="\n")


def write_tree(corpus: Corpus, docs_dir: Path, root: Path) -> Rendered:
    """Wipe docs_dir and write every page, the downloads and questions.json into it."""
    if docs_dir.exists():
        shutil.rmtree(docs_dir)
    docs_dir.mkdir(parents=True)
    # The HTML of the cards and of questions.json converts on the other cores while the pages render.
    html = safe_html.Batch(chain(card_texts(corpus), corpus_json.html_texts(corpus)))
    job = CardJob(corpus, html)
    try:
        # downloads=True: the home page links them; write_downloads writes both or raises
        rendered = render_site(corpus, root, downloads=True, html=html)
    except BaseException:
        job.close()
        raise
    write_downloads(corpus, docs_dir, job)
    write_files(rendered.files, docs_dir)
    images.copy_assets(images.assets(corpus.questions, root), docs_dir)
    return rendered


def write_config(root: Path, docs_dir: Path, nav: list) -> Path:
    """Write build/mkdocs.yml (only when it changes, so a live preview does not reload for nothing)."""
    config = root / "build" / GENERATED_CONFIG
    config.parent.mkdir(parents=True, exist_ok=True)
    text = generated_config(docs_dir, config, root, nav)
    if not config.exists() or config.read_text(encoding="utf-8") != text:
        config.write_text(text, encoding="utf-8")
    return config


def write_docs(corpus: Corpus, docs_dir: Path, root: Path) -> Rendered:
    """build/docs and build/mkdocs.yml, from nothing."""
    rendered = write_tree(corpus, docs_dir, root)
    write_config(root, docs_dir, rendered.nav)
    return rendered

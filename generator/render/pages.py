"""Render the corpus to the Markdown pages of build/docs, in memory.

`render_site` returns every page as text and the site navigation; writing them, with
questions.json and the downloads, is publishing's (generator/publish/docs.py), which the
pipeline driver runs after this. Pages come out in sorted order, so two builds of the same
input are byte-identical. Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from generator.model import Corpus
from generator.render import counts, links, study_pages
from generator.render.layout import Layout, plan, questions_by_source
from generator.render.sources import render_sources
from generator.render.templates import TEMPLATES
from generator.render.topics import source_title, topic_context
from generator.settings import SiteSettings


@dataclass
class Rendered:
    """Every page of build/docs as text, the site navigation, and the layout they follow."""

    files: dict[str, str] = field(default_factory=dict)
    nav: list = field(default_factory=list)
    layout: Layout | None = None


def render_home(corpus: Corpus, layout: Layout, downloads: bool, site: SiteSettings | None = None) -> str:
    site = site or SiteSettings()
    cards = []
    for topic in layout.topics:
        entries = [e for p in layout.pages_of(topic.id) for e in p.entries]
        cards.append(
            {
                "id": topic.id,
                "title": topic.title,
                "link": links.link(links.HOME, links.topic_page(topic.id)),
                "blurb": _blurb(topic.description),
                "counts": counts.of_entries(entries).line(short=True),
            }
        )
    per_source = questions_by_source(corpus)
    sources = [
        {
            "title": source_title(s, s.id),
            "anchor": links.source_anchor(s.id),
            "counts": counts.of_questions(corpus.shown(per_source[s.id])).line(),
        }
        for s in corpus.sources
    ]
    total = len(layout.entries())
    asked = len(corpus.shown())
    # content/ is the maintainer's, but the lead sits in raw HTML: escape it all the same.
    intro = html.escape(
        site.intro_text(total, len(corpus.sources), len(layout.topics), asked=asked), quote=False
    )
    if not total:  # an empty pile: say what to do rather than count zeros
        intro = "No questions yet: put documents in <code>content/sources/</code> and build again."
    return TEMPLATES.get_template("home.md.j2").render(
        here=links.HOME,
        description=site.description,
        heading=site.heading,
        intro=intro,
        total=total,
        sources=sources,
        topics=layout.topics,
        cards=cards,
        downloads=downloads,
        schema=_schema_link(corpus),
    )


def _schema_link(corpus: Corpus) -> str | None:
    """The About page's questions.json section, while the hand-written page still has it: a
    pile without content/pages/about.md must still build (MkDocs --strict checks anchors)."""
    about = corpus.content.pages.get(links.ABOUT, "")
    return links.link(links.HOME, links.ABOUT, "questions-json") if "{ #questions-json }" in about else None


def _blurb(text: str, limit: int = 120) -> str:
    """A card's short description: whole clauses of the topic description, up to ~limit chars."""
    clauses = text.rstrip(".").split("; ")
    out = clauses[0]
    for clause in clauses[1:]:
        if len(out) + len(clause) + 2 > limit:
            return out + "; …"
        out += "; " + clause
    return out + "."


def render_site(corpus: Corpus, downloads: bool = False) -> Rendered:
    """Every page of build/docs as text; `downloads`: the home page links the deck and the CSV.

    It reads the corpus only: besides the questions, `corpus.content` brings what the gather
    stage read from content/settings.yml `site:`, content/glossary.yml and content/pages/
    (the hand-written pages, copied as they are)."""
    site, glossary, hand_written = corpus.content.site, corpus.content.glossary, corpus.content.pages
    layout = plan(corpus)
    out = Rendered(layout=layout)
    out.files[links.HOME] = render_home(corpus, layout, downloads, site)
    terms = study_pages.search_terms(corpus, glossary)
    for page in layout.pages:
        out.files[page.path] = TEMPLATES.get_template("topic.md.j2").render(
            topic_context(page, corpus, layout, terms), here=page.path
        )
    source_files, sources_nav = render_sources(corpus, layout)
    out.files.update(source_files)
    study_files = dict(sorted(study_pages.study_pages(corpus, glossary, layout).items()))
    out.files.update(study_files)
    out.files.update(hand_written)
    block = study_pages.abbreviations(glossary).strip()
    if block:
        out.files = {
            path: (text.rstrip("\n") + "\n\n" + block + "\n" if path.endswith(".md") else text)
            for path, text in out.files.items()
        }
    out.nav = navigation(corpus, layout, list(study_files), sorted(hand_written), sources_nav)
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
    nav: list = [{"Home": links.HOME}, {"Topics": topics}]
    nav += [path for path in study if path.endswith(".md")]
    nav.append(sources)
    nav += [path for path in pages if path != links.HOME]
    return nav

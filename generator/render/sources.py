"""The Sources page: each source with its description, reader and counts, and a link to
each of its shown questions. A source with many questions gets its list on pages of its
own (`sources/<id>-questions.md`, `-2.md`, ...) so sources.md stays small at any scale."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from generator.model import Corpus, Question, Source
from generator.render import counts, links, origin
from generator.render.layout import Layout
from generator.render.templates import TEMPLATES
from generator.render.topics import number_label, source_title

INLINE_LIMIT = 300  # a source with up to this many questions is listed on sources.md itself,
INLINE_TOTAL = 3000  # while sources.md holds fewer links than this in all (~450 KB)
LINKS_PER_PAGE = 2000  # ~150 bytes of HTML each: ~300 KB a page


def list_pages(source: Source, count: int, inline_so_far: int) -> list[str]:
    """Docs paths of a source's question-list pages (none when it fits on sources.md)."""
    if count <= INLINE_LIMIT and inline_so_far + count <= INLINE_TOTAL:
        return []
    pages = -(-count // LINKS_PER_PAGE)
    return [links.source_questions_page(source.id, i) for i in range(1, pages + 1)]


def question_links(questions: list[Question], layout: Layout, from_path: str) -> list[str]:
    out = []
    for q in questions:
        target = layout.link(q.id, from_path)
        label = number_label(q)
        if target:
            # Without the source's own label, the question itself is the link: no made-up number.
            out.append(f"[{label}]({target}) {q.question}" if label else f"[{q.question}]({target})")
    return out


def render_sources(corpus: Corpus, layout: Layout) -> tuple[dict[str, str], dict[str, Any]]:
    """(files, nav entry) for sources.md and any question-list pages."""
    by_source: dict[str, list[Question]] = {s.id: [] for s in corpus.sources}
    for q in sorted(corpus.questions, key=lambda q: (q.n, q.id)):
        if q.source in by_source and q.id in layout.page_of:
            by_source[q.source].append(q)
    files, views, extra_nav, inline = {}, [], [], 0
    for s in corpus.sources:
        shown = by_source[s.id]
        pages = list_pages(s, len(shown), inline)
        inline += 0 if pages else len(shown)
        title = source_title(s, s.id)
        views.append(
            {
                "title": title,
                "anchor": links.source_anchor(s.id),
                "description": s.description,
                "file": escape(s.file),
                "format": escape(s.format or "unknown"),
                "counts": counts.of_questions(shown).line(),
                "origin": origin.origin_line(s),
                "links": [] if pages else question_links(shown, layout, links.SOURCES),
                "pages": [{"number": i, "path": p} for i, p in enumerate(pages, start=1)],
            }
        )
        for i, path in enumerate(pages, start=1):
            chunk = shown[(i - 1) * LINKS_PER_PAGE : i * LINKS_PER_PAGE]
            files[path] = TEMPLATES.get_template("source_questions.md.j2").render(
                title=title,
                page_title=str(escape(s.title)),
                anchor=links.source_anchor(s.id),
                here=path,
                number=i,
                of=len(pages),
                links=question_links(chunk, layout, path),
            )
        if pages:
            # Nav titles reach the theme's HTML unescaped, and a source's title is source text.
            extra_nav.append({str(escape(s.title)): pages if len(pages) > 1 else pages[0]})
    files[links.SOURCES] = TEMPLATES.get_template("sources.md.j2").render(here=links.SOURCES, sources=views)
    nav = {"Sources": [links.SOURCES, *extra_nav]} if extra_nav else {"Sources": links.SOURCES}
    return files, nav

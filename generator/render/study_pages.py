"""The study pages the renderer adds to the site: flashcards.md and glossary.md,
plus the abbreviation lines it appends to every page (tooltips via Markdown `abbr`).

The flashcards page is a mount point for overrides/assets/flashcards.js, with the
review algorithm documented in prose; the glossary page lists every term with
both forms and the questions that mention it, which is what makes Material's
search find "Reinforcement Learning from Human Feedback" questions from "RLHF".
"""

from __future__ import annotations

from generator.model import Corpus, Term
from generator.organise.glossary import abbreviation_lines, mentions
from generator.render import links
from generator.render.layout import Layout, plan
from generator.render.templates import TEMPLATES

MAX_LINKS = 60  # per term: enough to study from, and the page stays small at 10,000 questions


def render_glossary(corpus: Corpus, terms: tuple[Term, ...], layout: Layout | None = None) -> str:
    layout = plan(corpus) if layout is None else layout
    shown = corpus.shown()
    by_id = {q.id: q for q in shown}
    views = []
    found = mentions(terms, shown)
    for term in sorted(terms, key=lambda t: t.term.lower()):  # alphabetical on the page
        qids = found[term.term]
        found_links, seen = [], set()
        for qid in qids:
            entry = layout.entry_of.get(qid)
            href = layout.link(qid, links.GLOSSARY)
            if entry is None or href is None or entry.id in seen:
                continue  # one link per site entry: merged duplicates share one
            seen.add(entry.id)
            found_links.append(
                {
                    "title": by_id[entry.id].question if entry.id in by_id else by_id[qid].question,
                    "href": layout.link(entry.id, links.GLOSSARY) or href,
                }
            )
        if not found_links:
            continue  # a term no question mentions would only be a stub in search results
        views.append(
            {
                "term": term.term,
                "expansion": term.expansion,
                "definition": term.definition,
                "aliases": term.aliases,
                "anchor": term.anchor,
                "links": found_links[:MAX_LINKS],
                "total": len(found_links),
                "more": max(0, len(found_links) - MAX_LINKS),
            }
        )
    return TEMPLATES.get_template("glossary.md.j2").render(here=links.GLOSSARY, terms=views)


def render_flashcards(corpus: Corpus) -> str:
    shown = corpus.shown()
    return TEMPLATES.get_template("flashcards.md.j2").render(
        here=links.FLASHCARDS, difficulties=any(q.difficulty for q in shown)
    )


def study_pages(corpus: Corpus, terms: tuple[Term, ...], layout: Layout | None = None) -> dict[str, str]:
    """Docs-relative path -> Markdown of each study page (pass the site's layout to reuse it)."""
    return {
        links.FLASHCARDS: render_flashcards(corpus),
        links.GLOSSARY: render_glossary(corpus, terms, layout),
    }


def search_terms(corpus: Corpus, terms: tuple[Term, ...]) -> dict[str, str]:
    """Question id -> "RLHF: Reinforcement Learning from Human Feedback; ..." for the terms it mentions.

    For the renderer to put in each entry as `<p class="qa-terms" hidden>...</p>`: Material's
    search indexes the text (it ignores `hidden`), nobody sees or hears it, and then searching
    either form of an abbreviation finds the question itself, not only its glossary entry.
    """
    by_term = {t.term: t for t in terms}
    lines: dict[str, list[str]] = {}
    for term, qids in mentions(terms, corpus.questions).items():
        for qid in qids:
            lines.setdefault(qid, []).append(f"{term}: {by_term[term].expansion}")
    return {qid: "; ".join(parts) for qid, parts in lines.items()}


def abbreviations(terms: tuple[Term, ...]) -> str:
    """The `*[ABBR]: expansion` block appended to every page."""
    return abbreviation_lines(terms)

"""questions.json: the whole corpus as data, for the study mode, exports and other tools.

Schema (version 1; documented in README.md and on the site's About page; every change to
its fields is recorded in CHANGELOG.md, which tests/test_changelog.py checks):

    {"schema_version": 1,
     "sources":   [{id, title, file, description, format, url, original_url, author, licence,
                   questions, answered, mcq, prompts}],
     "topics":    [{id, title, description, url, pages, questions, answered, mcq, prompts}],
     "questions": [{id, source, n, label, question, kind, answer, choices: [{letter, text, html}],
                    correct, section, topic, tags, group, related, url, math, hidden, aliases,
                    difficulty, link, question_html, answer_html, stem, stem_html,
                    citation}]}

One entry per question per source, even where the site merges duplicates into one
entry; `group` names the merge. URLs are site-relative (no leading slash), a
question's with its anchor; a hidden question has `"hidden": true` and `"url": null`.
`aliases` are ids the question had before (a cleaner reading of its title changed it).
`difficulty` ("easy", "medium", "hard") and `link` (an http(s) citation URL) are what the
source marked, else null. `question_html`, `answer_html` and each choice's `html` are the
Markdown fields as safe HTML (generator.render.safe_html), formulas in `<span class="arithmatex">`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from generator.model import Corpus, Question, Source
from generator.render import counts, links, safe_html
from generator.render.layout import Layout, questions_by_source, topic_finder
from generator.render.topics import citation_text

SCHEMA_VERSION = 1


def _counts(questions: list[Question]) -> dict[str, int]:
    t = counts.of_questions(questions)
    return {"questions": t.total, "answered": t.answered, "mcq": t.mcq, "prompts": t.prompts}


def html_texts(corpus: Corpus) -> Iterator[str]:
    """Every Markdown text the records carry as HTML too (to start a safe_html.Batch early)."""
    for q in corpus.questions:
        yield q.question
        if q.answer:
            yield q.answer
        if q.stem:
            yield q.stem
        yield from (c.text for c in q.choices)


def question_record(
    q: Question,
    corpus: Corpus,
    layout: Layout,
    html: safe_html.Batch,
    sources: dict[str, Source],
    topic_of: Callable[[str], str],
) -> dict:
    page = layout.page_of.get(q.id)
    return {
        "id": q.id,
        "source": q.source,
        "n": q.n,
        "label": q.label,
        "question": q.question,
        "kind": q.kind,
        "answer": q.answer,
        "choices": [
            {"letter": c.letter, "text": c.text, "html": safe_html.inline(html.get(c.text).for_site())}
            for c in q.choices
        ],
        "correct": q.correct,
        "section": q.section,
        "topic": topic_of(q.id),
        "tags": list(corpus.tags_of.get(q.id, ())),
        "group": corpus.group_of.get(q.id),
        "related": list(corpus.related_of.get(q.id, ())),
        "url": links.url(page, q.id) if page else None,
        "math": q.math,
        "hidden": q.id in corpus.hidden,
        "aliases": list(q.aliases),
        "difficulty": q.difficulty,
        "link": q.link,
        "question_html": safe_html.inline(html.get(q.question).for_site()),
        "answer_html": html.get(q.answer).for_site() if q.answer else None,
        "stem": q.stem,
        "stem_html": html.get(q.stem).for_site() if q.stem else None,
        "citation": citation_text(q, sources),
    }


def build(corpus: Corpus, layout: Layout, html: safe_html.Batch | None = None) -> dict:
    """The document; `html` is a batch already converting html_texts(corpus), if the caller
    started one (render does, next to the cards)."""
    html = html or safe_html.Batch(html_texts(corpus))
    sources = {s.id: s for s in corpus.sources}
    topic_of = topic_finder(corpus)
    records = [question_record(q, corpus, layout, html, sources, topic_of) for q in corpus.questions]
    by_topic: dict[str, list[Question]] = {t.id: [] for t in corpus.topics}
    for q, record in zip(corpus.questions, records):
        if not record["hidden"]:
            by_topic[record["topic"]].append(q)
    per_source = questions_by_source(corpus)
    return {
        "schema_version": SCHEMA_VERSION,
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "file": s.file,
                "description": s.description,
                "format": s.format,
                "url": links.url(links.SOURCES, links.source_anchor(s.id)),
                "original_url": s.url,
                "author": s.author,
                "licence": s.licence,
                **_counts(per_source[s.id]),
            }
            for s in corpus.sources
        ],
        "topics": [
            {
                "id": t.id,
                "title": t.title,
                "description": t.description,
                "url": links.url(links.topic_page(t.id)),
                "pages": [links.url(p.path) for p in layout.pages_of(t.id)],
                **_counts(by_topic[t.id]),
            }  # shown questions only
            for t in layout.topics
        ],
        "questions": records,
    }


def study_index(corpus: Corpus, layout: Layout) -> dict:
    """The site's entries as [topic, id, other ids…]: all the home page and topic bars need
    for "due today" and "known" counts, a few KB instead of the whole questions.json; and
    `aliases` (former id -> id now), which study/store.js uses to move saved progress to the new ids."""
    return {
        "schema_version": SCHEMA_VERSION,
        "entries": [[e.topic, *(m.id for m in e.members)] for p in layout.pages for e in p.entries],
        "aliases": {old: q.id for q in corpus.questions for old in q.aliases},
    }

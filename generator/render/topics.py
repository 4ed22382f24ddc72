"""Topic pages: each entry's heading, badges, options, answer, citation and related links.

Question fields arrive already made safe by cleaning (titles and labels through
`escape_inline`, answers through `sanitize_markdown`), so they are inserted as they
are; only values that go into HTML attributes are escaped here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from markupsafe import escape

from generator.ingest import images
from generator.ingest.sanitize import escape_inline, is_web_url
from generator.model import Corpus, Question, Source
from generator.render import counts, links, origin, section_badge
from generator.render.layout import Entry, Layout, TopicPage

MAX_RELATED = 3
PLAIN_NUMBER = re.compile(r"^\d+$")


@dataclass(frozen=True)
class EntryView:
    """What entry.md.j2 needs, every string ready to insert."""

    id: str
    heading: str
    kind: str
    topic: str
    ids: str
    other_ids: tuple[str, ...]
    badges: str
    choices: tuple
    correct: str
    answer: str
    answer_title: str
    source_line: str
    related: str
    terms: str = ""
    stem: str = ""


def source_title(source: Source | None, fallback: str) -> str:
    return _escaped_title(source.title if source else fallback)


@functools.lru_cache(maxsize=1024)
def _escaped_title(title: str) -> str:
    # Cached: every citation repeats one of a handful of source titles.
    return escape_inline(title)


def number_label(q: Question) -> str | None:
    """ "Q21": the label the source printed (a bare number gets a Q); None when the source
    printed none. Never the reader's count (q.n): a number the source does not show would
    send the learner looking for a "Q12" that is not there."""
    if not q.label:
        return None
    return f"Q{q.label}" if PLAIN_NUMBER.match(q.label) else q.label


def citation_parts(q: Question, sources: dict[str, Source]) -> tuple[str, str | None]:
    """(source title, where in it) as plain text: how a learner finds the question in its
    source. Where is the source's own label ("Q21"), after its section when the source
    prints that label twice (numbering restarted per heading); without one, the section heading the
    question sits under ("Architecture & Training"), unless the heading only restates the
    source's title (section_badge.adds_to, as for the badge); else nothing."""
    source = sources.get(q.source)
    title = source.title if source else q.source
    label = number_label(q)
    if label and q.label in (source.repeated_labels if source else ()) and q.section:
        return title, f"{q.section}, {label}"  # numbering restarts per section: say which
    if label:
        return title, label
    if q.section and section_badge.adds_to(q.section, title):
        return title, q.section
    return title, None


def citation(q: Question, sources: dict[str, Source]) -> str:
    """ "Top 50 LLM Interview Questions, Q21" as inline Markdown that can only show text."""
    title, where = citation_parts(q, sources)
    return ", ".join(_escaped_title(part) for part in (title, where) if part)


def citation_text(q: Question, sources: dict[str, Source]) -> str:
    """The same citation as plain text (questions.json), for a script to insert as text."""
    return ", ".join(part for part in citation_parts(q, sources) if part)


def _badge(text: str, kind: str) -> str:
    return f'<span class="qa-badge qa-badge--{kind}">{text}</span>'


def badges(entry: Entry, sources: dict[str, Source]) -> str:
    q = entry.primary
    out = []
    asked = counts.asked_in(entry)
    if asked:
        out.append(_badge(asked, "multi"))
    if q.kind == "prompt" and not any(m.answer for m in entry.members):
        out.append(_badge("Practice prompt", "prompt"))
    elif q.kind == "prompt":
        out.append(_badge("Practice prompt, answered elsewhere", "prompt"))
    if q.kind == "mcq":
        out.append(_badge("Multiple choice", "mcq"))
    source = sources.get(q.source)
    if q.section and section_badge.adds_to(q.section, source.title if source else q.source):
        out.append(_badge(_escaped_title(q.section), "section"))  # source text: only text shows
    difficulty = next((m.difficulty for m in entry.members if m.difficulty), None)
    if difficulty:  # one of three fixed words (model.Difficulty): nothing to escape
        out.append(_badge(f"Difficulty: {difficulty}", f"difficulty qa-badge--{difficulty}"))
    return " ".join(out)


def mcq_answer(q: Question) -> str:
    """The hidden part of an MCQ: the correct option, then any explanation."""
    chosen = next((c for c in q.choices if c.letter == q.correct), None)
    head = (
        f"**Correct answer: {q.correct}.** {chosen.text}"
        if chosen
        else (f"**Correct answer: {q.correct}.**" if q.correct else "*The source gives no correct answer.*")
    )
    return head + (f"\n\n{q.answer}" if q.answer else "")


def member_answer(q: Question, with_options: bool) -> str | None:
    if q.kind == "mcq":
        options = "\n".join(f"- **{c.letter}.** {c.text}" for c in q.choices) + "\n\n" if with_options else ""
        return options + mcq_answer(q)
    return q.answer


def _tab_title(text: str) -> str:
    return text.replace('"', "&quot;")


def answer_block(entry: Entry, sources: dict[str, Source]) -> tuple[str, str]:
    """(Markdown, details title) of the answer; empty when nobody answers the question."""
    primary = entry.primary
    answered = [(m, a) for m in counts.answering(entry) if (a := member_answer(m, m is not primary))]
    if not answered:
        return "", ""
    title = "Answer" if primary.kind != "mcq" else "Show the answer"
    if len(answered) == 1:
        m, text = answered[0]
        if len(entry.members) > 1 or m is not primary:
            text = f"*Answered in {source_title(sources.get(m.source), m.source)}.*\n\n{text}"
        return text, title
    tabs = []
    for m, text in answered:
        tabs.append(f'=== "{_tab_title(citation(m, sources))}"\n\n' + _indent(text))
    return "\n\n".join(tabs), title


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line.strip() else "" for line in text.splitlines())


def source_line(entry: Entry, page: TopicPage, sources: dict[str, Source]) -> str:
    cited = [
        f"[{citation(m, sources)}]({links.link(page.path, links.SOURCES, links.source_anchor(m.source))})"
        f"{source_link(m) or origin.original_link(sources.get(m.source))}"
        for m in entry.members
    ]
    return "From " + (", ".join(cited[:-1]) + " and " + cited[-1] if len(cited) > 1 else cited[0])


def source_link(q: Question) -> str:
    """ " (source)": the page the source cites for this question, opened without giving it our window."""
    if not q.link or not is_web_url(q.link):
        return ""
    return f' (<a class="qa-link" href="{escape(q.link)}" rel="noopener">source</a>)'


def related_line(entry: Entry, page: TopicPage, corpus: Corpus, layout: Layout) -> str:
    own = {m.id for m in entry.members}
    seen, items = set(), []
    for rid in corpus.related_of.get(entry.id, ()):
        target = layout.entry_of.get(rid)
        if target is None or target.id in own or target.id in seen:
            continue
        seen.add(target.id)
        items.append(f"[{layout.question[rid].question}]({layout.link(rid, page.path)})")
        if len(items) == MAX_RELATED:
            break
    if not items:
        return ""
    lead = "Study these first:" if entry.primary.kind == "prompt" else "Related:"
    return f"{lead} " + " · ".join(items)


def entry_view(
    entry: Entry,
    page: TopicPage,
    corpus: Corpus,
    layout: Layout,
    sources: dict[str, Source],
    terms: dict[str, str],
) -> EntryView:
    q = entry.primary
    answer, answer_title = answer_block(entry, sources)
    answer = images.page_relative(answer, page.path.count("/"))  # images point from the site root
    return EntryView(
        id=q.id,
        heading=q.question,
        kind=q.kind,
        topic=str(escape(entry.topic)),
        ids=" ".join(m.id for m in entry.members),
        other_ids=tuple(m.id for m in entry.members[1:]),
        badges=badges(entry, sources),
        choices=q.choices if q.kind == "mcq" else (),
        stem=images.page_relative(q.stem or "", page.path.count("/")),
        correct=str(escape(q.correct or "")),
        answer=answer,
        answer_title=answer_title,
        source_line=source_line(entry, page, sources),
        related=related_line(entry, page, corpus, layout),
        terms=str(
            escape(
                "; ".join(
                    dict.fromkeys(t for m in entry.members for t in terms.get(m.id, "").split("; ") if t)
                )
            )
        ),
    )


def counts_line(entries) -> str:
    """ "16 questions: 12 answered · 2 multiple choice · 2 practice prompts (22 as the sources
    ask them, duplicates merged)": entries, as the home card and the progress bar count them."""
    line = counts.of_entries(entries).line()
    asked = sum(len(e.members) for e in entries)
    total = len(entries)
    return line if asked == total else f"{line} ({asked} as the sources ask them, duplicates merged)"


def pager(page: TopicPage, layout: Layout) -> str:
    if page.of == 1:
        return ""
    numbers = []
    for other in layout.pages_of(page.topic.id):
        target = links.link(page.path, other.path)
        numbers.append(f"**{other.number}**" if other is page else f"[{other.number}]({target})")
    return f"Page {page.number} of {page.of}: " + " · ".join(numbers)


def topic_context(
    page: TopicPage, corpus: Corpus, layout: Layout, terms: dict[str, str] | None = None
) -> dict:
    """Template context of one topic page; `terms` maps question ids to abbreviation expansions."""
    sources = {s.id: s for s in corpus.sources}
    suffix = f" ({page.number}/{page.of})" if page.of > 1 else ""
    topic_entries = [e for p in layout.pages_of(page.topic.id) for e in p.entries]
    return {
        "topic": page.topic,
        "title": page.topic.title + suffix,
        "heading": page.topic.title + suffix,
        "description": page.topic.description,
        "math": any(m.math for e in page.entries for m in e.members),
        "counts": counts_line(topic_entries),
        "pager": pager(page, layout),
        "entries": [entry_view(e, page, corpus, layout, sources, terms or {}) for e in page.entries],
    }

"""Where every question goes on the site, decided once before anything is written.

A duplicate group (corpus.group_of) becomes one *entry*; every other question is an
entry of its own. Entries are placed on their topic's page (the topic of the entry's
first member), in a stable order: answered, then multiple choice, then practice
prompts; within a kind by source order and number. A topic with many entries is split
into pages `topics/<id>.md`, `topics/<id>-2.md`, ... so no page grows past what a
browser opens comfortably. Hidden questions (curation) get no entry and no URL, and a
topic left without entries gets no page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from generator.model import Corpus, Question, Topic
from generator.render import links

# A topic page holds at most this many entries, and starts a new page once its
# Markdown would pass MAX_PAGE_CHARS: answers vary a lot in length, and HTML is about
# twice the Markdown, so this keeps a page under ~1 MB of HTML.
MAX_ENTRIES_PER_PAGE = 400
MAX_PAGE_CHARS = 400_000
ENTRY_OVERHEAD_CHARS = 1_000  # heading, badges, citation, related links and markup, measured
KIND_ORDER = {"open": 0, "mcq": 1, "prompt": 2}


@dataclass(frozen=True)
class Entry:
    """One `##` block on a topic page: a question, or a merged duplicate group."""

    members: tuple[Question, ...]  # the primary first
    topic: str
    group: str | None = None

    @property
    def primary(self) -> Question:
        return self.members[0]

    @property
    def id(self) -> str:
        return self.primary.id


@dataclass(frozen=True)
class TopicPage:
    topic: Topic
    path: str  # docs-relative, e.g. "topics/rag-2.md"
    number: int  # 1-based page number within the topic
    of: int  # how many pages the topic has
    entries: tuple[Entry, ...]


@dataclass
class Layout:
    pages: list[TopicPage] = field(default_factory=list)
    page_of: dict[str, str] = field(default_factory=dict)  # question id -> docs path
    entry_of: dict[str, Entry] = field(default_factory=dict)  # question id -> its entry
    question: dict[str, Question] = field(default_factory=dict)  # question id -> question

    @property
    def topics(self) -> list[Topic]:
        """The topics the site shows, in content/topics.yml order: those with an entry."""
        return list({p.topic.id: p.topic for p in self.pages}.values())

    def entries(self) -> list[Entry]:
        """Every entry of the site, in page order (what generator/render/counts.py calls an entry)."""
        return [e for p in self.pages for e in p.entries]

    def pages_of(self, topic_id: str) -> list[TopicPage]:
        return [p for p in self.pages if p.topic.id == topic_id]

    def link(self, qid: str, from_path: str) -> str | None:
        """A relative Markdown link from one docs page to a question's anchor."""
        target = self.page_of.get(qid)
        if target is None:
            return None
        return links.link(from_path, target, qid)


def question_sort_key(corpus: Corpus):
    source_rank = {s.id: i for i, s in enumerate(corpus.sources)}
    return lambda q: (KIND_ORDER.get(q.kind, 3), source_rank.get(q.source, len(source_rank)), q.n, q.id)


def topic_for(corpus: Corpus, qid: str) -> str:
    """The classifier's topic; an unknown or missing one falls back to the first topic."""
    return topic_finder(corpus)(qid)


def topic_finder(corpus: Corpus) -> Callable[[str], str]:
    """`topic_for` of many questions: the known topics are gathered once, not per question."""
    known = {t.id for t in corpus.topics}

    def topic_of(qid: str) -> str:
        topic = corpus.topic_of.get(qid)
        return topic if topic in known else corpus.topics[0].id

    return topic_of


def questions_by_source(corpus: Corpus) -> dict[str, list[Question]]:
    """Each source's questions in corpus order, in one pass (not one pass per source)."""
    out: dict[str, list[Question]] = {s.id: [] for s in corpus.sources}
    for q in corpus.questions:
        out.setdefault(q.source, []).append(q)
    return out


def make_entries(corpus: Corpus) -> list[Entry]:
    key = question_sort_key(corpus)
    visible = sorted(corpus.shown(), key=key)
    groups: dict[str, list[Question]] = {}
    for q in visible:
        gid = corpus.group_of.get(q.id)
        if gid is not None:
            groups.setdefault(gid, []).append(q)
    entries: list[Entry] = []
    placed: set[str] = set()
    topic_of = topic_finder(corpus)
    for q in visible:
        gid = corpus.group_of.get(q.id)
        members = groups.get(gid, [q]) if gid is not None else [q]
        if q.id in placed:
            continue
        placed.update(m.id for m in members)
        merged = gid if len(members) > 1 else None
        entries.append(Entry(tuple(members), topic_of(members[0].id), merged))
    return entries


def _estimate_chars(entry: Entry) -> int:
    return sum(
        len(m.question) + len(m.answer or "") + sum(len(c.text) for c in m.choices) + ENTRY_OVERHEAD_CHARS
        for m in entry.members
    )


def paginate(entries: list[Entry]) -> list[list[Entry]]:
    chunks: list[list[Entry]] = [[]]
    size = 0
    for entry in entries:
        cost = _estimate_chars(entry)
        if chunks[-1] and (len(chunks[-1]) >= MAX_ENTRIES_PER_PAGE or size + cost > MAX_PAGE_CHARS):
            chunks.append([])
            size = 0
        chunks[-1].append(entry)
        size += cost
    return chunks


def plan(corpus: Corpus) -> Layout:
    layout = Layout(question={q.id: q for q in corpus.questions})
    by_topic: dict[str, list[Entry]] = {t.id: [] for t in corpus.topics}
    for entry in make_entries(corpus):
        by_topic[entry.topic].append(entry)
    # A topic with nothing to show is left off (unless none has anything: the site needs a page).
    shown = [t for t in corpus.topics if by_topic[t.id]] or corpus.topics[:1]
    for topic in shown:
        chunks = paginate(by_topic[topic.id])
        for number, chunk in enumerate(chunks, start=1):
            page = TopicPage(topic, links.topic_page(topic.id, number), number, len(chunks), tuple(chunk))
            layout.pages.append(page)
            for entry in chunk:
                for member in entry.members:
                    layout.page_of[member.id] = page.path
                    layout.entry_of[member.id] = entry
    return layout

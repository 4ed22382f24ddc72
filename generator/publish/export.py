"""Exports: an Anki deck (.apkg), a CSV Anki can import, and questions.json.

One note per site entry that has something to check: an answered entry or a
multiple-choice one (practice prompts have nothing to check against). A merged
duplicate group is one entry, so one note; its back carries every member's answer,
each under its citation ("Top 50 LLM Interview Questions, Q21"), in the entry's order.

A note's GUID is that of the entry's **oldest member**: the member that comes first by
(its source's place in the corpus, its number in the source), i.e. the one a reader met
first. Its GUID is `genanki.guid_for` of its first id (its oldest alias, else its id),
the GUID the per-question deck gave it, so importing a newer deck updates the notes
already in a reader's collection instead of adding copies, and a group that gains or
loses a member keeps its GUID unless the oldest member itself goes. Deck and note-type
ids are constants and every timestamp is fixed, so two exports are byte-identical.

Answers are Markdown; they become HTML through generator.render.safe_html (Python-Markdown,
then the site's nh3 allowlist), the same conversion as questions.json's `answer_html`,
with math written back in the delimiters Anki's MathJax reads: \\(...\\) inline,
\\[...\\] display.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import sqlite3
import tempfile
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import genanki

from generator.ingest.sanitize import is_web_url
from generator.model import Corpus, Question, Source
from generator.publish import corpus_json
from generator.render import links, safe_html
from generator.render.layout import make_entries, plan, topic_finder
from generator.render.topics import citation, mcq_answer

DECK_NAME = "LLM Interview Study"
DECK_ID = 1_843_229_017  # fixed: a re-import lands in the same deck
MODEL_ID = 1_511_820_463  # fixed: the same note type every export
FIXED_TIMESTAMP = 1_700_000_000  # note/card "modified" times; SOURCE_DATE_EPOCH wins if set
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
EXTENSIONS = {"anki": "apkg", "csv": "csv", "json": "json"}
DEFAULT_DIR = Path("dist")
DOWNLOADS = (links.DECK, links.SHEET)

TAG_UNSAFE = re.compile(r"[^A-Za-z0-9_:.-]+")

CARD_CSS = """.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5;
  text-align: left; color: black; background: white; max-width: 42em; margin: 0 auto; }
.nightMode .card, .card.nightMode { color: #eee; background: #222; }
.source { font-size: 0.8em; opacity: 0.7; margin-top: 1.5em; }
pre, code { font-size: 0.9em; }
.answer-source { font-size: 0.8em; opacity: 0.7; margin-top: 1em; }"""
MODEL = genanki.Model(
    MODEL_ID,
    "LLM Study Q&A",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Source"}, {"name": "Topic"}, {"name": "Id"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Question}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}<div class="source">{{Source}} · {{Topic}}</div>',
        }
    ],
    css=CARD_CSS,
)


@dataclass(frozen=True)
class Card:
    """One question ready for Anki: HTML fields, tags and the GUID."""

    guid: str
    question: str
    answer: str
    source: str
    topic: str
    tags: tuple[str, ...]
    qid: str


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cite(q: Question, sources: dict[str, Source]) -> str:
    text = _escape(citation(q, sources))
    source = sources.get(q.source)
    if source is None or not source.url or not is_web_url(source.url):
        return text
    return f'<a href="{_escape(source.url).replace(chr(34), "&quot;")}">{text}</a>'


def tag(prefix: str, value: str) -> str:
    """An Anki tag (no spaces allowed): `topic::fine-tuning`."""
    return f"{prefix}::{TAG_UNSAFE.sub('-', value).strip('-') or 'none'}"


def exportable(q: Question, corpus: Corpus) -> bool:
    if q.id in corpus.hidden:
        return False
    return (q.kind == "open" and bool(q.answer)) or (q.kind == "mcq" and bool(q.correct or q.answer))


def card_markdown(q: Question) -> tuple[str, str, str]:
    """(front question, front options, back) as Markdown; options empty unless an MCQ."""
    options = "\n".join(f"- **{c.letter}.** {c.text}" for c in q.choices) if q.kind == "mcq" else ""
    if q.stem:
        options = q.stem + ("\n\n" + options if options else "")
    return q.question, options, mcq_answer(q) if q.kind == "mcq" else q.answer or ""


def note_guid(q: Question) -> str:
    """The GUID of the question's first id: aliases are its former ids, oldest first."""
    return genanki.guid_for(q.anki_id or (q.aliases[0] if q.aliases else q.id))


def oldest(members: list[Question], corpus: Corpus) -> Question:
    """The member a reader met first: by its source's place in the corpus, then its number."""
    if len(members) == 1:  # most entries: no source order to work out
        return members[0]
    rank = {s.id: i for i, s in enumerate(corpus.sources)}
    return min(members, key=lambda q: (rank.get(q.source, len(rank)), q.n, q.id))


def make_card(
    members: list[Question],
    html: dict[str, tuple[str, str, str]],
    corpus: Corpus,
    sources: dict[str, Source],
    topics: dict[str, str],
    topic_of: Callable[[str], str],
) -> Card:
    """One note for an entry's members that can be checked (primary first)."""
    primary = members[0]
    question, options, back = html[primary.id]
    front = question + ("\n" + options if options else "")
    # Each citation links the source's original where its address is known (sources.yml).
    cites = [_cite(m, sources) for m in members]
    if len(members) > 1:
        back = "\n".join(
            f'<div class="answer-source"><b>{c}</b></div>\n{html[m.id][2]}' for c, m in zip(cites, members)
        )
    topic = topic_of(primary.id)
    tags = (
        tag("topic", topic),
        *dict.fromkeys(tag("source", m.source) for m in members),
        tag("kind", primary.kind),
    )
    guid = note_guid(oldest(members, corpus))
    return Card(guid, front, back, "; ".join(cites), _escape(topics[topic]), tags, primary.id)


def card_texts(corpus: Corpus) -> Iterator[str]:
    """Every Markdown text the cards convert (to start a safe_html.Batch early)."""
    for q in corpus.questions:
        if exportable(q, corpus):
            yield from card_markdown(q)


class CardJob:
    """The cards of a corpus, their HTML converting in the background (see safe_html.Batch)
    so the caller can render pages meanwhile. `result()` waits for them and builds the cards."""

    def __init__(self, corpus: Corpus, batch: safe_html.Batch | None = None):
        self.corpus = corpus
        self.batch = batch or safe_html.Batch(card_texts(corpus))

    def result(self) -> list[Card]:
        try:
            html = {q.id: self._html(q) for q in self.corpus.questions if exportable(q, self.corpus)}
            sources = {s.id: s for s in self.corpus.sources}
            topics = {t.id: t.title for t in self.corpus.topics}
            topic_of = topic_finder(self.corpus)
            return [
                make_card(members, html, self.corpus, sources, topics, topic_of)
                for members in note_members(self.corpus)
            ]
        finally:
            self.close()

    def _html(self, q: Question) -> tuple[str, str, str]:
        question, options, back = (self.batch.get(text).for_anki() for text in card_markdown(q))
        return question, options, back

    def close(self) -> None:
        self.batch.close()


def note_members(corpus: Corpus) -> list[list[Question]]:
    """Each entry's checkable members, in site order: one list per note."""
    entries = [[m for m in e.members if exportable(m, corpus)] for e in make_entries(corpus)]
    return [members for members in entries if members]


def cards(corpus: Corpus) -> list[Card]:
    return CardJob(corpus).result()


def timestamp() -> int:
    return int(os.environ.get("SOURCE_DATE_EPOCH") or FIXED_TIMESTAMP)


def write_apkg(items: list[Card], out: Path) -> None:
    deck = genanki.Deck(DECK_ID, DECK_NAME, description="LLM interview questions with answers.")
    for c in items:
        deck.add_note(
            genanki.Note(
                model=MODEL,
                fields=[c.question, c.answer, c.source, c.topic, c.qid],
                tags=list(c.tags),
                guid=c.guid,
            )
        )
    stamp = timestamp()
    with tempfile.TemporaryDirectory() as scratch:
        db_path = Path(scratch) / "collection.anki2"
        conn = sqlite3.connect(db_path)
        # A scratch file zipped right after: no need to wait for the disk after each statement.
        conn.execute("PRAGMA synchronous = OFF")
        # genanki's own write_to_file stamps the zip with the current time and
        # leaves its temporary database behind; writing the zip here avoids both.
        with warnings.catch_warnings():
            # The fields are nh3's output (safe_html); genanki's own check reads a tag whose
            # attribute value holds a newline as invalid HTML and would warn on the console.
            warnings.filterwarnings("ignore", message="^Field contained the following invalid HTML tags")
            genanki.Package(deck).write_to_db(conn.cursor(), stamp, itertools.count(stamp * 1000))
        conn.commit()
        conn.close()
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in (("collection.anki2", db_path.read_bytes()), ("media", b"{}")):
                info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, data)


FORMULA_START = frozenset("=+-@\t\r")


def csv_text(items: list[Card]) -> str:
    """Anki's text import format: header lines, then one row per note."""
    buffer = io.StringIO()
    buffer.write(
        "#separator:Comma\n#html:true\n#notetype:Basic\n"
        f"#deck:{DECK_NAME}\n#columns:GUID,Front,Back,Source,Topic,Tags\n"
        "#guid column:1\n#tags column:6\n"
    )
    writer = csv.writer(buffer, lineterminator="\n")
    for c in items:
        fields = [c.question, c.answer, c.source, c.topic, " ".join(c.tags)]
        writer.writerow([c.guid, *(_inert(field) for field in fields)])
    return buffer.getvalue()


def _inert(field: str) -> str:
    """A field a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`) opens
    with its first character as an HTML entity: Anki (html:true) shows the same character."""
    return f"&#{ord(field[0])};{field[1:]}" if field[:1] in FORMULA_START else field


def json_text(corpus: Corpus) -> str:
    """The same document as the site's questions.json, in the same compact form."""
    return (
        json.dumps(corpus_json.build(corpus, plan(corpus)), ensure_ascii=False, separators=(",", ":")) + "\n"
    )


def export(corpus: Corpus, fmt: str, out_path: Path | None = None) -> Path:
    out = out_path or DEFAULT_DIR / f"llm-study.{EXTENSIONS[fmt]}"
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "anki":
        write_apkg(cards(corpus), out)
    elif fmt == "csv":
        out.write_text(csv_text(cards(corpus)), encoding="utf-8", newline="")
    else:
        out.write_text(json_text(corpus), encoding="utf-8", newline="\n")
    return out


def write_downloads(corpus: Corpus, docs_dir: Path, job: CardJob | None = None) -> list[Path]:
    """The deck and the CSV, into the docs so MkDocs ships them with the site."""
    items = (job or CardJob(corpus)).result()
    apkg, csv_path = (docs_dir / d for d in DOWNLOADS)
    write_apkg(items, apkg)
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    csv_path.write_text(csv_text(items), encoding="utf-8", newline="")
    return [apkg, csv_path]

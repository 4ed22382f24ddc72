"""The typed data model shared by every stage.

Readers produce `Draft`s (raw text, with locations); cleaning turns them into
`Question`s; classification and deduplication attach topics and groups by id.
Nothing here imports MkDocs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from generator.settings import SearchSettings, SiteSettings

Kind = Literal["open", "mcq", "prompt"]
Severity = Literal["warning", "error"]
Difficulty = Literal["easy", "medium", "hard"]


@dataclass(frozen=True)
class Location:
    """Where an item came from: a path relative to the project root, 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Problem:
    """Something wrong in the input. Errors make `check` exit 1; warnings do not."""

    location: Location
    message: str
    severity: Severity = "warning"

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Line:
    """One line of a decoded document, with its 1-based number in the file."""

    no: int
    text: str


@dataclass(frozen=True)
class Document:
    """A decoded source file, split into lines, ready for a reader.

    `converted_from` names the converter (`generator.ingest.convert`) that turned a notebook,
    reStructuredText, Word or PDF file into the Markdown or HTML in `lines`; there a
    Line's `no` points into the original (a notebook's cell, a PDF's page line), so
    numbers may repeat and skip. "" for a file read as it is.
    """

    path: str
    source_id: str
    lines: tuple[Line, ...]
    converted_from: str = ""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def at(self, line: int) -> Location:
        return Location(self.path, line)


@dataclass(frozen=True)
class Choice:
    letter: str
    text: str


@dataclass(frozen=True)
class Draft:
    """A question as a reader found it, before cleaning.

    `answer` is the answer's raw lines (may be empty). `label` is the number the
    source gave it ("Q4o", "12"), kept for warnings and for "Q21" in citations.
    `link` is a citation URL the title carried (`[[src](url)]`), `difficulty` a
    marker it carried (👶 ⭐️ 🚀, Easy/Medium/Hard); neither is part of `question`.
    `former_titles` are texts an earlier reader took as this question's title:
    their ids stay valid as aliases, so saved progress and curation still find it.
    """

    question: str
    location: Location
    answer: tuple[Line, ...] = ()
    section: str | None = None
    choices: tuple[Choice, ...] = ()
    correct: str | None = None
    label: str | None = None
    link: str | None = None
    difficulty: Difficulty | None = None
    former_titles: tuple[str, ...] = ()
    # What the question shows before its options (a table or image an MCQ asks about).
    stem: tuple[Line, ...] = ()
    # Set by the tree readers: `question` is already safe inline Markdown and `answer`
    # is Markdown from a parse tree, so cleaning must not re-escape or "repair" them.
    markup: bool = False


@dataclass(frozen=True)
class Question:
    """One question of one source, clean. `answer` is Markdown or None."""

    id: str
    source: str
    n: int
    question: str
    kind: Kind
    answer: str | None
    location: Location
    section: str | None = None
    choices: tuple[Choice, ...] = ()
    correct: str | None = None
    label: str | None = None
    math: bool = False
    link: str | None = None
    difficulty: Difficulty | None = None
    # Ids this question had before (see Draft.former_titles); never equal to `id`.
    aliases: tuple[str, ...] = ()
    # Markdown shown with the question, above its options (Draft.stem), or None.
    stem: str | None = None
    # The id its Anki note's GUID comes from, when not its first alias or its id.
    anki_id: str = ""


@dataclass(frozen=True)
class Source:
    id: str
    file: str
    title: str
    description: str = ""
    format: str = ""
    # What the segmenter chose and why (tree readers), for `check`.
    structure: str = ""
    # Line ranges (first, last) of text that went into no question and is not junk.
    unread: tuple[tuple[int, int], ...] = ()
    # Provenance from content/sources.yml: the original's address, its author and licence
    # (as the document states them; `generator add` records them), for the Sources page.
    url: str | None = None
    author: str | None = None
    licence: str | None = None
    # Labels the source prints on more than one question (numbering restarted per section):
    # "Q3" alone would not say which, so a citation names the section too.
    repeated_labels: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Topic:
    """A topic of content/topics.yml. `fallback`: where questions go when the classifier
    abstains; `kinds`: the only question kinds it may hold (empty: any)."""

    id: str
    title: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    fallback: bool = False
    kinds: tuple[str, ...] = ()


_NON_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Term:
    """One entry of content/glossary.yml."""

    term: str
    expansion: str
    definition: str
    aliases: tuple[str, ...] = ()
    plural: bool = False

    @property
    def anchor(self) -> str:
        return term_anchor(self.term)


def term_anchor(term: str) -> str:
    return _NON_SLUG.sub("-", term.lower()).strip("-")


@dataclass(frozen=True)
class SiteContent:
    """What content/ holds besides the sources, topics and curation, read by the gather stage
    (generator/config.py) for render and publish, which open nothing under content/."""

    site: SiteSettings = field(
        default_factory=SiteSettings
    )  # settings.yml `site:`: the site's name and home page texts
    search: SearchSettings = field(default_factory=SearchSettings)  # settings.yml `search:`
    glossary: tuple[Term, ...] = ()  # glossary.yml
    pages: dict[str, str] = field(default_factory=dict)  # pages/: path under pages/ -> Markdown
    images: dict[str, bytes] = field(default_factory=dict)  # site path -> bytes of an image answers show


@dataclass
class Corpus:
    """Everything the renderer needs, gathered before anything is written."""

    sources: list[Source] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    topic_of: dict[str, str] = field(default_factory=dict)
    tags_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    group_of: dict[str, str] = field(default_factory=dict)
    related_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()
    content: SiteContent = field(default_factory=SiteContent)

    def shown(self, questions: Iterable[Question] | None = None) -> list[Question]:
        """The questions the site shows (of `questions`, default all): those curation does not hide."""
        return [q for q in (self.questions if questions is None else questions) if q.id not in self.hidden]


_NON_WORD = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """Lower-case ASCII words separated by single spaces: the basis of ids and matching."""
    return _NON_WORD.sub(" ", _ascii_fold(text).lower()).strip()


def normalised_words(text: str) -> list[str]:
    """`normalise(text).split()`, found at once (no joined string to split again)."""
    return _WORD.findall(_ascii_fold(text).lower())


def _ascii_fold(text: str) -> str:
    if text.isascii():  # most text: NFKD and the ASCII round trip would give it back unchanged
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _folds_every_letter(text: str) -> bool:
    """Every letter survives the ASCII fold (é -> e), as in English, French or Spanish text,
    whose ids are hashed on the fold alone. Chinese or Greek letters fold to nothing, and so
    do Latin letters with no decomposition (ß, ø, æ, ł): questions that differ only in them
    would share an id, so they are hashed on the text as well (version 1 is an alias)."""
    if text.isascii():  # most titles: no letter to look at one by one
        return True
    letters = (ch for ch in text if not ch.isascii() and ch.isalpha())
    return all(unicodedata.normalize("NFKD", ch)[0].isascii() for ch in letters)


def question_id(source_id: str, question: str, version: int = 2) -> str:
    """A stable, readable anchor: first words of the question plus a short hash.

    Depends only on the source id and the normalised question text, so adding
    or removing other questions never changes it. Version 1 hashed the ASCII fold
    alone, for every script: ids of text the fold empties are aliases of version 2.
    """
    norm = normalise(question)
    if version == 1 or _folds_every_letter(question):
        key = norm
    else:
        key = f"{norm}\0{unicodedata.normalize('NFKC', question).lower()}"
    digest = hashlib.sha1(f"{source_id}\0{key}".encode()).hexdigest()[:8]
    words = norm.split()[:6] or ["q"]
    return "-".join(words)[:48].rstrip("-") + "-" + digest

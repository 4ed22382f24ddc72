"""The real-world documents as GitHub shows them (rendered to HTML), read by the HTML reader.

Each of the five documents of shared/real-world/ is rendered the way GitHub renders a README
(CommonMark with tables, strikethrough and task-list checkboxes, raw HTML kept) and wrapped
in a page; the html reader must find its questions as the Markdown reader does. Lines
differ from the Markdown file's, so gold questions are matched by their text alone.
Skipped with a reason when shared/ is not beside the project (it is never copied in).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.tasklists import tasklists_plugin

from generator.ingest.clean import make_questions
from generator.ingest.readers import read_source_document
from generator.model import Document, Line, Question
from tests.support.realworld import REAL_WORLD, Figures, gold, score_questions

pytestmark = pytest.mark.skipif(
    not (REAL_WORLD / "gold.json").exists(),
    reason=f"{REAL_WORLD} is absent (shared/ is not beside the project)",
)

GITHUB = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(tasklists_plugin)


@dataclass
class Score:
    """The five documents' figures, added up."""

    figures: list[Figures] = field(default_factory=list)
    readers: set[str] = field(default_factory=set)

    def total(self, name: str) -> int:
        return sum(getattr(f, name) for f in self.figures)

    def all(self, name: str) -> list[str]:
        return [item for f in self.figures for item in getattr(f, name)]


def as_page(name: str) -> Document:
    body = GITHUB.render((REAL_WORLD / f"{name}.md").read_text(encoding="utf-8"))
    head = f"<!DOCTYPE html>\n<html><head><title>{name}</title></head>\n<body><article>\n"
    page = head + body + "</article></body></html>"
    return Document(f"{name}.html", name, tuple(Line(n, t) for n, t in enumerate(page.split("\n"), start=1)))


def read(name: str) -> tuple[str, list[Question]]:
    reading = read_source_document(as_page(name))
    return reading.reader, make_questions(reading.drafts, name)[0]


@pytest.fixture(scope="module")
def score() -> Score:
    out = Score()
    for name, expected in gold().items():
        reader, questions = read(name)
        out.readers.add(reader)
        out.figures.append(score_questions(name, expected, questions, by_line=False))
    return out


def test_every_page_is_read_by_the_html_reader(score):
    assert score.readers == {"html"}


def test_questions_are_found_and_nothing_spurious(score):
    assert score.total("found") >= 0.98 * 422, score.all("missing")
    assert score.total("spurious") <= 0.01 * 422


def test_answers_prompts_and_titles(score):
    assert score.total("answered_ok") >= 0.98 * score.total("answered")
    assert score.total("prompts_ok") == score.total("prompts") == 28
    assert score.all("raw_titles") == []


def test_checkbox_options_mark_the_right_answer(score):
    # Q127–Q135 write their options as `a) …` lines in one paragraph: in HTML a newline is a
    # space, so the page shows (and the reader reads) one line, not options.
    assert score.total("mcq") == 135
    assert score.total("mcq_right") >= 132

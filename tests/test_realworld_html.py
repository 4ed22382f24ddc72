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

from generator.clean import make_questions
from generator.model import Document, Line, Question, normalise
from generator.readers import read_source_document
from tests.support.realworld import LABEL, REAL_WORLD, _accepted, _correct_text, gold, shows_raw_markdown

pytestmark = pytest.mark.skipif(
    not (REAL_WORLD / "gold.json").exists(),
    reason=f"{REAL_WORLD} is absent (shared/ is not beside the project)",
)

GITHUB = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(tasklists_plugin)


@dataclass
class Score:
    found: int = 0
    spurious: int = 0
    mcq: int = 0
    mcq_right: int = 0
    answered: int = 0
    answered_ok: int = 0
    prompts: int = 0
    prompts_ok: int = 0
    readers: set[str] = field(default_factory=set)
    missing: list[str] = field(default_factory=list)
    raw_titles: list[str] = field(default_factory=list)


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
        unmatched: dict[str, list[Question]] = {}
        for q in questions:
            unmatched.setdefault(normalise(q.question), []).append(q)
        for want in expected:
            same = unmatched.get(normalise(LABEL.sub("", want["question"])))
            if not same:
                out.missing.append(f"{name}:{want['line']}: {want['question'][:60]}")
                continue
            _check(out, want, same.pop(0))
        out.spurious += sum(len(left) for left in unmatched.values())
        out.raw_titles += [q.question for q in questions if shows_raw_markdown(q.question)]
    return out


def _check(out: Score, want: dict, got: Question) -> None:
    out.found += 1
    if want["kind"] == "mcq":
        out.mcq += 1
        out.mcq_right += got.kind == "mcq" and _correct_text(got) in _accepted(want["correct"], got)
    elif want["kind"] == "open":
        out.answered += 1
        out.answered_ok += got.kind == "open" and bool(got.answer)
    else:
        out.prompts += 1
        out.prompts_ok += got.kind == "prompt" and not got.answer


def test_every_page_is_read_by_the_html_reader(score):
    assert score.readers == {"html"}


def test_questions_are_found_and_nothing_spurious(score):
    assert score.found >= 0.98 * 422, score.missing
    assert score.spurious <= 0.01 * 422


def test_answers_prompts_and_titles(score):
    assert score.answered_ok >= 0.98 * score.answered
    assert score.prompts_ok == score.prompts == 28
    assert score.raw_titles == []


def test_checkbox_options_mark_the_right_answer(score):
    # Q127–Q135 write their options as `a) …` lines in one paragraph: in HTML a newline is a
    # space, so the page shows (and the reader reads) one line, not options.
    assert score.mcq == 135
    assert score.mcq_right >= 132

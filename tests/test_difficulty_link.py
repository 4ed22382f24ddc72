"""Difficulty and citation link: cleaned from the Draft, carried in questions.json, shown on the
entry (a badge, a "source" link next to the citation) and offered as a flashcard filter."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.ingest import clean
from generator.model import Draft, Line, Location
from generator.publish import corpus_json, docs
from generator.render.layout import plan
from tests.test_render import sample_corpus

PATH = "content/sources/notes.md"


def draft(link: str | None = None, difficulty=None) -> Draft:
    return Draft(
        "What is LoRA?",
        Location(PATH, 3),
        (Line(4, "Low-rank adapters."),),
        link=link,
        difficulty=difficulty,
    )


@pytest.mark.parametrize(
    "link", ["https://example.org/lora?a=1&b=2#x", "http://arxiv.org/abs/2106.09685", "HTTPS://EXAMPLE.ORG"]
)
def test_a_web_link_is_kept(link):
    (q,), problems = clean.make_questions([draft(link, "hard")], "notes")
    assert (q.link, q.difficulty, problems) == (link, "hard", [])


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/x",
        "/relative/page",
        "https://",
        'https://example.org/"onmouseover="alert(1)',
        "https://example.org/a b",
        "https://example.org/\x00",
    ],
)
def test_any_other_link_is_left_out_with_a_warning(link):
    (q,), problems = clean.make_questions([draft(link)], "notes")
    assert q.link is None
    assert [str(p) for p in problems] == [
        f"{PATH}:3: warning: source link {link!r} is not an http(s) URL: left out"
    ]


def marked_corpus():
    corpus = sample_corpus()
    corpus.questions = [
        replace(q, difficulty="hard", link="https://example.org/kl?x=1&y=2")
        if q.question == "What is KL divergence?"
        else replace(q, difficulty="easy")
        if q.question == "Explain beam search."
        else q
        for q in corpus.questions
    ]
    return corpus


def test_questions_json_carries_difficulty_and_link():
    corpus = marked_corpus()
    records = {r["question"]: r for r in corpus_json.build(corpus, plan(corpus))["questions"]}
    assert records["What is KL divergence?"]["difficulty"] == "hard"
    assert records["What is KL divergence?"]["link"] == "https://example.org/kl?x=1&y=2"
    assert records["Explain beam search."]["difficulty"] == "easy"
    assert records["Explain beam search."]["link"] is None
    assert records["What is LoRA?"]["difficulty"] is None


def test_entry_shows_a_difficulty_badge_and_an_escaped_source_link():
    files = docs.docs_files(marked_corpus())
    page = next(
        text
        for path, text in files.items()
        if "What is KL divergence?" in text and path.startswith("topics/")
    )
    entry = page.split("What is KL divergence?", 1)[1].split("\n## ", 1)[0]
    assert '<span class="qa-badge qa-badge--difficulty qa-badge--hard">Difficulty: hard</span>' in entry
    assert '(<a class="qa-link" href="https://example.org/kl?x=1&amp;y=2" rel="noopener">source</a>)' in entry
    plain = next(text for text in files.values() if "What is LoRA?" in text)
    lora = plain.split("## What is LoRA?", 1)[1].split("\n## ", 1)[0]
    assert "qa-badge--difficulty" not in lora and "qa-link" not in lora


def test_a_bad_link_on_a_question_never_reaches_the_page():
    corpus = sample_corpus()
    corpus.questions = [replace(q, link="javascript:alert(1)") for q in corpus.questions]
    files = docs.docs_files(corpus)
    pages = [text for path, text in files.items() if path.endswith(".md")]
    assert not any("javascript:" in text or "qa-link" in text for text in pages)


def test_flashcards_page_mentions_the_difficulty_filter_only_when_a_source_marks_difficulty():
    mention = "the Difficulty filter"
    assert mention not in docs.docs_files(sample_corpus())["flashcards.md"]
    assert mention in docs.docs_files(marked_corpus())["flashcards.md"]

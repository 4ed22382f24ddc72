"""The five real-world documents of shared/real-world/ against their gold.json (see its README).

Skipped with a reason when shared/ is not beside the project (it is never copied in).
"""

from __future__ import annotations

import pytest

from tests.support.realworld import REAL_WORLD, fixed_content, page_markdown, score_all

pytestmark = pytest.mark.skipif(
    not (REAL_WORLD / "gold.json").exists(),
    reason=f"{REAL_WORLD} is absent (shared/ is not beside the project)",
)


@pytest.fixture(scope="module")
def figures():
    return score_all()


def test_at_least_98_percent_of_questions_are_found(figures):
    gold = sum(f.gold for f in figures)
    found = sum(f.found for f in figures)
    assert gold == 422
    assert found >= 0.98 * gold, {f.name: f.missing for f in figures if f.missing}


def test_every_multiple_choice_question_has_its_right_option_marked(figures):
    assert sum(f.mcq for f in figures) == 135
    assert sum(f.mcq_right for f in figures) == 135, {f.name: f.wrong for f in figures if f.mcq_right < f.mcq}


def test_answered_questions_carry_their_answer_and_prompts_have_none(figures):
    answered = sum(f.answered for f in figures)
    assert sum(f.answered_ok for f in figures) >= 0.98 * answered, {f.name: f.wrong for f in figures}
    assert sum(f.prompts_ok for f in figures) == sum(f.prompts for f in figures) == 28


def test_spurious_entries_are_at_most_one_percent(figures):
    assert sum(f.spurious for f in figures) <= 0.01 * sum(f.gold for f in figures)


def test_no_title_shows_raw_markdown(figures):
    assert {f.name: f.raw_titles for f in figures if f.raw_titles} == {}


def test_devinterview_page_keeps_every_code_block_table_and_display_formula():
    path = REAL_WORLD / "devinterview-llms-interview-questions.md"
    wanted = fixed_content(path.read_text(encoding="utf-8"))
    assert len([w for w in wanted if w[0] == "code"]) == 19
    assert len([w for w in wanted if w[0] == "formula"]) == 23
    page = page_markdown(path)
    flat = "".join(page.split())
    lost = []
    for kind, line, text in wanted:
        pieces = [x.strip() for x in text.split("\n") if x.strip()]
        if kind == "formula":  # `x_{<i}` is written `x_{< i}` (see ingest.answer_math): same TeX
            pieces = ["".join(text.split())]
        if not all(piece in (flat if kind == "formula" else page) for piece in pieces):
            lost.append((kind, line))
    assert lost == []

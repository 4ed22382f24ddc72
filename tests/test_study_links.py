"""Practice prompts lead to their closest answered questions (study_links)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Location, Question
from generator.organise.related import MAX_RELATED, find_related, shared_terms
from generator.organise.study_links import add_study_links, mentions
from generator.pipeline import gather

ROOT = Path(__file__).resolve().parents[1]
FIELD = frozenset({"perplexity", "selfattention", "bleu"})


def make(qid: str, text: str, answer: str | None = "An answer.", kind: str = "open") -> Question:
    return Question(qid, "s", 1, text, "prompt" if answer is None else kind, answer, Location("x.txt", 1))


def links(pool: list[Question], topic_of: dict[str, str] | None = None, group_of=None) -> dict:
    group_of = group_of or {}
    topic_of = topic_of if topic_of is not None else {q.id: "t" for q in pool}
    return add_study_links(pool, group_of, find_related(pool, group_of, FIELD), topic_of, FIELD)


def test_a_prompt_links_the_answered_question_whose_answer_covers_it():
    pool = [
        make("p", "What is perplexity, and how is it used to evaluate LLMs?", None),
        make("eval", "How do you evaluate a language model?", "Perplexity, BLEU and human ratings."),
        make("bake", "How do you bake bread?", "Flour and water."),
    ]
    assert links(pool)["p"] == ("eval",)
    assert mentions(pool[0], pool[1]) == "answer: perplexity"


def test_a_title_match_of_a_folded_term_is_found_through_its_parts():
    pool = [
        make("p", "What is self-attention, and why is it important?", None),
        make("dot", "How is the dot product used in self-attention?", "It scores query-key pairs."),
    ]
    assert links(pool)["p"] == ("dot",)
    assert mentions(pool[0], pool[1]) == "title: selfattention"


def test_an_answer_under_another_topic_is_only_a_passing_mention():
    pool = [
        make("p", "What is perplexity?", None),
        make("eval", "How do you evaluate a language model?", "Perplexity, mostly."),
    ]
    assert "p" not in links(pool, {"p": "evaluation", "eval": "history"})
    assert links(pool, {"p": "evaluation", "eval": "evaluation"})["p"] == ("eval",)


def test_a_common_word_in_an_answer_is_no_link():
    pool = [
        make("p", "How do you see the future of the field?", None),
        make("a", "What is tokenisation?", "As we see, text is split into tokens."),
    ]
    assert "p" not in links(pool)


def test_answered_links_go_first_and_the_list_keeps_its_cap():
    prompts = [make(f"p{i}", "What is perplexity?", None) for i in range(5)]
    pool = [*prompts, make("eval", "How do you evaluate a language model?", "Perplexity.")]
    for qid in (p.id for p in prompts):
        related = links(pool)[qid]
        assert related[0] == "eval" and len(related) <= MAX_RELATED


def test_a_prompt_already_shown_an_answer_is_left_as_it_was():
    pool = [
        make("p", "What is perplexity?", None),
        make("q", "What does perplexity measure?", "The model's surprise."),
        make("eval", "How do you evaluate a language model?", "Perplexity."),
    ]
    merged = {"p": "g", "q": "g"}
    assert links(pool, group_of=merged).get("p") == find_related(pool, merged, FIELD).get("p")
    pool[1] = make("q", "What does perplexity measure?", None)  # a prompt too: nothing answered yet
    assert links(pool, group_of=merged)["p"][0] == "eval"


@pytest.fixture(scope="module")
def corpus():
    return gather(ROOT)


def test_bundled_prompts_reach_answers_and_every_link_says_why(corpus):
    """18 of 115 prompt entries led to an answer through related questions alone; 28 now.
    Most of the rest ask about what no answered question covers (healthcare, hardware)."""
    by_id = {q.id: q for q in corpus.questions}
    answered = {q.id for q in corpus.questions if q.kind != "prompt"}
    prompts = [q for q in corpus.questions if q.kind == "prompt"]
    led = [p for p in prompts if any(r in answered for r in corpus.related_of.get(p.id, ()))]
    assert len(led) >= 25
    for prompt in led:
        first = by_id[corpus.related_of[prompt.id][0]]
        assert first.id in answered
        assert shared_terms(prompt, first) or mentions(prompt, first), prompt.question

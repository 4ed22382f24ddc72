"""Topic classification: agreement with a hand-labelled sample, and the scoring rules.

The labelled sample (tests/fixtures/classify/labelled.yml) was written by an
editor from the topic descriptions before the keywords were tuned. Each labelled
question is classified as the build sees it (with its section and answer) when
the readers find it in content/sources, otherwise from its text and section.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.config import Curation, load_content, load_topics
from generator.errors import UnknownQuestion
from generator.explain import explain_question as explain
from generator.model import Choice, Corpus, Location, Question, Topic, normalise
from generator.organise.classify import classify_all, keyword_table, parse_keyword, score
from generator.pipeline import gather

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "fixtures" / "classify" / "labelled.yml"
AGREEMENT_FLOOR = 0.95


def make(text: str, section: str | None = None, answer: str | None = None, qid: str = "q") -> Question:
    return Question(
        qid, "src", 1, text, "open" if answer else "prompt", answer, Location("x.txt", 1), section
    )


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return gather(ROOT)


@pytest.fixture(scope="module")
def topics():
    return load_content(ROOT).topics


def classify_one(question: Question, topics) -> str:
    return score(question, topics, keyword_table(topics)).topic


# --- agreement with the editor --------------------------------------------------


def test_labelled_sample_is_large_and_covers_every_topic_of_the_bundled_pile(corpus):
    labelled = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))
    assert len(labelled) >= 80
    # The classic-ML topics hold no bundled question; tests/test_classify_real_world.py covers them.
    assert set(corpus.topic_of.values()) - {"general"} <= {item["topic"] for item in labelled}


def test_classifier_agrees_with_the_editor_on_nine_in_ten(corpus, topics):
    labelled = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))
    by_text = {normalise(q.question): q for q in corpus.questions}
    found = [item for item in labelled if normalise(item["q"]) in by_text]
    assert len(found) >= 0.8 * len(labelled), "most labelled questions should be read with their answers"
    agree, disagreements = 0, []
    for item in labelled:
        question = by_text.get(normalise(item["q"])) or make(item["q"], item.get("section"))
        got = classify_one(question, topics)
        if got == item["topic"]:
            agree += 1
        else:
            disagreements.append(f"{item['q'][:70]!r}: editor {item['topic']}, classifier {got}")
    rate = agree / len(labelled)
    assert rate >= AGREEMENT_FLOOR, f"agreement {rate:.1%}:\n" + "\n".join(disagreements)


# --- scoring rules on invented topics ---------------------------------------------

TOY = (
    Topic("general", "General", keywords=("llm",)),
    Topic("tuning", "Tuning", keywords=("lora: 3", "fine-tuning: 2", "adapter")),
    Topic("search", "Search", keywords=("beam search: 3", "greedy decoding: 3", "sampling")),
)


def test_keyword_weights_parse_from_strings_and_yaml_mappings(tmp_path):
    assert parse_keyword("lora: 3").weight == 3.0
    assert parse_keyword("beam search").weight == 1.0
    assert parse_keyword("Large Language Models").tokens == ("llm",)
    path = tmp_path / "topics.yml"
    path.write_text("topics:\n  - id: t\n    title: T\n    keywords:\n      - lora: 3\n      - beam search\n")
    assert load_topics(path)[0].keywords == ("lora: 3", "beam search")


def test_question_text_outweighs_section_and_answer():
    q = make(
        "What is LoRA?",
        section="Decoding: beam search and sampling",
        answer="Unlike beam search or greedy decoding, LoRA trains adapters.",
    )
    verdict = score(q, TOY, keyword_table(TOY))
    assert verdict.topic == "tuning"
    assert dict(verdict.ranking)["tuning"] == 3 * 3 + 0.5 * (3 + 1)


def test_answer_alone_cannot_outvote_the_question():
    q = make("What are large language models?", answer="beam search, greedy decoding and sampling " * 5)
    assert classify_one(q, TOY) == "general"


def test_the_section_decides_when_the_question_says_nothing():
    assert classify_one(make("How does it work?", section="Beam search"), TOY) == "search"


def test_nothing_matched_falls_back_to_the_first_topic():
    assert classify_one(make("Tell me something."), TOY) == "general"


FALLBACK = (*TOY, Topic("misc", "General", fallback=True))


def test_weak_evidence_abstains_to_the_fallback_topic():
    topic_of, _ = classify_all(
        [
            make("Tell me something.", qid="none"),
            make("Tell me about it.", answer="We used beam search.", qid="answer-only"),
            make("How does it work?", section="Beam search", qid="section"),
            make("Compare LoRA with beam search.", qid="tie"),
            make("What is LoRA?", qid="clear"),
        ],
        FALLBACK,
        Curation(),
    )
    assert topic_of == {
        "none": "misc",
        "answer-only": "misc",  # 1.5 / (1.5 + 3) = 0.33
        "section": "search",  # 4.5 / (4.5 + 3) = 0.6
        "tie": "tuning",  # two strong topics: filed under one, tagged with the other
        "clear": "tuning",
    }


def test_confidence_is_the_winner_against_runner_up_and_prior():
    verdict = score(make("Compare LoRA with beam search and greedy decoding."), TOY, keyword_table(TOY))
    assert verdict.ranking[0] == ("search", 18.0)
    assert verdict.confidence == pytest.approx(18 / (18 + 9 + 3))
    weak = score(make("Is sampling used?"), TOY, keyword_table(TOY))
    assert weak.confidence == pytest.approx(3 / 6) and not weak.abstains
    one = (Topic("g", "G", keywords=("llm: 0.5",)),)
    named = score(make("What are LLMs?"), one, keyword_table(one))
    assert named.confidence == pytest.approx(1.5 / 4.5) and named.named_only and not named.abstains


def test_a_topic_limited_to_some_kinds_never_gets_the_others():
    story = (Topic("scenario", "Scenario", keywords=("imagine: 5",), kinds=("open", "prompt")), *TOY)
    mcq = Question("m", "s", 1, "Imagine you tune LoRA. Which rank?", "mcq", None, Location("x", 1))
    assert classify_one(mcq, story) == "tuning"
    assert classify_one(make("Imagine you tune LoRA. Which rank?"), story) == "scenario"


def test_only_the_longest_overlapping_keyword_counts():
    topics = (
        Topic("opt", "Opt", keywords=("stochastic gradient descent: 5",)),
        Topic("math", "M", keywords=("gradient descent: 4",)),
    )
    assert classify_one(make("What is stochastic gradient descent?"), topics) == "opt"
    assert (
        dict(score(make("What is stochastic gradient descent?"), topics, keyword_table(topics)).ranking)[
            "math"
        ]
        == 0
    )


def test_multiple_choice_options_count_as_the_answer():
    q = Question(
        "m", "s", 1, "Which one?", "mcq", None, Location("x", 1), choices=(Choice("a", "beam search"),)
    )
    assert dict(score(q, TOY, keyword_table(TOY)).ranking)["search"] == 0.5 * 3


def test_ties_go_to_the_question_text_then_the_earlier_topic():
    tied = make("Compare LoRA with beam search.")
    assert classify_one(tied, TOY) == "tuning"


def test_variants_of_one_keyword_count_once():
    topic = Topic("t", "T", keywords=("evaluate: 2", "evaluation: 2"))
    assert dict(score(make("Evaluating an evaluation"), (topic,), keyword_table((topic,))).ranking)["t"] == 6


def test_pin_wins_and_keyword_winner_becomes_a_tag():
    qs = [make("What is LoRA, and how does beam search differ?", qid="a"), make("What is LoRA?", qid="b")]
    topic_of, tags_of = classify_all(qs, TOY, Curation(pin={"b": "search"}))
    assert topic_of == {"a": "tuning", "b": "search"}
    assert tags_of["a"] == ("search",)
    assert tags_of["b"] == ("tuning",)


# --- the real topic keywords on invented questions -----------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Imagine you must ship a chatbot next week. What would you cut?", "career-behavioral"),
        ("Tell me about a project where you used retrieval.", "career-behavioral"),
        (
            "You're working on an LLM and it starts generating offensive outputs. How would you respond?",
            "career-behavioral",
        ),
        ("How have you handled disagreement in your team?", "career-behavioral"),
        ("How does QLoRA reduce memory during fine-tuning?", "fine-tuning"),
        ("Why does a higher temperature make outputs more varied?", "decoding"),
        ("What is the KL divergence between two distributions?", "math-foundations"),
        ("How does WordPiece split rare words?", "tokenization-embeddings"),
        ("What does the noise schedule control in a diffusion model?", "multimodal-diffusion"),
        ("How would you reduce hallucinations in a customer-facing assistant?", "safety-ethics"),
        ("What is ROUGE and when is it misleading?", "evaluation"),
        ("How does LangChain connect an LLM to a vector store?", "rag"),
        ("What is 4-bit quantization and what does it cost in accuracy?", "efficiency-deployment"),
        ("What does scaling law research say about data versus parameters?", "pretraining"),
        ("How does few-shot prompting differ from chain-of-thought prompting?", "prompting"),
        ("What is RLHF?", "alignment-rlhf"),
        ("Why do transformers need positional encodings?", "transformers-attention"),
        ("What is a foundation model?", "llm-fundamentals"),
        ("How can LLMs write marketing copy for a retail business?", "applications"),
        # The wrong guesses that issue 12 reports on classic-ML piles.
        ("What's the trade-off between bias and variance?", "ml-fundamentals"),
        ("Explain PCA", "classical-ml"),
        ("What is Precision?", "evaluation"),
        ("What is Recall?", "evaluation"),
        ("Reverse a linked list", "coding"),
        ("t-SNE vs UMAP", "classical-ml"),
        ("What is the difference between boosting and bagging?", "classical-ml"),
        ("What is cost function?", "ml-fundamentals"),
        ("When is a decision tree most commonly used?", "classical-ml"),
        ("What is a p-value?", "statistics"),
        ("Why do we need one-hot encoding?", "data-features"),
        ("What is batch normalization?", "deep-learning"),
        ("What is TF-IDF?", "nlp-classic"),
        ("How does max pooling work in a CNN?", "computer-vision"),
        ("How would you design a recommender system for a news site?", "ml-systems"),
        # Misplaced on held-out piles of session 4 (KV cache was deep-learning, cosine similarity
        # and the rest abstained or went to statistics / coding on one generic word).
        ("What is a KV cache?", "efficiency-deployment"),
        ("How does speculative decoding speed up generation?", "efficiency-deployment"),
        ("How does cosine similarity work?", "tokenization-embeddings"),
        (
            "Which sampling method picks the smallest set of tokens whose cumulative probability exceeds p?",
            "decoding",
        ),
        ("What is nucleus sampling?", "decoding"),
        ("What is the time complexity of self-attention in sequence length n?", "transformers-attention"),
        ("What is the time complexity of binary search?", "coding"),
        ("What is the variance of the sum of two independent random variables?", "statistics"),
    ],
)
def test_invented_questions_land_where_an_editor_expects(text, expected, topics):
    assert classify_one(make(text), topics) == expected


# --- explain ---------------------------------------------------------------------


def test_explain_shows_the_evidence_for_a_real_question(corpus):
    q = next(q for q in corpus.questions if "beam search" in q.question.lower())
    text = explain(corpus, q.id)
    assert text.startswith(q.id)
    assert f"Topic: {corpus.topic_of[q.id]}" in text
    assert "beam search 5" in text and "runner-up:" in text
    assert "Duplicates:" in text and ("Related:" in text or "Study these first:" in text)


def test_explain_unknown_id_suggests_close_ids(corpus):
    q = corpus.questions[0]
    with pytest.raises(UnknownQuestion, match=r"^unknown question id") as raised:
        explain(corpus, q.id[:-3])
    assert q.id in str(raised.value) and raised.value.exit_code == 1


def test_explain_attributes_a_pin_to_curation():
    q = make("What is LoRA?", qid="lora-q")
    corpus = Corpus(questions=[q], topics=list(TOY), topic_of={"lora-q": "search"})
    text = explain(corpus, "lora-q")
    assert "Topic: search" in text and "pinned by content/curation.yml" in text and "choose tuning" in text

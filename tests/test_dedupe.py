"""Duplicate detection: pairs that must merge and pairs that must stay apart.

Real pairs are looked up by question text in the corpus the readers produce from
content/sources (with no curation, so the rule alone is tested); invented pairs
test the rule on wording the sources do not have.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.config import Curation, load_content
from generator.model import Choice, Location, Question, normalise
from generator.organise.classify import concept_vocabulary
from generator.organise.dedupe import find_groups, signature
from generator.pipeline import read_sources

ROOT = Path(__file__).resolve().parents[1]


def make(qid: str, text: str, source: str = "s1", kind: str = "open") -> Question:
    return Question(
        qid, source, 1, text, kind, "An answer." if kind != "prompt" else None, Location(f"{source}.txt", 1)
    )


def groups(*questions: Question, curation: Curation | None = None) -> dict[str, str]:
    return find_groups(list(questions), curation or Curation())


def merged(a: Question, b: Question) -> bool:
    found = groups(a, b)
    return a.id in found and found.get(a.id) == found.get(b.id)


# --- real questions, across the five sources --------------------------------------


@pytest.fixture(scope="module")
def real():
    content = load_content(ROOT)
    _, questions, _ = read_sources(content)
    # the field's vocabulary as the build passes it (pipeline.assemble), curation left out
    return questions, find_groups(questions, Curation(), concept_vocabulary(content.topics))


def lookup(questions: list[Question], text: str) -> Question:
    found = [q for q in questions if normalise(q.question) == normalise(text)]
    assert found, f"question not read from content/sources: {text!r}"
    return found[0]


MUST_MERGE = [
    (
        "What is tokenization, and why is it important in LLMs?",
        "What is the role of tokenization in language models?",
    ),
    (
        "How do you handle overfitting in language models?",
        "How do you address the issue of overfitting in LLMs?",
    ),
    (
        "How do LLMs handle out-of-vocabulary (OOV) words?",
        "How do you handle out-of-vocabulary words in language models?",
    ),
    ("What is fine-tuning in LLMs?", "What is fine-tuning in the context of language models?"),
    (
        "How can catastrophic forgetting be mitigated in large language models (LLMs)?",
        "What strategies do you use to mitigate the problem of catastrophic forgetting in LLMs?",
    ),
    ("What are Large Language Models?", "What is a large language model?"),
    ("What is a large language model?", "What is a Large Language Model (LLM), and how does it work?"),
    (
        "How do you handle long-term dependencies in language models?",
        "How do you handle long-range dependencies in LLMs?",
    ),
    ("How to mitigate Hallucinations?", "How do you handle the issue of hallucinations in LLMs?"),
    # A question that asks two things answers one that asks a part of them (issue 12).
    (
        "What is RAG (Retrieval-Augmented Generation)?",
        "What is retrieval-augmented generation, and how does it differ from traditional "
        "language generation?",
    ),
    (
        "What is zero-shot learning, and how does it apply to LLMs?",
        "What is zero-shot learning, and how does it differ from one-shot learning?",
    ),
    (
        "What is beam search, and how does it differ from greedy decoding?",
        "How does beam search work in language models?",
    ),
    (
        "What is model distillation, and how is it applied to LLMs?",
        "What is knowledge distillation, and how does it help reduce the complexity of LLMs?",
    ),
    (
        "Chain-of-Thought Prompting",
        "What is Chain-of-Thought (CoT) prompting, and how does it improve complex reasoning in LLMs?",
    ),
    ("Few-shot Learning", 'Explain the concept of "few-shot learning" in LLMs and its advantages.'),
    (
        "What is masked language modeling, and how does it contribute to model pretraining?",
        "What is masked language modeling (MLM), and how does it help in training LLMs like BERT?",
    ),
]

MUST_NOT_MERGE = [
    ("What is LoRA and QLoRA?", "What is PEFT LoRA in Fine tuning?"),
    ("What is LoRA and QLoRA?", "Parameter Efficient Fine-tuning (LoRA, QLoRA, Prefix Tuning)"),
    (
        "What is RAG (Retrieval-Augmented Generation)?",
        "What are the benefits of Retrieval-Augmented Generation?",
    ),
    (
        "What is RAG (Retrieval-Augmented Generation)?",
        "What are the key steps involved in the Retrieval-Augmented Generation (RAG) pipeline?",
    ),
    (
        "What is the difference between zero-shot, one-shot, and few-shot learning in LLMs?",
        "What is zero-shot learning, and how does it differ from one-shot learning?",
    ),
    ("What are LLMs used for?", "What is a large language model?"),
    ("What are some advantages and limitations of LLMs?", "What are Large Language Models?"),
    ("What are different LLM architectures?", "What are Large Language Models?"),
    ("Tokenization Strategies", "What is the role of tokenization in language models?"),
    (
        "How does Parameter-Efficient Fine-Tuning (PEFT) prevent catastrophic forgetting in LLMs?",
        "How can catastrophic forgetting be mitigated in large language models (LLMs)?",
    ),
    ("What are hallucinations in LLMs?", "How to mitigate Hallucinations?"),
    (
        "What is the function of the positional encoding in transformer models?",
        "What is the role of positional encoding in transformers, and why is it needed?",
    ),
]


@pytest.mark.parametrize("a, b", MUST_MERGE)
def test_real_duplicates_merge(real, a, b):
    questions, group_of = real
    qa, qb = lookup(questions, a), lookup(questions, b)
    assert qa.id in group_of and group_of[qa.id] == group_of.get(qb.id), (
        f"{signature(qa).describe()} vs {signature(qb).describe()}"
    )


@pytest.mark.parametrize("a, b", MUST_NOT_MERGE)
def test_real_related_but_different_questions_stay_apart(real, a, b):
    questions, group_of = real
    qa, qb = lookup(questions, a), lookup(questions, b)
    assert group_of.get(qa.id) is None or group_of.get(qa.id) != group_of.get(qb.id)


def test_real_groups_merge_repeats_within_one_source_too(real):
    questions, group_of = real
    by_id = {q.id: q for q in questions}
    members: dict[str, list[str]] = {}
    for qid, gid in group_of.items():
        members.setdefault(gid, []).append(by_id[qid].source)
    assert members and all(len(s) >= 2 for s in members.values())
    assert any(len(set(s)) < len(s) for s in members.values())


# --- the labelled pair set (tests/fixtures/dedupe/pairs.yml) --------------------------

PAIRS = ROOT / "tests" / "fixtures" / "dedupe" / "pairs.yml"
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.8  # measured 0.86 (67 of 78); the README gives the figures


def test_labelled_pairs_precision_and_recall(real):
    questions, group_of = real
    pairs = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))
    assert len(pairs["merge"]) >= 75 and len(pairs["apart"]) >= 90

    def together(p) -> bool:
        qa, qb = lookup(questions, p["a"]), lookup(questions, p["b"])
        return qa.id in group_of and group_of[qa.id] == group_of.get(qb.id)

    found = [together(p) for p in pairs["merge"]]
    wrong = [f"{p['a']!r} / {p['b']!r}" for p in pairs["apart"] if together(p)]
    true_pos = sum(found)
    precision = true_pos / (true_pos + len(wrong))
    assert precision >= PRECISION_FLOOR, wrong
    assert true_pos / len(found) >= RECALL_FLOOR


# --- invented wording --------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("What is tokenisation?", "What is tokenization?"),
        ("Explain retrieval-augmented generation.", "What is RAG?"),
        ("What are LLMs?", "Can you explain what a large language model is?"),
        ("How do you prevent overfitting?", "How can overfitting be avoided in deep learning?"),
        ("What is the role of the KL divergence?", "Why is Kullback-Leibler divergence important?"),
        ("What is the purpose of layer normalization?", "Why is layer norm needed?"),
        # a second phrase of plain words widens the question, it does not change the subject
        ("How do LLMs handle OOV words?", "How do LLMs handle out-of-vocabulary words or rare terms?"),
        ("How do you monitor and maintain LLMs?", "How do you monitor and evaluate the behaviour of LLMs?"),
        ("Prompt Engineering Techniques", "What are different prompting techniques?"),
        ("How to engineer your prompts?", "What prompting strategies are there?"),
        ("How can LLMs be applied in finance?", "What are the use cases of LLMs in finance?"),
        ("How is perplexity used to evaluate LLMs?", "What is the role of perplexity in evaluation?"),
        (
            "How do you optimize LLMs for production systems?",
            "How do you optimize LLMs in production environments?",
        ),
        (
            "How and why are transformers better than RNN architectures?",
            "How do transformers differ from RNN-based models?",
        ),
        # a role is what X does and why it is there
        ("What is the role of attention in LLMs?", "Can you explain attention mechanisms?"),
        ("What is the role of tokenization?", "Why is tokenization important?"),
        # LLMs are transformers: "in transformer models" narrows no more than "in LLMs"
        ("Explain attention in transformer models.", "What is attention?"),
        ("What is the function of positional encoding in transformers?", "What are positional encodings?"),
        # "resources" only frames what is computational
        (
            "How do you manage the computational resources required for training LLMs?",
            "How do you deal with computational challenges when training LLMs?",
        ),
    ],
)
def test_invented_paraphrases_merge(a, b):
    assert merged(make("a", a, "s1"), make("b", b, "s2"))


@pytest.mark.parametrize(
    "a, b",
    [
        ("What is LoRA?", "What is QLoRA?"),
        ("What is LoRA?", "What is LoRA and QLoRA?"),
        ("What is RAG?", "What are the benefits of RAG?"),
        ("What is RAG?", "What are the limitations of RAG?"),
        ("What is RAG?", "Why is RAG important?"),
        ("What is fine-tuning?", "What are the different types of fine-tuning?"),
        ("What is fine-tuning?", "How is fine-tuning different from pre-training?"),
        ("What are hallucinations?", "How do you reduce hallucinations?"),
        ("What is BERT?", "Which of the following is an example of BERT?"),
        ("What are LLMs?", "What are LLMs used for?"),
        ("What is fine-tuning?", "What is the need for fine-tuning?"),
        ("What are transformers?", "Where are transformers used?"),
        ("What is RAG?", "When should you use RAG?"),
        ("What is LoRA?", "What is LoRA or QLoRA?"),
        ("What is a diffusion model?", "What is the forward diffusion process?"),
        ("What is prompt engineering?", "How to engineer your prompts?"),
        ("What are prompts?", "What are different prompting techniques?"),
        ("How can LLMs be used in chatbots?", "What is the role of chatbots?"),
        ("What is LoRA?", "How does LoRA work in RAG?"),
        ("Is it possible to parallelize boosting?", "Possible approaches to the cold start problem?"),
        ("What is attention?", "What is attention in RNNs?"),
        ("Describe generating text using a transformer.", "Explain the components of a transformer."),
    ],
)
def test_invented_related_but_different_stay_apart(a, b):
    assert not merged(make("a", a, "s1"), make("b", b, "s2"))


def test_the_fields_vocabulary_names_a_second_subject():
    one, two = make("a", "What is LangChain?", "s1"), make("b", "What is LangChain and LlamaIndex?", "s2")
    assert find_groups([one, two], Curation())  # "LlamaIndex" reads as a plain word
    assert find_groups([one, two], Curation(), frozenset({"llamaindex"})) == {}


def test_paraphrases_within_one_source_merge():
    assert merged(make("a", "What is LoRA?", "s1"), make("b", "Explain LoRA.", "s1"))


def test_multiple_choice_never_merges_with_an_open_question():
    assert not merged(make("a", "What is LoRA?", "s1"), make("b", "What is LoRA?", "s2", kind="mcq"))


def mcq(qid: str, text: str, source: str, options: str) -> Question:
    choices = tuple(Choice(chr(65 + i), o) for i, o in enumerate(options.split(", ")))
    return replace(make(qid, text, source, kind="mcq"), choices=choices, correct="A")


def test_multiple_choice_with_one_stem_and_other_options_is_another_question():
    stem = "What is this diagram a good example of?"
    first = mcq("a", stem, "s1", "k-NN, a decision tree, a linear regression, a K-means cluster")
    second = mcq("b", stem, "s1", "unsupervised learning, complex cluster, multiclass classification, k-NN")
    again = mcq("c", stem, "s2", "a K-means cluster, a decision tree, a linear regression, k-NN")
    found = groups(first, second, again)
    assert found["a"] == found["c"] and "b" not in found


def test_tasks_named_by_examples_are_those_tasks():
    handle = make("a", "How do LLMs handle tasks like sentiment analysis, summarization and translation?")
    support = make("b", "How do LLMs support applications like summarization, QA or translation?")
    other = make("c", "How do LLMs handle tasks like image captioning and speech recognition?", "s2")
    limits = make("d", "What are the limits of LLMs on tasks like summarization and translation?", "s2")
    named = make("e", "How do LLMs handle legal tasks like contract analysis, summarization and translation?")
    found = groups(handle, support, other, limits, named)
    assert found["a"] == found["b"] and {"c", "d", "e"}.isdisjoint(found)
    assert signature(handle).examples == {"analysis", "summariz", "transl"}
    assert not signature(named).examples


def test_a_practice_prompt_merges_with_the_answered_question():
    assert merged(make("a", "What is LoRA?", "s1"), make("b", "Can you explain LoRA?", "s2", kind="prompt"))


def test_no_chaining_through_a_question_that_asks_two_things():
    what, both, why = (
        make("a", "What is RAG?", "s1"),
        make("b", "What is RAG and why is it important?", "s2"),
        make("c", "Why is RAG important?", "s3"),
    )
    found = groups(what, both, why)
    assert found["a"] == found["b"] and "c" not in found


@pytest.mark.parametrize(
    "a, b",
    [
        ("How does beam search work?", "What is beam search, and how does it differ from greedy decoding?"),
        ("What is MLM?", "What is masked language modeling, and how does it help pre-training?"),
        (
            "Chain-of-Thought Prompting",
            "What is chain-of-thought prompting, and how does it improve reasoning?",
        ),
        ("What are LLMs used for?", "What are the use cases of LLMs, and how do they benefit businesses?"),
        ("Why is RAG important?", "What are the benefits of RAG?"),
    ],
)
def test_a_question_asking_more_covers_one_asking_a_part(a, b):
    assert merged(make("a", a, "s1"), make("b", b, "s2"))


@pytest.mark.parametrize(
    "a, b",
    [
        ("What is RAG?", "How does RAG differ from fine-tuning?"),
        ("How does RAG differ from fine-tuning?", "How does RAG differ from prompting?"),
        ("What is attention in RNNs?", "What is attention in transformers?"),
        (
            "What is the role of embeddings, and how are they initialized?",
            "What is the role of embeddings, and how do they capture meaning?",
        ),
        ("What are hallucinations?", "How can you use hallucinations?"),
        (
            "Which features matter most for a decision tree model?",
            "Which features matter most in gradient boosting trees?",
        ),
        ("What is LoRA?", "How does LoRA compare with QLoRA?"),
        # what "compare / relate to" names is part of the question, not a purpose
        ("How does LoRA compare to full fine-tuning?", "How does LoRA compare to prompt tuning?"),
        ("How does dropout relate to regularization?", "How is dropout related to batch normalization?"),
        ("Describe how attention relates to memory.", "Describe how attention relates to speed."),
    ],
)
def test_different_follow_ups_comparands_and_settings_stay_apart(a, b):
    assert not merged(make("a", a, "s1"), make("b", b, "s2"))


@pytest.mark.parametrize(
    "a, b",
    [
        ("How does LoRA compare to full fine-tuning?", "How is LoRA different from full fine-tuning?"),
        ("How does LoRA compare to full fine-tuning?", "How does LoRA compare with full fine-tuning?"),
        ("How does dropout relate to regularization?", "How is dropout related to regularization?"),
    ],
)
def test_compare_to_and_compare_with_are_one_question(a, b):
    assert merged(make("a", a, "s1"), make("b", b, "s2"))


def test_a_large_group_of_rewordings_is_one_group_and_respects_a_split():
    # Many members share a signature: a newcomer is compared with each kind once, and a
    # split pair still keeps its two questions apart however large the group grows.
    wordings = ("What is LoRA?", "Explain LoRA.", "What is LoRA and how does it work?", "Describe LoRA.")
    qs = [make(f"q{i:03d}", wordings[i % 4], f"s{i}") for i in range(200)]
    found = find_groups(qs, Curation())
    assert set(found) == {q.id for q in qs} and len(set(found.values())) == 1
    split = find_groups(qs, Curation(split=(("q000", "q199"),)))
    assert split.get("q000") != split.get("q199")
    assert len(split) >= 199


def test_a_question_fitting_two_groups_joins_the_larger():
    what, role, role2, both = (
        make("a", "What is RAG?", "s1"),
        make("b", "What is the significance of RAG?", "s2"),
        make("c", "Why is RAG important?", "s3"),
        make("d", "What is RAG, and why does it matter?", "s4"),
    )
    found = groups(what, role, role2, both)
    assert found["d"] == found["b"] == found["c"] and "a" not in found


def test_curation_merge_forces_and_split_forbids():
    a, b, c = (
        make("a", "What is LoRA?", "s1"),
        make("b", "Explain LoRA.", "s2"),
        make("c", "What is QLoRA?", "s1"),
    )
    forced = groups(a, b, c, curation=Curation(merge=(("a", "c"),)))
    assert forced["a"] == forced["c"] == forced["b"]
    split = groups(a, b, c, curation=Curation(split=(("a", "b"),)))
    assert split == {}
    assert groups(a, b, curation=Curation(merge=(("a", "gone"),))) == groups(a, b)


def test_group_ids_are_stable_and_order_independent():
    qs = [make(f"q{i}", "What is LoRA?", f"s{i}") for i in range(4)] + [make("x", "What is RAG?", "s9")]
    first = find_groups(qs, Curation())
    random.Random(7).shuffle(qs)
    assert find_groups(qs, Curation()) == first
    assert set(first.values()) == {"dup-q0"}
    assert "x" not in first


# --- invariants on random corpora ---------------------------------------------------

WORDS = (
    "What is",
    "Explain",
    "How do you handle",
    "the benefits of",
    "LoRA",
    "QLoRA",
    "RAG",
    "tokenization",
    "and",
    "in LLMs",
    "why is it important",
    "Can you describe",
)


@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(WORDS), min_size=1, max_size=5),
            st.integers(0, 3),
            st.sampled_from(("open", "prompt", "mcq")),
        ),
        min_size=1,
        max_size=40,
    ),
    st.randoms(use_true_random=False),
)
@settings(max_examples=60, deadline=None)
def test_groups_hold_distinct_sources_and_do_not_depend_on_order(items, rnd):
    questions = [
        make(f"q{i:02d}", " ".join(words) + "?", f"s{src}", kind)
        for i, (words, src, kind) in enumerate(items)
    ]
    found = find_groups(questions, Curation())
    members: dict[str, list[Question]] = {}
    for q in questions:
        if q.id in found:
            members.setdefault(found[q.id], []).append(q)
    for gid, qs in members.items():
        assert len(qs) >= 2
        assert gid == "dup-" + min(q.id for q in qs)
        assert len({q.kind == "mcq" for q in qs}) == 1
    rnd.shuffle(questions)
    assert find_groups(questions, Curation()) == found

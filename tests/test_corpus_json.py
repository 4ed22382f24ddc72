"""questions.json: the schema the README documents, one record per question per source."""

from __future__ import annotations

import json

from generator.publish import corpus_json, docs
from generator.render.layout import plan
from tests.test_render import by_text, sample_corpus

QUESTION_FIELDS = {
    "id",
    "source",
    "n",
    "label",
    "question",
    "kind",
    "answer",
    "choices",
    "correct",
    "section",
    "topic",
    "tags",
    "group",
    "related",
    "url",
    "math",
    "hidden",
    "aliases",
    "difficulty",
    "link",
    "question_html",
    "answer_html",
    "stem",
    "stem_html",
    "citation",
}


def data():
    corpus = sample_corpus()
    return corpus, corpus_json.build(corpus, plan(corpus))


def test_top_level_shape_and_version():
    _, d = data()
    assert list(d) == ["schema_version", "sources", "topics", "questions"]
    assert d["schema_version"] == 1


def test_one_record_per_question_per_source_even_when_merged():
    corpus, d = data()
    assert [r["id"] for r in d["questions"]] == [x.id for x in corpus.questions]
    assert all(set(r) == QUESTION_FIELDS for r in d["questions"])
    lora, twin = by_text(corpus, "What is LoRA?"), by_text(corpus, "What is LoRA and why use it?")
    records = {r["id"]: r for r in d["questions"]}
    assert records[lora.id]["group"] == records[twin.id]["group"] == "lora"
    # the merged member points at its own anchor on the entry's page
    assert records[twin.id]["url"] == f"topics/fine-tuning/#{twin.id}"
    # cited as the site cites them: alpha's own label; beta numbers nothing, so no number
    assert records[lora.id]["citation"] == "Top 50 LLM Interview Questions, Q21"
    assert records[twin.id]["citation"] == "Beta notes"


def test_hidden_question_is_listed_without_url():
    corpus, d = data()
    hidden = {r["id"]: r for r in d["questions"]}[by_text(corpus, "A hidden question?").id]
    assert hidden["hidden"] is True and hidden["url"] is None
    assert sum(r["hidden"] for r in d["questions"]) == 1


def test_mcq_record_has_choices_and_correct_letter():
    corpus, d = data()
    mcq = {r["id"]: r for r in d["questions"]}[by_text(corpus, "Which method freezes the base weights?").id]
    assert mcq["kind"] == "mcq" and mcq["correct"] == "B"
    assert mcq["choices"][1] == {"letter": "B", "text": "LoRA", "html": "LoRA"}


def test_topics_carry_url_pages_and_shown_counts():
    corpus, d = data()
    topics = {t["id"]: t for t in d["topics"]}
    # Topics that hold a shown question, in content/topics.yml order; empty ones are left out.
    used = {corpus.topic_of[q.id] for q in corpus.questions if q.id not in corpus.hidden}
    assert [t["id"] for t in d["topics"]] == [t.id for t in corpus.topics if t.id in used]
    assert len(d["topics"]) < len(corpus.topics)
    ft = topics["fine-tuning"]
    assert ft["url"] == "topics/fine-tuning/" and ft["pages"] == ["topics/fine-tuning/"]
    assert (ft["questions"], ft["answered"], ft["mcq"], ft["prompts"]) == (5, 3, 1, 1)


def test_sources_carry_counts_and_anchor_url():
    _, d = data()
    beta = next(s for s in d["sources"] if s["id"] == "beta")
    assert beta["url"] == "sources/#beta" and beta["file"] == "content/sources/beta.md"
    assert (beta["questions"], beta["answered"], beta["mcq"], beta["prompts"]) == (5, 2, 1, 2)


def test_written_file_is_valid_utf8_json():
    corpus = sample_corpus()
    text = docs.docs_files(corpus)["questions.json"]
    assert json.loads(text)["questions"][0]["question"] == corpus.questions[0].question

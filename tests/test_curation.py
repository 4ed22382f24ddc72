"""content/curation.yml: the shipped file is current, and pin/merge/split/hide take effect."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.explain import explain_question as explain
from generator.pipeline import gather

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus():
    return gather(ROOT)


def test_shipped_curation_names_only_existing_questions(corpus):
    stale = [p for p in corpus.problems if p.location.path == "content/curation.yml"]
    assert stale == []


def test_shipped_merges_are_applied(corpus):
    data = yaml.safe_load((ROOT / "content" / "curation.yml").read_text(encoding="utf-8"))
    for ids in data["merge"]:
        groups = {corpus.group_of.get(qid) for qid in ids}
        assert len(groups) == 1 and None not in groups, ids


def find(corpus, text: str) -> str:
    return next(q.id for q in corpus.questions if q.question == text)


@pytest.fixture()
def curated(tmp_path, corpus):
    """A copy of the project's content with a curation file exercising every key."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    lora = find(corpus, "What is LoRA and QLoRA?")
    peft = find(corpus, "What is PEFT LoRA in Fine tuning?")
    tok_a = find(corpus, "What is tokenization, and why is it important in LLMs?")
    tok_b = find(corpus, "What is the role of tokenization in language models?")
    beam = find(corpus, "How does beam search work in language models?")
    (tmp_path / "content" / "curation.yml").write_text(
        yaml.safe_dump(
            {
                "pin": {beam: "math-foundations"},
                "merge": [[lora, peft]],
                "split": [[tok_a, tok_b]],
                "hide": [beam],
            }
        ),
        encoding="utf-8",
    )
    return gather(tmp_path), {"lora": lora, "peft": peft, "tok_a": tok_a, "tok_b": tok_b, "beam": beam}


def test_pin_merge_split_and_hide_take_effect(curated):
    corpus, ids = curated
    assert corpus.topic_of[ids["beam"]] == "math-foundations"
    assert corpus.group_of[ids["lora"]] == corpus.group_of[ids["peft"]]
    tok_group = corpus.group_of.get(ids["tok_a"])
    assert tok_group is None or tok_group != corpus.group_of.get(ids["tok_b"])
    assert ids["beam"] in corpus.hidden


def test_explain_attributes_curation_decisions(curated):
    corpus, ids = curated
    beam = explain(corpus, ids["beam"])
    assert "Topic: math-foundations" in beam and "pinned by content/curation.yml" in beam
    lora = explain(corpus, ids["lora"])
    assert f"{ids['peft']}" in lora and "merged by content/curation.yml" in lora
    tok = explain(corpus, ids["tok_a"])
    assert f"kept apart from {ids['tok_b']}" in tok


def test_unknown_ids_in_curation_are_reported(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "content" / "curation.yml").write_text(
        "pin: {no-such-question-00000000: rag}\nmerge: []\nsplit: []\nhide: [gone-too-11111111]\n",
        encoding="utf-8",
    )
    messages = [p.message for p in gather(tmp_path).problems if p.location.path == "content/curation.yml"]
    assert any("no-such-question-00000000" in m for m in messages)
    assert any("gone-too-11111111" in m for m in messages)

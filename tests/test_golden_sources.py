"""The five real sources against their reviewed golden summaries.

Refresh after an intended change with `python -m tests.golden.refresh`, then
check the diff of tests/golden/*.yml against content/sources/ by eye.
"""

from __future__ import annotations

import re

import pytest
import yaml

from tests.golden.summary import GOLDEN, IDS, SOURCES, lost_ids, read_ids, source_paths, summarise

EXPECTED = {  # the numbers, independent of the golden files
    "top-20-llm-interview-questions": {"questions": 20, "open": 20, "mcq": 0, "prompt": 0},
    "data-science-interview-prep-llm": {"questions": 13, "open": 13, "mcq": 0, "prompt": 0},
    "top-50-llm-interview-questions": {"questions": 50, "open": 50, "mcq": 0, "prompt": 0},
    "llm-interview-question-bank": {"questions": 158, "open": 0, "mcq": 0, "prompt": 158},
    "generative-ai-interview-questions": {"questions": 55, "open": 37, "mcq": 18, "prompt": 0},
}
JUNK = re.compile(
    r"Image Source|Also Read|Click here|Follow for more|^(?:SAVE|LIKE|SHARE)$|Leave a comment|Similar Posts|"
    r"Final Words|Learn everything there is|let[’']s get started|<h\d|wp-block-heading|"
    r"Check out our|In this article",
    re.I | re.M,
)
STRAY_LABELS = re.compile(
    r"^(?:better|accuracy|window|dropout|regularization|early stopping|multimodal|"
    r"Interpretability|cost|bias|data privacy|flexibility|scale|QLoRa)$",
    re.M,
)


@pytest.fixture(scope="module")
def summaries() -> dict[str, dict]:
    return {path.stem: summarise(path) for path in source_paths()}


def test_the_five_sources_give_296_questions(summaries):
    assert {sid: s["counts"] for sid, s in summaries.items()} == EXPECTED
    assert sum(s["counts"]["questions"] for s in summaries.values()) == 296


@pytest.mark.parametrize("source_id", sorted(EXPECTED))
def test_source_matches_its_golden_file(summaries, source_id):
    golden = yaml.safe_load((GOLDEN / f"{source_id}.yml").read_text(encoding="utf-8"))
    actual = dict(summaries[source_id])
    actual.pop("ids")
    assert (actual["reader"], actual["counts"]) == (golden["reader"], golden["counts"])
    for want, got in zip(golden["questions"], actual["questions"], strict=True):
        assert got == want, f"{source_id} question {want['n']} (line {want['line']})"


def test_every_bundled_question_keeps_its_id(summaries):
    """Saved progress, curation.yml and Anki GUIDs hang on these ids: none may change."""
    golden = read_ids()
    assert sum(map(len, golden.values())) == 296, f"{IDS} should hold the 296 bundled ids"
    actual = {sid: s["ids"] for sid, s in summaries.items()}
    assert lost_ids(golden, actual) == [], "bundled question ids changed"
    assert actual == golden


def test_refresh_refuses_to_drop_an_id():
    old = {"a": ["what-is-lora-1a2b3c4d", "what-is-rlhf-5e6f7a8b"]}
    assert lost_ids(old, {"a": ["what-is-lora-1a2b3c4d", "what-is-rlhf-00000000"]}) == [
        "a what-is-rlhf-5e6f7a8b"
    ]
    assert lost_ids(old, {"a": [*old["a"], "new-question-12345678"], "b": ["x-1"]}) == []


def test_no_answer_holds_junk_or_diagram_labels():
    from generator.config import load_content
    from generator.pipeline import read_sources

    _, questions, _ = read_sources(load_content(SOURCES.parents[1]))
    for q in questions:
        text = "\n".join([q.question, q.answer or "", q.section or "", *(c.text for c in q.choices)])
        assert not JUNK.search(text), (q.location, JUNK.search(text).group())
        assert not STRAY_LABELS.search(q.answer or ""), (q.location, STRAY_LABELS.search(q.answer or ""))


def test_no_answer_runs_into_the_next_question():
    from generator.config import load_content
    from generator.pipeline import read_sources

    _, questions, _ = read_sources(load_content(SOURCES.parents[1]))
    for q in questions:
        assert not re.search(r"^\s*(?:Q\d+[o.]|Ans\b|Answer:)", q.answer or "", re.M), q.location
        later = [o.question for o in questions if o.source == q.source and o.n == q.n + 1]
        if later and q.answer:
            assert later[0][:40] not in q.answer, q.location

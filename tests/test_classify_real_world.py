"""Topics on a pile that is not only about LLMs: the real-world documents of ../shared/real-world.

The questions are built straight from gold.json (their text, with the source's label,
markup and difficulty emoji dropped) and the section heading each one sits under in
its document, so this measures the classifier, not the readers. The hand labels are in
tests/fixtures/classify/real_world_labelled.yml.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from generator.config import load_content
from generator.model import Location, Question, question_id
from generator.organise.classify import keyword_table, score

ROOT = Path(__file__).resolve().parents[1]
REAL_WORLD = ROOT.parent / "shared" / "real-world"
LABELLED = ROOT / "tests" / "fixtures" / "classify" / "real_world_labelled.yml"
MAX_ABSTAIN = 0.10
AGREEMENT_FLOOR = 0.90

HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
LABEL = re.compile(r"^(?:\*\*)?Q?\d+[.:)]?(?:\*\*)?\s+")
MARKUP = re.compile(r"[*_`]")
EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2B50\uFE0F\u200D]")

pytestmark = pytest.mark.skipif(not REAL_WORLD.is_dir(), reason=f"{REAL_WORLD} is absent")


def headings(lines: list[str]) -> dict[int, tuple[int, str]]:
    """line number -> (level, text) of every Markdown heading outside code fences."""
    out, fenced = {}, False
    for no, line in enumerate(lines, start=1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and (m := HEADING.match(line)):
            out[no] = (len(m[1]), " ".join(m[2].strip().strip("#").split()))
    return out


def section_of(heads: dict[int, tuple[int, str]], line: int) -> str | None:
    """The nearest heading above the question, at a higher level than the question's own."""
    level = heads[line][0] if line in heads else 7
    above = [no for no, (lv, _) in heads.items() if no < line and lv < level]
    return heads[max(above)][1] if above else None


def title(raw: str) -> str:
    text = raw.strip()
    if m := HEADING.match(text):
        text = m[2].strip().strip("#")
    text = MARKUP.sub("", LABEL.sub("", text.strip(), count=1))
    return " ".join(EMOJI.sub(" ", text).split())


@pytest.fixture(scope="module")
def real_world() -> dict[tuple[str, int], Question]:
    gold = json.loads((REAL_WORLD / "gold.json").read_text(encoding="utf-8"))
    out = {}
    for doc, items in gold.items():
        heads = headings((REAL_WORLD / f"{doc}.md").read_text(encoding="utf-8").splitlines())
        for n, item in enumerate(items, start=1):
            text = title(item["question"])
            kind = item["kind"]
            out[doc, item["line"]] = Question(
                question_id(doc, text),
                doc,
                n,
                text,
                kind,
                None,
                Location(doc, item["line"]),
                section_of(heads, item["line"]),
            )
    return out


@pytest.fixture(scope="module")
def verdicts(real_world):
    topics = load_content(ROOT).topics
    table = keyword_table(topics)
    return {key: score(q, topics, table) for key, q in real_world.items()}


def test_the_classifier_abstains_on_few_real_world_questions(verdicts):
    abstained = [key for key, v in verdicts.items() if v.abstains]
    assert len(verdicts) >= 400
    assert len(abstained) / len(verdicts) <= MAX_ABSTAIN, abstained


def test_the_classifier_agrees_with_the_hand_labels(real_world, verdicts):
    labelled = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))
    assert len(labelled) >= 60
    agree, decided, wrong = 0, 0, []
    for item in labelled:
        key = (item["doc"], item["line"])
        assert real_world[key].question.startswith(item["q"]), key
        verdict = verdicts[key]
        if verdict.abstains:
            continue  # abstentions are counted apart, in the test above
        decided += 1
        if verdict.topic in [item["topic"], *item.get("also", [])]:
            agree += 1
        else:
            wrong.append(f"{item['q']!r}: editor {item['topic']}, classifier {verdict.topic}")
    assert decided >= 0.85 * len(labelled)
    assert agree / decided >= AGREEMENT_FLOOR, f"{agree}/{decided}:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    "start, never",
    [
        ("What is the bias-variance trade-off", "safety-ethics"),
        ("What are precision, recall, and F1-score", "rag"),
        ("When is a decision tree most commonly used", "alignment-rlhf"),
        ("Do you know any dimensionality reduction techniques", "career-behavioral"),
    ],
)
def test_the_absurd_assignments_of_issue_12_are_gone(real_world, verdicts, start, never):
    (key,) = [k for k, q in real_world.items() if q.question.startswith(start)]
    assert verdicts[key].topic != never

"""Every count the site prints agrees with the others (generator/render/counts.py): on the bundled
site and on the hand-made sample, each "N questions: a answered · b MCQ · c practice" adds
up; the home card, the topic page and study-index.json (which the browser counts "N of M
known" and the flashcards from) give each topic the same number; the home intro and the
Sources page give the same totals; "Asked in N sources" names the sources the entry really
has and says how many answers (tabs) it shows when that is not one per source; and every
number reads right in the singular and the plural."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from generator.pipeline import gather
from generator.publish import docs
from generator.render import counts
from tests.test_render import sample_corpus

ROOT = Path(__file__).resolve().parents[1]
WORD_OF = {"answered": "open", "MCQ": "mcq", "multiple choice": "mcq", "practice": "prompt"}
# "16 questions: 7 answered · 2 MCQ · 7 practice (22 as the sources ask them, …)"
STATEMENT = re.compile(r"(\d+) questions?(?:: ([^<(\n]*))?(?:\((\d+) as the sources ask them)?")
PART = re.compile(r"^(\d+) (answered|MCQ|multiple choice|practice)(?: prompts?)?$")
BADGE = re.compile(r"Asked in (\d+) sources(?: · (\d+) answers?)?")
COUNTED = "question|entry|practice prompt|answer|source|card|abbreviation"


@pytest.fixture(scope="module", params=["bundled", "sample"])
def site(request) -> dict[str, str]:
    corpus = gather(ROOT) if request.param == "bundled" else sample_corpus()
    return docs.docs_files(corpus)


def data(site: dict[str, str]) -> tuple[dict[str, dict], list[list[str]]]:
    questions = {q["id"]: q for q in json.loads(site["questions.json"])["questions"]}
    return questions, json.loads(site["study-index.json"])["entries"]


def statement(text: str) -> tuple[int, Counter, int | None]:
    """(total, parts by kind, asked) of one count statement; its parts must add up."""
    found = STATEMENT.search(text)
    assert found, text
    total, parts = int(found.group(1)), Counter()
    for part in filter(None, (found.group(2) or "").strip().split(" · ")):
        m = PART.match(part)
        assert m, f"not a count part: {part!r} in {text!r}"
        parts[WORD_OF[m.group(2)]] += int(m.group(1))
    assert sum(parts.values()) == total, f"parts do not add up: {text!r}"
    return total, parts, int(found.group(3)) if found.group(3) else None


def entry_blocks(site: dict[str, str]):
    """(HTML from each entry's `<div class="qa"` on, its question ids) over every topic page."""
    for path, page in site.items():
        if path.startswith("topics/"):
            for block in page.split('<div class="qa" ')[1:]:
                yield block, re.search(r'data-ids="([^"]+)"', block).group(1).split()


def printed(site: dict[str, str], css_class: str) -> list[str]:
    tag = re.compile(rf'class="{css_class}"[^>]*>(.*?)</(?:p|span)>')
    return [t for page in site.values() for t in tag.findall(page)]


def test_plural_and_tally():
    assert [counts.plural(n, "practice prompt") for n in (0, 1, 2)] == [
        "0 practice prompts",
        "1 practice prompt",
        "2 practice prompts",
    ]
    assert counts.plural(1, "entry") == "1 entry" and counts.plural(3, "entry") == "3 entries"
    assert counts.tally(["open", "prompt", "open"]).line() == "3 questions: 2 answered · 1 practice prompt"
    assert counts.tally(["mcq"]).line(short=True) == "1 question: 1 MCQ"
    assert counts.tally([]).line() == "0 questions"
    with pytest.raises(ValueError):
        counts.tally(["essay"])


def test_every_topic_has_one_number_everywhere(site):
    questions, index = data(site)
    per_topic: dict[str, list[list[str]]] = {}
    for row in index:
        per_topic.setdefault(row[0], []).append(row[1:])
    card = re.compile(r'card-counts"[^>]*>([^<]*)</span> <span class="due-count" data-topic="([^"]+)"')
    cards = {topic: text for text, topic in card.findall(site["index.md"])}
    assert set(cards) == set(per_topic)
    for topic, rows in per_topic.items():
        kinds = Counter(questions[ids[0]]["kind"] for ids in rows)  # an entry's kind is its first member's
        page = site[f"topics/{topic}.md"]
        on_page = statement(re.search(r'topic-counts"[^>]*>([^<]*)<', page).group(1))
        on_card = statement(cards[topic])
        assert on_card[:2] == on_page[:2] == (len(rows), kinds), topic
        asked = sum(len(ids) for ids in rows)
        assert on_page[2] == (asked if asked != len(rows) else None), topic


def test_the_intro_and_the_sources_page_count_the_same_pile(site):
    questions, index = data(site)
    shown = [q for q in questions.values() if not q["hidden"]]
    lead = re.search(r'home-lead"[^>]*>([^<]*)<', site["index.md"]).group(1)
    numbers = [int(n) for n in re.findall(r"\d+", lead)]
    # content/settings.yml: "{questions} interview questions … ({asked} as they ask them …"
    assert numbers[0] == len(index) and len(shown) in numbers[1:], lead
    per_source = Counter(q["source"] for q in shown)
    sources = printed(site, "source-meta")
    assert len(sources) == len(per_source)
    for text in sources:
        file = re.search(r"<code>([^<]*)</code>", text).group(1)
        source = next(s for s in json.loads(site["questions.json"])["sources"] if s["file"] == file)
        total, parts, _ = statement(text)
        assert total == per_source[source["id"]], file
        assert parts == Counter(q["kind"] for q in shown if q["source"] == source["id"]), file
    assert sum(per_source.values()) == len(shown)


def test_asked_in_badges_match_the_sources_and_the_tabs(site):
    questions, _ = data(site)
    checked = 0
    for block, ids in entry_blocks(site):
        sources = {questions[i]["source"] for i in ids}
        tabs = len(re.findall(r"^ *=== \"", block, re.M))
        answers = tabs or (1 if "\n??? answer " in block else 0)
        badge = BADGE.search(block)
        if len(sources) < 2:
            assert badge is None, ids
            continue
        checked += 1
        assert badge and int(badge.group(1)) == len(sources), (ids, badge and badge.group(0))
        shown_answers = int(badge.group(2)) if badge.group(2) else None
        assert shown_answers == (answers if answers and answers != len(sources) else None), block[:300]
    assert checked, "no entry is asked in several sources"


def test_every_count_reads_right_in_the_singular_and_the_plural(site):
    texts = (
        printed(site, "card-counts")
        + printed(site, "topic-counts")
        + printed(site, "source-meta")
        + printed(site, "home-lead")
        + [m for page in site.values() for m in re.findall(r'qa-badge--multi"[^>]*>([^<]*)<', page)]
        + [m for page in site.values() for m in re.findall(r"^\d+ questions? about .*$", page, re.M)]
        + [m for page in site.values() for m in re.findall(r'\?\?\? note "(\d+ questions?)"', page)]
    )
    assert texts
    for text in texts:
        assert not re.search(rf"\b1 ({COUNTED})(s|es)\b", text) and "1 entries" not in text, text
        assert not re.search(rf"\b(0|[2-9]|\d\d+) ({COUNTED})\b(?![\w-])", text), text
        assert not re.search(r"\b(0|[2-9]|\d\d+) entry\b", text), text


def test_citations_carry_only_numbers_the_sources_printed(site):
    """ "Top 20 LLM Interview Questions, Q12" only where that source labels the question "12"
    or "Q12"; a source that numbers nothing is cited by section or by its title alone."""
    questions, _ = data(site)
    titles = {s["id"]: s["title"] for s in json.loads(site["questions.json"])["sources"]}
    checked = 0
    for block, ids in entry_blocks(site):
        line = re.search(r'qa-source"[^>]*>From (.*)</p>', block).group(1)
        cites = re.findall(r"\[([^\]]*)\]\([^)]*sources\.md#[^)]*\)", line)
        assert len(cites) == len(ids), line
        for qid, cite in zip(ids, cites, strict=True):
            member = questions[qid]
            label = member["label"]
            number = re.search(r", (Q\w+)$", cite)
            if label:
                assert cite.endswith(f", Q{label}" if label.isdigit() else f", {label}"), (cite, label)
            else:
                checked += 1
                assert number is None, f"{cite}: the source printed no number"
                assert cite.startswith(titles[member["source"]].split(" ")[0]), cite
    assert checked, "no question without a label to check"

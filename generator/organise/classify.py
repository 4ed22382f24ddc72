"""Topic classification: weighted keywords per topic, deterministic and explainable.

Each topic in content/topics.yml lists `keywords:`; an entry is a phrase with an
optional weight (default 1), written `- beam search` or `- "lora: 3"` or
`- lora: 3`. Phrases are folded like the text (`generator.organise.textsim.fold`), so
"LLM", "large language models" and "language model" match the same keyword.

A question's score for a topic is the sum, over the topic's keywords found, of
keyword weight x field weight, where the fields are the question text (x3), the
section heading it sat under in its source (x1.5) and its answer (x0.5, at most
ANSWER_CAP per topic); each keyword counts once per field. The highest score
wins; ties go to the topic whose keywords matched the question text more, then
to the earlier topic. A curation `pin` wins over all. Where keywords overlap
("gradient descent" inside "stochastic gradient descent"), only the longest
match counts. The options of a multiple-choice question count as its answer.

Confidence: the winner's score against the runner-up's and a prior,
`s1 / (s1 + s2 + PRIOR)`. A lone keyword of weight 1 in the question text
(3 points) gives 0.5; a close call between two topics, or evidence from the
section or answer alone, gives less. Below MIN_CONFIDENCE the classifier
abstains: the question goes to the topic marked `fallback: true` (General)
rather than to a guess. Topics other than the winner whose keywords matched
the question text itself become secondary tags.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.model import Question, Topic
from generator.organise.intent import signature
from generator.organise.textsim import fold

if TYPE_CHECKING:
    from generator.config import Curation

FIELD_WEIGHTS = (("question", 3.0), ("section", 1.5), ("answer", 0.5))
FIELD_ORDER = {name: i for i, (name, _) in enumerate(FIELD_WEIGHTS)}
FIELD_WEIGHT = dict(FIELD_WEIGHTS)
KEYWORD_WEIGHT = re.compile(r"^(?P<phrase>.+?)\s*[:=]\s*(?P<weight>-?\d+(?:\.\d+)?)$")
# Answers mention many things in passing: they may tip a close call, never outvote the question.
ANSWER_CAP = 2.0
TAG_MIN_SCORE = 3.0  # a keyword of weight >= 1 in the question text itself
MAX_TAGS = 2
PRIOR = 3.0
MIN_CONFIDENCE = 0.4


@dataclass(frozen=True)
class Keyword:
    phrase: str
    tokens: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class Hit:
    """One keyword found in one field of a question."""

    topic: str
    field: str
    keyword: Keyword

    @property
    def points(self) -> float:
        return FIELD_WEIGHT[self.field] * self.keyword.weight


@dataclass(frozen=True)
class Verdict:
    """Why a question got its topic: every hit, and the topics ranked by score."""

    found: tuple[tuple[str, str, Keyword], ...]  # (topic, field, keyword) of each hit, in topics.yml order
    ranking: tuple[tuple[str, float], ...]  # (topic id, score), best first
    # The question names nothing but the winner's keywords ("What are LLMs?"): no doubt left.
    named_only: bool = False
    # topic -> points of its keywords in the question text itself
    in_question: dict[str, float] = field(default_factory=dict, compare=False, hash=False)

    @property
    def hits(self) -> tuple[Hit, ...]:
        """Made when asked (`explain`): classifying every question needs only the sums."""
        return tuple(Hit(topic, name, kw) for topic, name, kw in self.found)

    @property
    def topic(self) -> str:
        return self.ranking[0][0] if self.ranking else ""

    @property
    def confidence(self) -> float:
        best = self.ranking[0][1] if self.ranking else 0.0
        second = self.ranking[1][1] if len(self.ranking) > 1 else 0.0
        return best / (best + second + PRIOR) if best > 0 else 0.0

    @property
    def abstains(self) -> bool:
        return not self.named_only and self.confidence < MIN_CONFIDENCE

    def tags(self) -> tuple[str, ...]:
        winner, in_question = self.topic, self.in_question
        ranked = [t for t, _ in self.ranking if t != winner and in_question.get(t, 0) >= TAG_MIN_SCORE]
        return tuple(ranked[:MAX_TAGS])


def parse_keyword(entry: str) -> Keyword | None:
    """`"lora: 3"` -> Keyword("lora", ("lora",), 3.0); `"beam search"` -> weight 1."""
    text = entry.strip()
    match = KEYWORD_WEIGHT.match(text)
    phrase, weight = (match["phrase"], float(match["weight"])) if match else (text, 1.0)
    tokens = fold(phrase)
    return Keyword(phrase, tokens, weight) if tokens else None


class KeywordTable(dict):
    """topic id -> its keywords, plus an index from folded phrase to (topic, keyword)."""

    def __init__(self, by_topic: dict[str, tuple[Keyword, ...]]):
        super().__init__(by_topic)
        self.index: dict[tuple[str, ...], list[tuple[str, Keyword]]] = {}
        # (topic, keyword) -> its place in the topic's list: the sort key of a hit.
        self.position: dict[tuple[str, Keyword], int] = {}
        # folded phrase -> (topic, keyword, its position): the index with the sort key at hand
        self.placed: dict[tuple[str, ...], list[tuple[str, Keyword, int]]] = {}
        for topic, keywords in by_topic.items():
            for i, kw in enumerate(keywords):
                self.index.setdefault(kw.tokens, []).append((topic, kw))
                self.position.setdefault((topic, kw), i)
        for phrase, entries in self.index.items():
            self.placed[phrase] = [(topic, kw, self.position[topic, kw]) for topic, kw in entries]
        # first token -> the lengths of the phrases starting with it, longest first, so a text
        # is looked up at those lengths only instead of every run of 1..(longest phrase) tokens.
        self.lengths: dict[str, tuple[int, ...]] = {}
        for tokens in self.index:
            known = self.lengths.get(tokens[0], ())
            self.lengths[tokens[0]] = tuple(sorted({*known, len(tokens)}, reverse=True))

    def phrases_in(self, text: str) -> set[tuple[str, ...]]:
        """The keyword phrases found in a text (each once), except those inside a longer match."""
        tokens = fold(text)
        lengths, index = self.lengths, self.index
        count, found, reach = len(tokens), set(), 0
        # Starts ascending, each start's longest match only (a shorter one is inside it);
        # a match ending within an earlier one is inside that one.
        for i in [i for i, token in enumerate(tokens) if token in lengths]:
            for n in lengths[tokens[i]]:
                if i + n <= count and tokens[i : i + n] in index:
                    if i + n > reach:
                        found.add(tokens[i : i + n])
                        reach = i + n
                    break
        return found


def keyword_table(topics: Sequence[Topic]) -> KeywordTable:
    """Each topic's keywords; variants that fold alike ("evaluate", "evaluation") count once."""
    table = {}
    for topic in topics:
        best: dict[tuple[str, ...], Keyword] = {}
        for kw in filter(None, (parse_keyword(k) for k in topic.keywords)):
            if kw.tokens not in best or kw.weight > best[kw.tokens].weight:
                best[kw.tokens] = kw
        table[topic.id] = tuple(best.values())
    return KeywordTable(table)


def score(question: Question, topics: Sequence[Topic], table: KeywordTable) -> Verdict:
    return _score(question, _Eligible(topics, question.kind), table)


class _Eligible:
    """The topics a question of one kind may go to, in topics.yml order, with the ranking key
    of a topic no keyword hit (every score zero): worked out once per kind, not per question."""

    def __init__(self, topics: Sequence[Topic], kind: str):
        ids = [t.id for t in topics if not t.fallback and (not t.kinds or kind in t.kinds)]
        self.order = {topic: i for i, topic in enumerate(ids)}
        self.unscored = {topic: (-0.0, -0.0, i) for i, topic in enumerate(ids)}
        self.zeros = tuple((topic, 0.0) for topic in ids)


def _score(question: Question, eligible: _Eligible, table: KeywordTable) -> Verdict:
    texts = {
        "question": question.question,
        "section": question.section or "",
        "answer": "\n".join([question.answer or "", *(c.text for c in question.choices)]),
    }
    order = eligible.order
    keyed = []
    for name, weight in FIELD_WEIGHTS:
        place = FIELD_ORDER[name]
        for phrase in table.phrases_in(texts[name]):
            keyed += [
                ((order[topic], place, at), topic, name, kw, weight * kw.weight)
                for topic, kw, at in table.placed[phrase]
                if topic in order
            ]
    # Sorted as topics.yml lists them, so sums and explain output never depend on set order.
    # (A hit's key is unique: a keyword is found at most once per field.)
    keyed.sort(key=lambda hit: hit[0])
    totals: dict[str, float] = {}
    in_question: dict[str, float] = {}
    in_answer: dict[str, float] = {}
    for _, topic, name, _kw, points in keyed:
        if name == "answer":
            in_answer[topic] = in_answer.get(topic, 0.0) + points
        else:
            totals[topic] = totals.get(topic, 0.0) + points
        if name == "question":
            in_question[topic] = in_question.get(topic, 0.0) + points
    for topic, points in in_answer.items():
        totals[topic] = totals.get(topic, 0.0) + min(points, ANSWER_CAP)
    ranking = _ranking(totals, in_question, eligible)
    winner = ranking[0][0] if ranking and ranking[0][1] > 0 else None
    named = {
        t for _, topic, name, kw, _ in keyed if topic == winner and name == "question" for t in kw.tokens
    }
    concepts = signature(question).concepts
    found = tuple((topic, name, kw) for _, topic, name, kw, _ in keyed)
    return Verdict(found, ranking, bool(concepts) and concepts <= named, in_question)


def _ranking(totals: dict[str, float], in_question: dict[str, float], eligible: _Eligible) -> tuple:
    """Every eligible topic, best first: by score, then by score in the question text, then in
    topics.yml order. Only the topics a keyword hit need their key worked out."""
    order = eligible.order
    rank = {
        topic: (-round(total, 6), -in_question.get(topic, 0.0), order[topic])
        for topic, total in totals.items()
    }
    scored = sorted(rank, key=rank.__getitem__)
    if all(rank[topic][0] < 0 for topic in scored):
        # Each scores above zero, so above every topic no keyword hit (those follow in order).
        return tuple((topic, totals[topic]) for topic in scored) + tuple(
            pair for pair in eligible.zeros if pair[0] not in rank
        )
    rank = {**eligible.unscored, **rank}
    return tuple((topic, totals.get(topic, 0.0)) for topic in sorted(rank, key=rank.__getitem__))


def concept_vocabulary(topics: Sequence[Topic], min_weight: float = 2.0) -> frozenset[str]:
    """The field's one-word terms: keywords of weight >= min_weight ("lora", "perplexity")."""
    table = keyword_table(topics)
    one_word = (kw for kws in table.values() for kw in kws if len(kw.tokens) == 1)
    return frozenset(kw.tokens[0] for kw in one_word if kw.weight >= min_weight)


def classify_all(
    questions: list[Question], topics: Sequence[Topic], curation: Curation
) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Every question gets exactly one topic (a curation pin wins) and 0-2 secondary tags."""
    table = keyword_table(topics)
    fallback = next((t.id for t in topics if t.fallback), None)
    topic_of: dict[str, str] = {}
    tags_of: dict[str, tuple[str, ...]] = {}
    eligible: dict[str, _Eligible] = {}
    for q in questions:
        if q.kind not in eligible:
            eligible[q.kind] = _Eligible(topics, q.kind)
        verdict = _score(q, eligible[q.kind], table)
        guess = fallback if fallback and (verdict.abstains or not verdict.topic) else verdict.topic
        topic_of[q.id] = curation.pin.get(q.id, guess)
        tags_of[q.id] = tuple(t for t in ((verdict.topic,) + verdict.tags()) if t != topic_of[q.id])[
            :MAX_TAGS
        ]
    return topic_of, tags_of

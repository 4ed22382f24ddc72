"""Practice prompts lead to answers: each prompt gets its closest answered questions.

`related.find_related` links questions by their duplicate-detection concepts (subject
and comparand), which keeps links between answered questions precise but leaves most
prompts with no answered neighbour: "What is self-attention, and why is it important?"
has the concept `selfattention`, and "How is the dot product used in self-attention?"
has `dot product`. Here a prompt with no answered link is matched on what it asks about
(its subject and comparand) against each answered question's title words (folded terms
and the words inside them: `selfattention`, `self`, `attention`) and its answer's folded
terms. A title word counts in full when it is a term of the field, or a rare word under
the same topic; an answer's term of the field counts half, under the same topic only.
A match must cover MIN_COVER of what the prompt asks about (idf-weighted). The answered matches
go first in the prompt's related list ("study these first"), which stays at MAX_RELATED.
Candidates come from the postings of terms at most MAX_POSTING questions share, so the
work is linear in the corpus.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from generator.model import Question
from generator.organise.dedupe import CONTEXT
from generator.organise.related import (
    FIELD_TERMS,
    GENERIC,
    MAX_INCOMING,
    MAX_POSTING,
    MAX_RELATED,
    RARE,
    find_related,
    terms,
)
from generator.organise.textsim import STOP_WORDS, content_terms, normalised_words, stem

# Of what the prompt asks about (idf-weighted): most of it in an answer, or its core in a title.
MIN_COVER = 0.3
ANSWER_WEIGHT = 0.5  # a word of the answer says less about what a question is about than one of its title
LINKS = 2  # answered questions added to a prompt that had none


def words(text: str) -> frozenset[str]:
    """Folded terms and the plain stems inside them ("self-attention": `selfattention`,
    `self`, `attention`), less stop and context words."""
    plain = {stem(w) for w in set(normalised_words(text))} | set(content_terms(text))
    return frozenset(t for t in plain if t not in STOP_WORDS and not t.isdigit()) - CONTEXT - GENERIC


def relate(
    questions: list[Question], group_of: dict[str, str], topic_of: dict[str, str], vocabulary: frozenset[str]
) -> dict[str, tuple[str, ...]]:
    """Related questions, with each practice prompt's closest answered questions first."""
    related_of = find_related(questions, group_of, vocabulary)
    return add_study_links(questions, group_of, related_of, topic_of, vocabulary)


def add_study_links(
    questions: list[Question],
    group_of: dict[str, str],
    related_of: dict[str, tuple[str, ...]],
    topic_of: dict[str, str],
    vocabulary: frozenset[str] = frozenset(),
) -> dict[str, tuple[str, ...]]:
    """`related_of` with answered questions first for each prompt that links none."""
    ordered = sorted(questions, key=lambda q: q.id)
    answered = [q for q in ordered if q.kind != "prompt"]
    answered_ids = {q.id for q in answered}
    titles = [words(q.question) for q in answered]
    # An answer's folded terms only (not the words inside them): its words are read once.
    bodies = [frozenset(content_terms(q.answer or "")) | t for q, t in zip(answered, titles)]
    postings: dict[str, list[int]] = defaultdict(list)
    for j, ts in enumerate(bodies):
        for term in ts:
            postings[term].append(j)
    idf = {t: math.log((1 + len(answered)) / len(p)) for t, p in postings.items()}
    unseen = math.log(1 + len(answered))  # a word no answered question uses weighs most
    # A shared word counts when it is a term of the field, or a rare word of both titles:
    # "see" or "design" somewhere in an answer is no sign that it answers the prompt.
    field = {t for t in postings if t in vocabulary or t in FIELD_TERMS}
    out = dict(related_of)
    incoming = Counter(r for rel in related_of.values() for r in rel)
    for question in _unled(ordered, group_of, related_of, answered_ids):
        about = terms(question)  # what the prompt asks about: its subject and comparand
        total = sum(idf.get(t, unseen) for t in about)
        scored = []
        for j in {j for t in about if len(postings.get(t, ())) <= MAX_POSTING for j in postings.get(t, ())}:
            if incoming[answered[j].id] >= MAX_INCOMING or _same_group(group_of, question.id, answered[j].id):
                continue
            same_topic = topic_of.get(question.id) == topic_of.get(answered[j].id)
            covered = sum(
                _weight(t, titles[j], field, len(postings[t]), same_topic) * idf[t] for t in about & bodies[j]
            )
            if covered >= MIN_COVER * total:
                scored.append((-round(covered, 9), answered[j].id))
        picked = _one_per_group([qid for _, qid in sorted(scored)], group_of)[:LINKS]
        incoming.update(picked)
        if picked:
            rest = [r for r in related_of.get(question.id, ()) if r not in picked]
            out[question.id] = tuple(picked + rest)[:MAX_RELATED]
    return out


def mentions(prompt: Question, answered: Question) -> str:
    """What `explain` shows for a study link: the prompt's terms the answered question uses."""
    about = terms(prompt)
    title = about & words(answered.question)
    body = about & frozenset(content_terms(answered.answer or "")) - title
    parts = [
        f"title: {', '.join(sorted(title))}" if title else "",
        f"answer: {', '.join(sorted(body))}" if body else "",
    ]
    return "; ".join(p for p in parts if p)


def _weight(term: str, title: frozenset[str], field: set[str], uses: int, same_topic: bool) -> float:
    """In a title a term of the field counts in full, and so does a rare word under the
    same topic; in an answer a term of the field counts half under the same topic
    (elsewhere it is a passing mention)."""
    if term in title and (term in field or (uses <= RARE and same_topic)):
        return 1.0
    return ANSWER_WEIGHT if term in field and same_topic else 0.0


def _unled(ordered, group_of, related_of, answered) -> list[Question]:
    """Prompts not shown an answer yet: linked to none, and merged with none."""
    answered_groups = {group_of[q] for q in answered if q in group_of}
    return [
        q
        for q in ordered
        if q.kind == "prompt"
        and group_of.get(q.id) not in answered_groups
        and not any(r in answered for r in related_of.get(q.id, ()))
    ]


def _same_group(group_of: dict[str, str], a: str, b: str) -> bool:
    return a in group_of and group_of.get(a) == group_of.get(b)


def _one_per_group(ids: list[str], group_of: dict[str, str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for qid in ids:
        group = group_of.get(qid, qid)
        if group not in seen:
            seen.add(group)
            out.append(qid)
    return out

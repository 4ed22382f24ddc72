"""Related questions: up to three per question, sharing a concept, weighted by rarity.

A question's terms are its duplicate-detection concepts (`intent.signature`: subject
and comparand) without the words every question shares ("LLM", "model") and words
that say how rather than what ("improve", "data"). Two questions are scored by the
cosine of their binary tf-idf vectors, so sharing "qlora" counts far more than sharing
"train"; and a link needs a shared **concept**: a term of the field (a topic keyword
of weight 2 or more, a folded term such as `beamsearch`) or a word at most RARE
questions use. Candidates come from an inverted index, reading only the postings of
terms at most MAX_POSTING questions share; a question whose terms are all that common
falls back to the first postings of its rarest term, so the work is linear.

Links are handed out best first over the whole corpus: each question lists at most
MAX_RELATED and is listed by at most MAX_INCOMING others, so no broad question becomes
everyone's neighbour. Questions in the same duplicate group are never related (they
are one entry), and at most one question per other group is linked. Practice prompts
(no answer) link answered questions first: "study these first".
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict

from generator.dedupe import CONTEXT, signature
from generator.model import Question
from generator.textsim import PHRASES, stem

MAX_RELATED = 3
MAX_INCOMING = 8  # no question is "related" on more pages than this
RARE = 3  # a word this few questions share is a concept of its own
MAX_POSTING = 50  # terms shared by more questions than this do not generate candidates
MIN_SCORE = 0.2  # below this cosine, two questions only look alike by accident
STUDY_MIN_SCORE = 0.1  # a practice prompt takes a looser answered match over a closer prompt
# Words that say how a question is asked rather than what about; they only add noise here.
GENERIC = frozenset(
    stem(w)
    for w in """
impact affect ensure think take account similar exist existing data system performance quality
improve better enhance content generate generation task development technology current latest
potential open find interesting good best new large text work working
""".split()
)
# The field's folded terms ("beamsearch", "lora"), less the context words every question has.
FIELD_TERMS = frozenset(PHRASES) - CONTEXT


def terms(question: Question) -> frozenset[str]:
    return signature(question).concepts - CONTEXT - GENERIC


def shared_terms(a: Question, b: Question) -> list[str]:
    return sorted(terms(a) & terms(b))


def find_related(questions, group_of, vocabulary: frozenset[str] = frozenset()) -> dict[str, tuple[str, ...]]:
    """question id -> up to MAX_RELATED related question ids, best first.

    `vocabulary`: the field's terms (`classify.concept_vocabulary`), besides those folded in textsim.
    """
    ordered = sorted(questions, key=lambda q: q.id)
    term_sets = [terms(q) for q in ordered]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ts in enumerate(term_sets):
        for term in ts:
            postings[term].append(i)
    weight = {t: math.log((1 + len(ordered)) / len(p)) ** 2 for t, p in postings.items()}
    concept = {t for t in postings if t in vocabulary or t in FIELD_TERMS}
    norm = [math.sqrt(sum(weight[t] for t in ts)) or 1.0 for ts in term_sets]
    groups = [group_of.get(q.id) for q in ordered]
    prompt = [q.kind == "prompt" for q in ordered]
    points = weight.__getitem__
    edges = []
    # The inner loop runs ~50 times per question: everything about i is looked up once.
    for i in range(len(ordered)):
        own, own_group, own_norm, own_prompt = term_sets[i], groups[i], norm[i], prompt[i]
        for j in _candidates(i, own, postings):
            if j == i or (own_group is not None and groups[j] == own_group):
                continue
            shared = own & term_sets[j]
            if not shared & concept:
                continue
            cosine = sum(map(points, shared)) / (own_norm * norm[j])
            study = own_prompt and not prompt[j]
            if cosine >= (STUDY_MIN_SCORE if study else MIN_SCORE):
                edges.append((own_prompt and not study, -round(cosine, 9), i, j))
    return _assign(edges, ordered, groups)


def _candidates(i: int, own: frozenset[str], postings: dict[str, list[int]]) -> set[int]:
    rare = [t for t in own if len(postings[t]) <= MAX_POSTING]
    if not rare and own:
        # Postings next to the question's own place, so no fixed few take every link.
        posting = postings[min(own, key=lambda t: (len(postings[t]), t))]
        at = bisect.bisect_left(posting, i)
        start = max(0, min(at - MAX_POSTING // 2, len(posting) - MAX_POSTING))
        return set(posting[start : start + MAX_POSTING])
    return {j for t in rare for j in postings[t]}


def _assign(
    edges: list[tuple], ordered: list[Question], groups: list[str | None]
) -> dict[str, tuple[str, ...]]:
    """Best links first (a prompt's answered matches before anything), within both caps."""
    picked: dict[int, list[tuple]] = defaultdict(list)
    seen: dict[int, set[str]] = defaultdict(set)
    incoming: dict[int, int] = defaultdict(int)
    for edge in sorted(edges, key=lambda e: (e[0], e[1], ordered[e[2]].id, ordered[e[3]].id)):
        i, j = edge[2], edge[3]
        group = groups[j] or ordered[j].id
        if len(picked[i]) < MAX_RELATED and incoming[j] < MAX_INCOMING and group not in seen[i]:
            picked[i].append(edge)
            seen[i].add(group)
            incoming[j] += 1
    return {
        ordered[i].id: tuple(
            ordered[e[3]].id for e in sorted(links, key=lambda e: (e[0], e[1], ordered[e[3]].id))
        )
        for i, links in sorted(picked.items())
    }

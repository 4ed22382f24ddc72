"""Related questions: up to three per question, by shared concepts weighted by rarity.

A question's terms are its duplicate-detection concepts (`dedupe.signature`)
without the words every question shares ("LLM", "model"). Two questions are
scored by the cosine of their binary tf-idf vectors, so sharing "qlora" counts
far more than sharing "train". Candidates come from an inverted index, reading
only the postings of terms at most MAX_POSTING questions share; a question whose
terms are all that common falls back to the first postings of its rarest term.
The work is therefore bounded per question, linear overall.

Questions in the same duplicate group are never related (they are one entry),
and at most one question per other group is linked. Practice prompts (no answer)
link answered questions first: "study these first".
"""

from __future__ import annotations

import math
from collections import defaultdict

from generator.dedupe import CONTEXT, signature
from generator.model import Question
from generator.textsim import stem

MAX_RELATED = 3
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


def terms(question: Question) -> frozenset[str]:
    return signature(question).concepts - CONTEXT - GENERIC


def shared_terms(a: Question, b: Question) -> list[str]:
    return sorted(terms(a) & terms(b))


def find_related(questions, group_of) -> dict[str, tuple[str, ...]]:
    """question id -> up to MAX_RELATED related question ids, best first."""
    ordered = sorted(questions, key=lambda q: q.id)
    term_sets = [terms(q) for q in ordered]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ts in enumerate(term_sets):
        for term in ts:
            postings[term].append(i)
    weight = {t: math.log((1 + len(ordered)) / len(p)) ** 2 for t, p in postings.items()}
    norm = [math.sqrt(sum(weight[t] for t in ts)) or 1.0 for ts in term_sets]
    groups = [group_of.get(q.id) for q in ordered]
    prompt = [q.kind == "prompt" for q in ordered]
    points = weight.__getitem__
    related = {}
    # The inner loop runs ~50 times per question: everything about i is looked up once.
    for i, q in enumerate(ordered):
        scored = []
        own, own_group, own_norm, own_prompt = term_sets[i], groups[i], norm[i], prompt[i]
        for j in _candidates(own, postings):
            if j == i or (own_group is not None and groups[j] == own_group):
                continue
            cosine = sum(map(points, own & term_sets[j])) / (own_norm * norm[j])
            study = own_prompt and not prompt[j]
            if cosine >= (STUDY_MIN_SCORE if study else MIN_SCORE):
                scored.append((own_prompt and not study, -round(cosine, 9), ordered[j].id, j))
        picked = _pick(scored, ordered, groups)
        if picked:
            related[q.id] = picked
    return related


def _candidates(own: frozenset[str], postings: dict[str, list[int]]) -> set[int]:
    rare = [t for t in own if len(postings[t]) <= MAX_POSTING]
    if not rare and own:
        rarest = min(own, key=lambda t: (len(postings[t]), t))
        return set(postings[rarest][:MAX_POSTING])
    return {j for t in rare for j in postings[t]}


def _pick(scored: list[tuple], ordered: list[Question], groups: list[str | None]) -> tuple[str, ...]:
    """Best first; answered first for practice prompts; one question per duplicate group."""
    picked, seen = [], set()
    for *_, j in sorted(scored):
        group = groups[j] or ordered[j].id
        if group not in seen:
            seen.add(group)
            picked.append(ordered[j].id)
            if len(picked) == MAX_RELATED:
                break
    return tuple(picked)

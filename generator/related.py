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
MAX_POSTING = 150      # terms shared by more questions than this do not generate candidates
MIN_SCORE = 0.2        # below this cosine, two questions only look alike by accident
STUDY_MIN_SCORE = 0.1  # a practice prompt takes a looser answered match over a closer prompt
# Words that say how a question is asked rather than what about; they only add noise here.
GENERIC = frozenset(stem(w) for w in """
impact affect ensure think take account similar exist existing data system performance quality
improve better enhance content generate generation task development technology current latest
potential open find interesting good best new large text work working
""".split())


def terms(question: Question) -> frozenset[str]:
    return signature(question).concepts - CONTEXT - GENERIC


def shared_terms(a: Question, b: Question) -> list[str]:
    return sorted(terms(a) & terms(b))


def find_related(questions, group_of) -> dict[str, tuple[str, ...]]:
    """question id -> up to MAX_RELATED related question ids, best first."""
    ordered = sorted(questions, key=lambda q: q.id)
    term_sets = {q.id: terms(q) for q in ordered}
    postings: dict[str, list[Question]] = defaultdict(list)
    for q in ordered:
        for term in term_sets[q.id]:
            postings[term].append(q)
    idf = {t: math.log((1 + len(ordered)) / len(p)) for t, p in postings.items()}
    norm = {qid: math.sqrt(sum(idf[t] ** 2 for t in ts)) or 1.0 for qid, ts in term_sets.items()}
    related = {}
    for q in ordered:
        picked = _best(q, _candidates(q, term_sets[q.id], postings), term_sets, idf, norm, group_of)
        if picked:
            related[q.id] = picked
    return related


def _candidates(q: Question, own: frozenset[str], postings) -> set[Question]:
    rare = [t for t in own if len(postings[t]) <= MAX_POSTING]
    if not rare and own:
        rarest = min(own, key=lambda t: (len(postings[t]), t))
        return set(postings[rarest][:MAX_POSTING])
    return {c for t in rare for c in postings[t]}


def _best(q, candidates, term_sets, idf, norm, group_of) -> tuple[str, ...]:
    own, group = term_sets[q.id], group_of.get(q.id)
    scored = []
    for c in candidates:
        if c.id == q.id or (group is not None and group_of.get(c.id) == group):
            continue
        overlap = sum(idf[t] ** 2 for t in own & term_sets[c.id])
        cosine = overlap / (norm[q.id] * norm[c.id])
        study = q.kind == "prompt" and c.kind != "prompt"
        if cosine >= (STUDY_MIN_SCORE if study else MIN_SCORE):
            unanswered = q.kind == "prompt" and c.kind == "prompt"
            scored.append((unanswered, -round(cosine, 9), c.id, c))
    picked, groups = [], set()
    for *_, c in sorted(scored):
        g = group_of.get(c.id, c.id)
        if g not in groups:
            groups.add(g)
            picked.append(c.id)
            if len(picked) == MAX_RELATED:
                break
    return tuple(picked)

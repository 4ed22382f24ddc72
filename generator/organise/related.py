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
import heapq
import math
from collections import defaultdict
from collections.abc import Callable

from generator.model import Question
from generator.organise.dedupe import CONTEXT, signature
from generator.organise.textsim import PHRASES, stem

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
    # Questions with the same terms score alike: each pair of distinct term sets is scored once.
    kinds: dict[frozenset[str], int] = {}
    kind = [kinds.setdefault(ts, len(kinds)) for ts in term_sets]
    norm = [math.sqrt(sum(weight[t] for t in ts)) or 1.0 for ts in kinds]
    groups = [group_of.get(q.id) for q in ordered]
    prompt = [q.kind == "prompt" for q in ordered]
    points = weight.__getitem__
    # own kind * len(kinds) + other kind -> (-cosine rounded, 2 if a link, 1 if only a study link, else 0)
    scores: dict[int, tuple[float, int]] = {}
    # links[i]: (answered match of a prompt first? as False, -cosine, j), one per candidate link of i
    links: list[list[tuple[bool, float, int]]] = [[] for _ in ordered]
    # The inner loop runs ~50 times per question: everything about i is looked up once.
    for i in range(len(ordered)):
        own, own_group, own_prompt = term_sets[i], groups[i], prompt[i]
        if own.isdisjoint(concept):
            continue  # shares no concept with anyone (its pairs, as the other end, are scored there)
        rare = [t for t in own if len(postings[t]) <= MAX_POSTING]
        # A pair found through a rare term is found from both ends (rarity is the corpus's):
        # score it once, from the lower index, and file it both ways.
        found = {j for t in rare for j in postings[t] if j > i} if rare else _candidates(i, own, postings)
        row, own_norm, mine = kind[i] * len(kinds), norm[kind[i]], links[i]
        for j in found:
            if j == i or (own_group is not None and groups[j] == own_group):
                continue
            key = row + kind[j]
            score = scores.get(key)
            if score is None:
                score = scores[key] = _score(own, term_sets[j], concept, points, own_norm * norm[kind[j]])
            rank, level = score
            if not level:
                continue
            other_prompt = prompt[j]
            study = own_prompt and not other_prompt
            if level == 2 or study:
                mine.append((own_prompt and not study, rank, j))
            back = other_prompt and not own_prompt
            if rare and (level == 2 or back):
                links[j].append((other_prompt and not back, rank, i))
    return _assign(links, ordered, groups)


def _score(
    own: frozenset[str],
    other: frozenset[str],
    concept: set[str],
    points: Callable[[str], float],
    norms: float,
) -> tuple[float, int]:
    """(-cosine rounded, 2 if a link, 1 if a practice prompt's link to an answer only, else 0)."""
    shared = own & other
    if shared.isdisjoint(concept):
        return 0.0, 0
    cosine = sum(map(points, shared)) / norms
    level = 2 if cosine >= MIN_SCORE else 1 if cosine >= STUDY_MIN_SCORE else 0
    return -round(cosine, 9), level


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
    links: list[list[tuple[bool, float, int]]], ordered: list[Question], groups: list[str | None]
) -> dict[str, tuple[str, ...]]:
    """Best links first over the whole corpus (a prompt's answered matches before anything),
    within both caps. Ids are unique and `ordered` is sorted by id, so an index stands for
    its id in every tie-break. A merge of each question's sorted links: once a question has
    MAX_RELATED, the rest of its links are never looked at."""
    heap, linked = [], []
    for i, mine in enumerate(links):
        if mine:
            mine.sort(reverse=True)  # best last, for pop()
            flag, rank, j = mine.pop()
            heap.append((flag, rank, i, j))
            linked.append(i)
    heapq.heapify(heap)
    picked: list[list[int]] = [[] for _ in ordered]
    seen: list[set[str]] = [set() for _ in ordered]
    incoming = [0] * len(ordered)
    while heap:
        _, _, i, j = heap[0]
        group = groups[j] or ordered[j].id
        mine_picked = picked[i]
        if incoming[j] < MAX_INCOMING and group not in seen[i]:
            mine_picked.append(j)
            seen[i].add(group)
            incoming[j] += 1
        rest = links[i]
        if rest and len(mine_picked) < MAX_RELATED:
            flag, rank, j = rest.pop()
            heapq.heapreplace(heap, (flag, rank, i, j))
        else:
            heapq.heappop(heap)
    # Every question that had a candidate link has an entry, empty when none was taken.
    return {ordered[i].id: tuple(ordered[j].id for j in picked[i]) for i in linked}

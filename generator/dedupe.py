"""Duplicate groups across sources: strict, deterministic, explainable, near-linear.

Two questions are the same question when, after folding (`generator.textsim`):

* their **concepts** are the same set: the content words left once stop words,
  question scaffolding ("what is", "can you explain", "the role of") and intent
  words are removed; "in LLMs", "model", "AI" only count when nothing else is left;
* their **intents** are compatible: the special intents (compare, benefits,
  limits, mitigate, types, example, uses, steps, where, when) are equal, and when
  there are none, the core intents (define / how / why) overlap ("what is the
  role of X" asks why, not what);
* they are the same family (multiple choice only with multiple choice) and come
  from different sources.

    "What is tokenization, and why is it important in LLMs?"  {tokeniz} define+why
    "What is the role of tokenization in language models?"     {tokeniz} why      -> merge
    "What is LoRA and QLoRA?" {lora, qlora}  vs  "What is LoRA?" {lora}            -> apart
    "What is RAG?" {rag} define  vs  "What are the benefits of RAG?" {rag} benefit -> apart

A wrong merge hides a question, a missed merge only repeats one, so anything
less than this stays apart. Candidates come from a hash of the concept set, so
the work is linear in the number of questions. Curation `merge` forces a group
(even within one source); `split` forbids two ids from ever sharing one. A merge
that would put two questions of one source together is refused.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from generator.model import Question
from generator.textsim import STOP_WORDS, fold, stem

INTENT_WORDS = {
    "compare": "differ difference compare compared comparison contrast distinguish versus vs better",
    "benefit": "benefit advantage pros strength effective",
    "limit": "limitation drawback disadvantage challenge risk weakness pitfall",
    "mitigate": "mitigate prevent avoid reduce handle address deal overcome combat fix tackle "
    "minimize solve prevention",
    "types": "type kind category variant",
    "example": "example",
    "uses": "usecase application",
    "steps": "step pipeline",
    "where": "where",
    "when": "when",
    "ways": "technique strategy method approach",
    "how": "how work",
    "why": "why role significance important importance purpose need necessary matter",
    "define": "what explain describe define definition mean meaning concept know",
}
CORE_INTENTS = frozenset({"define", "how", "why"})
ARTICLES = frozenset({"is", "are", "s", "the", "a", "an", "some", "main", "key", "primary"})
# "What techniques reduce bias?" asks how to mitigate; "Tokenization strategies" asks for kinds.
WEAK_INTENTS = {"ways": "types"}
# Words that frame a question without saying what it is about.
SCAFFOLD = frozenset(
    stem(w)
    for w in """
key main common some various specific particular typical typically often commonly use used
using apply applied play mechanism way
process term context give mention provide primary overview brief briefly detail idea notion
following question issue problem involve result generally usually certain exactly actually
really consider considered help
""".split()
)
CONTEXT = frozenset({"llm", "model", "ai", "genai", "ml", "dl", "nlp", "nn"})
# Clusters of one concept set a question is compared with; real buckets hold a handful.
MAX_CLUSTERS = 32
_INTENT_OF = {stem(w): intent for intent, words in INTENT_WORDS.items() for w in words.split()}
# "different" alone lists kinds ("different types of"), "different from" compares.
_INTENT_OF.update({"different": "types", "usedfor": "uses"})
REWRITES = {
    ("function", "of"): "role",
    ("used", "for"): "usedfor",
    ("different", "from"): "differ",
    ("different", "than"): "differ",
}


@dataclass(frozen=True)
class Signature:
    """What a question asks, reduced to what duplicate detection compares."""

    concepts: frozenset[str]
    intents: frozenset[str]
    family: str  # "mcq" or "open" (answered or practice prompt)

    @property
    def special(self) -> frozenset[str]:
        return self.intents - CORE_INTENTS

    @property
    def core(self) -> frozenset[str]:
        return (self.intents & CORE_INTENTS) or frozenset({"define"})

    def describe(self) -> str:
        return (
            "{"
            + ", ".join(sorted(self.concepts))
            + "} asking "
            + "+".join(sorted(self.intents or {"define"}))
        )


def _rewrite(tokens: tuple[str, ...]) -> list[str]:
    """Two-word scaffolding to one intent word: "function of" -> role, "used for" -> uses."""
    out, i = [], 0
    while i < len(tokens):
        pair = tokens[i : i + 2]
        if pair in REWRITES:
            out.append(REWRITES[pair])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


def _intents(tokens: list[str]) -> set[str]:
    """Intent labels; "what is the role of X" asks why, so that "what" does not also define."""
    intents = set()
    for i, token in enumerate(tokens):
        if token not in _INTENT_OF:
            continue
        if token == "what":
            following = [t for t in tokens[i + 1 : i + 5] if t not in ARTICLES]
            if following and following[0] in _INTENT_OF:
                continue
        intents.add(_INTENT_OF[token])
    return intents


def signature(question: Question) -> Signature:
    return _signature(question.question, question.kind == "mcq")


@lru_cache(maxsize=65536)  # dedupe, related and explain all ask for the same questions' signatures
def _signature(question: str, mcq: bool) -> Signature:
    tokens = _rewrite(fold(question))
    intents = _intents(tokens)
    for weak, meaning in WEAK_INTENTS.items():
        if weak in intents:
            intents.discard(weak)
            if not intents - CORE_INTENTS:
                intents.add(meaning)
    words = dict.fromkeys(
        t
        for t in tokens
        if t not in STOP_WORDS and t not in _INTENT_OF and t not in SCAFFOLD and not t.isdigit()
    )
    concepts = frozenset(w for w in words if w not in CONTEXT) or frozenset(words)
    return Signature(concepts, frozenset(intents), "mcq" if mcq else "open")


def why_apart(a: Signature, b: Signature) -> str | None:
    """None when the rule merges two signatures; otherwise the reason it does not."""
    if a.family != b.family:
        return "one is multiple choice and the other is not"
    if not a.concepts or a.concepts != b.concepts:
        return "different concepts"
    if a.special != b.special:
        return (
            "different intent ("
            + "+".join(sorted(a.special) or ["plain"])
            + " vs "
            + "+".join(sorted(b.special) or ["plain"])
            + ")"
        )
    if not a.special and not (a.core & b.core):
        return "different intent (" + "+".join(sorted(a.core)) + " vs " + "+".join(sorted(b.core)) + ")"
    return None


class _Groups:
    """Union-find that refuses unions putting one source twice or a split pair together."""

    def __init__(self, questions: list[Question], split: tuple[tuple[str, ...], ...]):
        self.parent = {q.id: q.id for q in questions}
        self.sources = {q.id: {q.source} for q in questions}
        self.members = {q.id: {q.id} for q in questions}
        self.forbidden: dict[str, set[str]] = defaultdict(set)
        for ids in split:
            for a in ids:
                self.forbidden[a].update(b for b in ids if b != a)

    def find(self, qid: str) -> str:
        while self.parent[qid] != qid:
            self.parent[qid] = self.parent[self.parent[qid]]
            qid = self.parent[qid]
        return qid

    def conflict(self, a: str, b: str, allow_same_source: bool = False) -> str | None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        if any(self.forbidden[m] & self.members[rb] for m in self.members[ra]):
            return "split by curation"
        if not allow_same_source and self.sources[ra] & self.sources[rb]:
            return "same source"
        return None

    def union(self, a: str, b: str, allow_same_source: bool = False) -> bool:
        if self.conflict(a, b, allow_same_source):
            return False
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra != rb:
            self.parent[rb] = ra
            self.sources[ra] |= self.sources.pop(rb)
            self.members[ra] |= self.members.pop(rb)
        return True


def candidate_buckets(questions: list[Question]) -> dict[tuple, list[Question]]:
    """Questions keyed by (family, concept set): only questions in one bucket can merge."""
    buckets: dict[tuple, list[Question]] = defaultdict(list)
    for q in questions:
        sig = signature(q)
        if sig.concepts:
            buckets[(sig.family, sig.concepts)].append(q)
    return buckets


def find_groups(questions, curation) -> dict[str, str]:
    """question id -> group id, for questions in a group of two or more.

    Curation merges are applied first. Then, within each bucket, a question joins
    the first rule cluster whose every member it matches (complete linkage, so
    "what is X" and "why is X important" never meet through "what is X and why is
    it important"), unless that would put one source twice or a split pair together.
    """
    known = {q.id for q in questions}
    groups = _Groups(questions, curation.split)
    for ids in curation.merge:
        present = [i for i in ids if i in known]
        for other in present[1:]:
            groups.union(present[0], other, allow_same_source=True)
    for bucket in candidate_buckets(sorted(questions, key=lambda q: q.id)).values():
        clusters: list[list[tuple[str, Signature]]] = []
        for q in bucket:
            sig = signature(q)
            for cluster in clusters[:MAX_CLUSTERS]:
                if all(why_apart(sig, other) is None for _, other in cluster) and groups.union(
                    cluster[0][0], q.id
                ):
                    cluster.append((q.id, sig))
                    break
            else:
                clusters.append([(q.id, sig)])
    return group_ids(groups, known)


def group_ids(groups: _Groups, known: set[str]) -> dict[str, str]:
    """A group is named after its smallest member id, so it is stable and readable."""
    out = {}
    for _root, members in groups.members.items():
        if len(members) > 1:
            gid = "dup-" + min(members)
            out.update({m: gid for m in members if m in known})
    return out

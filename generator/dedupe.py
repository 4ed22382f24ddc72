"""Duplicate detection: one entry per question asked several times, across sources or in one.

Two questions are the same question when one full answer answers both. After reading
what each asks (`generator.intent`: subject, intents, comparand, qualifier), that is:

* the same **subject** (same content words once synonyms, abbreviations, plurals,
  scaffolding and examples are folded away);
* settings that do not conflict ("in RNNs" vs "in transformers" do);
* the same **asks**, or one question asks two things or more and the other asks a part
  of them ("What is RAG?" is inside "What is RAG, and how does it differ from X?");
  "how does X work" counts as "what is X"; two comparisons must compare the same things;
* the same family (multiple choice only with multiple choice).

    "What is tokenization, and why is it important in LLMs?"  {tokeniz} define+why
    "What is the role of tokenization in language models?"     {tokeniz} why      -> merge
    "What is LoRA and QLoRA?" {lora, qlora}  vs  "What is LoRA?" {lora}            -> apart
    "What is RAG?" {rag} define  vs  "Why is RAG important?" {rag} why             -> apart

A wrong merge hides a question, a missed merge only repeats one, so anything less than
this stays apart. Candidates come from a hash of the subject, so the work is linear in
the number of questions; within a bucket a question joins a cluster only if it matches
every member (so "What is RAG?" and "Why is RAG important?" never meet through "What is
RAG and why is it important?"). Curation `merge` forces a group; `split` forbids two ids
from ever sharing one.
"""

from __future__ import annotations

from collections import defaultdict

from generator.intent import CONTEXT, Signature, signature, why_apart
from generator.model import Question

__all__ = ["CONTEXT", "Signature", "find_groups", "signature", "why_apart"]
# Clusters of one subject a question is compared with; real buckets hold a handful.
MAX_CLUSTERS = 32


class _Groups:
    """Union-find that refuses unions putting a split pair together."""

    def __init__(self, questions: list[Question], split: tuple[tuple[str, ...], ...]):
        self.parent = {q.id: q.id for q in questions}
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

    def conflict(self, a: str, b: str) -> str | None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        if any(self.forbidden[m] & self.members[rb] for m in self.members[ra]):
            return "split by curation"
        return None

    def union(self, a: str, b: str) -> bool:
        if self.conflict(a, b):
            return False
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra] |= self.members.pop(rb)
        return True


def candidate_buckets(questions: list[Question]) -> dict[tuple, list[Question]]:
    """Questions keyed by (family, subject): only questions in one bucket can merge."""
    buckets: dict[tuple, list[Question]] = defaultdict(list)
    for q in questions:
        sig = signature(q)
        if sig.subject:
            buckets[(sig.family, sig.subject)].append(q)
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
            groups.union(present[0], other)
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

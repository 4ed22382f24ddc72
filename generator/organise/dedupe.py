"""Duplicate detection: one entry per question asked several times, across sources or in one.

Two questions are the same question when one full answer answers both. After reading
what each asks (`generator.organise.intent`: subject, intents, comparand, qualifier), that is:

* the same **subject** (same content words once synonyms, abbreviations, plurals,
  scaffolding, asides and examples are folded away), or one subject plus plain words
  in a second phrase ("OOV words *or rare terms*" asks about OOV words; but "LoRA *and
  QLoRA*" names a second term of the field, so it is not "What is LoRA?");
* the same setting ("in RNNs" vs "in transformers", or vs none, are not; the same
  activity in other words is: "production systems" / "production environments");
* the same **asks**, or one question asks two things or more and the other asks a part
  of them ("What is RAG?" is inside "What is RAG, and how does it differ from X?");
  "how does X work" counts as "what is X"; two comparisons must compare the same things;
* the same family (multiple choice only with multiple choice, and then with
  at least half of the options the same: one stem can ask two questions).

    "What is tokenization, and why is it important in LLMs?"  {tokeniz} define+why
    "What is the role of tokenization in language models?"     {tokeniz} role     -> merge
    "What is LoRA and QLoRA?" {lora, qlora}  vs  "What is LoRA?" {lora}            -> apart
    "What is RAG?" {rag} define  vs  "Why is RAG important?" {rag} why             -> apart

A wrong merge hides a question, a missed merge only repeats one, so anything less than
this stays apart. Candidates come from a hash of the subject (and of the subject less
its plain second phrase), so the work is linear in the number of questions; a question
joins a cluster only if it matches every member (so "What is RAG?" and "Why is RAG
important?" never meet through "What is RAG and why is it important?"). Curation `merge`
forces a group; `split` forbids two ids from ever sharing one.
"""

from __future__ import annotations

from collections import defaultdict

from generator.model import Question
from generator.organise.intent import Signature, signature
from generator.organise.intent_examples import same_examples
from generator.organise.intent_words import ACTIVITIES, COMPARE_ONLY, CONTEXT, FIELD_TERMS

__all__ = ["CONTEXT", "Signature", "field_terms", "find_groups", "how_alike", "signature", "why_apart"]
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
        if ra == rb or not self.forbidden:
            return None
        # Split pairs go both ways, so looking from the smaller group finds any.
        small, large = sorted((self.members[ra], self.members[rb]), key=len)
        if any(self.forbidden[m] & large for m in small if m in self.forbidden):
            return "split by curation"
        return None

    def union(self, a: str, b: str) -> bool:
        if self.conflict(a, b):
            return False
        ra, rb = sorted((self.find(a), self.find(b)), key=lambda r: len(self.members[r]))
        if ra != rb:  # the smaller group joins the larger, so building a group stays linear
            self.parent[ra] = rb
            self.members[rb] |= self.members.pop(ra)
        return True


def field_terms(vocabulary: frozenset[str] = frozenset()) -> frozenset[str]:
    """Words that name a subject of their own wherever they stand: the folded terms of
    textsim and the topics' one-word keywords, less context words and activities."""
    return FIELD_TERMS | (vocabulary - CONTEXT - ACTIVITIES)


def bucket_keys(sig: Signature, field: frozenset[str]) -> set[tuple]:
    """Only questions sharing a key can merge: (family, subject, setting) and the same with
    the core subject, which leaves out plain words of a second phrase ("... or rare terms"),
    so a question that only widens another meets it.

    The setting is the qualifier less its activities, or one activity of it: two settings
    are one when they are equal or name an activity in common (`_same_setting`), so
    questions asked in different settings never meet (at 50,000 synthetic questions they
    were four comparisons in five).
    """
    if not sig.subject:
        return set()
    settings = [("=", sig.qualifier - ACTIVITIES)] + [("~", a) for a in sig.qualifier & ACTIVITIES]
    subjects = {sig.subject, sig.subject - (sig.extra - field)}
    return {(sig.family, subject, setting) for subject in subjects for setting in settings}


def find_groups(questions, curation, vocabulary: frozenset[str] = frozenset()) -> dict[str, str]:
    """question id -> group id, for questions in a group of two or more.

    Curation merges are applied first. Then, in id order, a question joins the first
    rule cluster met through a shared key whose every member it matches (complete
    linkage, so "what is X" and "why is X important" never meet through "what is X and
    why is it important"), unless that would put a split pair together. `vocabulary`:
    the field's terms (`classify.concept_vocabulary`) besides those textsim folds.
    """
    field = field_terms(vocabulary)
    known = {q.id for q in questions}
    groups = _Groups(questions, curation.split)
    for ids in curation.merge:
        present = [i for i in ids if i in known]
        for other in present[1:]:
            groups.union(present[0], other)
    clusters: list[_Cluster] = []
    met: dict[tuple, list[int]] = defaultdict(list)  # key -> clusters holding a question with it
    for q in sorted(questions, key=lambda q: q.id):
        sig = signature(q)
        keys = bucket_keys(sig, field)
        near = sorted({c for key in keys for c in met[key]})[:MAX_CLUSTERS]
        fits = [c for c in near if clusters[c].fits(groups, q.id, sig, field)]
        # The largest cluster it fits: "How do GPT models use attention?" (what + role) joins
        # the three "role of attention" questions rather than one "what is attention".
        home = max(fits, key=lambda c: (clusters[c].size, -c), default=None)
        if home is not None:
            groups.union(clusters[home].first, q.id)
        else:
            home = len(clusters)
            clusters.append(_Cluster(q.id))
        clusters[home].add(sig)
        for key in keys:
            if home not in met[key]:
                met[key].append(home)
    return group_ids(groups, known)


class _Cluster:
    """A rule cluster: its first member and its members' distinct signatures. Members that
    ask alike share one signature, so a newcomer is compared with each signature once:
    a cluster of many rewordings costs as much as one of its kinds of question."""

    def __init__(self, first: str):
        self.first = first
        self.size = 0
        self.kinds: dict[Signature, None] = {}

    def add(self, sig: Signature) -> None:
        self.size += 1
        self.kinds[sig] = None

    def fits(self, groups: _Groups, qid: str, sig: Signature, field: frozenset[str]) -> bool:
        if any(why_apart(sig, other, field) is not None for other in self.kinds):
            return False
        return groups.conflict(self.first, qid) is None


def group_ids(groups: _Groups, known: set[str]) -> dict[str, str]:
    """A group is named after its smallest member id, so it is stable and readable."""
    out = {}
    for _root, members in groups.members.items():
        if len(members) > 1:
            gid = "dup-" + min(members)
            out.update({m: gid for m in members if m in known})
    return out


def why_apart(a: Signature, b: Signature, field: frozenset[str] = FIELD_TERMS) -> str | None:
    """None when two signatures are one question; otherwise the reason they are not.

    `field`: the terms of the field; a second noun phrase of plain words ("or rare terms")
    widens a question rather than naming another subject.
    """
    if a.family != b.family:
        return "one is multiple choice and the other is not"
    if a.options and b.options and 2 * len(a.options & b.options) < min(len(a.options), len(b.options)):
        return "multiple choice with different options"
    if not a.subject or (a.subject != b.subject and not _widens(a, b, field)):
        return "different subjects"
    if not same_examples(a.examples, b.examples):
        return "tasks named by different examples"
    settings = (a.qualifier - ACTIVITIES, b.qualifier - ACTIVITIES)
    if settings[0] != settings[1] and not _same_setting(a.qualifier, b.qualifier, field):
        return "different settings (" + ", ".join(sorted(settings[0] ^ settings[1])) + ")"
    tails = (a.detail | a.comparand, b.detail | b.comparand)
    if all(tails) and not tails[0] & tails[1]:
        return "different follow-up questions"
    if "compare" in a.asks and "compare" in b.asks and a.comparand != b.comparand:
        return "compared with different things"
    if a.asks == b.asks or _covers(a, b) or _covers(b, a) or _both_defined(a, b) or _both_defined(b, a):
        return None
    return "different intent (" + "+".join(sorted(a.asks)) + " vs " + "+".join(sorted(b.asks)) + ")"


def how_alike(a: Signature, b: Signature) -> str:
    """For `explain`: in what way two questions the rule merges are one question."""
    parts = [
        "same subject"
        if a.subject == b.subject
        else "same subject once the plain words {"
        + ", ".join(sorted(a.subject ^ b.subject))
        + "} of a second phrase are set aside"
    ]
    if a.qualifier - ACTIVITIES != b.qualifier - ACTIVITIES:
        parts.append("the same setting in other words")
    if a.examples != b.examples:
        parts.append("examples mostly the same ({" + ", ".join(sorted(a.examples & b.examples)) + "} shared)")
    parts.append("the same asks" if a.asks == b.asks else "one asks what the other asks or more")
    return ", ".join(parts)


def _same_setting(a: frozenset[str], b: frozenset[str], field: frozenset[str]) -> bool:
    """Two settings that name the same activity and differ only in plain words ("production
    systems with limited resources" / "production environments") are one setting. A
    setting only one question names still narrows it ("How does X work in Y?")."""
    return bool(a & b & ACTIVITIES) and not (a ^ b) & (field - ACTIVITIES)


def _widens(a: Signature, b: Signature, field: frozenset[str]) -> bool:
    """One asks about the other's subject plus plain words in a second phrase."""
    plain = (a.extra - field, b.extra - field)
    core = (a.subject - plain[0], b.subject - plain[1])
    return bool(core[0]) and core[0] == core[1]


def _both_defined(a: Signature, b: Signature) -> bool:
    """ "What are X and Y?" answers "What is the difference between X and Y?" (and back)."""
    return len(a.subject) >= 2 and a.asks == {"define"} and b.asks == COMPARE_ONLY and not b.comparand


def _covers(wide: Signature, narrow: Signature) -> bool:
    """A question asking two things or more answers one that asks a part of them.

    A comparison alone is not part of a wider question unless that one compares with the
    same thing: "What is X?" is inside "What is X, and how does it differ from Y?".
    """
    if len(wide.asks) < 2 or not narrow.asks < wide.asks:
        return False
    return narrow.asks != COMPARE_ONLY or wide.comparand == narrow.comparand

"""`python -m generator explain <id>`: why a question got its topic, group and related links.

Everything is recomputed from the same rules the build used, so the text shows
the evidence (keywords and their points, concept sets and intents) rather than
just the outcome. A result the rules alone would not give is attributed to
content/curation.yml.
"""

from __future__ import annotations

import difflib

from generator.errors import UnknownQuestion
from generator.model import Corpus, Question
from generator.organise.classify import (
    ANSWER_CAP,
    FIELD_WEIGHTS,
    MIN_CONFIDENCE,
    Verdict,
    concept_vocabulary,
    keyword_table,
    score,
)
from generator.organise.dedupe import field_terms, how_alike, signature, why_apart
from generator.organise.related import shared_terms
from generator.organise.study_links import mentions

CURATION = "content/curation.yml"


def explain_question(corpus: Corpus, qid: str) -> str:
    by_id = {q.id: q for q in corpus.questions}
    question = by_id.get(qid) or next((q for q in corpus.questions if qid in q.aliases), None)
    if question is None:
        close = difflib.get_close_matches(qid, list(by_id), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else " (see questions.json for ids)"
        raise UnknownQuestion(f"unknown question id {qid!r}{hint}")
    lines = [
        f"{question.id}" + (f" (formerly {qid})" if qid != question.id else ""),
        f"  {question.question!r}",
        f"  from {question.source} ({question.location})"
        + (f", section {question.section!r}" if question.section else ""),
    ]
    lines += _topic_lines(corpus, question)
    lines += _group_lines(corpus, question, by_id)
    lines += _related_lines(corpus, question, by_id)
    return "\n".join(lines)


def _evidence(verdict: Verdict, topic: str) -> str:
    parts = []
    for field, weight in FIELD_WEIGHTS:
        hits = [h for h in verdict.hits if h.topic == topic and h.field == field]
        if hits:
            words = ", ".join(f"{h.keyword.phrase} {h.keyword.weight:g}" for h in hits)
            total = sum(h.points for h in hits)
            capped = f", capped at {ANSWER_CAP:g}" if field == "answer" and total > ANSWER_CAP else ""
            parts.append(f"{field} x{weight:g}: {words} (= {total:g}{capped})")
    return "; ".join(parts) or "no keyword matched"


def _topic_lines(corpus: Corpus, question: Question) -> list[str]:
    titles = {t.id: t.title for t in corpus.topics}
    verdict = score(question, corpus.topics, keyword_table(corpus.topics))
    fallback = next((t.id for t in corpus.topics if t.fallback), None)
    ruled = fallback if fallback and (verdict.abstains or not verdict.topic) else verdict.topic
    chosen = corpus.topic_of.get(question.id, ruled)
    winner = verdict.ranking[0] if verdict.ranking else ("-", 0.0)
    sure = f"confidence {verdict.confidence:.2f} (threshold {MIN_CONFIDENCE:g})"
    if verdict.named_only:
        sure += ", and the question names nothing else"
    lines = [f"Topic: {chosen} ({titles.get(chosen, '?')})"]
    if chosen != ruled:
        lines.append(
            f"  pinned by {CURATION}; the keywords alone choose {ruled}, "
            f"score {winner[1]:g}, {sure}: {_evidence(verdict, winner[0])}"
        )
    elif winner[1] == 0:
        lines.append("  no keyword of any topic matched: the classifier abstains")
    elif chosen != verdict.topic:
        lines.append(
            f"  the classifier abstains: best guess {winner[0]}, score {winner[1]:g}, {sure}: "
            f"{_evidence(verdict, winner[0])}"
        )
    else:
        lines.append(f"  chosen by keywords, score {winner[1]:g}, {sure}: {_evidence(verdict, chosen)}")
    runner_up = verdict.ranking[1] if len(verdict.ranking) > 1 else None
    if runner_up and runner_up[1] > 0:
        lines.append(
            f"  runner-up: {runner_up[0]}, score {runner_up[1]:g}: {_evidence(verdict, runner_up[0])}"
        )
    tags = corpus.tags_of.get(question.id, ())
    lines.append("  secondary tags: " + (", ".join(tags) if tags else "none"))
    return lines


def _group_lines(corpus: Corpus, question: Question, by_id: dict[str, Question]) -> list[str]:
    sig = signature(question)
    field = field_terms(concept_vocabulary(corpus.topics))
    lines = [f"Duplicates: subject {sig.describe()}"]
    gid = corpus.group_of.get(question.id)
    members = [by_id[m] for m, g in corpus.group_of.items() if g == gid and m != question.id] if gid else []
    if not members:
        lines.append("  not merged with any other question")
    else:
        lines.append(
            f"  group {gid}: asked in {len({m.source for m in members} | {question.source})} sources"
        )
    for m in sorted(members, key=lambda m: m.id):
        reason = why_apart(sig, signature(m), field)
        how = (
            f"by rule: {how_alike(sig, signature(m))} ({signature(m).describe()})"
            if reason is None
            else f"by {CURATION} (the rule alone would not: {reason})"
        )
        lines.append(f"  - {m.id} [{m.source}] {m.question!r}: merged {how}")
    # Near misses: the questions sharing its subject's words, closest first.
    near = [
        (len(sig.subject ^ signature(q).subject), q.id, q)
        for q in corpus.questions
        if q.id != question.id and q not in members and sig.subject & signature(q).subject
    ]
    for *_, q in sorted(near, key=lambda n: n[:2])[:5]:
        reason = why_apart(sig, signature(q), field) or (
            f"split by {CURATION}, or a question already in its group asks something else"
        )
        lines.append(f"  kept apart from {q.id} {q.question!r}: {reason}")
    return lines


def _related_lines(corpus: Corpus, question: Question, by_id: dict[str, Question]) -> list[str]:
    related = corpus.related_of.get(question.id, ())
    lead = "Study these first" if question.kind == "prompt" else "Related"
    lines = [f"{lead}:" + ("" if related else " none")]
    for rid in related:
        other = by_id.get(rid)
        if other is not None:
            shared = ", ".join(shared_terms(question, other)) or mentions(question, other) or "-"
            lines.append(f"  - {rid} {other.question!r} (shares: {shared})")
    return lines

"""Cleaning: drop page junk before reading, and turn Drafts into clean Questions (placeholder)."""

from __future__ import annotations

from generator.model import Document, Draft, Problem, Question, question_id


def strip_junk(doc: Document) -> tuple[Document, list[Problem]]:
    return doc, []


def make_questions(drafts: list[Draft], source_id: str) -> tuple[list[Question], list[Problem]]:
    out = []
    for n, d in enumerate(drafts, start=1):
        answer = "\n".join(line.text for line in d.answer).strip() or None
        kind = "mcq" if d.choices else ("open" if answer else "prompt")
        out.append(Question(question_id(source_id, d.question), source_id, n, d.question, kind,
                            answer, d.location, d.section, d.choices, d.correct, d.label))
    return out, []

"""What a golden file pins for one source, computed from the pipeline's stages."""

from __future__ import annotations

from pathlib import Path

from generator import clean
from generator.load import load_document
from generator.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "content" / "sources"
GOLDEN = Path(__file__).resolve().parent
EDGE_WORDS = 8


def summarise(path: Path) -> dict:
    doc, _ = load_document(path, ROOT, path.stem)
    doc, _ = clean.strip_junk(doc)
    reader, drafts, _ = read_document(doc)
    questions, _ = clean.make_questions(drafts, doc.source_id)
    kinds = [q.kind for q in questions]
    return {
        "source": path.stem,
        "reader": reader,
        "counts": {"questions": len(questions), **{k: kinds.count(k) for k in ("open", "mcq", "prompt")}},
        "questions": [_question(q) for q in questions],
    }


def _question(q) -> dict:
    entry = {
        "n": q.n,
        "line": q.location.line,
        "label": q.label,
        "kind": q.kind,
        "section": q.section,
        "question": q.question,
    }
    if q.answer:
        words = q.answer.split()
        entry["answer_first"] = " ".join(words[:EDGE_WORDS])
        entry["answer_last"] = " ".join(words[-EDGE_WORDS:])
    if q.choices:
        entry["choices"] = [f"{c.letter}. {c.text}" for c in q.choices]
        entry["correct"] = q.correct
    return entry


def source_paths() -> list[Path]:
    return sorted(SOURCES.glob("*.txt"))

"""What a golden file pins for one source: `generator.pipeline.read_source`'s result, the
same call the build makes for each file."""

from __future__ import annotations

from pathlib import Path

from generator.config import load_content
from generator.pipeline import read_source

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "content" / "sources"
GOLDEN = Path(__file__).resolve().parent
IDS = GOLDEN / "ids.txt"
EDGE_WORDS = 8


def summarise(path: Path) -> dict:
    source, questions, _ = read_source(path, load_content(ROOT))
    kinds = [q.kind for q in questions]
    return {
        "source": path.stem,
        "reader": source.format,
        "counts": {"questions": len(questions), **{k: kinds.count(k) for k in ("open", "mcq", "prompt")}},
        "questions": [_question(q) for q in questions],
        "ids": [q.id for q in questions],
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


def read_ids(path: Path = IDS) -> dict[str, list[str]]:
    """tests/golden/ids.txt: `<source id> <question id>` per line, in source order."""
    out: dict[str, list[str]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                source, qid = line.split()
                out.setdefault(source, []).append(qid)
    return out


def ids_text(ids: dict[str, list[str]]) -> str:
    head = (
        "# The id of every bundled question: saved progress, curation and Anki notes hang on them.\n"
        "# Written by `python -m tests.golden.refresh`, which refuses to drop or change one.\n"
    )
    return head + "".join(f"{source} {qid}\n" for source in sorted(ids) for qid in ids[source])


def lost_ids(old: dict[str, list[str]], new: dict[str, list[str]]) -> list[str]:
    """`source id` pairs the golden file holds that the sources no longer give."""
    return [
        f"{source} {qid}" for source, ids in old.items() for qid in ids if qid not in set(new.get(source, ()))
    ]

"""Pipeline-level guarantees: a file that breaks a reader costs that file only."""

from pathlib import Path

from generator import pipeline
from generator.ingest.readers import numbered

ROOT = Path(__file__).resolve().parents[1]


def _project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "sources").mkdir(parents=True)
    for name in ("topics.yml", "glossary.yml"):
        (tmp_path / "content" / name).write_text((ROOT / "content" / name).read_text(encoding="utf-8"))
    (tmp_path / "content" / "sources" / "a.txt").write_text(
        "Q1. What is a token?\nAns - A unit of text.\n\nQ2. What is BPE?\nAns - A subword tokenizer.\n"
    )
    (tmp_path / "content" / "sources" / "b.md").write_text("## What is RAG?\n\nRetrieval plus generation.\n")
    return tmp_path


def test_reader_crash_is_reported_and_other_sources_still_read(tmp_path, monkeypatch):
    root = _project(tmp_path)

    def explode(doc):
        raise ValueError("boom")

    monkeypatch.setattr(numbered, "read", explode)
    corpus = pipeline.gather(root)
    assert [q.question for q in corpus.questions] == ["What is RAG?"]
    [problem] = [p for p in corpus.problems if "internal error" in p.message]
    assert str(problem.location) == "content/sources/a.txt:1"
    assert problem.severity == "error" and "ValueError: boom" in problem.message


def test_same_project_without_crash_reads_both_files(tmp_path):
    corpus = pipeline.gather(_project(tmp_path))
    assert sorted(q.question for q in corpus.questions) == [
        "What is BPE?",
        "What is RAG?",
        "What is a token?",
    ]

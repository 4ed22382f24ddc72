"""Pipeline-level guarantees: a file that breaks a reader costs that file only, and nothing
after the gather stage reads content/."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from generator import pipeline
from generator.ingest.readers import numbered
from generator.model import question_id
from generator.publish import export

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


def test_files_that_share_a_stem_are_sources_of_their_own(tmp_path):
    root = _project(tmp_path)
    sources = root / "content" / "sources"
    (sources / "a.md").write_text("## What is RAG?\n\nRetrieval plus generation.\n")
    page = "<h2>What is RAG?</h2><p>Retrieval, then generation.</p><h2>Why?</h2><p>Fresh facts.</p>"
    (sources / "A.html").write_text(page)
    corpus = pipeline.gather(root)
    # b.md has no twin: its id is its stem, as before the others came.
    assert sorted(s.id for s in corpus.sources) == ["A-html", "a-md", "a-txt", "b"]
    by_source: dict[str, list[str]] = {}
    for q in corpus.questions:
        by_source.setdefault(q.source, []).append(q.question)
    assert by_source["a-md"] == by_source["b"] == ["What is RAG?"]
    assert by_source["A-html"] == ["What is RAG?", "Why?"]
    assert len({q.id for q in corpus.questions}) == len(corpus.questions) == 6
    # Ids are hashed with the stem, so a twin coming or going changes none of them; the ids
    # hashed with the source id (builds of 2026-12-02) are aliases.
    ids = {q.source: q.id for q in corpus.questions if q.question == "What is RAG?"}
    assert ids == {
        s: question_id(stem, "What is RAG?") for s, stem in [("a-md", "a"), ("A-html", "A"), ("b", "b")]
    }
    former = {q.source: q.aliases for q in corpus.questions if q.question == "What is RAG?"}
    assert former == {
        "a-md": (question_id("a-md", "What is RAG?"),),
        "A-html": (question_id("A-html", "What is RAG?"),),
        "b": (),
    }
    told = sorted(str(p) for p in corpus.problems if "also named" in p.message)
    said = "warning: another source file is also named"
    assert told == [
        f"content/sources/A.html:1: {said} 'A': this one's source id is 'A-html'",
        f"content/sources/a.md:1: {said} 'a': this one's source id is 'a-md'",
        f"content/sources/a.txt:1: {said} 'a': this one's source id is 'a-txt'",
    ]


def test_a_twin_coming_or_going_changes_no_id_and_the_anki_note_stays(tmp_path):
    root = _project(tmp_path)
    alone = {q.question: q.id for q in pipeline.gather(root).questions}
    guids = {c.qid: c.guid for c in export.cards(pipeline.gather(root))}
    # The same document twice: its questions are asked in both files of stem "a".
    (root / "content" / "sources" / "a.md").write_text("## What is BPE?\n\nA subword tokenizer.\n")
    corpus = pipeline.gather(root)
    ids = {(q.source, q.question): q.id for q in corpus.questions}
    assert ids[("a-txt", "What is a token?")] == alone["What is a token?"]
    # One of the two keeps the id (the file first in path order), the other is numbered.
    bpe = alone["What is BPE?"]
    assert (ids[("a-md", "What is BPE?")], ids[("a-txt", "What is BPE?")]) == (bpe, bpe + "-2")
    assert len(set(ids.values())) == len(ids)
    repeats = [str(p) for p in corpus.problems if "repeats one of another file" in p.message]
    said = "warning: question repeats one of another file of the same name"
    assert repeats == [f"content/sources/a.txt:4: {said}; kept as {bpe}-2"]
    cards = {c.qid: c.guid for c in export.cards(corpus)}
    assert cards[ids[("a-txt", "What is a token?")]] == guids[alone["What is a token?"]]
    (root / "content" / "sources" / "a.md").unlink()
    assert {q.question: q.id for q in pipeline.gather(root).questions} == alone


# The audit hook sees every file a process opens (open(), Path.read_*, shutil's copies, zip
# members) and every folder it lists; it cannot be removed, so it runs in a child process.
WATCH = """
import json, os, sys
from pathlib import Path
from generator import pipeline
from generator.publish import export
from generator.publish.config import SiteOptions

root = Path(sys.argv[1]).resolve()
content = str(root / "content")
seen = {"gather": [], "after": []}
stage = "gather"

def hook(event, args):
    if event in ("open", "os.scandir", "os.listdir") and args and isinstance(args[0], (str, os.PathLike)):
        path = os.path.abspath(os.fspath(args[0]))
        if path == content or path.startswith(content + os.sep):
            seen[stage].append(os.path.relpath(path, root))

sys.addaudithook(hook)
corpus = pipeline.gather(root)
stage = "after"
pipeline.write_docs(corpus, root / "build" / "docs", root, SiteOptions(search="pagefind"))
print(json.dumps(seen))
"""


def test_nothing_reads_content_after_the_gather_stage(tmp_path):
    """Render and publish take settings, glossary, pages and images from the corpus: writing
    build/docs and build/mkdocs.yml opens and lists nothing under content/."""
    from tests.test_images import png

    root = _project(tmp_path)
    (root / "content" / "settings.yml").write_text("site:\n  name: Watched Site\n")
    (root / "content" / "pages").mkdir()
    (root / "content" / "pages" / "about.md").write_text("# About\n\nHand-written.\n")
    (root / "content" / "sources" / "images").mkdir()
    (root / "content" / "sources" / "images" / "map.png").write_bytes(png())
    (root / "content" / "sources" / "c.md").write_text("## What is attention?\n\n![Map](images/map.png)\n")
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    result = subprocess.run(
        [sys.executable, "-c", WATCH, str(root)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["after"] == []
    # The hook does see content/ being read by the stage that should (the sources themselves
    # are read in worker processes, which it does not watch).
    gathered = {Path(p).as_posix() for p in seen["gather"]}
    expected = ("settings.yml", "glossary.yml", "pages/about.md", "sources/images/map.png")
    assert {f"content/{name}" for name in expected} <= gathered
    docs = root / "build" / "docs"
    assert (docs / "assets/sources/c/images/map.png").read_bytes() == png()
    assert (docs / "about.md").read_text().startswith("# About\n\nHand-written.\n")
    assert "site_name: Watched Site" in (root / "build" / "mkdocs.yml").read_text()
    assert "*[RAG]:" in (docs / "index.md").read_text()  # the glossary's tooltips

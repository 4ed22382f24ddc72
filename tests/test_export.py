"""Exports on a hand-made corpus: the .apkg read back as SQLite (fields, tags, GUIDs),
stable GUIDs and bytes across exports, Anki's CSV headers, math delimiters, and JSON
equal to the site's questions.json."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import genanki

from generator.model import Choice, Corpus, Question, Source, Topic
from generator.publish import corpus_json, export
from generator.render import safe_html
from generator.render.layout import plan
from tests.support.questions import q

ROOT = Path(__file__).resolve().parents[1]
FIELD_SEPARATOR = "\x1f"


def sample_corpus() -> Corpus:
    """Answered, math, MCQ, a practice prompt and a hidden question, in two sources and topics."""
    qs = [
        q("alpha", 1, "What is RLHF?", answer="Uses a **reward model**.\n\n- collect comparisons\n- train"),
        q(
            "alpha",
            2,
            "What does the loss $L = -\\log p$ mean?",
            answer="It is $$\\sum_i x_i$$ and $a_b$; it costs $5 and $10.",
            math=True,
        ),
        q(
            "beta",
            1,
            "Which is a PEFT method?",
            "mcq",
            "LoRA trains low-rank matrices.",
            choices=(Choice("A", "Dropout"), Choice("B", "LoRA")),
            correct="B",
        ),
        q("beta", 2, "Describe a time you used LLMs", "prompt", None),
        q("beta", 3, "A hidden question?", answer="Hidden answer."),
        q(
            "beta",
            4,
            "Unsafe answer?",
            answer='<img src=x onerror="alert(1)"> [x](javascript:alert(1)) <b>ok</b>',
        ),
    ]
    return Corpus(
        sources=[
            Source("alpha", "content/sources/alpha.txt", "Alpha Questions"),
            Source("beta", "content/sources/beta.txt", "Beta Bank"),
        ],
        questions=qs,
        topics=[Topic("fine-tuning", "Fine-tuning & PEFT"), Topic("alignment", "Alignment")],
        topic_of={qs[0].id: "alignment", qs[2].id: "fine-tuning"},
        hidden=frozenset({qs[4].id}),
    )


def read_notes(apkg: Path) -> list[dict]:
    with zipfile.ZipFile(apkg) as zf:
        assert set(zf.namelist()) == {"collection.anki2", "media"}
        assert zf.testzip() is None
        db = apkg.with_suffix(".anki2")
        db.write_bytes(zf.read("collection.anki2"))
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT guid, mid, tags, flds FROM notes ORDER BY id").fetchall()
        cards = conn.execute("SELECT nid, did FROM cards").fetchall()
        models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
        decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
    finally:
        conn.close()
    assert len(cards) == len(rows), "one card per note (one template)"
    assert {did for _, did in cards} == {export.DECK_ID}
    assert decks[str(export.DECK_ID)]["name"] == export.DECK_NAME
    names = [f["name"] for f in models[str(export.MODEL_ID)]["flds"]]
    return [
        {"guid": g, "mid": mid, "tags": tags.split(), **dict(zip(names, flds.split(FIELD_SEPARATOR)))}
        for g, mid, tags, flds in rows
    ]


def test_apkg_is_a_valid_anki_package_with_expected_notes(tmp_path):
    corpus = sample_corpus()
    path = export.export(corpus, "anki", tmp_path / "deck.apkg")
    notes = read_notes(path)
    by_id = {n["Id"]: n for n in notes}
    rlhf, loss, mcq, prompt, hidden, unsafe = corpus.questions
    # answered questions and MCQs only: no practice prompt, nothing hidden
    assert set(by_id) == {rlhf.id, loss.id, mcq.id, unsafe.id}
    assert prompt.id not in by_id and hidden.id not in by_id
    for qid, note in by_id.items():
        assert note["guid"] == genanki.guid_for(qid)
        assert note["mid"] == export.MODEL_ID
    assert by_id[rlhf.id]["tags"] == ["topic::alignment", "source::alpha", "kind::open"]
    assert by_id[mcq.id]["tags"] == ["topic::fine-tuning", "source::beta", "kind::mcq"]
    assert all(" " not in t for n in notes for t in n["tags"])
    assert "<strong>reward model</strong>" in by_id[rlhf.id]["Answer"]
    assert "<li>collect comparisons</li>" in by_id[rlhf.id]["Answer"]
    assert by_id[rlhf.id]["Source"] == "Alpha Questions"  # the source printed no number: none made up
    assert by_id[mcq.id]["Topic"] == "Fine-tuning &amp; PEFT"
    assert "<strong>B.</strong> LoRA" in by_id[mcq.id]["Question"]
    assert by_id[mcq.id]["Answer"].startswith("<p><strong>Correct answer: B.</strong> LoRA</p>")


def test_math_uses_delimiters_anki_understands():
    # As cleaning leaves an answer: a dollar that is not math is escaped (generator.ingest.mathfix).
    html = safe_html.markdown_to_html(
        "Loss $L = -\\log p_\\theta$ and $$\\sum_i x_i^2$$, price \\$5 and \\$10."
    )
    assert "\\(L = -\\log p_\\theta\\)" in html  # backslashes and underscores survive Markdown
    assert "\\[\\sum_i x_i^2\\]" in html
    assert "$5 and $10" in html  # currency is not math
    assert "$" not in html.replace("$5 and $10", "")
    assert safe_html.markdown_to_html("\\(a<b\\)") == "<p>\\(a&lt;b\\)</p>"


def test_answers_are_sanitised(tmp_path):
    notes = read_notes(export.export(sample_corpus(), "anki", tmp_path / "deck.apkg"))
    unsafe = next(n for n in notes if n["Id"] == sample_corpus().questions[5].id)["Answer"]
    assert "onerror" not in unsafe and "<img" not in unsafe and "javascript:" not in unsafe
    assert "<b>ok</b>" in unsafe


def test_reexport_gives_same_guids_and_bytes(tmp_path):
    first = export.export(sample_corpus(), "anki", tmp_path / "a.apkg")
    second = export.export(sample_corpus(), "anki", tmp_path / "b.apkg")
    assert [n["guid"] for n in read_notes(first)] == [n["guid"] for n in read_notes(second)]
    assert first.read_bytes() == second.read_bytes()
    # a new question elsewhere does not change the GUIDs of the others
    corpus = sample_corpus()
    corpus.questions.insert(0, q("alpha", 0, "What is a token?", answer="A piece of text."))
    third = {n["Id"]: n["guid"] for n in read_notes(export.export(corpus, "anki", tmp_path / "c.apkg"))}
    for note in read_notes(first):
        assert third[note["Id"]] == note["guid"]


def test_csv_has_anki_headers_and_one_row_per_note(tmp_path):
    corpus = sample_corpus()
    text = export.export(corpus, "csv", tmp_path / "deck.csv").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert header[:2] == ["#separator:Comma", "#html:true"]
    assert "#columns:GUID,Front,Back,Source,Topic,Tags" in header
    assert "#guid column:1" in header and "#tags column:6" in header
    assert f"#deck:{export.DECK_NAME}" in header
    rows = list(csv.reader(io.StringIO("\n".join(text.splitlines()[len(header) :]))))
    exported = [c for c in corpus.questions if export.exportable(c, corpus)]
    assert sorted(r[0] for r in rows) == sorted(genanki.guid_for(c.id) for c in exported)
    assert all(len(r) == 6 for r in rows)
    assert rows[0][5] == "topic::alignment source::alpha kind::open"


def test_json_is_the_questions_json_document(tmp_path):
    corpus = sample_corpus()
    data = json.loads(export.export(corpus, "json", tmp_path / "q.json").read_text(encoding="utf-8"))
    assert data == corpus_json.build(corpus, plan(corpus))
    assert len(data["questions"]) == len(corpus.questions)


def test_write_downloads_puts_deck_and_csv_in_the_docs(tmp_path):
    written = export.write_downloads(sample_corpus(), tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(export.DOWNLOADS)
    assert len(read_notes(tmp_path / "downloads" / "llm-study.apkg")) == 4


def test_cli_export_default_output(tmp_path):
    """`python -m generator export --format csv` on the project writes dist/llm-study.csv."""
    out = tmp_path / "out.csv"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(ROOT), "export", "--format", "csv", "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out}"
    assert out.read_text(encoding="utf-8").startswith("#separator:Comma\n#html:true\n")


def test_real_corpus_has_one_note_per_answered_or_mcq_entry(tmp_path):
    from generator.pipeline import gather

    corpus = gather(ROOT)
    entries = [e for p in plan(corpus).pages for e in p.entries]
    wanted = [
        e
        for e in entries
        if any(
            (m.kind == "open" and m.answer) or (m.kind == "mcq" and (m.correct or m.answer))
            for m in e.members
        )
    ]
    merged = [e for e in wanted if len(e.members) > 1]
    assert wanted and merged, "the bundled sources hold answered entries and merged groups"
    notes = read_notes(export.export(corpus, "anki", tmp_path / "real.apkg"))
    assert len(notes) == len(wanted) < len([q for e in wanted for q in e.members])
    assert sorted(n["Id"] for n in notes) == sorted(e.id for e in wanted)
    assert len({n["guid"] for n in notes}) == len(notes)
    assert all(n["Question"] and n["Answer"] for n in notes)


def merged_corpus(*members: Question) -> Corpus:
    corpus = Corpus(
        sources=[
            Source(s, f"content/sources/{s}.txt", s.title() + " Bank") for s in ("alpha", "beta", "gamma")
        ],
        questions=list(members),
        topics=[Topic("rag", "RAG")],
    )
    corpus.group_of = {m.id: "dup-x" for m in members}
    return corpus


ALPHA = q("alpha", 4, "What is RAG?", answer="Alpha's answer: retrieval first.", label="4")
BETA = q(
    "beta", 2, "Explain retrieval-augmented generation.", answer="Beta's answer: *grounding*.", label="Q2"
)
GAMMA = q("gamma", 9, "What is RAG, and how does it work?", answer="Gamma's answer.")
PROMPT = q("gamma", 1, "Can you explain RAG?", "prompt", None)


def test_a_merged_entry_is_one_note_with_each_sources_answer_labelled(tmp_path):
    notes = read_notes(export.export(merged_corpus(BETA, ALPHA, PROMPT), "anki", tmp_path / "m.apkg"))
    assert len(notes) == 1
    (note,) = notes
    assert note["Answer"].index("Alpha Bank, Q4") < note["Answer"].index("Alpha's answer")
    assert note["Answer"].index("Beta Bank, Q2") < note["Answer"].index("Beta's answer: <em>grounding</em>")
    assert "Gamma Bank" not in note["Answer"]  # a practice prompt has no answer to show
    assert note["tags"] == ["topic::rag", "source::alpha", "source::beta", "kind::open"]
    # the oldest member (first source, then first number) gives the GUID it had alone
    assert note["guid"] == genanki.guid_for(ALPHA.id)


def test_the_guid_survives_a_group_gaining_and_losing_members(tmp_path):
    def guid(*members: Question) -> str:
        (note,) = read_notes(export.export(merged_corpus(*members), "anki", tmp_path / "g.apkg"))
        return note["guid"]

    alone = read_notes(export.export(merged_corpus(ALPHA), "anki", tmp_path / "a.apkg"))[0]["guid"]
    assert guid(ALPHA, BETA) == alone  # gains a member from a later source
    assert guid(ALPHA, BETA, GAMMA) == alone  # and another
    assert guid(ALPHA, GAMMA) == alone  # loses one
    assert guid(BETA, GAMMA) == genanki.guid_for(BETA.id)  # the oldest left: the next oldest's GUID
    renamed = replace(ALPHA, id="what-is-rag-new", aliases=(ALPHA.id,))
    assert guid(renamed, BETA) == alone  # an id that changed keeps its first id's GUID


def test_parallel_conversion_gives_the_same_cards_as_serial(monkeypatch):
    from generator.pipeline import gather
    from generator.publish import export as export_module

    corpus = gather(Path(__file__).resolve().parents[1])
    serial = export_module.cards(corpus)
    monkeypatch.setattr(safe_html, "PARALLEL_FROM", 0)
    monkeypatch.setattr(safe_html.os, "cpu_count", lambda: 2)
    assert export_module.cards(corpus) == serial
    assert any("<strong>B.</strong>" in c.question for c in serial)  # MCQ options on the front


def test_csv_fields_a_spreadsheet_would_run_as_formulas_are_inert():
    formula = '=HYPERLINK("http://evil.example","x")'
    card = export.Card("g", "<p>Q</p>", "<p>A</p>", formula, "-2+3+cmd", ("t",), "q")
    row = next(csv.reader(io.StringIO(export.csv_text([card]).splitlines()[-1])))
    assert row[3] == '&#61;HYPERLINK("http://evil.example","x")' and row[4] == "&#45;2+3+cmd"
    assert row[:3] == ["g", "<p>Q</p>", "<p>A</p>"]

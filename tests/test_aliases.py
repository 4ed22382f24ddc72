"""A question whose id changed (a cleaner reading of its title) keeps its former id as an
alias: curation naming the old id still acts on it, the Anki note keeps the old GUID, and
questions.json / study-index.json carry the alias so saved progress can follow it."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import genanki

from generator.config import Curation, load_content
from generator.explain import explain_question
from generator.ingest import clean
from generator.model import Draft, Line, Location, Source, question_id
from generator.pipeline import assemble
from generator.publish import corpus_json, export
from generator.render.layout import plan

ROOT = Path(__file__).resolve().parents[1]
PATH = "content/sources/notes.md"
OLD_TITLE = "What is LoRA? [[src](https://example.org/lora)]"
OLD_ID = question_id("notes", OLD_TITLE)


def drafts() -> list[Draft]:
    def answer(no: int, text: str) -> tuple[Line, ...]:
        return (Line(no, text),)

    return [
        Draft(
            "What is LoRA?",
            Location(PATH, 3),
            answer(4, "LoRA trains low-rank adapter matrices next to frozen weights."),
            link="https://example.org/lora",
            former_titles=(OLD_TITLE,),
        ),
        Draft(
            "What is QLoRA?", Location(PATH, 6), answer(7, "QLoRA fine-tunes LoRA adapters on a 4-bit model.")
        ),
        Draft(
            "How does beam search work?",
            Location(PATH, 9),
            answer(10, "It keeps the k best partial outputs."),
        ),
    ]


def corpus_with(curation: Curation, raw: list[Draft] | None = None):
    questions, problems = clean.make_questions(raw or drafts(), "notes")
    content = replace(load_content(ROOT), curation=curation)
    return assemble(content, [Source("notes", PATH, "Notes")], questions, problems)


def lora(corpus):
    return next(q for q in corpus.questions if q.question == "What is LoRA?")


def test_the_former_title_id_is_an_alias():
    corpus = corpus_with(Curation())
    q = lora(corpus)
    assert q.id == question_id("notes", "What is LoRA?") != OLD_ID
    assert q.aliases == (OLD_ID,)


def test_curation_naming_the_former_id_acts_on_the_question():
    qlora = question_id("notes", "What is QLoRA?")
    corpus = corpus_with(
        Curation(pin={OLD_ID: "math-foundations"}, merge=((OLD_ID, qlora),), hide=frozenset())
    )
    q = lora(corpus)
    assert corpus.topic_of[q.id] == "math-foundations"
    assert corpus.group_of[q.id] == corpus.group_of[qlora]
    assert [p for p in corpus.problems if p.location.path == "content/curation.yml"] == []

    hidden = corpus_with(Curation(hide=frozenset({OLD_ID})))
    assert hidden.hidden == {lora(hidden).id}


def test_curation_split_naming_the_former_id_keeps_questions_apart():
    qlora = question_id("notes", "What is QLoRA?")
    corpus = corpus_with(Curation(merge=((OLD_ID, qlora),), split=((qlora, OLD_ID),)))
    assert lora(corpus).id not in corpus.group_of


def test_check_still_reports_ids_no_question_ever_had():
    corpus = corpus_with(Curation(hide=frozenset({OLD_ID, "gone-00000000"})))
    messages = [p.message for p in corpus.problems if p.location.path == "content/curation.yml"]
    assert messages == ["curation names unknown question id 'gone-00000000'"]


def test_an_alias_that_is_another_questions_id_or_claimed_twice_is_dropped():
    beam_id = question_id("notes", "How does beam search work?")
    raw = drafts()
    raw[0] = replace(raw[0], former_titles=(OLD_TITLE, "How does beam search work?"))
    raw[1] = replace(raw[1], former_titles=(OLD_TITLE,))
    corpus = corpus_with(Curation(), raw)
    assert [q.aliases for q in corpus.questions] == [(OLD_ID,), (), ()]
    assert beam_id == corpus.questions[2].id
    assert [str(p) for p in corpus.problems] == [
        f"{PATH}:6: warning: former id {OLD_ID!r} also belongs to {lora(corpus).id!r}; kept there"
    ]


def test_anki_note_keeps_the_guid_of_the_former_id():
    corpus = corpus_with(Curation())
    q = lora(corpus)
    cards = {c.qid: c for c in export.cards(corpus)}
    assert cards[q.id].guid == genanki.guid_for(OLD_ID) != genanki.guid_for(q.id)
    others = [c for c in cards.values() if c.qid != q.id]
    assert all(c.guid == genanki.guid_for(c.qid) for c in others)
    rows = [
        r for r in csv.reader(io.StringIO(export.csv_text(list(cards.values())))) if not r[0].startswith("#")
    ]
    assert [r[0] for r in rows if "LoRA trains" in r[2]] == [genanki.guid_for(OLD_ID)]


def test_questions_json_and_study_index_carry_the_alias():
    corpus = corpus_with(Curation())
    layout = plan(corpus)
    records = {r["id"]: r for r in corpus_json.build(corpus, layout)["questions"]}
    q = lora(corpus)
    assert records[q.id]["aliases"] == [OLD_ID]
    assert all(r["aliases"] == [] for qid, r in records.items() if qid != q.id)
    index = json.loads(json.dumps(corpus_json.study_index(corpus, layout)))
    assert index["aliases"] == {OLD_ID: q.id}
    assert [q.id] in [row[1:] for row in index["entries"]]


def test_explain_finds_a_question_by_its_former_id():
    corpus = corpus_with(Curation())
    text = explain_question(corpus, OLD_ID)
    assert text.splitlines()[0] == f"{lora(corpus).id} (formerly {OLD_ID})"


def test_ids_of_chinese_titles_changed_in_version_2_and_keep_the_old_ones_as_aliases():
    # Version 1 hashed the ASCII fold alone, which empties Chinese: every such title of a
    # source shared one id, numbered in order (q-<hash>, q-<hash>-2). Progress saved
    # under those ids follows the questions through their aliases.
    titles = ["什么是过拟合？", "什么是梯度消失？", "什么是 RAG？"]
    asked = [Draft(t, Location(PATH, 2 * n), (Line(2 * n + 1, "答案。"),)) for n, t in enumerate(titles, 1)]
    found, _ = clean.make_questions(asked, "notes")
    shared = question_id("notes", titles[0], version=1)
    assert shared == question_id("notes", titles[1], version=1)  # what version 1 got wrong
    assert len({q.id for q in found}) == 3 and shared not in {q.id for q in found}
    assert [q.aliases for q in found[:2]] == [(shared,), (f"{shared}-2",)]
    assert found[2].aliases == (question_id("notes", titles[2], version=1),)  # "rag-…", once
    latin, _ = clean.make_questions([Draft("What is RAG?", Location(PATH, 1), (Line(2, "A."),))], "notes")
    assert latin[0].aliases == () and latin[0].id == question_id("notes", "What is RAG?", version=1)


def test_latin_letters_that_fold_to_nothing_are_hashed_on_the_text_too():
    # ß, ø, æ and ł have no ASCII decomposition: "Straße" folded to "strae" in version 1,
    # so "Straße" and "Strae" shared an id. Version 2 tells them apart; version 1 is an alias.
    titles = ["Was ist eine Straße?", "Was ist eine Strae?", "Hvad er Ærø?", "Qu'est-ce qu'un élève ?"]
    asked = [Draft(t, Location(PATH, 2 * n), (Line(2 * n + 1, "A."),)) for n, t in enumerate(titles, 1)]
    found, _ = clean.make_questions(asked, "notes")
    assert question_id("notes", titles[0], version=1) == question_id("notes", titles[1], version=1)
    assert len({q.id for q in found}) == 4
    assert found[0].aliases == (question_id("notes", titles[0], version=1),)
    assert found[2].aliases == (question_id("notes", titles[2], version=1),)
    shared = question_id("notes", titles[1])
    assert found[1].id == shared and found[1].aliases == (f"{shared}-2",)  # numbered in version 1
    assert found[3].aliases == () and found[3].id == question_id("notes", titles[3], version=1)

"""Question records in JSON, JSON Lines, CSV and TSV become questions (generator.ingest.convert)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.config import load_content
from generator.ingest.convert import csv_records, json_records, pick_converter
from generator.pipeline import read_source

ROOT = Path(__file__).resolve().parents[1]


def read(tmp_path: Path, name: str, data: bytes):
    """The questions and problems of one file, read as a build reads it."""
    sources = tmp_path / "content" / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    (tmp_path / "content" / "topics.yml").write_text((ROOT / "content" / "topics.yml").read_text())
    (sources / name).write_bytes(data)
    source, questions, problems = read_source(sources / name, load_content(tmp_path))
    return source, questions, [f"{p.location.line}: {p.message}" for p in problems]


QUIZ = {
    "title": "LLM quiz",
    "questions": [
        {"question": "What is a transformer?", "answer": "Attention.\n\n## Why\n\n```\n# code\n```"},
        {"Question": "Which optimizer adapts rates?", "Options": ["SGD", "Adam"], "Answer": "adam"},
        {"q": "Which search keeps k beams?", "choices": {"A": "Greedy", "B": "Beam"}, "correct": "(b)"},
        {"prompt": "Which is a tokenizer?", "choices": ["ReLU", "BPE", "Adam"], "answer": 1, "topic": "Text"},
        {"question": "What is BPE?", "correct_answer": "Byte pair", "incorrect_answers": ["Bit", "Beta"]},
        {"question": "Explain RLHF. [x]", "explanation": "Human preferences.", "difficulty": "Hard"},
        {"answer": "no question"},
    ],
}


def test_json_records_of_every_common_shape(tmp_path):
    text = json.dumps(QUIZ, indent=1)
    source, questions, problems = read(tmp_path, "quiz.json", text.encode())
    assert source.title == "LLM quiz"
    assert [(q.question, q.kind, q.correct, [c.text for c in q.choices]) for q in questions] == [
        ("What is a transformer?", "open", None, []),
        ("Which optimizer adapts rates?", "mcq", "B", ["SGD", "Adam"]),
        ("Which search keeps k beams?", "mcq", "B", ["Greedy", "Beam"]),
        ("Which is a tokenizer?", "mcq", "B", ["ReLU", "BPE", "Adam"]),  # an index counts from 0
        ("What is BPE?", "mcq", "C", ["Beta", "Bit", "Byte pair"]),  # OpenTDB: sorted options
        ("Explain RLHF. \\[x\\]", "open", None, []),
    ]
    # A heading inside an answer is no question: it is bold text, except in code.
    assert questions[0].answer == "Attention.\n\n**Why**\n\n```\n# code\n```"
    assert (questions[3].section, questions[5].difficulty, questions[5].answer) == (
        "Text",
        "hard",
        "Human preferences.",
    )
    # Each question points at the line its record starts on; the one without a question is reported.
    lines = text.split("\n")
    assert [lines[q.location.line - 1].strip()[:2] for q in questions] == ["{"] * 6
    orphan = next(i for i, line in enumerate(lines) if '"no question"' in line)  # 0-based: its `{` line
    assert problems == [f"{orphan}: record has no question field (answer): skipped"]


def test_json_lines_and_a_bad_line(tmp_path):
    data = (
        b'{"prompt": "Explain RLHF.", "response": "Preferences."}\n'
        b"not json\n"
        b'{"q": "What is a token?", "a": "Text."}\n'
    )
    _, questions, problems = read(tmp_path, "chat.jsonl", data)
    assert [(q.question, q.answer, q.location.line) for q in questions] == [
        ("Explain RLHF.", "Preferences.", 1),
        ("What is a token?", "Text.", 3),
    ]
    assert problems == ["2: not a JSON line: Expecting value: line 1 column 1 (char 0): skipped"]


def test_fine_tuning_datasets_chat_turns_and_instructions(tmp_path):
    chats = [
        {
            "messages": [
                {"role": "system", "content": "Coach."},
                {"role": "user", "content": "What is RLHF?"},
                {"role": "assistant", "content": "Preference tuning."},
                {"role": "user", "content": "And DPO?"},
                {"role": "assistant", "content": [{"type": "text", "text": "No reward model."}]},
            ]
        },
        {
            "conversations": [
                {"from": "human", "value": "What is LoRA?"},
                {"from": "gpt", "value": "Low rank."},
            ]
        },
        {"messages": [{"role": "system", "content": "Only a system turn."}]},
    ]
    data = "\n".join(json.dumps(chat) for chat in chats).encode()
    _, questions, problems = read(tmp_path, "chats.jsonl", data)
    assert [(q.question, q.answer, q.location.line) for q in questions] == [
        ("What is RLHF?", "Preference tuning.", 1),
        ("And DPO?", "No reward model.", 1),
        ("What is LoRA?", "Low rank.", 2),
    ]
    assert [p for p in problems if p.startswith("3: record has no question")]  # reported, not lost
    alpaca = [
        {
            "instruction": "Classify the model as generative or discriminative.",
            "input": "Naive Bayes",
            "output": "Generative.",
        },
        {"instruction": "Summarise the abstract.", "input": "Line one.\nLine two.", "output": "A summary."},
        {"input": "What is top-p sampling?", "output": "Nucleus sampling."},
    ]
    data = "\n".join(json.dumps(record) for record in alpaca).encode()
    _, questions, _ = read(tmp_path, "alpaca.jsonl", data)
    assert [(q.question, q.answer) for q in questions] == [
        ("Classify the model as generative or discriminative: Naive Bayes", "Generative."),
        ("Summarise the abstract.", "> Line one.\n> Line two.\n\nA summary."),
        ("What is top-p sampling?", "Nucleus sampling."),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'[{"question": "Open?",\n "answer": "x"', "2: not readable JSON"),
        (b'{"name": "no records", "items": [1, 2]}', "1: no question records in this JSON"),
        (b"[" * 50_000 + b"]" * 50_000, "1: not readable JSON"),
    ],
)
def test_json_that_holds_no_records_is_an_error_at_its_line(tmp_path, data, message):
    _, questions, problems = read(tmp_path, "bad.json", data)
    assert questions == [] and any(p.startswith(message) for p in problems), problems


def test_csv_with_a_header_quoted_lines_and_option_columns(tmp_path):
    data = (
        b"Question;Option A;Option B;Option C;Correct answer;Category\n"
        b"Which search keeps k beams?;Greedy;Beam;Top-p;B;Decoding\n"
        b'"What is a logit?\nIn one line.";;;;;\n'
        b"Which is no optimizer?;SGD;Adam;ReLU;ReLU;Training\n"
    )
    _, questions, problems = read(tmp_path, "quiz.csv", data)
    assert [(q.question, q.kind, q.correct, q.section, q.location.line) for q in questions] == [
        ("Which search keeps k beams?", "mcq", "B", "Decoding", 2),
        ("What is a logit? In one line.", "prompt", None, "Decoding", 3),
        ("Which is no optimizer?", "mcq", "C", "Training", 5),
    ]
    assert [c.text for c in questions[0].choices] == ["Greedy", "Beam", "Top-p"]
    assert problems == ["3: question has an empty answer: 'What is a logit? In one line.'"]


def test_a_quote_never_closed_is_reported_where_it_opens(tmp_path):
    data = b'question,answer\nWhat is x?,"an answer\nWhat is y?,b\nWhat is z?,c\n'
    _, questions, problems = read(tmp_path, "open.csv", data)
    assert [q.question for q in questions] == ["What is x?"]
    assert problems == ["2: a quote opened here is never closed: lines 2–4 were read as one row"]
    # A quoted answer over several lines, with quotes inside it, is no problem.
    data = b'question,answer\nWhat is x?,"one\n""two""\nthree"\nWhat is y?,b\n'
    _, questions, problems = read(tmp_path, "fine.csv", data)
    assert [q.answer for q in questions] == ['one\n"two"\nthree', "b"] and problems == []


def test_an_anki_deck_exported_as_text_and_a_table_without_header(tmp_path):
    deck = (
        b"#separator:tab\n#html:true\nWhat is perplexity?\tExp of the loss.\nWhat is a logit?\tA raw score.\n"
    )
    _, questions, _ = read(tmp_path, "deck.txt", deck)
    assert [(q.question, q.answer, q.location.line) for q in questions] == [
        ("What is perplexity?", "Exp of the loss.", 3),
        ("What is a logit?", "A raw score.", 4),
    ]
    plain = (
        b"What is a token?\tA piece of text.\nWhat is BPE?\tA tokenizer.\nWhat is RoPE?\tRotary positions.\n"
    )
    assert pick_converter(plain, ".txt") is csv_records
    _, questions, _ = read(tmp_path, "cards.txt", plain)
    assert [q.answer for q in questions] == ["A piece of text.", "A tokenizer.", "Rotary positions."]


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        (b"Question, answer and explanation are below.\nWhat is a token?\nA piece of text.\n", ".txt"),
        (b"# Notes\n\n## What is a token?\n\nA piece, of text.\n", ".md"),
        (b"[Intro](x.md) and more\n", ".md"),
        (b'{"cells": [], "nbformat": 4, "question": "x"}', ".ipynb"),
        (b"a\tb\nc\n", ".txt"),
        (b'[Back](README.md)\n\n## What is X?\n\nSend `{"prompt": "x", "completion": "y"}`.\n', ".md"),
        (b"Question, Answer\n\nQ: What is a token?\nA: A unit.\nQ: What is BPE?\nA: A tokenizer.\n", ".txt"),
    ],
)
def test_documents_that_are_not_records_keep_their_readers(data, suffix):
    assert pick_converter(data, suffix) not in (csv_records, json_records)


def test_a_review_of_what_records_must_never_lose(tmp_path):
    """Each record read whole or reported: extra CSV cells, a header with punctuation, answers
    that name their option in other ways, nested values and escapes (a review's findings)."""
    data = b"No.,Question,Answer\n1,What is X?,It is a, b and c\n"
    _, questions, problems = read(tmp_path, "review.csv", data)
    assert [(q.question, q.answer) for q in questions] == [("What is X?", "It is a, b and c")]
    assert problems == ["2: row has 4 cells for 3 columns: the last ones are joined into the last column"]
    deep: object = "x"
    for _ in range(400):  # lists in lists: written as text past a depth, never a recursion error
        deep = [deep]
    quiz = [
        {"q": "Which search keeps k beams?", "options": ["Greedy", "Beam"], "answer": "B. Beam"},
        {"q": "Which one is adaptive?", "options": ["SGD", "Adam"], "answer": "2"},
        {"q": "Who wrote Hamlet?", "answers": ["Shakespeare", "William Shakespeare"]},
        {"q": "Capital of France?", "answers": {"text": ["Paris"], "answer_start": [0]}},
        {"q": "Which decodes?", "choices": [{"answer": "ReLU"}, {"answer": "Beam", "correct": True}]},
        {"q": "Deep?", "answer": deep},
        {"q": "What is \u001b[31mred\u202e?", "answer": "Colour."},
    ]
    text = json.dumps({"easy": quiz[:3], "hard": quiz[3:]}, indent=1)
    _, questions, problems = read(tmp_path, "review.json", text.encode())
    assert [(q.question, q.kind, q.correct, q.answer) for q in questions] == [
        ("Which search keeps k beams?", "mcq", "B", None),
        ("Which one is adaptive?", "mcq", None, "2"),  # kept, and reported below
        ("Who wrote Hamlet?", "open", None, "Shakespeare / William Shakespeare"),
        ("Capital of France?", "open", None, "Paris"),
        ("Which decodes?", "mcq", "B", None),
        ("Deep?", "open", None, questions[5].answer),  # checked below: past depth 20, as text
        ("What is \\[31mred?", "open", None, "Colour."),
    ]
    assert (questions[5].answer or "").startswith("- - - ") and "[[['x']]]" in (questions[5].answer or "")
    assert any("'2' names none of the options" in p for p in problems)
    assert any("escaped control characters removed" in p for p in problems)


@pytest.mark.parametrize(
    "answer",
    [
        "```python\nx = 1",  # a fence never closed
        "<!-- a note never closed",
        "<pre>\ncode never closed",
        "Intro\n---\nmore",  # a setext underline
        "text\r### Q9. Injected?\rmore",  # a carriage return markdown-it reads as a line break
        "```print(x)``` prints.\n\n## Why\n\nBecause.",  # inline code, then a heading
    ],
)
def test_nothing_in_an_answer_ends_its_record_or_opens_another(tmp_path, answer):
    records = [{"question": "What is one?", "answer": answer}, {"question": "What is two?", "answer": "Two."}]
    _, questions, _ = read(tmp_path, "safe.json", json.dumps(records).encode())
    assert [q.question for q in questions] == ["What is one?", "What is two?"]
    assert questions[1].answer == "Two." and questions[0].answer


def test_records_are_cited_by_their_own_number_and_group_name_only(tmp_path):
    # A record's label was its place in the file ("Q3"), a number the file never prints; the
    # name of a group of records (`{"name": "Statistics", "questions": [...]}`) was lost.
    data = {
        "title": "ML quiz",
        "categories": [
            {"name": "Statistics", "questions": [{"q": "What is a p-value?", "a": "A tail probability."}]},
            {
                "name": "Deep learning",
                "questions": [
                    {"id": 7, "q": "What is dropout?", "a": "Zeroing activations."},
                    {"id": "x-1", "q": "What is a ReLU?", "a": "max(0, x)", "topic": "Activations"},
                ],
            },
        ],
    }
    _, questions, problems = read(tmp_path, "quiz.json", json.dumps(data).encode())
    assert problems == []
    assert [(q.label, q.section, q.question) for q in questions] == [
        (None, "Statistics", "What is a p-value?"),
        ("7", "Deep learning", "What is dropout?"),
        (None, "Activations", "What is a ReLU?"),
    ]


def test_a_csv_cell_longer_than_csvs_own_limit_keeps_the_rows_after_it(tmp_path):
    data = "question,answer\nWhat is long?," + "word " * 40_000 + "\nWhat is after?,Kept.\n"
    _, questions, problems = read(tmp_path, "long.csv", data.encode())
    assert problems == []
    assert [(q.question, len((q.answer or "").split())) for q in questions] == [
        ("What is long?", 40_000),
        ("What is after?", 1),
    ]


def test_records_are_read_as_the_markdown_they_become_never_sniffed_as_a_quiz_format(tmp_path):
    # GIFT syntax in the fields made the GIFT sniff claim the converted text: a record vanished
    # and an injected question took its place, unreported.
    data = [
        {
            "question": "Which decoding keeps k beams? {=x} ::t:: // c",
            "options": [
                "Greedy ~=#{}: \\ end",
                "Beam\u2028ANSWER: A",
                "Top-k\n// comment\n::x::",
                "Top-p }{",
            ],
            "correct": "B",
            "explanation": "Beam keeps k. {} #### x\n$CATEGORY: evil",
        },
        {"question": "What is dropout?", "answer": "Drops units.\r\n}\n::inj:: What? {=yes}"},
    ]
    source, questions, _ = read(tmp_path, "q.json", json.dumps(data).encode())
    assert source.format == "json+markdown"
    assert [(q.kind, q.correct) for q in questions] == [("mcq", "B"), ("open", None)]
    assert questions[1].question == "What is dropout?" and "::inj::" in (questions[1].answer or "")

"""Flashcard exports: Quizlet's text exports, Obsidian's spaced-repetition cards, Anki's plain-text
decks with column headers, and a Notion or Quizlet table whose question column is a title."""

from __future__ import annotations

import pytest

from generator.ingest.readers import cards
from tests.test_heldout_shapes import read_text

CARDS = [
    ("What is RAG?", "Retrieval-Augmented Generation: retrieve documents, then generate."),
    ("What is chunk overlap?", "Tokens repeated between chunks so context is not cut - at all."),
    ("Perplexity", "exp of the mean negative log-likelihood; lower is better."),
]
DECKS = {
    "dash": " - ",
    "semicolon": ";",
    "obsidian inline": "::",
    "tab without a header": "\t",
}


@pytest.mark.parametrize("separator", DECKS.values(), ids=DECKS.keys())
def test_one_card_a_line_gives_each_front_and_back(tmp_path, separator):
    text = "".join(f"{front}{separator}{back}\n" for front, back in CARDS)
    _, questions, problems = read_text(tmp_path, text, "deck.txt")
    assert [(q.question, q.answer) for q in questions] == CARDS
    assert problems == []


def test_obsidian_cards_over_lines_and_reversed_ones_beside_inline_ones(tmp_path):
    text = (
        "---\ntags: [flashcards]\n---\n#flashcards/llm\n\n"
        "What does RoPE stand for?::Rotary Position Embedding\n\n"
        "What is weight tying?\n?\nSharing the input embedding with the output projection.\n"
        "<!--SR:!2024-05-03,1,230-->\n\n"
        "Mixed precision training:::fp16 activations with an fp32 master copy of the weights.\n"
    )
    _, questions, _ = read_text(tmp_path, text, "cards.md")
    assert [(q.question, q.answer) for q in questions] == [
        ("What does RoPE stand for?", "Rotary Position Embedding"),
        ("What is weight tying?", "Sharing the input embedding with the output projection."),
        ("Mixed precision training", "fp16 activations with an fp32 master copy of the weights."),
    ]


def test_prose_with_a_few_dashes_is_not_a_deck():
    text = "# Notes\n\nAttention - the core idea.\n\nIt weighs every token.\nThen it sums values.\n\n"
    text += "- a list item - with a dash\n- another - one\n"
    assert not cards.matches(text)


def test_anki_column_headers_keep_tags_and_decks_out_of_the_answer(tmp_path):
    text = (
        "#separator:tab\n#html:true\n#deck column:1\n#tags column:4\n"
        "LLM::Alignment\tWhat does RLHF stand for?\tReinforcement Learning from Human Feedback\tllm rl\n"
        "LLM::Alignment\tWhat is DPO?\tDirect Preference Optimization\tllm\n"
    )
    _, questions, problems = read_text(tmp_path, text, "deck.txt")
    assert [(q.question, q.answer, q.section) for q in questions] == [
        ("What does RLHF stand for?", "Reinforcement Learning from Human Feedback", "LLM::Alignment"),
        ("What is DPO?", "Direct Preference Optimization", "LLM::Alignment"),
    ]
    assert problems == []


def test_a_table_whose_question_column_is_named_name_or_term(tmp_path):
    text = (
        "Name,Answer,Topic,Created\n"
        '"What is attention?","A weighted sum of values.",Transformers,"March 3, 2024"\n'
        '"What is RLAIF?","RL from AI feedback.",Alignment,"March 5, 2024"\n'
    )
    _, questions, problems = read_text(tmp_path, text, "notion.csv")
    assert [(q.question, q.answer, q.section) for q in questions] == [
        ("What is attention?", "A weighted sum of values.", "Transformers"),
        ("What is RLAIF?", "RL from AI feedback.", "Alignment"),
    ]
    assert problems == []
    _, terms, _ = read_text(tmp_path, "Term,Definition\nLogit,A raw score\nToken,A piece of text\n", "t.csv")
    assert [(q.question, q.answer) for q in terms] == [("Logit", "A raw score"), ("Token", "A piece of text")]

"""Chat transcripts: each speaker named on a line of its own, the turn below it. The asking
turn is the question and the reply its answer; a prompt that asks for questions is a request
whose reply holds the questions."""

from __future__ import annotations

import json

import pytest

from generator.ingest.load import load_document
from tests.test_heldout_shapes import read_text

TURNS = [
    ("What is positional encoding?", "Self-attention cannot tell token order, so position is added."),
    ("Explain multi-head attention in one paragraph.", "Several attention operations run in parallel."),
    ("what is model quantization", "Weights are stored at lower precision, such as 4-bit integers."),
]
SPEAKERS = {
    "exporter headings": ("## Prompt:", "## Response:"),
    "role headings": ("### User", "### Assistant"),
    "named headings": ("#### You:", "#### ChatGPT:"),
    "claude headings": ("## Human", "## Claude"),
    "bold lines": ("**You:**", "**ChatGPT:**"),
    "said lines": ("You said:", "ChatGPT said:"),
}


def _transcript(asker: str, replier: str) -> str:
    turns = "".join(f"{asker}\n\n{ask}\n\n{replier}\n\n{reply}\n\n" for ask, reply in TURNS)
    return f"# Transformer interview prep\n\n{turns}"


@pytest.mark.parametrize(("asker", "replier"), SPEAKERS.values(), ids=SPEAKERS.keys())
def test_each_prompt_is_a_question_and_the_reply_its_answer(tmp_path, asker, replier):
    _, questions, problems = read_text(tmp_path, _transcript(asker, replier))
    assert [(q.question, q.answer) for q in questions] == TURNS
    assert problems == []


def test_a_reply_keeps_its_own_headings_lists_and_tables(tmp_path):
    reply = "### Definition\n\nRAG adds retrieved text to the prompt.\n\n- less made up\n- fresh facts\n"
    text = f"**You:**\n\nWhat is RAG?\n\n**ChatGPT:**\n\n{reply}\n**You:**\n\nIs it fine-tuning?\n\n"
    _, questions, _ = read_text(tmp_path, text + "**ChatGPT:**\n\nNo: the weights stay as they are.\n")
    assert [q.question for q in questions] == ["What is RAG?", "Is it fine-tuning?"]
    assert "RAG adds retrieved text to the prompt." in questions[0].answer
    assert "- fresh facts" in questions[0].answer


def test_a_request_for_questions_leaves_the_questions_of_the_reply(tmp_path):
    text = (
        "## Prompt:\n\nGive me interview questions about LLM evaluation with short answers\n\n"
        "## Response:\n\nHere are some:\n\n"
        "1. **What is MMLU?**\n   - **Answer:** A benchmark of 57 subjects.\n\n"
        "2. **Why is BLEU poor for open-ended generation?**\n   - **Answer:** It rewards n-gram overlap.\n\n"
        "## Prompt:\n\nWhat is perplexity?\n\n## Response:\n\nExponentiated mean negative log-likelihood\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    titles = [q.question for q in questions]
    assert "What is MMLU?" in titles
    assert "Why is BLEU poor for open-ended generation?" in titles
    assert not any(title.startswith(("Give me", "Prompt", "Response")) for title in titles)


def test_speaker_names_and_the_chat_page_buttons_leave_the_answers(tmp_path):
    text = (
        "**User:** What is LoRA?\n\n**ChatGPT:** Low-rank update matrices on frozen weights.\n\nDislike\n\n"
        "**User:** What is QLoRA?\n\n**ChatGPT:** LoRA on a 4-bit base model.\n\n"
        "Is this conversation helpful so far?\n"
    )
    _, questions, _ = read_text(tmp_path, text, "chat.txt")
    assert [(q.question, q.answer) for q in questions] == [
        ("What is LoRA?", "Low-rank update matrices on frozen weights."),
        ("What is QLoRA?", "LoRA on a 4-bit base model."),
    ]


def test_a_mock_interview_where_the_assistant_asks_keeps_your_answers(tmp_path):
    text = (
        "ChatGPT said:\nLet's start. Question 1: Can you explain how self-attention works?\n\n"
        "You said:\nEach token is projected to a query, a key and a value, and the weights come from "
        "scaled dot products of the query with every key.\n\n"
        "ChatGPT said:\nGood. Question 2: What problem does RoPE solve?\n\n"
        "You said:\nIt rotates queries and keys so that their dot product depends on relative position.\n"
    )
    _, questions, _ = read_text(tmp_path, text, "interview.txt")
    assert [q.answer.split(",")[0] for q in questions] == [
        "Each token is projected to a query",
        "It rotates queries and keys so that their dot product depends on relative position.",
    ]


def test_question_and_answer_headings_that_alternate_once_are_not_a_transcript(tmp_path):
    text = "# Notes\n\n## What is dropout?\n\nRandomly zeroing activations.\n\n## Answer\n\nSee above.\n"
    _, questions, _ = read_text(tmp_path, text)
    assert [q.question for q in questions] == ["What is dropout?"]


QUIZ_ROUND = """Q1. Which model is decoder-only?
A) BERT
B) T5
C) GPT-3
✅ Answer: C) GPT-3

Q2. In BERT pre-training, what fraction of tokens is masked?
A) 5%
B) 15%
C) 50%
✅ Answer: B — 15% of tokens are selected for masking.
"""


def test_a_quiz_round_reads_answers_after_a_check_mark_and_keeps_their_explanation(tmp_path):
    _, questions, problems = read_text(tmp_path, QUIZ_ROUND, "quiz.txt")
    assert [(q.correct, q.answer) for q in questions] == [
        ("C", None),
        ("B", "15% of tokens are selected for masking."),
    ]
    assert problems == []


def test_an_answer_line_that_repeats_its_option_adds_no_explanation(tmp_path):
    text = "# Quiz\n\n## 1. Which is decoder-only?\n\n- A) BERT\n- B) GPT-3\n- C) T5\n\nAnswer: B) GPT-3\n"
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.correct, q.answer) for q in questions] == [("B", None)]


def _node(key, role, text, parent, children, hidden=False):
    message = {
        "id": key,
        "author": {"role": role},
        "content": {"content_type": "text", "parts": [text]},
        "metadata": {"is_visually_hidden_from_conversation": True} if hidden else {},
    }
    return {"id": key, "message": message, "parent": parent, "children": children}


def _chatgpt_export() -> list:
    """Two conversations; in the first the reply was regenerated, and the export's current
    branch is the second reply."""
    first = {
        "root": {"id": "root", "message": None, "parent": None, "children": ["sys"]},
        "sys": _node("sys", "system", "", "root", ["u1"], hidden=True),
        "u1": _node("u1", "user", "What is hybrid search?", "sys", ["a1", "a2"]),
        "a1": _node("a1", "assistant", "An old reply.", "u1", []),
        "a2": _node("a2", "assistant", "## Short answer\n\nBM25 and dense scores, fused.", "u1", ["u2"]),
        "u2": _node("u2", "user", "What is RRF?", "a2", ["a3"]),
        "a3": _node("a3", "assistant", "Reciprocal rank fusion: sum of 1/(k + rank).", "u2", []),
    }
    second = {
        "r": {"id": "r", "message": None, "parent": None, "children": ["q"]},
        "q": _node("q", "user", "What does pass@k measure?", "r", ["b"]),
        "b": _node("b", "assistant", "The chance that one of k samples passes the tests.", "q", []),
    }
    return [
        {"title": "RAG prep", "mapping": first, "current_node": "a3"},
        {"title": "Evaluation", "mapping": second},
    ]


def test_a_chatgpt_export_reads_the_current_branch_one_section_a_conversation(tmp_path):
    _, questions, problems = read_text(tmp_path, json.dumps(_chatgpt_export()), "conversations.json")
    assert [(q.question, q.section) for q in questions] == [
        ("What is hybrid search?", "RAG prep"),
        ("What is RRF?", "RAG prep"),
        ("What does pass@k measure?", "Evaluation"),
    ]
    assert "An old reply" not in questions[0].answer
    assert "BM25 and dense scores, fused." in questions[0].answer
    assert questions[2].answer == "The chance that one of k samples passes the tests."
    assert problems == []
    page = f"<!DOCTYPE html><html><body><script>var jsonData = {json.dumps(_chatgpt_export())};</script>"
    _, from_html, _ = read_text(tmp_path, page + "</body></html>", "chat.html")
    assert [q.question for q in from_html] == [q.question for q in questions]


def test_a_claude_export_reads_each_human_turn_as_a_question(tmp_path):
    export = [
        {
            "name": "Safety",
            "chat_messages": [
                {"uuid": "1", "sender": "human", "text": "What is red-teaming?"},
                {"uuid": "2", "sender": "assistant", "text": "Probing a model with adversarial prompts."},
            ],
        }
    ]
    _, questions, _ = read_text(tmp_path, json.dumps(export), "claude.json")
    assert [(q.question, q.answer, q.section) for q in questions] == [
        ("What is red-teaming?", "Probing a model with adversarial prompts.", None)
    ]  # one conversation: its name is the page's title


def test_a_malformed_chat_export_is_reported_not_a_crash(tmp_path):
    node = {"message": {"author": "user", "content": "x"}, "children": "b"}
    broken = [{"title": "x", "mapping": {"a": "not a node", "b": node}}, {"chat_messages": {"sender": 1}}]
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    doc, problems = load_document(path, tmp_path, "chats")
    assert doc.lines == ()
    assert [str(p) for p in problems] == ["conversations.json:1: error: no chat messages in this export"]

"""Tokens written like tags (`<s>`, `</s>`, `<mask>`) are words of LLM material: they stay
visible in titles and answers, and a title that used to lose them keeps its old id as an alias."""

from __future__ import annotations

import html

import pytest

from generator.ingest import clean
from generator.ingest.readers import read_source_document
from generator.ingest.sanitize import sanitize_markdown
from generator.model import question_id
from tests.support.docs import doc_of

MARKDOWN = """# LLM tokens

## 1. What is the role of the <mask> token in BERT?

Masked tokens are predicted from both sides.

## 2. What does <s> mean in Llama prompts?

The BOS token <s> starts a sequence and </s> ends it; <b>bold</b> stays bold.
"""
NUMBERED = """Q1. What are the special tokens of Llama 2?
Ans - The BOS token <s> starts a sequence and </s> ends it. Use <pad> for padding.

Q2. Why does BERT mask words?
Ans - To learn from both sides.
"""


def questions(text: str, path: str):
    reading = read_source_document(doc_of(text, path))
    return clean.make_questions(reading.drafts, "notes")[0]


def shown(markdown: str) -> str:
    return html.unescape(markdown)


def test_markdown_titles_keep_tag_like_tokens_and_their_former_ids():
    first, second = questions(MARKDOWN, "notes.md")
    assert shown(first.question) == "What is the role of the <mask> token in BERT?"
    assert shown(second.question) == "What does <s> mean in Llama prompts?"
    # What builds before this change called them: learners' progress hangs on those ids.
    assert question_id("notes", "What is the role of the token in BERT?") in first.aliases
    assert question_id("notes", "What does mean in Llama prompts?") in second.aliases


@pytest.mark.parametrize(("text", "path", "index"), [(MARKDOWN, "notes.md", 1), (NUMBERED, "notes.txt", 0)])
def test_answers_keep_bos_and_eos_tokens(text, path, index):
    answer = shown(questions(text, path)[index].answer or "")
    assert "The BOS token <s> starts a sequence and </s> ends it" in answer


def test_real_markup_around_the_tokens_is_still_markup():
    assert sanitize_markdown("<b>bold</b> and <s>") == "<b>bold</b> and &lt;s&gt;"
    assert "<s" not in sanitize_markdown('<s onclick="x()">struck</s>').replace("&lt;s&gt;", "")

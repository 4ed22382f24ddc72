"""Markers a source repeats before its questions or answers are dropped from titles and
answers (generator.markers); a marker on one question only is the question's own text."""

from __future__ import annotations

from generator.ingest.clean import make_questions
from generator.ingest.markers import strip_markers
from generator.ingest.readers import labelled, prose
from generator.model import Draft, Line, Location, question_id
from tests.test_readers_quiz_formats import text_doc


def draft(question: str, *answer: str) -> Draft:
    return Draft(question, Location("x.txt", 1), tuple(Line(i, t) for i, t in enumerate(answer, 2)))


def test_emoji_markers_on_every_question_and_answer_are_dropped():
    drafts = strip_markers(
        [
            draft("❓ What is RAG?", "✅ Retrieval, then generation."),
            draft("❓ What is a vector store?", "✅ An embedding index."),
        ]
    )
    assert [d.question for d in drafts] == ["What is RAG?", "What is a vector store?"]
    assert [d.answer[0].text for d in drafts] == ["Retrieval, then generation.", "An embedding index."]


def test_speaker_labels_of_a_transcript_are_dropped():
    drafts = strip_markers(
        [
            draft("Interviewer: What is a convolution?", "Candidate: A sliding dot product."),
            draft("Interviewer: Why pool?", "Candidate: To downsample.", "It also adds some invariance."),
        ]
    )
    assert [d.question for d in drafts] == ["What is a convolution?", "Why pool?"]
    assert [[line.text for line in d.answer] for d in drafts] == [
        ["A sliding dot product."],
        ["To downsample.", "It also adds some invariance."],
    ]


def test_a_label_on_one_question_of_many_is_its_own_text():
    drafts = [
        draft("Python: what is the GIL?", "A lock."),
        draft("What is a decorator?", "A wrapper."),
        draft("What is a generator?", "A lazy iterator."),
    ]
    assert strip_markers(drafts) == drafts


def test_a_stripped_title_keeps_its_old_id_as_an_alias():
    drafts = [draft("❓ What is RAG?", "Retrieval."), draft("❓ What is chunking?", "Splitting.")]
    questions, _ = make_questions(drafts, "notes")
    assert questions[0].question == "What is RAG?"
    old = question_id("notes", "❓ What is RAG?")
    assert questions[0].id == old or old in questions[0].aliases


def test_a_bold_labelled_question_loses_the_label_s_closing_bold():
    text = "**Q: What is a VAE?**\n**A:** A prior on the code.\n\n**Q: What is a GAN?**\n**A:** Two nets.\n"
    drafts, _ = labelled.read(text_doc(text))
    assert [d.question for d in drafts] == ["What is a VAE?", "What is a GAN?"]


def test_keycap_numbers_are_the_questions_numbers_and_arrows_mark_answers():
    # A LinkedIn post from a review: "1️⃣ What …?" / "→ Answer", numbered on through 🔟.
    drafts = strip_markers(
        [
            draft("1\ufe0f\u20e3 What is speculative decoding?", "→ A draft model proposes tokens."),
            draft("2\ufe0f\u20e3 Explain mixture of experts.", "→ A router picks experts."),
            draft("\U0001f51f Why RAG?", "→ Grounding."),
        ]
    )
    assert [(d.question, d.label) for d in drafts] == [
        ("What is speculative decoding?", "1"),
        ("Explain mixture of experts.", "2"),
        ("Why RAG?", "10"),
    ]
    assert [d.answer[0].text for d in drafts] == [
        "A draft model proposes tokens.",
        "A router picks experts.",
        "Grounding.",
    ]
    assert drafts[0].former_titles == ("1\ufe0f\u20e3 What is speculative decoding?",)


def test_a_keycap_imperative_line_is_a_prose_question():
    doc = text_doc("1\ufe0f\u20e3 What is RAG?\nRetrieval.\n\n2\ufe0f\u20e3 Explain chunking.\nSplitting.\n")
    drafts, _ = prose.read(doc)
    assert [d.question for d in strip_markers(drafts)] == ["What is RAG?", "Explain chunking."]


def test_a_quiz_exports_counter_is_the_label_and_the_old_title_an_alias():
    drafts = [
        Draft(
            "Question 1 of 3 What does softmax output?", Location("q.txt", 3), (Line(4, "Probabilities."),)
        ),
        Draft("**Q2/3:** Which norm works per example?", Location("q.txt", 9), (Line(10, "LayerNorm."),)),
        Draft("Question 3 of 3", Location("q.txt", 12), (Line(13, "Alone: the question is below."),)),
        Draft("Questions 4 of them?", Location("q.txt", 15), (Line(16, "No counter."),)),
    ]
    out = strip_markers(drafts)
    assert [(d.question, d.label) for d in out] == [
        ("What does softmax output?", "1"),
        ("Which norm works per example?", "2"),
        ("Question 3 of 3", None),
        ("Questions 4 of them?", None),
    ]
    assert out[0].former_titles == ("Question 1 of 3 What does softmax output?",)

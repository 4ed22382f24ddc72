"""Drafts to clean Questions: answer Markdown, kinds, math flag, sanitising."""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest.clean import make_questions, strip_junk
from generator.ingest.markdown_fix import join_blocks, repair_bold, to_markdown
from generator.ingest.readers import numbered, outline, prose, question_list
from generator.model import Choice, Document, Draft, Line, Location

HERE = Location("s.txt", 1)


def lines(text: str, start: int = 2) -> tuple[Line, ...]:
    return tuple(Line(n, t) for n, t in enumerate(text.split("\n"), start=start))


def md(text: str) -> str:
    return join_blocks(to_markdown(lines(text)))


def one(answer: str = "", **extra) -> tuple:
    questions, problems = make_questions(
        [Draft("What is it?", HERE, lines(answer) if answer else (), **extra)], "s"
    )
    return questions[0], [str(p) for p in problems]


def test_lines_without_blank_lines_become_paragraphs_and_lists():
    assert md("First paragraph.\nSecond paragraph:\n- one\n- two\nClosing words.") == (
        "First paragraph.\n\nSecond paragraph:\n\n- one\n- two\n\nClosing words."
    )


def test_short_items_after_a_colon_item_are_nested():
    assert md(
        "- Architecture: parallel.\n- Key components:\n- Encoder-Decoder structure\n- Positional encodings\n"
        "- Self-attention: relates tokens."
    ) == (
        "- Architecture: parallel.\n- Key components:\n    - Encoder-Decoder structure\n"
        "    - Positional encodings\n- Self-attention: relates tokens."
    )


def test_indented_bullets_keep_their_depth():
    assert md("- top\n  - inner\n- top again") == "- top\n    - inner\n- top again"


def test_broken_bold_labels_are_repaired():
    assert repair_bold("Rehearsal methods:** These involve retraining.") == (
        "**Rehearsal methods:** These involve retraining."
    )
    assert md("- 1. Rehearsal methods:** These involve retraining.\n- 2. EWC:** Protects weights.") == (
        "1. **Rehearsal methods:** These involve retraining.\n2. **EWC:** Protects weights."
    )
    assert repair_bold("**Fine:** already bold") == "**Fine:** already bold"


def test_blocks_between_numbered_items_belong_to_the_item_before():
    text = "1. Language Models -\n\nTasks: translation\n\n2. Vision Models -\n\nTasks: detection"
    assert md(text) == (
        "1. Language Models -\n\n    Tasks: translation\n\n2. Vision Models -\n\n    Tasks: detection"
    )
    html = markdown.markdown(md(text))
    assert html.count("<li>") == 2 and "<ol>" in html and html.count("<ol>") == 1


def test_a_sentence_broken_across_lines_is_joined():
    assert md("- **Context:** static. Traditional\n\n \nmodels use static embeddings.") == (
        "- **Context:** static. Traditional models use static embeddings."
    )


def test_markdown_with_structure_is_left_alone():
    text = "Intro:\n\n```python\nx = 1\n\n\n\ny = 2\n```\n\n| a | b |\n| --- | --- |"
    assert md(text) == text.replace("\n\n\n\n", "\n\n")


def test_kind_open_prompt_and_mcq():
    assert one("An answer.")[0].kind == "open"
    assert one()[0].kind == "prompt"
    question, _ = one(choices=(Choice("A", "x"), Choice("B", "y")), correct="B")
    assert (question.kind, question.correct, question.answer) == ("mcq", "B", None)


def test_answer_left_empty_by_junk_is_warned():
    question, problems = one("The Cycle of Prompt Engineering")
    assert question.kind == "open" and question.answer == "The Cycle of Prompt Engineering"
    question, problems = one("   \n ")
    assert question.kind == "prompt" and problems == ["s.txt:1: warning: question has an empty answer"]


def test_a_caption_after_the_prose_is_dropped():
    question, _ = one(
        "Prompt engineering is especially useful in zero-shot and few-shot learning scenarios.\n\n"
        "The Cycle of Prompt Engineering"
    )
    assert (
        question.answer
        == "Prompt engineering is especially useful in zero-shot and few-shot learning scenarios."
    )


def test_math_flag_and_unbalanced_dollar_warning_with_line():
    question, problems = one("Scaling by \\sqrt{d_k} keeps values small.")
    assert question.math and question.answer == "Scaling by $\\sqrt{d_k}$ keeps values small."
    question, problems = one("It costs $5 per month.\nThe sign $ alone is odd.")
    assert not question.math
    assert problems == ["s.txt:3: warning: unbalanced $ in the answer: shown as a literal dollar"]


def test_answers_and_choices_are_sanitised_and_questions_escaped():
    question, _ = one("Safe <b>bold</b><script>alert(1)</script> and [x](javascript:alert(1))")
    assert "<script" not in question.answer and "javascript:(" not in question.answer.replace("\\", "")
    questions, _ = make_questions(
        [
            Draft(
                "What is <img src=x onerror=alert(1)>?",
                HERE,
                choices=(Choice("A", "<script>x</script>ok"),),
                correct="A",
            )
        ],
        "s",
    )
    assert "onerror" not in questions[0].question and questions[0].choices[0].text == "ok"


def test_curly_quotes_and_wording_are_kept():
    question, _ = one("The paper “Attention Is All You Need” isn’t new.")
    assert question.answer == "The paper “Attention Is All You Need” isn’t new."


def test_answer_renders_with_arithmatex():
    question, _ = one(
        "The loss is:\n$$L = -\\sum_i y_i \\log(\\hat{y}_i)$$\nWhere y_i is the label and it costs $5."
    )
    html = markdown.markdown(
        question.answer,
        extensions=["pymdownx.arithmatex"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )
    assert '<div class="arithmatex">' in html and '<span class="arithmatex">\\(y_i\\)</span>' in html
    assert "costs $5." in html


PIECES = [
    "Q1. What?",
    "Ans - yes",
    "A. x",
    "Answer: A. x",
    "- Topic:",
    "- text",
    "Answers",
    "1. **Why?**",
    "   - How?",
    "### **Part:**",
    "What is it?",
    "$5 and $",
    "\\frac{a}{b}",
    "```",
    "| a |",
    "better",
    "accuracy",
    "",
    "Image Source: x",
    "Final Words",
    "<h3 class='x'>T",
    "- 1. Label:** text",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=40))
def test_any_text_through_every_plain_text_reader_raises_nothing(parts):
    doc = Document(
        "h.txt", "h", tuple(Line(n, t) for n, t in enumerate("\n".join(parts).split("\n"), start=1))
    )
    doc, _ = strip_junk(doc)
    for reader in (numbered, outline, question_list, prose):
        drafts, problems = reader.read(doc)
        questions, more = make_questions(drafts, "h")
        assert len(questions) == len(drafts)
        assert all(str(p).startswith("h.txt:") for p in problems + more)


def test_a_short_title_before_prose_becomes_a_bold_subheading():
    prose = "LoRA adds trainable low-rank matrices to frozen layers, so few parameters change."
    assert md(f"Two methods exist.\n\nLoRA (Low-Rank Adaptation)\n\n{prose}") == (
        f"Two methods exist.\n\n**LoRA (Low-Rank Adaptation)**\n\n{prose}"
    )
    assert md("Some common examples\n\n- Learning rate") == "Some common examples\n\n- Learning rate"
    assert md(f"Classify existing data\n\n{prose}").startswith("Classify existing data\n\n")


def test_same_question_twice_in_one_source_gets_distinct_ids_and_a_warning():
    drafts = [
        Draft("What is RAG?", Location("s.txt", 1), (Line(2, "Retrieval."),)),
        Draft("What is RAG?", Location("s.txt", 5), (Line(6, "Again."),)),
    ]
    questions, problems = make_questions(drafts, "s")
    assert len({q.id for q in questions}) == 2
    assert questions[1].id == questions[0].id + "-2"
    assert [str(p.location) for p in problems] == ["s.txt:5"]
    assert "word for word" in problems[0].message


def test_a_first_answer_line_that_is_only_a_label_is_dropped():
    """A line reader takes every line under a question: "Answer" over the answer is its label."""
    for label in ("Answer", "**Answer:**", "Ans -", "A:", "  Solution.  "):
        q, problems = one(f"{label}\nSimple models underfit.")
        assert (q.answer, problems) == ("Simple models underfit.", []), label
    # A label with the answer after it is the answer's text as written; a lone label and no
    # answer leaves none (a practice prompt).
    assert one("Answer: B is right.\nBecause.")[0].answer.startswith("Answer: B is right.")
    assert one("**Answer:**")[0].answer is None
    assert one("Answers vary by task.")[0].answer == "Answers vary by task."


def test_an_answer_that_is_a_label_and_a_number_keeps_its_line():
    assert one("Answer 42")[0].answer == "Answer 42"

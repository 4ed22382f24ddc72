"""The numbered reader on small documents written for these tests (not the real sources)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest import clean
from generator.ingest.load import load_document
from generator.ingest.readers import numbered, pick_reader
from tests.support.docs import doc_of as _doc_of

ROOT = Path(__file__).parent / "fixtures" / "numbered"


def doc_of(text: str):
    return _doc_of(text, "t.txt")


def ingest(name: str):
    doc, _ = load_document(ROOT / name, ROOT, Path(name).stem)
    doc, _ = clean.strip_junk(doc)
    drafts, problems = numbered.read(doc)
    questions, more = clean.make_questions(drafts, doc.source_id)
    return doc, questions, [str(p) for p in problems + more]


def test_sniffs_q_numbered_documents_only():
    assert numbered.matches("Q1. What?\nAns - yes\nQ2. Why?\nAnswer: no")
    assert numbered.matches("Q1. Only one question\nwith text")
    assert not numbered.matches("Question 1 of the quiz\nEquation Q1 shows it")
    assert not numbered.matches("1. **What is X?**\n2. **What is Y?**")
    assert pick_reader((ROOT / "answer_styles_and_label_glitches.txt").read_text()) is numbered


def test_a_single_question_document_is_read_not_lost():
    drafts, problems = numbered.read(doc_of("Q1. What is a token?\nAns - A unit of text."))
    assert [(d.question, [line.text for line in d.answer]) for d in drafts] == [
        ("What is a token?", ["A unit of text."])
    ]
    assert problems == []


def test_every_answer_style_gives_the_answer_without_its_label():
    _, questions, _ = ingest("answer_styles_and_label_glitches.txt")
    answers = {q.question: q.answer for q in questions}
    assert answers["What is a spot instance?"] == (
        "A spot instance is spare capacity sold at a discount.\n\n"
        "It can be taken back with two minutes' notice."
    )
    assert answers["Why tag resources?"] == (
        "Tags let you split the bill by team.\n\n- Finance reads the tags.\n- Owners get alerts."
    )
    assert answers["What is egress?"] == "Egress is data leaving the provider, billed per gigabyte."
    assert answers["What is a savings plan?"].startswith("A commitment to spend")


def test_label_glitches_lose_and_merge_nothing():
    _, questions, problems = ingest("answer_styles_and_label_glitches.txt")
    assert [q.label for q in questions] == [
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "Q5",
        "Q6",
        "Q6",
        "Q7",
        "Q8",
        "Q9",
        "Q1o",
        "Q11",
    ]
    assert questions[8].question == "Explain chargeback."  # `Q8.Explain` without a space
    assert questions[6].answer == "A message sent when spend passes a threshold."
    path = "answer_styles_and_label_glitches.txt"
    assert f"{path}:21: warning: Q6 is numbered like the question at line 19; both are kept" in problems
    assert f"{path}:28: warning: question label Q1o read as Q10" in problems


def test_empty_answer_is_a_prompt_with_a_warning_and_last_line_needs_no_newline():
    _, questions, problems = ingest("answer_styles_and_label_glitches.txt")
    showback = next(q for q in questions if q.question == "What is showback?")
    assert (showback.kind, showback.answer) == ("prompt", None)
    assert "answer_styles_and_label_glitches.txt:23: warning: question has an empty answer" in problems
    assert questions[-1].answer == "Its answer has no newline at the end."


def test_prices_stay_dollars_not_math():
    _, questions, _ = ingest("answer_styles_and_label_glitches.txt")
    price = next(q for q in questions if q.label == "Q9")
    assert price.answer == r"About \$3,600 for 720 hours, or between \$10 and \$20 for a short test."
    assert not price.math


def test_mcq_choices_correct_letter_and_html_heading_sections():
    _, questions, problems = ingest("mcq_with_html_sections.txt")
    assert [(q.kind, q.section) for q in questions] == [
        ("open", "Storage Questions"),
        ("mcq", "Quiz on Storage"),
        ("mcq", "Quiz on Storage"),
        ("mcq", "Networking Quiz"),
    ]
    archive = questions[1]
    assert [c.letter for c in archive.choices] == ["A", "B", "C", "D"]
    assert archive.choices[2].text == "Glacier Deep Archive" and archive.correct == "C"
    assert questions[2].correct == "A" and questions[2].choices[0].text == "EBS"
    assert all("<h" not in (q.section or "") + q.question + (q.answer or "") for q in questions)
    assert questions[3].correct is None
    assert problems == ["mcq_with_html_sections.txt:19: warning: Q4: answer E is not one of the options"]


QUESTION_LOOKING = re.compile(r"^\s*Q\s?\d+[oOlI]?\s*[.):\-–]")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "Q1. What is A?",
                    "Q2.Explain B.",
                    "Q4o. Why?",
                    "Q3.",
                    "Q 5) What?",
                    "Ans - x",
                    "",
                    "A. one",
                    "B. two",
                    "Answer: B. two",
                    "<h3 class='x'>Part",
                    "### Part 2",
                    "Q7:",
                ]
            ),
            st.text(max_size=40),
        ),
        max_size=30,
    )
)
def test_any_text_no_exception_and_every_question_line_is_read_or_warned(lines):
    doc = doc_of("\n".join(lines))
    drafts, problems = numbered.read(doc)
    questions, more = clean.make_questions(drafts, "t")
    accounted = {d.location.line for d in drafts} | {p.location.line for p in problems + more}
    for line in doc.lines:
        if QUESTION_LOOKING.match(line.text) and "\n" not in line.text:
            assert line.no in accounted, line
    assert len(questions) == len(drafts)

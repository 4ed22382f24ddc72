"""labelled: `Question:`/`Answer:` blocks and `(a)`-`(d)` MCQs, on fixture documents written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest.clean import make_questions
from generator.ingest.load import load_document
from generator.ingest.readers import labelled, pick_reader, read_source_document
from generator.model import Choice, question_id
from tests.support.docs import answer_text
from tests.support.docs import doc_of as _doc_of
from tests.test_complexity import MAX_RATIO, measure

FIXTURES = Path(__file__).parent / "fixtures" / "labelled"
ROOT = Path(__file__).resolve().parents[1]
REAL_SOURCES = sorted((ROOT / "content" / "sources").iterdir())


def doc_of(text: str):
    return _doc_of(text, "set.txt")


def read_fixture():
    doc, _ = load_document(FIXTURES / "practice_set.txt", ROOT, "practice_set")
    assert labelled.matches(doc.text)
    return labelled.read(doc)


def test_questions_sections_and_lines():
    drafts, _ = read_fixture()
    assert [(d.question, d.section, d.location.line, d.label) for d in drafts] == [
        ("What is an embedding?", "Embeddings", 5, None),
        ("Why normalise embeddings before cosine search?", "Embeddings", 9, None),
        ("Which method freezes the base model and trains low-rank matrices?", "Adapters", 14, None),
        ("Which of these is a tokenizer algorithm?", "Adapters", 22, "4"),
        ("What does question-answering evaluation usually measure?", "Adapters", 29, None),
        ("What is left without an answer here?", "Adapters", 34, None),
    ]


def test_open_answers_run_until_the_next_question():
    drafts, _ = read_fixture()
    assert answer_text(drafts[0]) == (
        "A dense vector that represents a token, sentence or document.\n"
        "Similar meanings end up close together."
    )
    assert answer_text(drafts[1]).startswith("So a dot product equals cosine similarity")
    assert answer_text(drafts[4]) == "Question-answering evaluation usually measures exact match and F1."


def test_mcq_with_parenthesised_options_and_correct_answer_line():
    drafts, _ = read_fixture()
    mcq = drafts[2]
    assert mcq.choices == (
        Choice("A", "Full fine-tuning"),
        Choice("B", "Distillation"),
        Choice("C", "LoRA"),
        Choice("D", "Pruning"),
    )
    assert mcq.correct == "C"
    assert answer_text(mcq) == "LoRA adds trainable matrices $A$ and $B$ with $W = W_0 + BA$."


def test_mcq_with_letter_paren_options_and_answer_naming_the_option():
    drafts, _ = read_fixture()
    mcq = drafts[3]
    assert [c.letter for c in mcq.choices] == ["A", "B", "C", "D"]
    assert mcq.correct == "A" and mcq.answer == ()


def test_empty_answer_reported_with_its_line():
    _, problems = read_fixture()
    assert [(p.location.line, p.message) for p in problems] == [
        (34, "question has an empty answer: 'What is left without an answer here?'")
    ]


def test_correct_letter_that_is_not_an_option_is_reported():
    text = "Q: Pick one\n(a) x\n(b) y\nCorrect answer: (d)\nQ: Next?\nA: yes"
    drafts, problems = labelled.read(doc_of(text))
    assert drafts[0].correct is None
    assert {p.message for p in problems} == {
        "correct answer D is not one of the options",
        "multiple-choice question without a correct answer",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Question: What is A?\nAnswer: a",  # only one label
        "Q1. What is A?\nAnswer: a\nQ2. What is B?\nAnswer: b",  # numbered, not labelled
        "Question-answering is a task.\nQuestion - answering again.",
    ],
)
def test_matches_needs_two_question_labels(text):
    assert labelled.matches(text) is False


@pytest.mark.parametrize("path", REAL_SOURCES, ids=lambda p: p.name)
def test_real_sources_are_not_claimed(path):
    assert labelled.matches(path.read_text(encoding="utf-8")) is False


def test_labelled_fixture_picks_this_reader():
    assert pick_reader((FIXTURES / "practice_set.txt").read_text(encoding="utf-8")) is labelled


def test_bold_labels_after_a_blank_line_leave_the_answer_and_a_placeholder_is_a_prompt(tmp_path):
    path = tmp_path / "qa.md"
    path.write_text(
        "# Q&A\n\n**Question:** What is overfitting?\n\n"
        "**Answer:** Learning the noise of the training data.\n\n"
        "**Question:** Why normalise features?\n\n**Answer:** TBD\n",
        encoding="utf-8",
    )
    doc, _ = load_document(path, tmp_path, "qa")
    reading = read_source_document(doc)
    questions, _ = make_questions(reading.drafts, "qa")
    assert [(q.kind, q.answer) for q in questions] == [
        ("open", "Learning the noise of the training data."),
        ("prompt", None),
    ]


def test_mcq_options_after_code_or_a_table_the_question_shows():
    doc, _ = load_document(FIXTURES / "pasted_code_quiz.txt", ROOT, "pasted")
    reading = read_source_document(doc)
    questions, _ = make_questions(reading.drafts, "pasted")
    assert reading.reader == "labelled"
    assert [(q.question, q.kind, q.correct) for q in questions] == [
        ("What does this print?", "mcq", "B"),
        ("Which call shows the table below?", "mcq", "A"),
    ]
    first, second = questions
    # `python` / `Copy code` (pasted from a chat page) becomes a fenced block.
    assert first.stem == "```python\nscores = [0.2, 0.5]\nscores.append(scores.pop(0))\nprint(scores)\n```"
    assert [c.text for c in first.choices] == ["[0.2, 0.5]", "[0.5, 0.2]", "An IndexError"]
    assert first.answer == "pop(0) removes the first score and append puts it back at the end."
    assert "| 1    | 2.3  |" in (second.stem or "")


def test_worksheet_answers_code_comments_and_placeholders():
    doc, _ = load_document(FIXTURES / "worksheet_answers.md", ROOT, "worksheet")
    reading = read_source_document(doc)
    questions, _ = make_questions(reading.drafts, "worksheet")
    assert reading.reader == "labelled"
    assert [(q.label, q.kind) for q in questions] == [("1", "open"), ("2", "prompt"), ("3", "prompt")]
    first = questions[0].answer
    # `Answer 1 :` is a label, and `# keep ...` inside the code block is a comment, not a heading.
    assert first.startswith("It zeroes random activations")
    assert "# keep the scale: PyTorch divides by (1 - p) while training" in first
    assert "x = nn.Dropout(p=0.1)(x)" in first
    # What a worksheet leaves for the student is no answer.
    assert questions[1].answer is None and questions[2].answer is None


def test_numbered_answer_labels_are_labels():
    drafts, _ = labelled.read(
        doc_of(
            "Q1: What is recall?\nA1: Found positives over all positives.\n\n"
            "Q2: What is F1?\nA2: Their harmonic mean.\n"
        )
    )
    assert [(d.question, answer_text(d)) for d in drafts] == [
        ("What is recall?", "Found positives over all positives."),
        ("What is F1?", "Their harmonic mean."),
    ]


def test_a_chat_turn_ends_the_answer_before_it_and_is_reported():
    # A review's transcript: "User: Thanks! One more?" / "ChatGPT: Of course." ran into an answer.
    text = (
        "User: Ask me LLM questions.\n\nChatGPT: Sure!\n\n"
        "Q: Explain the KV cache.\nA: Keys and values of past tokens are stored.\n\n"
        "User: Thanks! Can you give me one more?\n\nChatGPT: Of course.\n\n"
        "Q: What is LoRA?\nA: A low-rank update of frozen weights.\n"
    )
    drafts, problems = labelled.read(doc_of(text))
    assert [(d.question, answer_text(d)) for d in drafts] == [
        ("Explain the KV cache.", "Keys and values of past tokens are stored."),
        ("What is LoRA?", "A low-rank update of frozen weights."),
    ]
    assert [(p.location.line, "chat turn" in p.message) for p in problems] == [(8, True)]


def test_labels_in_other_languages_and_full_width_colons():
    text = (
        "Preguntas\n\nPregunta 1: ¿Qué es RAG?\nRespuesta: Recuperación y generación.\n\n"
        "问题2：什么是LoRA？\n答：低秩适配。\n\n"
        "**Frage 3:** Welche Methode nutzt Low-Rank-Matrizen?\nA) Pruning\nB) LoRA\nAntwort: B\n"
    )
    assert pick_reader(text) is labelled
    drafts, problems = labelled.read(doc_of(text))
    assert [(d.label, d.question, answer_text(d), d.correct) for d in drafts] == [
        ("1", "¿Qué es RAG?", "Recuperación y generación.", None),
        ("2", "什么是LoRA？", "低秩适配。", None),
        ("3", "Welche Methode nutzt Low-Rank-Matrizen?", "", "B"),
    ]
    assert problems == []


def test_ids_the_prose_reader_gave_other_language_labels_stay_aliases():
    from generator.ingest.readers import prose

    text = "Preguntas\n\nPregunta 1: ¿Qué es RAG?\nRespuesta: Recuperación.\n\n"
    text += "Pregunta 2: ¿Qué es LoRA?\nRespuesta: Bajo rango.\n"
    before, _ = make_questions(prose.read(doc_of(text))[0], "set")  # how it was read before
    after, _ = make_questions(labelled.read(doc_of(text))[0], "set")
    assert [q.question for q in after] == ["¿Qué es RAG?", "¿Qué es LoRA?"]
    assert [q.aliases for q in after] == [(q.id,) for q in before]


def test_an_answer_on_the_questions_own_line():
    text = (
        "Q: What is dropout? A: Randomly zeroing activations.\n\n"
        "**Q:** Is it used at inference? **A:** No, it is turned off.\n\n"
        "Q: Why? Because A: this is no label\nA: The label is here.\n"
    )
    drafts, problems = labelled.read(doc_of(text))
    assert [(d.question, answer_text(d)) for d in drafts] == [
        ("What is dropout?", "Randomly zeroing activations."),
        ("Is it used at inference?", "No, it is turned off."),
        ("Why? Because A: this is no label", "The label is here."),
    ]
    assert problems == []
    # Before, the answer was read as part of the title: that title's id stays an alias.
    (q, *_), _ = make_questions(drafts, "set")
    assert q.aliases == (question_id("set", "What is dropout? A: Randomly zeroing activations."),)


def test_dotted_labels_and_dotted_options():
    text = (
        "LLM questions\n\nQ. What is a context window?\nA. The tokens a model attends to at once.\n\n"
        "Q. Which one is a tokenizer?\nA. BPE\nB. ReLU\nAnswer: A\n\n"
        "**Q.** What is top-p sampling?\n**A.** Sampling from the nucleus.\n"
    )
    assert pick_reader(text) is labelled
    drafts, problems = labelled.read(doc_of(text))
    assert [(d.question, answer_text(d), d.correct, len(d.choices)) for d in drafts] == [
        ("What is a context window?", "The tokens a model attends to at once.", None, 0),
        ("Which one is a tokenizer?", "", "A", 2),
        ("What is top-p sampling?", "Sampling from the nucleus.", None, 0),
    ]
    assert problems == []
    from generator.ingest.readers import prose

    before, _ = make_questions(prose.read(doc_of(text))[0], "set")  # how it was read before
    after, _ = make_questions(drafts, "set")
    assert before[0].question.startswith("Q.")
    assert [a.aliases for a in after] == [(b.id,) for b in before]


def test_q_in_a_matching_list_is_no_label():
    text = "".join(
        f"{n}. Match the optimizers with their ideas:\nP. SGD\nQ. Adam\nR. RMSprop\nS. Adagrad\n"
        "(A) P-1, Q-2, R-3, S-4\n(B) P-2, Q-1, R-4, S-3\n(C) P-3, Q-4, R-1, S-2\nAnswer: A\n\n"
        for n in (1, 2)
    )
    assert labelled.question_labels(text) == 0
    assert pick_reader(text) is not labelled
    assert [line for line in text.split("\n") if labelled.QUESTION.match(line)] == ["Q. Adam", "Q. Adam"]
    drafts, _ = labelled.read(doc_of("Q. Which list?\nA. This one:\nP. first\nQ. second\nR. third\n"))
    assert [d.question for d in drafts] == ["Which list?"]


def test_a_dotted_a_before_a_b_option_is_an_option():
    text = (
        "Q. Which one is a tokenizer?\n**A.** BPE\n**B.** ReLU\nAnswer: A\n\n"
        "Q. Which is an activation?\na. BPE\n\nb. ReLU\nAnswer: b\n\n"
        "Q. What is top-p?\nA. Sampling from the nucleus.\n\n"
        "Q. What is nucleus sampling?\na. lower-case is no answer label\n"
    )
    drafts, problems = labelled.read(doc_of(text))
    assert [(d.question, [c.text for c in d.choices], d.correct, answer_text(d)) for d in drafts] == [
        ("Which one is a tokenizer?", ["BPE", "ReLU"], "A", ""),
        ("Which is an activation?", ["BPE", "ReLU"], "B", ""),
        ("What is top-p?", [], None, "Sampling from the nucleus."),
        ("What is nucleus sampling?", [], None, "a. lower-case is no answer label"),
    ]
    assert problems == []


def test_options_or_an_answer_label_after_a_same_line_a_keep_the_line_whole():
    text = (
        "Q: Which is smooth? A: ReLU B: tanh C: sigmoid\nAnswer: B\n\n"
        "Q: What is dropout? A: see below\n\nAnswer: Randomly zeroing.\n\n"
        "Q: What is x? A: y.\n"
    )
    drafts, _ = labelled.read(doc_of(text))
    assert [(d.question, answer_text(d)) for d in drafts] == [
        ("Which is smooth? A: ReLU B: tanh C: sigmoid", "B"),
        ("What is dropout? A: see below", "Randomly zeroing."),
        ("What is x?", "y."),
    ]


def test_a_dotted_question_over_two_lines_keeps_the_id_prose_gave_it():
    from generator.ingest.readers import prose

    text = "Notes\n\nQ. What is the difference between\nbagging and boosting?\nA. Bagging averages.\n\n"
    text += "Q. What is top-p?\nA. Nucleus.\n"
    before, _ = make_questions(prose.read(doc_of(text))[0], "set")
    after, _ = make_questions(labelled.read(doc_of(text))[0], "set")
    assert after[0].question == "What is the difference between bagging and boosting?"
    # prose read the first question as its last line alone ("bagging and boosting?"): that id,
    # which prose keeps as an alias now that it joins the lines, still finds the question
    assert before[0].aliases and set(before[0].aliases) <= set(after[0].aliases)
    assert before[1].id in after[1].aliases


def test_a_long_labelled_question_is_read_in_linear_time():
    small, large = ("Q: x\n" + "a\n" * n for n in (20_000, 200_000))
    cost_small, cost_large = measure(lambda text: labelled.read(doc_of(text)), small, large)
    assert cost_large < MAX_RATIO * cost_small


def test_a_matching_question_in_a_dotted_quiz_keeps_its_own_label():
    # Only a Q. between a P. and an R. item is a list item; "P. S." before a Q. is a postscript.
    text = (
        "Q. What is a learning rate?\nA. The step size.\n\n"
        "Q. Match the optimiser with its idea:\nP. SGD\nQ. Adam\nR. RMSprop\n(A) P-1, Q-2, R-3\n"
        "(B) P-2, Q-1, R-3\nAnswer: A\n\n"
        "Q. What is precision?\nA. TP / (TP + FP).\nP. S. often confused with recall.\n"
        "Q. What is recall?\nA. TP / (TP + FN).\n"
    )
    assert labelled.question_labels(text) == 4
    drafts, _ = labelled.read(doc_of(text))
    assert [(d.question, d.correct) for d in drafts] == [
        ("What is a learning rate?", None),
        ("Match the optimiser with its idea: P. SGD Q. Adam R. RMSprop", "A"),
        ("What is precision?", None),
        ("What is recall?", None),
    ]


def test_lower_case_points_of_an_answer_are_no_options():
    text = (
        "Q: What are the benefits of batch normalisation?\n\na. Higher learning rates.\n"
        "b. Less sensitivity to initialisation.\n\n"
        "Q: Which one is a tokenizer?\na. BPE\nb. ReLU\nAnswer: a\n"
    )
    drafts, problems = labelled.read(doc_of(text))
    assert [(len(d.choices), d.correct, answer_text(d)) for d in drafts] == [
        (0, None, "a. Higher learning rates.\nb. Less sensitivity to initialisation."),
        (2, "A", ""),
    ]
    assert problems == []


def test_a_dotted_answer_on_the_questions_own_line():
    text = (
        "Q. What is overfitting? A. Memorising the training set.\n\n"
        "Q. Which is smooth? A. ReLU B. tanh C. sigmoid\nAnswer: B\n\n"
        "Q. What is a. lower-case? a. no label\nA. The label.\n"
    )
    drafts, problems = labelled.read(doc_of(text))
    assert [(d.question, answer_text(d)) for d in drafts] == [
        ("What is overfitting?", "Memorising the training set."),
        ("Which is smooth? A. ReLU B. tanh C. sigmoid", "B"),
        ("What is a. lower-case? a. no label", "The label."),
    ]
    assert problems == []
    # Read before as a question that ran on into its answer (and an empty answer): that id stays.
    (q, *_), _ = make_questions(drafts, "set")
    assert question_id("set", "What is overfitting? A. Memorising the training set.") in q.aliases


def test_a_b_in_a_same_line_answer_is_no_option():
    text = (
        "Q: What if training diverges? A: Lower the learning rate; plan B: restart.\n\n"
        "Q: Who introduced dropout? A: Srivastava et al. (see vitamin B. Smith) in 2014.\n"
    )
    drafts, _ = labelled.read(doc_of(text))
    assert [(d.question, answer_text(d)) for d in drafts] == [
        ("What if training diverges?", "Lower the learning rate; plan B: restart."),
        ("Who introduced dropout?", "Srivastava et al. (see vitamin B. Smith) in 2014."),
    ]


def test_a_line_split_at_its_a_for_a_while_keeps_that_id():
    # 6a37816..7511003 split these lines at "A:"; kept whole now, that title's id is an alias.
    text = "Q: Which is smooth? A: ReLU B: tanh C: sigmoid\nAnswer: B\n\nQ: What is x? A: a\nAnswer: y.\n"
    (smooth, x), _ = make_questions(labelled.read(doc_of(text))[0], "set")
    # Since the colon options on the line are read as options (inline_options), the question is
    # that split title again, and the whole line's id is the alias: each id it had still finds it.
    assert (smooth.kind, smooth.correct, [c.text for c in smooth.choices]) == (
        "mcq",
        "B",
        ["ReLU", "tanh", "sigmoid"],
    )
    assert smooth.id == question_id("set", "Which is smooth?")
    assert smooth.aliases == (question_id("set", "Which is smooth? A: ReLU B: tanh C: sigmoid"),)
    assert x.aliases == (question_id("set", "What is x?"),)


def test_many_reveal_lines_after_options_are_read_in_linear_time():
    small, large = ("Q: x?\nA) a\nB) b\n" + "Show answer\n" * n for n in (2_000, 20_000))
    cost_small, cost_large = measure(lambda text: labelled.read(doc_of(text)), small, large)
    assert cost_large < MAX_RATIO * cost_small


def test_a_solution_label_opens_the_answer_and_goes():
    text = (
        "# Solved problems\n\n**Question 1:** Why divide the sample variance by n-1?\n\n"
        "**Solution:** Bessel's correction makes it unbiased.\n\n"
        "**Question 2:** What is the MLE of p for k successes in n trials?\n\nSolution: k/n.\n"
    )
    drafts, _ = labelled.read(doc_of(text))
    assert [answer_text(d) for d in drafts] == ["Bessel's correction makes it unbiased.", "k/n."]

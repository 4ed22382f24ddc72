"""GIFT, Aiken and `*`/`-`/`+` quiz lists, on fixture files written for these tests."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.ingest import clean
from generator.ingest.load import discover, load_document
from generator.ingest.readers import aiken, gift, pick_reader, quiz_list, read_document, read_source_document
from generator.model import Document, Line

FIXTURES = Path(__file__).parent / "fixtures"
REAL = Path(__file__).resolve().parents[1] / "content" / "sources"


def ingest(rel: str):
    path = FIXTURES / rel
    doc, _ = load_document(path, path.parent, "quiz")
    doc, _ = clean.strip_junk(doc)
    reader, drafts, problems = read_document(doc)
    questions, more = clean.make_questions(drafts, doc.source_id)
    return reader, questions, [str(p) for p in problems + more]


def text_doc(text: str) -> Document:
    return Document("x.txt", "x", tuple(Line(no, t) for no, t in enumerate(text.split("\n"), start=1)))


def shape(q):
    return (q.kind, [c.text for c in q.choices], q.correct)


def test_gift_fixture_every_question_type():
    reader, questions, problems = ingest("gift/moodle_export.txt")
    assert reader == "gift"
    assert [(q.label, q.section) for q in questions][:5] == [
        ("1", "Transformers"),
        ("2", "Transformers"),
        ("3", "Transformers"),
        ("4", "Transformers"),
        ("5", "Tokenization"),
    ]
    by_label = {q.label: q for q in questions}
    one = by_label["1"]
    assert one.question == "Which layer lets every token look at every other token?"
    assert shape(one) == (
        "mcq",
        ["The feed-forward layer", "Self-attention", "Layer normalisation", "The embedding lookup"],
        "B",
    )
    # The right option's feedback, the general feedback, then the other options' feedback.
    assert one.answer == (
        "Right: each token attends to all the others.\n\n"
        "Attention is the only step that mixes information across positions.\n\n"
        "- **A.** It works on each position separately."
    )
    two = by_label["2"]
    assert two.question == "What does the softmax in attention normalise?"
    assert shape(two) == (
        "mcq",
        ["The scores of one query over all <b>keys</b>", "The values", "The <i>gradients</i>"],
        "A",
    )
    assert shape(by_label["3"]) == ("mcq", ["True", "False"], "B")
    assert by_label["3"].answer == "Correct, positions are processed in parallel."
    assert shape(by_label["4"]) == ("mcq", ["True", "False"], "A")
    assert (by_label["5"].kind, by_label["5"].answer) == (
        "open",
        "BPE (also accepted: byte-pair encoding, Byte Pair Encoding)",
    )
    assert by_label["6"].answer == "38.4 (± 0.1)"
    assert by_label["6"].question.endswith("embedding parameters (in millions, rounded)?")
    assert by_label["8"].answer == "- BPE → GPT-2\n- WordPiece → BERT\n- SentencePiece unigram → T5"
    assert (by_label["9"].kind, by_label["9"].answer) == ("prompt", None)
    assert by_label["10"].section == "Training" and by_label["10"].correct == "A"
    assert "Options that earn credit: **A**, **B**." in by_label["10"].answer
    assert by_label["11"].question.startswith("The learning rate is \\_\\_\\_\\_\\_ over")
    last = questions[-1]
    assert last.label is None and last.question.startswith("Mixed precision training keeps")
    assert last.correct == "B" and last.answer == "Updates smaller than FP16's precision would be lost."
    assert len(questions) == 12  # the closing description has no answer block
    assert problems == [
        "moodle_export.txt:48: warning: GIFT question credits 2 options; A is kept as correct"
    ]


def test_gift_escapes_are_literal_characters():
    _, questions, _ = ingest("gift/moodle_export.txt")
    seven = next(q for q in questions if q.label == "7")
    assert "which characters did GIFT need escaped: the ~ and # too?" in seven.question
    assert [c.text for c in seven.choices] == ["All of = { } ~ # :", "None of them"]
    drafts, _ = gift.read(text_doc("::T:: a \\\\ b {=x\\ny ~z}"))
    assert drafts[0].question == "a \\ b"
    assert [c.text for c in drafts[0].choices] == ["x y", "z"]


def test_gift_unclosed_block_is_reported_not_read():
    drafts, problems = gift.read(text_doc("::Q1:: first {=a ~b}\n\n::Q2:: broken {=a ~b\n\n"))
    assert [d.question for d in drafts] == ["first"]
    assert [str(p) for p in problems] == [
        "x.txt:3: warning: GIFT answer block '{' is never closed: question skipped"
    ]


def test_aiken_fixture():
    reader, questions, problems = ingest("aiken/llm_basics.txt")
    assert reader == "aiken"
    assert [(q.question, q.correct, q.label) for q in questions] == [
        ("What does the temperature of sampling change?", "B", None),
        ("Which technique freezes the base weights and trains small low-rank matrices instead?", "C", None),
        ("Which metric compares generated text to references by n-gram overlap?", "A", "12"),
        ("What is the context window of a model?", None, None),
        ("Which loss do language models minimise in pre-training?", "B", None),
    ]
    assert [len(q.choices) for q in questions] == [4, 4, 3, 2, 4]
    assert {q.kind for q in questions} == {"mcq"}
    assert problems == ["llm_basics.txt:24: warning: ANSWER E names no option of this question"]


def test_quiz_list_fixture():
    reader, questions, problems = ingest("quiz_list/sampling_quiz.md")
    assert reader == "quiz_list"
    assert [(q.question, q.section, q.correct) for q in questions] == [
        ("What does top-p (nucleus) sampling keep?", "Sampling", "B"),
        ("What happens as the temperature goes to zero?", "Sampling", "B"),
        ("Which decoding keeps the k best partial sequences at every step?", "Search", "C"),
        ("Which of these is a checkbox-style quiz?", "Search", "B"),
        ("Why can greedy decoding repeat itself?", "Search", None),
    ]
    assert questions[0].answer == "Top-p adapts the size of the set to how peaked the distribution is."
    assert questions[2].answer == "Beam search is deterministic; top-k sampling is not."
    assert [c.text for c in questions[3].choices] == ["Neither", "This one"]
    assert questions[4].kind == "prompt"
    assert problems == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A .txt file that is GIFT is read as GIFT, whatever its name says.
        ("Q one {=a ~b}\n\nQ two {T}\n\nQ three {~c =d}\n", gift),
        ("::Only:: one question {=yes ~no}\n", gift),
        ("Which?\nA. one\nB. two\nANSWER: A\n", aiken),
        ("* Which?\n  - no\n  + yes\n", quiz_list),
    ],
)
def test_sniffed_by_content(text, expected):
    assert pick_reader(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        # Code and TeX braces in a Markdown page are not GIFT blocks.
        "# Notes\n\n## What is x?\n\nUse `d = {=1}` rarely.\n\n$\\frac{a}{b}$ and more prose here.\n\n"
        "## Why?\n\nBecause.\n",
        # Bullets with a `+` item but no questions around them.
        "# Shopping\n\n- milk\n+ eggs\n- bread\n",
        # A labelled answer is not an Aiken ANSWER line.
        "Question: What is LoRA?\nAnswer: Low-rank adapters.\n\nQuestion: What is RLHF?\nAnswer: Feedback.\n",
    ],
)
def test_other_documents_are_not_quizzes(text):
    assert pick_reader(text) not in (gift, aiken, quiz_list)


def test_bundled_sources_are_not_sniffed_as_quizzes():
    for path in sorted(REAL.iterdir()):
        assert pick_reader(path.read_text(encoding="utf-8")) not in (gift, aiken, quiz_list), path.name


@pytest.mark.parametrize(
    "text",
    [
        "{" * 100_000,
        "}{" * 50_000,
        "::" * 50_000 + "{=a}",
        "\\" * 100_000,
        "{" + "=~#" * 30_000 + "}",
        "{" + " " * 100_000,
        "\n" * 100_000 + "ANSWER: A",
        "A. x\n" * 20_000,
        "* " * 50_000,
        "+ " * 50_000,
        "ANSWER:" + " " * 100_000 + "!",
        "$CATEGORY:" + "/" * 100_000,
        "Q?\nA. x\nB. y\nANSWER: A\nExplanation: z\n" + "- w\n" * 25_000,
        "Which?\n\n" + "A)x\n   more\n" * 8_000,
        "<quiz>\n" + "Q?\n- [x] a\n" * 9_000,
        "Q?\n- [x] a\n\nWhy?\n" * 6_000,
    ],
)
def test_hostile_text_is_read_in_linear_time(text):
    doc = text_doc(text)
    # CPU time, not wall clock: on a shared machine (load 30) a linear pass waited 10 s for a core.
    started = time.process_time()
    for reader in (gift, aiken, quiz_list):
        reader.matches(text)
        reader.read(doc)
    # Linear passes take well under a second here; a quadratic one takes minutes.
    assert time.process_time() - started < 10


def test_starred_options_mark_the_answer_without_an_answer_line():
    reader, questions, problems = ingest("aiken/starred_options.txt")
    assert reader == "aiken"
    assert [(q.label, q.question, q.correct) for q in questions] == [
        ("1", "What does the temperature change?", "B"),
        ("2", "Which decoding is deterministic?", "A"),
        ("3", "What does top-k sampling sample among?", "C"),
        ("4", "Which of these is a sampling parameter?", None),
    ]
    assert [c.text for c in questions[2].choices] == [
        "The k layers",
        "The k attention heads",
        "The k most likely tokens",
    ]
    # The quiz title and description are a preamble, not part of question 1.
    assert problems == ["starred_options.txt:20: warning: Aiken question has no ANSWER line"]


def test_gift_packed_export_with_marks_inside_option_text(tmp_path):
    # No blank lines between questions; one option a line, with `=` inside the text.
    reader, questions, problems = ingest("gift/packed_course_export.gift")
    assert reader == "gift"
    assert [(q.label, q.kind, q.question) for q in questions] == [
        ("1", "mcq", "Which setting makes sampling greedy?"),
        ("2", "mcq", "Tokenizers split text into subword units."),
        ("4", "open", "How many heads does a 768-wide model with 64-wide heads have?"),
    ]
    first = questions[0]
    assert [c.text for c in first.choices] == [
        "Setting temperature=0 in the request.",
        "Setting top_k=50.",
        "Raising <b>max_tokens</b>.",
    ]
    assert first.correct == "A"
    assert questions[2].answer == "12"
    assert problems == []
    # A `.gift` file is a source like any other: discovered, not refused.
    (tmp_path / "quiz.gift").write_text("::Q1:: Yes? {T}\n", encoding="utf-8")
    paths, refused = discover(tmp_path, tmp_path)
    assert [p.name for p in paths] == ["quiz.gift"] and refused == []


def test_checkbox_quizzes_with_paragraph_questions():
    # mkdocs-quiz `<quiz>` blocks, and quizdown-style headings or paragraphs that ask.
    reader, questions, problems = ingest("quiz_list/checkbox_quizzes.md")
    assert reader == "quiz_list"
    assert [(q.question, q.correct, len(q.choices)) for q in questions] == [
        ("Which operation mixes information across positions?", "B", 3),
        ("What does this print?", "A", 2),
        ("Which mask stops a decoder from seeing the future?", "B", 2),
        ("Is the softmax applied before or after the mask?", "B", 2),
    ]
    first = questions[0]
    assert "Only attention looks at more than one token." in (first.answer or "")
    assert 'print(len("tokens".split("k")))' in (questions[1].stem or "")
    assert "triangular" not in (questions[2].answer or "") + (questions[2].question or "")
    assert questions[3].answer == (
        "The mask adds minus infinity first, so the softmax gives those positions zero weight."
    )
    assert problems == []


def test_aiken_course_quiz_with_blank_lines_wrapped_options_and_explanations():
    reader, questions, problems = ingest("aiken/course_quiz.md")
    assert reader == "aiken"
    assert [(q.label, q.question, q.correct) for q in questions] == [
        (
            "1",
            "A chatbot must give the same reply every time it sees the same prompt. "
            "Which decoding setting should it use?",
            "B",
        ),
        ("2", "What does a repetition penalty lower?", "A"),
        ("3", "Which setting caps the number of candidate tokens?", "A"),
    ]
    first, second, third = questions
    assert [c.text for c in first.choices] == [
        "Nucleus sampling with p = 0.9",
        "Greedy decoding, which always takes the most likely next token",
        "Temperature 1.5 sampling",
    ]
    assert first.answer.startswith("- A samples, so two runs can differ.")
    assert "more." in first.answer and "Question 2" not in first.answer
    assert [c.text for c in second.choices] == [
        "The probability of tokens already generated",
        "The length of the prompt",
    ]
    assert second.answer == "It divides the logits of tokens that already appeared."
    assert third.answer == "top_k keeps the k most likely tokens."
    assert problems == []


def test_a_page_labelled_q_dot_and_a_dot_is_the_labelled_readers_even_with_an_answer_line():
    text = (
        "Q. What is a context window?\nA. The tokens a model attends to at once.\n\n"
        "Q. Which one is a tokenizer?\nA. BPE\nB. ReLU\nAnswer: A\n\n"
        "Q. What is top-p sampling?\nA. Sampling from the nucleus.\n"
    )
    assert not aiken.matches(text)
    reading = read_source_document(text_doc(text))
    assert [(d.question, d.correct) for d in reading.drafts] == [
        ("What is a context window?", None),
        ("Which one is a tokenizer?", "A"),
        ("What is top-p sampling?", None),
    ]

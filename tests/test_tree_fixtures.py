"""The tree path (generator.ingest) on one small fixture per real-world shape, read as the build does."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest.clean import make_questions
from generator.ingest.load import load_document
from generator.ingest.read_markdown import parse
from generator.ingest.readers import read_source_document

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "tree"


def read(name: str):
    doc, problems = load_document(FIXTURES / name, ROOT, Path(name).stem)
    assert problems == []
    reading = read_source_document(doc)
    questions, _ = make_questions(reading.drafts, doc.source_id)
    return reading, questions


def summary(questions):
    return [(q.location.line, q.kind, q.label, q.question, q.answer) for q in questions]


EXPECTED = {
    "details.md": [
        (3, "open", None, "What is a token?", "A piece of text the model reads, often a word part."),
        (
            9,
            "open",
            None,
            "Why cache keys and values?",
            "So each new token attends to earlier ones without recomputing them."
            "\n\n```python\ncache = {}\n```",
        ),
    ],
    "bold_q_ans.md": [
        (3, "open", "1", "What is overfitting?", "The model fits noise in the training data."),
        (7, "open", "2", "How do you detect it?", "Compare training and validation loss."),
    ],
    "q_a_blocks.md": [
        (3, "open", None, "What is a transformer?", "A network built from attention layers."),
        (6, "open", None, "What does softmax do?", "It turns scores into probabilities."),
    ],
    "question_answer.md": [
        (
            3,
            "open",
            None,
            "What is RAG?",
            "Retrieval-augmented generation adds fetched passages to the prompt.",
        ),
        (6, "prompt", None, "What is a vector index?", None),
    ],
    "heading3_answer.md": [
        (3, "open", None, "What is LoRA?", "A low-rank update added to frozen weights."),
        (9, "prompt", None, "What is QLoRA?", None),
    ],
    "list_answer_items.md": [
        (
            3,
            "open",
            "1",
            "What is a learning rate warm-up?",
            "Starting with a small learning rate and raising it.",
        ),
        (
            5,
            "open",
            "2",
            "Why clip gradients?",
            "- To keep updates bounded.\n- To avoid exploding gradients.",
        ),
    ],
    "task_list.md": [
        (3, "mcq", "1", "Which loss suits binary classification?", None),
        (9, "mcq", "2", "What does dropout do?", "Dropout regularises the network."),
    ],
    "options_letter.md": [
        (1, "mcq", "1", "What reduces variance?", None),
        (
            10,
            "mcq",
            "2",
            "Which metric suits imbalanced data?",
            "The correct answer is b) F1 score, since it balances precision and recall.",
        ),
    ],
    "bold_difficulty.md": [
        (3, "open", None, "What is supervised learning?", "Learning from labelled examples."),
        (
            7,
            "open",
            None,
            "What is the bias-variance trade-off?",
            "A balance between underfitting and overfitting.",
        ),
        (11, "prompt", None, "How would you design a ranking system?", None),
    ],
    "toc_then_questions.md": [
        (9, "open", None, "What is backpropagation?", "The chain rule applied layer by layer."),
        (
            13,
            "open",
            None,
            "What is a vanishing gradient?",
            "Gradients that shrink towards zero in early layers.",
        ),
        (17, "open", None, "What is batch normalization?", "Normalising activations per mini-batch."),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_questions_answers_and_kinds(name):
    _, questions = read(name)
    assert summary(questions) == EXPECTED[name]


def test_options_and_the_marked_or_named_correct_one():
    _, quiz = read("task_list.md")
    assert [(c.letter, c.text) for c in quiz[0].choices] == [
        ("A", "Mean squared error"),
        ("B", "Binary cross-entropy"),
        ("C", "Hinge loss with margin 5"),
    ]
    assert [q.correct for q in quiz] == ["B", "A"]
    _, lettered = read("options_letter.md")
    assert [q.correct for q in lettered] == ["B", "B"]
    assert [c.text for c in lettered[1].choices] == ["Accuracy", "F1 score", "Loss", "Epochs"]


def test_difficulty_markers_leave_the_title():
    _, questions = read("bold_difficulty.md")
    assert [q.difficulty for q in questions] == ["easy", "medium", "hard"]


def test_check_says_what_it_chose_and_what_it_skipped():
    reading, _ = read("toc_then_questions.md")
    assert reading.structure == "questions: level-2 headings; table of contents at lines 5–8 skipped"
    assert reading.unread == [(5, 8)]
    heading, _ = read("task_list.md")
    assert heading.structure == "questions: level-4 headings numbered 1–2"


def test_nested_display_math_and_code_keep_their_source_lines():
    text = "1. **Q?**\n- Answer:\n    - text $x$\n\n        $$a=b$$\n        $$c=d$$\n"
    blocks = list(parse(text).walk())
    maths = [b for b in blocks if b.kind == "math"]
    assert [(b.line, b.text, b.markdown.strip()) for b in maths] == [
        (5, "a=b", "$$a=b$$"),
        (6, "c=d", "$$c=d$$"),
    ]
    items = [b for b in blocks if b.kind == "item" and b.number == 1]
    assert items[0].children[0].text == "**Q?**"


def test_deep_nesting_does_not_recurse():
    text = "".join("  " * i + "- level\n" for i in range(3000)) + "> " * 3000 + "quote\n"
    tree = parse(text)
    assert sum(1 for _ in tree.walk()) > 10


def _read_text(tmp_path, text: str):
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    doc, _ = load_document(path, tmp_path, "doc")
    reading = read_source_document(doc)
    return make_questions(reading.drafts, "doc")[0]


def test_a_closing_pointer_to_more_answers_elsewhere_leaves_the_last_answer(tmp_path):
    questions = _read_text(
        tmp_path,
        "# FAQ\n\n## 1. What is a token?\n\nA piece of text.\n\n## 2. What is a vocabulary?\n\n"
        "The set of tokens a model knows.\n\n<br>\n\n#### Explore all 63 answers here 👉 [Site](https://example.org)\n\n"
        '<a href="https://example.org"><img src="https://example.org/banner.png"></a>\n',
    )
    assert questions[-1].answer == "The set of tokens a model knows."


def test_a_closing_section_with_real_content_stays(tmp_path):
    body = "Then read the whole survey here and compare what each model does with the tokens. " * 4
    questions = _read_text(
        tmp_path,
        f"# FAQ\n\n## 1. What is a token?\n\nA piece of text.\n\n### See the questions here\n\n{body}\n",
    )
    assert "compare what each model does" in (questions[0].answer or "")


def test_what_an_mcq_shows_before_its_options_is_its_stem_not_its_explanation(tmp_path):
    questions = _read_text(
        tmp_path,
        "# Quiz\n\n#### Q1. Which row holds the training error?\n\n| no. | Red |\n| --- | --- |\n"
        "| 1 | Training error |\n| 2 | Test error |\n\n- [x] 1\n- [ ] 2\n\n"
        "**Explanation:** Red is training.\n\n#### Q2. What does this image show?\n\n"
        "![chart](https://example.org/c.png)\n\n- [ ] bias\n- [x] variance\n",
    )
    table, image = questions
    assert table.kind == "mcq" and table.correct == "A"
    assert table.stem is not None and "| 1 | Training error |" in table.stem
    assert "Training error" not in (table.answer or "") and "Red is training" in (table.answer or "")
    assert image.stem is not None and "chart" in image.stem and image.answer is None


@pytest.mark.parametrize(
    "text",
    [
        "## Statistics\n\n- **What is a p-value?**\n  The chance of data this extreme under the null.\n"
        "- **What is a confidence interval?**\n  A range that covers the parameter in most samples.\n",
        "**What is a p-value?**\nThe chance of data this extreme under the null.\n\n"
        "**What is a confidence interval?**\nA range that covers the parameter in most samples.\n",
    ],
    ids=["bullet-items", "soft-broken-paragraphs"],
)
def test_a_bold_question_line_with_its_answer_right_under_it(tmp_path, text):
    questions = _read_text(tmp_path, text)
    assert [(q.question, q.answer) for q in questions] == [
        ("What is a p-value?", "The chance of data this extreme under the null."),
        ("What is a confidence interval?", "A range that covers the parameter in most samples."),
    ]

"""Shapes found in held-out documents (never tuned on the real-world set): one small case each,
read as the build reads a file in content/sources."""

from __future__ import annotations

from generator.ingest.clean import make_questions
from generator.ingest.load import decode, load_document
from generator.ingest.readers import read_source_document
from generator.model import question_id


def read_text(tmp_path, text: str, name: str = "doc.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc, _ = load_document(path, tmp_path, "doc")
    reading = read_source_document(doc)
    questions, problems = make_questions(reading.drafts, "doc")
    return reading, questions, problems


def test_an_answer_in_chinese_is_an_answer_not_a_placeholder(tmp_path):
    _, questions, _ = read_text(
        tmp_path,
        "# 面试题\n\n**1. 什么是过拟合？**\n\n模型记住了训练数据中的噪声。\n\n"
        "**2. 什么是梯度消失？**\n\n反向传播时梯度逐层变小。\n\n**3. 什么是量化？**\n\nTBD\n",
    )
    assert [(q.kind, q.answer) for q in questions] == [
        ("open", "模型记住了训练数据中的噪声。"),
        ("open", "反向传播时梯度逐层变小。"),
        ("prompt", None),
    ]


def test_a_bold_label_before_the_question_text_leaves_no_stars(tmp_path):
    _, questions, _ = read_text(
        tmp_path,
        "# Math\n\n**Q1.** Derive the gradient of the sigmoid.\n\n$$\\sigma' = \\sigma(1-\\sigma)$$\n\n"
        "**Q2.** State Bayes' theorem.\n\n$$P(A|B) = P(B|A)P(A)/P(B)$$\n",
    )
    assert [(q.label, q.question) for q in questions] == [
        ("Q1", "Derive the gradient of the sigmoid."),
        ("Q2", "State Bayes' theorem."),
    ]


def test_styled_unicode_letters_of_social_posts_read_as_plain_letters(tmp_path):
    assert decode("𝗤𝟭. 𝗪𝗵𝗮𝘁 𝗶𝘀 𝗥𝗔𝗚? 𝘪𝘵𝘢𝘭𝘪𝘤".encode(), "x")[0] == "Q1. What is RAG? italic"
    _, questions, _ = read_text(
        tmp_path,
        "𝗤𝟭. 𝗪𝗵𝗮𝘁 𝗶𝘀 𝗥𝗔𝗚?\n→ Retrieval plus generation.\n\n𝗤𝟮. 𝗘𝘅𝗽𝗹𝗮𝗶𝗻 𝗟𝗼𝗥𝗔.\n→ A low-rank update.\n",
        "post.txt",
    )
    assert [(q.label, q.question) for q in questions] == [("Q1", "What is RAG?"), ("Q2", "Explain LoRA.")]


RUBRIC = """# Interview loop

## Round 1

#### What is overfitting?

**What a strong answer covers:**

- Noise learned instead of signal.

#### Difference between bagging and boosting

**What a strong answer covers:**

- Parallel averaging against sequential error fixing.

#### Why does dropout help?

**What a strong answer covers:**

- It stops units co-adapting.
"""


def test_a_bold_label_repeated_under_every_question_is_not_the_question(tmp_path):
    reading, questions, _ = read_text(tmp_path, RUBRIC)
    assert reading.structure.startswith("questions: level-4 headings")
    assert [q.question for q in questions] == [
        "What is overfitting?",
        "Difference between bagging and boosting",
        "Why does dropout help?",
    ]
    covers = "**What a strong answer covers:**\n\n- Parallel averaging against sequential error fixing."
    assert questions[1].answer == covers


def test_questions_in_chinese_get_distinct_ids_without_a_repeat_warning(tmp_path):
    _, questions, problems = read_text(
        tmp_path, "# 面试题\n\n## 什么是过拟合？\n\n记住了噪声。\n\n## 什么是量化？\n\n用更少的比特。\n"
    )
    assert len({q.id for q in questions}) == 2
    assert not any("repeats" in p.message for p in problems)
    _, latin, _ = read_text(tmp_path, "# Q\n\n## Qu'est-ce que le café ?\n\nUne boisson.\n")
    assert latin[0].id.startswith("qu-est-ce-que-le-cafe-")
    text = "面试题\n\n什么是过拟合？\n记住了噪声。\n\n什么是量化？\n用更少的比特。\n"
    _, plain, _ = read_text(tmp_path, text, "zh.txt")
    assert [(q.question, q.answer) for q in plain] == [
        ("什么是过拟合？", "记住了噪声。"),
        ("什么是量化？", "用更少的比特。"),
    ]


QUIZ = """# ML Quiz

### Question 1

Which activation saturates at both ends?

A) ReLU
B) Sigmoid
C) GELU

<details>
<summary>Show answer</summary>

**Correct answer: B** — its derivative vanishes there.

</details>

### Question 2

What does the T in GPT stand for?

A) Tensor
B) Token
C) Transformer

<details><summary>Reveal the answer</summary>

C

</details>
"""


def test_a_numbered_question_heading_with_options_and_the_answer_in_a_fold(tmp_path):
    reading, questions, _ = read_text(tmp_path, QUIZ)
    assert reading.structure == "questions: level-3 headings numbered 1–2"
    assert [(q.label, q.question, q.kind, q.correct) for q in questions] == [
        ("1", "Which activation saturates at both ends?", "mcq", "B"),
        ("2", "What does the T in GPT stand for?", "mcq", "C"),
    ]
    assert questions[0].answer == "Its derivative vanishes there."
    assert questions[1].answer is None


def test_bullet_items_that_ask_with_their_answers_nested_notion_toggles(tmp_path):
    reading, questions, _ = read_text(
        tmp_path,
        "# LLM Interview Questions\n\n## Core\n\n- Explain PCA.\n    \n    Projects onto the directions of"
        " greatest variance.\n\n- What is early stopping?\n    \n    Stopping when validation loss stalls.\n"
        "\n## Applied\n\n- What is a feature store?\n    \n    A shared store of features.\n",
    )
    assert reading.structure == "questions: bullet items that ask"
    assert [(q.section, q.question, q.answer) for q in questions] == [
        ("Core", "Explain PCA.", "Projects onto the directions of greatest variance."),
        ("Core", "What is early stopping?", "Stopping when validation loss stalls."),
        ("Applied", "What is a feature store?", "A shared store of features."),
    ]


def test_an_awesome_list_of_design_questions_gives_practice_prompts(tmp_path):
    reading, questions, _ = read_text(
        tmp_path,
        "# Awesome ML System Design Interview Questions\n\n## Contents\n\n- [Ranking](#ranking)\n"
        "- [Safety](#safety)\n- [Infra](#infra)\n\n## Ranking\n\n- Design a news feed ranking system.\n"
        "- How would you detect duplicate listings? *(asked at Amazon)*\n\n## Safety\n\n"
        "- Design a content moderation pipeline.\n\n## License\n\nCC0.\n",
    )
    assert reading.structure.startswith("questions: bullet items that ask; table of contents")
    assert [(q.kind, q.section, q.question) for q in questions] == [
        ("prompt", "Ranking", "Design a news feed ranking system."),
        ("prompt", "Ranking", "How would you detect duplicate listings? *(asked at Amazon)*"),
        ("prompt", "Safety", "Design a content moderation pipeline."),
    ]


def test_a_notes_page_of_statement_headings_reads_one_card_per_heading(tmp_path):
    reading, questions, problems = read_text(
        tmp_path,
        "# Transformer Notes\n\nMy revision notes.\n\n## Attention\n\nEach token looks at every other.\n\n"
        "## Positional encoding\n\nSinusoids added to embeddings.\n\n"
        "## KV cache\n\nPast keys and values kept.\n",
    )
    assert (
        reading.structure
        == "questions: level-2 headings; no title asks: read as notes, one question per heading"
    )
    assert [(q.question, q.answer) for q in questions] == [
        ("Attention", "Each token looks at every other."),
        ("Positional encoding", "Sinusoids added to embeddings."),
        ("KV cache", "Past keys and values kept."),
    ]
    assert not [p for p in problems if p.severity == "error"]


def test_numbered_plain_questions_with_an_indented_answer_item(tmp_path):
    reading, questions, _ = read_text(
        tmp_path,
        "# Deep Learning Prep\n\nMy list.\n\n1. What is dropout?\n   - Answer: Zeroing random units.\n"
        "2. Explain gradient descent.\n   - Answer:\n     - Step against the gradient.\n     - Repeat.\n"
        "3. Difference between L1 and L2\n   - Answer: Sparsity against shrinkage.\n",
    )
    assert reading.structure == "questions: top-level numbered list items numbered 1–3"
    assert [(q.question, q.answer) for q in questions] == [
        ("What is dropout?", "Zeroing random units."),
        ("Explain gradient descent.", "- Step against the gradient.\n- Repeat."),
        ("Difference between L1 and L2", "Sparsity against shrinkage."),
    ]


def test_numbered_mcq_with_indented_lettered_options_and_an_ans_line(tmp_path):
    _, questions, _ = read_text(
        tmp_path,
        "## MCQs\n\n1. Which loss suits language models?\n\n"
        "   (a) MSE\n   (b) Hinge\n   (c) Cross-entropy\n\n"
        "   **Ans:** (c)\n\n2. What does LoRA train?\n\n   (a) All weights\n   (b) Low-rank updates\n\n"
        "   **Ans:** (b) Two small matrices per layer.\n",
    )
    assert [(q.kind, q.correct, q.answer) for q in questions] == [
        ("mcq", "C", None),
        ("mcq", "B", "Two small matrices per layer."),
    ]


def test_an_html_question_bank_table_with_paragraphs_in_its_cells(tmp_path):
    rows = "".join(
        f"<tr><td>{n}</td><td>{q}</td><td><p>{a}</p><p>More on it.</p></td><td>Mid</td></tr>"
        for n, q, a in [
            (1, "What is recall?", "Found positives."),
            (2, "Explain dropout.", "Zeroing."),
        ]
    )
    _, questions, _ = read_text(
        tmp_path,
        "<html><head><title>Interview question bank</title></head><body><h1>Question bank</h1>"
        f"<table><tr><th>#</th><th>Question</th><th>Expected answer</th><th>Level</th></tr>{rows}</table>"
        "</body></html>",
        "bank.html",
    )
    assert [(q.question, q.answer) for q in questions] == [
        ("What is recall?", "Found positives.\n\nMore on it."),
        ("Explain dropout.", "Zeroing.\n\nMore on it."),
    ]


def test_numbered_items_that_each_hold_a_details_fold(tmp_path):
    reading, questions, _ = read_text(
        tmp_path,
        "# CV questions\n\n1. <details><summary>What is a convolution?</summary>\n\n"
        "   A sliding dot product.\n\n   </details>\n\n"
        "2. <details><summary>Explain pooling.</summary>\n\n   Downsampling.\n\n   </details>\n",
    )
    assert reading.structure == "questions: <details> summaries or question/answer table rows numbered 1–2"
    assert [(q.label, q.question, q.answer) for q in questions] == [
        ("1", "What is a convolution?", "A sliding dot product."),
        ("2", "Explain pooling.", "Downsampling."),
    ]


def test_a_statement_after_a_leading_emoji_still_opens_like_a_question(tmp_path):
    _, questions, _ = read_text(
        tmp_path,
        "# Handbook\n\n### ❓ What is RAG?\n\nRetrieval first.\n\n"
        "### ❓ Explain LoRA.\n\nLow-rank updates.\n\n"
        "### ❓ Difference between L1 and L2\n\nSparsity.\n\n### 📌 Further reading\n\nPapers.\n",
    )
    expected = ["What is RAG?", "Explain LoRA.", "Difference between L1 and L2"]
    assert [q.question for q in questions] == expected


def test_a_google_docs_export_numbers_its_questions_as_paragraph_text(tmp_path):
    body = "".join(
        f'<p class="c4"><span class="c1">{n}. {q}</span></p><p class="c4"><span class="c2">{a}</span></p>'
        for n, q, a in [(1, "What is LoRA?", "Low-rank updates."), (2, "Explain dropout.", "Zeroing units.")]
    )
    reading, questions, _ = read_text(
        tmp_path,
        "<html><head><style>.c1{font-weight:700}</style></head>"
        f'<body class="doc-content">{body}</body></html>',
        "shared.html",
    )
    assert reading.structure == "questions: top-level numbered list items numbered 1–2"
    assert [(q.label, q.question, q.answer) for q in questions] == [
        ("1", "What is LoRA?", "Low-rank updates."),
        ("2", "Explain dropout.", "Zeroing units."),
    ]


def test_a_markdown_table_of_multiple_choice_questions(tmp_path):
    _, questions, _ = read_text(
        tmp_path,
        "# MCQ table\n\n| # | Question | A | B | C | Answer |\n|---|---|---|---|---|---|\n"
        "| 1 | Which loss suits LMs? | MSE | Cross-entropy | Hinge | B |\n"
        "| 2 | Raising the temperature makes the output: | Shorter | Sharper | More diverse | C |\n",
    )
    assert [(q.question, q.kind, q.correct, [c.text for c in q.choices]) for q in questions] == [
        ("Which loss suits LMs?", "mcq", "B", ["MSE", "Cross-entropy", "Hinge"]),
        ("Raising the temperature makes the output:", "mcq", "C", ["Shorter", "Sharper", "More diverse"]),
    ]


def test_answers_listed_after_all_the_questions_are_matched_by_number(tmp_path):
    reading, questions, _ = read_text(
        tmp_path,
        "# Quiz\n\n1. What is a VAE?\n2. How does a GAN work?\n3. Explain PCA.\n\nTry them first!\n\n"
        "## Answers\n\n1. An autoencoder with a prior.\n2. Two networks compete.\n"
        "3. Projection on top variance.\n",
    )
    assert reading.structure.endswith("; answered after the questions, matched by number")
    assert [(q.question, q.answer) for q in questions] == [
        ("What is a VAE?", "An autoencoder with a prior."),
        ("How does a GAN work?", "Two networks compete."),
        ("Explain PCA.", "Projection on top variance."),
    ]


def test_two_numbered_parts_that_both_ask_are_not_an_answer_key(tmp_path):
    _, questions, _ = read_text(
        tmp_path,
        "# Quiz\n\n## Part 1\n\n1. What is a VAE?\n2. How does a GAN work?\n\n"
        "## Part 2\n\n1. What is PCA?\n2. Why scale features?\n",
    )
    assert [(q.section, q.question, q.kind) for q in questions] == [
        ("Part 1", "What is a VAE?", "prompt"),
        ("Part 1", "How does a GAN work?", "prompt"),
        ("Part 2", "What is PCA?", "prompt"),
        ("Part 2", "Why scale features?", "prompt"),
    ]


def test_an_answer_of_one_bullet_is_its_text_and_a_real_list_stays_a_list(tmp_path):
    _, questions, _ = read_text(
        tmp_path,
        "# LLM questions\n\n- **What is a context window?**\n  - The tokens the model sees at once.\n"
        "- **What is a KV cache?**\n  - Stored keys.\n  - Stored values.\n",
    )
    one, two = questions
    assert one.answer == "The tokens the model sees at once."
    assert two.answer == "- Stored keys.\n- Stored values."


def test_a_details_fold_with_a_bold_summary_gives_its_answer(tmp_path):
    # A quiz repository's shape: every answer in `<details><summary><b>Answer</b></summary>`.
    fold = "<details><summary><b>Answer</b></summary>\n\n{}\n\n</details>\n\n"
    _, questions, _ = read_text(
        tmp_path,
        "# Unsupervised\n\n1. What is unsupervised learning?\n\n"
        + fold.format("Learning without labels.")
        + "---\n\n2. Name some scenarios?\n\n\n"
        + fold.format("We can use it:\n\n- Clustering\n- Anomalies")
        + "3. What is k-means?\n\n"
        + fold.format(""),
    )
    assert [(q.kind, q.answer) for q in questions] == [
        ("open", "Learning without labels."),
        ("open", "We can use it:\n\n- Clustering\n- Anomalies"),
        ("prompt", None),
    ]


def test_a_details_fold_inside_an_answer_keeps_what_it_holds(tmp_path):
    _, questions, _ = read_text(
        tmp_path,
        "# T\n\n## What is X?\n\nX is x.\n\n<details><summary>More detail</summary>\n\n"
        "Hidden body text.\n\n- a point\n\n</details>\n\nAfter it.\n\n## What is Y?\n\nY.\n",
    )
    assert questions[0].answer == "X is x.\n\n**More detail**\n\nHidden body text.\n\n- a point\n\nAfter it."


def test_a_markdown_quiz_with_many_folds_is_read_as_markdown_not_html(tmp_path):
    # Its lines are mostly tags (`<details>`, `<summary>…`, `</details>`), which made the
    # HTML sniff claim it: 0 questions and an error. Its `1.` items say it is Markdown.
    fold = "<details>\n<summary>{}</summary>\n\n{}\n</details>\n\n"
    reading, questions, _ = read_text(
        tmp_path,
        "1. What is a pod?\n\n"
        + fold.format("Answer", "The smallest unit.")
        + "2. What is a node?\n\n"
        + fold.format("Show answer", "A machine.")
        + "3. What is a service?\n\n"
        + fold.format("<b>Answer</b>", "An endpoint."),
    )
    assert reading.reader == "markdown"
    assert [q.answer for q in questions] == ["The smallest unit.", "A machine.", "An endpoint."]


def test_a_question_hard_wrapped_in_its_list_item_is_one_title(tmp_path):
    # A list of prompts wrapped at 72 columns (pandoc's Markdown writer): the continuation
    # line was the "answer" of a question cut short.
    _, questions, _ = read_text(
        tmp_path,
        "# Attention\n\n## Concrete\n\n1.  What made modelling long sequences hard?\n"
        "2.  In simplified attention, how do we compute context vectors for each\n    token?\n"
        "3.  How does attention help? What are the\n    downsides and how are they handled?\n"
        "4.  What is **attention**?\n    It weighs the other tokens.\n",
    )
    assert [(q.kind, q.question) for q in questions] == [
        ("prompt", "What made modelling long sequences hard?"),
        ("prompt", "In simplified attention, how do we compute context vectors for each token?"),
        ("prompt", "How does attention help? What are the downsides and how are they handled?"),
        ("open", "What is **attention**?"),
    ]
    assert questions[3].answer == "It weighs the other tokens."


def test_an_empty_list_item_after_a_question_is_no_answer(tmp_path):
    _, questions, _ = read_text(
        tmp_path,
        "# Deep learning\n\n## Optimisation\n\n1. What is empirical risk minimization?\n"
        "1. Why can't the 0-1 loss be optimised directly?\n1. \n\n\n## Initialisation\n\n1. \n",
    )
    assert [(q.kind, q.answer) for q in questions] == [("prompt", None), ("prompt", None)]


def test_a_numbered_list_that_asks_nothing_stays_inside_an_answer(tmp_path):
    # A course chapter: prose with numbered steps, then "1. **Q:** … **A:** …" questions.
    _, questions, _ = read_text(
        tmp_path,
        "# Backpropagation\n\n## Optimisation loop\n\nEach step:\n\n1. sample a mini-batch,\n"
        "2. forward pass,\n3. optimizer step.\n\n## Interview questions\n\n"
        "1. **Q:** Why do we need activation functions?  \n   **A:** Stacked linear layers collapse.\n"
        "2. **Q:** What does backpropagation compute?  \n   **A:** Gradients of the loss.\n"
        "3. **Q:** What is a dead ReLU?  \n   **A:** A unit stuck at zero.\n",
    )
    assert [q.question for q in questions] == [
        "Why do we need activation functions?",
        "What does backpropagation compute?",
        "What is a dead ReLU?",
    ]
    assert all(q.kind == "open" for q in questions)


def test_question_headings_with_a_question_field_below_are_read_by_heading(tmp_path):
    # A question bank: `### Q: …` headings, then fields. The `**Question:**` lines made the
    # labelled reader take it: titles were the scenario plus the rubric, the heading a section.
    entry = (
        "### Q: {}\n\n**Difficulty:** {}  \n**Tags:** llm  \n**Question:** {}  \n"
        "**What a strong answer includes:**\n- Clear assumptions.\n- Tradeoffs.\n\n"
    )
    reading, questions, _ = read_text(
        tmp_path,
        "# LLM Question Bank\n\n## Foundations\n\n"
        + entry.format("Why does next-token prediction work?", "Medium", "Explain why it can plan.")
        + entry.format("What does tokenization change?", "Easy", "Walk through a multilingual bot.")
        + entry.format("When does scale stop helping?", "Hard", "Discuss 7B versus 70B."),
    )
    assert reading.reader == "markdown"
    assert [(q.question, q.difficulty, q.section) for q in questions] == [
        ("Why does next-token prediction work?", "medium", "Foundations"),
        ("What does tokenization change?", "easy", "Foundations"),
        ("When does scale stop helping?", "hard", "Foundations"),
    ]
    assert questions[0].answer.startswith("**Tags:** llm")
    assert "Explain why it can plan." in questions[0].answer and "Difficulty" not in questions[0].answer


def test_discussion_bullets_between_labelled_questions_are_prompts(tmp_path):
    mcq = "**Question {}:** {}\n\n  A) One\n  B) Two\n\n**Correct Answer:** B\n**Explanation:** Because.\n\n"
    _, questions, _ = read_text(
        tmp_path,
        "# Week 7\n\n### Assessment Questions\n\n"
        + mcq.format(1, "What is a neuron?")
        + mcq.format(2, "What is a weight?")
        + "### Activities\n- Write a paragraph on neural networks.\n\n### Discussion Questions\n"
        "- How do neural networks compare to trees?\n- What are the drawbacks of deep networks?\n",
    )
    assert [(q.kind, q.question, q.section) for q in questions] == [
        ("mcq", "What is a neuron?", "Assessment Questions"),
        ("mcq", "What is a weight?", "Assessment Questions"),
        ("prompt", "How do neural networks compare to trees?", "Discussion Questions"),
        ("prompt", "What are the drawbacks of deep networks?", "Discussion Questions"),
    ]


def test_a_check_mark_before_an_option_names_the_right_one(tmp_path):
    _, questions, _ = read_text(
        tmp_path,
        "## Generative AI MCQs\n\n**1. In diffusion models, the forward process:**\n\n"
        "- ✅ Gradually adds Gaussian noise\n- Gradually removes noise\n- Trains the discriminator\n\n"
        "**2. What does the KL term do?**\n\n- Speeds up training\n- ✔️ Regularises the latent space\n\n"
        "**3. What is good about dropout?**\n\n- ✅ Cheap\n- ❌ Slower convergence\n",
    )
    assert [(q.kind, [c.text for c in q.choices], q.correct) for q in questions] == [
        (
            "mcq",
            ["Gradually adds Gaussian noise", "Gradually removes noise", "Trains the discriminator"],
            "A",
        ),
        ("mcq", ["Speeds up training", "Regularises the latent space"], "B"),
        ("open", [], None),  # a list of pros and cons is no quiz
    ]


LETTER_QUIZ = """# LLM Quiz: Test Your Knowledge (10 min)

Answer the following multiple-choice questions. Answers are given after each question.

1. Which of the following is NOT a decoding strategy?
a) Greedy search
b) Beam search
c) Layer normalization

Correct answer: c

2. What does RLHF stand for?
a) Recurrent Learning with Human Features
b) Reinforcement Learning from Human Feedback

Answer: (b)

3. Which positional encoding is used in LLaMA?
(a) Sinusoidal
(b) Rotary (RoPE)

Answer: (b) Rotary (RoPE)

4. The attention complexity of a vanilla transformer in sequence length n is:
A. O(n)
B. O(n^2)

**Answer: B**

5. Which model family is encoder-only?
- A) GPT
- B) BERT
- C) T5

Ans: B — BERT uses only the encoder stack.
"""


def test_lettered_list_items_with_an_answer_line_are_options(tmp_path):
    # A review's quiz: the last question's options were bullets, and it was read as open.
    _, questions, _ = read_text(tmp_path, LETTER_QUIZ)
    assert [(q.kind, q.correct) for q in questions] == [("mcq", c) for c in "CBBBB"]
    assert [c.text for c in questions[4].choices] == ["GPT", "BERT", "T5"]
    assert questions[4].answer == "BERT uses only the encoder stack."


def test_lettered_points_with_no_answer_line_are_the_answer_s_own(tmp_path):
    text = (
        LETTER_QUIZ
        + "\n6. Why do we need position encodings?\n- A) attention is order-blind\n- B) caching\n\nBoth.\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert (questions[5].kind, questions[5].choices) == ("open", ())


def test_question_and_answer_labels_in_other_languages(tmp_path):
    # A review's Spanish page: "Pregunta 3: Explica …" (no "?") was merged into question 2,
    # and every title and answer kept its "Pregunta N:" / "Respuesta:" label.
    text = (
        "# Preguntas de entrevista\n\n## Preguntas básicas\n\n"
        "**Pregunta 1: ¿Qué es el sobreajuste?**\n\nRespuesta: Memorizar el ruido.\n\n"
        "**Pregunta 2: ¿Qué es la regresión?**\n\nRespuesta: Predecir un valor continuo.\n\n"
        "**Pregunta 3: Explica la validación cruzada.**\n\nRespuesta: Dividir los datos en $k$ partes.\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.label, q.question, q.answer) for q in questions] == [
        ("1", "¿Qué es el sobreajuste?", "Memorizar el ruido."),
        ("2", "¿Qué es la regresión?", "Predecir un valor continuo."),
        ("3", "Explica la validación cruzada.", "Dividir los datos en $k$ partes."),
    ]
    # The id a question had while its title kept the label stays as an alias.
    assert question_id("doc", "Pregunta 1: ¿Qué es el sobreajuste?") in questions[0].aliases


def test_a_chinese_answer_label_is_not_part_of_the_answer(tmp_path):
    text = (
        "# 面试题\n\n## 问题1：什么是过拟合？\n\n答：模型记住了噪声。\n\n"
        "## 问题2：什么是量化？\n\n答案：用更少的比特表示权重。\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.label, q.question, q.answer) for q in questions] == [
        ("1", "什么是过拟合？", "模型记住了噪声。"),
        ("2", "什么是量化？", "用更少的比特表示权重。"),
    ]


def test_a_comparison_heading_among_question_headings_is_a_question(tmp_path):
    # A review's page: "### BLEU vs ROUGE" between questions of its level was left unread.
    text = (
        "# NLP prep\n\n## Evaluation\n\n### How is perplexity computed?\n\nExp of the mean NLL.\n\n"
        "### BLEU vs ROUGE\n\nBLEU is precision-oriented; ROUGE recall-oriented.\n\n"
        "## Generation\n\n### What is beam search?\n\nKeeps the k best.\n\n"
        "### Greedy versus beam search\n\nGreedy keeps one; beam keeps k.\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.question, q.section) for q in questions] == [
        ("How is perplexity computed?", "Evaluation"),
        ("BLEU vs ROUGE", "Evaluation"),
        ("What is beam search?", "Generation"),
        ("Greedy versus beam search", "Generation"),
    ]


def test_a_comparison_heading_over_its_own_questions_is_a_section(tmp_path):
    text = (
        "# DL notes\n\n## CNN vs RNN\n\n### What is a CNN?\n\nA convolutional net.\n\n"
        "## Bagging versus boosting\n\n### What is bagging?\n\nBootstrap averaging.\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.question, q.section) for q in questions] == [
        ("What is a CNN?", "CNN vs RNN"),
        ("What is bagging?", "Bagging versus boosting"),
    ]


def test_an_introduction_heading_is_no_section_of_the_questions_under_it(tmp_path):
    # A review's page: every question carried the badge "Introduction".
    text = (
        "# Top CV Interview Questions\n\n## Introduction\n\nThe questions we see most often.\n\n"
        "### 1. What is a convolution?\n\nA kernel slides over the image.\n\n"
        "### 2. What is the receptive field?\n\nThe input region behind an activation.\n\n"
        "## Conclusion\n\nGood luck!\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.question, q.section) for q in questions] == [
        ("What is a convolution?", None),
        ("What is the receptive field?", None),
    ]


def test_a_closing_bold_takeaways_line_ends_the_last_answer(tmp_path):
    text = (
        "# Cheatsheet\n\n**Q1) What is batch normalization?**\n\nIt normalizes each feature.\n\n"
        "**Q2) Why use residual connections?**\n\nGradients flow through identity paths.\n\n"
        "**Key takeaways**\n\nBatch norm and residuals make deep nets trainable.\n"
    )
    reading, questions, _ = read_text(tmp_path, text)
    assert questions[-1].answer == "Gradients flow through identity paths."
    # The takeaways (lines 11-13) are reported as text no question took.
    assert any(start <= 11 and end >= 13 for start, end in reading.unread), reading.unread


def test_a_quiz_a_line_reader_reads_only_in_part_is_read_as_markdown(tmp_path):
    # The Aiken sniff claimed this quiz and read question 1; 2 and 3 were only reported.
    text = (
        "# LLM Quiz\n\nAnswer the following multiple-choice questions.\n\n"
        "1. Which is NOT a decoding strategy?\na) Greedy search\nb) Beam search\nc) Layer norm\n\n"
        "Correct answer: c\n\n2. Which model family is encoder-only?\n- A) GPT\n- B) BERT\n\n"
        "Ans: B — BERT uses only the encoder stack.\n\n3. Why do we need position encodings?\n"
        "- A) attention is order-blind\n- B) to cache keys\n\nBoth points matter in practice.\n"
    )
    reading, questions, _ = read_text(tmp_path, text)
    assert reading.reader == "markdown"
    assert [(q.kind, q.correct) for q in questions] == [("mcq", "C"), ("mcq", "B"), ("open", None)]
    assert "left 2 numbered questions unread" in reading.problems[0].message


QUIZ_WITH_AN_OPEN_QUESTION = (
    "# Transformer quiz\n\n### Question 1 of 3\n\nWhat does the softmax in attention normalise?\n\n"
    "- [ ] The values\n- [x] The attention scores over keys\n- [ ] The queries\n\n"
    "### Question 2 of 3\n\nWhich positional encoding does the original Transformer use?\n\n"
    "- [x] Sinusoidal\n- [ ] Learned\n\n"
    "### Question 3 of 3\n\nWhy scale the dot product by the square root of d_k?\n\n"
    "Large dot products push softmax into regions with tiny gradients.\n"
)


def test_a_quiz_page_with_an_open_question_keeps_it(tmp_path):
    # The checkbox-quiz reader claimed this page and read only its two quizzes: the open
    # question vanished without a word. The Markdown tree reads all three.
    reading, questions, _ = read_text(tmp_path, QUIZ_WITH_AN_OPEN_QUESTION)
    assert reading.reader == "markdown"
    assert [(q.question, q.kind, q.correct) for q in questions] == [
        ("What does the softmax in attention normalise?", "mcq", "B"),
        ("Which positional encoding does the original Transformer use?", "mcq", "A"),
        ("Why scale the dot product by the square root of d_k?", "open", None),
    ]
    assert questions[2].answer == "Large dot products push softmax into regions with tiny gradients."
    assert "quiz_list reader read 2 questions; read as markdown, which reads 3" in reading.problems[0].message


def test_a_heading_that_only_counts_asks_the_paragraph_under_it(tmp_path):
    # `### Question 2 of 3` alone: the counter is the label, the paragraph the question, and the
    # id the heading gave the question before stays an alias.
    _, questions, _ = read_text(tmp_path, QUIZ_WITH_AN_OPEN_QUESTION.replace("Question 2 of 3", "Q2/3"))
    assert [(q.label, q.question[:20]) for q in questions] == [
        ("1", "What does the softma"),
        ("2", "Which positional enc"),
        ("3", "Why scale the dot pr"),
    ]
    assert questions[0].aliases == (question_id("doc", "Question 1 of 3"),)
    assert questions[1].aliases == (question_id("doc", "Q2/3"),)


def test_options_marked_correct_twice_are_all_named(tmp_path):
    # "Select all that apply": the model grades one letter, so the answer names every marked one
    # and the build says so, for a task list under a heading and for a `*` checkbox quiz alike.
    for text in (
        "# Quiz\n\n### Q1. Which layers normalise activations?\n\n- [x] LayerNorm\n- [x] BatchNorm\n"
        "- [ ] Dropout\n\n### Q2. What does dropout do?\n\n- [ ] Adds noise\n- [x] Zeroes activations\n",
        "* Which layers normalise activations?\n  - [x] LayerNorm\n  - [x] BatchNorm\n  - [ ] Dropout\n"
        "* What does dropout do?\n  - [ ] Adds noise\n  - [x] Zeroes activations\n",
    ):
        reading, questions, _ = read_text(tmp_path, text)
        assert [(q.kind, q.correct) for q in questions] == [("mcq", "A"), ("mcq", "B")]
        assert questions[0].answer == "Options marked correct: **A**, **B**."
        assert questions[1].answer is None
        several = [p for p in reading.problems if "options are marked correct" in p.message]
        assert [(p.location.line, p.message[:30]) for p in several] == [
            (1 if text.startswith("*") else 3, "2 options are marked correct; ")
        ]


def test_a_practice_list_under_labelled_answers_does_not_replace_them(tmp_path):
    # The Markdown tree reads the three practice items as the page's questions, more than the
    # labelled reader's two: it used to win, and the two answered questions were lost.
    text = (
        "# System design\n\n**Question 1:** What is a load balancer?\n\n"
        "**Answer:** A component that spreads incoming requests across servers.\n\n"
        "**Question 2:** What is consistent hashing?\n\n**Answer:** Adding a node moves only K/n keys.\n\n"
        "## Try these yourself\n\n1. Design a URL shortener.\n2. Design a rate limiter.\n"
        "3. How would you design a news feed?\n"
    )
    reading, questions, _ = read_text(tmp_path, text)
    assert [(q.question, q.kind) for q in questions] == [
        ("What is a load balancer?", "open"),
        ("What is consistent hashing?", "open"),
    ]
    assert [p.location.line for p in reading.problems if "numbered question" in p.message] == [15]


def test_readme_navigation_and_sign_offs_leave_the_answers(tmp_path):
    text = (
        "# ML questions\n\n## Q. What is the virtual DOM?\n\nAn in-memory copy of the DOM.\n\n"
        '<div align="right">\n    <b><a href="#table-of-contents">↥ back to top</a></b>\n</div>\n\n'
        "## Q. What is a p-value?\n\nThe chance of data this extreme under the null.\n\n"
        "**[⬆ Back to top](#table-of-contents)**\n\n## Q. What is overfitting?\n\nFitting noise.\n\n"
        "---\n\n*If you liked this post, subscribe to my newsletter!*\n\n"
        "**Share this:** [Twitter](https://t.co) [Facebook](https://fb.com)\n\n"
        "Like this list? Give the repo a ⭐ and share it with your friends!\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [q.answer for q in questions] == [
        "An in-memory copy of the DOM.",
        "The chance of data this extreme under the null.",
        "Fitting noise.",
    ]


def mcqs(questions) -> list[tuple]:
    return [(q.question, [c.text for c in q.choices], q.correct, q.answer) for q in questions]


def test_quiz_site_shapes_keep_their_correct_option(tmp_path):
    # Sanfoundry folds the answer behind "View Answer"; IndiaBix writes "Correct Answer: Option C"
    # and a "Solution:". Both lost the correct option, and IndiaBix its solution.
    sanfoundry = (
        "1. Which of these is not a supervised learning algorithm?\na) Decision Tree\nb) Linear Regression\n"
        "c) K-Means\nd) SVM\nView Answer\n\nAnswer: c\nExplanation: K-Means clusters without labels.\n\n"
        "2. Which of these is used for classification?\na) Linear Regression\nb) Logistic Regression\n"
        "c) K-Means\nd) PCA\nView Answer\n\nAnswer: b\nExplanation: It predicts classes.\n"
    )
    indiabix = (
        "Q1. Which of these is not a supervised learning algorithm?\nA. Decision Tree\nB. Linear Regression\n"
        "C. K-Means\nD. SVM\nCorrect Answer: Option C\nSolution: K-Means clusters without labels.\n\n"
        "Q2. Which of these is used for classification?\nA. Linear Regression\nB. Logistic Regression\n"
        "C. K-Means\nD. PCA\nCorrect Answer: Option B\nSolution: It predicts classes.\n"
    )
    for text in (sanfoundry, indiabix):
        reading, questions, _ = read_text(tmp_path, text, "quiz.txt")
        assert [(q.correct, q.answer) for q in questions] == [
            ("C", "K-Means clusters without labels."),
            ("B", "It predicts classes."),
        ], reading.reader
        assert reading.problems == []


def test_options_in_parentheses_on_their_own_lines(tmp_path):
    text = (
        "### 1. Which of these is an unsupervised method?\n\n(A) SVM\n(B) Random Forest\n(C) K-Means\n\n"
        "Answer: C\n\n### 2. Which of these is a linear model?\n\n(A) SVM with an RBF kernel\n"
        "(B) Logistic regression\n\nAnswer: (B)\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert mcqs(questions) == [
        ("Which of these is an unsupervised method?", ["SVM", "Random Forest", "K-Means"], "C", None),
        ("Which of these is a linear model?", ["SVM with an RBF kernel", "Logistic regression"], "B", None),
    ]


def test_a_bold_numbered_aiken_question_loses_its_bold_and_number(tmp_path):
    text = (
        "**1. Which of these is a boosting method?**\n\nA) XGBoost\nB) K-Means\n\nAnswer: A\n\n"
        "**2. Which of these is a clustering method?**\n\nA) XGBoost\nB) K-Means\n\nAnswer: B\n"
    )
    reading, questions, _ = read_text(tmp_path, text)
    assert reading.reader == "aiken"
    assert [(q.label, q.question, q.correct) for q in questions] == [
        ("1", "Which of these is a boosting method?", "A"),
        ("2", "Which of these is a clustering method?", "B"),
    ]
    # The id the bold title gave it before stays an alias.
    assert questions[0].aliases == (question_id("doc", "**1. Which of these is a boosting method?**"),)


def test_numbered_answer_labels_go_and_a_wrapped_question_stays_whole(tmp_path):
    text = (
        "Q1. What is the difference between batch normalization and layer\n"
        "normalization, and when would you use each?\n"
        "A1. Batch norm normalises over the batch; layer norm over the features.\n\n"
        "Q2. What is dropout?\nA2. Randomly zeroing activations during training.\n"
    )
    _, questions, _ = read_text(tmp_path, text, "qa.txt")
    assert [(q.question, q.answer) for q in questions] == [
        (
            "What is the difference between batch normalization and layer normalization, "
            "and when would you use each?",
            "Batch norm normalises over the batch; layer norm over the features.",
        ),
        ("What is dropout?", "Randomly zeroing activations during training."),
    ]
    cut = "What is the difference between batch normalization and layer"
    assert questions[0].aliases == (question_id("doc", cut),)


def test_q_and_a_letters_after_a_number_are_labels(tmp_path):
    text = (
        "1. Q: What is a confusion matrix?\n\nA: A table of predicted against true labels.\n\n"
        "2. Q: What is precision?\n\nA: The share of predicted positives that are right.\n"
    )
    _, questions, _ = read_text(tmp_path, text, "qa.txt")
    assert [(q.label, q.question, q.answer) for q in questions] == [
        ("1", "What is a confusion matrix?", "A table of predicted against true labels."),
        ("2", "What is precision?", "The share of predicted positives that are right."),
    ]
    assert questions[0].aliases == (question_id("doc", "Q: What is a confusion matrix?"),)


def test_a_check_mark_after_an_option_marks_it_correct(tmp_path):
    text = (
        "### 1. Which algorithm is used for classification?\n\n- Linear Regression\n"
        "- Logistic Regression ✅\n- K-Means\n\n### 2. Which is a clustering method?\n\n"
        "- **K-Means** (✔️)\n- Ridge\n\n### 3. What does a ReLU output for -2?\n\n- f(x)\n- 0\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.kind, [c.text for c in q.choices], q.correct) for q in questions] == [
        ("mcq", ["Linear Regression", "Logistic Regression", "K-Means"], "B"),
        ("mcq", ["**K-Means**", "Ridge"], "A"),
        ("open", [], None),
    ]


def test_questions_in_italics_on_lines_of_their_own(tmp_path):
    # Nothing was read: "no reader recognises this document".
    text = (
        "# Statistics prep\n\n*What is a confidence interval?*\n\nA range that holds the parameter "
        "in a given share of samples.\n\n_What is a Type I error?_\n\nA false positive.\n\n"
        "*Figure 1: the sampling distribution*\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.question, q.answer) for q in questions] == [
        ("What is a confidence interval?", "A range that holds the parameter in a given share of samples."),
        ("What is a Type I error?", "A false positive.\n\n*Figure 1: the sampling distribution*"),
    ]


def test_an_interview_transcript_with_bold_speakers(tmp_path):
    text = (
        "**Interviewer:** What is gradient descent?\n\n**Candidate:** Moving parameters against the "
        "gradient.\n\n**Interviewer:** Walk me through deploying a model.\n\n**Candidate:** Containerise "
        "it and add monitoring.\n\n**Interviewer:** What is weight decay?\n\n**Candidate:** An L2 penalty.\n"
    )
    _, questions, _ = read_text(tmp_path, text, "talk.txt")
    assert [(q.question, q.answer) for q in questions] == [
        ("What is gradient descent?", "Moving parameters against the gradient."),
        ("Walk me through deploying a model.", "Containerise it and add monitoring."),
        ("What is weight decay?", "An L2 penalty."),
    ]
    assert questions[0].aliases == (question_id("doc", "**Interviewer:** What is gradient descent?"),)


def test_a_threads_post_numbers_are_labels(tmp_path):
    text = (
        "1/ What is a context window?\n👉 The tokens a model sees at once.\n\n"
        "2/ What is a token?\n👉 A unit of text.\n"
    )
    _, questions, _ = read_text(tmp_path, text, "thread.txt")
    assert [(q.label, q.question, q.answer) for q in questions] == [
        ("1", "What is a context window?", "The tokens a model sees at once."),
        ("2", "What is a token?", "A unit of text."),
    ]
    assert questions[0].aliases == (question_id("doc", "1/ What is a context window?"),)


def test_reference_links_and_footnotes_stay_with_their_answers(tmp_path):
    # The definitions at the end of the file belong to no question: the link showed as raw
    # brackets on the site and the footnote's text was gone, without a word.
    text = (
        "# Notes\n\n## What is attention?\n\nIntroduced in the Transformer paper[^1]; see "
        "[the paper][vaswani] or [BERT][].\n\n`[code][vaswani]` stays.\n\n"
        "## What is BERT?\n\nAn encoder, [Vaswani] aside.\n\n"
        '[^1]: Vaswani et al., 2017.\n\n[vaswani]: https://arxiv.org/abs/1706.03762 "The paper"\n'
        "[bert]: <https://arxiv.org/abs/1810.04805>\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [q.answer for q in questions] == [
        "Introduced in the Transformer paper[^1]; see "
        '[the paper](https://arxiv.org/abs/1706.03762 "The paper") or [BERT](https://arxiv.org/abs/1810.04805).'
        "\n\n`[code][vaswani]` stays.\n\n\\[^1]: Vaswani et al., 2017.",
        'An encoder, [Vaswani](https://arxiv.org/abs/1706.03762 "The paper") aside.',
    ]


def test_an_html_fragment_of_one_question_is_read(tmp_path):
    # Two closed blocks were too few for the HTML sniff: "no reader recognises this document".
    reading, questions, _ = read_text(tmp_path, "<h2>What is X?</h2><p>Just one answer.</p>", "one.html")
    assert reading.reader == "html"
    assert [(q.question, q.answer) for q in questions] == [("What is X?", "Just one answer.")]


def test_options_numbered_1_to_4_with_the_answer_by_number(tmp_path):
    # Each numbered option was read as a question of its own: 2 questions became 9.
    text = (
        "# PCA quiz\n\n**1. What does PCA reduce?**\n\n1) Number of samples\n2) Number of features\n"
        "3) Number of classes\n\nCorrect answer: 2\n\n**2. What does k-means need?**\n\n1) Labels\n"
        "2) The number of clusters\n\nAnswer: 2\n\n**3. Which steps does training take?**\n\n"
        "1. Forward pass\n2. Backward pass\n\nBoth, in that order.\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.question, q.kind, [c.text for c in q.choices], q.correct) for q in questions] == [
        (
            "What does PCA reduce?",
            "mcq",
            ["Number of samples", "Number of features", "Number of classes"],
            "B",
        ),
        ("What does k-means need?", "mcq", ["Labels", "The number of clusters"], "B"),
        ("Which steps does training take?", "open", [], None),
    ]
    assert questions[2].answer == "1. Forward pass\n2. Backward pass\n\nBoth, in that order."


def test_an_answer_indented_under_its_numbered_question_keeps_its_fence(tmp_path):
    text = (
        "1. What is a decorator in Python?\n\n    A function that wraps another.\n\n    ```python\n"
        "    def deco(f):\n        return f\n    ```\n\n"
        "2. What is the GIL?\n\n    A lock around the bytecode.\n"
    )
    _, questions, _ = read_text(tmp_path, text, "py.txt")
    assert [q.answer for q in questions] == [
        "A function that wraps another.\n\n```python\ndef deco(f):\n    return f\n```",
        "A lock around the bytecode.",
    ]


def test_a_bold_question_answered_on_its_own_line(tmp_path):
    # "no reader recognises this document": the bold run was not the whole paragraph.
    text = (
        "# Concurrency\n\n**What is a mutex?** A lock that lets one thread in at a time.\n\n"
        "**What is a semaphore?** A counter over a pool of resources.\nIt can admit several threads.\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.question, q.answer) for q in questions] == [
        ("What is a mutex?", "A lock that lets one thread in at a time."),
        ("What is a semaphore?", "A counter over a pool of resources.\n\nIt can admit several threads."),
    ]


def test_a_numbered_table_of_contents_of_two_links_is_skipped(tmp_path):
    text = (
        "# SQL\n\n## Table of Contents\n1. [What is a primary key?](#1-what-is-a-primary-key)\n"
        "2. [What is a view?](#2-what-is-a-view)\n\n## 1. What is a primary key?\nA unique row id.\n\n"
        "## 2. What is a view?\nA stored query.\n"
    )
    reading, questions, _ = read_text(tmp_path, text)
    assert [(q.question, q.answer) for q in questions] == [
        ("What is a primary key?", "A unique row id."),
        ("What is a view?", "A stored query."),
    ]
    assert "table of contents at lines 4–6 skipped" in reading.structure


def test_answer_labels_with_numbers_and_dots_go(tmp_path):
    numbered = (
        "Q1. What is a transformer?\nAns 1. A network built on attention.\n\n"
        "Q2. What is a token?\nAnswer 2: A unit of text.\n"
    )
    dotted = (
        "Q. What is an epoch?\nAns. One pass over the data.\n\n"
        "Q. What is a batch?\nAns. A group of samples.\n"
    )
    que = (
        "Que 1. What is a closure?\nAns. A function and its scope.\n\n"
        "Que 2. What is a decorator?\nAns. A wrapper.\n"
    )
    answers = [[q.answer for q in read_text(tmp_path, text, "qa.txt")[1]] for text in (numbered, dotted, que)]
    assert answers == [
        ["A network built on attention.", "A unit of text."],
        ["One pass over the data.", "A group of samples."],
        ["A function and its scope.", "A wrapper."],
    ]
    _, questions, _ = read_text(tmp_path, que, "qa.txt")
    assert [(q.label, q.question) for q in questions] == [
        ("1", "What is a closure?"),
        ("2", "What is a decorator?"),
    ]
    assert questions[0].aliases == (question_id("doc", "Que 1. What is a closure?"),)


def test_option_lines_under_a_numbered_question_with_a_bold_answer(tmp_path):
    # Read by the prose reader, whose answer kept the options and the letter as text.
    text = (
        "1. Which sort has an O(n log n) worst case?\nA. Quick sort\nB. Merge sort\nC. Bubble sort\n\n"
        "**Answer:** B\n\n2. Which structure is LIFO?\nA. Queue\nB. Stack\n\n"
        "Answer: B. Pushes and pops at the top.\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.kind, [c.text for c in q.choices], q.correct, q.answer) for q in questions] == [
        ("mcq", ["Quick sort", "Merge sort", "Bubble sort"], "B", None),
        ("mcq", ["Queue", "Stack"], "B", "Pushes and pops at the top."),
    ]


def test_obsidian_question_callouts(tmp_path):
    text = (
        "# ML notes\n\n> [!question] What is gradient descent?\n> Following the negative gradient.\n\n"
        "> [!faq]- What is a learning rate?\n> The step size of each update.\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.question, q.answer) for q in questions] == [
        ("What is gradient descent?", "Following the negative gradient."),
        ("What is a learning rate?", "The step size of each update."),
    ]
    # Read as prose lines before, quote mark and callout in the title: that id stays an alias.
    assert questions[0].aliases == (question_id("doc", "> \\[!question\\] What is gradient descent?"),)


def test_an_emoji_before_a_heading_label_leaves_both_out_of_the_title(tmp_path):
    text = (
        "# RAG\n\n### 👉 Q1: What is chunking?\nSplitting documents.\n\n### 👉 Q2: What is a retriever?\n"
        "It finds passages.\n\n## 🔥 3. What is reranking?\nReordering passages.\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.label, q.question) for q in questions] == [
        ("1", "What is chunking?"),
        ("2", "What is a retriever?"),
        ("3", "What is reranking?"),
    ]
    # The ids of the titles read before ("Q1: What is chunking?" once the marker went) stay aliases.
    assert question_id("doc", "Q1: What is chunking?") in questions[0].aliases
    assert question_id("doc", "🔥 3. What is reranking?") in questions[2].aliases


def test_a_numbered_question_one_heading_level_too_deep_is_still_a_question(tmp_path):
    # `### 3.` among `## N.` questions was a sub-heading of question 2's answer: merged, lost.
    text = (
        "# RAG\n\n## 1. What is a vector database?\nA store for similarity search.\n"
        "## 2. What is RAG?\nRetrieval, then generation.\n\n### Steps\n\nRetrieve, then read.\n"
        "### 3. What is chunking?\nSplitting documents.\n## 4. What is reranking?\nReordering.\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.label, q.question, q.answer) for q in questions] == [
        ("1", "What is a vector database?", "A store for similarity search."),
        ("2", "What is RAG?", "Retrieval, then generation.\n\n**Steps**\n\nRetrieve, then read."),
        ("3", "What is chunking?", "Splitting documents."),
        ("4", "What is reranking?", "Reordering."),
    ]


def test_a_definition_list_of_questions_loses_its_colons(tmp_path):
    _, questions, _ = read_text(
        tmp_path,
        "# LLM interview\n\nWhat is RAG?\n:   Retrieval-augmented generation: answers from passages.\n\n"
        "What is LoRA?\n:   A low-rank update to frozen weights.\n\nWhy use a KV cache?\n: It saves work.\n",
    )
    assert [(q.question, q.answer) for q in questions] == [
        ("What is RAG?", "Retrieval-augmented generation: answers from passages."),
        ("What is LoRA?", "A low-rank update to frozen weights."),
        ("Why use a KV cache?", "It saves work."),
    ]


def test_ques_dot_and_a_bare_number_label_a_question_and_keep_the_old_id(tmp_path):
    text = (
        "ML Important Questions\n\nQues. 1 What is clustering?\nAns. Grouping unlabeled points.\n\n"
        "Ques. 2 Explain the k-means algorithm.\nAns. 1) Choose k centroids.\n2) Assign points.\n\n"
        "Ques. 3 What is DBSCAN?\nAns. Density-based clustering.\n"
    )
    _, questions, _ = read_text(tmp_path, text, "notes.txt")
    assert [(q.question, q.label) for q in questions] == [
        ("What is clustering?", "1"),
        ("Explain the k-means algorithm.", "2"),
        ("What is DBSCAN?", "3"),
    ]
    assert question_id("doc", "Ques. 1 What is clustering?") in questions[0].aliases
    # As headings, and with the whole word; "Question 7 is the hardest" stays a sentence.
    page = "# Notes\n\n## Ques. 1 What is RAG?\n\nRetrieval.\n\n## Question 2 What is a reranker?\n\nScores."
    _, questions, _ = read_text(tmp_path, page)
    assert [(q.question, q.label) for q in questions] == [("What is RAG?", "1"), ("What is a reranker?", "2")]
    assert question_id("doc", "Question 2 What is a reranker?") in questions[1].aliases


def test_a_cheat_sheet_s_answer_after_a_dash_on_the_question_s_line(tmp_path):
    bullets = (
        "# Cheat sheet\n\n## Regularization\n- What is dropout? — randomly zeroing activations\n"
        "- What is weight decay? – an L2 penalty on the weights\n"
        "- What is label smoothing? -- soft targets\n\n"
        "## Facts\n- ReLU — max(0, x)\n"
    )
    _, questions, _ = read_text(tmp_path, bullets)
    assert [(q.question, q.answer) for q in questions] == [
        ("What is dropout?", "randomly zeroing activations"),
        ("What is weight decay?", "an L2 penalty on the weights"),
        ("What is label smoothing?", "soft targets"),
    ]
    assert question_id("doc", "What is dropout? — randomly zeroing activations") in questions[0].aliases
    bold = "# Sheet\n\n**What is dropout?** — randomly zeroing activations\n\n**What is LoRA?** — low rank\n"
    _, questions, _ = read_text(tmp_path, bold)
    assert [(q.question, q.answer) for q in questions] == [
        ("What is dropout?", "randomly zeroing activations"),
        ("What is LoRA?", "low rank"),
    ]
    numbered = "# Terms\n\n1. What is bias? : wrong assumptions.\n2. What is variance? : noise fitted.\n"
    _, questions, problems = read_text(tmp_path, numbered)
    assert [(q.question, q.answer) for q in questions] == [
        ("What is bias?", "wrong assumptions."),
        ("What is variance?", "noise fitted."),
    ]
    assert problems == []  # no "empty answer" for an answer on the question's line
    lines = "What is dropout? — zeroing units\nWhat is LoRA? — low rank\nWhat is RAG? — retrieval first\n"
    reading, questions, _ = read_text(tmp_path, lines, "sheet.txt")
    assert reading.reader == "cards" and [q.answer for q in questions] == [
        "zeroing units",
        "low rank",
        "retrieval first",
    ]


def test_an_interview_write_up_s_answers_after_an_arrow_or_my_answer(tmp_path):
    text = (
        "Applied Scientist | Offer\n\nPhone screen:\n"
        "- Explain how logistic regression is trained. My answer: maximise the log-likelihood.\n"
        "- Why is log-loss convex? I said a linear map inside a convex loss stays convex.\n"
        "- What is the curse of dimensionality? -> distances lose meaning as dimension grows.\n"
    )
    _, questions, _ = read_text(tmp_path, text, "interview.txt")
    assert [(q.question, q.answer) for q in questions] == [
        ("Explain how logistic regression is trained.", "maximise the log-likelihood."),
        ("Why is log-loss convex?", "a linear map inside a convex loss stays convex."),
        ("What is the curse of dimensionality?", "distances lose meaning as dimension grows."),
    ]


def test_the_code_a_question_asks_about_is_shown_with_it_not_hidden_in_the_answer(tmp_path):
    text = (
        "# Python questions\n\n## Q1. What does this print?\n\n```python\nprint([1, 2] * 2)\n```\n\n"
        "**Answer:** `[1, 2, 1, 2]`: a list repeats.\n\n## Q2. What is a list?\n\nA sequence.\n\n"
        "```python\nxs = [1]\n```\n"
    )
    _, questions, _ = read_text(tmp_path, text)
    assert [(q.question, q.stem, q.answer) for q in questions] == [
        ("What does this print?", "```python\nprint([1, 2] * 2)\n```", "`[1, 2, 1, 2]`: a list repeats."),
        ("What is a list?", None, "A sequence.\n\n```python\nxs = [1]\n```"),  # code in an answer stays
    ]

"""Material for MkDocs' admonitions in a source (generator.ingest.admonitions): a collapsible
block per question, its answer indented under it or folded inside it."""

from __future__ import annotations

from generator.ingest.admonitions import without_admonitions, without_fenced_divs
from generator.model import Document, Line
from tests.test_complexity import MAX_RATIO, measure
from tests.test_heldout_shapes import read_text

FOLDS = """# Generative AI questions

## Diffusion

??? question "1. What is the forward process?"

    A fixed Markov chain that adds Gaussian noise.

???+ question "2. What does DDPM predict?"
    The noise that was added:

    ```python
    !!! note "not an admonition inside code"
    loss = mse(eps, eps_hat)
    ```

## Fine-tuning

!!! question "What is LoRA?"

    ??? success "Answer"

        A low-rank update to frozen weights.

        - rank r much smaller than d

### What triggers retraining?

??? info "Show answer"
    Drift, or a schedule.

    !!! note ""
        Or a drop in monitored quality.
"""


def test_questions_written_as_admonitions_and_their_answers(tmp_path):
    _, questions, problems = read_text(tmp_path, FOLDS)
    assert [(q.question, q.label, q.section, q.answer) for q in questions] == [
        ("What is the forward process?", "1", "Diffusion", "A fixed Markov chain that adds Gaussian noise."),
        (
            "What does DDPM predict?",
            "2",
            "Diffusion",
            'The noise that was added:\n\n```python\n!!! note "not an admonition inside code"\n'
            "loss = mse(eps, eps_hat)\n```",
        ),
        (
            "What is LoRA?",
            None,
            "Fine-tuning",
            "A low-rank update to frozen weights.\n\n- rank r much smaller than d",
        ),
        (
            "What triggers retraining?",
            None,
            "Fine-tuning",
            "Drift, or a schedule.\n\nOr a drop in monitored quality.",
        ),
    ]
    assert problems == []


def test_added_lines_keep_the_file_s_numbers_and_other_documents_are_untouched():
    doc = Document("a.md", "a", tuple(Line(n, t) for n, t in enumerate(FOLDS.split("\n"), start=1)))
    lines = without_admonitions(doc).lines
    assert {line.no for line in lines} <= {line.no for line in doc.lines}
    assert [line.no for line in lines] == sorted(line.no for line in lines)
    plain = Document("b.md", "b", (Line(1, "# Notes"), Line(2, "Use !!! sparingly.")))
    assert without_admonitions(plain) is plain


def test_deep_and_many_admonitions_cost_linear_time():
    def run(text: str) -> Document:
        lines = tuple(Line(i, t) for i, t in enumerate(text.split("\n"), start=1))
        return without_admonitions(Document("d.md", "d", lines))

    def deep(n: int) -> str:
        return "\n".join([" " * (4 * i) + f'??? question "Q{i}?"' for i in range(n)] + [" " * (4 * n) + "x"])

    def many(n: int) -> str:
        return "\n".join(t for i in range(n) for t in (f'??? question "What is {i}?"', f"    It is {i}.", ""))

    for shape, (small, large) in ((deep, (100, 1_000)), (many, (2_000, 20_000))):
        # deep: the text grows as n squared (each line indented 4n), so 10x n is 100x the text
        small_cost, large_cost = measure(run, shape(small), shape(large))
        assert large_cost < (10 * MAX_RATIO if shape is deep else MAX_RATIO) * small_cost


CALLOUTS = """---
title: Deep learning questions
---

## Optimization

**Q1. Why does Adam generalise worse than SGD?**

::: {.callout-note collapse="true"}
## Answer
Sharper minima.
:::

**Q2. What is warmup for?**

::: {.callout-tip collapse="true" title="Answer"}
Unreliable early moments.
:::

**Q3. What is a feature store?**

:::tip Why it matters
One definition of each feature.
:::

:::note[Answer]
Serves features offline and online.
:::
"""


def test_quarto_and_docusaurus_callouts_hold_answers_not_sections(tmp_path):
    _, questions, _ = read_text(tmp_path, CALLOUTS)
    assert [(q.question, q.section, q.answer) for q in questions] == [
        ("Why does Adam generalise worse than SGD?", "Optimization", "Sharper minima."),
        ("What is warmup for?", "Optimization", "Unreliable early moments."),
        (
            "What is a feature store?",
            "Optimization",
            "*Why it matters*\n\nOne definition of each feature.\n\nServes features offline and online.",
        ),
    ]


def test_a_long_callout_line_costs_linear_time():
    def run(text: str) -> Document:
        lines = tuple(Line(i, t) for i, t in enumerate(text.split("\n"), start=1))
        return without_fenced_divs(Document("d.md", "d", lines))

    small, large = ("\n".join([":::{" + "x" * 250] * n) for n in (2_000, 20_000))
    small_cost, large_cost = measure(run, small, large)
    assert large_cost < MAX_RATIO * small_cost


def test_github_alerts_and_obsidian_callouts_show_no_marker(tmp_path):
    alerts = "# Questions\n\n#### Q1. What is data leakage?\n\n> [!NOTE]\n> Future information in features.\n"
    _, questions, _ = read_text(tmp_path, alerts)
    assert [(q.question, q.answer) for q in questions] == [
        ("What is data leakage?", "> **Note**\n> Future information in features."),
    ]
    callouts = "".join(
        f"> [!question] What is {term}?\n>> [!success]- Answer\n>> {meaning}\n\n"
        for term, meaning in (("speculative decoding", "A draft proposes."), ("paging", "Blocks of cache."))
    )
    _, questions, _ = read_text(tmp_path, "# Inference\n\n" + callouts)
    assert [(q.question, q.answer) for q in questions] == [
        ("What is speculative decoding?", "A draft proposes."),
        ("What is paging?", "Blocks of cache."),
    ]

"""Benchmark: duplicate detection and related questions on 1,000 / 3,000 / 10,000 questions.

The synthetic corpus is built in memory (no files, no readers): questions over
invented concept words plus the field's real terms, asked with varied templates,
spread over eight sources. The vocabulary grows with the corpus as real text
does (Heaps' law, V = 40 * n^0.7: 5,000 words at 1,000 questions, 25,000 at
10,000), so a concept is shared by a few more questions at each size; the
"cand/q" column shows how many candidates each question is scored against. About 5% are
planted duplicates: the same concepts asked again in another source with
different wording ("What is X?" / "Can you explain X?"). The table shows the
time of `dedupe.find_groups` and `related.find_related`, time per question, the
growth factor from the smallest size (1.0 = perfectly linear), and how many
planted duplicates were found.

    .venv/bin/python -m benchmarks.bench_dedupe [--sizes 1000 3000 10000]
"""

from __future__ import annotations

import argparse
import random
import time

from generator.config import Curation
from generator.model import Location, Question, question_id
from generator.organise import dedupe, related
from generator.organise.textsim import fold

SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "ta", "vo", "zen", "qua", "dri", "fel", "mor", "pix", "sul", "tor")
REAL_TERMS = (
    "attention",
    "LoRA",
    "beam search",
    "tokenization",
    "RLHF",
    "perplexity",
    "quantization",
    "retrieval-augmented generation",
    "KL divergence",
    "positional encoding",
    "few-shot prompting",
    "catastrophic forgetting",
    "mixture of experts",
    "hallucinations",
    "cross-entropy loss",
)
TEMPLATES = (
    "What is {a}?",
    "How does {a} work in {b}?",
    "What is the difference between {a} and {b}?",
    "Why is {a} important for {b}?",
    "What are the benefits of {a}?",
    "How do you mitigate {a}?",
    "What are the limitations of {a} when used with {b}?",
    "Give an example of {a} in {b}.",
)
PARAPHRASES = {
    "What is {a}?": ("Can you explain {a}?", "Describe {a}.", "What do you know about {a}?"),
    "What are the benefits of {a}?": ("What advantages does {a} bring?",),
    "How do you mitigate {a}?": ("How can {a} be prevented?", "How would you reduce {a}?"),
}
SOURCES = 8
DUPLICATE_SHARE = 0.05
HEAPS_K, HEAPS_BETA = 40, 0.7


def vocabulary(rng: random.Random, size: int) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words) + list(REAL_TERMS)


def synthetic(n: int, seed: int = 1) -> tuple[list[Question], set[str]]:
    """n questions and the ids of the planted paraphrases."""
    rng = random.Random(seed)
    vocab = vocabulary(rng, int(HEAPS_K * n**HEAPS_BETA))
    questions, planted = [], set()
    for i in range(n):
        source = f"src{i % SOURCES}"
        if questions and rng.random() < DUPLICATE_SHARE:
            original = rng.choice(questions)
            template, a = original.label.split("|", 1)
            if template in PARAPHRASES and original.source != source:
                text = rng.choice(PARAPHRASES[template]).format(a=a)
                questions.append(_question(source, i, text, template, a))
                planted.add(questions[-1].id)
                continue
        template = rng.choice(TEMPLATES)
        a, b = rng.sample(vocab, 2)
        questions.append(_question(source, i, template.format(a=a, b=b), template, a))
    return questions, planted


def _question(source: str, n: int, text: str, template: str, a: str) -> Question:
    kind = "prompt" if n % 3 == 0 else "open"
    answer = None if kind == "prompt" else f"An answer about {a}."
    return Question(
        question_id(source, text),
        source,
        n,
        text,
        kind,
        answer,
        Location(f"{source}.txt", n),
        label=f"{template}|{a}",
    )


def timed(fn, *args, repeat: int = 3):
    """Best CPU time of `repeat` runs (text caches cleared before each), so other work
    on a shared machine and a warm cache do not count."""
    best = float("inf")
    for _ in range(repeat):
        fold.cache_clear()
        started = time.process_time()
        result = fn(*args)
        best = min(best, time.process_time() - started)
    return result, best


def run(sizes: list[int]) -> None:
    print(
        f"{'questions':>9} | {'find_groups s':>13} | {'find_related s':>14} | {'total ms/q':>10} | "
        f"{'growth':>6} | {'cand/q':>6} | {'groups':>6} | {'planted found':>15} | wrong merges"
    )
    print("-" * 112)
    base = None
    for n in sizes:
        questions, planted = synthetic(n)
        group_of, t_groups = timed(dedupe.find_groups, questions, Curation())
        _, t_related = timed(related.find_related, questions, group_of)
        per_question = (t_groups + t_related) / n
        base = base or per_question
        found, wrong = _quality(questions, group_of, planted)
        print(
            f"{n:>9,} | {t_groups:>13.3f} | {t_related:>14.3f} | {per_question * 1000:>10.3f} | "
            f"{per_question / base:>6.2f} | {_candidates_per_question(questions):>6.1f} | "
            f"{len(set(group_of.values())):>6,} | "
            f"{f'{found:,} of {len(planted):,}':>15} | {wrong}"
        )
    print("growth = time per question relative to the smallest size (1.00 = linear)")


def _quality(questions: list[Question], group_of: dict[str, str], planted: set[str]) -> tuple[int, int]:
    """(planted paraphrases grouped with their original, groups mixing different questions)."""
    labels: dict[str, set[str]] = {}
    for q in questions:
        if q.id in group_of:
            labels.setdefault(group_of[q.id], set()).add(q.label)
    found = sum(1 for q in questions if q.id in planted and q.id in group_of)
    return found, sum(1 for ls in labels.values() if len(ls) > 1)


def _candidates_per_question(questions: list[Question]) -> float:
    term_sets = [related.terms(q) for q in questions]
    postings: dict[str, list[int]] = {}
    for i, ts in enumerate(term_sets):
        for t in ts:
            postings.setdefault(t, []).append(i)
    return sum(len(related._candidates(i, ts, postings)) for i, ts in enumerate(term_sets)) / len(questions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    run(parser.parse_args().sizes)


if __name__ == "__main__":
    main()

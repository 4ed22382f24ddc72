"""Ingest benchmark: time the read, parse and clean stages on 10,000 synthetic questions.

The corpus is written to a temporary folder in the plain-text formats of the
numbered, prose, outline and question_list readers (with MCQs, page junk,
diagram labels, math and prices mixed in), 250 questions a file. Prints the best
wall and CPU seconds per stage over a few runs (other jobs may share the machine)
and the total; the target is well under 5 s. Not a test.

    python -m benchmarks.bench_ingest                 # 10,000 questions
    python -m benchmarks.bench_ingest --questions 50000
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from generator import pipeline
from generator.config import load_content

ROOT = Path(__file__).resolve().parents[1]
PER_FILE = 250
TERMS = (
    "attention",
    "tokenization",
    "beam search",
    "LoRA adapters",
    "the KV cache",
    "RLHF",
    "perplexity",
    "positional encoding",
    "quantization",
    "retrieval",
    "distillation",
    "dropout",
    "layer norm",
)
SENTENCE = (
    "{a} changes how a model handles {b}, which matters when the context grows and the budget is "
    "about $5 per million tokens. The score uses \\frac{{QK^T}}{{\\sqrt{{d_k}}}} and $k=10$."
)


def _question(rng: random.Random, i: int) -> tuple[str, str]:
    a, b = rng.sample(TERMS, 2)
    return f"How does {a} relate to {b} in case {i}?", SENTENCE.format(a=a.capitalize(), b=b)


def numbered(rng: random.Random, start: int, count: int) -> str:
    out = ["Interview notes", ""]
    for i in range(start, start + count):
        question, answer = _question(rng, i)
        label = f"Q{i - start + 1}"
        if i % 10 == 0:
            out += [
                f"{label}. Which term fits case {i}?",
                "A. One",
                "B. Two",
                "C. Three",
                "D. Four",
                "Answer: C. Three",
                "",
            ]
            continue
        out += [
            f"{label}. {question}",
            "",
            f"Ans - {answer}",
            "",
            "better",
            "accuracy",
            "",
            "larger context",
            "window",
            "",
            "- **Point:** a list item.",
            "- **Other:** another one.",
            "",
            "Image Source: Somewhere",
            "",
        ]
    return "\n".join(out + ["**Follow for more", "AI/ML posts**", "SAVE"])


def prose(rng: random.Random, start: int, count: int) -> str:
    out = ["LLM questions", "", "An intro paragraph about the page.", ""]
    for i in range(start, start + count):
        question, answer = _question(rng, i)
        out += [question, "", answer, "", "A second paragraph. Also Read: nothing" if i % 7 else "Short.", ""]
    return "\n".join(out + ["Final Words", "", "Thanks for reading.", "", "Similar Posts"])


def outline(rng: random.Random, start: int, count: int) -> str:
    topics = [f"Topic {i} on {rng.choice(TERMS)}" for i in range(start, start + count)]
    out = ["Study notes", *(f"- {t}" for t in topics), "Answers", "Basics"]
    for topic in topics:
        out += [f"- {topic}:", f"- {_question(rng, 0)[1]}", "- Detail: a nested point."]
    return "\n".join(out + ["Leave a comment"])


def question_list(rng: random.Random, start: int, count: int) -> str:
    out = ["Here are questions:", "", "### **Section:**", ""]
    for i in range(start, start + count):
        out.append(f"{i - start + 1}. **{_question(rng, i)[0]}**")
    return "\n".join(out)


WRITERS = (numbered, prose, outline, question_list)


def write_corpus(folder: Path, questions: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for index, start in enumerate(range(0, questions, PER_FILE)):
        writer = WRITERS[index % len(WRITERS)]
        count = min(PER_FILE, questions - start)
        (folder / f"{writer.__name__}-{index:04d}.txt").write_text(
            writer(rng, start, count), encoding="utf-8"
        )


def ingest(root: Path) -> tuple[dict[str, float], dict[str, float], Counter]:
    """(wall seconds, CPU seconds, kinds) per stage of generator.pipeline.read_sources, in
    this process: CPU time shows the cost when other jobs share the machine."""
    seconds: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)

    def timed(stage, fn, *args):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = fn(*args)
        seconds[stage] += time.perf_counter() - started
        cpu[stage] += time.process_time() - started_cpu
        return result

    _, questions, _ = pipeline.read_sources(load_content(root), None, timed)
    return seconds, cpu, Counter(q.kind for q in questions)


def project(folder: Path) -> Path:
    """A project in `folder`: this one's content/ settings, with empty sources."""
    shutil.copytree(ROOT / "content", folder / "content", ignore=shutil.ignore_patterns("sources"))
    (folder / "content" / "sources").mkdir()
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best time per stage is shown")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = project(Path(tmp))
        write_corpus(root / "content" / "sources", args.questions)
        runs = [ingest(root) for _ in range(max(1, args.repeat))]
    kinds = runs[0][2]
    seconds = {stage: min(run[0][stage] for run in runs) for stage in runs[0][0]}
    cpu = {stage: min(run[1][stage] for run in runs) for stage in runs[0][1]}
    print(
        f"{sum(kinds.values()):,} questions ingested ({dict(kinds)}); load average {os.getloadavg()[0]:.1f}"
    )
    print(f"  {'stage':<15} {'wall':>7} {'cpu':>7}")
    for stage in ("read", "parse", "clean"):
        print(f"  {stage:<15} {seconds[stage]:6.2f}s {cpu[stage]:6.2f}s")
    print(
        f"  {'total':<15} {sum(seconds.values()):6.2f}s {sum(cpu.values()):6.2f}s"
        "   (target: well under 5 s for 10,000)"
    )


if __name__ == "__main__":
    main()

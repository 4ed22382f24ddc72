"""Synthetic corpus generator: N questions spread over files in every supported source format.

Formats (one writer per format, in FORMATS): numbered `Q1.`/`Ans -` blocks, prose question
lines followed by paragraphs, an outline followed by an "Answers" section, question-only
lists under `###` headings, multiple choice `A.`-`D.` with `Answer: C.`, Markdown `##`
headings, labelled `Question:`/`Answer:` blocks, and HTML pages with page chrome.
Answers hold inline and display math, currency amounts, and lists; about 5% of the
questions appear again in a second file (cross-file duplicates).

The vocabulary comes from the project's `content/topics.yml` descriptions so questions
spread over the real topics. Output is deterministic for a given N and seed.

    python -m benchmarks.synth --questions 10000 --out /tmp/synth10k
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PROJECT_FILES = ("mkdocs.yml", "overrides", "content/topics.yml", "content/curation.yml", "content/pages")
DUPLICATE_SHARE = 0.05
QUESTIONS_PER_FILE = 250  # at least two files per format however small N is
TERM_SPLIT = re.compile(r"[;,]\s*|\s+and\s+|\s+versus\s+")
PLAIN_TERM = re.compile(r"[a-z0-9][a-z0-9 -]{2,38}")

# question template -> the outline format's short heading for it (unique per template)
QUESTION_TEMPLATES = {
    "What is {a}, and why does it matter for {b}?": "why it matters",
    "How does {a} affect {b}?": "effects",
    "Can you explain the difference between {a} and {b}?": "differences",
    "Why is {a} important when working with {b}?": "importance",
    "What are the main challenges of {a} in {b}?": "challenges",
    "How would you evaluate {a} for {b}?": "evaluation",
    "Describe how {a} relates to {b}.": "relation",
    "What role does {a} play in {b}?": "role",
    "When should you prefer {a} over {b}?": "trade-offs",
    "How can {a} be improved using {b}?": "improvements",
}
TEMPLATES = tuple(QUESTION_TEMPLATES)
FILLER = (
    "the model",
    "each layer",
    "the training data",
    "a production system",
    "the tokenizer",
    "the loss",
    "inference latency",
    "memory use",
    "the attention weights",
    "a benchmark",
)
MATH_INLINE = (
    r"$\frac{QK^T}{\sqrt{d_k}}$",
    r"$\hat{y}_i = \mathrm{softmax}(z_i)$",
    r"$\mathcal{L} = -\sum_i y_i \log p_i$",
    r"$W = W_0 + BA$",
)
MATH_DISPLAY = r"$$\mathrm{Attention}(Q, K, V) = \mathrm{softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right)V$$"
CURRENCY = ("It costs about $5 per million tokens.", "Plans cost $10 and $20 a month.")


@dataclass(frozen=True)
class Item:
    question: str
    paragraphs: tuple[str, ...]
    choices: tuple[str, ...] = ()
    correct: str = ""
    heading: str = ""  # the outline format names a topic, not a question


def terms_from_topics(topics_yml: Path) -> list[str]:
    """Short noun phrases from topic descriptions: the words the classifier keys on."""
    data = yaml.safe_load(topics_yml.read_text(encoding="utf-8"))
    terms = set()
    for topic in data["topics"]:
        for part in TERM_SPLIT.split(topic.get("description", "")):
            part = part.strip(" .").lower()
            if PLAIN_TERM.fullmatch(part) and part.count(" ") < 4:
                terms.add(part)
    return sorted(terms)


def make_items(n: int, terms: list[str], rng: random.Random) -> list[Item]:
    """n distinct questions with answers; combinations are enumerated, shuffled and cut to n."""
    pairs = [(a, b) for a, b in itertools.permutations(terms, 2)]
    combos = list(itertools.product(range(len(TEMPLATES)), range(len(pairs))))
    rng.shuffle(combos)
    while len(combos) < n:  # tiny vocabularies only: repeat with a qualifier
        combos += [(t, p) for t, p in combos[: n - len(combos)]]
    items = []
    for i, (t, p) in enumerate(combos[:n]):
        a, b = pairs[p]
        question = TEMPLATES[t].format(a=a, b=b)
        heading = f"{a.capitalize()} and {b.capitalize()} ({QUESTION_TEMPLATES[TEMPLATES[t]]})"
        if i >= len(TEMPLATES) * len(pairs):
            question, heading = question[:-1] + f" in case {i}?", heading[:-1] + f" {i})"
        items.append(Item(question, make_answer(a, b, rng), *make_choices(a, b, rng), heading=heading))
    return items


def make_answer(a: str, b: str, rng: random.Random) -> tuple[str, ...]:
    sentences = [
        f"{a.capitalize()} shapes how {rng.choice(FILLER)} handles {b}.",
        f"In practice {a} trades accuracy against cost in {rng.choice(FILLER)}.",
        f"A common mistake is to ignore {b} when tuning {rng.choice(FILLER)}.",
        f"Teams measure {a} on held-out data before changing {b}.",
    ]
    rng.shuffle(sentences)
    paragraphs = [" ".join(sentences[:2]), " ".join(sentences[2:])]
    roll = rng.random()
    if roll < 0.08:
        paragraphs[0] += f" The score is {rng.choice(MATH_INLINE)} for each token."
    elif roll < 0.11:
        paragraphs.append(MATH_DISPLAY)
    elif roll < 0.14:
        paragraphs.append(rng.choice(CURRENCY))
    if rng.random() < 0.2:
        paragraphs.append(f"- {a.capitalize()} first\n- then {b}\n- then {rng.choice(FILLER)}")
    return tuple(paragraphs)


def make_choices(a: str, b: str, rng: random.Random) -> tuple[tuple[str, ...], str]:
    options = (f"{a.capitalize()} only", f"{b.capitalize()} only", f"Both {a} and {b}", "Neither")
    return options, "ABCD"[rng.randrange(4)]


def _paras(item: Item) -> str:
    return "\n\n".join(item.paragraphs)


def write_numbered(items: list[Item]) -> tuple[str, str]:
    blocks = [f"Q{i}. {it.question}\n\nAns - {_paras(it)}" for i, it in enumerate(items, 1)]
    return ".txt", "Numbered Interview Questions\n\n\n" + "\n\n\n".join(blocks) + "\n"


def write_prose(items: list[Item]) -> tuple[str, str]:
    items = [it if it.question.endswith("?") else Item(it.question[:-1] + "?", it.paragraphs) for it in items]
    blocks = [f"{it.question}\n\n{_paras(it)}" for it in items]
    intro = "Questions People Ask\n\nThis guide collects questions with answers for interview practice.\n\n"
    return ".txt", intro + "\n\n".join(blocks) + "\n"


def write_outline(items: list[Item]) -> tuple[str, str]:
    heads = [it.heading for it in items]
    outline = "\n".join(f"- {h}" for h in heads)
    answers = "\n".join(f"- {h}:\n- {it.paragraphs[0]}" for h, it in zip(heads, items))
    return ".txt", f"Interview Prep Notes\nBasic Concepts\n{outline}\nAnswers\n{answers}\n"


def write_question_list(items: list[Item]) -> tuple[str, str]:
    out, n = ["Here are interview-style questions by theme:\n"], 0
    for start in range(0, len(items), 12):
        out.append(f"### **Theme {start // 12 + 1}:**\n")
        for it in items[start : start + 12]:
            n += 1
            out.append(f"{n}. **{it.question}**")
        out.append("")
    return ".txt", "\n".join(out) + "\n"


def write_mcq(items: list[Item]) -> tuple[str, str]:
    blocks = []
    for i, it in enumerate(items, 1):
        options = "\n".join(f"{letter}. {text}" for letter, text in zip("ABCD", it.choices))
        chosen = it.choices["ABCD".index(it.correct)]
        blocks.append(
            f"Q{i}. {it.question}\n{options}\nAnswer: {it.correct}. {chosen}\nExplanation: {it.paragraphs[0]}"
        )
    return ".txt", "Multiple Choice Questions\n\n" + "\n\n".join(blocks) + "\n"


def write_markdown(items: list[Item]) -> tuple[str, str]:
    blocks = [f"## {it.question}\n\n{_paras(it)}" for it in items]
    return ".md", "# Study Notes\n\n" + "\n\n".join(blocks) + "\n"


def write_labelled(items: list[Item]) -> tuple[str, str]:
    blocks = [f"Question: {it.question}\nAnswer: {_paras(it)}" for it in items]
    return ".txt", "Practice Set\n\n" + "\n\n".join(blocks) + "\n"


def write_html(items: list[Item]) -> tuple[str, str]:
    body = []
    for it in items:
        paras = "".join(
            f"<p>{p}</p>"
            if not p.startswith("- ")
            else "<ul>" + "".join(f"<li>{x[2:]}</li>" for x in p.splitlines()) + "</ul>"
            for p in it.paragraphs
        )
        body.append(f"<h2>{it.question}</h2>\n{paras}")
    page = (
        "<!DOCTYPE html><html><head><title>Interview Questions</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/blog'>Blog</a></nav>\n<h1>Interview Questions</h1>\n"
        + "\n".join(body)
        + "\n<div class='share'>Share this post</div><footer>Subscribe to our newsletter</footer>"
        "</body></html>\n"
    )
    return ".html", page


# format name -> (writer, relative weight of questions in this format)
FORMATS = {
    "numbered": (write_numbered, 3),
    "prose": (write_prose, 2),
    "outline": (write_outline, 1),
    "question_list": (write_question_list, 2),
    "mcq": (write_mcq, 1),
    "markdown": (write_markdown, 2),
    "labelled": (write_labelled, 1),
    "html": (write_html, 1),
}


def generate(n: int, out: Path, seed: int = 1) -> dict[str, int]:
    """Write a buildable project with about n questions under out; returns questions per format."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    copy_project(out)
    sources = out / "content" / "sources"
    sources.mkdir(parents=True)
    unique = round(n / (1 + DUPLICATE_SHARE))
    items = make_items(unique, terms_from_topics(ROOT / "content" / "topics.yml"), rng)
    # Formats repeat in a fixed weighted cycle so every format appears once N allows it.
    cycle = [name for name, (_, weight) in FORMATS.items() for _ in range(weight)]
    files = max(2 * len(FORMATS), n // QUESTIONS_PER_FILE)
    chunks = [items[f * unique // files : (f + 1) * unique // files] for f in range(files)]
    file_of = [f for f, chunk in enumerate(chunks) for _ in chunk]
    # Cross-file duplicates: distinct originals, each again in one other file, answer reordered.
    for index in sorted(rng.sample(range(unique), n - unique)):
        original = items[index]
        other = rng.choice([f for f in range(files) if f != file_of[index]])
        chunks[other].append(
            Item(
                original.question,
                original.paragraphs[::-1],
                original.choices,
                original.correct,
                original.heading,
            )
        )
    counts = dict.fromkeys(FORMATS, 0)
    for file_no, chunk in enumerate(chunks):
        rng.shuffle(chunk)
        fmt = cycle[file_no % len(cycle)]
        suffix, text = FORMATS[fmt][0](chunk)
        (sources / f"synth-{file_no:04d}-{fmt.replace('_', '-')}{suffix}").write_text(text, encoding="utf-8")
        counts[fmt] += len(chunk)
    return counts


def copy_project(out: Path) -> None:
    """The project files a build needs besides sources: config, theme overrides, topics."""
    for rel in PROJECT_FILES:
        src, dst = ROOT / rel, out / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dst)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--questions", "-n", type=int, default=1000)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    counts = generate(args.questions, args.out, args.seed)
    files = len(list((args.out / "content" / "sources").iterdir()))
    print(
        f"{sum(counts.values())} questions in {files} files under {args.out}: "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
    )


if __name__ == "__main__":
    main()

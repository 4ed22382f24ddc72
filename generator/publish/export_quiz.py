"""Exports for learning platforms: Moodle GIFT and Aiken, read back by our own readers.

GIFT carries every kind: an MCQ with its options, correct option and explanation
(as general feedback, `####`), an answered question as an essay whose general
feedback is the answer, a practice prompt as an empty essay `{}`. Each topic is a
`$CATEGORY:`; the question id is the GIFT title, so a re-import can be matched up.
Text is written in GIFT's `[markdown]` format with `\\~ \\= \\# \\{ \\} \\: \\\\` escaped
and line breaks as `\\n`.

Aiken holds only multiple choice with a correct option, one line per question and
option, and no explanation; everything else is left out and counted.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from generator.model import Corpus, Question
from generator.render.layout import topic_for

EXTENSIONS = {"gift": "gift", "aiken": "txt"}
DEFAULT_DIR = Path("dist")
GIFT_SPECIAL = str.maketrans({c: "\\" + c for c in "\\~=#{}:"} | {"\n": "\\n", "\r": ""})
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def gift_escape(text: str) -> str:
    return text.translate(GIFT_SPECIAL)


def plain(markdown_title: str) -> str:
    """A question title (inline Markdown that shows plain text) as that plain text."""
    return MARKDOWN_ESCAPE.sub(r"\1", markdown_title)


def shown_by_topic(corpus: Corpus) -> list[tuple[str, list[Question]]]:
    """(topic title, its questions in corpus order) in topic order; hidden questions left out."""
    grouped: dict[str, list[Question]] = {t.id: [] for t in corpus.topics}
    for q in corpus.shown():
        grouped[topic_for(corpus, q.id)].append(q)
    return [(t.title, grouped[t.id]) for t in corpus.topics if grouped[t.id]]


def gift_question(q: Question) -> str:
    head = f"::{gift_escape(q.id)}::[markdown]{gift_escape(q.question)} {{"
    body = []
    if q.kind == "mcq":
        body = [f"\t{'=' if c.letter == q.correct else '~'}{gift_escape(c.text)}" for c in q.choices]
    if q.answer:
        body.append(f"\t####{gift_escape(q.answer)}")
    return "\n".join([head, *body, "}"]) if body else head + "}"


def gift_text(corpus: Corpus) -> str:
    parts = ["// LLM Interview Study: questions for import into Moodle (GIFT format)."]
    for title, questions in shown_by_topic(corpus):
        parts.append(f"$CATEGORY: $course$/top/{gift_escape(title.replace('/', '//'))}")
        parts += [gift_question(q) for q in questions]
    return "\n\n".join(parts) + "\n"


def aiken_question(q: Question) -> str:
    lines = [" ".join(plain(q.question).split())]
    lines += [f"{c.letter}. {' '.join(c.text.split())}" for c in q.choices]
    return "\n".join([*lines, f"ANSWER: {q.correct}"])


def aiken_text(corpus: Corpus) -> tuple[str, Counter[str]]:
    """The Aiken file and, by reason, how many questions it could not hold."""
    left_out: Counter[str] = Counter()
    kept = []
    for _, questions in shown_by_topic(corpus):
        for q in questions:
            if q.kind == "mcq" and q.correct and q.choices:
                kept.append(aiken_question(q))
                left_out["explanations dropped"] += bool(q.answer)
            else:
                left_out[_reason(q)] += 1
    return "\n\n".join(kept) + ("\n" if kept else ""), left_out


def _reason(q: Question) -> str:
    return {"open": "answered questions", "prompt": "practice prompts"}.get(
        q.kind, "MCQs without a correct option"
    )


def aiken_note(left_out: Counter[str]) -> str:
    total = sum(n for reason, n in left_out.items() if reason != "explanations dropped")
    reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(left_out.items()) if n)
    return f"Aiken holds only multiple choice: left out {total} questions ({reasons or 'none'})"


def export_quiz(corpus: Corpus, fmt: str, out_path: Path | None = None) -> tuple[Path, str]:
    """Write GIFT or Aiken; returns the path and a line saying what was left out."""
    out = out_path or DEFAULT_DIR / f"llm-study.{EXTENSIONS[fmt]}"
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "gift":
        text, note = gift_text(corpus), ""
    else:
        text, left_out = aiken_text(corpus)
        note = aiken_note(left_out)
    out.write_text(text, encoding="utf-8", newline="\n")
    return out, note

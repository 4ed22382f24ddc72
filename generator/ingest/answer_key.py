"""Answers given after all the questions, matched back by number.

Blog posts and worksheets list the questions first and answer them further down (a line
between the two runs, "Try them first! Answers below.", is left out):

    1. What is a VAE?                <- questions numbered 1..n, nothing under them
    2. How does a GAN work?
    ## Answers
    **1.** An autoencoder whose ...  <- the same numbers again, not asking: the answers
    **2.** A generator and ...

The segmenter reads both runs as numbered questions (restarting at 1). When the first
run has no answers and the second run's titles do not ask, each item of the second run
is the answer to the question with its number.
"""

from __future__ import annotations

from dataclasses import replace

from generator.ingest.segment import reads_as_question
from generator.ingest.titles import parse_title
from generator.model import Draft, Line


def fold_answer_key(drafts: list[Draft]) -> list[Draft] | None:
    """The questions with the answers of a key after them, or None when there is no key."""
    restart = next((i for i in range(1, len(drafts)) if drafts[i].label == "1"), None)
    if restart is None or drafts[0].label != "1":
        return None
    questions, keys = drafts[:restart], drafts[restart:]
    by_label = {d.label: i for i, d in enumerate(questions)}
    if (
        len(by_label) != len(questions)
        or any(d.answer or d.choices for d in questions[:-1])
        or _blank_lines(questions[-1].answer)  # more than a line between the runs
        or sum(1 for d in keys if d.label in by_label) * 2 < len(questions)
        or sum(1 for d in keys if reads_as_question(parse_title(d.question))) * 2 > len(keys)
    ):
        return None
    out = list(questions)
    done: set[int] = set()
    for key in keys:
        index = by_label.get(key.label)
        if index is None or index in done:
            return None  # a number twice, or one no question has: not an answer key
        done.add(index)
        first = Line(key.location.line, key.question)
        rest = (Line(first.no, ""), *key.answer) if key.answer else ()
        out[index] = replace(out[index], answer=(first, *rest))
    return out


def _blank_lines(lines: tuple[Line, ...]) -> bool:
    return any(not line.text.strip() for line in lines)

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

Quizzes do the same with options: the second run names a letter (`1. **B** - because ...`),
or a key follows the last question's options (`1-b, 2-c, 3-b`, a two-column table, a list
of `1: b`); the letter is the question's correct option, anything after it the explanation.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.ingest.readers.answer_key import KEY_HEAD, key_pairs
from generator.ingest.segment import reads_as_question
from generator.ingest.titles import parse_title
from generator.model import Draft, Line

MARKUP = re.compile(r"[*_`|>]+|^[ \t]*[-+][ \t]+")
LETTER = re.compile(r"\W*(?:option[ \t]+)?\(?(?P<letter>[a-h])\b\)?(?:[ \t]*[-–—:.)][ \t]*|[ \t]+|$)", re.I)
# A line of a key: pairs (`1-b  2-c`), or the number or the letter alone (a table's cells).
KEY_PIECE = re.compile(r"[ \t]*(?:\d{1,3}[.):]?|\(?[a-h]\)?|-{3,}|:?-+:?)?[ \t]*", re.I)
MIN_KEYED = 2
# A key table's row with a third column saying why: `| 1 | B | Cosine ignores length. |`.
WHY_ROW = re.compile(
    r"^[ \t]*\|?[ \t]*(?P<n>\d{1,3})[ \t]*\|[ \t]*[*_]{0,2}\(?(?P<letter>[a-hA-H])\)?[*_]{0,2}[ \t]*"
    r"\|(?P<why>[^|]*[^|\s][^|]*)\|?[ \t]*$"
)


def fold_answer_key(drafts: list[Draft]) -> list[Draft] | None:
    """The questions with the answers of a key after them, or None when there is no key."""
    restart = next((i for i in range(1, len(drafts)) if drafts[i].label == "1"), None)
    if restart is None or drafts[0].label != "1":
        return None
    questions, keys = drafts[:restart], drafts[restart:]
    by_label = {d.label: i for i, d in enumerate(questions)}
    quiz = all(d.choices and d.correct is None for d in questions)
    last = _without_head(questions[-1].answer) if quiz else questions[-1].answer
    if (
        len(by_label) != len(questions)
        or any(d.answer or (d.choices and not quiz) for d in questions[:-1])
        or _blank_lines(last)  # more than a line between the runs
        or sum(1 for d in keys if d.label in by_label) * 2 < len(questions)
        or sum(1 for d in keys if reads_as_question(parse_title(d.question))) * 2 > len(keys)
    ):
        return None
    out = [*questions[:-1], replace(questions[-1], answer=last)]
    done: set[int] = set()
    for key in keys:
        index = by_label.get(key.label)
        if index is None or index in done:
            return None  # a number twice, or one no question has: not an answer key
        done.add(index)
        keyed = _keyed(out[index], key) if quiz else _answered(out[index], key, key.question)
        if keyed is None:
            return None
        out[index] = keyed
    return out


def fold_key_lines(drafts: list[Draft]) -> list[Draft] | None:
    """The quiz with the key that ends the last question's answer applied, or None."""
    if sum(1 for d in drafts if d.choices and d.correct is None and d.label) < MIN_KEYED:
        return None
    why = {row["n"]: row for line in drafts[-1].answer if (row := WHY_ROW.match(line.text))}
    found = _trailing_key(drafts)
    if found is None:
        return None
    out, text, headed = found
    pairs = key_pairs(text) if text.strip() else None
    by_label = {d.label: i for i, d in enumerate(out) if d.choices and d.correct is None}
    if not pairs or len(pairs) < (MIN_KEYED if headed else 3) or not pairs.keys() <= by_label.keys():
        return None
    for label, letter in pairs.items():
        if not any(c.letter == letter for c in out[by_label[label]].choices):
            return None
        question = out[by_label[label]]
        row = why.get(label)
        said = (Line(_row_line(drafts[-1], row), row["why"].strip()),) if row and not question.answer else ()
        out[by_label[label]] = replace(question, correct=letter, answer=question.answer or said)
    return out


def _row_line(draft: Draft, row: re.Match[str]) -> int:
    return next((line.no for line in draft.answer if line.text == row.string), draft.location.line)


def _trailing_key(drafts: list[Draft]) -> tuple[list[Draft], str, bool] | None:
    """The drafts without the key lines ending the last answer, those lines' text, and whether
    an "Answer key" head line led them."""
    last = drafts[-1]
    lines = last.answer
    start = len(lines)
    while start > 0 and _key_line(lines[start - 1].text):
        start -= 1
    text = " ".join(_key_text(line.text) for line in lines[start:])
    if 0 < start < len(lines) and not _key_text(lines[start].text) and lines[start - 1].text.startswith("|"):
        start -= 1  # the header over a key table's rule line: `| Q | Answer | Why |`
    if start == 0 and not last.choices and _key_line(f"{last.label}. {last.question}"):
        # `**1.** B` over `**2.** C` lines: the key's first line was read as a question
        rest = drafts[:-1]
        headed = bool(rest) and _without_head(rest[-1].answer) != rest[-1].answer
        if headed:
            rest[-1] = replace(rest[-1], answer=())
        return rest, f"{last.label}. {_plain(last.question)} {text}", headed
    head = start - 1
    while head >= 0 and not lines[head].text.strip():
        head -= 1
    found = KEY_HEAD.match(_plain(lines[head].text)) if head >= 0 else None
    if found is not None:
        text, start = _plain(lines[head].text)[found.end() :] + " " + text, head
    kept = lines[:start]
    while kept and not kept[-1].text.strip():
        kept = kept[:-1]
    return [*drafts[:-1], replace(last, answer=kept)], text, found is not None


def _keyed(question: Draft, key: Draft) -> Draft | None:
    """`**B** - because ...`: the correct option, and what follows it as the explanation."""
    title = _plain(key.question)
    found = LETTER.match(title)
    if found is None or not any(c.letter == found["letter"].upper() for c in question.choices):
        return None
    letter = found["letter"].upper()
    return _answered(replace(question, correct=letter), key, title[found.end() :].strip())


def _answered(question: Draft, key: Draft, first_text: str) -> Draft:
    first = (Line(key.location.line, first_text),) if first_text else ()
    rest = (Line(key.location.line, ""), *key.answer) if key.answer and first else key.answer
    return replace(question, answer=(*first, *rest))


def _without_head(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The last question's answer without an "Answer key" line the key run starts under."""
    texts = [line.text for line in lines if line.text.strip()]
    if len(texts) == 1 and KEY_HEAD.fullmatch(_plain(texts[0]).strip()):
        return ()
    return lines


def _key_text(text: str) -> str:
    row = WHY_ROW.match(text)
    if row:
        return f"{row['n']} {row['letter']}"
    plain = _plain(text)
    return plain if plain.strip(" -:") else ""  # a table's rule line says nothing of the key


def _key_line(text: str) -> bool:
    if WHY_ROW.match(text):
        return True
    plain = _plain(text)
    return KEY_PIECE.fullmatch(plain) is not None or key_pairs(plain) is not None


def _plain(text: str) -> str:
    return MARKUP.sub("", text)


def _blank_lines(lines: tuple[Line, ...]) -> bool:
    return any(not line.text.strip() for line in lines)

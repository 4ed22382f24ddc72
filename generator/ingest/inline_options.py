"""Options written on the question's own line: "Which model denoises? (A) GAN (B) Diffusion
(C) RNN (D) SVM" with "Answer: B" below.

Quiz pages and PDFs squeeze the options after the question. When a question ends in "?"
(or a stem ends in ":", a dash or a blank "____") followed by a run of option markers in
order — (A) (B) (C)…, A) B) C)…, A: B: C:… or A. B. C.… — and its answer names one of
those letters, the draft becomes a multiple-choice question: the text before
the markers is the question, each marker's text an option, the letter the correct one, and
the rest of the answer its explanation. Without a named letter the draft stays as it was:
options nobody marks right make a worse card than the line as written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.ingest.option_named import letter_named
from generator.model import Choice, Draft, Line

LETTERS = "ABCDEFGH"
STYLES = ("({})", "{})", "{}:", "{}.")
# A run's first marker in any style: most texts hold none, and one search says so.
FIRST_MARKER = re.compile(r" (?:\([Aa]\)|[Aa][):.]) ")
DASHED_ANSWER = re.compile(
    r"(?P<bold>\*\*|__)?(?P<question>[^?\n]{3,300}\?)(?P=bold)?[ \t]+(?:—|–|-{1,2}|:)[ \t]+(?P<answer>\S.*)"
)
SAID_ANSWER = re.compile(
    r"(?P<question>[^?\n]{3,300}\?)(?:\*\*|__)?[ \t]+(?:->|-&gt;|→|=>)[ \t]+(?P<answer>\S.*)"
    r"|(?P<told>[^\n]{3,300}?[.?!])[ \t]+(?:my answer(?: was)?[ \t]*:|i (?:said|answered)\b:?)"
    r"[ \t]*(?P<said>\S.*)",
    re.I,
)
STEM_ENDS = (":", "_", "…", "...", "-", "–", "—")
# "Answer:", "The correct answer is", "Option": what may come before a named letter or verdict.
SAID = (
    r"(?:the[ \t]{1,3})?(?:correct[ \t]{1,3})?(?:answer|option|choice)[ \t]{0,3}(?:is)?"
    r"[*_]{0,2}[ \t]{0,3}[:\-–]?[*_ \t]{0,4}"
)
# The answer's first line: "B", "(b)", "Answer: B", "Correct answer is B. Diffusion".
NAMED = re.compile(
    rf"^[*_ \t]{{0,4}}(?P<said>{SAID})?\(?(?P<letter>[A-Ha-h])"
    # A bare letter ends there or at punctuation: "A reward model …" opens a sentence with "A".
    r"(?:\)(?=[ \t]|$)|[.):*_]|$|(?(said)[ \t]|(?!)))",
    re.I,
)


# One option a line: "A. Quick sort", "b) Merge sort", "(C) Heap".
OPTION_LINE = re.compile(r"\(?(?P<letter>[A-Ha-h])[.)][ \t]+(?P<text>\S.*)")


# "True or False: …", "T/F - …", "… (True/False)", "…: true or false?": a question with two
# options it names itself. Blank runs are bounded: two unbounded runs in a row backtrack.
TF = r"(?:true[ \t]{0,3}(?:or|/)[ \t]{0,3}false|t[ \t]{0,3}/[ \t]{0,3}f)"
TRUE_FALSE = re.compile(
    rf"^\W{{0,4}}{TF}[ \t]{{0,3}}[:.)?\-–]"
    rf"|\([ \t]{{0,3}}{TF}[ \t]{{0,3}}\)\W{{0,3}}$|\b{TF}[ \t]{{0,3}}\?\W{{0,3}}$",
    re.I,
)
# Its answer's first line: "False", "Answer: True.", "**T** – because …"; the verdict stands
# alone or before punctuation ("True negatives are …" and "T-tests …" give none).
TRUTH = re.compile(
    rf"^[*_ \t]{{0,4}}(?:{SAID})?[*_]{{0,2}}(?P<value>true|false|t|f)[*_]{{0,2}}"
    r"(?:[ \t]{0,3}[.:,;\-–](?=[ \t]|$)|[ \t]*$)[ \t]{0,3}",
    re.I,
)


def with_answer_after_dash(draft: Draft) -> Draft:
    """`- What is dropout? — randomly zeroing activations`: a cheat sheet's question and its
    answer on one line, split at the dash after the question mark (the line stays an alias);
    an interview write-up's "What is X? -> …" and "Explain X. My answer: …" too, before the
    lines under it."""
    if draft.choices:
        return draft
    question = draft.question
    found = (None if draft.answer else DASHED_ANSWER.match(question)) or SAID_ANSWER.match(question)
    if found is None:
        return draft
    line = draft.location.line
    said = found["answer"] or found["said"]
    answer = (Line(line, said.strip()), *((Line(line, ""), *draft.answer) if draft.answer else ()))
    titles = (*draft.former_titles, draft.question)
    asked = found["question"] or found["told"]
    return replace(draft, question=asked.strip(), answer=answer, former_titles=titles)


def with_inline_options(draft: Draft) -> Draft:
    if draft.choices or not draft.answer:
        return draft
    split = split_inline(draft.question)
    if split is None:
        found = _options_on_next_line(draft)
        return found if found.choices else _true_or_false(draft)
    question, options = split
    at = next((i for i, line in enumerate(draft.answer) if line.text.strip()), None)
    return _named(draft, question, options, at)


def _true_or_false(draft: Draft) -> Draft:
    """A true-or-false question whose answer opens with its verdict: True and False as options."""
    if not TRUE_FALSE.search(draft.question):
        return draft
    at = next((i for i, line in enumerate(draft.answer) if line.text.strip()), None)
    verdict = TRUTH.match(draft.answer[at].text) if at is not None else None
    if at is None or verdict is None:
        return draft
    rest = draft.answer[at].text[verdict.end() :].strip()
    first = [Line(draft.answer[at].no, rest)] if rest else []
    correct = "A" if verdict["value"].lower().startswith("t") else "B"
    choices = (Choice("A", "True"), Choice("B", "False"))
    return replace(draft, choices=choices, correct=correct, answer=(*first, *draft.answer[at + 1 :]))


def _options_on_next_line(draft: Draft) -> Draft:
    """`A) Sydney B) Melbourne C) Canberra` as the line under the question, the letter below it."""
    filled = [i for i, line in enumerate(draft.answer) if line.text.strip()]
    if len(filled) < 2:
        return draft
    options = _run(draft.answer[filled[0]].text.strip(), 0)
    taken = 1
    if options is None:
        options = _option_lines([draft.answer[i].text for i in filled])
        taken = len(options) if options else 0
    if options is None or taken >= len(filled):
        return draft
    rest = draft.answer[filled[taken - 1] + 1 :]
    named = _named(
        replace(draft, answer=rest), draft.question, options, filled[taken] - filled[taken - 1] - 1
    )
    return named if named.choices else draft


def _option_lines(texts: list[str]) -> list[str] | None:
    """`A. Quick sort` / `B. Merge sort` … one a line (blank lines between or not): the options."""
    options: list[str] = []
    for text in texts[: len(LETTERS)]:
        found = OPTION_LINE.match(text.strip())
        if found is None or found["letter"].upper() != LETTERS[len(options)]:
            break
        options.append(found["text"].strip())
    return options if len(options) >= 2 else None


def _named(draft: Draft, question: str, options: list[str], at: int | None) -> Draft:
    """The draft as multiple choice when the answer line `at` names one of the options."""
    letter, rest = _letter_and_rest(draft.answer[at].text.strip() if at is not None else "", options)
    if at is None or letter is None:
        return draft
    if rest.lower().rstrip(".") == options[LETTERS.index(letter)].lower().rstrip("."):
        rest = ""  # "B. Diffusion" only repeats the option
    first = [Line(draft.answer[at].no, rest)] if rest else []
    choices = tuple(Choice(LETTERS[i], text) for i, text in enumerate(options))
    return replace(
        draft,
        question=question,
        choices=choices,
        correct=letter,
        answer=(*first, *draft.answer[at + 1 :]),
        # The id it had so far stays an alias.
        former_titles=draft.former_titles + ((draft.question,) if question != draft.question else ()),
    )


def _letter_and_rest(line: str, options: list[str]) -> tuple[str | None, str]:
    """The letter an answer line names, and what it says after it."""
    by_text = letter_named(line, options)  # "Answer: A reward model" names an option, not "A"
    if by_text is not None:
        return by_text, ""
    named = NAMED.match(line)
    if named is None or named["letter"].upper() not in LETTERS[: len(options)]:
        return None, ""
    return named["letter"].upper(), line[named.end() :].lstrip(" \t.:)-–*_").rstrip(" \t*_")


def split_inline(question: str) -> tuple[str, list[str]] | None:
    """(question, option texts) when markers (A) (B) … follow the question mark, in order, or
    follow a stem that ends as one waiting for its options does ("… pushes the posterior
    towards:", "Dropout is a form of ____.")."""
    mark = question.find("?")
    options = _run(question, mark + 1) if mark >= 0 else None
    if options:
        return question[: mark + 1].strip(), options
    first = FIRST_MARKER.search(question)
    stem = question[: first.start()].strip() if first else ""
    if first is None or not stem.rstrip(".").endswith(STEM_ENDS) or "?" in stem:
        return None
    options = _run(question, first.start())
    return (stem, options) if options else None


def _run(text: str, start: int) -> list[str] | None:
    """The option texts of a run of markers (A) (B) … after `start`; `start` 0 means the
    text must open with the first marker."""
    if not FIRST_MARKER.search(" " + text if start == 0 else text, start):
        return None
    for style in STYLES:
        for letters in (LETTERS, LETTERS.lower()):
            starts = _markers(" " + text if start == 0 else text, start, style, letters)
            if len(starts) < 2 or (start == 0 and starts[0][0] != 0):
                continue
            body = " " + text if start == 0 else text
            ends = [s for s, _ in starts[1:]] + [len(body)]
            options = [body[at:end].strip() for (_, at), end in zip(starts, ends, strict=True)]
            if all(options):
                return options
    return None


def _markers(text: str, start: int, style: str, letters: str) -> list[tuple[int, int]]:
    """(marker start, text start) of each marker in letter order; each `find` starts where
    the last one ended, so the scan is linear."""
    found = []
    for letter in letters:
        marker = " " + style.format(letter) + " "
        at = text.find(marker, start)
        if at < 0:
            break
        found.append((at, at + len(marker)))
        start = at + len(marker)
    return found

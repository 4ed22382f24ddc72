"""Reader: labelled blocks, `Question:` / `Answer:` (or `Q:` / `A:`), including MCQs.

Accepts, for example:

    Question: What does RLHF stand for?
    Answer: Reinforcement learning from human feedback.
    It tunes a model ...                         <- still the answer

    Q: Which method adds low-rank adapters?
    (a) Pruning
    (b) LoRA                                     <- also `b)`, `B)` or `B.`
    Correct answer: (b)                          <- or `Answer: (b) LoRA`
    Explanation: LoRA trains small matrices ...  <- becomes the answer text

A `#` heading between blocks is a section. Option letters become upper case.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.ingest.junk_rules import CHAT_SPEAKERS
from generator.ingest.label_words import ANSWER_WORDS, FULL_COLON, QUESTION_WORDS
from generator.ingest.readers import dotted
from generator.ingest.readers.choices import (
    LETTER_FIRST,
    OPTION,
    leading_options,
    letter_of,
    nothing_said,
    pasted_code,
    restated,
    unless_choice,
)
from generator.ingest.readers.common import MD_HEADING, Closed, add_closed, atx_heading_text, tidy_heading
from generator.model import Choice, Document, Draft, Line, Location, Problem

NAME = "labelled"

# Blanks before the optional `**` are possessive: handing them back is quadratic on a long run.
LABEL = r"(?:\*\*|__)?{}(?:\*\*|__)?(?:\s*[:" + FULL_COLON + r"]|\s+[-\u2013])\s*+(?:\*\*|__)?\s*"
# "Question", "Q" or the word in another language (label_words: "Pregunta 2:", "问题1：").
ASKED = rf"(?:Question|Q|(?P<word>{QUESTION_WORDS}))"
# "Q. What is …?" / "A. It is …": a letter and a dot (see dotted: not in a list, not option A).
DOTTED = dotted.DOTTED
Q_DOT = DOTTED.format("(?P<dot>Q)")
QUESTION = re.compile(
    r"^\s*(?:" + LABEL.format(ASKED + r"(?:\s*(?P<label>\d+[a-z]?))?") + "|" + Q_DOT + ")", re.I
)
WORD_LABEL = LABEL.format(ASKED + r"(?:\s*\d+[a-z]?)?")
ANY_QUESTION = "(?:" + WORD_LABEL + "|" + dotted.DOTTED.format("Q") + r")\S"
# With re.M, a line start's `\s*` would run on over every blank line after it (quadratic).
QUESTION_SNIFF = re.compile(r"^[^\S\n]*" + WORD_LABEL + r"\S", re.I | re.M)
SNIFF_LIMIT = 2_000_000
LABELLED_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+" + ANY_QUESTION, re.I | re.M)
ANSWERED = rf"(?:(?:Answer|Ans|Solution|A|{ANSWER_WORDS})(?:\s*\d+[a-z]?)?)"
ANSWER = re.compile(r"^\s*" + LABEL.format(ANSWERED), re.I)  # and dotted.answer
# "Q: What is dropout? A: Randomly zeroing …" (or "A. Randomly …", upper case as dotted labels
# are): the answer on the question's own line.
SAME_LINE_ANSWER = re.compile(
    r"(?<=[?\uff1f])[ \t]+(?:" + LABEL.format(ANSWERED) + "|" + DOTTED.format("(?-i:A)") + r")(?=\S)", re.I
)
INLINE_OPTION_B = re.compile(r"[ \t]\(?B[:.)][ \t]")
INLINE_OPTION_C = re.compile(r"[ \t]\(?C[:.)][ \t]")
CORRECT = re.compile(
    r"^\s*"
    + LABEL.format(r"(?:Correct\s+(?:answer|option|choice)|Correct)")
    + r"\(?(?P<letter>[A-Da-d])\b\)?\.?\s*(?P<rest>.*)$",
    re.I,
)
# A chat transcript's speaker: Q:/A: pairs inside one of its turns end where the next turn starts.
CHAT_TURN = re.compile(rf"^\s*(?:\*\*|__)?{CHAT_SPEAKERS}(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*\S", re.I)
FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
# A bullet that asks, outside any labelled block (under a heading, before the next label).
LOOSE_QUESTION = re.compile(r"^[ ]{0,3}[-*+][ \t]+(\S[^\n]{0,500}\?)[ \t]*$")
EXPLANATION = re.compile(r"^\s*" + LABEL.format(r"Explanation"), re.I)


def matches(text: str) -> bool:
    """Two or more `Question:`/`Q:` labels at line starts, unless the questions are Markdown
    headings (`### Q: Why …?`): then a `**Question:**` line is a field of each entry's body,
    and the Markdown reader reads the document by its headings."""
    if question_labels(text) < 2:
        return False
    return len(LABELLED_HEADING.findall(text, 0, SNIFF_LIMIT)) < 2


def question_labels(text: str) -> int:
    """How many lines (of the first SNIFF_LIMIT characters) open with a question label."""
    return len(QUESTION_SNIFF.findall(text, 0, SNIFF_LIMIT)) + dotted.questions(text, SNIFF_LIMIT)


def _asks(lines: tuple[Line, ...], index: int) -> re.Match[str] | None:
    """The question label opening lines[index]: `Q.` in a P, Q, R, S list is none."""
    label = QUESTION.match(lines[index].text)
    if label and label.group("dot"):
        before = lines[index - 1].text if index else ""
        after = lines[index + 1].text if index + 1 < len(lines) else ""
        return None if dotted.in_list(before, after) else label
    return label


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    drafts: list[Draft] = []
    problems: list[Problem] = []
    section: str | None = None
    block: list[Line] = []
    fenced = False
    for index, line in enumerate(doc.lines):
        # Inside a code block `# a comment` is no heading and `Q: x` no label.
        fenced = fenced != bool(FENCE.match(line.text))
        heading = MD_HEADING.match(line.text) if not fenced else None
        if not fenced and (heading or _asks(doc.lines, index)):
            if block:
                add_closed(drafts, problems, _close(block, section, doc))
            block = [line] if not heading else []
            if heading:
                section = tidy_heading(atx_heading_text(line.text[heading.end() :])) or section
        elif block and not fenced and CHAT_TURN.match(line.text):
            # A transcript's next turn ("User: Thanks! One more?") ends the answer before it.
            add_closed(drafts, problems, _close(block, section, doc))
            block = []
            problems.append(
                Problem(doc.at(line.no), f"chat turn left out of the answer above: {line.text[:60]!r}")
            )
        elif block:
            block.append(line)
        elif not fenced and (asked := LOOSE_QUESTION.match(line.text)):
            # `### Discussion Questions` then `- How do …?`: asked, with no label and no answer.
            drafts.append(Draft(asked.group(1).rstrip(), doc.at(line.no), (), section))
    if block:
        add_closed(drafts, problems, _close(block, section, doc))
    return drafts, problems


def _close(block: list[Line], section: str | None, doc: Document) -> Closed:
    """One block (a label's line and those after it, up to the next) as a Draft, and its problems."""
    problems: list[Problem] = []
    first = block[0]
    label_match = QUESTION.match(first.text)
    label = label_match.group("label") if label_match else None
    asked = first.text[label_match.end() :].strip() if label_match else first.text
    # A label in another language or with a dot ("Q.") was read as prose before, label and all.
    foreign = label_match and (label_match.group("word") or label_match.group("dot"))
    former = [first.text.strip()] if foreign else []
    split = SAME_LINE_ANSWER.search(asked)
    same_line = split if split and _answers_on_the_line(asked, split, block[1:]) else None
    if same_line:  # read before as a question that ran on into its answer: that id stays an alias
        former.append(_question_text(asked, block[1:])[0])
        question, rest = _question_text(asked[: same_line.start()], block[1:])
        rest.insert(0, Line(first.no, asked[same_line.end() :]))
    else:
        question, rest = _question_text(asked, block[1:])
        last = block[len(block) - 1 - len(rest)].text.strip()
        if foreign and len(rest) < len(block) - 1 and last.endswith("?"):  # prose's question
            former.append(last)
        if split:  # split at its `A:` for a while (6a37816..7511003): that id stays an alias
            former.append(_question_text(asked[: split.start()], block[1:])[0])
    where = doc.at(first.no)
    if not question:
        return None, [Problem(where, "question label with no question text: skipped")]
    choices, rest = _options(rest)
    stem: list[Line] = []
    if not choices:
        stem, choices, rest = _options_after_stem(rest)
    correct, answer = _answer(rest, choices, where, problems)
    if choices and correct is None:
        problems.append(Problem(where, "multiple-choice question without a correct answer"))
    if not choices and not answer:
        problems.append(Problem(where, f"question has an empty answer: {question[:60]!r}"))
    draft = Draft(question, where, tuple(answer), section, tuple(choices), correct, label)
    if former:  # how this reader (or prose) read the question before: those ids stay aliases
        draft = replace(draft, former_titles=tuple(former))
    return (replace(draft, stem=tuple(stem)) if stem else draft), problems


def _answers_on_the_line(asked: str, split: re.Match[str], rest: list[Line]) -> bool:
    """Whether the `A:` after the question mark opens its answer: not when it is option A of
    options on the line (`A: ReLU B: tanh C: sigmoid`) or an answer label opens the next line."""
    option_b = INLINE_OPTION_B.search(asked, split.end())
    if option_b and INLINE_OPTION_C.search(asked, option_b.end()):
        return False
    following = next((i for i, line in enumerate(rest) if line.text.strip()), None)
    return following is None or not _starts_answer(rest, following)


def _options(rest: list[Line]) -> tuple[list[Choice], list[Line]]:
    """The options right after the question. Lower-case `a.` lines are options only when an
    answer line names one: otherwise they enumerate the answer's points."""
    choices, after = leading_options(rest)
    first = next((line for line in rest if line.text.strip()), None)
    option = OPTION.match(first.text) if choices and first else None
    if option and (option.group("d") or "").islower() and not _answered(after):
        return [], rest
    return choices, after


def _answered(lines: list[Line]) -> bool:
    return any(CORRECT.match(line.text) or _answer_label(lines, i) for i, line in enumerate(lines))


def _question_text(asked: str, rest: list[Line]) -> tuple[str, list[Line]]:
    """The question (it may continue on the following lines, up to the options or answer),
    and the lines after it."""
    question_lines, index = [asked], 0
    while (
        index < len(rest)
        and not _starts_answer(rest, index)
        and (not question_lines[-1] or (rest[index].text.strip() and not question_lines[-1].endswith("?")))
    ):
        question_lines.append(rest[index].text.strip())
        index += 1
    return _balanced(" ".join(t for t in question_lines if t)), rest[index:]


def _balanced(question: str) -> str:
    """`**Q: What is a VAE?**`: the label took the opening `**`, so the closing one is left
    alone at the end; drop it (and a lone opening one) rather than show it as text."""
    for mark in ("**", "__"):
        if question.count(mark) % 2:
            if question.endswith(mark):
                question = question[: -len(mark)].rstrip()
            elif question.startswith(mark):
                question = question[len(mark) :].lstrip()
    return question


def _starts_answer(lines: list[Line], index: int) -> bool:
    text = lines[index].text
    return bool(OPTION.match(text) or _answer_label(lines, index) or CORRECT.match(text))


def _answer_label(lines: list[Line], index: int) -> re.Match[str] | None:
    return ANSWER.match(lines[index].text) or dotted.answer(lines, index)


def _options_after_stem(rest: list[Line]) -> tuple[list[Line], list[Choice], list[Line]]:
    """Options that come after what the question shows (code, a table): the lines before
    the first `A)` option are the stem when options and a correct answer follow."""
    first = next(
        (i for i, line in enumerate(rest) if (m := OPTION.match(line.text)) and letter_of(m) == "A"), None
    )
    if first is None or first == 0:
        return [], [], rest
    choices, after = leading_options(rest[first:])
    if not choices or not _answered(after):
        return [], [], rest
    return pasted_code(rest[:first]), choices, after


def _answer(
    rest: list[Line], choices: list[Choice], where: Location, problems: list[Problem]
) -> tuple[str | None, list[Line]]:
    """(correct letter, answer lines) from `Answer:`, `Correct answer:` and what follows."""
    correct = None
    out: list[Line] = []
    # What `out` holds so far (kept as lines come, not recounted per line): only blank lines;
    # only blank lines, tags and a reveal label ("Show answer").
    empty = quiet = True
    for index, line in enumerate(rest):
        label = CORRECT.match(line.text) if choices else None
        answer = _answer_label(rest, index)
        explanation = EXPLANATION.match(line.text)
        if label:
            correct = label.group("letter").upper()
            text = unless_choice(label.group("rest"), correct, choices)
        elif (
            answer
            and choices
            and correct is None
            and (first := LETTER_FIRST.match(line.text[answer.end() :]))
        ):
            correct = first.group("letter").upper()
            text = unless_choice(first.group("rest"), correct, choices)
        elif choices and correct is None and quiet and (named := restated(line.text, choices)):
            # `<details><summary>Show answer</summary>` / `C) RMSprop divides ...`: the reveal goes.
            correct, text = named
            out.clear()
            empty = quiet = True
        elif answer and empty:  # blank lines may come first
            text = line.text[answer.end() :]
        elif explanation:
            text = line.text[explanation.end() :]
        else:
            text = line.text
            out.append(line)
            empty, quiet = empty and not text.strip(), quiet and nothing_said(text)
            continue
        if text.strip():
            out.append(Line(line.no, text.strip()))
            empty, quiet = False, quiet and nothing_said(text)
    if correct and correct not in {c.letter for c in choices}:
        problems.append(Problem(where, f"correct answer {correct} is not one of the options"))
        correct = None
    start = next((i for i, line in enumerate(out) if line.text.strip()), len(out))
    while len(out) > start and not out[-1].text.strip():
        out.pop()
    return correct, out[start:]

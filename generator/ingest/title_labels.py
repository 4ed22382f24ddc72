"""The label before a question's title (`Q12.`, `3)`, `Question 7`, `Pregunta 3:`, `IV.`), and the
titles a question was read as before a label form was known, whose ids stay aliases."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from generator.ingest.label_words import FULL_COLON, QUESTION_WORDS

# `### Question 7` alone is a label too, and a quiz export's `### Question 7 of 10`: the question
# is the paragraph under it.
# `Q.3 Write ...`, `Ques 3. ...`, `Q3 What ...` (Colab assignments) are labels too.
ENGLISH_LABEL = (
    r"(?:Q(?:uestion|ues?(?=[. \t]*+\d))?\.?[ \t]*+(?P<q>\d{1,5}[a-z]?)?|(?P<n>\d{1,5}(?:\.\d{1,3}){0,3}))"
    r"[ \t]*[.:)\-{dashes}](?=\s|\*|_|$)"
    r"|Q(?:uestion)?[ \t]*(?P<alone>\d{1,5}){counter}[ \t]*(?=(?:\*\*|__)?$)"
    r"|Q\.?[ \t]?(?P<bare>\d{1,5})(?=[ \t]+\S)"
)
# "Ques. 1 What is …?", "Question 4 Explain …": the word before a bare number (exam notes),
# tried first: the forms above would take "Ques." alone as the label.
# Only before a capital: "Question 7 is the hardest" is a sentence.
QUES = r"Q(?:ues(?:tion)?|uestion)\.?[ \t]?(?P<wb>\d{1,5})(?=[ \t]+(?-i:[A-Z]))|"
QUES_START = re.compile(r"^\W{0,4}Q(?:ues(?:tion)?|uestion)\.?[ \t]?\d", re.I)
COUNTER = r"(?:[ \t]*(?:of|/)[ \t]*\d{1,5})?"
COUNTER_START = re.compile(r"^\W{0,4}Q(?:uestion)?[ \t]*\d{1,5}[ \t]*(?:of|/)", re.I)
DASHES = "\u2013\u2014"  # "Q1 — What …", "Pregunta 3 – …": an en or em dash after the label
# "IV. What is …?", "ii) Why …?": Roman numerals 1-39 with a dot or parenthesis, then text.
ROMAN_NUMERAL = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
ROMAN = rf"|(?P<roman>{ROMAN_NUMERAL})[.)](?=[ \t]+\S)"
ROMAN_START = re.compile(r"^\W{0,4}[IVX]{1,6}[.)]", re.I)
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
# "Pregunta 3:", "问题1：" (label_words); after a full-width colon no space is needed.
WORD_LABEL = (
    rf"(?:{QUESTION_WORDS})[ \t]*+(?P<w>\d{{1,5}})?[ \t]*(?:[.:)\-{{dashes}}](?=\s|\*|_|$)|{FULL_COLON})"
)
HAS_WORD_LABEL = re.compile(rf"^\W{{0,4}}(?:{QUESTION_WORDS})", re.I)


# An Obsidian callout that asks: `> [!question] What is …?` (also `[!faq]`, `[!help]`, folded `-`/`+`).
CALLOUT = r"\[!(?:question|faq|help|quiz)\][-+]?(?=[ \t]|$)"


def _labels(
    words: bool = True, dashes: bool = True, roman: bool = True, counter: bool = True, ques: bool = True
) -> re.Pattern[str]:
    english = "{ques}" + ENGLISH_LABEL + (ROMAN if roman else "")
    pattern = f"{WORD_LABEL}|{english}|{CALLOUT}" if words else english
    pattern = pattern.replace("{counter}", COUNTER if counter else "").replace("{ques}", QUES if ques else "")
    return re.compile(pattern.replace("{dashes}", DASHES if dashes else ""), re.I)


LABEL = _labels()
# What titles were read with before: without the words (until 2026-12-04), then without the
# dashes, then without Roman numerals, then without a counter after a lone label, then
# without the word before a bare number (until 2026-12-05).
LABEL_BEFORE_WORDS = _labels(words=False, dashes=False, roman=False, counter=False, ques=False)
LABEL_BEFORE_DASHES = _labels(dashes=False, roman=False, counter=False, ques=False)
LABEL_BEFORE_ROMAN = _labels(roman=False, counter=False, ques=False)
LABEL_BEFORE_COUNTER = _labels(counter=False, ques=False)
LABEL_BEFORE_QUES = _labels(ques=False)


def split_label(text: str, labels: re.Pattern[str] = LABEL) -> tuple[str, str | None]:
    """`Q12. …` / `12. …` / `**1.** …` / `**14. …**` / `Q: …` / `2.3. …` (a section number)
    / `IV. …` -> (text without it, "12" or None)."""
    wrap = "**" if text.startswith("**") else "__" if text.startswith("__") else ""
    found = labels.match(text, len(wrap))
    if found is None:
        return text, None
    groups = found.groupdict()
    label = found["q"] or found["n"] or found["alone"] or found["bare"] or groups.get("w") or groups.get("wb")
    if groups.get("roman"):
        label = str(arabic(groups["roman"]))
    rest = text[found.end() :].lstrip()
    if wrap and rest.startswith(wrap):  # `**1.** text`: the bold held only the label
        return rest[len(wrap) :].lstrip(), label
    return wrap + rest, label


def arabic(numeral: str) -> int:
    values = [ROMAN_VALUES[c] for c in numeral.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def former_readings(raw: str, text: str, formers: list[str], parse: Callable[[str, Any], Any]) -> list[str]:
    """The titles `raw` was read as before each label form was known (ids that stay aliases):
    `parse(raw, labels)` gives a title with `text` and `formers`."""
    if HAS_WORD_LABEL.match(raw):
        before = parse(raw, LABEL_BEFORE_WORDS)
        if before.text != text:  # "Pregunta 3: …" kept its label before
            formers = [(before.formers or (before.text,))[0]]
    for applies, labels in (
        ("\u2013" in raw[:40] or "\u2014" in raw[:40], LABEL_BEFORE_DASHES),  # "Q1 — What …"
        (ROMAN_START.match(raw) is not None, LABEL_BEFORE_ROMAN),  # "IV. What …"
        (COUNTER_START.match(raw) is not None, LABEL_BEFORE_COUNTER),  # "Question 3 of 10" alone
        (QUES_START.match(raw) is not None, LABEL_BEFORE_QUES),  # "Ques. 1 What …"
    ):
        if applies and (before := parse(raw, labels)).text != text:
            formers = [*formers, before.text, *before.formers]
    return list(dict.fromkeys(formers))

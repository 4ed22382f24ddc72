"""Options of a labelled block (for `generator.ingest.readers.labelled`): `(a)`, `b)`, `C.` or
`**D.**` lines after a question, and what an answer line says about them."""

from __future__ import annotations

import re

from generator.model import Choice, Line

LETTER_FIRST = re.compile(r"^\(?(?P<letter>[A-Da-d])(?:\)|\.|\s*$)\s*(?P<rest>.*)$")
OPTION = re.compile(
    r"^\s*(?:[-*]\s+)?(?:\*\*|__)?(?:\((?P<p>[A-Da-d])\)|(?P<b>[A-Da-d])\)|(?P<d>[A-Da-d])\.)(?:\*\*|__)?"
    r"\s+(?P<text>\S.*)$"
)
CODE_LANGUAGE = re.compile(r"^\s*[A-Za-z][\w+#-]{0,15}\s*$")
LETTERS = "ABCD"
TAG = re.compile(r"<[^<>\n]{0,200}>")
REVEAL = re.compile(
    r"^\W*(?:(?:show|view|see|reveal|click)\W+(?:the\W+)?)?(?:(?:answer|solution)s?\W*)?$", re.I
)


def pasted_code(lines: list[Line]) -> list[Line]:
    """Code copied from a chat page arrives as `java` / `Copy code` / the code, unfenced:
    fence it, so its indentation and line breaks survive."""
    body = [line for line in lines if line.text.strip()]
    if len(body) > 2 and body[1].text.strip().lower() == "copy code" and CODE_LANGUAGE.match(body[0].text):
        start = lines.index(body[2])
        code = lines[start:]
        while code and not code[-1].text.strip():
            code.pop()
        language = body[0].text.strip().lower()
        return [Line(body[0].no, f"```{language}"), *code, Line(code[-1].no, "```")]
    return lines


def letter_of(option: re.Match[str]) -> str:
    return str(option.group("p") or option.group("b") or option.group("d")).upper()


def leading_options(rest: list[Line]) -> tuple[list[Choice], list[Line]]:
    """Consecutive options a, b, c, ... right after the question (blank lines allowed)."""
    choices: list[Choice] = []
    index = 0
    while index < len(rest):
        text = rest[index].text
        option = OPTION.match(text)
        if not text.strip():
            index += 1
            continue
        letter = option and (option.group("p") or option.group("b") or option.group("d")).upper()
        if not option or letter != LETTERS[len(choices) % len(LETTERS)] or len(choices) == 4:
            break
        choices.append(Choice(letter, option.group("text").strip()))
        index += 1
    if len(choices) < 2:
        return [], rest
    return choices, rest[index:]


def restated(text: str, choices: list[Choice]) -> tuple[str, str] | None:
    """`C) RMSprop divides ...` opening an answer: the letter of the option it restates,
    and the sentence (nothing when it only repeats the option)."""
    first = LETTER_FIRST.match(text.strip())
    if first is None:
        return None
    letter, rest = first.group("letter").upper(), first.group("rest").strip()
    chosen = next((c.text for c in choices if c.letter == letter), "").rstrip(". ").lower()
    if not chosen or not rest.lower().startswith(chosen):
        return None
    return letter, "" if rest.rstrip(". ").lower() == chosen else rest


def unless_choice(text: str, letter: str, choices: list[Choice]) -> str:
    """`Answer: (b) LoRA` repeats the option: keep only text that adds to it; `Answer: B — because
    …` keeps what follows its dash."""
    text = text.strip()
    text = text.lstrip("-–—:").lstrip() if text[:1] in ("-", "–", "—", ":") else text
    chosen = next((c.text for c in choices if c.letter == letter), "")
    if text.rstrip(". ").lower() == chosen.rstrip(". ").lower():
        return ""
    if chosen and text.lower().startswith(chosen.lower()):
        return text[len(chosen) :].lstrip(" .:-—")
    return text


def nothing_said(text: str) -> bool:
    """Only tags and a reveal label ("Show answer") on the line, or nothing."""
    return bool(REVEAL.match(TAG.sub("", text)))

"""The inside of a GIFT answer block `{ ... }`, escapes already hidden by `gift`.

~wrong#feedback =right#feedback ####general       multiple choice
~%50%half ~%50%other half ~%-100%wrong            multiple answers (weights)
T  /  FALSE#feedback if wrong#feedback if right    true/false
=BPE =WordPiece                                   short answer
=cat -> meow =dog -> woof                         matching
#3.14:0.01  /  #1..5                              numerical
(empty)                                           essay
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

WEIGHT = re.compile(r"^\s*%(?P<weight>-?\d+(?:\.\d+)?)%")
TRUE_FALSE = re.compile(r"^(?P<key>TRUE|FALSE|T|F)\s*(?:#|$)", re.I)
MARK = re.compile(r"[=~]")
# Moodle lets each option and feedback name its own text format: `=[html]<b>yes</b>`.
OPTION_FORMAT = re.compile(r"^\s*\[(?:html|moodle|plain|markdown)\]", re.I)
LETTERS = string.ascii_uppercase


@dataclass(frozen=True)
class Option:
    mark: str  # "=" or "~"
    text: str
    feedback: str
    weight: float | None


@dataclass(frozen=True)
class Lettered:
    letter: str
    text: str


@dataclass(frozen=True)
class Parsed:
    choices: tuple[Lettered, ...]
    correct: str | None
    explanation: str
    warning: str | None = None


def parse(body: str, fmt: str) -> Parsed:
    body, _, general = body.partition("####")
    head, general = body.strip(), general.strip()
    if not head:
        return Parsed((), None, general)
    if head.startswith("#"):
        return _numerical(head[1:], general)
    key = TRUE_FALSE.match(head)
    if key:
        return _true_false(key.group("key"), head[key.end() - 1 :] if "#" in head else "", general)
    lead, options = split_options(head)
    warning = f"GIFT answer block starts with text before any option: {lead[:40]!r}" if lead else None
    if any(o.mark == "~" for o in options):
        return _multiple_choice(options, general, warning)
    if any("->" in o.text for o in options):
        pairs = [o.text.partition("->") for o in options]
        listed = "\n".join(f"- {left.strip()} → {right.strip()}" for left, _, right in pairs)
        return Parsed((), None, _join(listed, general), warning)
    accepted = [o.text for o in options if o.text]
    also = f" (also accepted: {', '.join(accepted[1:])})" if accepted[1:] else ""
    return Parsed((), None, _join(accepted[0] + also if accepted else "", general), warning)


def split_options(head: str) -> tuple[str, list[Option]]:
    """Text before the first `=`/`~` (should be none), and the options."""
    marks = list(MARK.finditer(head))
    lines = [line.lstrip() for line in head.split("\n") if line.strip()]
    if len(lines) > 1 and all(line[0] in "=~#" for line in lines):
        # One option a line: a mark inside a word (`header=True`, `a~b`) is the option's text.
        marks = [m for m in marks if m.start() == 0 or head[m.start() - 1].isspace()]
    lead = head[: marks[0].start()].strip() if marks else head
    options = []
    for mark, following in zip(marks, [*marks[1:], None]):
        raw = head[mark.end() : following.start() if following else len(head)]
        text, _, feedback = raw.partition("#")
        weight = WEIGHT.match(text)
        if weight:
            text = text[weight.end() :]
        text, feedback = OPTION_FORMAT.sub("", text, count=1), OPTION_FORMAT.sub("", feedback, count=1)
        value = float(weight.group("weight")) if weight else None
        options.append(Option(mark.group(), " ".join(text.split()), feedback.strip(), value))
    return lead, options


def _multiple_choice(options: list[Option], general: str, warning: str | None) -> Parsed:
    if len(options) > len(LETTERS):
        warning = f"GIFT question has {len(options)} options; the first {len(LETTERS)} are kept"
        options = options[: len(LETTERS)]
    lettered = [(LETTERS[i], o) for i, o in enumerate(options)]
    credited = [(letter, o) for letter, o in lettered if o.mark == "=" or (o.weight or 0) > 0]
    best = max(credited, key=lambda pair: 100.0 if pair[1].mark == "=" else pair[1].weight or 0, default=None)
    parts = [best[1].feedback] if best else []
    if len(credited) > 1:
        listed = ", ".join(f"**{letter}**" for letter, _ in credited)
        parts.append(f"Options that earn credit: {listed}.")
        warning = warning or (
            f"GIFT question credits {len(credited)} options; {best[0] if best else '?'} is kept as correct"
        )
    parts.append(general)
    chosen = best[1] if best else None
    wrong = [f"- **{letter}.** {o.feedback}" for letter, o in lettered if o.feedback and o is not chosen]
    parts.append("\n".join(wrong))
    choices = tuple(Lettered(letter, o.text) for letter, o in lettered)
    return Parsed(choices, best[0] if best else None, _join(*parts), warning)


def _true_false(key: str, feedback: str, general: str) -> Parsed:
    true = key.upper().startswith("T")
    # `{T#shown if wrong#shown if right}`: the second is the explanation of the right answer.
    pieces = [p.strip() for p in feedback.split("#")[1:]]
    right = pieces[1] if len(pieces) > 1 else (pieces[0] if pieces else "")
    choices = (Lettered("A", "True"), Lettered("B", "False"))
    return Parsed(choices, "A" if true else "B", _join(right, general))


def _numerical(spec: str, general: str) -> Parsed:
    lead, options = split_options(spec)
    first = (lead or (options[0].text if options else "")).partition("#")[0].strip()
    value, colon, margin = first.partition(":")
    low, dots, high = first.partition("..")
    if dots:
        answer = f"Between {low.strip()} and {high.strip()}"
    elif colon and margin.strip() not in ("", "0"):
        answer = f"{value.strip()} (± {margin.strip()})"
    else:
        answer = value.strip()
    return Parsed((), None, _join(answer, general))


def _join(*parts: str) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())

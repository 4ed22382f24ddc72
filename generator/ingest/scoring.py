"""Which kind of marker explains the document: score each, choose one, fill it out.

Each candidate kind (see segment.markers_of) is scored on how many of its titles read
as questions (a `?`, an interrogative or imperative opening), discounted by the share
that do not, and on numbering that runs on (1, 2, 3 … or restarting at 1).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from generator.ingest.options import offers_options
from generator.ingest.segment import ASKS, QUESTION_LABEL, Marker, is_bold_only, reads_as_question
from generator.ingest.titles import plain_text, split_label
from generator.ingest.tree import Block

KINDS = ("heading", "label", "bold", "list", "details", "bullet", "asking")
# Plain paragraphs that ask are a page's questions only when no other kind finds any: in an
# answer they are rhetorical ("Why does this matter?"). A reader asks for them by force.
LAST_RESORT = "asking"
MIN_STATEMENTS = 2  # headings on a questions page where none asks: fewer is a lone section
# The frame of an article, never a question even on a questions page ("## Conclusion").
FRAME_TITLE = re.compile(
    r"\W*(?:introduction|intro|overview|conclusions?|summary|(?:table of )?contents|references|resources"
    r"|further reading|acknowledg(?:e)?ments|about(?: (?:me|us|the authors?|this (?:guide|post|article)))?"
    r"|(?:final|closing) (?:words|thoughts)|wrapping up|wrap-up|key takeaways|takeaways|next steps"
    r"|prerequisites|appendix|credits|license|contributing|disclaimer|preface|foreword|tl;?dr)\W*",
    re.I,
)


@dataclass
class Choice:
    name: str  # "heading-2", "bold", "list", ...
    markers: list[Marker]
    score: float
    numbers: list[int]


def number_of(marker: Marker) -> int | None:
    if marker.number is not None:
        return marker.number
    _, label = split_label(marker.title)
    # `2.3.`: the last part runs on under its parent (1.1, 1.2, 2.1 count as 1, 2, 1).
    digits = "".join(ch for ch in (label or "").rpartition(".")[2] if ch.isdigit())
    return int(digits) if digits else None


def score(markers: list[Marker]) -> tuple[float, list[int]]:
    """Questions, discounted by the share of titles that are not, plus numbering that runs on.
    A title that recurs ("**What a strong answer covers:**" under every question) is a label
    inside answers: questions differ, so each text asks once at most."""
    asks = len({m.parsed.text for m in markers if reads_as_question(m.parsed)})
    numbers = [n for n in (number_of(m) for m in markers) if n is not None]
    runs = sum(1 for a, b in itertools.pairwise(numbers) if b in (a + 1, 1))
    breaks = len(numbers) - 1 - runs if numbers else 0
    value = asks * asks / len(markers) + 0.5 * runs - breaks
    return value, numbers


def choose(
    found: dict[str, list[Marker]], force: str | None = None, questions_page: bool = False
) -> Choice | None:
    """The best-scoring kind of marker. On a page whose title says it holds questions
    ("FAQ and troubleshooting") where no kind asks, its headings are problem statements
    ("Previews are slow"): the level with the most of them (the deeper on a tie) is chosen."""
    best: Choice | None = None
    for name, markers in sorted(found.items(), key=lambda kv: _order(kv[0])):
        if (force is not None and not _forced(name, force)) or (name == LAST_RESORT and force != name):
            continue
        value, numbers = score(markers)
        if best is None or value > best.score:
            best = Choice(name, markers, value, numbers)
    if best is not None and force is None and best.score <= 0:
        return _statement_headings(found) if questions_page else None
    return best


def _statement_headings(found: dict[str, list[Marker]]) -> Choice | None:
    levels = [(len(markers), name) for name, markers in found.items() if name[-1:].isdigit()]
    if not levels:
        return None
    count, name = max(levels)
    return Choice(name, found[name], 0.0, []) if count >= MIN_STATEMENTS else None


def _forced(name: str, force: str) -> bool:
    return name == force or (force == "heading" and name.startswith("heading"))


def _order(name: str) -> tuple[int, str]:
    return KINDS.index(name.split("-")[0]), name


def with_shallower_questions(choice: Choice, found: dict[str, list[Marker]]) -> Choice:
    """Level-3 questions and a level-2 `## Q: …` among them: shallower question headings count too
    (they end any answer anyway); deeper ones stay inside answers. Among bold or numbered
    questions, a heading that asks (ends with `?`) is one more question, not a section."""
    if choice.name == "heading-label":
        return choice
    if choice.name.startswith("heading-"):
        level = int(choice.name[-1])
        extra = [
            m
            for name, markers in found.items()
            if name[-1:].isdigit() and name.startswith("heading-") and int(name[-1]) < level
            for m in markers
            if reads_as_question(m.parsed) or QUESTION_LABEL.match(m.title)
        ] + _numbered_on(choice, found, level)
    else:  # bold or numbered questions, and a `## What is X?` heading among them
        extra = [
            m
            for name, markers in found.items()
            if name[-1:].isdigit() and name.startswith("heading-")
            for m in markers
            if m.parsed.text.rstrip(" *_").endswith(ASKS)
        ]
    if not extra:
        return choice
    merged = sorted([*choice.markers, *extra], key=lambda m: m.block.line)
    return Choice(choice.name, merged, choice.score, choice.numbers)


def _numbered_on(choice: Choice, found: dict[str, list[Marker]], level: int) -> list[Marker]:
    """`## 1.` and `## 2.` questions, then `### 3. What is chunking?`: a deeper heading that asks and
    carries the next number is one more question, not a sub-heading of question 2's answer (a
    numbered step inside an answer, `#### 1. Ring Attention`, neither asks nor runs on)."""
    numbers = {n for n in (_number(m) for m in choice.markers) if n is not None}
    if not numbers:
        return []
    return [
        m
        for name, markers in found.items()
        if name[-1:].isdigit() and name.startswith("heading-") and int(name[-1]) > level
        for m in markers
        if (n := _number(m)) is not None
        and n - 1 in numbers
        and n not in numbers
        and reads_as_question(m.parsed)
    ]


def _number(marker: Marker) -> int | None:
    label = marker.parsed.label or ""
    return int(label) if label.isdigit() else None


def drop_statements(choice: Choice, questions_page: bool = False) -> list[Marker]:
    """Where most titles are questions, a title that is neither a question, numbered, rated nor followed
    by options ("… makes the output:" over A-D) is not one;
    on a page whose own title says it is questions ("FAQ", "Interview questions"), every one is."""
    asks = [reads_as_question(m.parsed, comparison=True) for m in choice.markers]
    if questions_page or sum(asks) * 2 < len(asks):
        return [m for m in choice.markers if not _frame(m)]
    kept = []
    silent = _silent_runs(choice.markers, asks)
    for marker, ask in zip(choice.markers, asks, strict=True):
        parsed = marker.parsed
        if id(marker) in silent:
            continue
        if (
            ask
            or parsed.label
            or parsed.difficulty
            or marker.number is not None
            or offers_options(marker.rest)
        ):
            kept.append(marker)
    return kept


def _frame(marker: Marker) -> bool:
    parsed = marker.parsed
    return bool(FRAME_TITLE.fullmatch(parsed.text)) and not (parsed.label or marker.number is not None)


def _silent_runs(markers: list[Marker], asks: list[bool]) -> set[int]:
    """Markers of numbered runs (1, 2, 3 … from a 1) where not one item asks, is labelled or
    offers options: "1. sample a mini-batch, 2. forward pass, …" is a list inside an answer
    in a document whose numbered items otherwise ask."""
    runs: list[list[tuple[Marker, bool]]] = []
    for marker, ask in zip(markers, asks, strict=True):
        if marker.number is None:
            continue
        if marker.number == 1 or not runs:
            runs.append([])
        runs[-1].append((marker, ask))
    out: set[int] = set()
    for run in runs:
        if not any(ask or m.parsed.label or m.parsed.difficulty or offers_options(m.rest) for m, ask in run):
            out.update(id(m) for m, _ in run)
    return out


def section_name(heading: Block) -> str | None:
    """A heading's text as the section of the questions under it; "## Introduction" over
    the first questions is the article's frame, no section of theirs."""
    name = plain_text(heading.text)
    return None if not name or FRAME_TITLE.fullmatch(name) else name


def is_frame_line(block: Block) -> bool:
    return (
        block.kind == "paragraph"
        and is_bold_only(block.text)
        and bool(FRAME_TITLE.fullmatch(plain_text(block.text)))
    )

"""Reader: lists of questions without answers (kind `prompt`).

Accepts, for example:

    ### **Model Architecture:**                       <- a section
    1. **What is self-attention?**                    <- a question
    2. **Explain positional encoding.**               <- a question (bold, numbered)
    ---                                               <- a rule or a prose line ends the section
    ### Technical Questions
    1. **Training and Optimization**                  <- bold item with bullets under it:
       - How do you schedule the learning rate?          a category (section), and each
       - What is gradient clipping?                      nested bullet is a question

A numbered line that reads like a question but cannot be placed is warned about.
"""

from __future__ import annotations

import re

from generator.ingest.readers.common import BULLET, markdown_heading
from generator.model import Document, Draft, Problem

NAME = "question_list"

# Lines' tails without a lazy `.*?` before `\s*$` (quadratic on a long run of blanks).
NUMBERED_BOLD = re.compile(r"^\s*(?P<n>\d+)[.)]\s+\*\*(?P<text>.+?)\*\*[^\S\n]*+:?\s*$")
# With re.M, a line start's `\s*` would run on over every blank line after it (quadratic).
NUMBERED_BOLD_LINE = re.compile(NUMBERED_BOLD.pattern.replace("^\\s*", "^[^\\S\\n]*", 1), re.M)
NUMBERED_PLAIN = re.compile(r"^\s*(?P<n>\d+)[.)]\s+(?P<text>\S(?:.*\S)?)\s*$")
RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
QUESTION_WORDS = re.compile(
    r"\?\s*$|^(?:explain|describe|define|compare|discuss|how|what|why|when|which|who|can|could|would|"
    r"should|do|does|is|are|imagine|if|give|list|name|tell)\b",
    re.I,
)


def matches(text: str) -> bool:
    """Mostly numbered bold lines (or bullets under them), with little prose between."""
    if len(NUMBERED_BOLD_LINE.findall(text, 0, 2_000_000)) < 3:
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    bold = sum(1 for line in lines if NUMBERED_BOLD.match(line))
    listed = sum(
        1
        for line in lines
        if NUMBERED_BOLD.match(line)
        or BULLET.match(line)
        or markdown_heading(line) is not None
        or RULE.match(line)
    )
    return bold >= 3 and listed * 10 >= len(lines) * 7


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    drafts: list[Draft] = []
    problems: list[Problem] = []
    heading: str | None = None
    category: str | None = None
    lines = [line for line in doc.lines if line.text.strip()]
    for index, line in enumerate(lines):
        text = line.text
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        title = markdown_heading(text)
        if title is not None:
            heading, category = title or None, None
        elif RULE.match(text):
            heading = category = None
        elif numbered := NUMBERED_BOLD.match(text) or NUMBERED_PLAIN.match(text):
            item = numbered.group("text").strip().rstrip(":").strip()
            if _has_children(text, following):
                category = f"{heading}: {item}" if heading else item
            elif QUESTION_WORDS.search(item) or NUMBERED_BOLD.match(text):
                category = None
                drafts.append(Draft(item, doc.at(line.no), section=heading, label=numbered.group("n")))
            else:
                problems.append(
                    Problem(doc.at(line.no), f"numbered line {item[:60]!r} is not read as a question")
                )
        elif bullet := BULLET.match(text):
            item = bullet.group("text").strip("*_ ")
            if QUESTION_WORDS.search(item):
                drafts.append(Draft(item, doc.at(line.no), section=category or heading))
        else:
            heading = category = None  # a prose line ("Here are more questions ...") starts a new list
    return drafts, problems


def _has_children(text: str, following: str) -> bool:
    bullet = BULLET.match(following)
    return bullet is not None and len(bullet.group("indent")) > len(text) - len(text.lstrip())

"""Question-and-answer tables: `| # | Question | Answer |`, one question per row.

Cheat sheets publish their questions as a table. A top-level table is read as questions
when its header names a question column and an answer column (Question / Q / Prompt,
Answer / A / Explanation / Solution), or, without such a header, when most cells of one
column read as questions ("…?") and the next column holds text. Each row becomes a
`<details>`-like unit (a summary and a body), which the segmenter already reads as one
question, so everything after (cleaning, ids, warnings) is shared. Other tables (a
comparison in an answer, a glossary of terms) are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.ingest.tree import Block, Tree

QUESTION_HEADER = re.compile(r"^\W*(?:q|questions?|prompts?|interview questions?)\W*$", re.I)
# "Expected answer", "Model answer", "Short answer": what a hiring team's question bank says.
ANSWER_HEADER = re.compile(
    r"^\W*(?:(?:expected|model|sample|suggested|short|ideal|correct|good)[ \t]+)?"
    r"(?:a|answers?|explanations?|solutions?|responses?|ans|key)\W*$",
    re.I,
)
OPTION_HEADER = re.compile(r"^\W*(?:(?:option|choice)[ \t]*)?(?P<letter>[a-h])\W*$", re.I)
LETTERS = "ABCDEFGH"
NUMBER_CELL = re.compile(r"^\W{0,3}\d{1,4}\W{0,3}$")
OPTION_CELL = re.compile(r"^[*_]{0,2}\(?(?P<letter>[A-Ha-h])[.)]?[*_]{0,2}$")
DELIMITER = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")
MIN_ROWS = 2
LIST_PART = re.compile(r"(?:-|\d{1,3}\.) \S")
MIN_ASKING = 0.6  # of a headerless column's cells, to read it as questions


def expand_tables(tree: Tree) -> Tree:
    blocks: list[Block] = []
    changed = False
    for block in tree.blocks:
        rows = _qa_rows(block) if block.kind == "table" else None
        if rows:
            blocks += rows
            changed = True
        else:
            blocks.append(block)
    return replace(tree, blocks=blocks) if changed else tree


def _qa_rows(table: Block) -> list[Block] | None:
    lines = table.markdown.split("\n")
    if len(lines) < 2 or not DELIMITER.match(lines[1].strip()):
        return None  # HTML kept as HTML (a complex table): not a plain grid
    header = cells(lines[0])
    body = [(table.line + 2 + i, cells(line)) for i, line in enumerate(lines[2:]) if line.strip()]
    columns = _columns(header, [row for _, row in body])
    if columns is None or len(body) < MIN_ROWS:
        return None
    ask, answer = columns
    options = _option_columns(header)
    out = []
    for line, row in body:
        question = row[ask] if ask < len(row) else ""
        text = row[answer] if answer < len(row) else ""
        if question and options:
            text = _options_text(row, options, text)
        if question:
            # GFM reads `\|` in a cell as a pipe before any inline rule (code spans too).
            out.append(_unit(question.replace("\\|", "|"), text.replace("\\|", "|"), line))
    return out or None


def _option_columns(header: list[str]) -> list[int]:
    """`| Question | A | B | C | D | Answer |`: the option columns, in letter order (two or more)."""
    found = [(m["letter"].upper(), i) for i, cell in enumerate(header) if (m := OPTION_HEADER.match(cell))]
    letters = [letter for letter, _ in found]
    return [i for _, i in found] if len(found) >= 2 and letters == list(LETTERS[: len(found)]) else []


def _options_text(row: list[str], options: list[int], named: str) -> str:
    """The row as option lines and the letter the answer column names, for answers.read_options."""
    lines = [f"{LETTERS[n]}) {row[i]}" for n, i in enumerate(options) if i < len(row) and row[i]]
    return "\n".join(lines) + (f"<br><br>Answer: {named}" if named else "")


def _columns(header: list[str], rows: list[list[str]]) -> tuple[int, int] | None:
    options = set(_option_columns(header))
    ask = next((i for i, cell in enumerate(header) if QUESTION_HEADER.match(cell)), None)
    answer = next(
        (i for i, cell in enumerate(header) if ANSWER_HEADER.match(cell) and i not in options), None
    )
    numbers_only = ask is not None and all(NUMBER_CELL.match(row[ask]) for row in rows if ask < len(row))
    if ask is not None and answer is not None and ask != answer and not numbers_only:
        return ask, answer  # a "Q" column of bare numbers is an answer key's, not questions
    for i in range(len(header) - 1):
        column = [row[i] for row in rows if i < len(row) and row[i]]
        asking = sum(cell.rstrip("*_ ").endswith("?") for cell in column)
        if column and asking >= MIN_ASKING * len(rows) and asking >= MIN_ROWS:
            return i, i + 1
    return None


def option_rows(table: Block) -> list[str] | None:
    """`| A | Layer norm |` / `| B | Causal mask |` (under an `| Option | Text |` header or
    none): a question's options as a table, the texts in letter order, or None."""
    rows = [
        cells(line)
        for line in table.markdown.split("\n")
        if line.strip() and not DELIMITER.match(line.strip())
    ]
    if rows and not OPTION_CELL.match(rows[0][0]):
        rows = rows[1:]  # the header
    if not 2 <= len(rows) <= len(LETTERS) or any(len(row) != 2 or not row[1] for row in rows):
        return None
    letters = [OPTION_CELL.match(row[0]) for row in rows]
    if any(m is None or m["letter"].upper() != LETTERS[i] for i, m in enumerate(letters)):
        return None
    return [row[1].replace("\\|", "|") for row in rows]


def cells(line: str) -> list[str]:
    """A GFM row's cells: split at `|` not escaped by a backslash, in one pass."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    out, start, i = [], 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "|":
            out.append(text[start:i].strip())
            start = i + 1
        i += 1
    out.append(text[start:].strip())
    return out


def _unit(question: str, answer: str, line: int) -> Block:
    summary = Block("summary", line, line + 1, text=question, markdown=question)
    children = [summary]
    for part in answer.split("<br><br>"):  # paragraphs of an HTML cell (html_table) are paragraphs again
        if LIST_PART.match(part) and all(LIST_PART.match(item) for item in part.split("<br>")):
            part = part.replace("<br>", "\n")  # and its list a list
        if part.strip():
            children.append(Block("paragraph", line, line + 1, text=part, markdown=part))
    return Block("details", line, line + 1, children=children)

"""Converter: question tables in CSV or TSV (spreadsheet exports, Anki's plain-text decks) into
Markdown (`generator.ingest.convert.records`).

    question,answer,category                       <- a header naming the fields,
    What is a logit?,"The raw score, before softmax.",Basics
    What is a token?<TAB>A piece of text<TAB>…      <- or none: the first column asks, the second answers

The delimiter is the header's most frequent of comma, tab and semicolon (tab for `.tsv`).
Anki's `#separator:tab` / `#columns:Front<TAB>Back` lines are read as such.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import PurePosixPath

from generator.ingest.convert import records
from generator.ingest.decode import CONTROL, decode
from generator.model import Line, Location, Problem

NAME = "csv"
DELIMITERS = (",", "\t", ";")
ANKI_HEADER = re.compile(r"^#(?P<name>[a-z ]+):(?P<value>.*)$")
ANKI_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " "}
POSITIONAL = ("question", "answer")  # a table without a header: what its first columns hold
ANKI_COLUMNS = {"tags": "tags", "deck": "deck", "notetype": "notetype", "guid": "guid"}
TITLE_FIELDS = ("name", "title", "term", "word", "concept")
SNIFF_ROWS = 200
SNIFF_BYTES = 65_536
EXTRA = "row has {} cells for {} columns: the last ones are joined into the last column"
UNCLOSED = "a quote opened here is never closed: lines {}–{} were read as one row"
# A header cell is a field's name ("Question", "option_a", "Correct answer"), not a sentence.
FIELD_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*(?: [A-Za-z0-9_\-]+){0,2}")

MAX_CELL = 1_000_000  # characters, as generator.ingest.load.MAX_LINE


def matches(data: bytes, suffix: str) -> bool:
    """A `.csv`/`.tsv` file; else a table in text: a header naming a question and an answer or
    option field, or Anki's `#separator:` line, or rows without a header that all hold the same
    number of tabs; in each case with at least two rows of as many cells as the first."""
    if suffix in (".csv", ".tsv"):
        return True
    head = data[:SNIFF_BYTES].decode("utf-8", errors="replace").lstrip("\ufeff")
    if head.lstrip()[:1] in ("<", "{", "[") or CONTROL.search(head):
        return False
    anki = ANKI_HEADER.match(head.split("\n", 1)[0].strip())
    if anki and anki["name"] in ("separator", "columns"):
        return True
    rows = [line for line in head.split("\n")[:SNIFF_ROWS] if line.strip()]
    rows = rows[:-1] if len(data) > SNIFF_BYTES else rows  # the last may be cut off
    if len(rows) < 3:
        return False
    delimiter = _delimiter(rows[0], suffix, rows)
    cells = _cells(rows[0], delimiter)
    if len(cells) < 2 or any(len(_cells(row, delimiter)) != len(cells) for row in rows[1:]):
        return False
    named = _named(cells, strict=True)
    return named or (delimiter == "\t" and not any(row.startswith("\t") for row in rows))


def convert(data: bytes, path: str) -> tuple[list[Line], list[Problem]]:
    text, problems = decode(data, path)
    lines = text.split("\n")
    skip, delimiter, header = 0, None, None
    special: dict[int, str] = {}  # Anki's `#tags column:3`: a column that is no question's text
    while skip < len(lines) and (anki := ANKI_HEADER.match(lines[skip].strip())):
        if anki["name"] == "separator":
            delimiter = ANKI_SEPARATORS.get(anki["value"].strip().lower(), anki["value"][:1] or None)
        elif anki["name"] == "columns":
            header = anki["value"]
        elif (field := anki["name"].removesuffix(" column")) in ANKI_COLUMNS and anki[
            "value"
        ].strip().isdigit():
            special[int(anki["value"]) - 1] = ANKI_COLUMNS[field]
        skip += 1
    rows = [line for line in lines[skip : skip + SNIFF_ROWS] if line.strip()]
    delimiter = delimiter or _delimiter(
        header or rows[0] if rows else "", PurePosixPath(path).suffix.lower(), rows
    )
    # csv's own limit (128 KB a cell) stopped a file at a long answer; a line may hold 1 MB.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))
    reader = csv.reader(io.StringIO("\n".join(lines[skip:])), delimiter=delimiter)
    names = _cells(header, delimiter) if header else None
    found, row_problems = [], []
    end = skip
    try:
        for row in reader:
            line, end = end + 1, skip + reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if names is None:
                names = _header(row)
                if names is not None:
                    continue
                names = _positional(len(row), special)
            if len(row) > len(names):  # a delimiter inside an unquoted cell: nothing is dropped
                row_problems.append(Problem(Location(path, line), EXTRA.format(len(row), len(names))))
                row = [*row[: len(names) - 1], delimiter.join(row[len(names) - 1 :])]
            if end > line and sum(x.count('"') for x in lines[line - 1 : end]) % 2:
                # Quotes pair up in every row CSV wrote: an odd count opened one that never closes.
                row_problems.append(Problem(Location(path, line), UNCLOSED.format(line, end)))
            found.append((line, dict(zip(names, row))))
    except csv.Error as exc:
        message = f"CSV row not readable ({exc}): the rest is skipped"
        row_problems.append(Problem(Location(path, end + 1), message))
    if not found:
        message = "no question rows in this table (a `question` column, or questions in the first)"
        return [], [*problems, *row_problems, Problem(Location(path, 1), message, "error")]
    converted, record_problems = records.to_markdown(found, path)
    return converted, [*problems, *row_problems, *record_problems]


def _delimiter(line: str, suffix: str, rows: list[str]) -> str:
    """Tab for `.tsv`, or where every row holds as many tabs (a flashcard export: a definition
    is prose with commas, its term and it are split by one tab); else the line's most frequent."""
    tabs = {row.count("\t") for row in rows}
    if suffix == ".tsv" or (len(tabs) == 1 and 0 not in tabs and suffix != ".csv"):
        return "\t"
    return max(DELIMITERS, key=line.count)


def _cells(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def _header(row: list[str]) -> list[str] | None:
    """A header row's field names, or None for a row of data. A Notion or Quizlet table names its
    question column as a title ("Name", "Term") beside an "Answer" or "Definition" column."""
    if _named(row):
        return row
    if len(row) >= 2 and records.key(row[0]) in TITLE_FIELDS and _named(["question", *row[1:]], strict=True):
        return ["question", *row[1:]]
    return None


def _positional(width: int, special: dict[int, str]) -> list[str]:
    fields = iter(POSITIONAL)
    return [special.get(i) or next(fields, f"column {i + 1}") for i in range(width)]


def _named(cells: list[str], strict: bool = False) -> bool:
    """A header: a question field and an answer, option or correct-answer field; `strict` (a
    file not named as a table) wants every cell a field's name, not a sentence."""
    if strict and not all(FIELD_NAME.fullmatch(cell.strip()) for cell in cells):
        return False
    names = {records.key(cell) for cell in cells}
    others = records.ANSWER_KEYS + records.OPTION_KEYS + records.CORRECT_KEYS
    return bool(names & set(records.QUESTION_KEYS)) and (
        bool(names & set(others)) or any(records.OPTION_FIELD.match(n) for n in names)
    )

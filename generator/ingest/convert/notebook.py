"""Converter: Jupyter notebooks (.ipynb, read with nbformat) into one Markdown document.

    {"cells": [                                           (nbformat 4; 3 is upgraded)
      {"cell_type": "markdown", "source": "## Q3. What is dropout?"},   <- Markdown as it is
      {"cell_type": "code", "source": "nn.Dropout(0.1)",                <- a fenced code block in
       "outputs": [{"output_type": "stream", "text": "..."}]},             the answer it follows
      {"cell_type": "raw", ...}],                                       <- left out
     "metadata": {"title": ..., "kernelspec": ...}}                     <- never a question

Outputs are left out, except the text output of a code cell directly under a
question (a Markdown cell ending in a heading or a `?` line): there it is the answer.
Every line's number is its cell's number, so `path:7` means cell 7.

Markdown cells are tidied the way notebook authors write them:

    ###1. What is a class?            <- Colab shows this as a heading: `### 1. What is a class?`
    What are the assumptions of       <- a cell opening with a line that asks (`?`, or a
    linear regression?                   question word and `:`), then more: that line is
    - linearity                          a heading one level below the notebook's last one;
    - independence                       so is a later line that asks right before a list
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from generator.ingest.convert.common import fence
from generator.ingest.segment import OPENING, QUESTION_LABEL
from generator.model import Line, Location, Problem

NAME = "notebook"

OUTPUT_LINES = 40  # an output longer than this is cut: it is an example, not an essay
QUESTION_END = re.compile(r"(?:^#{1,6}[ \t]+\S.*|\?[*_ \t]*)$")
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")
TIGHT_HEADING = re.compile(r"^(#{1,6})(?=[^#\s])")
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S")
NOT_PLAIN = re.compile(
    r"^(?:[ \t]|[#>|<!\[`~-]|[*+][ \t]|\d{1,3}[.)][ \t]|\W*(?:answer|ans|solution)\b)", re.I
)
# What an exercise leaves in a code cell for the student to replace.
STUB_MARK = re.compile(r"your code|todo|NotImplementedError|fill (?:this )?in|^#\s*code here", re.I)
STUB = re.compile(r"^(?:raise\s+NotImplementedError\b.*|pass|\.\.\.)$")
STUB_HEADER = re.compile(r"^(?:async\s+)?(?:def|class)\s+\w")
ASKING_LINE = 200  # longer lines are paragraphs, not questions

FENCE_MARK = re.compile(r"`{3,}|~{3,}")


def matches(data: bytes, suffix: str) -> bool:
    """JSON whose top level has `cells` and `nbformat`, whatever the file is called."""
    head = data[:200_000].lstrip()
    return head.startswith(b"{") and b'"cells"' in head and b'"nbformat"' in head


def convert(data: bytes, path: str) -> tuple[list[Line], list[Problem]]:
    import nbformat  # 0.06 s to import: paid by the builds that hold a notebook, not by every command

    problems: list[Problem] = []
    captured: dict[str, Any] = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # missing cell ids and the like: nbformat repairs them
            nb = nbformat.reads(
                data.decode("utf-8", errors="replace"), as_version=4, capture_validation_error=captured
            )
    except (
        nbformat.reader.NotJSONError,
        ValueError,
        KeyError,
        AttributeError,
        TypeError,
        RecursionError,
    ) as exc:
        return [], [Problem(Location(path, 1), f"not a readable notebook: {exc}", "error")]
    if captured.get("ValidationError"):
        problems.append(
            Problem(Location(path, 1), "notebook does not follow the nbformat schema; read anyway")
        )
    language = _language(nb.get("metadata", {}))
    lines: list[Line] = []
    after_question = False
    level = [1]  # the last heading level written by the author: asked lines go one below
    cells = nb.get("cells")
    for number, cell in enumerate(cells if isinstance(cells, list) else [], start=1):
        if not isinstance(cell, dict):
            problems.append(Problem(Location(path, number), "notebook cell is not an object: skipped"))
            continue
        source = _text(cell.get("source", ""))
        kind = cell.get("cell_type")
        if kind == "markdown":
            body = _tidy_markdown(source.split("\n"), level)
            after_question = bool(QUESTION_END.search(_last_line(source)))
        elif kind == "code" and source.strip() and not _left_for_student(source, cell):
            body = fence(source, language) + (_outputs(cell) if after_question else [])
            after_question = False
        else:
            continue
        lines += [Line(number, text) for text in body] + [Line(number, "")]
    return lines, problems


def _left_for_student(source: str, cell: dict[str, Any]) -> bool:
    """An exercise's stub (`def f(df):` / `# YOUR CODE HERE` / `raise NotImplementedError()`)
    or an nbgrader autograder test: neither answers the question above it."""
    grader = (cell.get("metadata") or {}).get("nbgrader") or {}
    if isinstance(grader, dict) and grader.get("grade") and not grader.get("solution"):
        return True
    code = [line.strip() for line in source.split("\n") if line.strip()]
    statements = [line for line in code if not line.startswith("#") and not STUB_HEADER.match(line)]
    stubbed = any(STUB_MARK.search(line) for line in code)
    return stubbed and all(STUB.match(line) for line in statements)


def _tidy_markdown(body: list[str], level: list[int]) -> list[str]:
    """Tight `###1.` headings spaced; lines that ask made headings (see the module doc); a fence
    the cell leaves open closed, as Jupyter renders each cell on its own (left open, it would
    take the next cells, questions and all, into its code block)."""
    out, fence = list(body), ""
    filled = [i for i, line in enumerate(out) if line.strip()]
    first = filled[0] if filled else -1
    for i, line in enumerate(out):
        if mark := FENCE_MARK.match(line.strip()):
            fence = _fence_after(fence, mark.group(), line.strip())
        if fence:
            continue
        line = out[i] = TIGHT_HEADING.sub(r"\1 ", line)
        heading = HEADING.match(line)
        if heading:
            level[0] = len(heading.group(1))
        elif _asks_here(out, i, first):
            out[i] = f"{'#' * min(level[0] + 1, 6)} {line.strip()}"
    return [*out, fence] if fence else out


def _fence_after(fence: str, mark: str, line: str) -> str:
    """The fence open after a fence line: it opens one, or closes the open one (same character,
    at least as long, nothing after it), or is code inside the open one."""
    if not fence:
        return mark
    closes = mark[0] == fence[0] and len(mark) >= len(fence) and line == mark
    return "" if closes else fence


def _asks_here(lines: list[str], i: int, first: int) -> bool:
    line = lines[i].rstrip()
    if NOT_PLAIN.match(line) or QUESTION_LABEL.match(line) or len(line) > ASKING_LINE:
        return False
    asks = line.endswith("?") or (line.endswith((":", ".")) and bool(OPENING.match(line)))
    if i == first:  # the cell opens with it: anything but a heading may answer it
        following = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].strip()), "")
        return asks and bool(following) and not HEADING.match(following)
    before = lines[i - 1]
    after = lines[i + 1] if i + 1 < len(lines) else ""
    return asks and (not before.strip() or bool(LIST_ITEM.match(before))) and bool(LIST_ITEM.match(after))


def _text(value: object) -> str:
    """nbformat joins `source` lists into a string; outputs may still hold lists."""
    return "".join(value) if isinstance(value, list) else str(value or "")


def _last_line(source: str) -> str:
    stripped = [line.strip() for line in source.split("\n") if line.strip()]
    return stripped[-1] if stripped else ""


def _language(metadata: dict[str, Any]) -> str:
    info = metadata.get("language_info") or {}
    kernel = metadata.get("kernelspec") or {}
    name = str(info.get("name") or kernel.get("language") or "")
    return name if re.fullmatch(r"[A-Za-z0-9_+-]{1,30}", name) else ""


def _outputs(cell: dict[str, Any]) -> list[str]:
    """The text a code cell printed or returned, as one fenced `text` block."""
    texts = []
    outputs = cell.get("outputs")
    for output in outputs if isinstance(outputs, list) else []:
        data = output.get("data") if isinstance(output, dict) else None
        if isinstance(output, dict) and output.get("output_type") == "stream":
            texts.append(_text(output.get("text")))
        elif isinstance(data, dict) and output.get("output_type") in ("execute_result", "display_data"):
            texts.append(_text(data.get("text/plain")))
    printed = "\n".join(t.rstrip("\n") for t in texts if t.strip())
    if not printed:
        return []
    kept = printed.split("\n")
    cut = ["…"] if len(kept) > OUTPUT_LINES else []
    return ["", "Output:", "", *fence("\n".join(kept[:OUTPUT_LINES] + cut), "text")]

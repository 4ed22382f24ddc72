"""Every pass over source text (and over what we emit), with the hostile line shapes to feed them.

`tests/test_complexity.py` runs each pass on each shape at two lengths and checks the cost
grows linearly. A pass is `(name, callable(text))`; the callable takes one line of text
(thousands of characters) and does whatever the pass does with it. Readers come from
`generator.ingest.readers.READERS`, so a reader added there is covered without a change here;
any other new pass over source text is one `PASSES.append(...)` (or an entry below).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import markdown
import yaml

from generator.ingest import clean, readers
from generator.ingest.attr_groups import escape_attribute_groups
from generator.ingest.convert import chat_json, csv_records, json_records, notebook
from generator.ingest.images import ImageRules
from generator.ingest.markdown_fix import join_blocks, to_markdown
from generator.ingest.mathfix import fix_math
from generator.ingest.sanitize import escape_inline, sanitize_markdown
from generator.ingest.sources import title_from_text
from generator.model import Document, Draft, Line, Location, Problem, Question
from generator.render.safe_html import markdown_to_html
from generator.render.templates import TEMPLATES
from generator.render.topics import EntryView, member_answer

Pass = Callable[[str], object]


def _repeat(unit: str, head: str = "", tail: str = "") -> Callable[[int], str]:
    """A line of about n characters: head, unit repeated, tail."""

    def make(n: int) -> str:
        body = max(0, n - len(head) - len(tail))
        return head + (unit * (body // len(unit) + 1))[:body] + tail

    return make


# The shapes that made some regex backtrack: long runs of one character or of a short
# pattern, with a head that makes a pattern start matching and a tail that makes it fail.
SHAPES: dict[str, Callable[[int], str]] = {
    "spaces after a question label": _repeat(" ", "Q1. a", "x"),
    "backticks": _repeat("`"),
    "<a ": _repeat("<a "),
    "$": _repeat("$"),
    "*": _repeat("*"),
    "_": _repeat("_"),
    "[": _repeat("["),
    "\\(": _repeat("\\("),
    "heading tail of ' #'": _repeat(" #", "# a"),
    "run of '- '": _repeat("- "),
    # Found while auditing every pattern in generator/:
    "\\[": _repeat("\\["),
    "spaces after a heading": _repeat(" ", "## a", "x"),
    "spaces after a bullet": _repeat(" ", "- a", "x"),
    "spaces after a label": _repeat(" ", "Question: a", "x"),
    # Two blank runs that can meet, around an optional number: "Q  x", "Pregunta  x".
    "spaces after Q": _repeat(" ", "Q", "x"),
    "spaces after Pregunta": _repeat(" ", "Pregunta", "x"),
    "spaces after Ques": _repeat(" ", "Ques", "x"),
    "spaces after an option": _repeat(" ", "A. a", "x"),
    "spaces after an answer": _repeat(" ", "Answer: A", "x"),
    "spaces after an Answers line": _repeat(" ", "Answers", "Q12) "),
    "spaces after a correct-answer label": _repeat(" ", "Correct answer:", "x"),
    "spaces after bold": _repeat(" ", "1. **a**", "x"),
    "<h2> and spaces": _repeat(" ", "<h2>a", "x"),
    "tabs": _repeat("\t", "# a", "x"),
    "**": _repeat("**", "1. "),
    "$a": _repeat("$a"),
    "{:": _repeat("{: "),
    "](": _repeat("]("),
    "<!--": _repeat("<!--"),
    "&#": _repeat("&#"),
    "a_b": _repeat("a_b "),
    "x^": _repeat("x^"),
    "<ul>": _repeat("<ul>"),
    # Stray end tags and `<ul/>` once made room for more open elements (tags.Nesting).
    "<ul></b>": _repeat("<ul></b>"),
    "<ul/>": _repeat("<ul/>"),
    "1. ": _repeat("1. "),
    "> ": _repeat("> "),
    # Runs of lines: a line-start pattern whose `\s*` crosses newlines scans on from each one.
    "blank lines": _repeat("\n"),
    "lines of one space": _repeat(" \n"),
    "![": _repeat("!["),
    # With a `]` at the end every opener may close: markdown-it scans as deep as its nesting.
    "![ closed by ]": _repeat("![", "", "]"),
    "![a](": _repeat("![a]("),
    # Reference links and footnotes whose definitions the document holds (generator.ingest.references).
    "reference links and footnotes": _repeat("[a][b][^1] [", "", "\n\n[b]: /u\n\n[^1]: n"),
    # Lines of an answer key under a quiz (generator.ingest.answer_key), each one read once.
    "answer key lines": _repeat(
        "| 1 | B |\n", "1. Which?\n   a) x\n   b) y\n2. Which?\n   a) x\n   b) y\n\nKey\n"
    ),
    # A chat transcript's speakers on lines of their own (generator.ingest.chat_turns).
    "chat turns": _repeat("## User\n\nWhat is a?\n\n## Assistant\n\nb\n\nYou said:\nwhat is c\n\n"),
    # Text copied from a PDF (generator.ingest.page_furniture): footers, wide gaps, wrapped lines.
    "page furniture": _repeat("Book   3\nPage 1 of 2\nQ1. What is the\nmodel?\nLayers with a\nRELU.\n"),
    "a long line with a wide gap": _repeat(" ", "x", "y\nPage 1\nPage 2\n"),
    # Flashcard decks (generator.ingest.readers.cards): one card a line, or over a `?` line.
    "cards": _repeat("What is a? - b\nc;d\ne::f\n"),
    "cards over lines": _repeat("q\n?\nb\n\n"),
    "a long card front": _repeat("x", "", " - y\nz - w\nv - u\n"),
    # An outline's topics over nested questions (generator.ingest.outlines), tags and properties.
    "outline topics": _repeat("- T\n    - What is a? #card\n      card-repeats:: 2\n        - b\n"),
    # Emoji before answer labels (generator.ingest.answer_marks), and before other words.
    "marked answer lines": _repeat("✅ Answer: B\n👉👉 ✔️ x\n"),
    # A Q&A table whose header cell is a long run of spaces between two non-letters.
    "spaces in a table header cell": _repeat(
        " ", "| Question | ! ", " zz |\n| --- | --- |\n| What is a? | b |\n| What is c? | d |"
    ),
}


def _doc(text: str) -> Document:
    return Document(
        "sources/long.txt", "long", tuple(Line(no, t) for no, t in enumerate(text.split("\n"), 1))
    )


# The line alone, and after the head of a multiple-choice block in each labelled style,
# where readers look for options and correct-answer lines.
CONTEXTS = ("", "Q1. Which one?\nA. one\nB. two\n", "Question: Which one?\n(a) one\n(b) two\n")


def _reader_pass(reader) -> Pass:
    def run(text: str) -> object:
        return reader.matches(text), [reader.read(_doc(context + text)) for context in CONTEXTS]

    return run


def _strip_junk(text: str) -> object:
    return clean.strip_junk(_doc(text))


def _clean_answer(text: str) -> tuple[list[Question], list[Problem]]:
    """What `make_questions` does with a question whose title and answer are the line."""
    draft = Draft(text, Location("sources/long.txt", 1), (Line(2, text),))
    return clean.make_questions([draft], "long")


def _clean_tree_answer(text: str) -> tuple[list[Question], list[Problem]]:
    """What `make_questions` does with a tree reader's question (markup=True: its answer is
    Markdown as written, re-indented for Python-Markdown and its math fixed outside code)."""
    draft = Draft(text, Location("sources/long.md", 1), (Line(2, text),), markup=True)
    return clean.make_questions([draft], "long")


def _clean_with_images(text: str) -> tuple[list[Question], list[Problem]]:
    """make_questions as a build runs it: images held aside first (generator.ingest.images)."""
    draft = Draft(text, Location("sources/long.txt", 1), (Line(2, text),))
    rules = ImageRules(Path("/nonexistent"), "sources/long.txt", "long")
    return clean.make_questions([draft], "long", rules)


def _to_markdown(text: str) -> object:
    return join_blocks(to_markdown([Line(1, text)]))


def _render(text: str) -> object:
    """The Markdown rendering of what we emit for a question whose title and answer are the
    line (safe_html's, for the export; MkDocs runs the same Python-Markdown on our pages)."""
    questions, _problems = _clean_answer(text)
    return [markdown_to_html(f"## {q.question}\n\n{q.answer or ''}") for q in questions]


def _site_markdown() -> markdown.Markdown:
    """Python-Markdown as MkDocs builds our pages: its built-in extensions, then mkdocs.yml's."""
    config = yaml.safe_load((Path(__file__).parents[2] / "mkdocs.yml").read_text())
    names, settings = ["toc", "tables", "fenced_code"], {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names += [name] if name not in names else []
        settings[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=settings)


SITE_MARKDOWN = _site_markdown()


def _site_entry(text: str) -> object:
    """The topic-page entry (entry.md.j2) of a question whose title and answer are the line,
    through the Markdown MkDocs runs on it: heading, options, answer and a related link."""
    questions, _problems = _clean_answer(text)
    entries = [
        TEMPLATES.get_template("entry.md.j2").render(
            e=EntryView(
                id=q.id,
                heading=q.question,
                kind=q.kind,
                topic="t",
                ids=q.id,
                other_ids=(),
                badges="",
                choices=q.choices,
                correct=q.correct or "",
                answer=member_answer(q, False) or "",
                answer_title="Answer",
                source_line="From [the source](../sources.md#long)",
                related=f"Related: [{q.question}](t.md#{q.id})",
            )
        )
        for q in questions
    ]
    return [SITE_MARKDOWN.reset().convert(entry) for entry in entries]


def _notebook(text: str) -> object:
    """The notebook converter's tidying of a Markdown cell (tight headings, asking lines)."""
    cell = {"cell_type": "markdown", "metadata": {}, "source": f"What is it?\n{text}\n- an item"}
    nb = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return notebook.convert(json.dumps(nb).encode(), "long.ipynb")


def _json_record(text: str) -> object:
    """The JSON converter on a record whose question, answer and option hold the long line."""
    record = {"question": text, "answer": f"{text}\n# {text}", "options": [text, "b"], "category": text}
    return json_records.convert(json.dumps([record, {"q": "Why?", "a": text}]).encode(), "long.json")


def _chat_export(text: str) -> object:
    """The chat-export converter on a Claude export whose messages hold the long line."""
    messages = [{"sender": "human", "text": text}, {"sender": "assistant", "text": f"# {text}\n```\n{text}"}]
    data = json.dumps([{"name": text, "chat_messages": messages}]).encode()
    return chat_json.matches(data, ".json"), chat_json.convert(data, "long.json")


def _csv_row(text: str) -> object:
    """The CSV sniff and converter on a header and a row that holds the long line twice."""
    data = f"question,answer\n{text},{text}\n".encode()
    return csv_records.matches(data, ".txt"), csv_records.convert(data, "long.csv")


PASSES: list[tuple[str, Pass]] = [
    *((f"reader {reader.NAME}", _reader_pass(reader)) for reader in readers.READERS),
    ("read_document", lambda text: readers.read_document(_doc(text))),
    # As a build routes a source: a tree reader, or the junk rules and then a line reader.
    ("read_source_document", lambda text: readers.read_source_document(_doc(text))),
    ("source title (title_from_text)", lambda text: title_from_text(_doc(text), "long")),
    ("junk (clean.strip_junk)", _strip_junk),
    ("sanitize_markdown", sanitize_markdown),
    ("escape_inline", escape_inline),
    ("attr groups in math (escape_attribute_groups)", escape_attribute_groups),
    ("math (fix_math)", fix_math),
    ("markdown_fix.to_markdown", _to_markdown),
    ("clean (make_questions)", _clean_answer),
    ("clean with images (make_questions)", _clean_with_images),
    ("clean a tree answer (make_questions)", _clean_tree_answer),
    ("Markdown rendering of an answer", _render),
    ("MkDocs rendering of a topic-page entry", _site_entry),
    ("convert notebook (Markdown cell)", _notebook),
    ("convert JSON records", _json_record),
    ("convert CSV rows", _csv_row),
    ("convert a chat export", _chat_export),
]

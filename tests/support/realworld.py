"""Score the readers on shared/real-world/ against its gold.json (used by a test and a benchmark).

Each gold question is found by its line, else by its normalised text (label and
markup dropped). Figures per document: found, spurious, MCQ with the right option
marked, answered questions that carry an answer, prompts left without one, and
titles that would show raw Markdown once rendered.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

from generator.config import load_content
from generator.model import Question, normalise
from generator.pipeline import assemble, read_source
from generator.render.pages import render_site

ROOT = Path(__file__).resolve().parents[2]
REAL_WORLD = ROOT.parent / "shared" / "real-world"
LABEL = re.compile(r"^\s*(?:\*\*)?(?:Q\d+[.:]|\d+\.)(?:\*\*)?\s*")
RAW_MARKDOWN = re.compile(
    r"\*\*|__|(?<![\w\\])_[^_\s][^_]*_(?!\w)|\]\(|<[a-z/]|^\s*(?:Q\d+|\d+)[.:)]\s", re.I
)
TAGS = re.compile(r"<[^>]+>")
CODE = re.compile(r"<code>.*?</code>")
_HTML = MarkdownIt("commonmark")


@dataclass
class Figures:
    name: str
    gold: int = 0
    found: int = 0
    spurious: int = 0
    mcq: int = 0
    mcq_right: int = 0
    answered: int = 0
    answered_ok: int = 0
    prompts: int = 0
    prompts_ok: int = 0
    raw_titles: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    structure: str = ""
    questions: list[Question] = field(default_factory=list)


def gold() -> dict[str, list[dict]]:
    return json.loads((REAL_WORLD / "gold.json").read_text(encoding="utf-8"))


def read(path: Path) -> tuple[str, list[Question]]:
    source, questions, _ = read_source(path, load_content(ROOT))
    return source.structure, questions


def score(name: str, expected: list[dict]) -> Figures:
    structure, questions = read(REAL_WORLD / f"{name}.md")
    out = score_questions(name, expected, questions, by_line=True)
    out.structure = structure
    return out


def score_questions(name: str, expected: list[dict], questions: list[Question], by_line: bool) -> Figures:
    """Figures for one document's questions. Each gold question is matched by its line
    (`by_line`, when the questions come from the file itself) or by its normalised text;
    a question matches at most one gold question."""
    out = Figures(name, gold=len(expected), questions=questions)
    lines = {q.location.line: q for q in questions} if by_line else {}
    by_text: dict[str, list[Question]] = {}
    for q in questions:
        by_text.setdefault(normalise(q.question), []).append(q)
    matched: set[str] = set()
    for want in expected:
        same = [q for q in by_text.get(normalise(LABEL.sub("", want["question"])), []) if q.id not in matched]
        got = lines.get(want["line"]) or (same[0] if same else None)
        if got is None or got.id in matched:
            out.missing.append(f"{want['line']}: {want['question'][:70]}")
            continue
        matched.add(got.id)
        out.found += 1
        _check_kind(out, want, got)
    out.spurious = sum(1 for q in questions if q.id not in matched)
    out.raw_titles = [q.question for q in questions if shows_raw_markdown(q.question)]
    return out


def _check_kind(out: Figures, want: dict, got: Question) -> None:
    kind = want["kind"]
    if kind == "mcq":
        out.mcq += 1
        right = got.kind == "mcq" and _correct_text(got) in _accepted(want["correct"], got)
        out.mcq_right += right
        if not right:
            out.wrong.append(f"{want['line']}: correct {got.correct} vs {want['correct']!r}")
    elif kind == "open":
        out.answered += 1
        out.answered_ok += bool(got.answer) and got.kind == "open"
        if not got.answer:
            out.wrong.append(f"{want['line']}: no answer")
    else:
        out.prompts += 1
        out.prompts_ok += got.kind == "prompt" and not got.answer
        if got.answer:
            out.wrong.append(f"{want['line']}: prompt has an answer {got.answer[:40]!r}")


def _correct_text(q: Question) -> str:
    return next((normalise(c.text) for c in q.choices if c.letter == q.correct), "")


def _accepted(correct: str, q: Question) -> set[str]:
    letter = re.fullmatch(r"option ([a-h])", correct.strip(), re.I)
    if letter:
        return {normalise(c.text) for c in q.choices if c.letter == letter.group(1).upper()}
    return {normalise(correct)}


def shows_raw_markdown(title: str) -> bool:
    """Render the title as a page would, and look for Markdown syntax left in the visible text."""
    # An escaped `\_` or `\*` is a literal the source meant (a blank `\_\_\_`), and code shows as code.
    title = title.replace("\\_", "\u2017").replace("\\*", "\u2217")
    rendered = CODE.sub("", _HTML.renderInline(title))
    visible = html.unescape(TAGS.sub("", rendered))
    return bool(RAW_MARKDOWN.search(visible))


def score_all() -> list[Figures]:
    return [score(name, expected) for name, expected in gold().items()]


def page_markdown(path: Path) -> str:
    """The topic pages' Markdown the site would be built from, for one document alone."""
    content = load_content(ROOT)
    source, questions, problems = read_source(path, content)
    files = render_site(assemble(content, [source], questions, problems)).files
    return "\n".join(text for name, text in files.items() if name.startswith("topics/"))


def fixed_content(text: str) -> list[tuple[str, int, str]]:
    """(kind, line, text) of every fenced code block, table and display formula in a Markdown text."""
    out = []
    for token in _HTML.__class__("commonmark").enable("table").parse(text):
        if token.type == "fence" and token.map:
            out.append(("code", token.map[0] + 1, token.content))
        elif token.type == "table_open" and token.map:
            rows = text.split("\n")[token.map[0] : token.map[1]]
            out.append(("table", token.map[0] + 1, "\n".join(rows)))
    for number, line in enumerate(text.split("\n"), start=1):
        start = line.find("$$")
        end = line.find("$$", start + 2) if start >= 0 else -1
        if end > start:
            out.append(("formula", number, line[start : end + 2]))
    return out

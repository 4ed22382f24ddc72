"""Reader: a whole HTML page whose `h2`/`h3` headings are the questions.

Accepts, for example:

    <html><head><title>LLM interview questions</title></head><body>
    <nav>Home | Blog</nav>                       <- dropped, as are header, footer,
    <div class="cookie-banner">We use cookies</div>   aside, share/subscribe blocks
    <h2>Transformers</h2>                        <- a section
    <h3>What is self-attention?</h3>             <- a question, at its source line
    <p>Each token <b>attends</b> to ...</p>       <- the answer, as Markdown
    <ul><li>keys<ul><li>nested</li></ul></li></ul>
    <script>track()</script>                     <- dropped

On a page titled as questions ("Interview questions", "FAQ") where most
headings of one level read as questions, every heading of that level is one.
Parsing uses the standard library's `html.parser`; `html_markdown` writes the
Markdown, escaping text so nothing in it becomes markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Document, Draft, Line, Problem
from generator.readers.html_markdown import Node, blocks, escape_text, parse_html
from generator.readers.markdown_headings import question_parts, unwrap

NAME = "html_page"

PAGE_MARKERS = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]", re.I)
CLOSED_BLOCK = re.compile(r"</(?:p|div|h[1-6]|li|ul|ol|section|article|table|blockquote|pre)\s*>", re.I)
CLOSED_QUESTION_LEVEL = re.compile(r"</h[23]\s*>", re.I)
TAG_LINE = re.compile(r"^\s*<[A-Za-z/!]")
QUESTIONS_PAGE = re.compile(r"question|interview|\bfaq\b|quiz", re.I)
QUESTION_LEVELS = (2, 3)


@dataclass(frozen=True)
class Event:
    """A heading or a block of answer Markdown, with its source line."""

    line: int
    markdown: str
    level: int = 0


def matches(text: str) -> bool:
    """A page (doctype, <html>, <body>), or a fragment that is mostly block markup."""
    if PAGE_MARKERS.search(text[:5000]):
        return True
    if len(CLOSED_BLOCK.findall(text)) < 3 or not CLOSED_QUESTION_LEVEL.search(text):
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    return sum(1 for line in lines if TAG_LINE.match(line)) * 10 >= len(lines) * 4


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    root, title, problems = parse_html(doc.text, doc.path)
    events = [Event(line, md, level) for line, md, level in blocks(_content_root(root))]
    is_question = _question_rule(events, title)
    drafts: list[Draft] = []
    sections: dict[int, str] = {}
    for pos, event in enumerate(events):
        if not event.level:
            continue
        if not is_question(event):
            sections = {lv: t for lv, t in sections.items() if lv < event.level}
            sections[event.level] = unwrap(event.markdown).rstrip(":").strip()
            continue
        sections = {lv: t for lv, t in sections.items() if lv < event.level}
        label, question = question_parts(event.markdown) or (None, event.markdown)
        answer = _answer(events, pos, is_question)
        section = next((sections[lv] for lv in sorted(sections, reverse=True) if lv > 1), None)
        drafts.append(Draft(question, doc.at(event.line), tuple(answer), section, label=label))
    if any(d.answer for d in drafts):
        problems += [
            Problem(d.location, f"question has an empty answer: {d.question[:60]!r}")
            for d in drafts
            if not d.answer
        ]
    return drafts, problems


def _content_root(root: Node) -> Node:
    """`<main>`, or the page's only `<article>`, when there is one; else the body."""
    found: dict[str, list[Node]] = {"main": [], "article": [], "body": []}
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag in found:
            found[node.tag].append(node)
        stack += [c for c in node.children if isinstance(c, Node)]
    if found["main"]:
        return found["main"][0]
    if len(found["article"]) == 1:
        return found["article"][0]
    return found["body"][0] if found["body"] else root


def _question_rule(events: list[Event], title: str):
    """Which headings are questions: h2/h3 that read as one, or on a questions page
    every heading of the level where most read as one."""
    candidates = [e for e in events if e.level in QUESTION_LEVELS]
    reads = {id(e): question_parts(e.markdown) is not None for e in candidates}
    page_title = title or next((e.markdown for e in events if e.level == 1), "")
    whole_level = None
    if QUESTIONS_PAGE.search(page_title):
        for level in QUESTION_LEVELS:
            at_level = [e for e in candidates if e.level == level]
            if len(at_level) >= 2 and sum(reads[id(e)] for e in at_level) * 2 > len(at_level):
                whole_level = level
                break

    def is_question(event: Event) -> bool:
        return event.level in QUESTION_LEVELS and (reads[id(event)] or event.level == whole_level)

    return is_question


def _answer(events: list[Event], pos: int, is_question) -> list[Line]:
    level = events[pos].level
    out: list[Line] = []
    for index in range(pos + 1, len(events)):
        event = events[index]
        if event.level and (event.level <= level or is_question(event)):
            break
        text = f"**{escape_text(event.markdown)}**" if event.level else event.markdown
        if out:
            out.append(Line(event.line, ""))
        out += [Line(event.line, part) for part in text.split("\n")]
    return out

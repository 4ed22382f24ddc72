"""Cleaned Markdown as safe HTML: one conversion for questions.json, the flashcards and the exports.

The input is a title, option or answer as cleaning left it (sanitised Markdown, math
delimited). Python-Markdown makes HTML of it and nh3 cleans that with the site's
allowlist, so the result is safe whatever Markdown made of the text. Math (the spans
`generator.ingest.syntax` calls math, as arithmatex does on the site) is lifted out first, since
Markdown would eat its backslashes, and put back with MathJax's delimiters \\(…\\) and
\\[…\\]: bare for Anki, and for the site each formula in a `<span class="arithmatex">`,
the only elements the site's MathJax configuration typesets (overrides/assets/math.js).

Conversions are batched (`Batch`): plain paragraphs take a shortcut, the rest run on
all cores in worker processes when there are many, while the caller renders pages.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import markdown
import nh3

from generator.ingest import syntax
from generator.ingest.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, SAFE_SCHEMES

HOLE = re.compile("\ue010(\\d+)\ue011")
# `\$` is a literal dollar to arithmatex (cleaning escapes every dollar that is not math);
# plain Markdown would keep the backslash, so it becomes an entity Markdown leaves alone.
ESCAPED_DOLLAR = re.compile(r"(?<!\\)((?:\\\\)*)\\\$")
# A paragraph that Python-Markdown only wraps in <p> and nh3 keeps as it is: one line that
# starts with a letter (no list, heading, code or quote) and ends without a space, made of
# characters no block or inline rule reads (no `*_\`[]!<>&#|~`, no tab, no newline).
# Fields that are just such paragraphs skip both (most card fields, ~0.3 ms each).
PLAIN_CHARS = "A-Za-z0-9 ,.?'\"()/;:%\ue010\ue011\ue012-"
# A formula's hole may open a paragraph too (display math alone on its line).
PLAIN_PARAGRAPH = re.compile(f"[A-Za-z\ue010](?:[{PLAIN_CHARS}]*[{PLAIN_CHARS.replace(' ', '')}])?")
# ESCAPED_DOLLAR's entity: Markdown keeps it and nh3 writes it as a dollar. The shortcut
# reads it as one plain character (DOLLAR_HOLE) and writes the dollar.
DOLLAR, DOLLAR_HOLE = "&#36;", "\ue012"
# Also short-cut (~15% of fields at 10,000 questions): such a line led by one bold run
# ("**Correct answer: C.** Paris") and lists of such lines ("- **A.** Paris"), each list
# a block of its own. A run starts and ends with a plain character other than a space.
PLAIN_RUN = f"[{PLAIN_CHARS.replace(' ', '')}](?:[{PLAIN_CHARS}]*[{PLAIN_CHARS.replace(' ', '')}])?"
BOLD_LEAD = re.compile(f"\\*\\*({PLAIN_RUN})\\*\\*((?: {PLAIN_RUN})?)")
MARKDOWN_EXTENSIONS = ["fenced_code", "tables", "sane_lists"]
# Images: only generator.ingest.images writes `![…](…)` that survives sanitising (a copied file, or
# a remote one the settings allow); Anki gets their alt text, having none of the files.
HTML_TAGS = frozenset(ALLOWED_TAGS | {"h1", "h2", "h3", "h4", "hr", "img"})
HTML_ATTRIBUTES = {**ALLOWED_ATTRIBUTES, "img": {"src", "alt", "title"}}
IMG = re.compile(r"<img\b[^<>]*>")
IMG_ALT = re.compile(r'\balt="([^"]*)"')
IMG_SRC = re.compile(r'\bsrc="([^"]*)"')
KNOWN_IMAGES = ("assets/sources/", "https://", "http://")
# One converter, reset per text: building a Markdown instance costs more than converting.
_MARKDOWN = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
PARALLEL_FROM = 3000  # texts; below this a process pool costs more than it saves
ONE_PARAGRAPH = re.compile(r"<p>((?:(?!</?p>).)*)</p>", re.S)


@dataclass(frozen=True)
class Html:
    """A converted text: safe HTML with a hole per formula, and the formulas (escaped TeX, display?)."""

    body: str
    math: tuple[tuple[str, bool], ...] = ()

    def for_anki(self) -> str:  # Anki has none of the image files: their alt text instead
        body = self._fill("{}")
        return IMG.sub(_alt_text, body) if "<img" in body else body

    def for_site(self) -> str:
        return self._fill('<span class="arithmatex">{}</span>')

    def _fill(self, wrapper: str) -> str:
        if not self.math:
            return self.body
        return HOLE.sub(lambda m: wrapper.format(_delimited(*self.math[int(m.group(1))])), self.body)


def convert(text: str) -> Html:
    """Markdown -> safe HTML with its math held aside."""
    held, body = _hold_math(text)
    clean = _plain_html(body)
    if clean is None:
        clean = nh3.clean(
            _MARKDOWN.reset().convert(body),
            tags=set(HTML_TAGS),
            attributes={k: set(v) for k, v in HTML_ATTRIBUTES.items()},
            url_schemes=set(SAFE_SCHEMES),
        )
    if "<img" in clean:
        clean = IMG.sub(_only_known_images, clean)
    return Html(clean, held)


def _only_known_images(match: re.Match[str]) -> str:
    """An image generator.ingest.images could have written: a copied file or an http(s) URL."""
    src = IMG_SRC.search(match.group())
    return match.group() if src and src.group(1).startswith(KNOWN_IMAGES) else _alt_text(match)


def quick(text: str) -> Html | None:
    """The conversion when the text needs no Markdown (empty, or plain paragraphs), else None."""
    if not text:
        return Html("")
    held, body = _hold_math(text)
    clean = _plain_html(body)
    return None if clean is None else Html(clean, held)


def markdown_to_html(text: str) -> str:
    """Markdown -> sanitised HTML, math kept intact with Anki's MathJax delimiters."""
    return convert(text).for_anki()


def inline(html_text: str) -> str:
    """A title's HTML without the paragraph Markdown wrapped it in (kept if there are several)."""
    match = ONE_PARAGRAPH.fullmatch(html_text)
    return match.group(1) if match else html_text


def _hold_math(text: str) -> tuple[tuple[tuple[str, bool], ...], str]:
    """Math swapped for placeholders (Markdown would eat its backslashes), and the swapped text."""
    if "$" not in text and "\\(" not in text:
        return (), text
    held: list[tuple[str, bool]] = []
    out: list[str] = []
    for run, kind in syntax.split(text):
        if kind == "math":
            tex, display = syntax.math_body(run)
            held.append((_escape(tex), display))
            run = f"\ue010{len(held) - 1}\ue011"
        elif kind == "text" and "\\$" in run:
            run = ESCAPED_DOLLAR.sub(r"\1&#36;", run)
        out.append(run)
    return tuple(held), "".join(out)


def _alt_text(match: re.Match[str]) -> str:
    alt = IMG_ALT.search(match.group())
    return f"[{alt.group(1)}]" if alt and alt.group(1) else ""


def _delimited(tex: str, display: bool) -> str:
    return f"\\[{tex}\\]" if display else f"\\({tex}\\)"


def _plain_html(text: str) -> str | None:
    """What Markdown + nh3 make of plain paragraphs and lists, or None if the text has other markup."""
    if DOLLAR_HOLE in text:
        return None
    if DOLLAR not in text:
        return _plain_blocks(text)
    html = _plain_blocks(text.replace(DOLLAR, DOLLAR_HOLE))
    return None if html is None else html.replace(DOLLAR_HOLE, "$")


def _plain_blocks(text: str) -> str | None:
    paragraphs = text.split("\n\n")
    if all(PLAIN_PARAGRAPH.fullmatch(p) for p in paragraphs):
        return "\n".join(f"<p>{p}</p>" for p in paragraphs)
    out: list[str] = []
    listed = False  # two lists with only a blank line between are one loose list: <li><p>
    for block in paragraphs:
        if block.startswith("- "):
            items = [_plain_line(line[2:]) if line.startswith("- ") else None for line in block.split("\n")]
            if listed or None in items:
                return None
            out.append("<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>")
            listed = True
        elif (line := _plain_line(block)) is not None:
            out.append(f"<p>{line}</p>")
            listed = False
        else:
            return None
    return "\n".join(out)


def _plain_line(text: str) -> str | None:
    """A plain line's HTML, its leading bold run as <strong>, or None."""
    if PLAIN_PARAGRAPH.fullmatch(text):
        return text
    bold = BOLD_LEAD.fullmatch(text) if text.startswith("**") else None
    return f"<strong>{bold[1]}</strong>{bold[2]}" if bold else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Batch:
    """Texts converted once each, plain ones at once and the rest in the background.

    Over PARALLEL_FROM texts need Markdown (about 0.5 ms each), they convert on all cores
    in worker processes, so the caller can render pages meanwhile; `get` waits for them.
    A text that was not in the batch is converted on the spot.
    """

    def __init__(self, texts: Iterable[str]):
        self.done: dict[str, Html] = {}
        todo = []
        for text in dict.fromkeys(texts):
            fast = quick(text)
            if fast is None:
                todo.append(text)
            else:
                self.done[text] = fast
        workers = os.cpu_count() or 1
        self.pool = ProcessPoolExecutor(workers) if len(todo) >= PARALLEL_FROM and workers >= 2 else None
        self.todo = todo
        # Executor.map submits every chunk now; the results are read on the first get().
        self.pending: Iterator[Html] | None = (
            self.pool.map(convert, todo, chunksize=256) if self.pool else None
        )

    def get(self, text: str) -> Html:
        if self.todo:
            self._collect()
        found = self.done.get(text)
        if found is None:
            found = self.done[text] = convert(text)
        return found

    def _collect(self) -> None:
        try:
            results = list(self.pending) if self.pending is not None else map(convert, self.todo)
            self.done.update(zip(self.todo, results))
        finally:
            self.todo = []
            self.close()

    def close(self) -> None:
        self.pending = None
        if self.pool:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

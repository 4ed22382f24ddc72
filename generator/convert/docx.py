"""Converter: Word documents (.docx) into HTML with mammoth, one block per line.

    Title / Heading 1-6 styles          -> <h1> ... <h6>
    a paragraph that is all bold        -> <h3>: a question candidate, like a heading
    numbered list of questions          -> one <h3> per item (each a question)
      1. What is LoRA?
      2. Explain warmup.
    other paragraphs, lists, tables     -> as mammoth writes them (<p>, <ol>, <table>)

Why mammoth and not python-docx: mammoth maps Word's numbering to real `<ol>`/`<ul>`
lists and styles to headings, and writes clean semantic HTML that the HTML reader
already understands; python-docx only exposes runs and raw numbering properties,
so lists and their levels would have to be rebuilt by hand. The HTML then goes
through the same sanitiser as any HTML source. A line's number is its block's
position in the document (paragraph 12 -> `path:12`). Embedded images are not
copied into the site yet: each is reported and left out.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import mammoth

from generator.model import Line, Location, Problem

NAME = "docx"

STYLE_MAP = "p[style-name='Title'] => h1:fresh\np[style-name='Subtitle'] => h2:fresh"
BOLD_PARAGRAPH = re.compile(r"<p><strong>(?P<text>[^<]{3,300})</strong></p>")
ORDERED = re.compile(r"<ol>(?P<items>(?:<li>[^<]*</li>)+)</ol>")
ITEM = re.compile(r"<li>([^<]*)</li>")
BLOCK_END = re.compile(r"(</(?:p|h[1-6]|ol|ul|table|blockquote)>)")
QUESTION_ITEM = re.compile(
    r"\?\s*$|^(?:explain|describe|define|compare|discuss|how|what|why|when|which)\b", re.I
)


def matches(data: bytes, suffix: str) -> bool:
    """A zip holding `word/document.xml` (the name sits in the zip's own headers), or any
    zip named .docx, so that a damaged one is reported as such rather than as binary."""
    return data[:4] == b"PK\x03\x04" and (b"word/document.xml" in data or suffix == ".docx")


def convert(data: bytes, path: str) -> tuple[list[Line], list[Problem]]:
    images: list[str] = []

    def leave_out(image: Any) -> dict[str, str]:
        images.append(image.content_type or "image")
        return {"alt": image.alt_text or ""}

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data), style_map=STYLE_MAP, convert_image=mammoth.images.img_element(leave_out)
        )
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        return [], [Problem(Location(path, 1), f"not a readable Word document: {exc}", "error")]
    html = ORDERED.sub(_questions_as_headings, BOLD_PARAGRAPH.sub(r"<h3>\g<text></h3>", result.value))
    lines = [Line(no, text) for no, text in enumerate(BLOCK_END.sub("\\1\n", html).split("\n"), start=1)]
    problems = (
        [Problem(Location(path, 1), f"{len(images)} embedded images are not copied into the site")]
        if images
        else []
    )
    return lines, problems


def _questions_as_headings(match: re.Match[str]) -> str:
    items = ITEM.findall(match.group("items"))
    if items and all(QUESTION_ITEM.search(item.strip()) for item in items):
        return "".join(f"<h3>{item.strip()}</h3>" for item in items)
    return match.group()

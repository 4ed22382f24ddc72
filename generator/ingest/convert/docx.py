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
position in the document (paragraph 12 -> `path:12`). An embedded image becomes
`<img src="notes.docx/word/media/image1.png">`: a path through the Word file to its zip
member, which `generator.ingest.images` checks and copies like a file beside the source.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from generator.ingest.segment import OPENING
from generator.model import Line, Location, Problem

NAME = "docx"
MAX_XML = 64 * 1024 * 1024  # a Word document's text and markup; a book is a few MB of it
MAX_MEDIA = 5 * 1024 * 1024  # as generator.ingest.images.MAX_BYTES: larger images are not shown anyway

STYLE_MAP = "p[style-name='Title'] => h1:fresh\np[style-name='Subtitle'] => h2:fresh"
BOLD_PARAGRAPH = re.compile(r"<p><strong>(?P<text>[^<]{3,300})</strong></p>")
ORDERED = re.compile(r"<ol>(?P<items>(?:<li>[^<]*</li>)+)</ol>")
ITEM = re.compile(r"<li>([^<]*)</li>")
LIST_TAG = re.compile(r"</?ol>")
LEVEL_FORMAT = re.compile(r'<w:numFmt w:val="(\w+)"')
BLOCK_END = re.compile(r"(</(?:p|h[1-6]|ol|ul|table|blockquote)>)")


def matches(data: bytes, suffix: str) -> bool:
    """A zip holding `word/document.xml` (the name sits in the zip's own headers), or any
    zip named .docx, so that a damaged one is reported as such rather than as binary."""
    return data[:4] == b"PK\x03\x04" and (b"word/document.xml" in data or suffix == ".docx")


def convert(data: bytes, path: str) -> tuple[list[Line], list[Problem]]:
    import mammoth  # 0.1 s to import: paid by the builds that hold a Word file, not by every command

    missing: list[str] = []
    try:
        unpacked = _unpacked_xml(data)
        if unpacked > MAX_XML:  # a zip bomb: the parser would hold all of it
            size, limit = unpacked // 2**20, MAX_XML // 2**20
            message = f"Word file unpacks to {size} MB of XML, over the {limit} MB limit: skipped"
            return [], [Problem(Location(path, 1), message, "error")]
        media = _media(data)

        def point(image: Any) -> dict[str, str]:
            with image.open() as handle:
                member = media.get(hashlib.sha256(handle.read()).hexdigest())
            if member is None:  # linked, not embedded: nothing in the file to show
                missing.append(image.content_type or "image")
                return {"alt": image.alt_text or "Figure"}
            return {"alt": image.alt_text or "Figure", "src": quote(f"{PurePosixPath(path).name}/{member}")}

        result = mammoth.convert_to_html(
            io.BytesIO(data), style_map=STYLE_MAP, convert_image=mammoth.images.img_element(point)
        )
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return [], [Problem(Location(path, 1), f"not a readable Word document: {exc}", "error")]
    html = ORDERED.sub(_questions_as_headings, BOLD_PARAGRAPH.sub(r"<h3>\g<text></h3>", result.value))
    html = _lettered_levels(html, _second_level(data))
    lines = [Line(no, text) for no, text in enumerate(BLOCK_END.sub("\\1\n", html).split("\n"), start=1)]
    problems = (
        [Problem(Location(path, 1), f"{len(missing)} images are linked, not embedded: shown as alt text")]
        if missing
        else []
    )
    return lines, problems


def _unpacked_xml(data: bytes) -> int:
    """The size the zip's directory gives its parts other than media (zipfile reads no
    more than a member's stated size, so a directory that lies cannot get past this)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(i.file_size for i in archive.infolist() if not i.filename.startswith("word/media/"))


def _media(data: bytes) -> dict[str, str]:
    """sha256 of each file under word/media/ -> its name in the zip (mammoth hands out an
    image's bytes, not where they sit). Oversized members are left for `images` to refuse."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.filename.startswith("word/media/") and info.file_size <= MAX_MEDIA:
                with archive.open(info) as handle:  # the size in the directory may lie
                    out[hashlib.sha256(handle.read(MAX_MEDIA)).hexdigest()] = info.filename
    return out


def _second_level(data: bytes) -> str | None:
    """`a` (or `A`) when the document numbers the second level of its lists with letters
    (Word's default `1.` / `a.` / `i.`), which mammoth writes as plain `<ol>`."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            numbering = archive.read("word/numbering.xml").decode("utf-8", "replace")
        except KeyError:
            return None
    formats = {
        LEVEL_FORMAT.search(part) for part in numbering.split("<w:lvl ") if part.startswith('w:ilvl="1"')
    }
    kinds = {found[1] for found in formats if found and found[1] != "bullet"}
    return {"lowerLetter": "a", "upperLetter": "A"}.get(kinds.pop()) if len(kinds) == 1 else None


def _lettered_levels(html: str, letters: str | None) -> str:
    """Each `<ol>` inside another marked `type="a"`, as Word shows it."""
    if letters is None:
        return html
    out, depth, last = [], 0, 0
    for tag in LIST_TAG.finditer(html):
        depth += -1 if tag[0].startswith("</") else 1
        if depth == 2 and not tag[0].startswith("</"):
            out += [html[last : tag.start()], f'<ol type="{letters}">']
            last = tag.end()
    return "".join(out) + html[last:]


def _questions_as_headings(match: re.Match[str]) -> str:
    items = ITEM.findall(match.group("items"))
    if items and all(_asks(item.strip()) for item in items):
        return "".join(f"<h3>{item.strip()}</h3>" for item in items)
    return match.group()


def _asks(item: str) -> bool:
    """The segmenter's own test of a question: it ends in "?" or opens with a question word."""
    return item.endswith("?") or bool(OPENING.match(item))

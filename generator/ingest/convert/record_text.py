"""A question record's field values as Markdown that stays inside its record.

Each record becomes a heading and the blocks under it (`generator.ingest.convert.records`);
nothing in a value may end that record early or open a question of its own: a heading, a
setext underline, a code fence or an HTML block (comment, `<pre>`, `<script>` ...) left
open, or a carriage return, which markdown-it reads as a line break where `split("\n")`
sees none. Control characters and reordering marks that JSON escapes (`\u001b`, `\u202e`)
let past decoding are taken out, as `generator.ingest.decode` takes them out of text.
"""

from __future__ import annotations

import re
from typing import Any

from generator.ingest.decode import BIDI_OVERRIDE, CONTROL

HEADING = re.compile(r"^ {0,3}#{1,6}(?=[ \t]|$)")
FENCE = re.compile(r"^ {0,3}(?P<mark>`{3,}|~{3,})(?P<info>.*)$")
SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
# HTML blocks that end only at their own closer (CommonMark's kinds 1-5), with that closer.
HTML_OPEN = re.compile(
    r"^ {0,3}<(?:(?P<tag>pre|script|style|textarea)(?=[\s>]|$)|(?P<other>!--|\?|![A-Za-z]|!\[CDATA\[))", re.I
)
CLOSERS = {"!--": "-->", "?": "?>", "![CDATA[": "]]>"}
CLOSING_HASHES = re.compile(r"[ \t]#+[ \t]*$")
MAX_DEPTH = 20  # lists in lists deeper than this are written as their JSON-ish text


def text(value: Any, depth: int = 0) -> str:
    """A value as text: a list as bullet items, line breaks as newlines, control characters out."""
    if value is None:
        return ""
    if isinstance(value, list) and depth < MAX_DEPTH:
        return "\n".join(f"- {' '.join(text(item, depth + 1).split())}" for item in value)
    plain = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return BIDI_OVERRIDE.sub("", CONTROL.sub("", plain))


def heading(value: str) -> str:
    """One line; a run of `#` at its end would close the heading, not be read."""
    line = " ".join(value.split())
    closing = CLOSING_HASHES.search(line)
    return line[: closing.start() + 1] + "\\" + line[closing.start() + 1 :] if closing else line


def block(value: str) -> list[str]:
    """An answer's lines: headings made bold, underlines kept from making headings, and any
    fence or HTML block still open at its end closed (or its opener shown as text)."""
    lines = value.strip().split("\n")
    out: list[str] = []
    fence = ""
    last: dict[str, int] = {}  # closer -> the last line holding it, found once per answer
    for index, line in enumerate(lines):
        opened = FENCE.match(line)
        if fence:
            if opened and opened["mark"][0] == fence[0] and len(opened["mark"]) >= len(fence):
                fence = fence if opened["info"].strip() else ""
        elif opened and not (opened["mark"][0] == "`" and "`" in opened["info"]):
            fence = opened["mark"]
        elif HEADING.match(line):
            inner = line.strip().lstrip("#").strip()
            line = f"**{inner}**" if inner else ""
        elif SETEXT.match(line) and out and out[-1].strip():
            out.append("")  # "---" under text is a rule then, "===" a paragraph: not a heading
        elif (html := HTML_OPEN.match(line)) and _last(_closer(html), lines, last) < index:
            line = line.replace("<", "&lt;", 1)  # shown as written, not left open over the next record
        out.append(line)
    if fence:
        out.append(fence)
    return out


def _closer(opener: re.Match[str]) -> str:
    tag = opener["tag"]
    return f"</{tag.lower()}>" if tag else CLOSERS.get(opener["other"], ">")


def _last(closer: str, lines: list[str], last: dict[str, int]) -> int:
    if closer not in last:
        last[closer] = max((i for i, line in enumerate(lines) if closer in line.lower()), default=-1)
    return last[closer]

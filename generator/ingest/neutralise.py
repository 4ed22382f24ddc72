"""Outliers in the Markdown we emit, reshaped so Python-Markdown renders them in linear time.

Python-Markdown (the export's, and MkDocs' on the site) is quadratic or worse on some
long paragraphs, and we cannot patch it:

    \\_\\_\\_\\_ … (100,000 escapes)   every inline match (escape, entity, code span) rebuilds
                                 the paragraph's string: k matches on n characters cost k·n
    [[[[ …                       each unmatched `[` is read to the paragraph's end
                                 (LinkInlineProcessor.getText, in Python)
    <a <a <a …                   html.parser reads each `<a` as a tag to the end of the text

So what we emit stays far from those shapes. Bundled and real-world text is far below
the limits (titles of at most 473 characters; answer lines of at most 1,358 characters
and 70 markup characters), so only outliers change:

- a title or option over MAX_INLINE characters is cut at a word (`cut`; the caller says so);
- an answer line over MAX_LINE characters or MAX_MARKUP markup characters, outside code
  fences, becomes plain text (`plain_outliers`): its escapes and entities undone, then
  shown as written, in paragraphs of at most CHUNK characters.
"""

from __future__ import annotations

import html
import re

MAX_INLINE = 1_000  # characters in a title or an option
MAX_LINE = 5_000  # characters in one line of an answer
MAX_MARKUP = 1_000  # characters of MARKUP_CHARS in one line of an answer
CHUNK = 1_000  # characters per paragraph of an outlier line shown as plain text
MARKUP_CHARS = "\\`*_[]<>&$!{}|"
# What Python-Markdown could read as markup in the middle of a paragraph: backslash-escaped
# (`<` and `&` as entities). `(`, `)`, `.`, `-` matter only after these or at a line's start.
# Quotes too: html.unescape (in _as_plain) turns nh3's `&quot;` back into `"`, and a line
# may sit inside a tag that spans lines, where a bare quote would end an attribute value.
INLINE_ESCAPES = {
    **{c: "\\" + c for c in "\\`*_[]{}$!|"},
    "<": "&lt;",
    ">": "&gt;",
    "&": "&amp;",
    '"': "&quot;",
    "'": "&#39;",
}
INLINE_ACTIVE = re.compile("[" + re.escape("".join(INLINE_ESCAPES)) + "]")
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# A paragraph's first characters that would start a heading or a list (a backslash makes
# them text), or a `~~~` fence (no backslash escape for `~`: an entity).
BLOCK_START = re.compile(r"[#+-]|\d{1,9}[.)]")
FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")  # any indentation: fences nest in list items


def cut(text: str, limit: int = MAX_INLINE) -> str | None:
    """`text` cut at a word near `limit` characters, with an ellipsis; None if it fits."""
    if len(text) <= limit:
        return None
    head = text[:limit]
    space = head.rfind(" ", limit // 2)
    return (head[:space] if space > 0 else head).rstrip() + " …"


def plain_outliers(markdown: str) -> str:
    """`markdown` with each outlier line outside code fences shown as plain text."""
    if not _is_outlier(markdown):
        return markdown  # nearly every answer: no line can be an outlier
    lines = markdown.split("\n")
    code = _fenced(lines)
    return "\n".join(
        _as_plain(line) if not code[no] and _is_outlier(line) else line for no, line in enumerate(lines)
    )


def _is_outlier(text: str) -> bool:
    return len(text) > MAX_LINE or _markup_count(text) > MAX_MARKUP


def _fenced(lines: list[str]) -> list[bool]:
    """Which lines are in a closed code fence (or are its fences): Markdown shows those as code.

    An opening run with no closing run after it is no fence; whether there is one is known
    from the longest closing-like run of each character below each line (one pass upward).
    """
    runs = [FENCE.match(line) for line in lines]
    longest: dict[str, int] = {"`": 0, "~": 0}
    closer_below: list[dict[str, int]] = [{}] * len(lines)
    for no in range(len(lines) - 1, -1, -1):
        closer_below[no] = dict(longest)
        run = runs[no]
        if run and not lines[no][run.end() :].strip():
            longest[run.group(1)[0]] = max(longest[run.group(1)[0]], len(run.group(1)))
    code = [False] * len(lines)
    opening = ""
    for no, run in enumerate(runs):
        if opening:
            code[no] = True
            if run and run.group(1).startswith(opening) and not lines[no][run.end() :].strip():
                opening = ""
        elif run and closer_below[no][run.group(1)[0]] >= len(run.group(1)):
            opening = run.group(1)
            code[no] = True
    return code


def _markup_count(text: str) -> int:
    return sum(text.count(char) for char in MARKUP_CHARS)


def _as_plain(line: str) -> str:
    """One line as paragraphs of literal text at its indentation (any markup shows as written)."""
    body = line.lstrip()
    indent = line[: len(line) - len(body)]
    text = html.unescape(MARKDOWN_ESCAPE.sub(r"\1", body))
    return "\n\n".join(indent + _literal(chunk) for chunk in _chunks(text))


def _chunks(text: str) -> list[str]:
    """`text` in pieces of at most CHUNK characters, cut at a space where there is one."""
    out: list[str] = []
    pos = 0
    while pos < len(text):
        end = min(pos + CHUNK, len(text))
        if end < len(text):
            space = text.rfind(" ", pos + CHUNK // 2, end)
            end = space if space > 0 else end
        piece = text[pos:end].strip()
        if piece:
            out.append(piece)
        pos = end
    return out


def _literal(text: str) -> str:
    """Plain text as one Markdown paragraph that shows it as it is."""
    escaped = INLINE_ACTIVE.sub(lambda m: INLINE_ESCAPES[m.group()], text)
    if escaped.startswith("~"):
        return "&#126;" + escaped[1:]
    start = BLOCK_START.match(escaped)
    if start:
        escaped = f"{escaped[: start.end() - 1]}\\{escaped[start.end() - 1 :]}"
    return escaped

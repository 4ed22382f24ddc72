"""Bytes of a text source as text: the encoding found, and what no text may hold taken out
(control characters, reordering marks), each removal reported at its line."""

from __future__ import annotations

import re
import unicodedata

from generator.model import Location, Problem

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control characters other than tab and newlines: never text, and they can drive
# a terminal (ESC sequences) when `check` prints a question.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# U+202A-U+202E reorder the text after them on screen ("Trojan Source"): a title could read
# otherwise than it is stored and searched. The isolates (U+2066-U+2069) mixed scripts need stay.
BIDI_OVERRIDE = re.compile("[\u202a-\u202e]")
BINARY_SHARE = 0.10  # more control characters than this in the first 4 KB: not a text file
# Mathematical Alphanumeric Symbols: social posts fake bold and italics with them
# ("𝗤𝟭. 𝗪𝗵𝗮𝘁 𝗶𝘀 𝗥𝗔𝗚?"), which no reader, search or screen reader takes for letters.
STYLED_LETTER = re.compile("[\U0001d400-\U0001d7ff]")


def decode(data: bytes, rel_path: str) -> tuple[str, list[Problem]]:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252, else UTF-8 with
    replacement characters. Control characters are removed and reported."""
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith(UTF16_BOMS):
        text = data.decode("utf-16", errors="replace")
    else:
        text = _decode_8bit(data, rel_path, problems)
    # A form feed is where a printed page ends (pdftotext puts one before each page): no text lost.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "")
    head = text[:4096]
    if head and len(CONTROL.findall(head)) > BINARY_SHARE * len(head):
        return "", [Problem(Location(rel_path, 1), "looks like a binary file, not text: skipped", "error")]
    text = _removed(
        CONTROL, text, rel_path, problems, "NUL bytes" if "\x00" in text else "control characters"
    )
    text = _removed(BIDI_OVERRIDE, text, rel_path, problems, "bidirectional embedding or override characters")
    return STYLED_LETTER.sub(_plain_letter, text), problems


def _removed(pattern: re.Pattern[str], text: str, rel_path: str, problems: list[Problem], names: str) -> str:
    """`text` without what `pattern` finds, reported at the first one's line."""
    found = pattern.search(text)
    if found is None:
        return text
    line = text.count("\n", 0, found.start()) + 1
    problems.append(Problem(Location(rel_path, line), f"{names} removed (first on this line)"))
    return pattern.sub("", text)


def _plain_letter(found: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", found[0])


def _decode_8bit(data: bytes, rel_path: str, problems: list[Problem]) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
    try:
        text = data.decode("cp1252")
        problems.append(Problem(Location(rel_path, line), "not valid UTF-8; decoded as cp1252"))
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        problems.append(Problem(Location(rel_path, line), "undecodable bytes replaced with U+FFFD", "error"))
    return text

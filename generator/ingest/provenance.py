"""Author and licence, only where the document itself states them.

Looks at, for example:

    <meta name="author" content="Ada Lovelace">          HTML meta (also dc.creator)
    <link rel="license" href="https://.../by/4.0/">       HTML licence link (also meta dc.rights)
    author: Ada Lovelace                                  front matter, `Author:` lines
    :Author: Ada Lovelace                                 reStructuredText field lists
    License: MIT  /  Licensed under the Apache License    licence lines
    Copyright (c) 2024 Ada Lovelace                       a copyright line names the author

Nothing is guessed from the host: a GitHub repository's licence file is another
document, so it is not recorded unless this document repeats it.
"""

from __future__ import annotations

import re

# Bounded: a tag is short, and `[^<>]` stops at the next tag, so a page of `<meta<meta…` stays linear.
META = re.compile(r"<meta\b[^<>]{0,2000}>", re.I)
LINK = re.compile(r"<link\b[^<>]{0,2000}>", re.I)
ATTRIBUTE = re.compile(r"""\b(?P<name>[a-z:-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""", re.I)
AUTHOR_LINE = re.compile(
    r"^[ \t>*_#-]*:?(?:author|authors|by|written by)[*_]*:?[*_]*[ \t]*:[ \t]*(?P<value>\S.*)$", re.I
)
LICENCE_LINE = re.compile(r"^[ \t>*_#-]*:?licen[cs]e[*_]*:?[*_]*[ \t]*:[ \t]*(?P<value>\S.*)$", re.I)
LICENSED_UNDER = re.compile(r"\blicen[cs]ed under (?:the )?(?P<value>[^.\n]{3,80})", re.I)
COPYRIGHT = re.compile(
    r"^[ \t>*_#-]*(?:copyright[ \t]*)?(?:\(c\)|©)[ \t]*"
    r"(?:\d{4}(?:[ \t]*[-–][ \t]*\d{4})?,?[ \t]*)?(?P<value>[^\n]{2,80})$",
    re.I,
)
AUTHOR_META = {"author", "dc.creator", "article:author", "citation_author"}
LICENCE_META = {"license", "licence", "dc.rights", "rights", "copyright"}
SCAN_LINES = 400  # the head and the tail of a document: where bylines and licences sit


def _attributes(tag: str) -> dict[str, str]:
    return {m.group("name").lower(): m.group("dq") or m.group("sq") or "" for m in ATTRIBUTE.finditer(tag)}


def from_html(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in META.findall(text):
        attrs = _attributes(tag)
        name = (attrs.get("name") or attrs.get("property") or "").lower()
        content = " ".join(attrs.get("content", "").split())
        if content and name in AUTHOR_META:
            found.setdefault("author", content)
        elif content and name in LICENCE_META:
            found.setdefault("licence", content)
    for tag in LINK.findall(text):
        attrs = _attributes(tag)
        if "license" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            found.setdefault("licence", attrs["href"])
    return found


def from_lines(lines: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in lines:
        text = line.strip()
        if len(text) > 200:
            continue
        if match := AUTHOR_LINE.match(text):
            found.setdefault("author", _tidy(match.group("value")))
        elif (match := LICENCE_LINE.match(text)) or (match := LICENSED_UNDER.search(text)):
            found.setdefault("licence", _tidy(match.group("value")))
        elif match := COPYRIGHT.match(text):
            found.setdefault("author", _tidy(match.group("value")))
    return found


def _tidy(value: str) -> str:
    return " ".join(value.strip(" *_`").split())


def stated(text: str) -> dict[str, str]:
    """{"author": ..., "licence": ...}, each only if the document states it."""
    lines = text.split("\n")
    scanned = lines if len(lines) <= 2 * SCAN_LINES else lines[:SCAN_LINES] + lines[-SCAN_LINES:]
    return {**from_lines(scanned), **from_html(text[:200_000])}

"""Which URLs from a source may become links: the scheme checks of `generator.sanitize`."""

from __future__ import annotations

import html
import re

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Scheme, a host, then any characters but spaces, controls, quotes, `<>`, backtick and backslash.
WEB_URL = re.compile(r"https?://[^/?#\s\x00-\x1f\x7f\"'<>`\\]+(?:[/?#][^\s\x00-\x1f\x7f\"'<>`\\]*)?", re.I)
INVISIBLE = re.compile(r"[\x00-\x20\x7f\\]+")
# A Markdown link's target after `](`: spaces and `<` skipped, then its first token.
LINK_TARGET = re.compile(r"\s*<*")
TOKEN_END = re.compile(r"[\s>)\"']")
TARGET_WINDOW = 2000  # characters after `](` that are looked at
# What is_external_url reads as a safe scheme, in a token with no character reference before
# its `:`: the INVISIBLE characters a token can hold (not whitespace) may come between letters.
_GAP = r"[\x00-\x08\x0e-\x1b\x7f\\]*"


def _letters(word: str) -> str:
    return _GAP.join(f"[{c}{c.upper()}]" for c in word)


SAFE_HEAD = re.compile(f"{_GAP}(?:{_letters('http')}{_GAP}(?:[sS]{_GAP})?|{_letters('mailto')}{_GAP}):")
# The characters SAFE_HEAD reads; a token whose first other character is not `&` has no safe scheme.
HEAD_CHARS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f\\hHtTpPsSmMaAiIlLoO:]*")


def is_safe_url(url: str) -> bool:
    """http, https, mailto, or relative: after undoing entities and hiding tricks."""
    plain = INVISIBLE.sub("", html.unescape(url)).lower()
    match = SCHEME.match(plain)
    return match is None or match.group(1) in SAFE_SCHEMES


def is_web_url(url: str) -> bool:
    """An absolute http or https URL with a host and nothing a browser would trim or split:
    the only kind of citation link a question may carry."""
    return WEB_URL.fullmatch(url) is not None


def is_external_url(url: str) -> bool:
    """An absolute http, https or mailto URL: the only Markdown link a source may keep.
    Its relative links and anchors pointed into its own site and would break ours."""
    plain = INVISIBLE.sub("", html.unescape(url)).lower()
    match = SCHEME.match(plain)
    return match is not None and match.group(1) in SAFE_SCHEMES


def link_target_is_external(text: str, pos: int) -> bool:
    """is_external_url of the target of the link whose `(` ends at `pos`: its first token
    within TARGET_WINDOW characters, leading spaces and `<` skipped.

    The token is read only as far as its scheme can reach, so each call costs about the
    length of that scheme (the whole token only when a character reference comes first):
    a line of `](` repeated is read once, not once per link."""
    window = min(len(text), pos + TARGET_WINDOW)
    start = LINK_TARGET.match(text, pos, window).end()  # type: ignore[union-attr]
    if SAFE_HEAD.match(text, start, window):
        return True
    head_end = HEAD_CHARS.match(text, start, window).end()  # type: ignore[union-attr]
    if head_end >= window or not text.startswith("&", head_end):
        return False  # a character no safe scheme holds comes before any reference
    after = text[head_end + 1 : head_end + 2]
    if not (after == "#" or (after.isascii() and after.isalpha())):
        return False  # an `&` that starts no reference stays, and no scheme holds one
    end = TOKEN_END.search(text, start, window)
    return is_external_url(text[start : end.start() if end else window])

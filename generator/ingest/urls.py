"""Which URLs from a source may become links: the scheme checks of `generator.ingest.sanitize`."""

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
SAFE_HEADS = ("http:", "https:", "mailto:")
# What a token can start with and still read as one: a safe scheme's first letter, a character
# reference, or a character INVISIBLE drops (whitespace ends a token, so not those).
SAFE_FIRST = re.compile(r"[hHmM&\x00-\x08\x0e-\x1b\x7f\\]")
# html.unescape's character references (its _charref), numeric and named.
NUMERIC_REFERENCE = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+);?")
NAMED_REFERENCE = re.compile(r"&[^\t\n\f <&#;]{1,32};?")
# MathJax's html extension: \href{url}{..} makes a link, \style \class \cssId \data set attributes;
# \mmlToken{mi}[href=..., style=...]{x} sets them too.
TEX_HTML = re.compile(r"\\(?:style|class|cssId|data|mmlToken)(?![A-Za-z])|\\href(?![A-Za-z])")
HREF_ARGUMENT = re.compile(r"\s*\{?\s*")
ARGUMENT_END = re.compile(r"[{}]")
TEX_WINDOW = 2000  # characters of a \href argument read when it holds a character reference
# What SCHEME reads of a URL before its `:`, INVISIBLE characters included (U+212A lowercases to k).
SCHEME_RUN = re.compile(r"[A-Za-z0-9+.\-\u212a\x00-\x20\x7f\\]*")
_DROPPED = r"[\x00-\x20\x7f\\]*"
SCHEME_START = re.compile(_DROPPED + "[A-Za-z\u212a]")


def _safe_scheme(gap: str) -> str:
    """http, https or mailto, any case, with `gap` before, between and after the letters."""
    http, mailto = (gap.join(f"[{c}{c.upper()}]" for c in word) for word in ("http", "mailto"))
    return f"{gap}(?:{http}{gap}(?:[sS]{gap})?|{mailto}{gap})"


SAFE_SCHEME = re.compile(_safe_scheme(_DROPPED))


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


# A plain inline link `[words](target "title")`. Each run stops at the next bracket, paren,
# quote or line end, so a long line is read once (no backtracking across links).
PLAIN_LINK = re.compile(
    r"""(?<![\\!\]])\[([^\[\]\n]*)\]\([ \t]*<?([^()\s<>]*)>?(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?[ \t]*\)"""
)


def unlink_local(text: str) -> str:
    """A link into the source's own site (`other.md`, `#section`, `../x`) leads nowhere here:
    its words stay, without the brackets and target a reader would otherwise see."""
    return PLAIN_LINK.sub(lambda m: m.group() if is_external_url(m.group(2)) else m.group(1), text)


def external_href(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: `<a href>` only to another site (a path into the source's own
    site is a dead link here)."""
    return value if attribute != "href" or is_external_url(value) else None


def link_target_is_external(text: str, pos: int) -> bool:
    """is_external_url of the target of the link whose `(` ends at `pos`: its first token
    within TARGET_WINDOW characters, leading spaces and `<` skipped.

    The token is read (character references undone, INVISIBLE characters dropped) only while
    what it reads so far could still begin `http:`, `https:` or `mailto:`: so a line of `](`
    repeated is read once, not up to TARGET_WINDOW characters for each link."""
    end = min(len(text), pos + TARGET_WINDOW)
    pos = LINK_TARGET.match(text, pos, end).end()  # type: ignore[union-attr]
    if not SAFE_FIRST.match(text, pos, end):
        return False  # most targets that are no URL fail at their first character
    plain = ""
    while any(head.startswith(plain) for head in SAFE_HEADS):
        if plain in SAFE_HEADS:
            return True
        if pos >= end or TOKEN_END.match(text, pos):
            return False
        reference = _reference(text, pos, end) if text[pos] == "&" else None
        piece = html.unescape(reference.group()) if reference else text[pos]
        pos = reference.end() if reference else pos + 1
        plain += INVISIBLE.sub("", piece).lower()
    return plain.startswith(SAFE_HEADS)


def _reference(text: str, pos: int, end: int) -> re.Match[str] | None:
    """The character reference html.unescape reads at `pos`, in a token that ends at the first
    TOKEN_END character or at `end`: a name is at most 32 characters, digits can be many."""
    numeric = NUMERIC_REFERENCE.match(text, pos, end)
    if numeric:
        return numeric
    limit = min(end, pos + 34)
    stop = TOKEN_END.search(text, pos, limit)
    return NAMED_REFERENCE.match(text, pos, stop.start() if stop else limit)


def disarm_tex_html(text: str) -> str:
    """Without what MathJax's html extension turns into attributes (`\\style`, `\\class`,
    `\\cssId`, `\\data`) and without `\\href` unless is_safe_url of its argument (`{url}`, to
    the next brace, leading spaces dropped); the `{...}` after each stays a plain group.

    The argument is read only as far as its scheme can reach, and the run of characters a
    scheme is made of is found once for all the `\\href` in it: `\\href` repeated is linear."""
    out, pos, run = [], 0, (-1, -1)  # run: the last (start, end) of scheme characters found
    for match in TEX_HTML.finditer(text):
        keep = False
        if match.group() == "\\href":
            start = HREF_ARGUMENT.match(text, match.end()).end()  # type: ignore[union-attr]
            if not run[0] <= start <= run[1]:
                run = (start, SCHEME_RUN.match(text, start).end())  # type: ignore[union-attr]
            keep = _href_is_safe(text, start, run[1])
        if not keep:
            out.append(text[pos : match.start()])
            pos = match.end()
    return "".join(out) + text[pos:]


def _href_is_safe(text: str, start: int, end: int) -> bool:
    """is_safe_url of the argument at `start`, whose scheme characters run to `end`."""
    stop = text[end : end + 1]
    if stop == ":":  # a scheme, unless it is empty or starts with no letter
        return not SCHEME_START.match(text, start, end) or bool(SAFE_SCHEME.fullmatch(text, start, end))
    after = text[end + 1 : end + 2]
    if stop != "&" or not (after == "#" or (after.isascii() and after.isalpha())):
        return True  # the scheme characters end in one that no scheme holds (or in the argument's end)
    close = ARGUMENT_END.search(text, end, start + TEX_WINDOW)
    if close is None and len(text) > start + TEX_WINDOW:
        return False  # a character reference in an argument too long to read: not kept
    return is_safe_url(text[start : close.start() if close else len(text)])

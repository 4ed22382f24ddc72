"""Raw HTML in source text, found in linear time: for `generator.ingest.sanitize`.

    markup_spans(text)         comments, declarations, tags and autolinks (what nh3 is given)
    disarm_risky_starts(text)  `<` escaped where a browser would start a risky tag

Both read the text once. A regex for a comment scans to the text's end from every `<!--`
that is not closed; scanning a tag's attributes from every `<` is quadratic on `<a <a <a`.
Here a missing `-->` is looked for once, and the attribute scan from a position is
remembered: scans from two `<` that reach the same attribute go on from there as one.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from generator.ingest.urls import is_safe_url

# Elements that change how a browser parses what follows, or load or run things.
DANGEROUS_TAGS = frozenset(
    """
script style iframe frame frameset object embed applet base link meta form input button textarea
select template noscript noembed noframes xmp plaintext title svg math portal isindex img image
picture video audio source track
""".split()
)
LONGEST_DANGEROUS = max(map(len, DANGEROUS_TAGS))
RISKY_ATTRIBUTES = frozenset({"style", "srcdoc", "formaction"})
# Bare `<s>` and `</s>` are shown as text: in interview material they are the sequence tokens
# of Llama, T5 or RoBERTa far more often than a strikethrough, and stripped as tags (the
# allowlist has no `s`) the tokens would vanish from an answer unseen.
TOKEN_TAGS = frozenset({"<s>", "</s>"})

# Everything Python-Markdown or a browser could take as markup: comments (<!--.*?-->),
# declarations, processing instructions, start/end tags and autolinks.
MARKUP_START = re.compile(r"<(?=[!?/A-Za-z])")
DECLARATION = re.compile(r"<[!?][^<>]*>")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# A `<` that starts a tag a browser would read (its name runs to a space, `/` or `>`), and
# one attribute of it (a quoted value runs to its closing quote, or to the end if there is none).
TAG_OPEN = re.compile(r"</?[A-Za-z]")
NAME_END = re.compile(r"[\s/>]")
ATTRIBUTE = re.compile(r"""[\s/]*(?:([^\s/>][^\s/>=]*)(?:\s*=\s*("[^"]*"?|'[^']*'?|[^\s>]*))?)?""")
INNER_TAG = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)")
# A `<` inside a tag's name and the word after it, as INNER_TAG reads it in the lowercased
# name: U+0130 and U+212A are the only other characters whose lowercase holds ASCII letters.
INNER_WORD = re.compile(f"<([A-Za-z0-9\u0130\u212a-]{{1,{LONGEST_DANGEROUS + 2}}})")
ASCII_WORD = re.compile(r"[a-z][a-z0-9-]*")


def markup_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `<!--.*?-->|<[!?][^<>]*>|</?[A-Za-z][^<>]*>` (re.S), as finditer finds them."""
    out: list[tuple[int, int]] = []
    pos, comment_close = 0, (len(text) + 1, -1)  # (searched from, found at): the last `-->` looked for
    while start := MARKUP_START.search(text, pos):
        at = start.start()
        if text.startswith("<!--", at):
            searched, found = comment_close
            if not (searched <= at + 4 and (found < 0 or found >= at + 4)):
                comment_close = (at + 4, text.find("-->", at + 4))
            close = comment_close[1]
            if close >= 0:
                out.append((at, close + 3))
                pos = close + 3
                continue
        other = DECLARATION.match(text, at) or TAG.match(text, at)
        if other:
            out.append((at, other.end()))
        pos = other.end() if other else at + 1
    return out


def disarm_risky_starts(text: str, spared: list[tuple[int, int]] | None = None) -> str:
    """Escape `<` where a browser would start a risky tag; `x<y` and `a < b` stay.

    Attributes are scanned the way a browser tokenises them (quoted values may
    hold `>`); every `<` is checked, even one inside another tag's value, since
    Markdown may cut that tag apart. A `<` inside a `spared` (start, end) span, sorted,
    is left as it is: a fenced block, whose text the renderer escapes itself.
    """
    starts = [start for start, _ in spared or ()]
    risky_from = _AttributeScan(text)
    inner = _dangerous_inner_tags(text)
    out, pos, name_end = [], 0, -1
    while start := TAG_OPEN.search(text, pos):
        at, name_start = start.start(), start.end() - 1
        if name_end <= name_start:  # names that share an end share the search for it
            found = NAME_END.search(text, name_start)
            name_end = found.start() if found else len(text)
        short = name_end - name_start <= LONGEST_DANGEROUS
        # `<img<svg>`: parsers disagree on where such a name ends, so treat it as risky.
        if (
            (short and text[name_start:name_end].lower() in DANGEROUS_TAGS)
            or _first_after(inner, at) < name_end
            or risky_from(name_end)
        ) and not _inside(spared, starts, at):
            out.append(text[pos:at] + "&lt;")
            pos = at + 1
        else:  # go on from just after the name: a `<` inside a value is checked too
            out.append(text[pos:name_end])
            pos = name_end
    return "".join(out) + text[pos:]


def _inside(spans: list[tuple[int, int]] | None, starts: list[int], at: int) -> bool:
    index = bisect_right(starts, at) - 1
    return spans is not None and index >= 0 and at < spans[index][1]


def hides_tag(name: str) -> bool:
    """`img<svg`, `<svg` as a name: a lenient parser may see a dangerous tag in it."""
    return any(inner.lower() in DANGEROUS_TAGS for inner in INNER_TAG.findall(name))


def _dangerous_inner_tags(text: str) -> list[int]:
    """Where a `<` starts a dangerous name, were it inside a tag's (lowercased) name."""
    out = []
    for match in INNER_WORD.finditer(text):
        word = ASCII_WORD.match(match.group(1).lower())
        if word and word.group() in DANGEROUS_TAGS:
            out.append(match.start())
    return out


def _first_after(positions: list[int], pos: int) -> int:
    index = bisect_right(positions, pos)
    return positions[index] if index < len(positions) else 1 << 62


class _AttributeScan:
    """Whether the attributes from a position on hold a risky one; each position's answer is
    kept, so a scan that reaches a position scanned before stops there."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[int, bool] = {}

    def __call__(self, pos: int) -> bool:
        path: list[tuple[int, bool]] = []
        while pos not in self.known:
            match = ATTRIBUTE.match(self.text, pos)
            if match is None or match.end() == pos:
                self.known[pos] = False
                break
            name = match.group(1)
            path.append((pos, bool(name) and _is_risky(name.lower(), match.group(2) or "")))
            pos = match.end()
        risky = self.known[pos]
        for start, here in reversed(path):
            risky = risky or here
            self.known[start] = risky
        return risky


def _is_risky(name: str, value: str) -> bool:
    if name.startswith("on") or name in RISKY_ATTRIBUTES or hides_tag(name):
        return True
    return not is_safe_url(value.strip("\"'"))


# nh3's parser (html5ever) pays for the open elements on every tag: 20,000 nested `<ul>` cost
# 6 s, 10x that text 100x the time. No document nests this deep; past it, a start tag and its
# end tag are dropped (the text between them stays).
MAX_OPEN = 100
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Closed by the next one of their kind (or a parent's end): they never nest deeper.
SELF_CLOSING_KINDS = frozenset("p li dt dd tr td th option optgroup rb rt rp thead tbody tfoot".split())
NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")


class Nesting:
    """Tags in document order, each admitted or not (see MAX_OPEN).

    The admitted open elements are kept as a parser keeps them: an end tag closes its
    element and all opened after it, a stray end tag closes nothing, and `<div/>` opens a div
    (HTML ignores the slash on elements that are not void).
    """

    def __init__(self) -> None:
        self.open: list[str] = []
        self.dropped: dict[str, int] = {}

    def admits(self, tag: str) -> bool:
        name = NAME.match(tag)
        kind = name.group(1).lower() if name else ""
        if not kind or kind in VOID or kind in SELF_CLOSING_KINDS:
            return True
        if tag.startswith("</"):
            if self.dropped.get(kind):
                self.dropped[kind] -= 1
                return False
            self._close(kind)
            return True
        if kind == "a" and kind in self.open:  # a link ends the one still open (HTML's rule)
            self._close(kind)
        if len(self.open) >= MAX_OPEN:
            self.dropped[kind] = self.dropped.get(kind, 0) + 1
            return False
        self.open.append(kind)
        return True

    def _close(self, kind: str) -> None:
        """Close the innermost open `kind` and what was opened inside it (none: nothing)."""
        if kind in self.open:  # at most MAX_OPEN names to look through
            del self.open[len(self.open) - 1 - self.open[::-1].index(kind) :]

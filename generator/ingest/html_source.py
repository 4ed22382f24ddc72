"""One linear scan of an HTML source: where each element starts and ends, and a depth guard.

An HTML5 parser keeps no source positions, and its tree construction costs
O(depth) per tag (the "element in scope" checks walk the stack of open
elements): 100,000 nested `<div>`s take Lexbor half a minute, 100,000 unclosed
`<ul><li>` over eight minutes. This scan, before parsing:

    <ul>                 <- starts["ul"] gets (offset, end of start tag, end of element)
      <li>One            <- an unclosed <li> ends where the next <li> starts
      <li>Two</li>
    </ul>
    <!-- <p>not a tag --><script>"<p>" is text</script>

* records the offsets of every start tag a parser would see (none in comments,
  scripts or other raw text), with where the element ends, from a rough model of
  the open elements (void elements; implied ends of `p`, `li`, `dt`/`dd`, table
  cells and rows; an end tag closes everything opened after its start tag);
* drops start tags that would open deeper than MAX_DEPTH, as browsers cap depth
  too, and formatting tags (`<b>`, `<a>`, ...) past MAX_ACTIVE left open (the
  parser re-opens each in every later block), so the parser's work stays linear.

The reader matches the parser's elements to these offsets in document order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

MAX_DEPTH = 128
# A dropdown's options, never read (a <select> is dropped whole): lexbor builds them in time
# that grows as their square (20,000 options 2.4 s), so their tags go before it parses.
UNREAD_TAGS = frozenset({"option", "optgroup"})
MAX_ACTIVE = 12
FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
MARKUP = re.compile(r"<(?:!--|[!?]|/?[A-Za-z])")
NAME = re.compile(r"[^\t\n\f\r />]*")
VALUE_OR_END = re.compile(r"""=[\t\n\f\r ]*(["'])|>""")
VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
# Their content is text to a parser (template content is parsed, but kept apart from the tree).
RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes template".split())
CLOSES_P = frozenset(
    """address article aside blockquote center details dialog dir div dl fieldset figcaption figure
footer form h1 h2 h3 h4 h5 h6 header hgroup hr li dd dt listing main menu nav ol p pre search section
summary table ul""".split()
)
HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
# tag -> (tags it closes when one is open, tags that shield an open one from it)
IMPLIED = {
    "li": ({"li"}, {"ul", "ol"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr"}, {"table"}),
    "option": ({"option"}, {"select"}),
    "a": ({"a"}, set()),
}


@dataclass
class Element:
    start: int
    tag_end: int
    end: int = -1


@dataclass
class Source:
    """The original text, the markup to parse (deep tags dropped), the elements found."""

    text: str
    markup: str
    starts: dict[str, list[Element]]
    newlines: list[int]
    too_deep: int | None = None  # offset of the first start tag dropped for depth
    # A raw-text element never closed (`<iframe>`, `<textarea>`, `<style>` ...): the rest of
    # the document is its text to a parser, so a browser shows none of it and neither do we.
    swallowed: tuple[str, int] | None = None  # its name and offset

    def line(self, offset: int) -> int:
        """1-based line of an offset in the original text."""
        return bisect_right(self.newlines, offset - 1) + 1


@dataclass
class _Open:
    """The model of open elements: a stack, and where each name is open in it."""

    stack: list[tuple[str, Element]] = field(default_factory=list)
    where: dict[str, list[int]] = field(default_factory=dict)
    # Formatting elements stay active until their own end tag: the parser re-opens them in
    # every new block, so each one costs in every block after it.
    active: dict[str, int] = field(default_factory=dict)
    formatting: int = 0

    def push(self, name: str, element: Element) -> None:
        self.where.setdefault(name, []).append(len(self.stack))
        self.stack.append((name, element))

    def last(self, names: set[str] | frozenset[str]) -> int:
        return max((self.where[n][-1] for n in names if self.where.get(n)), default=-1)

    def close_from(self, index: int, offset: int) -> None:
        while len(self.stack) > index:
            name, element = self.stack.pop()
            self.where[name].pop()
            element.end = offset


def scan(text: str) -> Source:
    """Tags and their offsets in one pass; every search moves forward (linear time)."""
    starts: dict[str, list[Element]] = {}
    opened = _Open()
    kept: list[str] = []
    copied = pos = 0
    too_deep = None
    swallowed = None
    while found := MARKUP.search(text, pos):
        head, at = found.group(), found.start()
        if head == "<!--":
            pos = _after(text, "-->", at + 2)  # `<!-->` is a whole comment
        elif head in ("<!", "<?"):
            pos = _after(text, ">", found.end())
        elif head.startswith("</"):
            name = NAME.match(text, at + 2)
            assert name is not None  # NAME matches the empty string
            pos = _tag_end(text, name.end())
            tag = name.group().lower()
            if tag in FORMATTING and opened.active.get(tag):
                opened.active[tag] -= 1
                opened.formatting -= 1
            where = opened.where.get(tag)
            if where:
                opened.close_from(where[-1], pos)
        else:
            name = NAME.match(text, at + 1)
            assert name is not None
            tag, pos = name.group().lower(), _tag_end(text, name.end())
            element = Element(at, pos)
            _close_implied(opened, tag, at)
            if tag in VOID or (text[pos - 2 : pos] == "/>" and opened.last({"svg", "math"}) >= 0):
                element.end = pos
            elif (
                tag in UNREAD_TAGS
                or len(opened.stack) >= MAX_DEPTH
                or (tag in FORMATTING and opened.formatting >= MAX_ACTIVE)
            ):
                too_deep = at if too_deep is None and tag not in UNREAD_TAGS else too_deep
                kept.append(text[copied:at])
                copied = pos
                continue
            else:
                opened.push(tag, element)
                if tag in FORMATTING:
                    opened.active[tag] = opened.active.get(tag, 0) + 1
                    opened.formatting += 1
            starts.setdefault(tag, []).append(element)
            if tag in RAW_TEXT:
                start, pos = pos, _raw_text_end(text, tag, pos)
                if pos == len(text) and text[start:].strip() and swallowed is None:
                    swallowed = (tag, at)
            if tag == "plaintext":
                swallowed = (tag, at) if text[pos:].strip() else None
                break
    opened.close_from(0, len(text))
    newlines = [m.start() for m in re.finditer("\n", text)]
    body = "".join(kept) + text[copied:] if kept else text
    return Source(text, body, starts, newlines, too_deep, swallowed)


def _close_implied(opened: _Open, tag: str, offset: int) -> None:
    if tag in CLOSES_P and opened.where.get("p"):
        opened.close_from(opened.where["p"][-1], offset)
    if tag in HEADINGS and opened.stack and opened.stack[-1][0] in HEADINGS:
        opened.close_from(len(opened.stack) - 1, offset)
    closes, shields = IMPLIED.get(tag, ((), ()))
    if closes:
        index = opened.last(set(closes))
        if index > opened.last(set(shields)):
            opened.close_from(index, offset)


def _after(text: str, needle: str, pos: int) -> int:
    end = text.find(needle, pos)
    return len(text) if end < 0 else end + len(needle)


def _tag_end(text: str, pos: int) -> int:
    """Just past the `>` that ends a tag; a quoted attribute value may hold `>`."""
    while found := VALUE_OR_END.search(text, pos):
        if found.group() == ">":
            return found.end()
        pos = _after(text, found.group(1), found.end())
    return len(text)


RAW_END = {tag: re.compile(f"</{tag}", re.I) for tag in RAW_TEXT}


def _raw_text_end(text: str, tag: str, pos: int) -> int:
    found = RAW_END[tag].search(text, pos)
    return found.start() if found else len(text)

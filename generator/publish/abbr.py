"""Glossary tooltips on the first mention of a term in each entry, not on every one.

Markdown's `abbr` extension wraps every occurrence of a glossary term, so a topic page
showed 39 dotted "LLM"s. After MkDocs has built a page, it is cut at its `<h2`
headings (an entry is its heading and what follows, up to the next entry), and in
each part only the first `<abbr>` of a term keeps its tooltip; later ones become
plain text. "LLM" and "LLMs" count as one term.
"""

from __future__ import annotations

import re

# The extension's own output, with escaped attribute text: no `<` or `"` inside.
ABBR = re.compile(r'<abbr title="([^"<>]*)">([^<]*)</abbr>')
ENTRY = re.compile(r"<h2[\s>]")


def first_mentions(html: str) -> str:
    if "<abbr" not in html:
        return html
    cuts = [m.start() for m in ENTRY.finditer(html)]
    bounds = zip([0, *cuts], [*cuts, len(html)], strict=True)
    return "".join(_keep_first(html[start:end]) for start, end in bounds)


def _keep_first(part: str) -> str:
    seen: set[str] = set()

    def one(match: re.Match[str]) -> str:
        term = match.group(1).lower().removesuffix("s")
        if term in seen:
            return match.group(2)
        seen.add(term)
        return match.group()

    return ABBR.sub(one, part)

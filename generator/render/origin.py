"""Where a source came from, as the site shows it: its original's address, author and licence
(content/sources.yml; `generator add` records them as the document states them). Every value
is the maintainer's or the document's text, so it is escaped, and only an http(s) address
becomes a link, opened without giving the other page our window."""

from __future__ import annotations

from markupsafe import escape

from generator.ingest.sanitize import is_web_url
from generator.model import Source


def _link(url: str, text: str, css: str) -> str:
    return f'<a class="{css}" href="{escape(url)}" rel="noopener">{escape(text)}</a>'


def original_link(source: Source | None) -> str:
    """ " (original)" after a citation, when the source's original address is known."""
    if source is None or not source.url or not is_web_url(source.url):
        return ""
    return f" ({_link(source.url, 'original', 'qa-origin')})"


def origin_line(source: Source) -> str:
    """ "Original: https://… · by Ada Lovelace · licence: CC BY 4.0" for the Sources page, or ""."""
    parts = []
    if source.url and is_web_url(source.url):
        parts.append("Original: " + _link(source.url, source.url, "source-origin__url"))
    if source.author:
        parts.append(f"by {escape(source.author)}")
    if source.licence:
        licence = source.licence
        shown = _link(licence, licence, "source-origin__licence") if is_web_url(licence) else escape(licence)
        parts.append(f"licence: {shown}")
    return " · ".join(parts)

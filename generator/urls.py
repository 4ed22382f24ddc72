"""Which URLs from a source may become links: the scheme checks of `generator.sanitize`."""

from __future__ import annotations

import html
import re

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Scheme, a host, then any characters but spaces, controls, quotes, `<>`, backtick and backslash.
WEB_URL = re.compile(r"https?://[^/?#\s\x00-\x1f\x7f\"'<>`\\]+(?:[/?#][^\s\x00-\x1f\x7f\"'<>`\\]*)?", re.I)
INVISIBLE = re.compile(r"[\x00-\x20\x7f\\]+")


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

"""Visual lines of one sentence (a PDF's, or text copied from one) joined back into one line."""

from __future__ import annotations

import itertools


def join_wrapped(texts: list[str]) -> str:
    """The lines joined by spaces; a word broken at a hyphen (`instruction-` / `tuned`) is joined
    whole, its hyphen kept (`hyper-` / `parameters` may have had none, but no letter is lost)."""
    parts = [texts[0]] if texts else []
    for before, text in itertools.pairwise(texts):
        broken = before.endswith("-") and before[-2:-1].isalpha() and text[:1].islower()
        parts.append(text if broken else " " + text)
    return "".join(parts)

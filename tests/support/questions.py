"""A question made by hand for render/export tests: id and location derived as a reader's would be."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from generator.model import Location, Question, SiteContent, question_id

ROOT = Path(__file__).resolve().parents[2]


def q(
    source: str, n: int, text: str, kind: str = "open", answer: str | None = "An answer.", **kw: Any
) -> Question:
    return Question(
        question_id(source, text),
        source,
        n,
        text,
        kind,  # type: ignore[arg-type]
        answer,
        Location(f"content/sources/{source}.txt", n),
        **kw,
    )


@functools.cache
def bundled_content() -> SiteContent:
    """What render and publish take from the bundled content/ (settings, glossary, pages), for a
    corpus made by hand: the gather stage puts it on every gathered corpus."""
    from generator.config import load_content
    from generator.pipeline import site_content

    return site_content(load_content(ROOT), [])

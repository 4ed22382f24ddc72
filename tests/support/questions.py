"""A question made by hand for render/export tests: id and location derived as a reader's would be."""

from __future__ import annotations

from typing import Any

from generator.model import Location, Question, question_id


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

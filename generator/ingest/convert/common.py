"""Helpers shared by the converters."""

from __future__ import annotations

import re

BACKTICK_RUN = re.compile(r"`{3,}")


def fence(code: str, language: str = "") -> list[str]:
    """A fenced code block that no backtick run inside the code can close early."""
    longest = max((len(m.group()) for m in BACKTICK_RUN.finditer(code)), default=0)
    marks = "`" * max(3, longest + 1)
    return [marks + language, *code.rstrip("\n").split("\n"), marks]

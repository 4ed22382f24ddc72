"""Reader: prose (placeholder until implemented)."""

from __future__ import annotations

from generator.model import Document, Draft, Problem

NAME = "prose"


def matches(text: str) -> bool:
    return False


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    return [], []

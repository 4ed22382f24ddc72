"""Reader: html_page (placeholder until implemented)."""

from __future__ import annotations

from generator.model import Document, Draft, Problem

NAME = "html_page"


def matches(text: str) -> bool:
    return False


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    return [], []

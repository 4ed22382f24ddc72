"""Related questions (placeholder: none)."""

from __future__ import annotations


def find_related(questions, group_of):
    return {}

"""Duplicate groups across sources (placeholder: none)."""

from __future__ import annotations


def find_groups(questions, curation):
    return {}

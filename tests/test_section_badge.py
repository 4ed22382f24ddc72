"""A section badge only where the section says more than its source's title."""

from __future__ import annotations

import pytest

from generator.render.section_badge import adds_to


@pytest.mark.parametrize(
    ("section", "source", "shown"),
    [
        ("Top LLM Interview Questions", "Top 20 LLM Interview Questions", False),
        ("LLM interview questions", "LLM Interview Question Bank", False),
        ("Frequently Asked Questions", "Transformers FAQ", False),
        ("Generation Control", "Data Science Interview Prep – LLM/AI", True),
        ("Questions Related to Fine-Tuning", "Generative AI Interview Questions", True),
        ("Computer Vision", "ML interview questions", True),
    ],
)
def test_a_section_badge_needs_a_subject_the_source_title_lacks(section, source, shown):
    assert adds_to(section, source) is shown

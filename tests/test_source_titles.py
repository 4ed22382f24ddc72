"""A source's title, when sources.yml gives none: from the document, never its furniture."""

from __future__ import annotations

import pytest

from generator.ingest.sources import title_from_text
from tests.support.docs import doc_of


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("# LLM interview notes\n\n## What is RAG?\n", "LLM interview notes"),
        ('---\nlayout: post\ntitle: "Top ML Questions"\n---\n\n## What is X?\n', "Top ML Questions"),
        ("+++\ntitle = 'Hugo notes'\n+++\n# Other\n", "Hugo notes"),
        ("---\nlayout: post\n---\n\n# The heading after it\n", "The heading after it"),
        ("---\n\n# A rule, not front matter\n", "A rule, not front matter"),
        ("// Exported from Moodle\n$CATEGORY: $course$/top/ML basics\n\n::Q1:: Why? {=a ~b}\n", "ML basics"),
        ("// a comment\n::Q1:: What is 2+2? {=4 ~3}\n", "My Quiz"),
        # A review's GIFT quiz without $CATEGORY was titled by its first right answer.
        ("::Q1:: Which model uses attention?{\n=Transformer\n~RNN\n}\n", "My Quiz"),
        ("Which model uses attention? {\n=Transformer\n~RNN\n}\n", "My Quiz"),
        ("What is overfitting?\nFitting noise.\n", "My Quiz"),  # a question is not a title
        ('---\ntitle: "<b>Bold</b> <i onclick=x()>notes</i>"\n---\n', "Bold notes"),
        ("$CATEGORY: $course$/<img src=x onerror=alert(1)>ML  basics\n", "ML basics"),
        ("---\ntitle: " + "a " * 200 + "\n---\n# Short title\n", "Short title"),
    ],
)
def test_title_comes_from_the_document_not_its_furniture(text, title):
    assert title_from_text(doc_of(text, "my-quiz.md"), "my-quiz") == title

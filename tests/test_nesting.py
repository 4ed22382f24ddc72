"""Lists and quotes nested past Python-Markdown's stack are made shallower (generator/ingest/nesting.py),
so a hostile answer renders instead of ending the build with a RecursionError."""

from __future__ import annotations

import re

import pytest

from generator.ingest.nesting import CODE_LEVELS, MAX_LEVELS, shallow
from generator.ingest.sanitize import sanitize_markdown
from generator.render.safe_html import markdown_to_html
from tests.support.passes import SITE_MARKDOWN

DEEP = {
    "markers on one line": "1. " * 700 + "x",
    "quotes on one line": "> " * 700 + "x",
    "bullets on one line": "+ " * 700 + "x",
    "an outline indented a level per line": "\n".join("    " * i + f"- item {i}" for i in range(700)),
    "tabs": "\n".join("\t" * i + f"- item {i}" for i in range(700)),
}


@pytest.mark.parametrize("text", DEEP.values(), ids=DEEP.keys())
def test_a_deep_answer_renders_with_its_text(text):
    md = sanitize_markdown(text)
    last = text.split("\n")[-1].lstrip("\t 1.>+-")
    for html in (markdown_to_html(md), SITE_MARKDOWN.reset().convert(md)):  # export and MkDocs
        assert last in html
        assert depth(html) <= 2 * MAX_LEVELS


def depth(html: str) -> int:
    """The deepest nesting of lists and quotes in the HTML."""
    deepest = level = 0
    for tag in re.findall(r"</?(?:ul|ol|blockquote)>", html):
        level += -1 if tag.startswith("</") else 1
        deepest = max(deepest, level)
    return deepest


def test_nesting_up_to_the_limit_is_kept_as_written():
    outline = "\n".join("    " * i + f"- item {i}" for i in range(MAX_LEVELS))
    assert shallow(outline) == outline
    assert shallow("1. " * MAX_LEVELS + "x") == "1. " * MAX_LEVELS + "x"


def test_past_the_limit_a_line_keeps_its_text_and_loses_the_nesting():
    assert shallow("12. " * (MAX_LEVELS + 2) + "x") == "12. " * MAX_LEVELS + "12\\. 12. x"
    assert shallow(">" * (MAX_LEVELS + 1)) == ">" * MAX_LEVELS + "\\>"
    deep = " " * (4 * MAX_LEVELS + 9) + "- item"
    assert shallow(f"- a\n{deep}") == f"- a\n{' ' * 4 * MAX_LEVELS}- item"


def test_code_and_thematic_breaks_stay_as_written():
    prompt = "```\n" + ">" * 60 + "\n" + " " * 200 + "x = 1\n```"
    rule = "- " * 60
    assert shallow(prompt) == prompt
    assert shallow(rule) == rule


def test_code_in_a_fence_inside_a_list_stays_as_written():
    code = "1. item\n\n    ```\n    " + ">" * 60 + "\n    " + " " * 200 + "x = 1\n    ```\n2. next"
    assert shallow(code) == code
    quoted = "> ```\n> " + "1. " * 60 + "\n> ```"
    assert shallow(quoted) == quoted


def test_deep_indentation_before_no_marker_is_kept():
    # Only a marker nests: indented text is a paragraph's continuation or code.
    text = "- a\n" + " " * 300 + "text\n\n    " + " " * 300 + "code"
    assert shallow(text) == text


@pytest.mark.parametrize("unit", ["1. ", "> ", "- > "])
def test_a_guessed_fence_spares_no_line_deep_enough_to_end_the_build(unit):
    # "- ```" unclosed, then a line that is not in the list: Python-Markdown sees no fence.
    text = "- ```\n" + unit * 700 + "x"
    assert shallow(text) != text
    for html in (markdown_to_html(sanitize_markdown(text)), SITE_MARKDOWN.reset().convert(shallow(text))):
        assert "x" in html and depth(html) <= 2 * CODE_LEVELS

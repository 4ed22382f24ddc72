"""Outliers in what we emit: long titles cut, outlier answer lines shown as plain text.

Their cost is tests/test_complexity.py's ("Markdown rendering of an answer"); these tests
check what the reader sees: nothing lost from an answer, nothing read as markup.
"""

from __future__ import annotations

import html
import re

import pytest

from generator.ingest.clean import make_questions
from generator.ingest.neutralise import CHUNK, MAX_INLINE, MAX_LINE, cut, plain_outliers
from generator.model import Choice, Draft, Line, Location
from generator.render.safe_html import markdown_to_html

HERE = Location("s.txt", 3)
TAG = re.compile(r"<[^>]*>")


def visible(html_text: str) -> str:
    """The text a reader sees in `html_text`, without any white space."""
    return "".join(html.unescape(TAG.sub("", html_text)).split())


def test_a_title_over_the_limit_is_cut_at_a_word_and_reported():
    title = "Why " + "very " * 400 + "long?"
    questions, problems = make_questions([Draft(title, HERE, (Line(4, "Because."),))], "s")
    shown = questions[0].question
    assert len(shown) <= MAX_INLINE + 2 and shown.endswith("very …")
    assert [str(p) for p in problems] == [
        f"s.txt:3: warning: question is {len(title):,} characters long, over 1,000: shown cut"
    ]
    assert questions[0].id == make_questions([Draft(title, HERE)], "s")[0][0].id  # the id is the full title's


def test_short_text_is_not_cut_and_a_word_longer_than_half_the_limit_is_cut_inside():
    assert cut("What is attention?") is None
    assert cut("x" * 3000) == "x" * MAX_INLINE + " …"


def test_a_long_option_is_cut_and_reported():
    draft = Draft("Which one?", HERE, (), choices=(Choice("A", "a " * 2000), Choice("B", "b")), correct="B")
    questions, problems = make_questions([draft], "s")
    assert len(questions[0].choices[0].text) <= MAX_INLINE + 2
    assert "s.txt:3: warning: an option is over 1,000 characters long: shown cut" in [
        str(p) for p in problems
    ]


def test_answers_of_usual_size_are_left_alone():
    answer = "A **bold** [link](https://example.com) and `code`.\n\n- one\n- two\n\n" + "word " * 900
    assert plain_outliers(answer) is answer


@pytest.mark.parametrize(
    "line",
    [
        "<a " * 3000,
        "[" * 9000,
        "\\_" * 4000,
        "`" * 9000,
        "**" * 3000,
        "- " * 4000,
        "# a " * 2000,
        "1. " + "x$y " * 2000,
        "{: " * 3000 + "}",
        "&lt;!--" * 1500,
        "word " * (MAX_LINE // 5 + 10),
    ],
)
def test_an_outlier_line_shows_every_character_as_written(line):
    text = plain_outliers(f"Before.\n\n{line}\n\nAfter.")
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Before." and paragraphs[-1] == "After."
    assert all(len(html.unescape(p.replace("\\", ""))) <= CHUNK for p in paragraphs)
    rendered = markdown_to_html(text)
    assert not re.search(r"<(?!/?p>)", rendered)  # no tag but paragraphs: nothing read as markup
    # what the reader sees is the line as the answer's Markdown showed it
    expected = html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", line))
    assert visible(rendered) == "Before." + "".join(expected.split()) + "After."


def test_lines_in_code_fences_are_left_alone():
    code = "```\n" + "<a " * 3000 + "\n```"
    assert plain_outliers(f"Code:\n\n{code}\n\nDone.") == f"Code:\n\n{code}\n\nDone."


def test_an_unclosed_fence_is_no_fence():
    assert plain_outliers("```\n" + "[" * 3000) == "```\n" + "\n\n".join(["\\[" * CHUNK] * 3)


def test_an_outlier_line_keeps_its_indentation():
    text = plain_outliers("- item\n\n    " + "[" * 3000)
    assert all(p.startswith("    ") for p in text.split("\n\n")[1:])

"""Tree-answer passes that scanned a line once per match start: the same results, in linear time.

Each is checked against the regex it replaced (on short texts, where that regex is quick)
and timed on a long line of the shape that made it quadratic.
"""

from __future__ import annotations

import itertools
import re

from generator.ingest.answer_math import math_images
from generator.ingest.options import shows_answer
from generator.ingest.titles import math_from_url
from tests.test_complexity import MAX_RATIO, measure

URL = "https://render.githubusercontent.com/render/math?math="
OLD_SHOW_ANSWER = re.compile(
    r"\b(?:show|view|see|reveal|click)\b.*\b(?:answer|solution)s?\b|^\W*answers?\W*$", re.I
)
OLD_MATH_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\((" + re.escape(URL) + r"[^)\s]*)\)")


def _texts(words: list[str], length: int) -> list[str]:
    return ["".join(p) for n in range(length + 1) for p in itertools.product(words, repeat=n)]


def test_show_answer_summaries():
    for text in ("💡 Show Answer", "Click to see the solutions", "Answers", "View answer"):
        assert shows_answer(text), text
    for text in ("Answer key below? no", "Show me", "answer, then show", "show\nanswer", "Shows answers"):
        assert not shows_answer(text), text


def test_show_answer_is_the_regex_it_replaced():
    words = ["show", "See", "answer", "Solutions", "x", " ", "\n", "-", "showanswer", "💡"]
    for text in _texts(words, 4):
        assert shows_answer(text) == bool(OLD_SHOW_ANSWER.search(text)), repr(text)


def test_show_answer_on_a_long_line_costs_linear_time():
    small, large = ("show " * (n // 5) for n in (5_000, 50_000))
    small_cost, large_cost = measure(shows_answer, small, large)
    assert large_cost < MAX_RATIO * small_cost


def test_formula_images_become_math():
    text = f"Let ![b]({URL}%5Cbeta) be ![two words]({URL}x%2By), not ![c]({URL}x y)."
    assert math_images(text) == f"Let $\\beta$ be $x+y$, not ![c]({URL}x y)."


def test_formula_images_are_what_the_regex_made():
    words = ["![a](", "![a b](", "](", "[", URL, "x", " ", "\n", ")", "!"]
    for text in _texts(words, 4):
        old = OLD_MATH_IMAGE.sub(lambda m: _old_math(m.group(1)) or m.group(), text)
        assert math_images(text + " render/math") == old + " render/math", repr(text)


def _old_math(url: str) -> str | None:
    formula = math_from_url(url)
    return f"${formula}$" if formula else None


def test_unclosed_formula_images_cost_linear_time():
    small, large = (f"![a]({URL}x" * (n // 60) for n in (20_000, 200_000))
    small_cost, large_cost = measure(math_images, small, large)
    assert large_cost < MAX_RATIO * small_cost

"""The linear finders of generator.spans find what the regexes they replace found, span for
span: those regexes are the reference here (short inputs only: on long ones they backtrack for
minutes), and hypothesis builds texts out of the characters they act on."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import spans, syntax

# The patterns generator/syntax.py used before its finders (commit a4c87df).
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1[`~]*[ \t]*$", re.M | re.S)
CODE_SPAN = re.compile(r"(?<!\\)(?:\\\\)*(`+)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
DISPLAY = r"(?<!\\)\$\$(?:(?!\n[ \t]*\n).)+?\$\$"
PAREN = r"(?<!\\)\\\((?:\\[^)]|(?!\n[ \t]*\n)[^\\])+?\\\)"
INLINE = r"(?<!\\)\$(?!\s)(?:\\.|(?!\n[ \t]*\n)[^\\$])+?(?<!\s)\$|" + PAREN
MATH = re.compile(f"{DISPLAY}|{INLINE}", re.S)
BRACKET = re.compile(r"\\\[(.+?)\\\]", re.S)

REFERENCES = [
    (FENCE, spans.fences),
    (CODE_SPAN, spans.code_spans),
    (MATH, spans.math_spans),
    (re.compile(INLINE, re.S), lambda text: spans.math_spans(text, display=False)),
    (re.compile(PAREN, re.S), lambda text: spans.math_spans(text, display=False, dollar=False)),
    (BRACKET, spans.bracket_math),
]

PIECES = ["`", "```", "~~~", "$", "$$", "\\", "\\(", "\\)", "\\[", "\\]", "\n", "\n\n", "\n \t\n", " ", "\t"]
PIECES += ["a", "(", ")", "\u3000", "x y"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_finders_find_what_the_regexes_found(text):
    for pattern, find in REFERENCES:
        assert list(find(text)) == [m.span() for m in pattern.finditer(text)], pattern.pattern


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("``a`b``", [(0, 7)]),  # a run of two closes at the next run of two
        ("```a``", [(0, 6)]),  # the opening run shortens to the closing one
        ("\\`a` `b`", [(3, 6)]),  # an escaped backtick opens nothing
        ("\\\\`a`", [(0, 5)]),  # an escaped backslash is part of the span
        ("`a\n\nb`", []),  # not across a blank line
    ],
)
def test_code_spans(text, found):
    assert list(spans.code_spans(text)) == found


def test_brackets_group_and_sub_work_like_a_pattern():
    assert syntax.BRACKET_MATH.sub(lambda m: f"<{m.group(1)}>", r"a \[x\] b \[y") == r"a <x> b \[y"
    assert syntax.PAREN_MATH.sub("P", r"\(x\) $\(y\)$") == "P $P$"

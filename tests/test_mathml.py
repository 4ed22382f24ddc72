"""Formulas become MathML at build time: faithful where latex2mathml can, safe always,
and left to MathJax (with a `check` warning) where it cannot."""

from __future__ import annotations

import re

import pytest

from generator.model import Location, Question
from generator.publish import mathfont, mathml

HOSTILE_TEX = (
    r"\text{<script>alert(1)</script>}",
    r"\href{javascript:alert(1)}{x}",
    r"\style{background:url(x)}{x}",
    r"\class{md-nav}{x}",
    r"\text{<img src=x onerror=alert(1)>}",
)


def test_a_formula_becomes_mathml():
    out = mathml.tex_to_mathml(r"\frac{QK^T}{\sqrt{d_k}}", display=True)
    assert out is not None and out.startswith("<math") and 'display="block"' in out
    assert "<mfrac>" in out and "<msqrt>" in out and "<msub>" in out


@pytest.mark.parametrize("tex", HOSTILE_TEX)
def test_hostile_tex_cannot_reach_the_page(tex):
    out = mathml.tex_to_mathml(tex, display=False) or ""
    assert not re.search(r"<(?!/?m[a-z]*[ >])[a-z]", out), out  # only MathML elements
    assert not re.search(r"\s(href|style|class|on[a-z]+|src)=", out), out


def test_unknown_commands_and_broken_tex_are_left_for_mathjax():
    assert mathml.tex_to_mathml(r"\myoperator{x}", display=False) is None
    assert mathml.tex_to_mathml(r"x_{", display=False) is None
    page = (
        '<p><span class="arithmatex">\\(\\myoperator{x}\\)</span> and '
        '<span class="arithmatex">\\(a_1\\)</span></p>'
    )
    out, left = mathml.typeset_html(page)
    assert left == [r"\myoperator{x}"]
    assert '<span class="arithmatex">\\(\\myoperator{x}\\)</span>' in out and "<msub>" in out


def test_html_escaped_tex_is_unescaped_before_converting():
    out, left = mathml.typeset_html('<div class="arithmatex">\\[a &lt; b &amp;&amp; c\\]</div>')
    assert left == [] and "&lt;" in out and 'display="block"' in out


def test_function_names_get_tex_spacing_unless_a_parenthesis_follows():
    spaced = mathml.tex_to_mathml(r"\log P", display=False) or ""
    assert "<mi>log</mi><mspace" in spaced
    assert "<mspace" not in (mathml.tex_to_mathml(r"\log(P)", display=False) or "")


def test_check_names_each_formula_left_to_mathjax():
    q = Question(
        "q-1", "src", 1, "What is it?", "open", "It is $\\myop{x}$ and $y_1$.", Location("s.md", 7), math=True
    )
    problems = mathml.fallback_problems([q])
    assert [str(p) for p in problems] == [
        "s.md:7: warning: formula left to MathJax in the browser (not convertible to MathML): '\\\\myop{x}'"
    ]


def test_math_font_is_a_small_subset_with_its_math_table(tmp_path):
    from fontTools.ttLib import TTFont

    dest = tmp_path / "math.woff2"
    mathfont.write_math_font(set("∑∂√"), dest)
    font = TTFont(dest)
    assert font.flavor == "woff2" and "MATH" in font
    assert 0 < dest.stat().st_size < 120_000
    cmap = font.getBestCmap()
    assert ord("∑") in cmap and ord("∂") in cmap and ord("Ж") not in cmap
    again = tmp_path / "again.woff2"
    mathfont.write_math_font(set("∑∂√"), again)
    assert again.read_bytes() == dest.read_bytes()  # reproducible builds

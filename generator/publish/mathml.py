"""Formulas as MathML at build time, so a page with math ships no math script.

arithmatex (generic mode) leaves each formula in the built HTML as

    <span class="arithmatex">\\(d_k\\)</span>      inline
    <div class="arithmatex">\\[QK^T\\]</div>       display

`typeset_html` replaces each with MathML from latex2mathml (pure Python), which
every current browser renders natively (MathML Core): no script, no layout shift
when an answer opens, readable with JavaScript off. The TeX is untrusted source
text and latex2mathml copies `\\text{...}` and `\\href`/`\\style` into its output,
so the MathML is cleaned with nh3 to MathML elements and presentation attributes.
A formula it cannot convert (a parse error, or a command it does not know, which
it would show as `\\name`) stays as it was: math.js loads MathJax only on pages
that still hold such a formula.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import latex2mathml.converter
import markdown
import nh3

from generator.model import Location, Problem, Question

# The TeX between the delimiters is HTML-escaped, so `[^<]` runs to the closing tag.
ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">\\([(\[])([^<]*)\\[)\]]</(?:span|div)>')
MATHML_TAGS = frozenset(
    """math mrow mi mo mn mtext ms mspace mfrac msqrt mroot msub msup msubsup munder mover
    munderover mtable mtr mtd mstyle mpadded mphantom menclose merror semantics annotation""".split()
)
PRESENTATION = frozenset(
    """mathvariant stretchy fence form separator accent accentunder largeop symmetric movablelimits
    lspace rspace minsize maxsize displaystyle scriptlevel linethickness columnalign rowalign
    columnspacing rowspacing columnlines rowlines frame width height depth voffset notation""".split()
)
ATTRIBUTES = {tag: set(PRESENTATION) for tag in MATHML_TAGS} | {"math": {"display", "xmlns"} | PRESENTATION}
# latex2mathml writes a command it does not know as an identifier that starts with a backslash.
UNKNOWN_COMMAND = re.compile(r">\\[A-Za-z]")
# TeX puts a thin space after \log, \sin ... unless a parenthesis follows; latex2mathml does not.
FUNCTION_NAME = re.compile(
    r"(<mi>(?:log|ln|lg|exp|sin|cos|tan|sec|csc|cot|sinh|cosh|tanh|arcsin|arccos|arctan|max|min|sup|inf|"
    r"lim|arg|det|dim|ker|deg|gcd|Pr|softmax|argmax|argmin)</mi>)(?!<mo stretchy=\"false\">&#x00028;)"
)
THIN_SPACE = '<mspace width="0.1667em"></mspace>'
# `f'` comes out as a superscript prime, which a math font draws tiny: its prime glyph is
# already raised, so it follows the base as an operator, as TeX's \prime does.
SUPERSCRIPT_PRIME = re.compile(r"<msup>(<mi>[^<]*</mi>)<mi>(&#x0203[2-4];)</mi></msup>")
TEXT_NODE = re.compile(r">([^<>]+)<")


def tex_to_mathml(tex: str, display: bool) -> str | None:
    """Safe MathML for one formula, or None when it cannot be converted faithfully."""
    raw = _raw_mathml(tex, display)
    if raw is None:
        return None
    raw = FUNCTION_NAME.sub(lambda m: m.group(1) + THIN_SPACE, raw)
    raw = SUPERSCRIPT_PRIME.sub(r'\1<mo lspace="0" rspace="0">\2</mo>', raw)
    return str(
        nh3.clean(
            raw,
            tags=set(MATHML_TAGS),
            attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
            clean_content_tags={"script", "style"},
            strip_comments=True,
        )
    )


def typeset_html(
    page: str, convert: Callable[[str, bool], str | None] = tex_to_mathml
) -> tuple[str, list[str]]:
    """(page with every convertible formula as MathML, the TeX of those left for MathJax)."""
    if "arithmatex" not in page:
        return page, []
    fallbacks: list[str] = []

    def replace(match: re.Match[str]) -> str:
        tex = html.unescape(match.group(3))
        mathml = convert(tex, match.group(2) == "[")
        if mathml is None:
            fallbacks.append(tex)
            return match.group()
        return mathml

    return ARITHMATEX.sub(replace, page), fallbacks


def characters(mathml: str) -> set[str]:
    """The characters a MathML fragment shows: what the served math font must hold."""
    return {char for text in TEXT_NODE.findall(mathml) for char in html.unescape(text)}


# The site's own math extension (mkdocs.yml), so `check` finds exactly the formulas the build converts.
_MARKDOWN = markdown.Markdown(
    extensions=["pymdownx.arithmatex"], extension_configs={"pymdownx.arithmatex": {"generic": True}}
)


def fallback_problems(questions: list[Question]) -> list[Problem]:
    """A warning per formula the build cannot write as MathML: MathJax typesets it in the browser."""
    problems = []
    convertible: dict[tuple[str, bool], bool] = {}

    def check(tex: str, display: bool) -> str | None:
        # Whether it converts is all that counts here: tex_to_mathml's None, without the
        # clean-up of a MathML that is thrown away, and once per distinct formula.
        key = (tex, display)
        if key not in convertible:
            convertible[key] = _raw_mathml(tex, display) is not None
        return "" if convertible[key] else None

    for q in questions:
        if not q.math:
            continue
        fields = [q.question, q.answer or "", *(c.text for c in q.choices)]
        # Every arithmatex delimiter ($, \(, \[, \begin) has a "$" or a backslash; a field
        # with neither holds no formula, so it need not go through Markdown.
        page = "\n".join(_MARKDOWN.reset().convert(text) for text in fields if "$" in text or "\\" in text)
        for tex in typeset_html(page, check)[1]:
            message = f"formula left to MathJax in the browser (not convertible to MathML): {tex[:60]!r}"
            problems.append(Problem(Location(q.location.path, q.location.line), message))
    return problems


def _raw_mathml(tex: str, display: bool) -> str | None:
    """latex2mathml's output, or None when it fails or leaves a command it does not know."""
    try:
        raw = latex2mathml.converter.convert(tex, display="block" if display else "inline")
    except Exception:  # latex2mathml raises many types on malformed TeX; each means "fall back"
        return None
    return None if UNKNOWN_COMMAND.search(raw) else raw

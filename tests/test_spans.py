"""The linear finders of generator.ingest.spans and generator.ingest.tags find what the regexes they replace
found, span for span: those regexes are the reference here (short inputs only: on long ones
they backtrack for minutes), and hypothesis builds texts out of the characters they act on."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest import spans, syntax, tags
from generator.ingest.sanitize import _escape_braces, sanitize_markdown
from generator.ingest.urls import disarm_tex_html, is_external_url, is_safe_url, link_target_is_external
from tests.support.passes import PASSES, SHAPES
from tests.test_complexity import MAX_RATIO, run_limited

# The patterns generator/ingest/syntax.py used before its finders (commit a4c87df).
# Fences as pymdownx.superfences reads them (since 2026-12-04): its header grammar, and closed by
# exactly the opening run; the old pattern let a shorter or longer run close a fence the site
# does not show as one, and the sanitiser spared a live link inside it.
# Since 86f8998 a fence is closed only by its run at its own indent, over lines indented at
# least as far (a shallower line ends the reading).
FENCE = re.compile(
    rf"^( {{0,3}})(`{{3,}}|~{{3,}})(?![`~])(?:{spans.FENCE_INFO.pattern})\n"
    r"(?:\1[^\n]*\n|[ \t]*\n)*?\1\2[ \t]*$",
    re.M,
)
FENCE_OPENER = re.compile(rf"^ {{0,3}}(`{{3,}}|~{{3,}})(?![`~])(?:{spans.FENCE_INFO.pattern})\n", re.M)


def reference_fences(text: str) -> list[tuple[int, int]]:
    """FENCE's matches up to the first opening line with no close: superfences reads no fence after it."""
    found: list[tuple[int, int]] = []
    for opener in FENCE_OPENER.finditer(text):
        if found and opener.start() < found[-1][1]:
            continue
        fence = FENCE.match(text, opener.start())
        if fence is None:
            break
        found.append(fence.span())
    return found


CODE_SPAN = re.compile(r"(?<!\\)(?:\\\\)*(`+)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
DISPLAY = r"(?<!\\)\$\$(?:(?!\n[ \t]*\n).)+?\$\$"
PAREN = r"(?<!\\)\\\((?:\\[^)]|(?!\n[ \t]*\n)[^\\])+?\\\)"
INLINE = r"(?<!\\)\$(?!\s)(?:\\.|(?!\n[ \t]*\n)[^\\$])+?(?<!\s)\$|" + PAREN
MATH = re.compile(f"{DISPLAY}|{INLINE}", re.S)
BRACKET = re.compile(r"\\\[(.+?)\\\]", re.S)
MARKUP = re.compile(r"<!--.*?-->|<[!?][^<>]*>|</?[A-Za-z][^<>]*>", re.S)

REFERENCES = [
    (reference_fences, spans.fences),
    (CODE_SPAN, spans.code_spans),
    (MATH, spans.math_spans),
    (re.compile(INLINE, re.S), lambda text: spans.math_spans(text, display=False)),
    (re.compile(PAREN, re.S), lambda text: spans.math_spans(text, display=False, dollar=False)),
    (BRACKET, spans.bracket_math),
]

PIECES = ["`", "```", "~~~", "$", "$$", "\\", "\\(", "\\)", "\\[", "\\]", "\n", "\n\n", "\n \t\n", " ", "\t"]
PIECES += ["a", "(", ")", "\u3000", "x y"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)

HTML_PIECES = ["<", ">", "<a ", "<img", "<svg", "</", "<!--", "-->", "<!", "<?", "=", '"', "'", " "]
HTML_PIECES += ["\n", "/", "on", "x", "href=", "style", "javascript:", "http:", "&#106;", "\\", "lin"]
HTML_PIECES += ["\u0130", "\u212a"]
html_texts = st.lists(st.sampled_from(HTML_PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_finders_find_what_the_regexes_found(text):
    for pattern, find in REFERENCES:
        expected = pattern(text) if callable(pattern) else [m.span() for m in pattern.finditer(text)]
        assert list(find(text)) == expected, getattr(pattern, "pattern", pattern)


@settings(max_examples=300, deadline=None)
@given(html_texts)
def test_markup_spans_are_the_regex_matches(text):
    assert tags.markup_spans(text) == [m.span() for m in MARKUP.finditer(text)]


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


def _risky_starts_reference(text: str) -> str:
    """sanitize._disarm_risky_starts before ingest.tags: it scanned the attributes from every `<`."""
    attribute = tags.ATTRIBUTE
    out, pos = [], 0
    while start := re.compile(r"</?([A-Za-z][^\s/>]*)").search(text, pos):
        name = start.group(1).lower()
        attributes, at = [], start.end()
        while (match := attribute.match(text, at)) and match.end() != at:
            if match.group(1):
                attributes.append((match.group(1).lower(), match.group(2) or ""))
            at = match.end()
        if (
            name in tags.DANGEROUS_TAGS
            or tags.hides_tag(name)
            or any(tags._is_risky(a, v) for a, v in attributes)
        ):
            out.append(text[pos : start.start()] + "&lt;")
            pos = start.start() + 1
        else:
            out.append(text[pos : start.end()])
            pos = start.end()
    return "".join(out) + text[pos:]


@settings(max_examples=400, deadline=None)
@given(html_texts)
def test_risky_starts_are_the_ones_a_scan_from_every_tag_finds(text):
    assert tags.disarm_risky_starts(text) == _risky_starts_reference(text)


@pytest.mark.parametrize(
    "text",
    ['<a x="<img src=x onerror=alert(1)>">', "<a <a <a onclick=x>", "<b<script>", "<a lin\u212a>"],
)
def test_risky_starts_examples(text):
    assert tags.disarm_risky_starts(text) == _risky_starts_reference(text)


@pytest.mark.parametrize(
    ("text", "out"),
    [
        ("[a](https://x.org)", "[a](https://x.org)"),
        ("[a](h\x01ttps://x.org)", "[a](h\x01ttps://x.org)"),  # a browser drops what splits it
        ("[a](&#104;ttps://x.org)", "[a](&#104;ttps://x.org)"),  # a character reference is read
        ("[a](javascript:alert(1))", "[a]\\(javascript:alert(1))"),
        ("[a](ht&#0;tp://x)", "a"),  # U+0000 is read as U+FFFD: no scheme, so only the words stay
        ("[a](](](https://x)", "[a]\\(]\\(](https://x)"),  # only the last target is a URL
    ],
)
def test_link_targets(text, out):
    assert sanitize_markdown(text) == out


ATTR_LIST_BRACE = re.compile(r"\{(?=:?[ ]*[^}\n ][^\n]*\})")
ATTR_LIST_ASSIGNMENT = re.compile(r"\{(?=:?[ ]*[^}\n ][^\n]*=[^\n]*\})")


BRACE_PIECES = ["{", "}", "{:", ":", " ", "  ", "=", "\n", "\t", "a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(BRACE_PIECES), max_size=25).map("".join))
def test_braces_are_escaped_where_the_attr_list_regexes_matched(text):
    assert _escape_braces(text, assignment_only=False) == ATTR_LIST_BRACE.sub(r"\\{", text)
    assert _escape_braces(text, assignment_only=True) == ATTR_LIST_ASSIGNMENT.sub(r"\\{", text)


def _target_reference(text: str, pos: int) -> bool:
    """sanitize's check before urls.link_target_is_external: the whole first token, unescaped."""
    target = text[pos : pos + 2000].lstrip().lstrip("<")
    end = re.search(r"[\s>)\"']", target)
    return is_external_url(target[: end.start()] if end else target)


URL_PIECES = ["h", "t", "p", "s", ":", "m", "a", "i", "l", "o", "H", "T", "&", "#", "1", "0", "4", ";"]
URL_PIECES += ["\\", "\x01", " ", "<", ">", ")", '"', "&colon;", "&#104;", "&#x68;", "&amp", "](", "\u0130"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(URL_PIECES), max_size=20).map("".join), st.integers(0, 5))
def test_link_target_check_reads_what_the_whole_token_check_read(text, pos):
    assert link_target_is_external(text, pos) == _target_reference(text, pos)


OLD_TEX_HTML = re.compile(
    r"\\(?:style|class|cssId|data|mmlToken)(?![A-Za-z])|\\href(?![A-Za-z])(?=\s*\{?([^{}]*))"
)
TEX_PIECES = [
    "\\href",
    "\\style",
    "\\data",
    "\\mmlToken",
    "\\mml",
    "{",
    "}",
    " ",
    "\n",
    "h",
    "t",
    "p",
    "s",
    ":",
    "m",
    "a",
    "&",
    "#",
]
TEX_PIECES += [
    "\\",
    "\u3000",
    "\u212a",
    "\u0130",
    "javascript:",
    "&colon;",
    "&#58;",
    "1",
    "&amp",
    "\x01",
    "hrefx",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TEX_PIECES), max_size=20).map("".join))
def test_tex_html_is_disarmed_as_the_regex_did(text):
    def old(match: re.Match[str]) -> str:
        url = match.group(1)
        return match.group() if url is not None and is_safe_url(url.lstrip()) else ""

    assert disarm_tex_html(text) == OLD_TEX_HTML.sub(old, text)


# Shapes found while auditing the sanitiser, beyond tests/support/passes.py's SHAPES.
SANITIZER_SHAPES = {
    "\\href": lambda n: ("\\href" * (n // 5 + 1))[:n],
    "# inside a title": lambda n: "a" + "#" * n + "b",
    '<a x="': lambda n: ('<a x="' * (n // 6 + 1))[:n],
    "](&a": lambda n: ("](&a" * (n // 4 + 1))[:n],
}


@pytest.mark.parametrize("shape", SANITIZER_SHAPES)
@pytest.mark.parametrize("name", ["sanitize_markdown", "escape_inline"])
def test_sanitizer_is_linear_on_more_shapes(monkeypatch, name, shape):
    monkeypatch.setitem(SHAPES, shape, SANITIZER_SHAPES[shape])
    index = next(i for i, (pass_name, _run) in enumerate(PASSES) if pass_name == name)
    result = run_limited(index, shape)
    assert result is not None, f"{name} on {shape!r} did not finish"
    small, large = result
    assert large < MAX_RATIO * small, f"{name} on {shape!r}: {small * 1000:.2f} / {large * 1000:.2f} ms"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Text\n\n    List<T> xs;\n\n    more();\nAfter.", ["    List<T> xs;\n\n    more();"]),
        ("    at the start\n", ["    at the start"]),
        ("\tx = 1\n", ["\tx = 1"]),
        ("Text\n    lazy continuation, no blank line\n", []),
        ("- item\n\n    the item's own paragraph\n", []),
        ("1. step\n\n    its paragraph\n", []),
        ("   - nested\n\n    more of it\n", []),
    ],
)
def test_indented_code_is_found_where_python_markdown_reads_it(text, code):
    assert [text[start:end] for start, end in spans.indented_code(text)] == code

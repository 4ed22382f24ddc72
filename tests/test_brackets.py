"""generator.ingest.brackets: an unclosed `[` is text at once, and the tokens do not change."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.helpers import parse_link_label

from generator.ingest import read_markdown

WITHOUT = read_markdown.parser()
WITHOUT.inline.ruler.disable("unclosed_bracket")


def _tokens(md, text: str) -> list[tuple]:
    out = []
    for token in md.parse(text):
        out.append((token.type, token.content, token.markup))
        for child in token.children or ():
            out.append((child.type, child.content, child.markup, tuple(sorted(child.attrs.items()))))
    return out


CASES = [
    "![![![ no end",
    "a [link](https://x.org) then [ and ![",
    "[^1] and ^[inline note] then ^[ open",
    "[x]: https://x.org\n\nsee [x] and [ and ![y",
    "`[` in code [a](b) [",
    "\\[ escaped [ and ]",
    "!!![[[^^^[ ]",
    "![alt](i.png) ![",
    "**[** x",
]


def test_the_plugin_is_the_parsers():
    rules = read_markdown.parser().inline.ruler.get_active_rules()
    assert rules.index("unclosed_bracket") < rules.index("link")


def test_same_tokens_on_chosen_lines():
    for text in CASES:
        assert _tokens(read_markdown._MD, text) == _tokens(WITHOUT, text), text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="[]!^()a `\\*\n:", max_size=40))
def test_same_tokens_on_any_line_of_brackets(text):
    assert _tokens(read_markdown._MD, text) == _tokens(WITHOUT, text)


def test_an_unclosed_line_looks_for_no_label(monkeypatch):
    """The link, image and footnote rules each scan for a `]`: on a line with none, they
    are not asked (a line of 20,000 `![` took 1.3 s of such scans per parse)."""
    calls = []
    real = parse_link_label.parseLinkLabel

    def counted(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr("markdown_it.helpers.parseLinkLabel", counted)  # link and image
    monkeypatch.setattr("mdit_py_plugins.footnote.index.parseLinkLabel", counted)
    read_markdown._MD.parse("![^[" * 2_000 + "\n\nand [a](b) [")
    assert len(calls) == 1  # the one `[` with a `]` after it


def test_an_image_in_a_link_in_emphasis_is_read():
    """MAX_INLINE_NESTING keeps the nesting a source writes: here 3 levels."""
    inline = read_markdown._MD.parse("***[![alt](i.png)](https://x.org)*** [[a](b)]")[1]
    types = [child.type for child in inline.children]
    assert types.count("link_open") == 2 and types.count("image") == 1

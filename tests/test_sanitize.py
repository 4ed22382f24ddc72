"""sanitize: what untrusted text keeps, what it loses, checked on the HTML that
Python-Markdown (with the site's extensions) and Jinja2 actually produce."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment

from generator.ingest import sanitize
from generator.ingest.sanitize import escape_inline, is_safe_url, sanitize_markdown

# The extensions mkdocs.yml enables that change how text becomes HTML.
SITE_EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "admonition",
    "abbr",
    "pymdownx.arithmatex",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.inlinehilite",
]
SITE_CONFIG = {"pymdownx.arithmatex": {"generic": True}, "pymdownx.tabbed": {"alternate_style": True}}

BAD_TAGS = frozenset(
    """script style iframe frame frameset object embed applet base link meta form input
button textarea select template noscript svg math img video audio""".split()
)
BAD_SCHEME = re.compile(r"^(?:javascript|data|vbscript):")
CONTROL = re.compile(r"[\x00-\x20\x7f\\]+")
MATHJAX_HTML = re.compile(
    r"\\(?:style|class|cssId|data|mmlToken)\b|\\href\s*\{\s*(?:javascript|data|vbscript)", re.I
)


def render(md: str) -> str:
    return markdown.markdown(md, extensions=SITE_EXTENSIONS, extension_configs=SITE_CONFIG)


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BAD_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            plain = CONTROL.sub("", html.unescape(value or "")).lower()
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.found.append(f"{tag}[{name}]")
            elif BAD_SCHEME.match(plain):
                self.found.append(f"{tag}[{name}={plain[:20]}]")


ARITHMATEX = re.compile(r'class="arithmatex">(.*?)</(?:span|div)>', re.S)


def dangerous(rendered_html: str) -> list[str]:
    """Every construct in rendered HTML that could run code, load things or restyle the page."""
    checker = _Checker()
    checker.feed(rendered_html)
    checker.close()
    # MathJax (generic mode) reads only the arithmatex elements.
    macros = [
        f"MathJax {m.group()!r}"
        for math in ARITHMATEX.findall(rendered_html)
        for m in MATHJAX_HTML.finditer(html.unescape(math))
    ]
    return checker.found + macros


KEPT_AS_WRITTEN = [
    "a < b and b > c",
    "x<y, i<n and 3<4",
    "Inline $a<b>c$ and display $$x_{i=1}^n < y$$",
    "**bold**, *italic*, `code <b>` and a [link](https://example.org/a_(b))",
    "- item\n    - nested item\n1. first",
    "Costs $5 per million tokens, or $10 and $20.",
    "Unbalanced $ dollar and a lone ` backtick",
    "<b>bold</b> and <em>em</em> and <sub>2</sub>",
    "[mail](mailto:a@b.org) and <https://example.org> and [ref][r]\n\n[r]: https://example.org/x",
    "```html\n<b>fenced</b>\n```",
]


@pytest.mark.parametrize("md", KEPT_AS_WRITTEN)
def test_safe_markdown_keeps_every_character(md):
    assert sanitize_markdown(md) == md


REMOVED = [
    # (input, text that must remain, text that must be gone)
    ("Hi <script>alert(1)</script>there", "Hi there", "alert"),
    ("<style>body{display:none}</style>Visible", "Visible", "display"),
    ('<p onclick="alert(1)">Para</p>', "<p>Para</p>", "onclick"),
    ("<div class='x'>kept text</div>", "kept text", "<div"),
    ('<a href="javascript:alert(1)">x</a>', ">x</a>", "javascript"),
    ('<a href="jav&#x61;script:alert(1)">x</a>', ">x</a>", "script:"),
    ("<img src=x onerror=alert(1)>after", "after", "onerror"),
    ("<!-- <script>alert(1)</script> -->after", "after", "alert"),
]


@pytest.mark.parametrize(("md", "kept", "gone"), REMOVED)
def test_raw_html_is_reduced_to_the_allowlist(md, kept, gone):
    out = sanitize_markdown(md)
    assert kept in out
    assert gone not in out


HOSTILE_MARKDOWN = [
    "[x](javascript:alert(1))",
    "[x]( JaVaScRiPt:alert(1) )",
    "[x](<javascript:alert(1)>)",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox(1))",
    "![img](javascript:alert(1))",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "[x][ref]\n\n   [ref]: <javascript:alert(1)> 'title'",
    'Some text\n{: onclick="alert(1)" }',
    "[ok](https://example.org){ onclick=alert(1) href=javascript:alert(1) }",
    "## Heading { onmouseover=alert(1) }",
    "*em*{onclick=alert(1)}",
    '<div>\n`<a title="` x `" onclick=alert(1)>`\n</div>',
    "<div>\n`<img src=x onerror=alert(1)>`\n</div>",
    "<a href='x' <b onclick=alert(1)>y</b>",
    "<details open ontoggle=alert(1)><summary>s</summary>d</details>",
    "<svg onload=alert(1)>",
    "<a/onclick=alert(1)>x</a>",
    "<scr<script>ipt>alert(1)</script>",
    "$\\href{javascript:alert(1)}{click}$ and $\\style{position:fixed}{x}$",
    '$\\mmlToken{mi}[href="javascript:alert(1)" style="position:fixed"]{x}$',
    '<div markdown="1">\n[x](javascript:alert(1))\n</div>',
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    # No fence after one never closed (superfences): these are text, with a live tag or attr_list.
    "````\n```{: onclick=alert(1)}\n```",
    "~~~\n\n```\n<script>alert(1)</script>\n```",
]


@pytest.mark.parametrize("md", HOSTILE_MARKDOWN)
def test_nothing_dangerous_survives_rendering(md):
    assert dangerous(render(md)), "the payload should be live without sanitising"  # shows the test can fail
    assert dangerous(render(sanitize_markdown(md))) == []


@pytest.mark.parametrize(
    "md",
    [
        "<javascript:alert(1)>",
        "<img src=x onerror=alert(1)",
        "`<script>alert(1)</script>`",
        "<VBScript:msgbox(1)>",
    ],
)
def test_inert_payloads_stay_inert(md):
    out = sanitize_markdown(md)
    assert dangerous(render(out)) == []
    assert not re.search(r"<(?:javascript|vbscript|script|img)", out, re.I)


@pytest.mark.parametrize(
    ("md", "shown"),
    [
        ("<p>\n```\n<script>alert(1)</script>\n```\n</p>", "<script>alert(1)</script>"),
        (
            "```java\nList<Object> xs = new ArrayList<Object>();\nOptional<Image> x;\n```",
            "Optional<Image> x;",
        ),
        ('Text\n\n~~~\nif w<img_width and x<input:\n    print("<script>")\n~~~', 'print("<script>")'),
    ],
)
def test_a_fenced_block_keeps_its_tags_as_written_and_shows_them_as_code(md, shown):
    # The renderer escapes a fence's text itself, in an HTML block too (pymdownx.superfences).
    out = sanitize_markdown(md)
    assert out == md
    assert dangerous(render(out)) == []
    code = re.search(r"<code>(.*?)</code>", render(out), re.S)
    assert code and shown in html.unescape(re.sub(r"<[^>]+>", "", code.group(1)))


def test_indented_code_keeps_generic_types_and_disarms_risky_tags():
    # A review: `    List<Object> x = …;` lost `<Object>` (nh3 took it for a tag). Indented code is
    # code like a span now: kept as written, but a risky tag start is still escaped, since
    # raw HTML around it (`<p>` … `</p>`) would make it live.
    md = "Text\n\n    List<T> xs;\n    Map<K, V> m;\n\nAfter."
    assert sanitize_markdown(md) == md
    assert "&lt;img" in sanitize_markdown("<p>\n\n    <img src=x onerror=alert(1)>\n\n</p>")


def test_an_abbreviation_line_is_text_not_a_tooltip_for_the_whole_page():
    # Python-Markdown's abbr extension would put the source's title on every "LLM" of the page.
    md = "An LLM answers.\n\n*[LLM]: Buy tokens at example.org\n   *[RAG]: x"
    assert "<abbr" in render(md)  # shows the test can fail
    out = render(sanitize_markdown(md))
    assert "<abbr" not in out and "*[LLM]: Buy tokens at example.org" in html.unescape(out)


def test_allowed_link_keeps_its_href():
    out = sanitize_markdown('<a href="https://example.org" title="t">x</a>')
    assert out.startswith('<a href="https://example.org" title="t"') and out.endswith(">x</a>")


def test_tag_like_comparisons_are_escaped_so_the_reader_sees_them():
    # Raw, Markdown would pass `<y and y>` through as an unknown element and hide it.
    assert "<y and y>" in render("x<y and y>=z")
    assert html.unescape(render(sanitize_markdown("x<y and y>=z"))) == "<p>x<y and y>=z</p>"


@pytest.mark.parametrize(
    "md",
    [
        "[relative](../topic/)",
        "[anchor](#top)",
        "[ref][r]\n\n[r]: other.html",
        "![image](https://example.org/a.png)",
    ],
)
def test_links_into_the_source_site_and_images_become_text(md):
    # They would break `mkdocs build --strict` or load from elsewhere; the words stay.
    rendered = render(sanitize_markdown(md))
    no_tag = "<a " not in rendered and "<img" not in rendered
    assert no_tag or 'href="https://example.org/a.png"' in rendered


@pytest.mark.parametrize(
    ("md", "shown"),
    [
        ("See [the other answer](answers/q2.md).", "<p>See the other answer.</p>"),
        ("Back to [the top](#top) or [up](../README.md#x 'up').", "<p>Back to the top or up.</p>"),
        ('A <a href="guide.html">guide</a>.', '<p>A <a rel="noopener noreferrer">guide</a>.</p>'),
        ("[**Bold** words](./a.md)", "<p><strong>Bold</strong> words</p>"),
    ],
)
def test_a_link_into_the_source_site_shows_its_words_only(md, shown):
    assert render(sanitize_markdown(md)) == shown


def test_unlinking_keeps_external_links_code_and_never_makes_an_image():
    out = render(sanitize_markdown("[site](https://example.org) and `[x](y.md)`"))
    assert '<a href="https://example.org">site</a>' in out and "<code>[x]" in out
    joined = render(sanitize_markdown("![[a](b.md)](https://example.org/x.png)"))
    assert "<img" not in joined and 'href="https://example.org/x.png"' in joined


@pytest.mark.parametrize(
    "md",
    [
        "[<](other.md)img src=x onerror=alert(1)>",
        "[<](a.md)script>alert(1)</script>",
        '[<](#x)a href="javascript:alert(1)">x</a>',
        "[<](a.md)svg/onload=alert(1)>",
    ],
)
def test_unlinked_words_never_join_the_text_after_them_into_a_tag(md):
    out = render(sanitize_markdown(md)).lower()
    assert "onerror" not in out and "<script" not in out and "javascript:" not in out
    assert "onload" not in out and "<svg" not in out and "<img" not in out


def test_pseudo_tags_stay_visible_as_text():
    out = render(sanitize_markdown("Tokens like <mask>, <EOS> and List<T> matter."))
    assert "&lt;mask&gt;" in out and "&lt;EOS&gt;" in out and "List&lt;T&gt;" in out


@pytest.mark.parametrize("text", ["{{ config }}", "{% include 'mkdocs.yml' %}", "{{ 7 * 7 }}", "{# c #}"])
def test_jinja_syntax_stays_literal_through_markdown_and_jinja(text):
    md = sanitize_markdown(f"It prints {text} here.")
    rendered = render(md)
    assert f"It prints {text} here." in html.unescape(rendered)
    page = Environment(autoescape=True).from_string("<main>{{ answer }}</main>").render(answer=rendered)
    assert f"It prints {text} here." in html.unescape(page)
    assert "49" not in page


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org", True),
        ("mailto:a@b.org", True),
        ("../x/#y", True),
        ("#top", True),
        ("javascript:alert(1)", False),
        (" JAVASCRIPT:x", False),
        ("java\tscript:x", False),
        ("jav&#x61;script:x", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        ("java\\script:x", False),
    ],
)
def test_is_safe_url(url, safe):
    assert is_safe_url(url) is safe


ESCAPED_TITLES = [
    ("What is <b>RAG</b>?", "What is RAG?"),
    ("<script>alert(1)</script>Why?", "Why?"),
    ("Is a < b always true?", "Is a < b always true?"),
    ("Why x<y?", "Why x&lt;y?"),
    ("What is $x_i * y_j$ here?", "What is $x_i * y_j$ here?"),
    ("What does [this](javascript:alert(1)) do?", "What does \\[this\\](javascript:alert(1)) do?"),
    ("C# or F#", "C# or F\\#"),
    ("#1 reason?", "\\#1 reason?"),
    (
        "Is 2*3*4 or snake_case or __init__ special?",
        "Is 2\\*3\\*4 or snake_case or \\_\\_init\\_\\_ special?",
    ),
    ("What does **bold** or `code` do?", "What does **bold** or `code` do?"),
    ("A lone ` backtick?", "A lone \\` backtick?"),
    ("What does {{ config }} print?", "What does \\{\\{ config }} print?"),
    ("Tokens <mask> and List<T>?", "Tokens &lt;mask> and List&lt;T>?"),
    ("Multi\n  line\ttitle?", "Multi line title?"),
]


@pytest.mark.parametrize(("title", "expected"), ESCAPED_TITLES)
def test_escape_inline(title, expected):
    assert escape_inline(title) == expected


@pytest.mark.parametrize(
    "title",
    [t for t, _ in ESCAPED_TITLES]
    + [
        "Why {: onclick=alert(1)}",
        "What is x { onclick=alert(1)",  # the page's `{ #id }` closes it
        "What is x {: .a onclick=alert(1)",
        "What is $\\href{javascript:alert(1)}{x}$?",
        "`<img src=x onerror=alert(1)>`?",
    ],
)
@pytest.mark.parametrize("suffix", ["", " { #q-1 }"])  # a topic page's heading ends in its id
def test_escaped_titles_render_as_one_safe_heading(title, suffix):
    rendered = render("## " + escape_inline(title) + suffix)
    assert rendered.count("<h2") == 1 and "<a " not in rendered
    assert dangerous(rendered) == []
    if suffix:  # the id is the heading's only attribute
        assert re.findall(r"<h2([^>]*)>", rendered) == [' id="q-1"']


@pytest.mark.parametrize(
    "title",
    ["What is x { onclick=alert(1)", "What is y {: onmouseover=alert(2) }", "z {#a .b onfocus=alert(3)"],
)
def test_a_tree_title_cannot_open_an_attribute_list_on_its_heading(title):
    """Titles read from a parse tree (ingest.titles.clean_title) become `## title { #id }`
    like any other: a `{` in their text must not reach attr_list."""
    from generator.ingest.titles import clean_title

    html = markdown.markdown(f"## {clean_title(title)[0]} {{ #qid }}", extensions=["attr_list"])
    assert re.fullmatch(r'<h2 id="qid">[^<]*</h2>', html), html


# Markdown syntax and text of every kind, without what sanitize_markdown's shortcut looks for.
QUIET_PIECES = [
    *("**", "*", "_", "`", "```", "$", "$$", "#", "- ", "1. ", "> ", "|", "(", ")", "[", "!", "&", "&amp;"),
    *("\n", "\n\n", "    ", "http://x.y/z", "javascript:alert(1)", "onclick=x", "é", "∑", "\ufffd"),
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(QUIET_PIECES) | st.text(max_size=6), max_size=12).map(
        lambda pieces: re.sub(r"!+(?=\[)", "", sanitize.ACTIVE.sub("", "".join(pieces)))
    )
)
def test_text_without_active_characters_comes_back_as_it_is(text):
    """sanitize_markdown returns such text at once: every pass it skips leaves it as it is."""
    assert sanitize.is_quiet(text)
    assert sanitize._sanitize(text, False) == text


def test_an_image_opener_without_its_bracket_is_escaped_all_the_same():
    # Found by the property above: the shortcut returned `![` as it was, the full pass escaped it.
    assert sanitize.sanitize_markdown("see ![") == "see \\!["


@pytest.mark.parametrize(
    "md",
    [
        "```[x](javascript:alert(1))\n\n```",  # a header superfences refuses: no fence to the site
        "````\n\n[x](javascript:alert(1))\n```",  # a shorter run closes no fence there
        "~~~\n[x](javascript:alert(1))\n~~~~",  # nor does a longer one
    ],
)
def test_a_fence_the_site_does_not_see_spares_no_link(md):
    # Found by test_properties (Hypothesis); the sanitiser took these for fences and left the link live.
    page = markdown.markdown(sanitize_markdown(md), extensions=["pymdownx.superfences"])
    assert 'href="javascript' not in page


def test_a_fence_the_site_sees_keeps_its_code_unchanged():
    md = '```python title="net.py"\ny = self.layers[i](x)  # [doc](notes.md)\n```'
    assert sanitize_markdown(md) == md


def test_tags_nested_past_a_hundred_are_dropped_with_their_end_tags():
    deep = "<blockquote><div>" * 80 + "kept" + "</div></blockquote>" * 80
    out = sanitize_markdown(deep + " after")
    assert out.count("<blockquote>") == out.count("</blockquote>") == 50
    assert "kept" in out and out.endswith(" after")
    lists = sanitize_markdown("<ul><li>a<li>b<br><img src=x>" * 60 + "</ul>")
    assert lists.count("<li>") == 120 and lists.count("<ul>") == 60  # items and void tags nest nothing


@pytest.mark.parametrize("unit", ["<ul></b>", "<ul/>", "<ul/></p>"])
def test_stray_end_tags_and_self_closing_lists_still_count_as_nesting(unit):
    # A stray `</b>` closes nothing and `<ul/>` opens a list: neither may make room for more.
    out = sanitize_markdown(unit * 150 + "kept")
    assert out.count("<ul>") == 100 and out.count("</ul>") == 100 and "kept" in out


def test_an_end_tag_closes_what_was_opened_after_its_element():
    out = sanitize_markdown("<blockquote><ul><li>x</blockquote>" * 150)
    assert out.count("<ul>") == 150  # each `</blockquote>` closed its list too


def test_anchors_without_end_tags_nest_nothing():
    # `<a name="s1"/>` opens a link, and the next `<a>` ends it: 120 anchors are one level.
    out = sanitize_markdown('<a name="s"/>x ' * 120 + "<b>kept</b> <i>too</i>")
    assert "<b>kept</b>" in out and "<i>too</i>" in out


def test_a_title_nested_past_a_hundred_tags_keeps_its_text():
    assert escape_inline("<details>" * 5000 + "What is **RAG**?") == "What is **RAG**?"


def test_an_image_whose_alt_is_code_loads_nothing():
    # The code span split the image across runs and the run before it had no `]`: the `!` stayed
    # and the page loaded the remote image, whatever `images: remote` said.
    page = render(sanitize_markdown("Tokens ![`x`](https://evil.example/t.png?who=reader) here."))
    assert "<img" not in page and "evil.example" in page

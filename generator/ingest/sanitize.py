"""Make untrusted source text safe to publish as Markdown.

Sources are untrusted: whatever they hold, nothing may execute in a reader's
browser. Two entry points:

    sanitize_markdown(md)  -- an answer or choice text (Markdown that may carry raw HTML)
    escape_inline(text)    -- a question title that becomes a Markdown heading

Raw HTML is reduced to a small allowlist with nh3 (a maintained sanitiser).
Only the HTML tags are given to nh3: the text between them is swapped for
placeholders first, so `a < b`, `x<y`, `$...$` and `**bold**` keep every
character. Markdown link syntax is checked too, because Python-Markdown
emits `[x](javascript:...)` as a live link. Jinja2 syntax is left alone: our
templates only ever insert source text as data.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right

import nh3

from generator.ingest import syntax
from generator.ingest.attr_groups import escape_attribute_groups
from generator.ingest.nesting import shallow
from generator.ingest.tags import DANGEROUS_TAGS as DANGEROUS_TAGS
from generator.ingest.tags import TOKEN_TAGS, Nesting, disarm_risky_starts, markup_spans
from generator.ingest.urls import SAFE_SCHEMES as SAFE_SCHEMES
from generator.ingest.urls import disarm_tex_html, external_href, link_target_is_external, unlink_local
from generator.ingest.urls import is_external_url as is_external_url
from generator.ingest.urls import is_safe_url as is_safe_url
from generator.ingest.urls import is_web_url as is_web_url

ALLOWED_TAGS = frozenset(
    "b strong i em code pre sub sup br p ul ol li blockquote table thead tbody tr th td a".split()
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"colspan", "rowspan"}, "td": {"colspan", "rowspan"}}
DROP_WITH_CONTENT = frozenset({"script", "style"})

# Tag names a browser knows. A tag-like token with another name (`<mask>`,
# `<EOS>`, `List<T>`) is text a writer meant to show, so it is escaped, not dropped.
HTML_ELEMENTS = frozenset(
    """
a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption
center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset
figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html i iframe
img input ins kbd label legend li link main map mark marquee math menu meta meter nav noembed
noframes noscript object ol optgroup option output p param picture plaintext portal pre progress
q rp rt ruby s samp script search section select slot small source span strike strong style sub
summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var
video wbr xmp
""".split()
)

# What Markdown shows as it is (code, then math: generator.ingest.syntax) keeps its tags as text.
# A heading is one inline line: arithmatex has no inline `$$...$$`, so there a `$$` pair
# is text (and a tag between the dollars is stripped like any other).
# Everything Python-Markdown or a browser could take as markup: generator.ingest.tags.markup_spans.
TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^<>\s]*|[^<>\s@!]+@[^<>\s@]+)>")
IMAGE_OPEN = re.compile(r"(?<!\\)((?:\\\\)*)!(?=\[)")
LINK_OPEN = re.compile(r"(?<!\\)(?:\\\\)*\]\(")  # an escaped `\]` opens no link
# Python-Markdown's abbr extension reads `*[LLM]: …` as a tooltip for every "LLM" on the page,
# other sources' answers too: such a line is shown as text.
ABBR_DEFINITION = re.compile(r"^([ \t]*)\*\[", re.M)
# Inside a quote or a list item too (`> [x]: …`, `- [x]: …`, an indented continuation): Python-Markdown
# reads a definition wherever a paragraph may start. Possessive runs: no rescan of a long indent.
REFERENCE_DEFINITION = re.compile(
    r"^([ \t>]*+(?:(?:[-*+]|\d{1,9}[.)])[ \t]++)?[ \t>]*+)\[([^\]\n]+)\]:[ \t]*<?([^\s>]*)", re.M
)
# Python-Markdown's attr_list reads `{: onclick=... }` (colon optional) after a heading,
# paragraph, link or emphasis: every `{` that could open one is escaped (`_escape_braces`).
# For titles: brackets and stray backticks always; `*` unless it is part of
# **bold**; `_` only at a word's edge (intraword `snake_case` is never emphasis);
# `<` where it could open a tag; `#` at either end (a heading would eat them).
WHITESPACE = re.compile(r"\s+")
INLINE_ACTIVE = re.compile(r"[\[\]`]")
LONE_STAR = re.compile(r"(?<!\*)\*(?!\*)|\*{3,}")
EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
TAG_LIKE_LT = re.compile(r"<(?=[A-Za-z/!?])")
SPACES = re.compile(" *")
EQUALS = re.compile("=")
PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")
PRIVATE = re.compile("[\ue000\ue001]")
# What each pass of _sanitize needs: a tag or autolink, a link, a brace, TeX html, a placeholder.
ACTIVE = re.compile("[<\\]{\\\\\ue000\ue001]")


def sanitize_markdown(md: str, title: bool = False) -> str:
    """Markdown with raw HTML reduced to the allowlist and unsafe links disarmed; a
    `title` (a heading's text) also has every `{` of its text escaped (see _finish)."""
    md = md if title else shallow(md)
    if not title and is_quiet(md):
        return md  # most answers: no pass of _sanitize would change a character of it
    return _sanitize(md, title)


def is_quiet(md: str) -> bool:  # no pass of _sanitize changes it (nor `![`: a `](url)` may follow)
    return not ACTIVE.search(md) and "![" not in md


def _sanitize(md: str, title: bool) -> str:
    md = PRIVATE.sub("\ufffd", md)
    pieces: list[str] = []
    skeleton: list[str] = []
    has_tags, nesting = False, Nesting()
    for run, kind in syntax.split(md):
        if kind != "text":
            skeleton.append(_hold(pieces, run))
            continue
        # Before nh3: the words of `[<](a.md)img onerror=..>` would otherwise join into a tag.
        run = unlink_local(run) if "](" in run else run
        for chunk, chunk_kind in _split_markup(run):
            if chunk_kind == "tag":
                has_tags = True
                skeleton.append(chunk if nesting.admits(chunk) else "")
            else:
                skeleton.append(_hold(pieces, chunk))
    if has_tags:
        cleaned = nh3.clean(
            "".join(skeleton),
            tags=set(ALLOWED_TAGS),
            clean_content_tags=set(DROP_WITH_CONTENT),
            attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
            url_schemes=set(SAFE_SCHEMES),
            attribute_filter=external_href,
        )
        md = PLACEHOLDER.sub(lambda m: pieces[int(m.group(1))], cleaned)
    else:
        md = "".join(pieces)
    return _finish(md, title)


def escape_inline(text: str) -> str:
    """A question title as one line of inline Markdown that can only show text.

    Tags are stripped (nh3 with no tags; `<mask>`-like pseudo tags are kept as
    text), and what would make links, HTML or emphasis, or end a heading early,
    is escaped. Code spans and `$...$` math are kept as they are.
    """
    text = WHITESPACE.sub(" ", PRIVATE.sub("\ufffd", text)).strip()
    pieces: list[str] = []
    skeleton: list[str] = []
    has_tags, nesting = False, Nesting()
    for run, kind in syntax.split(text, syntax.INLINE):
        if kind != "text":
            skeleton.append(_hold(pieces, run))
            continue
        for chunk, kind in _split_markup(run):
            if kind == "tag":
                has_tags = True
                skeleton.append(chunk if nesting.admits(chunk) else "")
            else:
                held = html.unescape(chunk) if kind == "keep" else chunk
                skeleton.append(_hold(pieces, _escape_plain(held)))
    if has_tags:
        stripped = nh3.clean("".join(skeleton), tags=set(), clean_content_tags=set(DROP_WITH_CONTENT))
        text = PLACEHOLDER.sub(lambda m: pieces[int(m.group(1))], stripped)
    else:
        text = "".join(pieces)
    return _finish(_escape_edge_hashes(text.strip()), title=True)


def _escape_edge_hashes(text: str) -> str:
    """`#` escaped at either end (what `^#+|#+$` matched; its `#+$` cost quadratic time
    on a run of `#` inside a title). A title holds no newline, where `$` would match too."""
    head = len(text) - len(text.lstrip("#"))
    tail = 0 if head == len(text) else len(text) - len(text.rstrip("#"))
    return "\\#" * head + text[head : len(text) - tail] + "\\#" * tail


def _escape_plain(text: str) -> str:
    # Each pass runs only when its character is there: most titles need none of them.
    if "[" in text or "]" in text or "`" in text:
        text = INLINE_ACTIVE.sub(lambda m: "\\" + m.group(), text)
    if "*" in text:
        text = LONE_STAR.sub(r"\\*", text)
    if "_" in text:
        text = EDGE_UNDERSCORE.sub(r"\\_", text)
    return TAG_LIKE_LT.sub("&lt;", text) if "<" in text else text


def _finish(md: str, title: bool = False) -> str:
    r"""Passes that trust no guess about code spans: a browser reads tags wherever Markdown lets
    text through raw (a code span in an HTML block), and a code span we see may not be one to
    Markdown: only fences are spared the link and attr_list checks (a code span gets a `\`).

    In a `title` every `{` of the text is escaped: the heading it becomes ends in
    `{ #id }`, which closes any `{` before it for attr_list (`x { onclick=alert(1)`)."""
    md = disarm_risky_starts(md, syntax.fence_spans(md)) if "<" in md else md
    out = []
    for run, kind in syntax.split(md):
        if kind != "fence":
            run = _disarm_links(run)
        if title and kind == "text":
            run = run.replace("{", "\\{")
        elif kind in ("text", "code") and "{" in run:  # math keeps its LaTeX groups
            run = _escape_braces(run, assignment_only=kind == "code")
        elif kind == "math" and "=" in run:  # `$$` mid-line is no math to the site: attr_list reads it
            run = escape_attribute_groups(run)
        out.append(run)
    md = "".join(out)
    return disarm_tex_html(md) if "\\" in md else md


def _hold(pieces: list[str], text: str) -> str:
    pieces.append(text)
    return f"\ue000{len(pieces) - 1}\ue001"


def _split_markup(text: str) -> list[tuple[str, str]]:
    """(chunk, kind) with kind "tag" (for nh3), "text" (checked) or "keep" (final)."""
    out: list[tuple[str, str]] = []
    pos = 0
    for start, end in markup_spans(text):
        out.append((text[pos:start], "text"))
        out.append(_classify_markup(text[start:end]))
        pos = end
    out.append((text[pos:], "text"))
    return [run for run in out if run[0]]


def _classify_markup(token: str) -> tuple[str, str]:
    autolink = AUTOLINK.fullmatch(token)
    if autolink:
        target = autolink.group(1)
        if ("@" in target and ":" not in target) or is_safe_url(target):
            return token, "keep"
        return _escape_lt(token), "keep"
    name = TAG_NAME.match(token)
    if token in TOKEN_TAGS or (name and name.group(1).lower() not in HTML_ELEMENTS):
        return _escape_lt(token), "keep"
    return token, "tag"


def _disarm_links(text: str) -> str:
    """`](target)` loses its link unless the target is external and safe: `]\\(` is literal.

    Reference definitions `[id]: javascript:...` get a backslash and stay text.
    Images `![alt](url)` become links (`\\![alt](url)`): a page never loads what a source names.
    """
    # Even where this run has no `]`: a code span may hold the alt (`![`x`](…)`). unlink_local, before
    # this, can join a `!` to a `[`.
    if "![" in text:
        text = IMAGE_OPEN.sub(r"\1\\!", text)
    if "]" not in text:  # every pattern below needs a `]`: most text has no link at all
        return text
    if "]:" in text:
        text = REFERENCE_DEFINITION.sub(_disarm_definition, text)
        text = ABBR_DEFINITION.sub(r"\1\\*[", text) if "*[" in text else text
    out, pos = [], 0
    for match in LINK_OPEN.finditer(text):
        if not link_target_is_external(text, match.end()):
            out.append(text[pos : match.end() - 1] + "\\(")
            pos = match.end()
    return "".join(out) + text[pos:]


def _escape_braces(text: str, assignment_only: bool) -> str:
    """`{` as `\\{` where attr_list could read `{...}`: on text, where the regex
    `\\{(?=:?[ ]*[^}\\n ][^\\n]*\\})` matches; in code, `\\{(?=:?[ ]*[^}\\n ][^\\n]*=[^\\n]*\\})`
    (only `{ key=value }`). Read once per line: the regexes scan to the line's end from each `{`."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if "{" in line:
            lines[index] = _escape_line_braces(line, assignment_only)
    return "\n".join(lines)


def _escape_line_braces(line: str, assignment_only: bool) -> str:
    last_close = line.rfind("}")
    equals = [m.start() for m in EQUALS.finditer(line)] if assignment_only else []
    out, pos = [], 0
    brace = line.find("{")
    while 0 <= brace < last_close:
        # `{:` reads as well without the colon (`:` is a first character), so that is enough to try.
        head = brace + 1 if line.startswith(":", brace + 1) else SPACES.match(line, brace + 1).end()  # type: ignore[union-attr]
        if head < len(line) and line[head] not in "} ":
            if assignment_only:
                after = bisect_right(equals, head)
                opens = after < len(equals) and equals[after] < last_close
            else:
                opens = head < last_close
            if opens:
                out.append(line[pos:brace] + "\\{")
                pos = brace + 1
        brace = line.find("{", brace + 1)
    return "".join(out) + line[pos:]


def _disarm_definition(match: re.Match[str]) -> str:
    if is_external_url(match.group(3)):
        return match.group()
    return match.group(1) + "\\" + match.group()[len(match.group(1)) :]


def _escape_lt(token: str) -> str:
    return token.replace("<", "&lt;").replace(">", "&gt;")

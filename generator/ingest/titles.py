"""A question's title from a block's inline Markdown: label, difficulty, citation link, safe text.

Accepts titles as people write them:

    1. What are _Large Language Models (LLMs)_ and how do they work?
    **1.** Why might over-reliance on perplexity be problematic?
    **14. In loss functions like triplet loss, what is the margin?**
    **What is supervised machine learning? 👶**
    **Possible approaches to the cold start problem? \u200d⭐️🚀**
    Q12: What is `RMSNorm`? [[src](https://arxiv.org/abs/1910.07467)]
    Why scale by $\\sqrt{d_k}$? [Hard]

The label (`1`, `Q12`) goes to `label`, the marker to `difficulty`, the citation
URL to `link`; what is left is re-rendered from markdown-it-py's inline tokens
as Markdown that can only show text, emphasis, code and math: links keep their
text, HTML is dropped, everything else that could become markup is escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import unquote

from markdown_it.token import Token

from generator.ingest.read_markdown import parser
from generator.ingest.sanitize import HTML_ELEMENTS, TAG_NAME, sanitize_markdown
from generator.ingest.tags import TOKEN_TAGS
from generator.ingest.title_labels import LABEL, former_readings, split_label
from generator.model import Difficulty

EMOJI = {"👶": "easy", "⭐": "medium", "🌟": "medium", "🚀": "hard"}
RANK: dict[Difficulty, int] = {"easy": 1, "medium": 2, "hard": 3}
DIFFICULTY_TAG = re.compile(r"[\[(](easy|medium|hard)[\])]", re.I)
TAIL_NOISE = " \t\u200d\ufe0f"
STRAY_STARS = re.compile(r"^\*{3,}(?=\S)")
CITATION_TEXT = re.compile(r"^\s*(?:src|source|sources|ref|reference|link|paper|\d{1,3}|arxiv)\s*$", re.I)
MATH_IMAGE = "render.githubusercontent.com/render/math"
ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*[]#!|~$"} | {"<": "&lt;", "&": "&amp;", ">": "&gt;"})
# `_` makes emphasis only at a word's edge; `attr_list` stays as written.
EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
# `## Title {: #id .class }`: Python-Markdown's attr_list syntax, never visible title text.
ATTR_LIST = re.compile(r"[ \t]\{:?[^{}\n]*\}[ \t]*$")
CODE_SPAN = re.compile(r"`[^`\n]*`")  # one backtick a side: enough to hide a `**kwargs`
MATH_SPAN = re.compile(r"(?<!\\)\$\S")
_INLINE = parser()


@dataclass(frozen=True)
class Title:
    text: str  # safe inline Markdown
    label: str | None = None
    link: str | None = None
    difficulty: Difficulty | None = None
    # Texts it was read as before (tokens such as `<mask>` dropped, a label kept): ids that are aliases.
    formers: tuple[str, ...] = ()


# Pictographs before a label, `### 👉 Q1: What is …?` / `## 🔥 1. What …?`: decoration, not title.
EMOJI_LEAD = re.compile(
    "^(?:[\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff][\ufe0f\u200d]*)+[ \t]+"
)


# Logseq's and Obsidian's tags after a question, "What is LoRA? #card #llm": the deck's, not the title's.
TRAILING_TAGS = re.compile(r"(?<=[?\uff1f\u061f])[ \t]+(?:#[^\W\d_][\w/-]*+[ \t]*+)++$")


def parse_title(raw: str) -> Title:
    lead = EMOJI_LEAD.match(raw)
    if lead and split_label(raw[lead.end() :])[1] is not None:
        # Read with the emoji and the label in the title until 2026-12-04, and as such without the
        # emoji where a source's markers were stripped: both ids stay aliases.
        title, before = parse_title(raw[lead.end() :]), _parse_title(raw, LABEL).text
        kept = (*title.formers, before, EMOJI_LEAD.sub("", before))
        return replace(title, formers=tuple(dict.fromkeys(kept)))
    title = _parse_title(raw, LABEL)
    formers = former_readings(raw, title.text, list(title.formers), _parse_title)
    return replace(title, formers=tuple(formers)) if formers != list(title.formers) else title


def _parse_title(raw: str, labels: re.Pattern[str]) -> Title:
    text = STRAY_STARS.sub("", " ".join(raw.split()))
    text = ATTR_LIST.sub("", text) if text.endswith("}") else text
    text, label = split_label(text, labels)
    text = STRAY_STARS.sub("", text)
    text, difficulty = split_difficulty(text)
    untagged = TRAILING_TAGS.sub("", text)
    tagged, text = (text if untagged != text else None), untagged
    inner = unwrap_strong(text)
    if inner != text:
        text = inner
        if label is None:
            text, label = split_label(text, labels)
        text, more = split_difficulty(text)
        difficulty = _harder(difficulty, more)
    rendered, link = render_inline(text)
    former = render_inline(text, keep_tokens=False)[0] if "<" in text else rendered
    formers = [former] if former != rendered else []
    if tagged is not None:  # read with its tags until 2026-12-05: that id stays an alias
        formers.append(render_inline(tagged)[0])
    return Title(rendered, label, link, difficulty, tuple(formers))


def clean_title(text: str) -> tuple[str, bool, int]:
    """(title, holds math, unbalanced dollars) for a title rendered by `render_inline`.

    It is safe by construction; the sanitiser runs once more as a second line of defence,
    as for a title: the heading it becomes ends in `{ #id }`, so a `{` in its text would
    open an attribute list (`x { onclick=alert(1)` -> `<h2 onclick=...>`).
    """
    safe = " ".join(sanitize_markdown(text, title=True).split())
    return safe, bool(MATH_SPAN.search(safe)), 0


def split_difficulty(text: str) -> tuple[str, Difficulty | None]:
    """Strip difficulty emoji (with joiners and a stray letter after them) and `[Easy]` tags at the ends."""
    level: Difficulty | None = None
    end = len(text)
    if end and text[end - 1].isalpha() and end > 1 and text[end - 2] in "️⭐🚀👶":
        end -= 1  # `‍⭐️I`: a typo after the marker
    while end and (text[end - 1] in TAIL_NOISE or text[end - 1] in EMOJI):
        if text[end - 1] in EMOJI:
            level = _harder(level, EMOJI[text[end - 1]])  # type: ignore[arg-type]
        end -= 1
    text = text[:end] if level else text.rstrip()
    for tag in (_tag_at_end(text), _tag_at_start(text)):
        if tag:
            level = _harder(level, tag.group(1).lower())  # type: ignore[arg-type]
            text = (text[: tag.start()] + text[tag.end() :]).strip()
    return text, level


def _tag_at_end(text: str) -> re.Match[str] | None:
    start = text.rfind("[") if text.endswith("]") else text.rfind("(") if text.endswith(")") else -1
    return DIFFICULTY_TAG.fullmatch(text, start) if start >= 0 else None


def _tag_at_start(text: str) -> re.Match[str] | None:
    return DIFFICULTY_TAG.match(text) if text[:1] in "[(" else None


def _harder(a: Difficulty | None, b: Difficulty | None) -> Difficulty | None:
    if a is None or b is None:
        return a or b
    return a if RANK[a] >= RANK[b] else b


def unwrap_strong(text: str) -> str:
    """`**whole title**` -> `whole title` (only when the bold spans all of it)."""
    for wrap in ("**", "__"):
        # `**What are `*args` and `**kwargs`?**`: a `**` inside code is no bold of its own.
        if (
            len(text) > 4
            and text.startswith(wrap)
            and text.endswith(wrap)
            and wrap not in _no_code(text[2:-2])
        ):
            return text[2:-2].strip()
    return text


def _no_code(text: str) -> str:
    return CODE_SPAN.sub("", text) if "`" in text else text


def render_inline(text: str, keep_tokens: bool = True) -> tuple[str, str | None]:
    """(safe inline Markdown, citation URL) from inline Markdown; without `keep_tokens` as before
    2026-12-04, when a tag-like token in a title (`<mask>`, `<s>`) was dropped."""
    tokens = _INLINE.parseInline(text)[0].children or []
    out: list[str] = []
    link: str | None = None
    depth = 0  # inside a link: its text is kept, its URL is not
    citation: list[str] = []
    href = ""
    for token in tokens:
        if token.type == "link_open":
            depth, href, citation = depth + 1, str(token.attrs.get("href", "")), []
            continue
        if token.type == "link_close":
            depth -= 1
            words = "".join(citation)
            if CITATION_TEXT.match(words) and href:
                link = link or href
                _drop_link_text(out, len(citation))
            continue
        piece = _render(token, keep_tokens)
        if depth:
            citation.append(piece)
        out.append(piece)
    rendered = _tidy_brackets(" ".join("".join(out).split()))
    if not rendered and text.strip():
        rendered = escape_text(" ".join(text.split()))
    return rendered, link


def plain_text(text: str) -> str:
    """A heading as plain words (for `section`): markup, links and HTML gone, `**Basics:**` -> `Basics`."""
    tokens = _INLINE.parseInline(text)[0].children or []
    words = "".join(t.content if t.type in ("text", "code_inline", "math_inline") else " " for t in tokens)
    return " ".join(words.split()).strip(" :")


def _drop_link_text(out: list[str], count: int) -> None:
    del out[len(out) - count :]


def _tidy_brackets(text: str) -> str:
    """A citation link written `[[src](url)]` leaves `\\[\\]` behind: drop it."""
    while text.endswith(("\\[\\]", "()")):
        text = text[: -4 if text.endswith("\\[\\]") else -2].rstrip()
    return text.replace("\\[\\]", "").replace("  ", " ").strip()


def _render(token: Token, keep_tokens: bool = True) -> str:
    kind = token.type
    if kind == "text":
        return escape_text(token.content)
    if kind in ("softbreak", "hardbreak"):
        return " "
    if kind in ("strong_open", "strong_close"):
        return "**"
    if kind in ("em_open", "em_close"):
        return "*"
    if kind in ("s_open", "s_close"):
        return "~~"
    if kind == "code_inline":
        return _code_span(token.content)
    if kind in ("math_inline", "math_inline_double"):
        return f"${token.content.strip()}$" if token.content.strip() else ""
    if kind == "image":
        return image_text(str(token.attrs.get("src", "")), token.content)
    if kind == "html_inline":
        return _inline_tag(token.content) if keep_tokens else " " * token.content.lower().startswith("<br")
    return ""


def _inline_tag(tag: str) -> str:
    """A tag in a title: `<br>` a space, markup nothing, and a token (`<mask>`, `<s>`) its text,
    as the sanitiser keeps it in an answer."""
    if tag.lower().startswith("<br"):
        return " "
    name = TAG_NAME.match(tag)
    token = tag in TOKEN_TAGS or (name is not None and name.group(1).lower() not in HTML_ELEMENTS)
    return escape_text(tag) if token else ""


def escape_text(text: str) -> str:
    text = text.translate(ESCAPE)
    return EDGE_UNDERSCORE.sub(r"\\_", text) if "_" in text else text


def image_text(src: str, alt: str) -> str:
    """GitHub's math-render images become `$…$`; other images leave their alt text."""
    formula = math_from_url(src)
    return f"${formula}$" if formula else escape_text(alt)


def math_from_url(src: str) -> str | None:
    """The TeX of a `render.githubusercontent.com/render/math?math=…` image, URL-decoded.

    Only percent escapes are decoded: these URLs write `+` as `%2B` and leave spaces raw.
    """
    if MATH_IMAGE not in src:
        return None
    start = src.find("math=", src.find(MATH_IMAGE))
    formula = unquote(src[start + 5 :]).strip() if start >= 0 else ""
    return " ".join(formula.split()) or None


def _code_span(content: str) -> str:
    longest, run = 0, 0
    for ch in content:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{fence}{pad}{content}{pad}{fence}"

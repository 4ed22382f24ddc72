"""Page junk, as data: every rule that removes text, in one table.

Sources are text pasted from web pages and social posts. Their junk comes in
a few shapes, each a `scope`:

    line     the whole line goes ("Image Source: Cognitive Class", "Similar Posts")
    inline   the matched words go; the line goes only if nothing is left
             ("... 117 million parameters. Click here")
    tail     the line and what follows, up to the next question-like line
             ("Final Words" + its paragraph, "Follow for more ... SAVE LIKE SHARE")
    labels   runs of diagram labels between paragraphs ("better / accuracy /
             larger context / window"): see `label_runs`
    caption  the last paragraph of an answer when it is a short title with no
             sentence punctuation: the caption under a figure the page pasted

Only these rules remove text silently; anything else stays in the answer. The rules
themselves are data, in `generator.ingest.junk_rules`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.ingest import junk_forum, junk_rules
from generator.ingest.junk_rules import (
    CAPTION_SENTENCE,
    LABEL_LINE,
    MAX_LABEL_CHARS,
    QUESTION_LIKE,
)
from generator.ingest.junk_rules import Rule as Rule
from generator.ingest.tree import Block, Tree

RULES: tuple[Rule, ...] = (*junk_rules.RULES, *junk_forum.RULES)
RULES_BY_SCOPE: dict[str, tuple[Rule, ...]] = {
    scope: tuple(r for r in RULES if r.scope == scope)
    for scope in ("line", "inline", "tail", "labels", "caption")
}


def _combined(scope: str, flags: int = 0) -> re.Pattern[str]:
    """All rules of a scope as one pattern, matched against the lower-cased line.

    Rule patterns are written in lower case and compiled with re.I as data; matching
    lower-cased text without re.I gives the same answer about four times faster.
    """
    rules = [r for r in RULES if r.scope == scope]
    return re.compile("|".join(f"(?:{r.pattern.pattern})" for r in rules) or "(?!)", flags)


# The line rules anchored at the line's start as one pattern (a search tries the start only).
LINE_ANCHORED = re.compile(
    "|".join(f"(?:{r.pattern.pattern})" for r in RULES_BY_SCOPE["line"] if not r.needs) or "(?!)"
)
LINE_BY_WORDS = tuple((r.needs, re.compile(r.pattern.pattern)) for r in RULES_BY_SCOPE["line"] if r.needs)
# Most lines hold none of those rules' words: one search says so for all of them.
ANY_NEEDED = re.compile("|".join(re.escape(w) for needs, _ in LINE_BY_WORDS for w in needs) or "(?!)")
INLINE_HINT = _combined("inline")
INLINE_JUNK = _combined("inline", re.I)
TAIL_START = _combined("tail")


def is_junk_line(lowered: str) -> bool:
    """`lowered`: the line in lower case (see `_combined`)."""
    if LINE_ANCHORED.search(lowered):
        return True
    if not ANY_NEEDED.search(lowered):
        return False
    return any(rule.search(lowered) for needs, rule in LINE_BY_WORDS if any(w in lowered for w in needs))


def strip_inline(text: str) -> str:
    return INLINE_JUNK.sub("", text) if INLINE_HINT.search(text.lower()) else text


def starts_tail(lowered: str) -> bool:
    return bool(TAIL_START.search(lowered))


def is_question_like(text: str) -> bool:
    return bool(QUESTION_LIKE.search(text))


def is_label_paragraph(lines: list[str]) -> bool:
    return all(len(t) <= MAX_LABEL_CHARS and LABEL_LINE.match(t) for t in lines)


def is_caption_sentence(lines: list[str]) -> bool:
    return len(lines) == 1 and bool(CAPTION_SENTENCE.match(lines[0]))


def is_heading_like(line: str) -> bool:
    """A title: capitalised words or a parenthesised expansion ('QLoRA (Quantized LoRA)')."""
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", line) if len(w) > 3]
    capitalised = sum(1 for w in words if w[0].isupper())
    return "(" in line or (bool(words) and capitalised * 2 >= len(words))


def is_prose(lines: list[str]) -> bool:
    text = " ".join(lines)
    return len(text.split()) >= 8 or text.rstrip().endswith((".", "!", "?", ":"))


def label_runs(paragraphs: list[list[str]]) -> set[int]:
    """Indexes of paragraphs that are diagram labels.

    A run starts with a label paragraph and goes on over label paragraphs and
    short caption sentences (a diagram's title/caption pairs: two or more, or
    none). It is junk when it holds at least two label lines and follows some
    other paragraph (labels never open a document).
    """
    drop: set[int] = set()
    index = 1
    while index < len(paragraphs):
        if not is_label_paragraph(paragraphs[index]):
            index += 1
            continue
        end = index
        while end < len(paragraphs) and (
            is_label_paragraph(paragraphs[end]) or is_caption_sentence(paragraphs[end])
        ):
            end += 1
        label_lines = sum(len(p) for p in paragraphs[index:end] if is_label_paragraph(p))
        captions = [i for i in range(index, end) if not is_label_paragraph(paragraphs[i])]
        if len(captions) == 1:  # one short sentence is prose, not one of a diagram's caption pairs
            if captions[0] != end - 1:
                index = end
                continue
            end -= 1
        last = paragraphs[end - 1]
        keep_last = (
            len(last) == 1
            and end < len(paragraphs)
            and is_heading_like(last[0])
            and is_prose(paragraphs[end])
            and not is_label_paragraph(paragraphs[end])
        )
        if label_lines >= 2:
            drop.update(range(index, end - 1 if keep_last else end))
        index = end
    return drop


def is_caption(lines: list[str]) -> bool:
    return (
        len(lines) == 1
        and len(lines[0].split()) <= 8
        and any(r.pattern.match(lines[0]) for r in RULES_BY_SCOPE["caption"])
    )


TAG = re.compile(r"<[^>]*>")
# A paragraph's links as their text, "[⬆ Back to top](#contents)" read as "⬆ Back to top"; only in
# lines as short as furniture is (each `[` may scan to the line's end for its `]`).
LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*\)")
MAX_LINK_LINE = 300


def is_junk_block(block: Block) -> bool:
    """Rules, bare HTML (banners, `<br>`, image-only blocks), and lines the junk table removes."""
    if block.kind == "rule":
        return True
    if block.kind == "html":  # a formula drawn by GitHub's math renderer is content (answer_math)
        if "render/math" in block.text:
            return False
        text = _without_tags(block.text)
        return len(text.split()) < 3 or is_junk_line(" ".join(text.split()).lower())
    if block.kind == "paragraph":
        text = block.text if len(block.text) > MAX_LINK_LINE else LINK.sub(r"\1", block.text)
        return is_junk_line(text.lower())
    return False


def _without_tags(text: str) -> str:
    """TAG.sub(" ", text), linear: a `<` with no `>` after it would make the regex scan to the
    end of the text from each one ('<!--<!--…'), so the tail past the last `>` is kept as is."""
    head, close, tail = text.rpartition(">")
    return TAG.sub(" ", head + close) + tail


# A chat's speaker as a heading ("## ChatGPT") is junk as a line, but its turn is content.
SPEAKER_LINE = next(r.pattern for r in junk_rules.RULES if r.name == "chat-furniture")


def without_junk_sections(tree: Tree) -> Tree:
    """A page's furniture written as headings ("More from Jane Doe", "Recommended from Medium")
    goes with the teasers under it, up to the next heading as high that is not furniture."""
    blocks: list[Block] = []
    cut = 0  # the level of the junk heading being cut, or 0
    for block in tree.blocks:
        if block.kind == "heading" and (not cut or block.level <= cut):
            lowered = " ".join(block.text.split()).lower()
            cut = block.level if is_junk_line(lowered) and not SPEAKER_LINE.search(lowered) else 0
        if not cut:
            blocks.append(block)
    return tree if len(blocks) == len(tree.blocks) else replace(tree, blocks=blocks)

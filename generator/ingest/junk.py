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

Only these rules remove text silently; anything else stays in the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Scope = Literal["line", "inline", "tail", "labels", "caption"]


@dataclass(frozen=True)
class Rule:
    name: str
    scope: Scope
    pattern: re.Pattern[str]
    description: str
    # A line rule not anchored at the line's start runs only on a line holding one of these
    # (lower case), each alternative of its pattern naming one (tests/test_junk.py checks).
    needs: tuple[str, ...] = ()


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# A diagram label: one to three words, no sentence punctuation, list marker, answer key (`1-b`) or Q-number.
NO_LABEL = r"[-*•+]\s|Q\d+[a-z]?\s*[.):]|\d+[.)]|\(?[a-hA-H][.)]\s|\d+[ \t]*[-:=][ \t]*\(?[a-hA-H]\b"
LABEL_LINE = re.compile(rf"^\s*(?!{NO_LABEL})[\w(][\w&/'’+()-]*(?:[ \t]+[\w(&][\w&/'’+()-]*){{0,2}}\s*$")
MAX_LABEL_CHARS = 60
# A short caption sentence that sits between labels ("Classifies and predicts based on existing data.").
CAPTION_SENTENCE = re.compile(r"^\s*(?![-*•+]\s|\d+[.)])[A-Za-z][\w'’-]*(?:[ \t]+[\w'’-]+){1,7}\.?\s*$")
# A figure caption or title: up to eight words, no sentence punctuation at the end.
TITLE_LINE = re.compile(r"^\s*(?![-*•+]\s|\d+[.)])[A-Z][^.!?:;,]{0,70}[^.!?:;,\s]\s*$")
QUESTION_LIKE = re.compile(r"^\s*(?:#{1,6}\s*)?(?:\*\*)?(?:Q(?:uestion)?\s*\d|\d+[.)]\s)|\?\W*$", re.I)

RULES: tuple[Rule, ...] = (
    Rule(
        "image-credit",
        "line",
        _rx(r"^\W*(?:image|photo|picture|figure|img)\s+(?:source|credits?)\s*[:\-–]"),
        "Credit lines under pasted images: 'Image Source: Cognitive Class'.",
    ),
    Rule(
        "also-read",
        "line",
        _rx(r"^\W*(?:also read|read also|read more|recommended reading)\s*[:\-–]"),
        "Links to other articles: 'Also Read: Top 7 Strategies to ...'.",
    ),
    Rule(
        "leave-a-comment",
        "line",
        _rx(r"^\W*leave a (?:comment|reply)\W*$"),
        "The comment form's heading at the end of a blog post.",
    ),
    Rule(
        "similar-posts",
        "line",
        _rx(r"^\W*(?:similar|related|recent) (?:posts|articles)\W*$"),
        "The 'Similar Posts' block heading at the end of a blog post.",
    ),
    Rule(
        "social-buttons",
        "line",
        _rx(
            r"^\W*(?:save|like|share|repost|comment|subscribe)(?:\W+(?:save|like|share|repost|comment|subscribe))*\W*$"
        ),
        "Social buttons copied as text: 'SAVE', 'LIKE', 'SHARE' on lines of their own.",
    ),
    Rule(
        "share-call",
        "line",
        _rx(
            r"^\W*(?:repost|share|save|like)\b[^.!?\n]{0,30}?"
            r"\b(?:if (?:you )?(?:found (?:this|it) )?(?:useful|helpful)"
            r"|with your (?:network|friends)|for later)\W*$"
        ),
        "A post's call to share: '♻️ Repost if useful', 'Share this with your network', 'Save for later'.",
    ),
    Rule(
        "hashtags",
        "line",
        _rx(r"^\s*#[^\W_][\w-]*(?:[\s,]+#[^\W_][\w-]*)+\s*$"),
        "A social post's line of hashtags: '#MachineLearning #DataScience #Interview'.",
    ),
    Rule(
        "carousel-furniture",
        "line",
        _rx(r"^\W*(?:\d{1,2}[ \t]?/[ \t]?\d{1,2}|swipe(?:[ \t](?:left|right|for more|to see more))?)\W*$"),
        "A carousel's slide counters and swipe hints on lines of their own: '2/10', 'Swipe →'.",
    ),
    Rule(
        "chat-furniture",
        "line",
        _rx(
            r"^\W*(?:(?:you|chatgpt|claude|gemini|copilot|assistant|user) said:?\W*$"
            r"|would you like (?:me to|more)\b|do you want me to\b|want me to\b|shall i\b"
            r"|let me know if you(?:'d| would)? (?:like|want)\b)"
        ),
        "A chat export's speaker lines ('ChatGPT said:') and the assistant's closing offer "
        "('Would you like more questions on evaluation?', 'Let me know if you want ...').",
    ),
    Rule(
        "promo-intro",
        "line",
        _rx(r"learn everything there is to know about|so let[’']s (?:get started|begin|dive in)\b"),
        "Promotional intro lines: 'Learn everything there is to know about ... with our ... Program', "
        "'... So let's get started with ...'.",
        needs=("learn everything there is to know about", "so let"),
    ),
    Rule(
        "promo-outro",
        "line",
        _rx(
            r"^\W*in this article,? we(?: have)? (?:seen|covered|discussed|looked at)\b"
            r"|\bcheck out our\b[^!]*!\s*$"
        ),
        "Promotional outro lines: 'In this article, we have seen ...', "
        "'Want to learn ...? Check out our GenAI Roadmap ...!'.",
        needs=("in this article", "check out our"),
    ),
    Rule(
        "empty-anchor",
        "line",
        _rx(r"^\s*<a\s[^<>]{0,300}>\s*</a>\s*$"),
        "A link target with no text on a line of its own: `<a id='ml'></a>` over a notebook section.",
    ),
    Rule(
        "click-here",
        "inline",
        _rx(r"(?:^|(?<=[.!?)]))\s*click here\b[^.!?\n]{0,60}[.!]?\s*$"),
        "A dead 'Click here' link text at the end of a line (after a sentence, or alone).",
    ),
    Rule(
        "final-words",
        "tail",
        _rx(r"^\W*(?:final words|final thoughts|closing thoughts)\W*$"),
        "A closing 'Final Words' heading and its promotional paragraph, up to the next question.",
    ),
    Rule(
        "more-answers-here",
        "tail",
        _rx(
            r"^[#>*_\s]*(?:explore|see|find|read|get|view|check)\b[^.!?\n]{0,40}?"
            r"\b(?:answers|questions)\b[^.!?\n]{0,30}?\bhere\b"
        ),
        "A pointer to the rest of a collection elsewhere, and what follows it: "
        "'Explore all 63 answers here 👉 […]' with the site's banner, under a README's last answer.",
    ),
    Rule(
        "follow-for-more",
        "tail",
        _rx(r"^\W*follow(?:\s+(?:us|me|@\w+))?\s+for\s+more\b"),
        "A social post's call to action: 'Follow for more AI/ML posts', then 'SAVE', 'LIKE', 'SHARE'.",
    ),
    Rule(
        "diagram-labels",
        "labels",
        LABEL_LINE,
        "Words from a pasted diagram between an answer's paragraphs: two or more paragraphs of one- "
        "to three-word lines ('better / accuracy', 'larger context / window'), with the short "
        "captions between them. A last title-like line right before prose ('QLoRA (Quantized LoRA)') "
        "is a heading and stays.",
    ),
    Rule(
        "figure-caption",
        "caption",
        TITLE_LINE,
        "A short title with no sentence punctuation as the last paragraph of an answer, after its "
        "prose: the caption of a pasted figure ('The Cycle of Prompt Engineering').",
    ),
)

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
INLINE_HINT = _combined("inline")
INLINE_JUNK = _combined("inline", re.I)
TAIL_START = _combined("tail")


def is_junk_line(lowered: str) -> bool:
    """`lowered`: the line in lower case (see `_combined`)."""
    if LINE_ANCHORED.search(lowered):
        return True
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

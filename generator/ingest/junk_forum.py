"""Junk rules for threads copied from forums (Reddit, Hacker News, Stack Exchange): the
bylines, timestamps, vote counts and buttons around each post. Data, as junk_rules is;
`generator.ingest.junk` applies both tables."""

from __future__ import annotations

import re

from generator.ingest.junk_rules import Rule

AGO = r"\d{1,3}[ \t]*(?:s|m|h|d|w|y|mo|mins?|hrs?|seconds?|minutes?|hours?|days?|weeks?|months?|years?)"
VOTES = r"\d[\d,.]{0,8}k?[ \t]+(?:upvotes?|points?|votes?)"

RULES: tuple[Rule, ...] = (
    Rule(
        "forum-byline",
        "line",
        re.compile(
            rf"^\W*(?:posted[ \t]+by[ \t]+)?u/[\w-]{{3,30}}(?:[ \t]+op)?[ \t]*[·•][ \t]*{AGO}"
            r"(?:[ \t]+ago)?\W*$"
            rf"|^\W*\d{{1,6}}[ \t]+points?[ \t]+by[ \t]+\S{{2,30}}[ \t]+{AGO}[ \t]+ago\b"
            rf"|^\W*\S{{2,30}}[ \t]+{AGO}[ \t]+ago[ \t]*\|[ \t]*(?:parent|next|prev|root|on:)\b",
            re.I,
        ),
        "A forum post's byline on a line of its own: Reddit's 'Posted by u/name · 3d', "
        "Hacker News' '412 points by name 5 hours ago | hide | past' and 'name 4 hours ago | next [–]'.",
    ),
    Rule(
        "forum-furniture",
        "line",
        re.compile(
            r"^\W*(?:(?:asked|modified|viewed|answered|edited|active)\b[^.!?\n]{0,40}?"
            r"(?:\bago|\btimes|\bat[ \t]+\d{1,2}:\d{2})"
            r"|(?:share[ \t]+)?(?:cite[ \t]+)?improve[ \t]+this[ \t]+(?:question|answer)(?:[ \t]+follow)?"
            r"|add[ \t]+a[ \t]+comment|more[ \t]+replies(?:[ \t]*\(\d+\))?|continue[ \t]+this[ \t]+thread"
            r"|sort(?:ed)?[ \t]+by:?[ \t]+[\w ()]{1,40}|\d{1,4}[ \t]+answers?|share|cite|follow"
            rf"|(?:(?:reply|share|save|report|award)[ \t]+){{0,4}}{VOTES}"
            r"(?:[ \t]*[·•][ \t]*\d[\d,.]{0,8}k?[ \t]+comments?)?)\W*$",
            re.I,
        ),
        "What a forum prints around posts: Stack Exchange's 'Asked 3 years ago', 'Viewed 48k times', "
        "'Improve this question', 'Add a comment', '2 Answers', 'Sorted by: Highest score'; Reddit's "
        "'342 upvotes · 87 comments', 'Reply  Share  214 points', 'More replies (12)', 'Sort by: Best'.",
    ),
)

"""The junk rules of `generator.ingest.junk`, as data: one table, each rule with its scope
(see that module), its pattern and a description of what it removes.

Call-to-action patterns start after a courtesy lead-in a post puts before them ("Hope this
helps!", "If you liked this, clap and", "Like this list?"): CTA_LEAD.
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


CTA_LEAD = (
    r"^\W*(?:hope (?:this|it) helps\W+|if you (?:liked|enjoyed|found)\b[^.!?\n]{0,40}?(?:\band\s+|,\s*)"
    r"|(?:did you )?(?:like|enjoy|liked|enjoyed) (?:this|these|it)\b[^.!?\n]{0,30}?[?!]\W*"
    r"|if (?:this|it)\b[^.!?\n]{0,40}?\bhelped\b[^.!?\n]{0,20}?,\s*)?"
)
# Who speaks in a chat export ("ChatGPT said:", "User: …"); the labelled reader ends an answer at one.
CHAT_SPEAKERS = r"(?:user|you|me|human|chatgpt|gpt-4o?|assistant|claude|gemini|copilot|bard)"
SHARE_SITES = r"(?:twitter|facebook|linkedin|x|reddit|email|whatsapp|telegram|pinterest|print)"
SOCIAL_SITES = r"(?:linkedin|twitter|x|medium|github|youtube|instagram|substack|threads|bluesky)"
BUTTON = r"(?:save|like|share|repost|restack|comment|subscribe|reply|clap|send|leave a comment)"
COUNT = r"\d[\d,.]{0,12}[km]?[ \t]+(?:reactions?|likes?|comments?|reposts?|views?|retweets?|bookmarks?)"


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
        "back-to-top",
        "line",
        _rx(r"^\W*(?:back|go|return|scroll|jump)\s+to\s+(?:the\s+)?(?:top|(?:table of )?contents|index)\W*$"),
        "A README's navigation link under each answer: '**[⬆ Back to top](#table-of-contents)**', "
        "'↥ back to top' (in an HTML block too).",
    ),
    Rule(
        "site-furniture",
        "line",
        _rx(
            r"^\W*(?:(?:next|previous|prev)\s+(?:article|post)|advertise with us"
            rf"|share this\W*(?:{SHARE_SITES}(?:\W+{SHARE_SITES})*\W*)?"
            r"|thanks? (?:you )?(?:so much )?for reading\b.*"
            r"|written by\s+[^.!?\n]{1,60}|more from\s+[^.!?\n]{1,60}|recommended from medium"
            r"|similar reads|responses from readers|discussion about this post|ready for more\??"
            r"|top comments(?:\s*\(\d+\))?|learn latest tutorials|send your feedback to\b.*"
            r"|was this (?:article|post|page|answer) helpful\??|rate this (?:article|post)\b.*"
            r"|improve article|save article|report issue|submit reply"
            r"|made with\s+(?:❤|♥|love)\S*\s+by\b.*"
            r"|(?:image|photo)\s+(?:by|from|via|courtesy of)\s+(?:the\s+)?author)$"
        ),
        "A page's furniture around an article: 'Next Article', 'Advertise with us', 'Share this: "
        "Twitter Facebook', the sign-off 'Thanks for reading! ... give it a clap', Medium's "
        "'Written by …' / 'Recommended from Medium', GeeksforGeeks' 'Similar Reads' / 'Was this "
        "article helpful?' / 'Improve Article', Substack's 'Discussion about this post', dev.to's "
        "'Top comments (3)', 'Made with ❤️ by …', 'Image by author'.",
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
        _rx(rf"^\W*{BUTTON}(?:\W+{BUTTON})*\W*$"),
        "Social buttons copied as text: 'SAVE', 'LIKE', 'SHARE' on lines of their own, LinkedIn's "
        "'Like  Comment  Repost  Send', Substack's 'Share · Leave a comment'.",
    ),
    Rule(
        "reaction-counts",
        "line",
        _rx(rf"^\W*{COUNT}(?:\W+{COUNT})*\W*$"),
        "A post's counters on a line of their own: '1,284 reactions · 97 comments', '312.4K Views'.",
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
        "call-to-action",
        "line",
        _rx(
            CTA_LEAD + r"(?:re-?(?:post|share)\b"
            r"|subscribe\b[^.!?\n]{0,40}?\b(?:newsletter|channel|blog|substack|mailing list)\b"
            r"|share (?:this|these)\s+(?:post|article|quiz|list|thread|page|guide|carousel|questions?)\b"
            r"|join\s+(?:our|my)\b[^.!?\n]{0,40}?\b(?:group|community|channel|server|discord|telegram"
            r"|whatsapp|slack)\b"
            rf"|follow\s+(?:me|us)\s+(?:on\s+{SOCIAL_SITES}\b|@\w)"
            r"|(?:please\s+)?(?:give|leave)\s+(?:it|the|this|our|my)\s+(?:(?:repo|repository|project)\s+)?a\s+(?:⭐|star)"
            r"|(?:please\s+)?[*_]{0,2}upvote\b|buy me a coffee\b"
            r"|star\s+(?:the|this|our|my)\s+(?:repo|repository)\b"
            r"|drop\s+a\s+(?:❤|♥|👍|like|heart|clap)"
            r"|(?:欢迎|请)?关注[^\n]{0,20}?(?:公众号|微信))"
        ),
        "A post's calls to act, on lines of their own: '♻️ Repost to help someone in your network', "
        "'Subscribe to my newsletter: ...', 'Share this quiz with your study group!', 'Join our "
        "WhatsApp group ...', 'Follow me on LinkedIn ...', '欢迎关注我的公众号 ...'; also after "
        "'Hope this helps!'.",
    ),
    Rule(
        "comments-call",
        "line",
        _rx(
            r"\b(?:drop|share|tell (?:me|us)|let (?:me|us) know|leave|write|post)\s+"
            r"(?:(?:it|them|yours|your\s+\w+|a\s+\w+)\s+)?(?:below\s+)?in the comments\b"
            r"|\bcomment below\W*$"
        ),
        "A post's call for comments, with the question before it: 'Which one would you add? Drop "
        "it in the comments!'.",
        needs=("the comments", "comment below"),
    ),
    Rule(
        "hashtags",
        "line",
        _rx(r"^\s*(?:tags?\s*:\s*)?#[^\W_][\w-]*(?:[\s,]+#[^\W_][\w-]*)+\s*$"),
        "A social post's line of hashtags: '#MachineLearning #DataScience #Interview'.",
    ),
    Rule(
        "carousel-furniture",
        "line",
        _rx(r"^\W*(?:\d{1,2}[ \t]?/[ \t]?\d{1,2}|swipe(?:[ \t](?:left|right|for more|to see more))?)\W*$"),
        "A carousel's slide counters and swipe hints on lines of their own: '2/10', 'Swipe →'.",
    ),
    Rule(
        "byline-handle",
        "line",
        _rx(
            r"^\W{0,3}(?:[^\W\d_][\w.'’-]*(?:[ \t]+[^\W\d_][\w.'’-]*){0,3}[ \t]*[|·•—–-][ \t]*)?"
            r"@[\w.]{2,30}\W{0,3}$"
        ),
        "A carousel's or a post's byline on a line of its own, on every slide: "
        "'Priya Sharma | @priya.builds.ai', '@ml.daily'.",
        needs=("@",),
    ),
    Rule(
        "outline-properties",
        "line",
        _rx(r"^\W{0,3}(?:card-[a-z-]+|collapsed|id)::[ \t]"),
        "A Logseq block's properties, one a line: 'card-next-schedule:: 2024-06-01', 'collapsed:: true'.",
        needs=("::",),
    ),
    Rule(
        "chat-furniture",
        "line",
        _rx(
            rf"^\W*(?:{CHAT_SPEAKERS} said:?\W*$"
            r"|would you like (?:me to|more)\b|do you want me to\b|want me to\b|shall i\b"
            r"|let me know if you(?:'d| would)? (?:like|want)\b"
            r"|is this conversation helpful so far\b|get smarter responses\b|shared conversation\W*$"
            r"|(?:chatgpt|claude|gemini|copilot)(?:[ \t]+\d[\w.]{0,6})?\W*$"
            r"|(?:dislike|regenerate|good response|bad response)\W*$)"
        ),
        "A chat export's speaker lines ('ChatGPT said:'), the assistant's closing offer "
        "('Would you like more questions on evaluation?', 'Let me know if you want ...') "
        "and the page's buttons and rating prompt ('Dislike', 'Regenerate', "
        "'Is this conversation helpful so far?').",
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
        "follow-me-on",
        "inline",
        _rx(rf"(?:^|(?<=[.!?]))\s*follow (?:me|us) on {SOCIAL_SITES}\b[^.!?\n]{{0,60}}[.!]*\s*$"),
        "An author's 'Follow me on LinkedIn.' at the end of a line (after a sentence, or alone).",
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
        _rx(
            CTA_LEAD + r"(?:clap\W+and\s+)?follow(?:\s+(?:us|me|@\w+))?(?:\s+on\s+" + SOCIAL_SITES + r")?"
            r"\s+for\s+more\b"
            r"|^\W*follow\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,2}\s+for\s+(?:more|daily|weekly)\s+(?:[\w/&-]+\s+){0,3}?"
            r"(?:content|posts?|tips|updates|insights|questions|notes|resources|threads)\b"
            r"|^\W*follow\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,2}\s+for\s+more\W*$"
        ),
        "A social post's call to action: 'Follow for more AI/ML posts', 'Follow me on LinkedIn for "
        "more ...', '➕ Follow Jane Doe for more AI career tips', then 'SAVE', 'LIKE', 'SHARE'.",
    ),
    Rule(
        "post-timestamp",
        "tail",
        _rx(r"^\W*\d{1,2}:\d{2}[ \t]?[ap]m[ \t]*·[ \t]*[a-z]{3,9}\.?[ \t]+\d{1,2},[ \t]+\d{4}\W*$"),
        "A thread's last post's time, '9:14 AM · Feb 3, 2024', and the counters after it.",
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

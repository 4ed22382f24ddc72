"""Each junk rule: what it removes, and what it keeps."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest import clean, junk
from tests.support.docs import doc_of as _doc_of


def doc_of(text: str):
    return _doc_of(text, "p.txt")


def stripped(text: str) -> list[str]:
    doc, problems = clean.strip_junk(doc_of(text))
    assert problems == []
    return [line.text for line in doc.lines]


# (rule name, text it removes, text it keeps)
CASES = [
    ("image-credit", "Image Source: Cognitive Class", "The image source is the training data."),
    ("also-read", "Also Read: Top 7 Strategies to Mitigate Hallucinations", "We also read the logs: daily."),
    ("leave-a-comment", "Leave a comment", "Leave a comment in the code when you change the loss."),
    ("similar-posts", "Similar Posts", "Similar posts get similar embeddings."),
    ("social-buttons", "SAVE", "Save the checkpoint every epoch."),
    (
        "promo-intro",
        "Learn everything there is to know about generative ai with our Program.",
        "Models learn everything from data.",
    ),
    (
        "promo-outro",
        "In this article, we have seen different interview questions.",
        "In this article the authors propose LoRA.",
    ),
    ("share-call", "♻️ Repost if useful", "Share weights across layers if useful for memory."),
    ("hashtags", "#MachineLearning #DataScience #Interview", "#include <vector> and #define are C++."),
    ("carousel-furniture", "2/10", "The ratio is 2/10 of the batch."),
    (
        "chat-furniture",
        "Would you like more questions on evaluation?",
        "Would you like to work on recommender systems?",
    ),
    ("chat-furniture", "Dislike", "Dislike of long prompts is common."),
    ("chat-furniture", "Is this conversation helpful so far?", "Is this model helpful so far?"),
    ("byline-handle", "Priya Sharma | @priya.builds.ai", "Ask @support for a key: they reply fast."),
    ("byline-handle", "@ml.daily", "Mention @ml.daily in the post."),
    ("outline-properties", "card-next-schedule:: 2024-06-01", "What is RoPE?::Rotary embeddings"),
    ("final-words", "Final Words", "The final words of a prompt matter."),
    ("empty-anchor", "<a id='ml'></a>", '<a href="https://arxiv.org/abs/1706.03762">Attention</a>'),
    ("follow-for-more", "**Follow for more", "Follow the steps for more accuracy: first, ..."),
    (
        "follow-for-more",
        "➕ Follow Jane Doe for more AI career tips.",
        "Gradients follow the slope for more steps.",
    ),
    ("follow-for-more", "👉 Follow me on LinkedIn for more ML content!", "Follow the data for more insight."),
    (
        "follow-for-more",
        "*If you liked this, clap 👏 and follow me for more!*",
        "If you liked SGD, try Adam.",
    ),
    ("call-to-action", "♻️ Repost to help someone in your network.", "Reposition the window by one token."),
    (
        "call-to-action",
        "Subscribe to my newsletter: https://example.org",
        "Subscribe the callback to the bus.",
    ),
    ("call-to-action", "*Share this quiz with your study group! 🔁*", "Share weights across layers."),
    ("call-to-action", "Join our WhatsApp group for daily questions!", "Join the two tables on the key."),
    ("call-to-action", "Hope this helps! ♻️ Repost if you found it useful", "Hope this helps the gradients."),
    ("call-to-action", "欢迎关注我的公众号「AI面试笔记」，获取更多面试资料！", "注意力机制关注重要的词。"),
    (
        "comments-call",
        "💡 Which one would you add? Drop it in the comments!",
        "Post-processing is in the comments.",
    ),
    ("follow-me-on", "Follow me on LinkedIn.", "Follow the plan on day one."),
    ("back-to-top", "**⬆ Back to top**", "Gradients flow back to the top layers."),
    ("back-to-top", "↥ back to top", "Go back to the top of the loop and retry."),
    ("site-furniture", "Next Article", "The next article in the series covers LoRA."),
    ("site-furniture", "Written by Jane Doe", "Written by a model, the text reads fluently."),
    ("site-furniture", "Recommended from Medium", "Recommended from the paper: a warmup of 4,000 steps."),
    ("site-furniture", "Was this article helpful?", "Was this feature helpful to the model?"),
    ("site-furniture", "Top comments (3)", "Top comments mention the learning rate."),
    ("site-furniture", "Made with ❤️ by [@dev](https://x.y)", "Made with care, the dataset is balanced."),
    ("site-furniture", "Image by author", "Image by image, the batch is built."),
    ("social-buttons", "Like · Comment · Restack", "Like a stack, the queue holds items."),
    ("social-buttons", "Like  Comment  Repost  Send", "Send the batch to the GPU."),
    ("social-buttons", "Share · Leave a comment", "Share the KV cache."),
    ("reaction-counts", "1,284 reactions · 97 comments", "1,284 reactions happen per second in the cell."),
    ("reaction-counts", "312.4K Views", "312 views of the same table."),
    ("post-timestamp", "9:14 AM · Feb 3, 2024", "At 9:14 AM the job restarted."),
    ("forum-byline", "Posted by u/throwaway_mle_2024 · 3d", "Posted by the scheduler every 3 days."),
    ("forum-byline", "412 points by mlhiring 5 hours ago | hide | past", "412 points by the model lie."),
    ("forum-byline", "karpathy_fan 4 hours ago | next [–]", "The model saw it 4 hours ago."),
    ("forum-furniture", "Viewed 48k times", "Viewed as a graph, attention is message passing."),
    ("forum-furniture", "Share Cite Improve this question Follow", "Share the cache to improve this."),
    ("forum-furniture", "Reply  Share  214 points", "Reply with 214 points of evidence."),
    ("forum-furniture", "Sorted by: Highest score (default)", "Sorted by score, the beams are pruned."),
    (
        "call-to-action",
        "If you found this useful, follow me @svpino and retweet the first tweet ♻️",
        "Follow me @ the next slide: the loss drops.",
    ),
    ("follow-for-more", "Follow Aishwarya Rao for more.", "Follow the gradient for more steps."),
    ("hashtags", "Tags: #sql #interview", "Tags: the labels of each example."),
    (
        "call-to-action",
        "If you found this notebook helpful, please **upvote** it! 👍",
        "If you found the minimum, stop the search.",
    ),
    ("call-to-action", "⭐ If this repo helped you, please give it a star!", "If this helped, keep it."),
    ("call-to-action", "*If you enjoyed this, buy me a coffee ☕*", "If you enjoyed the course, try Adam."),
    ("site-furniture", "**Share this:** Twitter Facebook", "Share this: the weights are tied."),
    (
        "site-furniture",
        "Thanks for reading! If you enjoyed this, give it a clap 👏 and follow me for more.",
        "Thanks to reading order, RNNs see one token at a time.",
    ),
    (
        "call-to-action",
        "*If you liked this post, subscribe to my newsletter!*",
        "If you liked the model, subscribe it to the event bus.",
    ),
    (
        "call-to-action",
        "Like this list? Give the repo a ⭐ and share it with your friends!",
        "Like this list, a tuple keeps its order.",
    ),
    ("call-to-action", "Hope this helps! Drop a ❤️ if you found it useful.", "Drop a layer if it overfits."),
    ("comments-call", "Did you find this useful? Let me know in the comments!", "Let me know the loss."),
    ("comments-call", "Which one surprised you? Comment below 👇", "Comment the code below the loop."),
    (
        "more-answers-here",
        "#### Explore all 63 answers here 👉 [Devinterview.io - LLMs](https://devinterview.io/)",
        "Find the answers to these questions in the attention paper.",
    ),
]


@pytest.mark.parametrize(("name", "removed", "kept"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_removes_junk_and_keeps_content(name, removed, kept):
    rule = next(r for r in junk.RULES if r.name == name)
    assert rule.pattern.search(removed)
    assert not rule.pattern.search(kept)
    assert stripped(f"Q1. What?\n{kept}") == ["Q1. What?", kept]
    assert removed not in stripped(f"Q1. What?\n{kept}\n{removed}")


def test_every_rule_has_a_test_and_a_description():
    tested = {c[0] for c in CASES} | {"click-here", "diagram-labels", "figure-caption"}
    assert {r.name for r in junk.RULES} == tested
    assert all(len(r.description) > 20 for r in junk.RULES)


def test_an_authors_follow_me_goes_and_the_sentence_before_it_stays():
    assert stripped("I am an NLP engineer. Follow me on LinkedIn.") == ["I am an NLP engineer."]
    assert stripped("Follow me on LinkedIn for details") == []


def test_click_here_goes_but_the_line_stays():
    assert stripped("- GPT-2 Small has 117 million parameters. Click here") == [
        "- GPT-2 Small has 117 million parameters."
    ]
    assert stripped("Phi-3 scores 69% on MMLU. Click here.") == ["Phi-3 scores 69% on MMLU."]
    assert stripped("Users click here and there, so log every click.") == [
        "Users click here and there, so log every click."
    ]


def test_tail_rules_stop_at_the_next_question():
    text = "Final Words\n\nIn conclusion, buy our course.\n\nWhat is next?\nAn answer."
    assert stripped(text) == ["What is next?", "An answer."]
    assert stripped("- Cost: high.\n**Follow for more\nAI/ML posts**\nSAVE\nLIKE\nSHARE") == ["- Cost: high."]


def test_diagram_labels_between_paragraphs_go():
    text = (
        "Ans - GPT-4 improves on GPT-3:\n\nbetter\naccuracy\n\nlarger context\nwindow\n\nmultimodal\n\n"
        "- **Multimodal:** text and images."
    )
    assert [t for t in stripped(text) if t] == [
        "Ans - GPT-4 improves on GPT-3:",
        "- **Multimodal:** text and images.",
    ]


def test_diagram_labels_with_short_captions_between_them_go():
    text = (
        "Intro paragraph about the two kinds of model.\n\nPredictive AI\n\nClassifies existing data.\n\n"
        "Generative AI\n\nCreates new data samples.\n\nGenerative AI:\n\n- Focuses on new samples."
    )
    kept = [t for t in stripped(text) if t]
    assert kept == [
        "Intro paragraph about the two kinds of model.",
        "Generative AI:",
        "- Focuses on new samples.",
    ]


def test_a_heading_before_prose_and_a_single_label_stay():
    text = (
        "Ans - Two methods.\n\nLoRA (Low-Rank Adaptation)\n\nLoRA adds low-rank matrices to the layers.\n\n"
        "Some common examples\n\n- Learning rate"
    )
    assert [t for t in stripped(text) if t] == [
        "Ans - Two methods.",
        "LoRA (Low-Rank Adaptation)",
        "LoRA adds low-rank matrices to the layers.",
        "Some common examples",
        "- Learning rate",
    ]
    text = (
        "Ans - Two methods.\n\nQLoRa\n\nQLoRA (Quantized LoRA)\n\n"
        "QLoRA quantizes the frozen weights to 4 bits."
    )
    assert [t for t in stripped(text) if t] == [
        "Ans - Two methods.",
        "QLoRA (Quantized LoRA)",
        "QLoRA quantizes the frozen weights to 4 bits.",
    ]


def test_short_lines_of_a_document_without_blank_lines_stay():
    text = "Q1. What?\nEncoder-Decoder Architecture\nIt has two stacks.\nKey Characteristics:\n- fast"
    assert stripped(text) == text.split("\n")


def test_line_numbers_are_kept():
    doc, _ = clean.strip_junk(doc_of("Q1. What?\nImage Source: X\nAn answer."))
    assert [(line.no, line.text) for line in doc.lines] == [(1, "Q1. What?"), (3, "An answer.")]


def test_figure_caption_ending_an_answer_goes_and_a_last_sentence_stays():
    assert junk.is_caption(["The Cycle of Prompt Engineering"])
    assert not junk.is_caption(["This helps the model focus."])
    assert not junk.is_caption(["- a list item"])


@pytest.mark.parametrize(("name", "removed", "kept"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rules_ignore_case(name, removed, kept):
    assert stripped(f"Q1. What?\n{removed.upper()}") == ["Q1. What?"]
    assert stripped(f"Q1. What?\n{removed.lower()}") == ["Q1. What?"]


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex source (not those inside a group or a class)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


LINE_RULES = [r for r in junk.RULES if r.scope == "line"]
WITH_NEEDS = [r for r in LINE_RULES if r.needs]


@pytest.mark.parametrize("rule", WITH_NEEDS, ids=[r.name for r in WITH_NEEDS])
def test_every_alternative_of_a_rule_names_one_of_its_needs(rule):
    """`needs` lets is_junk_line skip the regex on a line without them: each way the
    pattern can match must hold one of them as plain text."""
    assert all(w == w.lower() and not re.search(r"[\\.*+?()\[\]{}|^$]", w) for w in rule.needs)
    for alternative in _alternatives(rule.pattern.pattern):
        assert any(w in alternative for w in rule.needs), (rule.name, alternative)


def test_unanchored_line_rules_declare_their_needs():
    """A line rule that may match anywhere in the line has `needs` (else each line is scanned)."""
    for rule in LINE_RULES:
        anchored = all(a.startswith("^") for a in _alternatives(rule.pattern.pattern))
        assert anchored or rule.needs, rule.name


LINE_WORDS = [w for r in LINE_RULES for w in r.needs] + [
    "image source:", "also read:", "leave a comment", "similar posts", "save", "like", "share", "#ai #ml",
    "2/10", "swipe", "you said:", "would you like me to", "in this article, we have seen", "check out our",
    "so let's get started", "so let’s dive in", "!", " ", "-", ".", "\u2014", "x",
    "repost", "hope this helps", "subscribe to my newsletter", "join our group", "follow me on linkedin",
    "关注公众号", "drop it in the comments", "post ", "your ",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINE_WORDS) | st.text(max_size=8), max_size=8).map("".join))
def test_is_junk_line_is_any_line_rule(text):
    lowered = text.lower()
    every = any(re.compile(r.pattern.pattern).search(lowered) for r in LINE_RULES)
    assert junk.is_junk_line(lowered) == every


def test_repeated_short_q_numbered_lines_are_questions_not_diagram_labels():
    # Found by test_properties: two `Q1) Model model` paragraphs read as a diagram's labels and
    # were dropped without a word.
    text = "Model model\n\nQ1. Model model?\n\nQ1) Model model\n\nQ1) Model model\n"
    doc, _ = clean.strip_junk(doc_of(text))
    assert [line.no for line in doc.lines if line.text.startswith("Q1)")] == [5, 7]

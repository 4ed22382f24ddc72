"""A chat transcript's turns as questions: who speaks is a line of its own.

Chat exporters and people who paste a conversation into notes name each speaker on a
heading or a paragraph of its own, and the turn follows:

    ## Prompt:                    ### User              **You:**
    What is RoPE?                 What is QLoRA?        What is RAG?
    ## Response:                  ### Assistant         **ChatGPT:**
    Rotary position …             QLoRA quantises …     ### Definition …

Read as headings, every turn would be a question named "Prompt:". Here each asking turn
and the reply after it become one `<details>`-like unit (the prompt its summary, the
reply its body), which the segmenter reads as one question. A prompt that asks for
questions ("Give me 5 interview questions on RAG") is a request, not a question: its
reply is left in place, and the segmenter finds the questions in it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from generator.ingest.tree import Block, Tree
from generator.model import Line

# The asking side and the answering side; a trailing "said" is how ChatGPT's page names them.
ASKING = r"user|you|me|human|prompt|question|q|interviewer"
ANSWERING = (
    r"assistant|chatgpt|chat ?gpt|gpt(?:-?\d[\w.]*)?|claude|gemini|copilot|bard|bing|perplexity|deepseek"
    r"|llama|mistral|ai|bot|chatbot|model|response|answer|a|candidate"
)
SPEAKER = re.compile(
    rf"(?P<ask>{ASKING})|(?P<answer>{ANSWERING})",
    re.I,
)
# Speakers that only a chat has: one pair of them is a transcript. "Question" / "Answer"
# headings are a transcript's only where they alternate at least twice.
CHAT_ONLY = re.compile(r"user|you|human|assistant|chatgpt|chat ?gpt|gpt.*|claude|gemini|copilot|bard", re.I)
MIN_PAIRS = 2
MAX_LABEL = 24
# A reply that holds questions of its own: a line, item or heading ending with a question mark.
ASKS = ("?", "\uff1f", "\u061f")
MIN_HELD = 2
# A prompt that asks for questions rather than asking one.
REQUEST = re.compile(r"\b(?:questions?|quiz|flash ?cards?|mcqs?|interview)\b", re.I)


def fold_turns(tree: Tree) -> Tree:
    """The tree with each asking turn and its reply as one details unit, or the tree itself."""
    blocks = tree.blocks
    speakers = [(i, side) for i, block in enumerate(blocks) if (side := speaker(block))]
    nexts = [j for j, _ in speakers[1:]] + [len(blocks)]
    end_of = {i: _turn_end(blocks, i, nexts[n]) for n, (i, _) in enumerate(speakers)}
    next_of = {i: nexts[n] for n, (i, _) in enumerate(speakers)}
    pairs = [
        (i, j)
        for (i, a), (j, b) in itertools.pairwise(speakers)
        if a == "ask" and b == "answer" and end_of[i] == j
    ]
    chat = any(CHAT_ONLY.fullmatch(_label(blocks[i])) for i, _ in pairs)
    if len(pairs) < (1 if chat else MIN_PAIRS):
        return tree
    out = list(blocks[: speakers[0][0]])
    replies = dict(pairs)
    answered = set(replies.values())
    for i, _ in speakers:
        body = blocks[i + 1 : end_of[i]]
        if i in replies:
            j = replies[i]
            reply = blocks[j + 1 : end_of[j]]
            out += _turn(blocks[i], body, reply) if body else reply
            out += blocks[end_of[j] : next_of[j]]  # a heading above the turns: the next conversation
        elif i not in answered:  # a turn no pair holds keeps its blocks, not its label
            out += blocks[i + 1 : next_of[i]]
    return replace(tree, blocks=out)


def _turn_end(blocks: list[Block], at: int, stop: int) -> int:
    """Where the turn under the speaker at `at` ends: at the next speaker, or before that at a
    heading shallower than a speaker's heading (a new conversation's title)."""
    if blocks[at].kind != "heading":
        return stop
    level = blocks[at].level
    return next(
        (k for k in range(at + 1, stop) if blocks[k].kind == "heading" and blocks[k].level < level), stop
    )


def speaker(block: Block) -> str | None:
    """ "ask" or "answer" for a heading or a paragraph that only names a speaker."""
    if block.kind not in ("heading", "paragraph"):
        return None
    label = _label(block)
    found = SPEAKER.fullmatch(label) if label else None
    if found is None:
        return None
    return "ask" if found["ask"] else "answer"


def _label(block: Block) -> str:
    text = block.text.strip()
    if len(text) > MAX_LABEL + 8 or "\n" in text:
        return ""
    words = re.sub(r"[*_]", "", text).strip().rstrip(":").strip()
    words = re.sub(r"(?i)[ \t]+said$", "", words)
    return words if len(words) <= MAX_LABEL else ""


def _turn(asker: Block, prompt: list[Block], reply: list[Block]) -> list[Block]:
    first = prompt[0]
    if first.kind != "paragraph" or (_requests(first.text) and _holds_questions(reply)):
        return [*prompt, *reply]
    summary = Block("summary", first.line, first.end, text=first.text, markdown=first.markdown)
    end = (reply or prompt)[-1].end
    return [Block("details", asker.line, end, children=[summary, *prompt[1:], *reply])]


def _requests(text: str) -> bool:
    return not text.rstrip(" *_").endswith(ASKS) or bool(REQUEST.search(text))


def _holds_questions(reply: list[Block]) -> bool:
    held = 0
    for block in reply:
        parts = block.children if block.kind == "list" else [block]
        for part in parts:
            first = part.children[0] if part.kind == "item" and part.children else part
            lines = first.text.split("\n") if first.kind in ("paragraph", "heading") else []
            held += sum(line.rstrip(" *_").endswith(ASKS) for line in lines)
    return held >= MIN_HELD


# "You said:" on a line of its own, then the prompt: a chat page copied as text.
MAX_PROMPT_WORDS = 12
SAID_ASKING = re.compile(rf"^[ \t]*(?:\*\*|__)?(?:{ASKING})[ \t]+said:?(?:\*\*|__)?[ \t]*$", re.I)


def said_prompts(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Each "You said:" line joined to the prompt after it ("You: what is quantization"), so
    a line reader knows the prompt is asked even without a question mark."""
    out: list[Line] = []
    said = False
    for line in lines:
        if SAID_ASKING.match(line.text):
            said = True
            continue
        if said and line.text.strip():
            # a long statement after "You said:" is a mock interview's answer, not a prompt
            if len(line.text.split()) <= MAX_PROMPT_WORDS:
                line = Line(line.no, "You: " + line.text.strip())
            said = False
        out.append(line)
    return tuple(out) if len(out) < len(lines) else lines

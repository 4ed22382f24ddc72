"""Find the questions on a block tree: try each kind of marker, keep the one that explains the document.

Accepts the shapes people publish, whichever reader built the tree:

    ## 3. What is attention?            heading-N: headings at one level
    **What is regression? 👶**          bold: bold-only paragraphs (or lines, or bullet items)
    1. **What is a GAN?**               list: top-level ordered items (and `**1.**` paragraphs)
    - What is LoRA?                     bullet: top-level bullet items that ask (answer nested)
    Q: What is LoRA? / A: ...           label: `Q:`, `Question:`, `Q12.` paragraphs
    <details><summary>Why?</summary>    details: one question per `<details>`
    <p>What is LoRA?</p><p>Low-rank…</p>  asking: plain paragraphs that ask, only where nothing else does
    * [Q1: What is …](#q1)              a table of contents: skipped, reported

Each candidate kind is scored and one chosen in generator.ingest.scoring. Everything below
a question up to the next one belongs to its answer, sub-headings included;
headings above questions (shallower, or placed right before one) are sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from generator.ingest.junk import is_junk_line
from generator.ingest.label_words import ANSWER_WORDS, FULL_COLON, QUESTION_WORDS
from generator.ingest.options import is_numbered_options
from generator.ingest.sanitize import escape_inline
from generator.ingest.title_labels import CALLOUT
from generator.ingest.titles import Title, parse_title, unwrap_strong
from generator.ingest.tree import Block, Tree

# The blanks before an optional number are possessive: two runs that can meet would try
# every split of a long run of spaces (quadratic).
QUESTION_LABEL = re.compile(
    r"^[*_]{0,2}(?:Q(?:uestion)?[ \t]*+\d{0,5}[a-z]?[ \t]*[.:)\-]|Question[ \t]*\d{0,5}\b"
    rf"|(?:{QUESTION_WORDS})[ \t]*+\d{{0,5}}[ \t]*[.:{FULL_COLON})\-])"
    rf"|{CALLOUT}",
    re.I,
)
# `**1.** …`, or `1. …` in a paragraph: an HTML export numbers its questions as text (Google Docs)
NUMBER_LABEL = re.compile(r"^(?:[*_]{2}\d{1,5}[.)]|\d{1,5}\\?[.)][ \t]+\S)")
ANSWER_LINE = re.compile(
    rf"^[*_]{{0,2}}(?:A|Ans|Answer|{ANSWER_WORDS})[ \t]?\d{{0,5}}[*_]{{0,2}}[ \t]*[:{FULL_COLON}\-.)]", re.I
)
# "BLEU vs ROUGE", "Bagging versus boosting": a short title that asks for a comparison.
COMPARISON = re.compile(r"[^\s.!?:;][^.!?:;\n]{0,60}[ \t](?:vs\.?|versus)[ \t][^.!?:;\n]{1,60}", re.I)
OPENING = re.compile(
    r"^(?:what|why|how|when|where|which|who|whom|whose|is|are|can|could|do|does|did|should|would|will|"
    r"has|have|was|were|explain|describe|define|compare|contrast|discuss|differentiate|distinguish|"
    r"outline|summari[sz]e|list|name|give|walk|tell|highlight|propose|suggest|identify|illustrate|"
    r"elaborate|state|write|implement|design|mention|provide|evaluate|analy[sz]e|justify|in what|in which|"
    r"differences?[ \t]+between)\b",
    re.I,
)
QUESTIONS_PAGE = re.compile(r"question|interview|\bfaq\b|quiz|troubleshoot", re.I)
LINK_ONLY = re.compile(r"^\[[^\]]*\]\([^)]*\)\W*$")
ASKS = ("?", "\uff1f", "\u061f")  # and the full-width (Chinese, Japanese) and Arabic marks
MAX_ASKING = 300  # a paragraph that asks and is longer than this is prose, not a question
# A question in italics on a line of its own, `*What is a p-value?*` (no bold, no other emphasis).
ITALIC = re.compile(r"([*_])(?P<q>[^*_\s][^*_\n]{0,298}[^*_\s])\1")
# A bold question and, on the same line, its answer (after a dash or not); the bold run is bounded.
BOLD_LEAD = re.compile(
    r"^(?P<w>\*\*|__)(?P<q>(?:(?!\*\*|__).){2,300}?[?\uff1f\u061f])(?P=w)[ \t]+(?:(?:—|–|-{1,2})[ \t]+)?"
    r"(?P<rest>\S.*)$"
)


@dataclass
class Marker:
    block: Block  # the unit: heading, paragraph, item or details
    title: str  # the title's raw inline Markdown
    rest: list[Block] = field(default_factory=list)  # blocks inside the unit that open the answer
    number: int | None = None  # an ordered list item's number (its title holds none)
    former: str = ""  # the raw title it was read with before (its id stays an alias)
    former_text: str = ""  # or the very text it had then, unparsed

    @cached_property
    def parsed(self) -> Title:
        """The title parsed once: scoring, filtering and the draft all ask for it, and a
        parse costs markdown-it's inline pass over the whole title."""
        title = parse_title(self.title)
        if not self.former and not self.former_text:
            return title
        formers = (parse_title(self.former).text,) if self.former else (self.former_text,)
        return replace(title, formers=(*title.formers, *formers))


@dataclass
class Unit:
    block: Block
    list_block: Block | None = None  # the top-level list an item came from


def units_of(tree: Tree) -> list[Unit]:
    """Top-level blocks in order, top-level list items one by one, label paragraphs split at each
    label, and the blocks of a quote that opens with a question label (`> **Question:** …`)."""
    return _units(tree.blocks)


def _units(blocks: list[Block]) -> list[Unit]:
    out: list[Unit] = []
    for index, block in enumerate(blocks):
        if block.kind == "quote" and _opens_with_label(block):
            out += _units(block.children)  # the first child is a paragraph: no deeper quote
        elif block.kind == "list" and is_numbered_options(block, blocks[index + 1 : index + 2]):
            out.append(Unit(block))  # `1) …` options, then `Correct answer: 2`: no question each
        elif block.kind == "list":
            out += [Unit(item, block) for item in block.children]
        elif block.kind == "paragraph" and "\n" in block.text:
            out += [Unit(part) for part in split_labels(block)]
        else:
            out.append(Unit(block))
    return out


def _opens_with_label(quote: Block) -> bool:
    first = quote.children[0] if quote.children else None
    return first is not None and first.kind == "paragraph" and QUESTION_LABEL.match(first.text) is not None


def split_labels(block: Block) -> list[Block]:
    """`Q: …⏎A: …` written as one paragraph: one block per labelled line."""
    lines = block.text.split("\n")
    source = block.markdown.split("\n")
    cuts = [
        i for i, line in enumerate(lines) if i and (QUESTION_LABEL.match(line) or ANSWER_LINE.match(line))
    ]
    if not cuts or len(source) != len(lines):
        return [block]
    parts = []
    for start, stop in zip([0, *cuts], [*cuts, len(lines)], strict=True):
        parts.append(
            Block(
                "paragraph",
                block.line + start,
                block.line + stop,
                text="\n".join(lines[start:stop]),
                markdown="\n".join(source[start:stop]),
            )
        )
    return parts


def candidates(units: list[Unit], skip: set[int]) -> dict[str, list[Marker]]:
    found: dict[str, list[Marker]] = {}
    for index, unit in enumerate(units):
        if index in skip:
            continue
        for name, marker in markers_of(unit):
            found.setdefault(name, []).append(marker)
    return found


def markers_of(unit: Unit) -> list[tuple[str, Marker]]:
    block = unit.block
    out: list[tuple[str, Marker]] = []
    if block.kind == "heading":
        out.append((f"heading-{block.level}", Marker(block, block.text)))
        if QUESTION_LABEL.match(block.text):
            out.append(("heading-label", Marker(block, block.text)))
    elif block.kind == "paragraph":
        first, _, more = block.text.partition("\n")
        if QUESTION_LABEL.match(block.text):
            # `> [!question] What …?` was read as a line of prose, quote mark and all, until 2026-12-04.
            before = escape_inline(f"> {first}") if first.startswith("[!") else ""
            out.append(("label", Marker(block, first, _rest_lines(block, more), former_text=before)))
        if is_bold_only(block.text):
            out.append(("bold", Marker(block, block.text)))
        elif (italic := ITALIC.fullmatch(block.text)) and italic["q"].endswith(ASKS):
            out.append(("bold", Marker(block, italic["q"])))  # `*What is X?*`: bold's lighter cousin
        elif lead := BOLD_LEAD.match(first):  # `**What is a mutex?** A lock …`: answered on its line
            said = Block("paragraph", block.line, block.line, text=lead["rest"], markdown=lead["rest"])
            title = lead["w"] + lead["q"] + lead["w"]
            out.append(("bold", Marker(block, title, [said, *_rest_lines(block, more)], former=first)))
        elif more and is_bold_only(first):  # `**What is X?**⏎answer…`: one paragraph, soft break
            out.append(("bold", Marker(block, first, _rest_lines(block, more))))
        if NUMBER_LABEL.match(block.text):
            out.append(("list", Marker(block, first, _rest_lines(block, more))))
        if not more and len(first) <= MAX_ASKING and first.rstrip(" *_").endswith(ASKS):
            out.append(("asking", Marker(block, first)))  # a last resort (scoring.choose)
    elif block.kind == "item" and unit.list_block is not None:
        head = block.children[0] if block.children else None
        if head is not None and head.kind == "details":  # `1. <details><summary>Why?</summary> …`
            for name, inner in _details(head):
                rest = inner.rest + block.children[1:]
                out.append((name, replace(inner, block=block, rest=rest, number=block.number)))
        elif head is not None and head.kind == "paragraph":
            first, more, taken = wrapped_title(head.text)
            rest = _rest_lines(head, more, taken) + block.children[1:]
            lead = BOLD_LEAD.match(first) if unit.list_block.ordered else None
            if lead:  # `1. **What is a token?** A unit of text …`: the answer on the question's line
                said = Block("paragraph", head.line, head.line, text=lead["rest"], markdown=lead["rest"])
                title = lead["w"] + lead["q"] + lead["w"]
                out.append(("list", Marker(block, title, [said, *rest], block.number, former=first)))
            elif unit.list_block.ordered:
                out.append(("list", Marker(block, first, rest, block.number)))
            elif is_bold_only(first):  # `- **What is X?**` with the answer below it in the item
                out.append(("bold", Marker(block, first, rest)))
            elif asks_plainly(first):  # `- What is X?` (a Notion toggle), `- Design a …` (a prompt)
                out.append(("bullet", Marker(block, first, rest)))
    elif block.kind == "details":
        out += _details(block)
    return out


def _details(block: Block) -> list[tuple[str, Marker]]:
    if block.children and block.children[0].kind == "summary":
        return [("details", Marker(block, block.children[0].text, block.children[1:]))]
    return []


SENTENCE_END = ("?", ".", "!", ":", ")", "**", "*", "`")  # a line that ends one of these ends a title
WRAPPED_LINES = 4  # lines a hard-wrapped question may take


def _rest_lines(block: Block, more: str, taken: int = 1) -> list[Block]:
    """The lines of a paragraph after its first `taken` (a title), as a paragraph of their own."""
    if not more.strip():
        return []
    source = block.markdown.split("\n", taken)
    markdown = source[taken] if len(source) > taken else more
    texts, sources = more.split("\n"), markdown.split("\n")
    if len(texts) == len(sources):  # a Logseq block's `card-repeats:: 2` under its question: junk
        kept = [i for i, text in enumerate(texts) if not is_junk_line(text.lower())]
        if not kept:
            return []
        more, markdown = "\n".join(texts[i] for i in kept), "\n".join(sources[i] for i in kept)
    return [Block("paragraph", block.line + taken, block.end, text=more, markdown=markdown)]


def wrapped_title(text: str) -> tuple[str, str, int]:
    """(title, the lines after it, how many lines it took) of an item's first paragraph.

    The title is its first line, unless that line stops mid-sentence and one of the next
    few lines ends the question: `1.  In attention, how do we compute context vectors for
    each` / `    token?` (a list hard-wrapped at 72 columns) is one question, not a title
    and an answer "token?"."""
    first, _, more = text.partition("\n")
    if not more or first.rstrip().endswith(SENTENCE_END) or is_bold_only(first):
        return first, more, 1
    lines = text.split("\n", WRAPPED_LINES)
    for count, line in enumerate(lines[:WRAPPED_LINES], start=1):
        if count > 1 and line.rstrip().endswith("?"):
            title = " ".join(part.strip() for part in lines[:count])
            return title, "\n".join(lines[count:]), count
        if count > 1 and line.rstrip().endswith(SENTENCE_END):
            break  # a sentence ended before a question did: the first line was the title
    return first, more, 1


def _lead(words: str) -> int:
    """Where the words start after leading signs (emoji, arrows), at most a few characters in."""
    for index, char in enumerate(words[:8]):
        if char.isalnum():
            return index
    return 0


def asks_plainly(line: str) -> bool:
    """A cheap look at a bullet's raw first line: it ends with a question mark or opens
    like a question (the title is parsed only for the kinds that get scored)."""
    words = line.strip(" \t*_")
    return words.rstrip(" .:)*_").endswith(ASKS) or OPENING.match(words) is not None


def is_bold_only(text: str) -> bool:
    if "\n" in text:
        return False
    return unwrap_strong(_without_tail(text)) != _without_tail(text)


def _without_tail(text: str) -> str:
    return text.rstrip(" \t\u200d\ufe0f👶⭐🚀🌟I")


def reads_as_question(parsed: Title, comparison: bool = False) -> bool:
    """A title that asks: a `?`, an interrogative or imperative opening; with `comparison`, a
    short "BLEU vs ROUGE" too. Not when choosing the kind of question title: "## CNN vs RNN"
    over its own questions is a section."""
    words = re.sub(r"[*_`\\]", "", parsed.text).strip()
    # `❓ Explain X.`: a leading emoji or bullet sign comes before the opening word
    return (
        words.rstrip(" .:)").endswith(ASKS)
        or bool(OPENING.match(words[_lead(words) :]))
        or (comparison and bool(COMPARISON.fullmatch(words)))
    )


def is_toc(block: Block) -> bool:
    """A list whose items are mostly bare links, or all links into the page (`#1-what-is-x`,
    however few): a table of contents."""
    if block.kind != "list" or not block.children:
        return False
    heads = [item.children[0].text.strip() if item.children else "" for item in block.children]
    links = [LINK_ONLY.match(head) for head in heads]
    if all(link and "](#" in link.group() for link in links):
        return True
    return len(heads) >= 3 and sum(1 for link in links if link) * 10 >= len(heads) * 7

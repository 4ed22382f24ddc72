"""Cleaning: drop page junk before reading, and turn Drafts into clean Questions.

`strip_junk` applies the rules of `generator.ingest.junk` to a whole document and
keeps each remaining line's number, so later warnings still point at the
file. `make_questions` turns each reader's Draft into a Question: the answer
as Markdown (structure repaired, math delimited, HTML sanitised), the kind
(`open`, `mcq`, `prompt`) and whether it holds math.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.ingest import junk
from generator.ingest.answer_math import fix_tree_math
from generator.ingest.answers import FENCE_LINE, is_placeholder, without_lone_label
from generator.ingest.chat_turns import said_prompts
from generator.ingest.images import ImageRules
from generator.ingest.images import hold as hold_images
from generator.ingest.images import restore as restore_images
from generator.ingest.inline_options import with_answer_after_dash, with_inline_options
from generator.ingest.markdown_fix import join_blocks, to_markdown
from generator.ingest.markers import strip_markers
from generator.ingest.mathfix import fix_math
from generator.ingest.neutralise import MAX_INLINE, cut, plain_outliers
from generator.ingest.pymd import rewritten
from generator.ingest.sanitize import escape_inline, is_web_url, sanitize_markdown
from generator.ingest.titles import clean_title
from generator.model import Choice, Document, Draft, Kind, Line, Location, Problem, Question, question_id

TAG = re.compile(r"<[^<>]*>")
PROMO_TAIL_WORDS = 40  # more than this after the line and it is a section of the answer, kept
EMPTY_ANSWER = "question has an empty answer"
TOO_LONG = f"question is {{:,}} characters long, over {MAX_INLINE:,}"
LONG_OPTION = f"an option is over {MAX_INLINE:,} characters long: shown cut"


def strip_junk(doc: Document) -> tuple[Document, list[Problem]]:
    """The document without known page junk; every kept Line keeps its number."""
    kept: list[Line] = []
    in_tail = False
    for line in said_prompts(doc.lines):
        if in_tail and not junk.is_question_like(line.text):
            continue
        in_tail = False
        lowered = line.text.lower()
        if junk.starts_tail(lowered):
            in_tail = True
            continue
        if junk.is_junk_line(lowered):
            continue
        text = junk.strip_inline(line.text)
        if text != line.text and not text.strip():
            continue
        kept.append(line if text == line.text else Line(line.no, text))
    return replace(doc, lines=tuple(_drop_label_runs(kept))), []


def _drop_label_runs(lines: list[Line]) -> list[Line]:
    paragraphs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    drop = junk.label_runs([[line.text for line in p] for p in paragraphs])
    dropped = {line.no for index in drop for line in paragraphs[index]}
    return [line for line in lines if line.no not in dropped]


def make_questions(
    drafts: list[Draft], source_id: str, images: ImageRules | None = None, id_source: str = ""
) -> tuple[list[Question], list[Problem]]:
    """Clean Questions from a reader's Drafts. Without `images` an answer's images stay
    disarmed links (the sanitiser's rule); with them, generator.ingest.images decides.

    `id_source`: what ids are hashed with when it is not `source_id`: the file's stem, for a
    file that shares it with another (source id "faq-md"). So a twin coming or going never
    changes a question's id; the ids hashed with "faq-md" (builds of 2026-12-02) are aliases."""
    key = id_source or source_id
    interim = source_id if key != source_id else ""
    out: list[Question] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    seen_v1: dict[str, int] = {}
    seen_interim: dict[str, int] = {}
    for n, draft in enumerate(
        map(with_inline_options, map(with_answer_after_dash, strip_markers(drafts))), start=1
    ):
        title = cut(draft.question)
        if title is not None:
            problems.append(Problem(draft.location, f"{TOO_LONG.format(len(draft.question))}: shown cut"))
        question, question_math, bad = _clean_inline(title or draft.question, draft.markup)
        if bad:
            problems.append(
                Problem(draft.location, "unbalanced $ in the question: shown as a literal dollar")
            )
        link = draft.link if draft.link is None or is_web_url(draft.link) else None
        if draft.link and link is None:
            problems.append(
                Problem(draft.location, f"source link {draft.link[:80]!r} is not an http(s) URL: left out")
            )
        answer, answer_math, answer_problems = clean_answer(draft, images)
        stem, stem_math, stem_problems = _clean_stem(draft, images)
        problems += answer_problems + stem_problems
        answer, stem = answer and plain_outliers(answer), stem and plain_outliers(stem)
        choices, choice_math = _clean_choices(draft.choices)
        if any(len(c.text) > MAX_INLINE for c in draft.choices):
            problems.append(Problem(draft.location, LONG_OPTION))
        if draft.answer and not answer and not choices:
            problems.append(Problem(draft.location, EMPTY_ANSWER))
        kind: Kind = "mcq" if choices else ("open" if answer else "prompt")
        qid = question_id(key, draft.question)
        v1 = _numbered(question_id(key, draft.question, version=1), seen_v1)
        titled = [question_id(key, title) for title in draft.former_titles]
        twin_era = [question_id(interim, title) for title in draft.former_titles] if interim else []
        if interim:
            twin_era.append(_numbered(question_id(interim, draft.question), seen_interim))
        seen[qid] = seen.get(qid, 0) + 1
        if seen[qid] > 1:
            # Same text twice in one source: both kept, the later one with a numbered id.
            problems.append(
                Problem(
                    draft.location,
                    f"question repeats an earlier one word for word; kept as {qid}-{seen[qid]}",
                )
            )
            qid = f"{qid}-{seen[qid]}"
        out.append(
            Question(
                id=qid,
                source=source_id,
                n=n,
                question=question,
                kind=kind,
                answer=answer,
                location=draft.location,
                section=draft.section,
                choices=choices,
                correct=draft.correct,
                label=draft.label,
                math=question_math or answer_math or choice_math or stem_math,
                link=link,
                difficulty=draft.difficulty,
                aliases=aliases(qid, [*titled, v1, *twin_era]),
                stem=stem,
                # The note's GUID stays the one of the id it had before it had a twin.
                anki_id=(titled[0] if titled else v1) if interim else "",
            )
        )
    return out, problems


def aliases(qid: str, former_ids: list[str]) -> tuple[str, ...]:
    """Ids the question had before, other than its id now, in order: those of its former
    titles, then its version-1 id (differs only for text in other scripts than Latin), then
    those it had while its file's source id was not its stem."""
    out: list[str] = []
    for old in former_ids:
        if old and old != qid and old not in out:
            out.append(old)
    return tuple(out)


def _numbered(qid: str, seen: dict[str, int]) -> str:
    """qid, numbered as the build numbers a title repeated in one source (qid-2, qid-3)."""
    seen[qid] = seen.get(qid, 0) + 1
    return qid if seen[qid] == 1 else f"{qid}-{seen[qid]}"


def clean_answer(draft: Draft, images: ImageRules | None = None) -> tuple[str | None, bool, list[Problem]]:
    """(Markdown or None, holds math, problems) for a Draft's raw answer lines.

    Images are held aside first (math repair and the sanitiser would take their URLs
    apart) and put back as the Markdown generator.ingest.images wrote for them.
    """
    if images is None:
        return _clean_answer(draft)
    lines, held, image_problems = hold_images(draft.answer, images)
    if not held:
        return _clean_answer(draft)
    markdown, has_math, problems = _clean_answer(replace(draft, answer=lines))
    return (restore_images(markdown, held) if markdown else None), has_math, image_problems + problems


def _clean_answer(draft: Draft) -> tuple[str | None, bool, list[Problem]]:
    markdown, has_math, problems = _cleaned_answer(draft)
    return (_without_placeholders(markdown) if markdown else None), has_math, problems


def _without_placeholders(markdown: str) -> str | None:
    """Paragraphs a worksheet left for the student ("**A:** (Your text here)", a code
    block holding only "# Your code here") are not part of any answer."""
    blocks: list[list[str]] = [[]]
    fenced = False
    for line in markdown.split("\n"):
        if not line.strip() and not fenced:
            blocks.append([])
            continue
        blocks[-1].append(line)
        fenced = fenced != bool(FENCE_LINE.match(line))
    kept = [b for b in blocks if b and not is_placeholder(tuple(Line(0, x) for x in b))]
    return "\n\n".join("\n".join(b) for b in kept) or None


def _cleaned_answer(draft: Draft) -> tuple[str | None, bool, list[Problem]]:
    if draft.markup:
        return _clean_tree_answer(draft)
    blocks = to_markdown(_without_caption(without_lone_label(list(draft.answer))))
    result = fix_math(join_blocks(blocks))
    problems: list[Problem] = []
    if result.unbalanced:  # rare: look again block by block, to name the lines
        problems = [
            Problem(
                Location(draft.location.path, no), "unbalanced $ in the answer: shown as a literal dollar"
            )
            for no, text in blocks
            if fix_math(text).unbalanced
        ]
    markdown = sanitize_markdown(result.text).strip()
    if is_placeholder(tuple(Line(0, x) for x in markdown.split("\n"))):
        return None, False, problems  # "Answer here", "TBD": a practice prompt, not an answer
    return (markdown or None), result.has_math, problems


def _clean_tree_answer(draft: Draft) -> tuple[str | None, bool, list[Problem]]:
    """Markdown from a parse tree: math fixed outside code and display math, then sanitised.

    No structure repair (that is for pasted plain text): lists, tables and code are as written.
    """
    return clean_tree_markdown(_before_promo_tail(draft.answer), draft.location.path, "answer")


def _clean_stem(draft: Draft, images: ImageRules | None) -> tuple[str | None, bool, list[Problem]]:
    """The text before an MCQ's options, its images held aside like an answer's."""
    if not draft.stem:  # most questions: what clean_tree_markdown makes of no lines, without a parse
        return None, False, []
    if images is None:
        return clean_tree_markdown(draft.stem, draft.location.path, "question")
    lines, held, image_problems = hold_images(draft.stem, images)
    stem, has_math, problems = clean_tree_markdown(lines, draft.location.path, "question")
    return (restore_images(stem, held) if stem else None), has_math, image_problems + problems


def clean_tree_markdown(
    lines: tuple[Line, ...], path: str, what: str
) -> tuple[str | None, bool, list[Problem]]:
    """(Markdown or None, holds math, problems) for an answer or stem read from a parse tree."""
    text, has_math, bad_line = fix_tree_math(*rewritten(lines))  # one parse when no line changes
    problems = []
    if bad_line is not None:
        problems.append(
            Problem(Location(path, bad_line), f"unbalanced $ in the {what}: shown as a literal dollar")
        )
    markdown = sanitize_markdown(text).strip()
    return (markdown or None), has_math, problems


def _before_promo_tail(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """An answer without a closing call to action ("Explore all 63 answers here 👉 …") and the
    banner after it: a junk tail rule's line, when little text follows it to the answer's end."""
    for index, line in enumerate(lines):
        if line.text.strip() and junk.starts_tail(line.text.lower()):
            rest = " ".join(x.text for x in lines[index + 1 :])
            if len(TAG.sub(" ", rest).split()) <= PROMO_TAIL_WORDS:
                return lines[:index]
    return lines


def _without_caption(lines: list[Line]) -> list[Line]:
    """Drop a figure caption that ends an answer after its prose (see junk 'figure-caption')."""
    while lines and not lines[-1].text.strip():
        lines.pop()
    if len(lines) < 2 or not junk.is_caption([lines[-1].text.strip()]):
        return lines
    before = [line for line in lines[:-1] if line.text.strip()]
    if before and junk.is_prose([before[-1].text]) and len(before[-1].text.split()) >= 8:
        return lines[:-1]
    return lines


def _clean_inline(text: str, markup: bool = False) -> tuple[str, bool, int]:
    if markup:  # rendered from inline tokens: only text, emphasis, code and $math$ (ingest.titles)
        return clean_title(text)
    result = fix_math(" ".join(text.split()))
    return escape_inline(result.text), result.has_math, result.unbalanced


def _clean_choices(choices: tuple[Choice, ...]) -> tuple[tuple[Choice, ...], bool]:
    out, has_math = [], False
    for choice in choices:
        result = fix_math(" ".join((cut(choice.text) or choice.text).split()))
        has_math |= result.has_math
        out.append(Choice(choice.letter, sanitize_markdown(result.text).strip()))
    return tuple(out), has_math

"""Reader: Moodle GIFT quizzes, mapped straight onto the question model.

Accepts, for example:

    // Exported from Moodle                          <- a comment line: dropped
    $CATEGORY: $course$/top/Transformers             <- a section (the last part)

    ::Q1:: Which layer mixes tokens? {               <- title (a number becomes the label)
      ~Feed-forward#It works per token.              <- a wrong option, with feedback
      =Self-attention#Right: every token attends.    <- the correct option
      ####Attention is the only token-mixing step.   <- general feedback
    }
    Transformers keep RNNs. {F}                      <- true/false: an MCQ True / False
    Name a tokenizer. {=BPE =WordPiece}              <- short answer: an open question
    ::Essay::[markdown] Explain `LoRA`. {}           <- essay: a practice prompt

Feedback becomes the answer text (the explanation of an MCQ). `\\~ \\= \\# \\{ \\} \\:`
are literal characters, `\\n` a line break, `\\\\` a backslash. Numerical `{#3.14:0.01}`
and matching `{=a -> b}` questions become open questions with their answer spelled out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.ingest.readers import gift_answers as answers
from generator.model import Choice, Document, Draft, Line, Location, Problem

NAME = "gift"

ESCAPE = re.compile(r"\\(.)")
ESCAPED = {":": "\ue021", "#": "\ue022", "=": "\ue023", "{": "\ue024", "}": "\ue025", "~": "\ue026"}
RESTORE = str.maketrans({v: k for k, v in ESCAPED.items()})
OURS = re.compile("[\ue021-\ue026]")
CATEGORY = re.compile(r"^\s*\$CATEGORY:\s*", re.I)
FORMAT = re.compile(r"^\s*\[(?P<format>html|moodle|plain|markdown)\]\s*", re.I)
TITLE_LABEL = re.compile(r"^(?:Q(?:uestion)?\s*)?(?P<n>\d+[a-z]?)$", re.I)
# What opens an answer block: an option, a true/false key, a number, or an empty block.
BLOCK_OPENER = re.compile(r"\{\s*(?:[=~#}]|(?:T|F|TRUE|FALSE)\s*[}#])", re.I)
BREAK_TAG = re.compile(r"<(?:br|/p|/div|/li)\b[^>]*>", re.I)
PARAGRAPH_TAG = re.compile(r"</?(?:p|div)\b[^>]*>", re.I)
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
BLANK = "_____"
SNIFF_LIMIT = 2_000_000


def matches(text: str) -> bool:
    """Most paragraphs hold a GIFT answer block, or a `::title::` / `$CATEGORY:` marks it."""
    paragraphs = blocks = marked = 0
    for _, record in records(text[:SNIFF_LIMIT].split("\n")):
        paragraphs += 1
        unescaped = ESCAPE.sub("", record)
        if BLOCK_OPENER.search(unescaped):
            blocks += 1
            marked += unescaped.lstrip().startswith("::")
        marked += bool(CATEGORY.match(record))
    return blocks >= 1 and blocks * 2 >= paragraphs and (blocks >= 3 or marked >= 1)


def records(lines: list[str], first: int = 1) -> Iterator[tuple[int, str]]:
    """(first line number, text) of each blank-line-separated record, comment lines
    dropped; a blank line inside an open `{` does not end the record, and neither does a
    `::title::` line start one inside it (files are written without blank lines too)."""
    held: list[str] = []
    start, open_block = first, False
    for no, text in enumerate(lines, start=first):
        stripped = text.strip()
        if stripped.startswith("//"):
            continue
        titled = stripped.startswith("::") and "::" in stripped[2:]
        if (not stripped or titled) and not open_block and held:
            yield start, "\n".join(held)
            held = []
        if not stripped and not open_block:
            continue
        if not held:
            start = no
        held.append(text)
        open_block = _still_open(text, open_block)
    if held:
        yield start, "\n".join(held)


def _still_open(text: str, open_block: bool) -> bool:
    """Inside a `{` block after this line: its last unescaped brace says (none: as before)."""
    if "{" not in text and "}" not in text:  # most lines of any document
        return open_block
    unescaped = ESCAPE.sub("", text)
    last = max(unescaped.rfind("{"), unescaped.rfind("}"))
    return open_block if last < 0 else unescaped[last] == "{"


def read(doc: Document) -> tuple[list[Draft], list[Problem]]:
    drafts: list[Draft] = []
    problems: list[Problem] = []
    section: str | None = None
    lines = [line.text for line in doc.lines]
    first = doc.lines[0].no if doc.lines else 1
    for no, record in records(lines, first):
        if CATEGORY.match(record):
            head, _, record = record.partition("\n")
            section = category_name(CATEGORY.sub("", head, count=1)) or None
            if not record.strip():
                continue
        draft, problem = read_record(record, doc.at(no), section)
        drafts += [draft] if draft else []
        problems += [problem] if problem else []
    return drafts, problems


def category_name(path: str) -> str:
    """`$course$/top/Models//Layers` -> `Models/Layers`: the last part; `//` is a slash."""
    parts = path.strip().replace("//", "\ue030").split("/")
    return parts[-1].replace("\ue030", "/").strip()


def hide_escapes(text: str) -> str:
    """Escaped control characters become placeholders, so parsing never sees them."""
    text = OURS.sub("\ufffd", text)

    def swap(match: re.Match[str]) -> str:
        char = match.group(1)
        if char == "n":
            return "\n"
        if char == "\\":
            return "\\"
        return ESCAPED.get(char, match.group(0))

    return ESCAPE.sub(swap, text)


def unhide(text: str) -> str:
    return text.translate(RESTORE)


def read_record(record: str, at: Location, section: str | None) -> tuple[Draft | None, Problem | None]:
    """One question; (None, None) for a description (text without an answer block)."""
    text = hide_escapes(record).strip()
    title = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end > 0:
            title, text = text[2:end].strip(), text[end + 2 :].lstrip()
    fmt_match = FORMAT.match(text)
    fmt = fmt_match.group("format").lower() if fmt_match else "moodle"
    text = text[fmt_match.end() :] if fmt_match else text
    opening = text.find("{")
    if opening < 0:
        return None, None
    closing = text.find("}", opening)
    if closing < 0:
        return None, Problem(at, "GIFT answer block '{' is never closed: question skipped")
    after = text[closing + 1 :].strip()
    # Text after the block makes a missing-word question; stray punctuation (`";`) does not.
    stem = text[:opening].strip() + (f" {BLANK} {after}" if any(c.isalnum() for c in after) else "")
    question = question_text(stem, fmt) or unhide(title)
    if not question:
        return None, Problem(at, "GIFT question has no text: skipped")
    parsed = answers.parse(text[opening + 1 : closing], fmt)
    label = TITLE_LABEL.match(unhide(title))
    explanation = unhide(parsed.explanation)
    draft = Draft(
        question,
        at,
        answer=tuple(Line(at.line, line) for line in explanation.split("\n")) if explanation else (),
        section=section,
        choices=tuple(Choice(c.letter, option_text(c.text, fmt)) for c in parsed.choices),
        correct=parsed.correct,
        label=label.group("n") if label else None,
    )
    return draft, Problem(at, parsed.warning) if parsed.warning else None


def option_text(text: str, fmt: str) -> str:
    """An option as one line of Markdown; HTML paragraphs around it would make it a block."""
    return " ".join(unhide(PARAGRAPH_TAG.sub(" ", text) if fmt == "html" else text).split())


def question_text(stem: str, fmt: str) -> str:
    """The stem as the plain text titles are made of (cleaning escapes it again)."""
    if fmt == "html":
        stem = BREAK_TAG.sub(" ", stem)
    elif fmt == "markdown":
        stem = MARKDOWN_ESCAPE.sub(r"\1", unhide(stem))
    return " ".join(unhide(stem).split())

"""Reference links and footnotes kept with the answers that use them.

A README writes `See [the paper][vaswani].` under one question and `[vaswani]: https://…`
at the end of the file; `[^1]` in an answer and `[^1]: Vaswani et al.` below it. The
definitions belong to no question, so an answer copied to a topic page lost them: the link
showed as raw brackets and the note was gone. Here a reference link becomes an inline link
(`[the paper](https://…)`), and each footnote an answer cites is added at its end as a line
of text (`[^1]: Vaswani et al.`, its bracket escaped: the site has no footnote extension).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from markdown_it.token import Token

from generator.ingest import syntax
from generator.model import Draft, Line

# `[text][label]`, `[text][]` or `[label]`; each `[` scans at most MAX_LABEL characters for its `]`.
MAX_LABEL = 999
LINK = re.compile(rf"\[([^\[\]\n]{{0,{MAX_LABEL}}})\](?:\[([^\[\]\n]{{0,{MAX_LABEL}}})\])?(?![(:])")
MAX_NOTE = 500  # characters of a footnote shown under each answer that cites it
FOOTNOTE_REF = re.compile(rf"\[\^([^\[\]\s]{{1,{MAX_LABEL}}})\]")


@dataclass
class Definitions:
    links: dict[str, tuple[str, str]] = field(default_factory=dict)  # LABEL -> (href, title)
    notes: dict[str, str] = field(default_factory=dict)  # footnote label -> its text

    def __bool__(self) -> bool:
        return bool(self.links or self.notes)


def definitions(env: dict, tokens: Sequence[Token]) -> Definitions:
    """What markdown-it's parse found defined: its `env` references and footnote blocks."""
    links = {
        label: ("".join(ref["href"].split()), " ".join((ref.get("title") or "").split()))
        for label, ref in env.get("references", {}).items()
    }
    notes: dict[str, str] = {}
    label: str | None = None
    parts: list[str] = []
    for token in tokens:
        if token.type == "footnote_open":
            label, parts = token.meta.get("label"), []
        elif token.type in ("inline", "html_block") and label is not None:
            parts.append(" ".join(token.content.split()))
        elif token.type == "footnote_close" and label is not None:
            note = " ".join(parts)
            # Copied under every answer that cites it: a long note cited often would grow the pages
            # as the product of the two.
            notes[label] = note if len(note) <= MAX_NOTE else note[:MAX_NOTE].rsplit(" ", 1)[0] + " …"
            label = None
    return Definitions(links, notes)


def with_definitions(draft: Draft, found: Definitions) -> Draft:
    """The draft's answer with its reference links inline and its footnotes below it."""
    if not found or not draft.answer:
        return draft
    texts = [line.text for line in draft.answer]
    text = "\n".join(texts)
    if "[" not in text:
        return draft
    runs = syntax.split(text, syntax.CODE)
    if found.links:
        runs = [(_inline_links(run, found.links) if kind == "text" else run, kind) for run, kind in runs]
    cited = [] if not found.notes else _cited(runs, found.notes)
    new = "".join(run for run, _ in runs).split("\n")
    answer = tuple(
        line if line.text == t else Line(line.no, t) for line, t in zip(draft.answer, new, strict=True)
    )
    last = draft.answer[-1].no
    # One tuple at the end: adding to it per note copied it each time (50,000 notes: 34 s).
    notes = [
        line
        for label in cited
        for line in (Line(last, ""), Line(last, f"\\[^{label}]: {found.notes[label]}"))
    ]
    answer = (*answer, *notes)
    return draft if answer == draft.answer else replace(draft, answer=answer)


def _inline_links(run: str, links: dict[str, tuple[str, str]]) -> str:
    def link(match: re.Match[str]) -> str:
        text, label = match.group(1), match.group(2)
        escaped = match.start() > 0 and run[match.start() - 1] == "\\"
        ref = links.get(_normal(label or text))
        if ref is None or escaped or text.startswith("^"):
            return match.group()
        href = ref[0].replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        title = ' "' + ref[1].replace('"', "&quot;") + '"' if ref[1] else ""
        return f"[{text}]({href}{title})"

    return LINK.sub(link, run) if "[" in run else run


def _cited(runs: list[tuple[str, str]], notes: dict[str, str]) -> list[str]:
    labels = (m.group(1) for run, kind in runs if kind == "text" for m in FOOTNOTE_REF.finditer(run))
    return list(dict.fromkeys(label for label in labels if label in notes))


def _normal(label: str) -> str:
    """markdown-it's normalizeReference: whitespace collapsed, case folded."""
    return " ".join(label.split()).lower().upper()

"""Material for MkDocs' admonitions as the bold titles and paragraphs every reader knows.

Study sites built with Material write a question as a collapsible block, its body indented:

    ??? question "1. What is the forward process?"     <- `???` folded, `???+` open, `!!!` not
        A fixed Markov chain that adds noise …          <- the answer
    !!! question "What does the KV cache store?"
        ??? note "Answer"                               <- or the answer folded inside it
            Keys and values of every earlier token …

Each such line becomes its title in bold (the type, capitalised, without one), and its body
is taken out of its indentation, up to where the indentation ends: a bold question over its
answer, as the tree reader reads one. A fold titled "Answer" (or "Show answer", "Solution")
and `!!! note ""`, which shows no title, leave their body alone. Added lines carry the number of the line
they stand for, so `check` still points into the file. Code fences are left as written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.ingest.syntax import fenced_after
from generator.model import Document, Line

OPENER = re.compile(
    r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]{1,30})"
    r'(?:[ \t]+"(?P<title>[^"\n]{0,300})")?[ \t]*$'
)
ANY_OPENER = re.compile(r"^[ \t]*(?:!!!|\?\?\?)[ \t]+[\w-]", re.M)
ANSWER_TITLE = re.compile(
    r"^\W*(?:(?:show|view|see|reveal|check)[ \t]+(?:the[ \t]+)?)?(?:answers?|solution|explanation|ans)\W*$",
    re.I,
)
ANY_DIV = re.compile(r"^:{3,}[ \t]*[\w{]", re.M)
DIV_OPENER = re.compile(
    r"^:{3,}[ \t]*(?:\{(?P<attrs>[^}\n]{0,600})\}"
    r"|[\w-]{1,30}(?:\[(?P<bracket>[^\]\n]{0,200})\])?(?:[ \t]+(?P<rest>[^\n]{1,200}))?)[ \t]*$"
)
TITLE_ATTR = re.compile(r'title="([^"\n]{0,200})"')
DIV_CLOSER = re.compile(r"^:{3,}[ \t]*$")
HEADING = re.compile(r"^#{1,6}[ \t]+(?P<title>\S[^\n]{0,200})$")
CALLOUT = re.compile(
    r"^(?P<quote>(?:[ \t]{0,3}>)+)[ \t]*\[!(?P<kind>[A-Za-z]{1,20})\][-+]?[ \t]*(?P<title>[^\n]{0,200})$"
)
ANY_CALLOUT = re.compile(r"^(?:[ \t]{0,3}>)+[ \t]*\[![A-Za-z]", re.M)
ASKING_CALLOUTS = frozenset({"question", "faq", "help", "quiz"})  # title_labels.CALLOUT reads them
LEVEL = 4  # columns of indentation a body sits under its opener


def without_admonitions(doc: Document) -> Document:
    if doc.converted_from or not ANY_OPENER.search(doc.text):
        return doc
    out: list[Line] = []
    opened: list[int] = []  # the indentation of each open admonition's opener
    fence = ""
    for line in doc.lines:
        text = line.text
        width = len(text.expandtabs(LEVEL)) - len(text.expandtabs(LEVEL).lstrip())
        while opened and text.strip() and width <= opened[-1] and not fence:
            opened.pop()
            out.append(Line(line.no, ""))  # the body ends: a paragraph of its own
        body = _dedent(text, LEVEL * len(opened))
        found = None if fence else OPENER.match(body)
        fence = fenced_after(body, fence)
        if found is None:
            out.append(Line(line.no, body))
            continue
        title = " ".join((found["title"] or found["kind"].capitalize()).replace("*", "\\*").split())
        opened.append(LEVEL * len(opened) + len(found["indent"].expandtabs(LEVEL)))
        # `!!! note ""` shows no title; an "Answer" fold is what it holds
        shown = found["title"] != "" and not ANSWER_TITLE.match(title)
        out += [Line(line.no, f"**{title}**" if shown else ""), Line(line.no, "")]
    return replace(doc, lines=tuple(out))


def _dedent(text: str, columns: int) -> str:
    """`text` without up to `columns` columns of leading indentation (a tab is four)."""
    expanded = text.expandtabs(LEVEL)
    cut = min(columns, len(expanded) - len(expanded.lstrip(" ")))
    return expanded[cut:] if columns else text


def without_fenced_divs(doc: Document) -> Document:
    """Pandoc's, Quarto's and Docusaurus' `:::` blocks the same way: `::: {.callout-note
    title="Answer"}`, `:::tip`, `:::note[Answer]`, `::: warning Title` open one (a heading
    on its first line is a Quarto callout's title), a `:::` line closes it."""
    if doc.converted_from or not ANY_DIV.search(doc.text):
        return doc
    out: list[Line] = []
    fence, titling = "", False  # titling: the line after an opener, where a callout's title heading may be
    for line in doc.lines:
        text = line.text
        fence = fenced_after(text, fence)
        opener = None if fence else DIV_OPENER.match(text)
        heading = HEADING.match(text) if titling and not fence else None
        titling = False
        if opener is not None:
            named = TITLE_ATTR.search(opener["attrs"] or "")
            title = next(
                (t for t in (named and named[1], opener["bracket"], opener["rest"]) if t), ""
            ).strip()
            titling = not title
            out += [Line(line.no, _div_title(title)), Line(line.no, "")]
        elif not fence and DIV_CLOSER.match(text):
            out.append(Line(line.no, ""))
        elif heading is not None:
            out.append(Line(line.no, _div_title(heading["title"])))
        else:
            out.append(line)
    return replace(doc, lines=tuple(out))


def _div_title(title: str) -> str:
    """A callout's title in italics (a note's "Why it matters" is no question; one that asks is)."""
    title = " ".join(title.replace("*", "\\*").split())
    return f"*{title}*" if title and not ANSWER_TITLE.match(title) else ""


def without_callout_markers(doc: Document) -> Document:
    """GitHub's alerts and Obsidian's callouts in an answer (`> [!NOTE]`, `>> [!success]- Answer`):
    MkDocs would show the marker as text. It becomes the type (or title) in bold, and nothing
    where it says "Answer"; callouts that ask (`[!question]`, `[!faq]`) are questions, as written."""
    if not ANY_CALLOUT.search(doc.text):
        return doc
    out = []
    for line in doc.lines:
        found = CALLOUT.match(line.text)
        if found is None or found["kind"].lower() in ASKING_CALLOUTS:
            out.append(line)
            continue
        title = " ".join(found["title"].replace("*", "\\*").split()) or found["kind"].capitalize()
        said = "" if ANSWER_TITLE.match(title) or found["kind"].lower() in ("answer", "solution") else title
        out.append(Line(line.no, f"{found['quote']} **{said}**" if said else found["quote"]))
    return replace(doc, lines=tuple(out))

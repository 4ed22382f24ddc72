"""Inline reStructuredText nodes as inline Markdown, and tables as GFM tables.

    ``literal``  -> `literal`          *em* -> *em*       **strong** -> **strong**
    `link <https://x>`_ -> [link](https://x)              :math:`x^2` -> $x^2$
    :ref:`Title <label>` -> Title      :func:`~pkg.run` -> `pkg.run`   (Sphinx roles)

Text is escaped so nothing in it becomes Markdown or HTML; only http(s) and mailto
links stay links.
"""

from __future__ import annotations

import re

from docutils import nodes

# Only what would turn text into markup: `_` only at a word's edge (`soft_unicode` stays as is,
# and reader-side titles are plain text, so every needless backslash would show).
ESCAPE = re.compile(r"([\\`*<]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
# `<` as an entity, not `\<`: Python-Markdown (the site's) reads `\<img ...>` as a backslash
# and a tag, which the sanitiser then drops, so text like "<div>" would vanish.


def escape(text: str) -> str:
    return ESCAPE.sub(lambda m: "&lt;" if m.group() == "<" else "\\" + m.group(), text)


ROLE = re.compile(r"^:(?P<role>[\w:+.-]+):`(?P<inner>[^`]*)`_?$")
CODE_ROLES = {
    "class",
    "func",
    "meth",
    "mod",
    "attr",
    "exc",
    "data",
    "obj",
    "const",
    "envvar",
    "option",
    "program",
}
SAFE_LINK = ("http://", "https://", "mailto:")


def inline(node: nodes.Node) -> str:
    """A node's inline content as one line of Markdown."""
    return " ".join(_inline(node, top=True).split())


def _children(node: nodes.Node) -> str:
    return "".join(_inline(child) for child in node.children) if isinstance(node, nodes.Element) else ""


def _inline(node: nodes.Node, top: bool = False) -> str:
    if isinstance(node, nodes.Text):
        return escape(str(node))
    if isinstance(node, nodes.system_message | nodes.target | nodes.comment | nodes.image):
        return ""
    if top:
        return _children(node)
    if isinstance(node, nodes.literal):
        return code_span(node.astext())
    if isinstance(node, nodes.strong):
        return f"**{_children(node)}**"
    if isinstance(node, nodes.emphasis | nodes.title_reference):
        return f"*{_children(node)}*"
    if isinstance(node, nodes.math):
        return f"${node.astext()}$"
    if isinstance(node, nodes.reference):
        uri = str(node.get("refuri", ""))
        return f"[{_children(node)}]({uri})" if uri.startswith(SAFE_LINK) else _children(node)
    if isinstance(node, nodes.footnote_reference | nodes.citation_reference):
        return f"\\[{node.astext()}\\]"
    if isinstance(node, nodes.problematic):
        return _role_text(node.astext())
    return _children(node)


def code_span(text: str) -> str:
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _role_text(raw: str) -> str:
    """A role docutils does not know (Sphinx's): its display text."""
    match = ROLE.match(raw.strip())
    if not match:
        return escape(raw)
    inner = match.group("inner")
    title, bracket, _ = inner.partition("<")
    text = title.strip() if bracket and title.strip() else inner.strip().lstrip("~!")
    role = match.group("role").rpartition(":")[2]
    return code_span(text) if role in CODE_ROLES else escape(text)


def table_lines(table: nodes.Element) -> list[str]:
    rows = [[inline(entry) for entry in row.findall(nodes.entry)] for row in table.findall(nodes.row)]
    rows = [row for row in rows if row]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    return lines + ["| " + " | ".join(row) + " |" for row in rows[1:]]

"""An HTML `<table>` as a GFM table, or as HTML reduced to the allowlist when it cannot be one.

    <table><tr><th>Pro</th><th>Con</th></tr><tr><td>fast</td><td>bias</td></tr></table>
    -> | Pro | Con |
       | --- | --- |
       | fast | bias |

A GFM cell is one line of inline Markdown: merged cells (`colspan`, `rowspan`),
nested tables, lists, code blocks or several paragraphs keep the table as HTML
(nh3, the same allowlist as answers; only external links stay links).
"""

from __future__ import annotations

import re

import nh3
from selectolax.lexbor import LexborNode

from generator.ingest.html_inline import WHITESPACE, code_span, inline
from generator.ingest.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    DROP_WITH_CONTENT,
    SAFE_SCHEMES,
    is_external_url,
)
from generator.ingest.tree import Block

NOT_IN_A_CELL = "table, ul, ol, pre, blockquote, h1, h2, h3, h4, h5, h6, dl, hr, details"
# Blocks a cell may still hold as lines of its one GFM line (Confluence and Notion answers).
LINES_IN_A_CELL = "ul, ol, pre"
NOT_BESIDE_LINES = "table, blockquote, h1, h2, h3, h4, h5, h6, dl, hr, details, li ul, li ol, li pre"
BLANK_LINES = re.compile(r"\n\s*\n")


def table_block(node: LexborNode, line: int, end: int) -> Block:
    rows = [[c for c in row.iter() if c.tag in ("td", "th")] for row in _rows(node)]
    rows = [row for row in rows if row]
    text = WHITESPACE.sub(" ", node.text(deep=True, separator=" ")).strip()
    if rows and all(_simple(cell) for row in rows for cell in row):
        markdown = _gfm([[_cell(cell) for cell in row] for row in rows])
    else:
        markdown = reduced_html(node.html or "")
    return Block("table", line, end, text=text, markdown=markdown)


def _rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows (in thead, tbody, tfoot or directly), not a nested table's."""
    rows: list[LexborNode] = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows += [r for r in child.iter() if r.tag == "tr"]
    return rows


def _simple(cell: LexborNode) -> bool:
    attrs = cell.attrs
    if (attrs.get("colspan") or "1").strip() not in ("", "1") or (
        attrs.get("rowspan") or "1"
    ).strip() not in ("", "1"):
        return False
    if cell.css_first(LINES_IN_A_CELL) is not None:
        return _parts(cell) is not None
    return cell.css_first(NOT_IN_A_CELL) is None and (
        len(cell.css("p")) <= 1 or _paragraphs(cell) is not None
    )


def _parts(cell: LexborNode) -> list[str] | None:
    """A cell of paragraphs, flat lists and code as parts: a list's items and a code block's
    lines on lines of their own (`<br>`), or None for anything deeper."""
    if cell.css_first(NOT_BESIDE_LINES) is not None:
        return None
    parts: list[str] = []
    run: list[LexborNode] = []
    for node in [*cell.iter(include_text=True), None]:
        if node is not None and node.tag not in ("p", "div", "ul", "ol", "pre"):
            run.append(node)
            continue
        parts.append(_inline_text(run))
        run = []
        if node is None:
            break
        if node.tag == "pre":
            parts.append("<br>".join(code_span(line) for line in node.text(deep=True).split("\n")))
        elif node.tag in ("ul", "ol"):
            items = [c for c in node.iter() if c.tag == "li"]
            marks = [f"{n}." for n in range(1, len(items) + 1)] if node.tag == "ol" else ["-"] * len(items)
            parts.append(
                "<br>".join(
                    f"{mark} {_inline_text(list(li.iter(include_text=True)))}"
                    for mark, li in zip(marks, items, strict=True)
                )
            )
        else:
            parts.append(_inline_text(list(node.iter(include_text=True))))
    return [part for part in parts if part]


def _inline_text(nodes: list[LexborNode]) -> str:
    return WHITESPACE.sub(" ", inline(nodes).replace("<br>\n", "<br>")).strip()


def _paragraphs(cell: LexborNode) -> list[LexborNode] | None:
    """A cell of nothing but `<p>`s (Confluence, Google Docs): its paragraphs."""
    nodes = list(cell.iter(include_text=True))
    if all(n.tag == "p" or (n.is_text_node and not (n.text_content or "").strip()) for n in nodes):
        return [n for n in nodes if n.tag == "p"]
    return None


def _cell(cell: LexborNode) -> str:
    lines = _parts(cell) if cell.css_first(LINES_IN_A_CELL) is not None else None
    if lines is not None:
        return "<br><br>".join(lines).replace("|", "\\|")
    paragraphs = _paragraphs(cell) if len(cell.css("p")) > 1 else None
    parts = [p.iter(include_text=True) for p in paragraphs] if paragraphs else [cell.iter(include_text=True)]
    texts = [_inline_text(list(part)) for part in parts]
    # A GFM cell is one line: paragraphs are kept apart by an empty line's worth of breaks.
    return "<br><br>".join(t for t in texts if t).replace("|", "\\|")


def _gfm(cells: list[list[str]]) -> str:
    width = max(len(row) for row in cells)
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join([lines[0], "|" + " --- |" * width, *lines[1:]])


def reduced_html(html: str) -> str:
    """HTML with only allowlisted tags and attributes; no blank line ends it early in Markdown."""
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROP_WITH_CONTENT),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(SAFE_SCHEMES),
        attribute_filter=_keep_attribute,
    )
    return BLANK_LINES.sub("\n", cleaned).strip()


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    if name == "href" and not is_external_url(value):  # pointed into the source's own site
        return None
    return value

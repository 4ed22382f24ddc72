"""Small pieces of the HTML walk: code blocks, images, display math, list items and their Markdown."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from generator.ingest.html_inline import WHITESPACE, formula_of_image, image
from generator.ingest.tree import Block

LANGUAGE = re.compile(r"(?:^|\s)(?:language|lang)-([\w+#.-]{1,30})")
PLAIN_LANGUAGE = re.compile(r"[\w+#.-]{1,30}")
CHOICE_WRAPPERS = frozenset({"label", "span"})
ALPHA_STYLE = re.compile(r"list-style(?:-type)?[ \t]*:[^;]{0,40}?\b(lower|upper)-(?:alpha|latin)\b", re.I)


def leading_newlines(text: str) -> int:
    return text[: len(text) - len(text.lstrip())].count("\n")


def number_of(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) < 10 else None


def checkbox(node: LexborNode) -> bool | None:
    """True/False when the item starts with a checkbox or radio button (before any text), else None."""
    for count, inner in enumerate(node.traverse(include_text=True)):
        if count > 8 or (inner.is_text_node and (inner.text_content or "").strip()):
            return None
        if inner.tag == "input":
            attrs = inner.attrs
            return "checked" in attrs if (attrs.get("type") or "").lower() in ("checkbox", "radio") else None
    return None


def choice_start(node: LexborNode) -> bool | None:
    """True/False (ticked or not) when an inline node opens a choice: a radio button or checkbox,
    or a `<label>`/`<span>` that starts with one (`<label><input type=radio> GELU</label>`)."""
    if node.tag == "input" or (node.is_element_node and node.tag in CHOICE_WRAPPERS):
        return checkbox(node)
    return None


def choice_lists(blocks: list[Block]) -> list[Block]:
    """Runs of two or more paragraphs that each open with a radio button or checkbox (a quiz
    page's form) as one list of ticked and unticked items, as a task list is read."""
    out: list[Block] = []
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and block.kind == "paragraph" and block.checked is not None:
            run.append(block)
            continue
        if len(run) >= 2:
            items = [Block("item", b.line, b.end, checked=b.checked, children=[b]) for b in run]
            out.append(Block("list", run[0].line, run[-1].end, children=items))
            finish_list(out[-1])
            for item in items:
                item.children[0].checked = None
        else:
            out += run
        run = []
        if block is not None:
            out.append(block)
    return out


def without_trailing_breaks(nodes: list[LexborNode]) -> list[LexborNode]:
    end = len(nodes)
    while end and (nodes[end - 1].tag == "br" or not (nodes[end - 1].text_content or "x").strip()):
        end -= 1  # `text_content` is None for an element: a label is kept
    return nodes[:end]


def letter_case(node: LexborNode) -> str | None:
    """The case of the letters of an `<ol type="a">` (or `list-style-type: upper-alpha`), or None."""
    attrs = node.attrs
    kind = (attrs.get("type") or "").strip()
    if kind in ("a", "A"):
        return kind
    style = ALPHA_STYLE.search(attrs.get("style") or "")
    return None if style is None else ("a" if style[1].lower() == "lower" else "A")


def letter_items(block: Block, case: str) -> None:
    """A lettered list becomes bullets that start `a) `, as the page shows them: Markdown has
    no lettered list, and `a)` lines are what reads as a question's options."""
    letters = "abcdefghijklmnopqrstuvwxyz" if case == "a" else "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    block.ordered = False
    for item in block.children:
        number, item.number = item.number or 0, None
        head = item.children[0] if item.children and item.children[0].kind == "paragraph" else None
        if head is None or not 1 <= number <= len(letters):
            continue
        head.text = f"{letters[number - 1]}) {head.text}"
        head.markdown = f"{letters[number - 1]}) {head.markdown}"


def finish_list(block: Block) -> None:
    """Each item's Markdown with its marker (`- `, `4. `, `- [x] `), the list's as their lines."""
    for item in block.children:
        children = item.children
        if children and children[0].kind == "paragraph":
            item.text = children[0].text
        parts = [children[0].markdown] if children else [""]
        for child in children[1:]:
            parts.append(("\n" if child.kind == "list" else "\n\n") + child.markdown)
        marker = f"{item.number}. " if block.ordered else "- "
        if item.checked is not None:
            marker += "[x] " if item.checked else "[ ] "
        head, *rest = "".join(parts).split("\n")
        item.markdown = "\n".join([marker + head, *(f"    {part}" if part else "" for part in rest)])
    block.markdown = "\n".join(item.markdown for item in block.children)


def code_block(node: LexborNode, line: int, end: int) -> Block:
    if node.css_first("br") is None:
        code = node.text(deep=True)
    else:
        code = "".join(
            "\n" if n.tag == "br" else (n.text_content or "")
            for n in node.traverse(include_text=True)
            if n.is_text_node or n.tag == "br"
        )
    code = code.strip("\n")
    fence = "`" * max(3, _longest_backticks(code) + 1)
    return Block("code", line, end, text=code, markdown=f"{fence}{_language(node)}\n{code}\n{fence}")


def _longest_backticks(text: str) -> int:
    return max((len(m) for m in re.findall(r"`+", text)), default=0)


def _language(node: LexborNode) -> str:
    inner = node.css_first("code")
    for element in (node, inner):
        classes = (element.attrs.get("class") or "") if element is not None else ""
        found = LANGUAGE.search(classes)
        if found:
            return found.group(1)
        names = classes.split()
        if "sourceCode" in names:  # pandoc: class="sourceCode python"
            other = [n for n in names if n != "sourceCode" and PLAIN_LANGUAGE.fullmatch(n)]
            if other:
                return other[0]
    return ""


def image_block(node: LexborNode, line: int) -> list[Block]:
    attrs = node.attrs
    src = (attrs.get("src") or "").strip()
    tex = formula_of_image(src)
    if tex:
        return [Block("math", line, line + 1, text=tex, markdown=f"$$\n{tex}\n$$")]
    markdown = image(node)
    if not markdown.startswith("!["):
        return [Block("paragraph", line, line + 1, text=markdown, markdown=markdown)] if markdown else []
    alt = WHITESPACE.sub(" ", attrs.get("alt") or "").strip()
    return [Block("image", line, line + 1, text=alt, markdown=markdown, url=src)]


def display_math(markdown: str) -> str | None:
    """The TeX of a paragraph that is one display formula (`$$…$$` or `\\[…\\]`)."""
    text = markdown.strip()
    for left, right in (("$$", "$$"), ("\\[", "\\]")):
        inner = text[2:-2]
        if text.startswith(left) and text.endswith(right) and left not in inner and right not in inner:
            return inner.strip() or None
    return None

"""GFM task lists for markdown-it-py: `- [ ] option` / `- [x] the right one`.

The tokens are those of mdit-py-plugins' `tasklists_plugin` (0.7.0), with disabled
checkboxes: the item's inline token gets a leading `html_inline` checkbox
(`checked="checked"` for `[x]`/`[X]`), loses its `[ ]`, and the item and its list
get the `task-list-item` / `contains-task-list` classes. The plugin finds each
item's list by scanning back from the item, which costs O(items²) on one long
list (a 20,000-item task list: 50 s); here one forward pass remembers the last
token at each nesting level, so the lookup is O(1).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# `[ ]`, `[x]` or `[X]` and GFM whitespace: https://github.github.com/gfm/#whitespace-character
TODO = re.compile(r"\[[ xX]][ \t\n\v\f\r]")
UNCHECKED = '<input class="task-list-item-checkbox" disabled="disabled" type="checkbox">'
CHECKED = '<input class="task-list-item-checkbox" checked="checked" disabled="disabled" type="checkbox">'


def tasklists_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("inline", "github-tasklists", _mark_tasks)


def _mark_tasks(state: StateCore) -> None:
    tokens = state.tokens
    last_at_level: dict[int, int] = {}  # level -> index of the last token before the item
    for i in range(2, len(tokens) - 1):
        if i >= 3:
            last_at_level[tokens[i - 3].level] = i - 3
        if not _is_todo(tokens, i):
            continue
        _todoify(tokens[i])
        tokens[i - 2].attrSet("class", "task-list-item")
        tokens[last_at_level.get(tokens[i - 2].level - 1, -1)].attrSet("class", "contains-task-list")


def _is_todo(tokens: list[Token], i: int) -> bool:
    return (
        tokens[i].type == "inline"
        and tokens[i - 1].type == "paragraph_open"
        and tokens[i - 2].type == "list_item_open"
        and TODO.match(tokens[i].content) is not None
    )


def _todoify(token: Token) -> None:
    assert token.children is not None
    checkbox = Token("html_inline", "", 0)
    if token.content.startswith("[ ] "):
        checkbox.content = UNCHECKED
    elif token.content.startswith(("[x] ", "[X] ")):
        checkbox.content = CHECKED
    token.children.insert(0, checkbox)
    token.children[1].content = token.children[1].content[3:]
    token.content = token.content[3:]

"""A markdown-it-py plugin: a `[` with no `]` after it is text, decided in one step.

markdown-it tries the link, image and footnote rules at every `[`, `![` and `^[`, and each
looks for the closing bracket through the nested brackets after it, as deep as the inline
nesting allows. On a line of `![` with no `]` (20,000 characters) that cost 1.3 s of parsing,
about 60 us a character. None of those rules can match without a `]` later in the text, so
this rule, which runs before them, keeps a run of openers as text in one step: the tokens
markdown-it makes without it.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

OPENERS = ("[", "![", "^[")
# After an unclosed opener every opener is unclosed, and `!` or `^` without a `[` is text too.
RUN = re.compile(r"[!^\[]+")


def brackets_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "unclosed_bracket", _unclosed_bracket)


def _unclosed_bracket(state: StateInline, silent: bool) -> bool:
    pos = state.pos
    if not state.src.startswith(OPENERS, pos, state.posMax) or _last_close(state) > pos:
        return False
    run = RUN.match(state.src, pos, state.posMax)  # the opener at least
    assert run is not None
    if not silent:
        state.pending += run.group()
    state.pos = run.end()
    return True


def _last_close(state: StateInline) -> int:
    # Once per inline text: nested link labels reuse the state and its `src`.
    found: tuple[str, int] | None = getattr(state, "_last_close", None)
    if found is None or found[0] is not state.src:
        found = (state.src, state.src.rfind("]"))
        state._last_close = found  # type: ignore[attr-defined]
    return found[1]

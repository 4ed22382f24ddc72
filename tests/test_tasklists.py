"""ingest.tasklists: the tokens of mdit-py-plugins' task lists, in linear time."""

from __future__ import annotations

import itertools

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.tasklists import tasklists_plugin as plugin_tasklists

from generator.ingest.tasklists import tasklists_plugin
from tests.test_complexity import MAX_RATIO, measure

PIECES = (
    "- [ ] a\n",
    "- [x] b\n",
    "- [X]\tc\n",
    "  - [ ] nested\n",
    "1. [x] ordered\n",
    "> - [ ] quoted\n",
    "\n",
    "- [ ]\n",
    "* [x]  two spaces\n",
    "    - [ ] indented\n",
    "text\n",
    "- plain\n",
    "- [ ] [ ] twice\n",
    "[ ] not in a list\n",
    "- \n  [x] lazy\n",
)
DOCUMENTS = ["".join(p) for p in itertools.product(PIECES, repeat=2)] + ["".join(PIECES) * 3]


@pytest.fixture(scope="module")
def parsers() -> tuple[MarkdownIt, MarkdownIt]:
    return MarkdownIt("commonmark").use(plugin_tasklists), MarkdownIt("commonmark").use(tasklists_plugin)


def test_the_same_tokens_and_html_as_the_plugin(parsers):
    theirs, ours = parsers
    for text in DOCUMENTS:
        assert [t.as_dict() for t in ours.parse(text)] == [t.as_dict() for t in theirs.parse(text)], text
        assert ours.render(text) == theirs.render(text)


def test_checked_and_unchecked_items_are_marked(parsers):
    _, ours = parsers
    tokens = ours.parse("- [ ] wrong\n- [x] right\n")
    inline = [t for t in tokens if t.type == "inline"]
    assert [t.content for t in inline] == [" wrong", " right"]  # as the plugin leaves them
    assert ['checked="checked"' in t.children[0].content for t in inline] == [False, True]
    assert tokens[0].attrs == {"class": "contains-task-list"}


def test_a_long_task_list_costs_linear_time(parsers):
    """The plugin scans back to the list from every item: 20,000 items took 50 s."""
    _, ours = parsers
    small, large = ("- [ ] a\n" * n for n in (1_000, 10_000))
    small_cost, large_cost = measure(ours.parse, small, large)
    assert large_cost < MAX_RATIO * small_cost

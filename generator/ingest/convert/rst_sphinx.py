"""Directives of Sphinx and its common extensions, which docutils alone does not know.

docutils reports an unknown directive and drops it with its content: an FAQ written as
sphinx-design dropdowns would read as nothing. These become plain doctree nodes:

    .. dropdown:: Why is the build slow?     <- dropdown, details, collapse, toggle, card:
       :open:                                   a topic titled by the argument (the
                                                converter writes `**title**` over the body)
       Because ...
    .. tab-set:: / .. grid::                 <- containers: their content as it is
    .. tab-item:: Linux                      <- a container under an italic label
    .. versionadded:: 2.1                    <- a note titled "New in version 2.1"
    .. seealso:: / .. glossary::             <- a note "See also" / a container

Every option is accepted and ignored. Nothing here reads files (no literalinclude).
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive, directives


class _AnyOption(dict[str, Any]):
    """Accepts every `:option:` (non-empty, so docutils parses options at all)."""

    def __missing__(self, key: str) -> Any:
        return directives.unchanged


ANY_OPTION = _AnyOption(name=directives.unchanged)


class _Block(Directive):
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = ANY_OPTION

    def body(self, node: nodes.Element) -> list[nodes.Node]:
        self.state.nested_parse(self.content, self.content_offset, node)
        node.line = self.lineno
        return [node]

    def title(self, text: str) -> nodes.title:
        inline, _ = self.state.inline_text(text, self.lineno)
        title = nodes.title(text, "", *inline)
        title.line = self.lineno
        return title


class Titled(_Block):
    def run(self) -> list[nodes.Node]:
        node = nodes.topic(classes=[self.name])
        if self.arguments:
            node += self.title(self.arguments[0])
        return self.body(node)


class Container(_Block):
    def run(self) -> list[nodes.Node]:
        node = nodes.container(classes=[self.name])
        if self.arguments:
            label = nodes.paragraph()
            label += nodes.emphasis("", "", *self.state.inline_text(self.arguments[0], self.lineno)[0])
            node += label
        return self.body(node)


class Version(_Block):
    WORDS: ClassVar[dict[str, str]] = {
        "versionadded": "New in version",
        "versionchanged": "Changed in version",
    }

    def run(self) -> list[nodes.Node]:
        version, *text = (self.arguments[0] if self.arguments else "").split(None, 1) or [""]
        words = self.WORDS.get(self.name, "Deprecated since version")
        return self.note(f"{words} {version}", text[0] if text else "")

    def note(self, title: str, text: str) -> list[nodes.Node]:
        """An admonition; `text` is what the directive line itself says (`.. seealso:: :doc:`x``)."""
        node = nodes.admonition(classes=[self.name])
        node += self.title(title)
        if text.strip():
            node += nodes.paragraph(text, "", *self.state.inline_text(" ".join(text.split()), self.lineno)[0])
        return self.body(node)


class SeeAlso(Version):
    def run(self) -> list[nodes.Node]:
        return self.note("See also", self.arguments[0] if self.arguments else "")


TITLED = ("dropdown", "details", "collapse", "toggle", "card", "grid-item-card", "spoiler")
CONTAINERS = ("tab-set", "tabs", "grid", "grid-item", "tab-item", "tab", "group-tab", "glossary", "hlist")
for _name in TITLED:
    directives.register_directive(_name, Titled)
for _name in CONTAINERS:
    directives.register_directive(_name, Container)
for _name in ("versionadded", "versionchanged", "deprecated"):
    directives.register_directive(_name, Version)
directives.register_directive("seealso", SeeAlso)

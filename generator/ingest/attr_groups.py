"""`{ onclick=... }` inside what reads as math.

A `$$ ... $$` in the middle of a paragraph is no math to arithmatex, so Python-Markdown's
attr_list reads a `{...}` in it after `*x*`: `$$ *x*{: onclick="..." } $$` became a live
handler. LaTeX needs its groups, so only a group that sets an attribute a page could act on
(an event handler, a style, a URL) loses its braces' meaning: each of its `{` is escaped.
"""

from __future__ import annotations

import re

RISKY = re.compile(
    r"(?<![\w-])(?:on[a-z]+|style|href|src|srcset|srcdoc|background|action|formaction|poster|xlink:href)"
    r"[ \t]*=",
    re.I,
)


def escape_attribute_groups(text: str) -> str:
    """Each `{` of a `...}` segment (from the last `}` or line start) that sets a risky attribute
    becomes `\\{`: attr_list reads from any `{` to the next `}`, so all of them."""
    out = []
    for line in text.split("\n"):
        parts = line.split("}")
        for index, part in enumerate(parts[:-1]):
            if "{" in part and RISKY.search(part):
                parts[index] = part.replace("{", "\\{")
        out.append("}".join(parts))
    return "\n".join(out)

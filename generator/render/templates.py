"""The one Jinja environment every page renders through (templates in generator/templates).

Templates ask `links` for every path they link to (`link(here, pages.sources, anchor)`),
so `here`, the page being rendered, is part of each page's context.
"""

from __future__ import annotations

import jinja2

from generator.render import links

TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("generator", "templates"),
    autoescape=False,  # we emit Markdown; source text is made safe before it gets here
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
    # Templates ship with the package and do not change during a run; without this every
    # `{% include %}` (one per entry) checks the file's mtime on disk.
    auto_reload=False,
)
TEMPLATES.globals.update(links.TEMPLATE_GLOBALS)

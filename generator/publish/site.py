"""Run MkDocs on the generated tree (`build`, strict) and finish its pages (MathML, glossary tooltips).

MkDocs runs as a separate process (`python -m mkdocs`): the generator imports
nothing from it, and no hook or plugin of ours sits in its build. MathJax is
copied from the pinned `django-static-mathjax` package into build/docs at build
time, so the site serves its own copy and never calls a CDN.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

from generator.errors import BuildError
from generator.publish import abbr, engines, mathfont, mathml
from generator.publish import search as pagefind
from generator.publish.config import SiteOptions, existing_config

# Only what the CHTML TeX component needs: the component, its fonts, the TeX
# extensions it autoloads on first use (\boldsymbol, \color, \cancel, ...), and the
# lazy-typesetting extension math.js loads (only formulas in view are typeset).
# ui/safe.js: MathJax filters the URLs, classes, ids and styles a formula asks for (math.js).
MATHJAX_PARTS = (
    "tex-chtml.js",
    "output/chtml/fonts/woff-v2",
    "input/tex/extensions",
    "ui/lazy.js",
    "ui/safe.js",
)
MATHJAX_TARGET = Path("assets") / "mathjax"
PROBLEM_LINE = re.compile(r"^(WARNING|ERROR)\b|^Aborted")


def mathjax_source() -> Path:
    spec = importlib.util.find_spec("mathjax")
    if spec is None or not spec.submodule_search_locations:
        raise BuildError(
            "MathJax files not found: install the pinned 'django-static-mathjax' package "
            "(bash scripts/install-and-build does)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "static" / "mathjax" / "es5"


def copy_mathjax(docs_dir: Path) -> None:
    source, target = mathjax_source(), docs_dir / MATHJAX_TARGET
    for part in MATHJAX_PARTS:
        src, dest = source / part, target / part
        if src.is_dir():
            shutil.copytree(src, dest, dirs_exist_ok=True)
        elif src.is_file():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
        else:
            raise BuildError(f"MathJax file missing from the installed package: {src}")


def build_site(root: Path, options: SiteOptions | None = None) -> Path:
    """Build build/docs into site/ with the config the build wrote (generator/publish/config.py);
    `mkdocs build --strict`: a warning fails the build with its message.

    With Pagefind search, MkDocs builds without Material's search plugin, then Pagefind indexes
    site/. With Zensical (generator/publish/engines.py) the steps after it (MathML, glossary
    tooltips, Pagefind) are the same.
    """
    options = options or SiteOptions()
    config = existing_config(root, options.engine)
    copy_mathjax(root / "build" / "docs")
    if options.engine == "zensical":
        engines.build_zensical(root, config)
    else:
        run_mkdocs(root, config)
    finish_pages(root / "site")
    if options.search == "pagefind":
        pagefind.run_pagefind(root / "site")
    return root / "site"


def run_mkdocs(root: Path, config: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        cwd=root,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if PROBLEM_LINE.search(line)]
        print("\n".join(lines or result.stderr.splitlines()[-20:]), file=sys.stderr)
        raise BuildError(f"mkdocs build --strict failed with {len(lines)} problem lines (listed above)")


def finish_pages(site_dir: Path) -> int:
    """Every formula of the built pages as MathML (generator/publish/mathml.py) and the math font
    they need, and glossary tooltips on first mentions only (generator/publish/abbr.py); returns
    how many formulas were left for MathJax (`check` names them, with lines)."""
    left, used = 0, set()
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        typeset, fallbacks = mathml.typeset_html(text)
        typeset = abbr.first_mentions(typeset)
        if typeset != text:
            page.write_text(typeset, encoding="utf-8")
            if "<math" in typeset:
                used |= mathml.characters(typeset[typeset.find("<math") :])
        left += len(fallbacks)
    if used:
        mathfont.write_math_font(used, site_dir / mathfont.FONT_FILE)
    return left

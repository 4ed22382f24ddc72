"""The engine that turns build/docs into site/: MkDocs with Material (the default) or Zensical.

Both read the same generated Markdown, the same overrides/ and the same build/mkdocs.yml;
Zensical gets a copy of that config, build/zensical.yml, with what only it needs:
- its site_dir must lie inside the folder of its config, so it builds into build/site,
  which then replaces site/;
- `extra.engine: zensical` lets overrides/ take the few branches where its template engine
  (minijinja) differs from Jinja2, and the header show Zensical's own search box;
- `theme.variant: classic`, Material's look, which overrides/assets/site.css is written for;
- Pagefind mode turns its search off, since Zensical adds search when no plugin names it.
Both run as separate processes (`python -m`): the generator imports neither.
"""

from __future__ import annotations

import copy
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from generator.errors import BuildError

ENGINES = ("mkdocs", "zensical")
ZENSICAL_CONFIG = "zensical.yml"
# Zensical reports a broken link as a coloured "Warning: message" line, then a box whose
# first line is "╭─[ path:line:column ]"; a template or config error ends in a traceback.
ANSI = re.compile(r"\x1b\[[0-9;]*m")
REPORT = re.compile(r"^(Warning|Error): (.*)$")
WHERE = re.compile(r"^\s*╭─\[ (\S+):(\d+):\d+ \]$")
FATAL = ("RuntimeError", "ConfigurationError", "FileNotFoundError")


def zensical_config(mkdocs_config: dict[str, Any]) -> dict[str, Any]:
    """build/zensical.yml's content: build/mkdocs.yml's (site_url and search mode in it), for Zensical."""
    data = copy.deepcopy(mkdocs_config)
    data["site_dir"] = "site"
    data.setdefault("theme", {})["variant"] = "classic"
    extra = data.setdefault("extra", {})
    extra["engine"] = "zensical"
    if extra.get("search") == "pagefind":
        data["plugins"] = [*data.get("plugins", []), {"search": {"enabled": False}}]
    return data


def build_zensical(root: Path, target: Path) -> None:
    """`zensical build --strict` on build/zensical.yml into build/site, which then replaces site/."""
    if importlib.util.find_spec("zensical") is None:
        raise BuildError("--engine zensical needs the pinned 'zensical' package (pip install '.[zensical]')")
    command = [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "-f", str(target)]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        output = ANSI.sub("", result.stderr + result.stdout).splitlines()
        lines = problem_lines(output, os.path.relpath(target.parent / "docs", root))
        print("\n".join(lines or output[-20:]), file=sys.stderr)
        raise BuildError(f"zensical build --strict failed with {len(lines)} problem lines (listed above)")
    site = root / "site"
    if site.exists():
        shutil.rmtree(site)
    (target.parent / "site").rename(site)


def problem_lines(output: list[str], docs: str) -> list[str]:
    """Zensical's report as `path:line: severity: message` lines, and a fatal error's last line."""
    out: list[str] = []
    pending: tuple[str, str] | None = None
    for line in output:
        report, where = REPORT.match(line), WHERE.match(line)
        if report:
            if pending:
                out.append(f"{pending[0]}: {pending[1]}")
            pending = (report[1].lower(), report[2])
        elif where and pending:
            out.append(f"{docs}/{where[1]}:{where[2]}: {pending[0]}: {pending[1]}")
            pending = None
        elif line.startswith(FATAL):
            out.append(line)
    if pending:
        out.append(f"{pending[0]}: {pending[1]}")
    return out

"""Side by side: each formula of the generated pages as MathJax typesets it in the browser
(left, the site's old runtime path) and as the MathML the build now writes with the site's
math font (right, generator/publish/mathml.py and mathfont.py). Prints how many formulas convert
and writes one screenshot of the most complex ones (longest TeX first).

    python -m benchmarks.math_compare build/docs OUT_DIR [--top 5]

build/docs (after a build) supplies the Markdown pages and the MathJax copy.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import tempfile
from pathlib import Path

from generator.publish.mathfont import write_math_font
from generator.publish.mathml import characters, tex_to_mathml
from tests.support.server import serve

# $$...$$ and $...$ as the generated Markdown writes them (arithmatex's generic input).
DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.S)
INLINE = re.compile(r"(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$")
PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ font: 16px system-ui; margin: 12px; }}
.pair {{ display: grid; grid-template-columns: 1fr 1fr; gap: 12px; align-items: center;
border-bottom: 1px solid #ccc; padding: 8px 0; }}
.label {{ font: 12px monospace; color: #555; grid-column: 1 / 3; }}
@font-face {{ font-family: "STIX Two Math"; src: url("math.woff2") format("woff2"); }}
math {{ font-family: "STIX Two Math", math; font-size: 1.15em; }}</style>
<script>window.MathJax = {{ tex: {{ inlineMath: [["\\\\(", "\\\\)"]],
displayMath: [["\\\\[", "\\\\]"]] }} }};</script>
<script src="mathjax/tex-chtml.js"></script></head><body>{rows}</body></html>"""


def formulas(docs: Path) -> list[tuple[str, bool]]:
    found: dict[tuple[str, bool], None] = {}
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in DISPLAY.finditer(text):
            found[(match.group(1).strip(), True)] = None
        for match in INLINE.finditer(DISPLAY.sub("", text)):
            found[(match.group(1).strip(), False)] = None
    return sorted(found, key=lambda f: -len(f[0]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("docs", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--port", type=int, default=8931)
    args = parser.parse_args()
    found = formulas(args.docs)
    converted = [(tex, display, tex_to_mathml(tex, display)) for tex, display in found]
    failed = [tex for tex, _, mathml in converted if mathml is None]
    print(
        f"{len(found)} formulas, {len(found) - len(failed)} converted to MathML, "
        f"{len(failed)} left to MathJax"
    )
    for tex in failed:
        print(f"  fallback: {tex}")
    rows = []
    for i, (tex, display, mathml) in enumerate(converted[: args.top]):
        mathjax = f"\\[{html.escape(tex)}\\]" if display else f"\\({html.escape(tex)}\\)"
        rows.append(
            f'<div class="pair" id="f{i}"><div class="label">{html.escape(tex)}</div>'
            f"<div>{mathjax}</div><div>{mathml or '(fallback)'}</div></div>"
        )
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        shutil.copytree(args.docs / "assets" / "mathjax", site / "mathjax")
        used = {c for _, _, mathml in converted[: args.top] if mathml for c in characters(mathml)}
        write_math_font(used, site / "math.woff2")
        (site / "index.html").write_text(PAGE.format(rows="".join(rows)), encoding="utf-8")
        (site / "404.html").write_text("not found", encoding="utf-8")
        server, url = serve(site, args.port)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1100, "height": 800})
            page.goto(url)
            page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise")
            page.evaluate("MathJax.startup.promise")
            page.wait_for_timeout(500)
            page.screenshot(path=str(args.out / "formulas.png"), full_page=True)
            browser.close()
        server.shutdown()
    print(f"wrote {args.out / 'formulas.png'}")


if __name__ == "__main__":
    main()

"""Take the README's screenshots from a real build: the home page and a topic page, light and dark.

    python -m generator build --site-url http://127.0.0.1:8765/llm-study/
    python -m tests.browser.screenshots [site] [topic-id]

Writes .github/screenshots/{home,topic}-{light,dark}.png. The topic shot opens the first
entry that has a formula (preferring one asked in several sources) with its answer unfolded.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM_ARGS, chromium_path
from tests.support.server import serve

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / ".github" / "screenshots"
PORT = 8765  # must match the --site-url the site was built with
SHOW_ENTRY_JS = """() => {
  const entries = [...document.querySelectorAll('.qa')].filter(e => e.querySelector('math, .arithmatex'));
  const entry = entries.find(e => e.querySelector('.qa-badge--multi')) || entries[0];
  if (!entry) return false;
  entry.querySelectorAll('details').forEach(d => d.open = true);
  const heading = entry.previousElementSibling;
  window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 110);
  return true;
}"""


def take(site: Path, topic: str) -> list[Path]:
    server, base = serve(site, PORT)
    written = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
            for scheme in ("light", "dark"):
                context = browser.new_context(viewport={"width": 1280, "height": 860}, color_scheme=scheme)
                page = context.new_page()
                page.goto(base)
                page.wait_for_load_state("networkidle")
                written.append(OUT / f"home-{scheme}.png")
                page.screenshot(path=written[-1])
                page.goto(f"{base}topics/{topic}/")
                page.wait_for_load_state("networkidle")
                page.evaluate(SHOW_ENTRY_JS)
                page.wait_for_function(
                    "[...document.querySelectorAll('.arithmatex')].filter(m => "
                    "m.getBoundingClientRect().bottom > 0 && m.getBoundingClientRect().top < innerHeight)"
                    ".every(m => m.querySelector('mjx-math'))"
                )
                page.wait_for_timeout(500)
                written.append(OUT / f"topic-{scheme}.png")
                page.screenshot(path=written[-1])
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    site_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    for path in take(site_dir, sys.argv[2] if len(sys.argv) > 2 else "transformers-attention"):
        print(f"wrote {path.relative_to(ROOT)}")

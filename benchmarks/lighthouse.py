"""Lighthouse (npm, pinned in package.json) with Debian's Chromium, mobile settings, on the
home page, the topic page with the most formulas, and the largest topic page without math.

The built site is served on loopback under /llm-study/ by tests/support/server.py, with
gzip added the way GitHub Pages serves text files, so transfer sizes match the real host.
Prints performance, accessibility, best practices, SEO and transferred page weight.
Targets: 95 / 100 / 100 / 100, and a topic page without MathJax under 300 KB.

    python -m benchmarks.lighthouse [--site site] [--runs 3] [--keep-json DIR]

Performance swings with the machine's load (Lighthouse scales the CPU time it observes),
so each page is run --runs times and the run with the median performance is reported,
with the range and the load average.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from tests.support.server import _Handler

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_WEIGHT_NO_MATH = 300_000
COMPRESSIBLE = re.compile(r"\.(html|css|js|json|svg|xml|txt|map)$")
MATH = re.compile(r'class="arithmatex"')
FIRST_MATH_ENTRY = re.compile(
    r'<div class="qa"[^>]*? data-qid="([^"]+)"(?:(?!<div class="qa").)*?class="arithmatex"', re.S
)


class GzipHandler(_Handler):
    """The test server plus gzip for text files, as GitHub Pages does."""

    def send_head(self):
        path = self.translate_path(self.path)
        if not (
            COMPRESSIBLE.search(path)
            and os.path.isfile(path)
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


class QuietServer(ThreadingHTTPServer):
    """A browser that closes a page mid-download is normal here, not worth a traceback."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = QuietServer(("127.0.0.1", 0), functools.partial(GzipHandler, site_dir=site.resolve()))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/llm-study/"


def pick_pages(site: Path) -> dict[str, str]:
    """Label -> site-relative URL: home, most formulas, and the largest page without math."""
    topics = {p.parent.name: p.read_text(encoding="utf-8") for p in (site / "topics").glob("*/index.html")}
    if not topics:
        return {"home": ""}
    most_math = max(topics, key=lambda t: len(MATH.findall(topics[t])))
    plain = [t for t, text in topics.items() if not MATH.search(text)]
    pages = {"home": "", f"topic, most formulas ({most_math})": f"topics/{most_math}/"}
    # Answers are folded and MathJax waits for a formula in view, so also land on an
    # answer with math, as a search result does: that load pays for MathJax.
    # The page is opened the way a search result opens it: ?h=<a word of the question>.
    entry = FIRST_MATH_ENTRY.search(topics[most_math])
    heading = entry and re.search(rf'<h2 id="{re.escape(entry.group(1))}">(.*?)<', topics[most_math])
    if heading:
        answer = entry.group(0).lower()
        word = max(re.findall(r"[a-z]+", heading.group(1).lower()), key=lambda w: (w in answer, len(w)))
        pages["same, opened from search on an answer with math"] = (
            f"topics/{most_math}/?h={word}#{entry.group(1)}"
        )
    if plain:
        biggest = max(plain, key=lambda t: len(topics[t]))
        pages[f"topic, no math ({biggest})"] = f"topics/{biggest}/"
    return pages


def run_lighthouse(url: str, out: Path) -> dict:
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--only-categories=" + ",".join(CATEGORIES),
        "--form-factor=mobile",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
    ]
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROME}, timeout=300)
    return json.loads(out.read_text())


def summarise(report: dict) -> dict:
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    audits = report["audits"]
    scores["weight"] = audits["total-byte-weight"]["numericValue"]
    scores["fcp"] = audits["first-contentful-paint"]["numericValue"]
    scores["lcp"] = audits["largest-contentful-paint"]["numericValue"]
    scores["failed"] = sorted(
        a["id"]
        for cat in ("accessibility", "best-practices", "seo")
        for ref in report["categories"][cat]["auditRefs"]
        if (a := audits[ref["id"]]).get("score") is not None and a["score"] < 1 and ref["weight"] > 0
    )
    return scores


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--site", type=Path, default=ROOT / "site")
    p.add_argument("--keep-json", type=Path, help="keep Lighthouse's JSON reports in this folder")
    p.add_argument("--runs", type=int, default=3, help="runs per page; the median run is reported")
    args = p.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse missing: run `npm ci` (installs the devDependencies)")
    if not (args.site / "index.html").exists():
        raise SystemExit(f"{args.site} has no built site: run `python -m generator build` first")
    server, base = serve(args.site)
    out_dir = args.keep_json or Path(tempfile.mkdtemp(prefix="lighthouse-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = {}
    try:
        for label, rel in pick_pages(args.site).items():
            slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
            runs = sorted(
                (
                    summarise(run_lighthouse(base + rel, out_dir / f"{slug}-{i}.json"))
                    for i in range(args.runs)
                ),
                key=lambda r: r["performance"],
            )
            rows[label] = {
                **runs[len(runs) // 2],
                "runs": runs,
                "range": (runs[0]["performance"], runs[-1]["performance"]),
            }
    finally:
        server.shutdown()
        server.server_close()
    print_table(rows)


def print_table(rows: dict[str, dict]) -> None:
    head = (
        f"{'page':<44} {'perf':>4} {'range':>7} {'a11y':>4} {'best':>4} {'seo':>4} "
        f"{'weight':>8} {'FCP':>6} {'LCP':>6}"
    )
    print(head)
    print("-" * len(head))
    for label, r in rows.items():
        low, high = r["range"]
        print(
            f"{label[:44]:<44} {r['performance']:>4} {f'{low}-{high}':>7} {r['accessibility']:>4} "
            f"{r['best-practices']:>4} "
            f"{r['seo']:>4} {r['weight'] / 1e3:>6.0f}KB {r['fcp'] / 1e3:>5.1f}s {r['lcp'] / 1e3:>5.1f}s"
        )
    for label, r in rows.items():
        missed = [f"{c} {r[c]} < {t}" for c, t in TARGETS.items() if r[c] < t]
        if "no math" in label and r["weight"] >= MAX_WEIGHT_NO_MATH:
            missed.append(f"weight {r['weight'] / 1e3:.0f} KB >= 300 KB")
        print(
            f"{label}: {'all targets met' if not missed else 'MISSED ' + '; '.join(missed)}"
            + (f" (failing audits: {', '.join(r['failed'])})" if r["failed"] else "")
        )
    print(
        "mobile emulation (Lighthouse defaults: Moto G Power, slow 4G throttling), gzip as on GitHub Pages;"
        f" median of {len(next(iter(rows.values()))['runs'])} runs, load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()

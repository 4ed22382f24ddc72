"""Lighthouse (npm, pinned in package.json) with Debian's Chromium, mobile settings, on the
four pages issue 15 names: the home page, the largest topic page, the topic page with the
most formulas, and that page opened the way a search result opens an answer with math
(`?h=word#question-id`, so study.js opens the folded answer on load).

The built site is served on loopback under /llm-study/ by the generator's preview server,
with gzip added the way GitHub Pages serves text files, so transfer sizes match the real
host. Prints, per page, the median of --runs runs (default 5) for performance with its
range and the load average the runs saw, accessibility, best practices, SEO, CLS, total
blocking time, transferred bytes and script requests.
Targets: performance >= 98, the other three 100, CLS < 0.01, a topic page without math
under 150 KB transferred.

    python -m benchmarks.lighthouse [--site site] [--runs 5] [--keep-json DIR]

Performance swings with the machine's load (Lighthouse scales the CPU time it observes),
so run it when the machine is quiet; the load average is printed with every figure.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

from tests.support.server import _Handler

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_CLS = 0.01
MAX_WEIGHT_NO_MATH = 150_000
COMPRESSIBLE = re.compile(r"\.(html|css|js|json|svg|xml|txt|map)$")
# Formulas are MathML since generator/mathml.py; one the build could not convert stays TeX.
MATH = re.compile(r'<math\b|class="arithmatex"')
ENTRY = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="headerlink"(.*?)(?=<h2 id=|</article>)', re.S)


@functools.lru_cache(maxsize=256)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    """A file's gzip body, made once per version of the file, as GitHub Pages' CDN keeps it
    (compressing a 600 KB JSON file again for every request cost the browser CPU here)."""
    return gzip.compress(Path(path).read_bytes(), 6, mtime=0)


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
        body = _gzipped(path, os.stat(path).st_mtime_ns)
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
    """Label -> site-relative URL for the four pages of issue 15."""
    topics = {p.parent.name: p.read_text(encoding="utf-8") for p in (site / "topics").glob("*/index.html")}
    if not topics:
        return {"home": ""}
    largest = max(topics, key=lambda t: len(topics[t]))
    most_math = max(topics, key=lambda t: len(MATH.findall(topics[t])))
    pages = {
        "home": "",
        f"largest topic ({largest})": f"topics/{largest}/",
        f"most formulas ({most_math})": f"topics/{most_math}/",
    }
    landing = search_landing(topics[most_math])
    if landing:
        pages["search landing on a math answer"] = f"topics/{most_math}/{landing}"
    return pages


def search_landing(page: str) -> str | None:
    """`?h=word#question-id` for the entry with the most formulas in its answer, with a word
    of the question that its answer holds, as a search result links it."""
    entries = [(len(MATH.findall(m.group(3))), m) for m in ENTRY.finditer(page)]
    count, entry = max(entries, key=lambda e: e[0], default=(0, None))
    if not count or entry is None:
        return None
    answer = re.sub(r"<[^>]*>", " ", entry.group(3)).lower()
    words = re.findall(r"[a-z]{3,}", entry.group(2).lower()) or ["the"]
    word = max(words, key=lambda w: (w in answer, len(w)))
    return f"?h={word}#{entry.group(1)}"


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


def summarise(report: dict, load: float) -> dict:
    scores: dict = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    scores["load"] = load
    # Lighthouse's own measure of the machine's speed (higher is faster): the same page
    # scores lower on a slower machine, so figures from two machines compare through it.
    scores["machine"] = report.get("environment", {}).get("benchmarkIndex", 0)
    scores["weight"] = audits["total-byte-weight"]["numericValue"]
    scores["scripts"] = sum(1 for r in requests if r.get("resourceType") == "Script")
    scores["requests"] = len(requests)
    for key, audit in (
        ("fcp", "first-contentful-paint"),
        ("lcp", "largest-contentful-paint"),
        ("tbt", "total-blocking-time"),
        ("cls", "cumulative-layout-shift"),
        ("si", "speed-index"),
    ):
        scores[key] = audits[audit]["numericValue"]
    scores["failed"] = sorted(
        a["id"]
        for cat in CATEGORIES
        for ref in report["categories"][cat]["auditRefs"]
        if (a := audits[ref["id"]]).get("score") is not None and a["score"] < 0.9 and ref["weight"] > 0
    )
    return scores


def measure(url: str, runs: int, out_dir: Path, slug: str) -> dict:
    """`runs` runs of one page; the median run's figures, with the ranges of the runs."""
    results = []
    for i in range(runs):
        load = os.getloadavg()[0]
        results.append(summarise(run_lighthouse(url, out_dir / f"{slug}-{i}.json"), load))
        time.sleep(1)
    by_perf = sorted(results, key=lambda r: r["performance"])
    median = {**by_perf[len(by_perf) // 2]}
    for key in ("performance", "tbt", "cls", "weight", "fcp", "lcp", "load"):
        values = [r[key] for r in results]
        median[key] = statistics.median(values)
        median[f"{key}_range"] = (min(values), max(values))
    median["runs"] = results
    return median


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--site", type=Path, default=ROOT / "site")
    p.add_argument("--keep-json", type=Path, help="keep Lighthouse's JSON reports in this folder")
    p.add_argument("--runs", type=int, default=5, help="runs per page; medians are reported")
    p.add_argument("--only", help="measure only the pages whose label contains this text")
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
            if args.only and args.only not in label:
                continue
            slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
            rows[label] = measure(base + rel, args.runs, out_dir, slug)
            rows[label]["url"] = rel
    finally:
        server.shutdown()
        server.server_close()
    print_table(rows, args.runs)


def print_table(rows: dict[str, dict], runs: int) -> None:
    head = (
        f"{'page':<36} {'perf':>4} {'range':>7} {'load':>9} {'a11y':>4} {'best':>4} {'seo':>4} "
        f"{'CLS':>6} {'TBT ms':>9} {'KB':>4} {'js':>3} {'FCP':>5} {'LCP':>5}"
    )
    print(head)
    print("-" * len(head))
    for label, r in rows.items():
        low, high = r["performance_range"]
        lo_load, hi_load = r["load_range"]
        tbt_lo, tbt_hi = r["tbt_range"]
        print(
            f"{label[:36]:<36} {r['performance']:>4.0f} {f'{low}-{high}':>7} "
            f"{f'{lo_load:.1f}-{hi_load:.1f}':>9} {r['accessibility']:>4} {r['best-practices']:>4} "
            f"{r['seo']:>4} {r['cls_range'][1]:>6.3f} {f'{tbt_lo:.0f}-{tbt_hi:.0f}':>9} "
            f"{r['weight'] / 1e3:>4.0f} {r['scripts']:>3} {r['fcp'] / 1e3:>4.1f}s {r['lcp'] / 1e3:>4.1f}s"
        )
    for label, r in rows.items():
        missed = [f"{c} {r[c]:.0f} < {t}" for c, t in TARGETS.items() if r[c] < t]
        if r["cls_range"][1] >= MAX_CLS:
            missed.append(f"CLS {r['cls_range'][1]:.3f} >= {MAX_CLS}")
        if "topic" in label and not MATH.search(label) and r["weight"] >= MAX_WEIGHT_NO_MATH:
            missed.append(f"weight {r['weight'] / 1e3:.0f} KB >= {MAX_WEIGHT_NO_MATH / 1e3:.0f} KB")
        verdict = "all targets met" if not missed else "MISSED " + "; ".join(missed)
        print(
            f"{label} ({r['url'] or '/'}): {verdict}"
            + (f" (audits below 0.9: {', '.join(r['failed'])})" if r["failed"] else "")
        )
    print(
        "mobile emulation (Lighthouse defaults: Moto G Power, slow 4G, 4x CPU slowdown), gzip as on "
        f"GitHub Pages; median of {runs} runs (CLS: the worst run), load average (1 min) at each run's "
        f"start; {os.cpu_count()} CPUs"
    )
    speeds = [run["machine"] for r in rows.values() for run in r["runs"]]
    if speeds:
        print(f"Lighthouse benchmarkIndex of this machine (higher is faster): {min(speeds)}-{max(speeds)}")


if __name__ == "__main__":
    main()

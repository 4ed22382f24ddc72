"""Search at scale: search_index.json bytes per question (raw and gzipped) and, in headless
Chromium, the time from navigation start to the first search result on a fresh load
(Material builds its index in a web worker on every fresh load).

Targets at 10,000 questions: first results under ~300 ms, index under ~1 MB gzipped.

    python -m benchmarks.bench_search                     # 1,000 and 10,000 questions
    python -m benchmarks.bench_search --sizes 1000 10000 50000
    python -m benchmarks.bench_search --site site         # the real site, already built
    python -m benchmarks.bench_search --pagefind          # also the Pagefind prototype

The Pagefind prototype (PyPI `pagefind[bin]`, not a project dependency) indexes the same
built pages into a chunked index under site/pagefind/, then times, on a fresh load, the
import of pagefind.js, the search and the first result's data, and counts the bytes
that fetched: only the index chunks a query needs travel, not the whole index.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_scale import Timer, run_generator, run_mkdocs
from benchmarks.lighthouse import serve
from benchmarks.synth import generate

QUERY = "attention"
RESULT = ".md-search-result__item"
RUNS = 3
CHROMIUM = "/usr/bin/chromium"
FIRST_RESULT_MS, INDEX_GZ = 300, 1_000_000
PAGEFIND_SEARCH = """async (query) => {
  const pagefind = await import(new URL('pagefind/pagefind.js', document.baseURI).href);
  await pagefind.init();
  const search = await pagefind.search(query);
  const first = await search.results[0].data();
  return {ms: performance.now(), hits: search.results.length, url: first.url,
          sub: first.sub_results.length};
}"""


def index_sizes(site: Path) -> tuple[int, int]:
    data = (site / "search" / "search_index.json").read_bytes()
    return len(data), len(gzip.compress(data, 6, mtime=0))


def time_first_result(browser, url: str) -> tuple[float, float]:
    """(ms from navigation start to first result, ms from typing to first result), fresh context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        typed = page.evaluate("() => performance.now()")
        page.fill(".md-search__input", QUERY)
        page.wait_for_selector(RESULT, timeout=120_000)
        shown = page.evaluate("() => performance.now()")
        return shown, shown - typed
    finally:
        context.close()


def pagefind_index(site: Path) -> int:
    """Run Pagefind over the built pages (content only: Material's <article>); bundle bytes."""
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article",
                    "--quiet"], check=True, timeout=1200)
    return sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())


def time_pagefind(browser, url: str) -> tuple[float, int]:
    """(ms from navigation start to the first result's data, bytes transferred for it), fresh context."""
    context = browser.new_context()
    try:
        page = context.new_page()
        sizes = []
        page.on("requestfinished", lambda r: "/pagefind/" in r.url and sizes.append(r.sizes()["responseBodySize"]))
        page.goto(url, wait_until="load")
        result = page.evaluate(PAGEFIND_SEARCH, QUERY)
        assert result["hits"] > 0, result
        return result["ms"], sum(sizes)
    finally:
        context.close()


def measure_pagefind(site: Path, browser) -> dict:
    bundle = pagefind_index(site)
    server, url = serve(site)
    try:
        runs = [time_pagefind(browser, url) for _ in range(RUNS)]
    finally:
        server.shutdown()
        server.server_close()
    return {"pf_bundle": bundle, "pf_ms": statistics.median(r[0] for r in runs), "pf_bytes": runs[-1][1]}


def measure(site: Path, browser) -> dict:
    raw, gz = index_sizes(site)
    server, url = serve(site)
    try:
        runs = [time_first_result(browser, url) for _ in range(RUNS)]
    finally:
        server.shutdown()
        server.server_close()
    return {"raw": raw, "gz": gz, "load_to_result": statistics.median(r[0] for r in runs),
            "type_to_result": statistics.median(r[1] for r in runs)}


def build_synthetic(n: int, work: Path) -> tuple[Path, int]:
    root = work / f"synth-{n}"
    generate(n, root)
    timer = Timer()
    corpus = run_generator(root, timer)
    run_mkdocs(root, timer)
    return root / "site", len(corpus.questions)


def main() -> None:
    from playwright.sync_api import sync_playwright

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    p.add_argument("--site", type=Path, help="measure this built site instead of synthetic ones")
    p.add_argument("--pagefind", action="store_true", help="also measure the Pagefind prototype")
    args = p.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        targets = [(args.site, None)] if args.site else [(None, n) for n in args.sizes]
        for site, n in targets:
            if site is None:
                site, found = build_synthetic(n, Path(tmp))
            else:
                import json
                found = len(json.loads((site / "questions.json").read_text())["questions"])
            rows.append({"n": n or found, "found": found, **measure(site, browser)})
            if args.pagefind:
                rows[-1].update(measure_pagefind(site, browser))
            print(f"  {rows[-1]['n']}: done", flush=True)
        browser.close()
    print_table(rows)


def print_table(rows: list[dict]) -> None:
    head = (f"{'questions':>9} {'index KB':>9} {'gz KB':>7} {'B/q':>6} {'gz B/q':>6} "
            f"{'load->result ms':>15} {'type->result ms':>15}")
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['n']:>9} {r['raw'] / 1e3:>9.0f} {r['gz'] / 1e3:>7.0f} {r['raw'] / r['found']:>6.0f} "
              f"{r['gz'] / r['found']:>6.0f} {r['load_to_result']:>15.0f} {r['type_to_result']:>15.0f}")
    if any("pf_ms" in r for r in rows):
        print(f"\nPagefind prototype{'':<3} {'bundle KB':>9} {'fetched KB':>10} {'load->result ms':>15}")
        for r in rows:
            if "pf_ms" in r:
                print(f"{r['n']:>21} {r['pf_bundle'] / 1e3:>9.0f} {r['pf_bytes'] / 1e3:>10.0f} {r['pf_ms']:>15.0f}")
    for r in rows:
        if r["n"] == 10_000:
            ok = r["load_to_result"] <= FIRST_RESULT_MS and r["gz"] <= INDEX_GZ
            print(f"targets at 10,000 (first result <= {FIRST_RESULT_MS} ms, index <= 1 MB gz): "
                  + ("ok" if ok else "MISSED, see benchmarks/README.md (scalable search)"))
    print(f"median of {RUNS} fresh loads, query {QUERY!r}, headless Chromium, loopback, gzip")


if __name__ == "__main__":
    main()

"""Scale benchmark: time each generator stage on synthetic corpora of 1,000 / 10,000 / 50,000 questions.

Stages are `generator.pipeline`'s own, timed through its hook: read (discover + decode),
parse (junk + the format readers), clean (questions), classify, deduplicate, relate, math
(the formulas MathML cannot hold), then render + publish (`pipeline.write_docs`), and optionally the
MkDocs build.
Prints one table row per size, then the targets (issue 15): 10,000 questions generate in
< 5 s of CPU (render's worker processes included); still linear to 50,000 (50,000 / 10,000
CPU ratio <= 5.5); each stage within its budget at 10,000 (BUDGET); no HTML page over
~1 MB at 50,000 (needs --mkdocs).
The stage table reads the files in this process; `python -m generator build --no-site`
reads each one in a worker process (its time budget) and starts an interpreter, so the
whole command is timed too (`cli`: its CPU seconds, workers included), unless --no-cli.

    python -m benchmarks.bench_scale                      # 1k, 10k, 50k; generator only
    python -m benchmarks.bench_scale --sizes 1000 10000 --mkdocs
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.synth import generate
from generator import pipeline
from generator.model import Corpus

GENERATOR_STAGES = (*pipeline.STAGES, "render")
MAX_PAGE = 1_000_000
TARGET_10K = 5.0  # CPU seconds for 10,000 questions, every generator stage
MAX_RATIO = 5.5  # 50,000 / 10,000: linear, with room for the larger pages and sets
# CPU seconds per stage at 10,000 questions; they add up to TARGET_10K.
BUDGET = {
    "read": 0.15,
    "parse": 0.8,
    "clean": 0.8,
    "classify": 0.8,
    "dedupe": 0.15,
    "relate": 0.6,
    "math": 0.1,
    "render": 1.6,
}


ROOT = Path(__file__).resolve().parents[1]


def cpu_now() -> float:
    """CPU seconds of this process and its finished children (MkDocs may run as a child)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class Timer:
    """Adds wall time and CPU time per stage name across many calls.

    CPU time is what the table shows: on a shared machine wall time grows with the load
    of other processes, CPU time much less.
    """

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)

    def __call__(self, stage, fn, *args, **kwargs):
        started, cpu = time.perf_counter(), cpu_now()
        result = fn(*args, **kwargs)
        self.wall[stage] += time.perf_counter() - started
        self.seconds[stage] += cpu_now() - cpu
        return result


def run_generator(root: Path, timer: Timer) -> Corpus:
    """generator.pipeline.gather (every stage, timed through its hook), then render."""
    corpus = pipeline.gather(root, timed=timer)
    timer("render", pipeline.write_docs, corpus, root / "build" / "docs", root)
    return corpus


def run_mkdocs(root: Path, timer: Timer) -> None:
    from generator.publish import site

    timer("mkdocs", site.build_site, root)


def page_sizes(root: Path) -> tuple[str, int]:
    """The largest page: built HTML when the site exists, else generated Markdown."""
    pages = list((root / "site").rglob("*.html")) or list((root / "build" / "docs").rglob("*.md"))
    biggest = max(pages, key=lambda p: p.stat().st_size)
    return str(biggest.relative_to(root)), biggest.stat().st_size


def search_index(root: Path) -> tuple[int, int] | None:
    index = root / "site" / "search" / "search_index.json"
    if not index.exists():
        return None
    data = index.read_bytes()
    return len(data), len(gzip.compress(data, 6, mtime=0))


def cli_cpu(root: Path) -> float:
    """CPU seconds of `python -m generator build --no-site` as a user runs it, its workers included."""
    before = cpu_now()
    command = [sys.executable, "-m", "generator", "--root", str(root), "build", "--no-site"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return cpu_now() - before


def bench(n: int, with_mkdocs: bool, work: Path, with_cli: bool = True) -> dict:
    root = work / f"synth-{n}"
    generate(n, root)
    timer = Timer()
    corpus = run_generator(root, timer)
    cli = cli_cpu(root) if with_cli else None
    if with_mkdocs:
        run_mkdocs(root, timer)
    name, size = page_sizes(root)
    return {
        "n": n,
        "found": len(corpus.questions),
        "problems": len(corpus.problems),
        "seconds": dict(timer.seconds),
        "wall": sum(timer.wall[s] for s in GENERATOR_STAGES),
        "stage_wall": dict(timer.wall),
        "largest": (name, size),
        "index": search_index(root),
        "cli": cli,
    }


def print_table(rows: list[dict], with_mkdocs: bool) -> None:
    stages = GENERATOR_STAGES + (("mkdocs",) if with_mkdocs else ())
    head = f"{'questions':>9} {'found':>6} " + " ".join(f"{s:>8}" for s in stages) + f" {'generator':>9}"
    head += f" {'wall':>6} {'largest page':>12} {'index B/q':>9} {'gz B/q':>7}"
    print(head)
    print("-" * len(head))
    for r in rows:
        gen = sum(r["seconds"].get(s, 0) for s in GENERATOR_STAGES)
        cells = " ".join(f"{r['seconds'].get(s, 0):>8.2f}" for s in stages)
        raw, gz = r["index"] or (0, 0)
        per = f"{raw / r['n']:>9.0f} {gz / r['n']:>7.0f}" if r["index"] else f"{'-':>9} {'-':>7}"
        print(
            f"{r['n']:>9} {r['found']:>6} {cells} {gen:>9.2f} {r['wall']:>6.1f} "
            f"{r['largest'][1] / 1e3:>10.0f}KB {per}"
        )
        walls = " ".join(f"{r['stage_wall'].get(s, 0):>8.2f}" for s in stages)
        print(f"{'wall':>9} {'':>6} {walls} {r['wall']:>9.2f}")
    for r in rows:
        if r["cli"] is not None:
            print(f"cli at {r['n']}: python -m generator build --no-site, {r['cli']:.2f} s CPU as a whole")
    print(
        "stage columns and 'generator' are CPU seconds (the 'wall' rows: wall-clock seconds per stage);\n"
        "render's CPU includes its worker processes (card HTML is converted on all cores)"
    )
    print_targets(rows)


def print_targets(rows: list[dict]) -> None:
    gen = {r["n"]: sum(r["seconds"].get(s, 0) for s in GENERATOR_STAGES) for r in rows}
    if 10_000 in gen:
        print(
            f"target 10,000 questions < {TARGET_10K:.0f} s of CPU: {gen[10_000]:.2f} s -> "
            f"{'met' if gen[10_000] < TARGET_10K else 'MISSED'}"
        )
        at_10k = next(r for r in rows if r["n"] == 10_000)["seconds"]
        for stage, budget in BUDGET.items():
            spent = at_10k.get(stage, 0)
            verdict = "met" if spent <= budget else "MISSED"
            print(f"  {stage:<9} {spent:>5.2f} s of {budget:.2f} s -> {verdict}")
    if 10_000 in gen and 50_000 in gen:
        ratio = gen[50_000] / gen[10_000]
        print(f"target 50k/10k <= {MAX_RATIO}: {ratio:.2f} -> {'met' if ratio <= MAX_RATIO else 'MISSED'}")
    for r in rows:
        name, size = r["largest"]
        print(
            f"largest page at {r['n']}: {name} {size / 1e3:.0f} KB"
            + (" -> MISSED (> ~1 MB)" if size > MAX_PAGE and name.endswith(".html") else "")
        )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"load average {load} (a busy machine inflates wall time more than CPU time); "
        f"reference loop {reference_loop():.2f} s CPU"
    )


def reference_loop() -> float:
    """CPU seconds of a fixed pure-Python loop (10 million additions), best of 3: the targets
    are CPU seconds, and this says how fast the machine that measured them runs Python."""
    best = float("inf")
    for _ in range(3):
        started, total = time.process_time(), 0
        for i in range(10_000_000):
            total += i
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 50_000])
    p.add_argument("--mkdocs", action="store_true", help="also build the site (slow at 50k)")
    p.add_argument("--no-cli", action="store_true", help="skip timing the whole CLI build")
    p.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        work = args.keep or Path(tmp)
        rows = []
        for n in args.sizes:
            rows.append(bench(n, args.mkdocs, work, not args.no_cli))
            print(f"  {n}: done", flush=True)
        print_table(rows, args.mkdocs)


if __name__ == "__main__":
    main()

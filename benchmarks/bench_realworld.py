"""Per-document figures of the readers on shared/real-world/ (gold.json beside the documents).

    python -m benchmarks.bench_realworld [--verbose]

Prints, per document: gold questions, found, spurious, MCQ right, answered with an
answer, prompts without one, raw-Markdown titles, read time, and the structure chosen.
"""

from __future__ import annotations

import sys
import time

from tests.support.realworld import REAL_WORLD, gold, score


def main(argv: list[str]) -> int:
    if not (REAL_WORLD / "gold.json").exists():
        print(f"{REAL_WORLD} is absent: nothing to measure")
        return 0
    header = f"{'document':<40} {'gold':>4} {'found':>5} {'spur':>4} {'mcq':>7} {'answered':>9} "
    header += f"{'prompts':>7} {'raw':>3} {'ms':>5}"
    print(header)
    totals = [0] * 9
    for name, expected in gold().items():
        start = time.perf_counter()
        f = score(name, expected)
        ms = (time.perf_counter() - start) * 1000
        row = [
            f.gold,
            f.found,
            f.spurious,
            f.mcq_right,
            f.mcq,
            f.answered_ok,
            f.answered,
            f.prompts_ok,
            f.prompts,
        ]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        print(
            f"{name[:40]:<40} {f.gold:>4} {f.found:>5} {f.spurious:>4} {f.mcq_right:>3}/{f.mcq:<3} "
            f"{f.answered_ok:>4}/{f.answered:<4} {f.prompts_ok:>3}/{f.prompts:<3} "
            f"{len(f.raw_titles):>3} {ms:>5.0f}"
        )
        print(f"    {f.structure}")
        if "--verbose" in argv:
            for line in f.missing + f.wrong + f.raw_titles:
                print(f"    ! {line}")
    g, found, spur, mr, m, ao, a, po, p = totals
    print(
        f"{'total':<40} {g:>4} {found:>5} {spur:>4} {mr:>3}/{m:<3} {ao:>4}/{a:<4} {po:>3}/{p:<3}"
        f"   found {found / g:.1%}, answered {ao / max(a, 1):.1%}, spurious {spur / g:.1%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Reproducible builds in search mode "pagefind": two builds of the real project, in two folders,
with different hash seeds, give byte-identical build/docs and site/, Pagefind's index included."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_reproducible import EPOCH, copy_project, digests, explain


def start_pagefind_build(root: Path, hash_seed: str) -> subprocess.Popen:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(root)}
    command = [sys.executable, "-m", "generator", "--root", str(root), "build", "--search", "pagefind"]
    return subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def test_two_pagefind_builds_are_byte_identical(tmp_path):
    a, b = copy_project(tmp_path / "a"), copy_project(tmp_path / "b")
    runs = [start_pagefind_build(a, "1"), start_pagefind_build(b, "2")]
    logs = [run.communicate(timeout=600)[0] for run in runs]
    for root, run, log in zip((a, b), runs, logs):
        built = (root / "site" / "pagefind" / "pagefind.js").exists()
        assert built, f"build in {root} failed ({run.returncode}):\n{log}"
    da, db = digests(a), digests(b)
    assert set(da) == set(db), (f"file lists differ: only in first {sorted(set(da) - set(db))[:10]}, "
                                f"only in second {sorted(set(db) - set(da))[:10]}")
    differing = [rel for rel in da if da[rel] != db[rel]]
    assert not differing, (f"{len(differing)} of {len(da)} files differ:\n"
                           + "\n".join(explain(rel, a, b) for rel in differing[:8]))
    index = [rel for rel in da if rel.startswith("site/pagefind/")]
    assert any(rel.endswith(".pf_fragment") for rel in index)
    assert any(rel.endswith(".pf_index") for rel in index)
    assert not (a / "site" / "search").exists()

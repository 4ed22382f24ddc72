"""Reproducible builds: the same input built twice, in two different folders, with different
hash seeds but the same SOURCE_DATE_EPOCH, gives byte-identical build/docs and site/."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ("content", "overrides", "generator", "mkdocs.yml")
OUTPUTS = ("build/docs", "site")
EPOCH = "1700000000"


def copy_project(dest: Path) -> Path:
    for name in PROJECT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def start_build(root: Path, hash_seed: str, *options: str) -> subprocess.Popen:
    # Different PYTHONHASHSEEDs flush out output that depends on set or dict-of-set order.
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(root)}
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(root), "build", *options],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def digests(root: Path) -> dict[str, str]:
    out = {}
    for sub in OUTPUTS:
        for path in sorted((root / sub).rglob("*")):
            if path.is_file():
                out[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def explain(rel: str, a: Path, b: Path) -> str:
    """Where two versions of a file first differ, in a line a maintainer can act on."""
    x, y = (a / rel).read_bytes(), (b / rel).read_bytes()
    if rel.endswith(".gz"):
        ux, uy = gzip.decompress(x), gzip.decompress(y)
        if ux == uy:
            return f"{rel}: same content, different gzip header (mtime {x[4:8].hex()} vs {y[4:8].hex()})"
        x, y = ux, uy
    at = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
    return (
        f"{rel}: first difference at byte {at} of {len(x)}/{len(y)}:\n"
        f"    {x[max(0, at - 60) : at + 60]!r}\n    {y[max(0, at - 60) : at + 60]!r}"
    )


def build_twice_and_compare(tmp_path: Path, *options: str, built: str = "site/index.html") -> dict[str, str]:
    """Build two copies of the project at once with different hash seeds; assert that every
    output file is byte-identical and return the digests of the first."""
    a, b = copy_project(tmp_path / "a"), copy_project(tmp_path / "b")
    runs = [start_build(a, "1", *options), start_build(b, "2", *options)]
    logs = [run.communicate(timeout=600)[0] for run in runs]
    for root, run, log in zip((a, b), runs, logs):
        assert (root / built).exists(), f"build in {root} failed ({run.returncode}):\n{log}"
    da, db = digests(a), digests(b)
    assert set(da) == set(db), (
        f"file lists differ: only in first {sorted(set(da) - set(db))[:10]}, "
        f"only in second {sorted(set(db) - set(da))[:10]}"
    )
    differing = [rel for rel in da if da[rel] != db[rel]]
    assert not differing, f"{len(differing)} of {len(da)} files differ:\n" + "\n".join(
        explain(rel, a, b) for rel in differing[:8]
    )
    return da


def test_two_builds_are_byte_identical(tmp_path):
    da = build_twice_and_compare(tmp_path)
    assert any(rel.startswith("site/") for rel in da) and any(rel.startswith("build/docs/") for rel in da)

"""Supply chain: the hashed lock files the README installs from stay pinned, hashed,
in step with pyproject.toml, and above the versions with known advisories."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
LOCKS = ("requirements/build.txt", "requirements/test.txt", "requirements/bench.txt")
PIN_LINE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")
RELOCK = (
    "re-lock: pip-compile --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url "
    "--no-emit-find-links [--extra test [--extra bench]] -o requirements/{build,test,bench}.txt "
    "pyproject.toml"
)
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")

# package -> (lowest version past its known advisories, first version not allowed).
# The floors come from issue 5; MkDocs 2 is a different tool that Material's plugins do not run on.
FLOORS = {
    "markdown": (Version("3.8.1"), None),
    "pymdown-extensions": (Version("11.0.1"), None),
    "mkdocs": (None, Version("2")),
}


def lock_entries(rel: str) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) for each requirement in a pip-compile --generate-hashes file."""
    entries: dict[str, tuple[str, list[str]]] = {}
    current = None
    for raw in (ROOT / rel).read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN_LINE.match(line)
        if match:
            current = canonicalize_name(match[1])
            entries[current] = (match[2], [])
        elif line.startswith("--hash=") and current:
            entries[current][1].extend(HASH.findall(line))
        elif line.startswith("-"):
            pytest.fail(f"{rel}: unexpected option line {line!r} (no index URLs or find-links in a lock)")
        else:
            pytest.fail(f"{rel}: requirement is not pinned with ==: {line!r}")
    return entries


def pyproject_pins() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]

    def pins(specs: list[str]) -> dict[str, str]:
        out = {}
        for spec in specs:
            req = Requirement(spec)
            (only,) = list(req.specifier)  # every direct dependency is an exact pin
            assert only.operator == "==", f"pyproject.toml: {spec!r} is not an exact pin"
            out[canonicalize_name(req.name)] = only.version
        return out

    extras = project["optional-dependencies"]
    return pins(project["dependencies"]), pins(extras["test"]), pins(extras["bench"])


@pytest.mark.parametrize("rel", LOCKS)
def test_every_locked_requirement_is_pinned_and_hashed(rel):
    entries = lock_entries(rel)
    assert entries, f"{rel} holds no requirements"
    unhashed = [name for name, (_, hashes) in entries.items() if not hashes]
    assert not unhashed, f"{rel}: no --hash for {unhashed}"


def test_pyproject_pins_match_the_locks():
    build, test, bench = pyproject_pins()
    wanted = {LOCKS[0]: build, LOCKS[1]: {**build, **test}, LOCKS[2]: {**build, **test, **bench}}
    mismatches = []
    for rel, pins in wanted.items():
        lock = lock_entries(rel)
        mismatches += [
            f"{name}: pyproject {ver}, {rel} {lock.get(name, ('missing',))[0]}"
            for name, ver in pins.items()
            if lock.get(name, ("",))[0] != ver
        ]
    assert not mismatches, f"{RELOCK}\n" + "\n".join(mismatches)


@pytest.mark.parametrize(("smaller", "larger"), [(LOCKS[0], LOCKS[1]), (LOCKS[1], LOCKS[2])])
def test_each_lock_keeps_the_versions_of_the_one_it_extends(smaller, larger):
    """Tests run against exactly the versions the site is built with; benchmarks too."""
    small, large = lock_entries(smaller), lock_entries(larger)
    differ = {
        n: (v, large.get(n, ("missing",))[0]) for n, (v, _) in small.items() if large.get(n, ("",))[0] != v
    }
    assert not differ, f"{smaller} vs {larger}: {differ}"


@pytest.mark.parametrize("rel", LOCKS)
def test_locked_versions_clear_known_advisories(rel):
    entries = lock_entries(rel)
    for name, (floor, ceiling) in FLOORS.items():
        assert name in entries, f"{rel}: {name} missing"
        version = Version(entries[name][0])
        assert floor is None or version >= floor, f"{rel}: {name} {version} < {floor} (known advisory)"
        assert ceiling is None or version < ceiling, f"{rel}: {name} {version} >= {ceiling}"


def test_npm_tools_are_exact_pins_with_integrity():
    manifest = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    packages = lock["packages"]
    for section in ("dependencies", "devDependencies"):
        for name, spec in manifest.get(section, {}).items():
            assert re.fullmatch(r"\d+\.\d+\.\d+", spec), f"package.json: {name} {spec!r} is not an exact pin"
            assert packages[f"node_modules/{name}"]["version"] == spec, f"package-lock.json: {name} differs"
    missing = [
        path for path, meta in packages.items() if path and not meta.get("link") and "integrity" not in meta
    ]
    assert not missing, f"package-lock.json entries without integrity: {missing[:5]}"

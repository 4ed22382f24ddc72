"""The YAML files in content/ are checked against their schemas: each problem names the
file, the line and the key path, and every problem is listed at once."""

from __future__ import annotations

import pytest

from generator.config import load_curation, load_sources_meta, load_topics
from generator.errors import ConfigError


def problems(load, tmp_path, text: str, *args) -> list[str]:
    path = tmp_path / "file.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load(path, *args)
    return [line.removeprefix(f"{path}:") for line in str(err.value).splitlines()]


def test_topics_name_line_and_key_path(tmp_path):
    text = (
        "topics:\n"
        "  - id: rag\n    title: RAG\n    kinds: [open, essay]\n"
        "  - id: rag\n    title: Again\n"
        "  - title: No id\n"
    )
    assert problems(load_topics, tmp_path, text) == [
        "4: topics[0].kinds[1]: 'essay' is not one of open, mcq, prompt",
        "7: topics[2]: missing id",
    ]
    fixed = text.replace("essay", "mcq").replace("  - title: No id\n", "")
    assert problems(load_topics, tmp_path, fixed) == ["5: topics[1].id: duplicate id 'rag'"]


def test_curation_and_sources(tmp_path):
    assert problems(load_curation, tmp_path, "pin:\n  q-1: nowhere\nmerge:\n  - [a]\n", {"rag"}) == [
        "4: merge[0]: expected a list of two or more question ids, got ['a']"
    ]
    assert problems(load_curation, tmp_path, "pin:\n  q-1: nowhere\n", {"rag"}) == [
        "2: pin.q-1: unknown topic 'nowhere'"
    ]
    text = "notes:\n  title: Notes\n  questions: headings\n  colour: x\n"
    found = problems(load_sources_meta, tmp_path, text)
    assert found[0] == "4: notes: unknown key 'colour'"
    assert found[1].startswith("3: notes.questions: 'headings' is not one of heading, heading-1,")

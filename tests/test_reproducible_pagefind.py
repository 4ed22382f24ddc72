"""Reproducible builds in search mode "pagefind": two builds of the real project, in two folders,
with different hash seeds, give byte-identical build/docs and site/, Pagefind's index included."""

from __future__ import annotations

from tests.test_reproducible import build_twice_and_compare


def test_two_pagefind_builds_are_byte_identical(tmp_path):
    da = build_twice_and_compare(tmp_path, "--search", "pagefind", built="site/pagefind/pagefind.js")
    index = [rel for rel in da if rel.startswith("site/pagefind/")]
    assert any(rel.endswith(".pf_fragment") for rel in index)
    assert any(rel.endswith(".pf_index") for rel in index)
    assert not any(rel.startswith("site/search/") for rel in da), "Material's search index was built too"

"""Answer Markdown from a parse tree reads the same in Python-Markdown (MkDocs) as on GitHub."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator.ingest.pymd import for_python_markdown
from generator.model import Line

ROOT = Path(__file__).resolve().parents[1]
REAL_WORLD = ROOT.parent / "shared" / "real-world"
# The site's block-level Markdown: MkDocs' defaults and the mkdocs.yml extensions that shape blocks.
SITE = ["tables", "fenced_code", "sane_lists", "pymdownx.superfences", "pymdownx.arithmatex"]
GITHUB = MarkdownIt("commonmark").enable("table")


def site_html(text: str) -> str:
    md = markdown.Markdown(extensions=SITE, extension_configs={"pymdownx.arithmatex": {"generic": True}})
    return md.convert(text)


def rewrite(text: str) -> str:
    lines = tuple(Line(n, t) for n, t in enumerate(text.split("\n"), start=1))
    return "\n".join(line.text for line in for_python_markdown(lines))


def shape(html: str) -> list[str]:
    """The list structure of rendered HTML: opening and closing list tags in order."""
    return re.findall(r"</?(?:ul|ol|li)\b", html)


@pytest.mark.parametrize(
    "source",
    [
        "- **Parent**: text\n  - child one\n  - child two\n- next",
        "1. first\n   - nested under a 3-space marker\n2. second",
        "1) one\n2) two",
        "Core parts:\n- a list that interrupts a paragraph\n- second",
        "* Encoder: text\n\n  * loose child\n\n  * another\n* Decoder: text\n\n  * child",
        "2. Network:\n* a bullet list after a numbered one\n  * nested",
    ],
    ids=[
        "two-space-nesting",
        "three-space-nesting",
        "paren-markers",
        "list-after-text",
        "loose",
        "mixed-types",
    ],
)
def test_lists_have_the_structure_github_gives_them(source):
    assert shape(site_html(rewrite(source))) == shape(GITHUB.render(source))


@pytest.mark.parametrize(
    "source",
    [
        "The operation is:\n$$QK^T$$\nwhere Q is the query.",
        "$$a = 1$$\n$$b = 2$$",
        "1. **Attention**: the core:\n   $$\\text{softmax}(QK^T)V$$\n2. **Norm**: next",
        "- **MoE**: experts\n  $$y = \\sum_i G(x)_i E_i(x)$$\n  where G gates.\n- **Merging**: more",
    ],
    ids=["after-text", "consecutive", "in-ordered-item", "in-bullet-item"],
)
def test_whole_line_dollar_dollar_is_display_math(source):
    html = site_html(rewrite(source))
    assert html.count('<div class="arithmatex">') == source.count("$$") // 2, html
    assert not re.search(r"\$<span|</span>\$", html), html
    assert shape(html) == shape(GITHUB.render(source)), html


def test_code_in_an_item_keeps_its_own_indentation():
    source = "- step:\n  ```python\n  def f():\n      return 1\n  ```\n- done"
    html = site_html(rewrite(source))
    assert "def f():\n    return 1" in re.sub(r"<[^>]*>", "", html)
    assert shape(html) == shape(GITHUB.render(source))


def test_plain_paragraphs_and_code_are_left_alone():
    source = "One paragraph.\n\n```\n$$not math$$\n  - not a list\n```\n\nAnother."
    assert rewrite(source) == source


@settings(deadline=2000, max_examples=200)
@given(st.text(alphabet=" -*+1.)$\n>`abc\\", max_size=300))
def test_any_text_comes_back_without_an_error(text):
    out = for_python_markdown(tuple(Line(n, t) for n, t in enumerate(text.split("\n"), start=1)))
    assert all("\n" not in line.text for line in out)

    # Only whitespace changes, and a `1)` marker becomes `1.`: no text is lost or added.
    def letters(s: str) -> str:
        return re.sub(r"\s", "", s).replace(")", ".")

    assert letters("".join(line.text for line in out)) == letters(text)


@pytest.mark.skipif(not REAL_WORLD.is_dir(), reason="../shared/real-world is not beside the project")
def test_real_world_lists_and_formulas_render_as_on_github(tmp_path):
    from generator.pipeline import gather

    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns("sources"))
    sources = tmp_path / "content" / "sources"
    sources.mkdir()
    names = ("devinterview-llms-interview-questions", "youssefhosni-deep-learning-qa")
    for name in names:
        shutil.copy(REAL_WORLD / f"{name}.md", sources)
    corpus = gather(tmp_path)
    for name in names:
        source = (REAL_WORLD / f"{name}.md").read_text(encoding="utf-8")
        ours = "".join(site_html(q.answer) for q in corpus.questions if q.source == name and q.answer)
        nested = re.compile(r"<li>(?:(?!</li>).)*?<(?:ul|ol)>", re.S)
        assert len(nested.findall(ours)) == len(nested.findall(GITHUB.render(source))), name
        display = len(re.findall(r"^\s*\$\$.+\$\$\s*$", source, re.M))
        assert ours.count('<div class="arithmatex">') == display, name
        assert not re.search(r"\$<span class=\"arithmatex\">|</span>\$", ours), name


def test_a_line_that_holds_several_lines_is_laid_out_line_by_line():
    # Token maps count physical lines; one Line holding a whole list once raised IndexError.
    lines = (Line(2, "Intro\n\n1. first\n   more\n2. second"), Line(3, "- after"))
    out = for_python_markdown(lines)
    assert "\n".join(line.text for line in out) == "Intro\n\n1. first\n    more\n2. second\n\n- after"

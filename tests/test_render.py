"""Rendering on a small hand-made corpus: anchors, merged duplicates, MCQs, prompts,
hidden questions, pagination, determinism, and a strict MkDocs build of the result."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator import pipeline, watch
from generator.config import load_topics
from generator.errors import ConfigError
from generator.ingest.sources import make_source
from generator.model import Choice, Corpus, Document, Line, Question, Source
from generator.publish import config, docs
from generator.publish.config import SiteOptions
from generator.render import layout as render_layout
from generator.render import pages as render
from generator.render import sources as render_sources
from generator.render import topics as render_topics
from generator.settings import SiteSettings, load_settings
from tests.support.questions import bundled_content, q

ROOT = Path(__file__).resolve().parents[1]
HEADING = re.compile(r"^## (.+) \{ #([A-Za-z0-9_-]+) \}$", re.M)


def sample_corpus() -> Corpus:
    """Two sources, a duplicate group across them, an MCQ, a prompt, math and a hidden question."""
    sources = [
        Source("alpha", "content/sources/alpha.txt", "Top 50 LLM Interview Questions", "Notes.", "numbered"),
        Source("beta", "content/sources/beta.md", "Beta notes", "", "markdown_headings"),
    ]
    qs = [
        q(
            "alpha",
            1,
            "What is LoRA?",
            answer="Low-rank matrices $W = W_0 + BA$.\n\n- rank $r$",
            label="21",
            math=True,
        ),
        q(
            "alpha",
            2,
            "What is KL divergence?",
            answer="$$D_{KL}(P\\|Q) = \\sum_x P(x) \\log \\frac{P(x)}{Q(x)}$$",
            math=True,
        ),
        q(
            "alpha",
            3,
            "Explain beam search.",
            answer="Keeps the best {{ config }} partial sequences {% include x %}.",
        ),
        q("beta", 1, "What is catastrophic forgetting?", section="Fine-tuning"),
        q(
            "beta",
            2,
            "Which method freezes the base weights?",
            "mcq",
            "Only adapters train.",
            choices=(Choice("A", "Full fine-tuning"), Choice("B", "LoRA"), Choice("C", "Pre-training")),
            correct="B",
            stem="| method | trains |\n| --- | --- |\n| LoRA | adapters |",
        ),
        q("beta", 3, "Describe LoRA in your own words.", "prompt", None),
        q("beta", 4, "What is LoRA and why use it?", answer="Cheap fine-tuning."),
        q("beta", 5, "A hidden question?", "prompt", None),
    ]
    corpus = Corpus(
        sources=sources,
        questions=qs,
        topics=list(load_topics(ROOT / "content" / "topics.yml")),
        content=bundled_content(),
    )
    corpus.topic_of = {x.id: "fine-tuning" for x in qs}
    corpus.topic_of[qs[1].id] = "math-foundations"
    corpus.topic_of[qs[2].id] = "decoding"
    corpus.group_of = {qs[0].id: "lora", qs[6].id: "lora"}
    corpus.related_of = {qs[5].id: (qs[0].id, qs[3].id, qs[7].id)}
    corpus.hidden = frozenset({qs[7].id})
    return corpus


@pytest.fixture
def corpus() -> Corpus:
    return sample_corpus()


@pytest.fixture
def files(corpus) -> dict[str, str]:
    return docs.docs_files(corpus)


def by_text(corpus: Corpus, text: str) -> Question:
    return next(x for x in corpus.questions if x.question == text)


def entry_block(page: str, qid: str) -> str:
    """The Markdown of one entry: from its heading to the next `## `."""
    start = page.index(f"{{ #{qid} }}")
    end = page.find("\n## ", start)
    return page[start : end if end > 0 else None]


def test_every_shown_question_has_one_anchor_on_its_topic_page(corpus, files):
    data = json.loads(files["questions.json"])
    for record in data["questions"]:
        if record["hidden"]:
            continue
        page_md = "topics/" + record["url"].split("/")[1] + ".md"
        anchors = re.findall(rf'\{{ #{record["id"]} \}}|<span id="{record["id"]}"></span>', files[page_md])
        assert len(anchors) == 1, record["id"]


def test_hidden_question_is_left_off_every_page(corpus, files):
    hidden = by_text(corpus, "A hidden question?")
    assert not [path for path, text in files.items() if path.endswith(".md") and hidden.id in text]


def test_duplicates_merge_into_one_entry_with_a_tab_per_source(corpus, files):
    page = files["topics/fine-tuning.md"]
    lora, twin = by_text(corpus, "What is LoRA?"), by_text(corpus, "What is LoRA and why use it?")
    assert [h[1] for h in HEADING.findall(page)].count(lora.id) == 1
    assert twin.id not in [h[1] for h in HEADING.findall(page)]
    block = entry_block(page, lora.id)
    assert "Asked in 2 sources" in block
    assert f'data-ids="{lora.id} {twin.id}"' in block
    assert '    === "Top 50 LLM Interview Questions, Q21"' in block
    assert '    === "Beta notes"' in block  # Beta numbers nothing: no "Q4" it never printed
    assert "        Cheap fine-tuning." in block


def test_mcq_lists_options_and_folds_the_correct_answer(corpus, files):
    mcq = by_text(corpus, "Which method freezes the base weights?")
    block = entry_block(files["topics/fine-tuning.md"], mcq.id)
    assert '<ol class="mcq" data-correct="B" type="A" markdown>' in block
    assert re.findall(r'<li data-letter="([A-D])"', block) == ["A", "B", "C"]
    assert "??? answer" in block and "**Correct answer: B.** LoRA" in block
    assert "Multiple choice" in block
    # The table the question asks about shows with it, before the options, not in the folded answer.
    stem = block.index('<div class="qa-stem" markdown>')
    assert stem < block.index('<ol class="mcq"') < block.index("??? answer")
    assert block.index("| LoRA | adapters |") < block.index('<ol class="mcq"')


def test_practice_prompt_is_marked_has_no_answer_and_links_related_shown_questions(corpus, files):
    prompt = by_text(corpus, "Describe LoRA in your own words.")
    block = entry_block(files["topics/fine-tuning.md"], prompt.id)
    assert "Practice prompt" in block and "??? answer" not in block
    related = re.search(r'<p class="qa-related"[^>]*>(.*)</p>', block).group(1)
    assert related.startswith("Study these first:")
    assert by_text(corpus, "What is LoRA?").id in related
    assert by_text(corpus, "A hidden question?").id not in related


def test_citation_uses_the_source_label_else_the_section_never_a_made_up_number(corpus, files):
    page = files["topics/fine-tuning.md"]
    assert "[Top 50 LLM Interview Questions, Q21](../sources.md#alpha)" in page
    # Beta numbers nothing: its 1st question is cited by its section, its 4th by the source alone.
    assert "[Beta notes, Fine-tuning](../sources.md#beta)" in page
    assert "[Beta notes](../sources.md#beta)" in page
    assert not re.search(r"Beta notes, Q\d", page)
    sources_page = files["sources.md"]
    assert "- [Q21](" in sources_page and "- [What is catastrophic forgetting?](" in sources_page


def test_a_section_that_restates_the_source_title_is_left_out():
    source = Source("top", "content/sources/top.txt", "Top 20 LLM Interview Questions")
    sources = {"top": source}
    restated = q("top", 12, "What is a transformer?", section="Top LLM Interview Questions")
    own = q("top", 13, "What is attention?", section="Attention & <b>Memory</b>")
    assert render_topics.citation(restated, sources) == "Top 20 LLM Interview Questions"
    assert render_topics.citation(own, sources) == "Top 20 LLM Interview Questions, Attention & Memory"
    labelled = q("top", 14, "What is BPE?", label="7", section="Tokens")
    assert render_topics.citation(labelled, sources) == "Top 20 LLM Interview Questions, Q7"


def test_a_label_the_source_repeats_is_cited_with_its_section():
    """A bank that numbers 1, 2, 3 afresh under each heading: "Q3" alone would not say which."""
    qs = [
        q("bank", 3, "What is a token?", "prompt", None, label="3", section="Basics"),
        q("bank", 9, "How is a model served?", "prompt", None, label="3", section="Deployment"),
        q("bank", 10, "What is a GPU?", "prompt", None, label="4", section="Deployment"),
    ]
    doc = Document("content/sources/bank.md", "bank", (Line(1, "Question Bank"),))
    source = make_source(doc, None, "question_list", qs)
    assert source.repeated_labels == {"3"}
    sources = {"bank": source}
    assert [render_topics.citation(x, sources) for x in qs] == [
        "Question Bank, Basics, Q3",
        "Question Bank, Deployment, Q3",
        "Question Bank, Q4",
    ]


def test_source_text_with_template_syntax_stays_literal(files):
    assert "Keeps the best {{ config }} partial sequences {% include x %}." in files["topics/decoding.md"]


def test_math_flag_only_on_pages_with_math(files):
    assert "\nmath: true\n" in files["topics/math-foundations.md"]
    assert "\nmath: true\n" in files["topics/fine-tuning.md"]
    assert "math: true" not in files["topics/decoding.md"]


def shown_topics(corpus: Corpus) -> list[str]:
    """The topics that hold a shown question, in content/topics.yml order."""
    used = {corpus.topic_of[x.id] for x in corpus.questions if x.id not in corpus.hidden}
    return [t.id for t in corpus.topics if t.id in used]


def test_home_has_cards_due_counts_and_summary_for_every_topic_with_questions(corpus, files):
    home = files["index.md"]
    assert (
        '<div class="grid cards" markdown>' in home and '<div id="study-due" data-scope="all"></div>' in home
    )
    assert shown_topics(corpus) == ["fine-tuning", "decoding", "math-foundations"]
    for topic in corpus.topics:
        shown = topic.id in shown_topics(corpus)
        assert (f"(topics/{topic.id}.md)" in home) == shown
        assert (f'<span class="due-count" data-topic="{topic.id}"></span>' in home) == shown
        assert (f"topics/{topic.id}.md" in files) == shown
    # fine-tuning: the merged LoRA pair counts once, the hidden prompt not at all
    assert "4 questions: 2 answered · 1 MCQ · 1 practice" in home


def test_sources_page_links_each_shown_question(corpus, files):
    page = files["sources.md"]
    assert "## Top 50 LLM Interview Questions { #alpha }" in page
    for x in corpus.questions:
        assert (x.id in page) == (x.id not in corpus.hidden)


def test_topics_in_configured_order_in_nav(corpus):
    nav = render.render_site(corpus).nav
    topics = next(item["Topics"] for item in nav if isinstance(item, dict) and "Topics" in item)
    assert [next(iter(t.values())) for t in topics] == [f"topics/{t}.md" for t in shown_topics(corpus)]
    data = json.loads(docs.docs_files(corpus)["questions.json"])
    assert [t["id"] for t in data["topics"]] == shown_topics(corpus)


def test_rendering_is_deterministic(corpus):
    assert docs.docs_files(corpus) == docs.docs_files(sample_corpus())


def big_corpus(n: int) -> Corpus:
    corpus = sample_corpus()
    corpus.questions = [q("alpha", i, f"Question number {i} about adapters?") for i in range(1, n + 1)]
    corpus.topic_of = {x.id: "fine-tuning" for x in corpus.questions}
    corpus.group_of, corpus.related_of, corpus.hidden = {}, {}, frozenset()
    return corpus


def test_a_large_topic_is_split_into_pages_and_urls_follow(monkeypatch):
    monkeypatch.setattr(render_layout, "MAX_ENTRIES_PER_PAGE", 40)
    corpus = big_corpus(100)
    files = docs.docs_files(corpus)
    assert {"topics/fine-tuning.md", "topics/fine-tuning-2.md", "topics/fine-tuning-3.md"} <= set(files)
    assert "topics/fine-tuning-4.md" not in files
    data = json.loads(files["questions.json"])
    last = data["questions"][-1]
    assert last["url"] == f"topics/fine-tuning-3/#{last['id']}"
    assert f"{{ #{last['id']} }}" in files["topics/fine-tuning-3.md"]
    assert "Page 3 of 3" in files["topics/fine-tuning-3.md"]
    assert data["topics"][0]["pages"] == [
        "topics/fine-tuning/",
        "topics/fine-tuning-2/",
        "topics/fine-tuning-3/",
    ]


def test_page_size_cap_splits_long_answers(monkeypatch):
    corpus = big_corpus(12)
    corpus.questions = [x.__class__(**{**x.__dict__, "answer": "word " * 20_000}) for x in corpus.questions]
    pages = render_layout.plan(corpus).pages_of("fine-tuning")
    assert len(pages) > 1
    assert all(
        sum(len(m.answer) for e in p.entries for m in e.members) <= render_layout.MAX_PAGE_CHARS
        for p in pages
    )


def test_write_docs_wipes_stale_files_and_writes_an_inheriting_config(tmp_path, corpus):
    docs = tmp_path / "build" / "docs"
    docs.mkdir(parents=True)
    (docs / "stale.md").write_text("old")
    pipeline.write_docs(corpus, docs, ROOT_COPY(tmp_path))
    assert not (docs / "stale.md").exists()
    config = yaml.safe_load((tmp_path / "build" / "mkdocs.yml").read_text())
    assert config["INHERIT"] == "../mkdocs.yml" and config["docs_dir"] == "docs"
    assert config["site_dir"] == "../site" and config["theme"] == {"custom_dir": "../overrides"}


def ROOT_COPY(tmp_path: Path) -> Path:
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name, dirs_exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_hand_made_corpus_builds_with_strict_mkdocs(tmp_path, corpus):
    """Every link and anchor the renderer writes resolves: `mkdocs build --strict` passes."""
    root = ROOT_COPY(tmp_path)
    pipeline.write_docs(corpus, root / "build" / "docs", root)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "build/mkdocs.yml"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    html = (root / "site" / "topics" / "fine-tuning" / "index.html").read_text()
    lora = by_text(corpus, "What is LoRA?")
    assert f'id="{lora.id}"' in html and 'class="tabbed-set' in html and '<details class="answer"' in html


def test_a_large_source_lists_its_questions_on_pages_of_its_own(monkeypatch):
    monkeypatch.setattr(render_sources, "INLINE_LIMIT", 30)
    monkeypatch.setattr(render_sources, "LINKS_PER_PAGE", 40)
    out = render.render_site(big_corpus(100))
    pages = ["sources/alpha-questions.md", "sources/alpha-questions-2.md", "sources/alpha-questions-3.md"]
    assert all(p in out.files for p in pages) and "sources/alpha-questions-4.md" not in out.files
    assert "[page 3](sources/alpha-questions-3.md)" in out.files["sources.md"]
    assert "Question number 1 about" not in out.files["sources.md"]
    assert out.files["sources/alpha-questions-3.md"].count("\n- [Q") == 20
    assert "](../topics/fine-tuning.md#" in out.files["sources/alpha-questions.md"]
    assert {"Sources": ["sources.md", {"Top 50 LLM Interview Questions": pages}]} in out.nav


def test_split_topics_and_source_lists_build_with_strict_mkdocs(tmp_path, monkeypatch):
    monkeypatch.setattr(render_layout, "MAX_ENTRIES_PER_PAGE", 40)
    monkeypatch.setattr(render_sources, "INLINE_LIMIT", 30)
    monkeypatch.setattr(render_sources, "LINKS_PER_PAGE", 40)
    root = ROOT_COPY(tmp_path)
    pipeline.write_docs(big_corpus(100), root / "build" / "docs", root)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "build/mkdocs.yml"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "topics" / "fine-tuning-3" / "index.html").is_file()
    assert (root / "site" / "sources" / "alpha-questions-2" / "index.html").is_file()


# --- generator/publish/site.py: the steps around MkDocs -------------------------------------------


def test_site_url_is_checked_and_given_a_trailing_slash():
    from generator.errors import BuildError

    assert config.normalise_site_url(" https://me.github.io/llm-study ") == "https://me.github.io/llm-study/"
    with pytest.raises(BuildError, match="absolute http"):
        config.normalise_site_url("me.github.io/llm-study")


def test_site_url_from_flag_or_environment_is_written_with_the_config(tmp_path, monkeypatch):
    def written(flag):
        path = config.write_config(
            tmp_path,
            tmp_path / "build" / "docs",
            [],
            SiteOptions(config.site_url_from(flag)),
            site=SiteSettings(),
        )
        text = path.read_text()
        assert text.startswith("# Generated by `python -m generator build`")
        return yaml.safe_load(text)

    monkeypatch.delenv("SITE_URL", raising=False)
    assert "site_url" not in written(None)
    monkeypatch.setenv("SITE_URL", "https://env.example/x")
    assert written(None)["site_url"] == "https://env.example/x/"
    assert written("https://flag.example/y/")["site_url"] == "https://flag.example/y/"


def test_mathjax_copy_holds_the_component_fonts_and_extensions(tmp_path):
    from generator.publish import site

    site.copy_mathjax(tmp_path)
    mathjax = tmp_path / "assets" / "mathjax"
    assert (mathjax / "tex-chtml.js").is_file()
    assert list((mathjax / "output" / "chtml" / "fonts" / "woff-v2").glob("*.woff"))
    assert (mathjax / "input" / "tex" / "extensions" / "boldsymbol.js").is_file()
    assert not (mathjax / "sre").exists() and not (mathjax / "tex-svg.js").exists()


def test_sync_tree_touches_only_changed_files_and_removes_stale_ones(tmp_path):

    new, live = tmp_path / "new", tmp_path / "live"
    for folder, files in (
        (new, {"a.md": "same", "b.md": "changed", "c/d.md": "added"}),
        (live, {"a.md": "same", "b.md": "old", "gone/e.md": "stale"}),
    ):
        for rel, text in files.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text)
    before = (live / "a.md").stat().st_mtime_ns
    assert watch.sync_tree(new, live) == 3
    assert (live / "b.md").read_text() == "changed" and (live / "c" / "d.md").read_text() == "added"
    assert not (live / "gone").exists() and (live / "a.md").stat().st_mtime_ns == before


def test_sources_page_stays_small_with_many_sources(monkeypatch):
    monkeypatch.setattr(render_sources, "INLINE_TOTAL", 50)
    corpus = big_corpus(0)
    corpus.sources = [Source(f"s{i}", f"content/sources/s{i}.txt", f"Source {i}") for i in range(4)]
    corpus.questions = [q(f"s{i}", n, f"Question {n} of source {i}?") for i in range(4) for n in range(1, 31)]
    corpus.topic_of = {x.id: "fine-tuning" for x in corpus.questions}
    out = render.render_site(corpus)
    assert out.files["sources.md"].count("\n    - [Q") == 30  # the first source fits, inline
    assert [p for p in out.files if p.startswith("sources/")] == [
        f"sources/s{i}-questions.md" for i in (1, 2, 3)
    ]


# --- what the site says about its pile (content/settings.yml `site:`) ------------------


def test_home_and_config_take_name_and_text_from_content_settings(tmp_path):
    corpus = sample_corpus()
    (tmp_path / "settings.yml").write_text(
        "site:\n  name: Cooking Quiz\n  description: Kitchen questions.\n  heading: Cook & learn\n"
        "  intro: '{questions} questions ({asked} asked) from {sources} books in {topics} topics <b>.'\n",
        encoding="utf-8",
    )
    site = load_settings(tmp_path / "settings.yml").site
    corpus.content = replace(corpus.content, site=site)
    home = render.render_site(corpus).files["index.md"]
    assert "\n# Cook & learn\n" in home and 'description: "Kitchen questions."' in home
    shown = len([x for x in corpus.questions if x.id not in corpus.hidden])
    # {questions} counts the site's entries: the merged LoRA pair once; {asked} each source's.
    assert f"{shown - 1} questions ({shown} asked) from 2 books in 3 topics &lt;b&gt;." in home
    generated = config.mkdocs_config(tmp_path, tmp_path / "docs", [], SiteOptions(), site)
    assert (generated["site_name"], generated["site_description"]) == ("Cooking Quiz", "Kitchen questions.")


def test_without_site_settings_the_text_claims_no_subject(tmp_path):
    (tmp_path / "content").mkdir()
    corpus = sample_corpus()
    corpus.content = replace(corpus.content, site=load_settings(tmp_path / "content" / "settings.yml").site)
    home = render.render_site(corpus).files["index.md"]
    assert "language model" not in home.split("## How to study")[0].lower()
    assert "\n# Interview study\n" in home


def test_the_bundled_settings_describe_the_bundled_pile():
    site = load_settings(ROOT / "content" / "settings.yml").site
    assert site.name == "LLM Interview Study" and "five public sources" in site.description
    assert "site_description" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_an_unknown_placeholder_in_the_intro_is_a_config_error(tmp_path):
    path = tmp_path / "settings.yml"
    path.write_text("site:\n  intro: '{total} questions'\n  colour: red\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert "unknown placeholder {total}" in str(err.value) and "unknown key 'colour'" in str(err.value)

"""The glossary: validation of content/glossary.yml, finding mentions (whole words,
expansions, aliases), the abbreviation lines, and the glossary and flashcards pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.config import load_glossary
from generator.errors import ConfigError
from generator.model import Corpus, Location, Question, Source, Term, Topic, question_id
from generator.organise import glossary
from generator.render import study_pages

ROOT = Path(__file__).resolve().parents[1]


def bundled_terms() -> tuple[Term, ...]:
    return load_glossary(ROOT / "content" / "glossary.yml")


REQUIRED = (
    "LLM",
    "RAG",
    "LoRA",
    "QLoRA",
    "PEFT",
    "BPE",
    "RLHF",
    "MoE",
    "SLM",
    "CoT",
    "NLP",
    "GPT",
    "BERT",
    "RNN",
    "CNN",
    "LSTM",
    "SFT",
    "KL",
    "OOV",
    "MLM",
    "NSP",
    "GAN",
    "VAE",
    "TPU",
    "GPU",
    "ROUGE",
    "BLEU",
    "METEOR",
    "ICL",
)
TERMS = (
    Term("LoRA", "Low-Rank Adaptation", "Low-rank adapters."),
    Term("QLoRA", "Quantized Low-Rank Adaptation", "LoRA on a 4-bit model."),
    Term(
        "RLHF",
        "Reinforcement Learning from Human Feedback",
        "Preference tuning.",
        ("reinforcement learning with human feedback",),
    ),
    Term("LLM", "Large Language Model", "A big model.", plural=True),
)


def q(source: str, n: int, text: str, answer: str | None = "An answer.") -> Question:
    return Question(
        question_id(source, text),
        source,
        n,
        text,
        "open" if answer else "prompt",
        answer,
        Location(f"content/sources/{source}.txt", n),
    )


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_project_glossary_has_the_fields_abbreviations():
    terms = {t.term: t for t in load_glossary(ROOT / "content" / "glossary.yml")}
    missing = [t for t in REQUIRED if t not in terms]
    assert not missing, f"content/glossary.yml lacks {missing}"
    assert terms["RLHF"].expansion == "Reinforcement Learning from Human Feedback"
    assert all(t.definition.strip() and "\n" not in t.definition for t in terms.values())


def test_invalid_glossary_lists_every_problem(tmp_path):
    path = write(
        tmp_path,
        "terms:\n  - term: RAG\n  - just a string\n"
        "  - {term: X, expansion: Y, definition: Z, colour: red}\n"
        "  - {term: x, expansion: Y, definition: Z}\n",
    )
    with pytest.raises(ConfigError) as err:
        load_glossary(path)
    message = str(err.value)
    assert "terms[0]: missing expansion, definition" in message
    assert "terms[1]: expected a mapping" in message
    assert f"{path}:4: terms[2]: unknown key 'colour'" in message  # file, line, key path
    assert "'x' repeats 'X'" in message
    assert str(path) in message


def test_malformed_yaml_and_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="invalid YAML"):
        load_glossary(write(tmp_path, "terms: [\n"))
    with pytest.raises(ConfigError, match="top-level 'terms:' list"):
        load_glossary(write(tmp_path, "- RLHF\n"))
    assert load_glossary(tmp_path / "absent.yml") == ()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("What is QLoRA?", ["QLoRA"]),  # LoRA is not found inside QLoRA
        ("LoRA and QLoRA compared", ["LoRA", "QLoRA"]),
        ("Why do LLMs hallucinate?", ["LLM"]),  # plural
        ("Explain reinforcement learning with human feedback", ["RLHF"]),  # alias, any case
        ("What is Reinforcement Learning from Human Feedback?", ["RLHF"]),  # expansion
        ("Is rlhf costly?", []),  # abbreviations are case-sensitive
        ("What is FLORA or LoRAX?", []),  # not a whole word
    ],
)
def test_mentions(text, expected):
    question = q("alpha", 1, text)
    found = glossary.mentions(TERMS, [question])
    assert sorted(t for t, ids in found.items() if ids) == sorted(expected)


def test_abbreviation_lines_for_markdown_abbr():
    lines = glossary.abbreviation_lines(TERMS).splitlines()
    assert "*[RLHF]: Reinforcement Learning from Human Feedback" in lines
    assert "*[LLMs]: Large Language Models" in lines
    assert not any(line.startswith("*[LoRAs]") for line in lines)


def corpus() -> Corpus:
    qs = [
        q("alpha", 1, "What is RLHF?"),
        q("alpha", 2, "How does reinforcement learning with human feedback work?"),
        q("alpha", 3, "Why is the sky blue?"),
        q("alpha", 4, "Hidden RLHF question?"),
    ]
    return Corpus(
        sources=[Source("alpha", "content/sources/alpha.txt", "Alpha")],
        questions=qs,
        topics=[Topic("alignment", "Alignment")],
        hidden=frozenset({qs[3].id}),
    )


def test_glossary_page_names_both_forms_and_links_the_questions():
    c = corpus()
    page = study_pages.study_pages(c, bundled_terms())["glossary.md"]
    section = page.split("## RLHF: Reinforcement Learning from Human Feedback { #rlhf }", 1)[1].split(
        "\n## ", 1
    )[0]
    links = re.findall(r"^- \[(.+)\]\((.+)\)$", section, re.M)
    assert links == [
        ("What is RLHF?", f"topics/alignment.md#{c.questions[0].id}"),
        (
            "How does reinforcement learning with human feedback work?",
            f"topics/alignment.md#{c.questions[1].id}",
        ),
    ]  # hidden question left out
    assert "Also written: reinforcement learning with human feedback." in section
    assert "QLoRA" not in page  # no question mentions it: no stub that search would find


def test_flashcards_page_has_mount_points_and_documents_fsrs():
    page = study_pages.study_pages(corpus(), ())["flashcards.md"]
    assert '<div id="flashcards"' in page and "<noscript>" in page
    assert '<div id="study-progress"' in page
    assert "FSRS" in page and "{ #how-reviews-work }" in page


def test_abbreviations_block_for_every_page():
    block = study_pages.abbreviations(bundled_terms())
    assert "*[RLHF]: Reinforcement Learning from Human Feedback" in block.splitlines()


def test_search_terms_name_both_forms_per_question():
    c = corpus()
    terms = study_pages.search_terms(c, bundled_terms())
    rlhf = "RLHF: Reinforcement Learning from Human Feedback"
    assert terms[c.questions[0].id] == rlhf
    assert terms[c.questions[1].id] == rlhf  # found by the alias, gets the abbreviation
    assert c.questions[2].id not in terms


def test_long_link_lists_are_capped():
    qs = [q("alpha", n, f"Why does RLHF need step {n}?") for n in range(1, study_pages.MAX_LINKS + 6)]
    c = Corpus(
        sources=[Source("alpha", "content/sources/alpha.txt", "Alpha")],
        questions=qs,
        topics=[Topic("alignment", "Alignment")],
    )
    page = study_pages.study_pages(c, bundled_terms())["glossary.md"]
    section = page.split("{ #rlhf }", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^- \[", section, re.M)) == study_pages.MAX_LINKS
    assert (
        f"{len(qs)} questions about RLHF (Reinforcement Learning from Human Feedback), "
        f"the first {study_pages.MAX_LINKS}:" in section
    )
    assert "…and 5 more: search for RLHF to find them all." in section

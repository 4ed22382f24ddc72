"""Notebooks, reStructuredText, Word and PDF: converted, then read like any source.

Word and PDF fixtures are generated here with python-docx and reportlab; no binary is committed.
"""

from __future__ import annotations

import html
import io
import json
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path
from urllib.parse import unquote

import pytest

from generator.config import load_content
from generator.ingest import clean, images
from generator.ingest.load import discover, load_document
from generator.ingest.readers import read_source_document
from generator.pipeline import read_source, site_content
from tests.test_sanitize import dangerous, render

ROOT = Path(__file__).resolve().parents[1]

FIXTURES = ROOT / "tests" / "fixtures"


def _png() -> bytes:
    """A 1x1 red PNG, written by hand (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


PNG = _png()


def ingest(path: Path):
    """The pipeline's route for one file: load (and convert), read, clean."""
    doc, problems = load_document(path, path.parent, path.stem)
    reading = read_source_document(doc)
    questions, more = clean.make_questions(reading.drafts, doc.source_id)
    return doc, reading.reader, questions, [str(p) for p in problems + reading.problems + more]


def test_notebook_markdown_cells_code_and_outputs():
    doc, _, questions, _ = ingest(FIXTURES / "notebook" / "interview_prep.ipynb")
    assert doc.converted_from == "notebook"
    assert [q.question for q in questions] == [
        "What does a softmax do?",
        "Why do we need non-linear activations?",
        "What is the output of `torch.arange(4).view(2, 2).T`?",
        "What is dropout?",
        "How does weight decay differ from L2 regularisation with Adam?",
        "Explain batch normalisation.",
    ]
    by_cell = {q.location.line: q for q in questions}
    # Line numbers are cell numbers; the question in cell 6 has the code of cell 7 and its output.
    assert "```python\ntorch.arange(4).view(2, 2).T\n```" in by_cell[6].answer
    assert "tensor([[0, 2]," in by_cell[6].answer
    # Output under an answer (not under a question) is left out; the code stays.
    softmax = by_cell[3].answer
    assert "np.exp(z) / np.exp(z).sum()" in softmax and "0.09003057" not in softmax
    weight_decay = questions[4].answer
    assert "torch.optim.AdamW" in weight_decay and "Parameter Group" not in weight_decay
    assert "not shown" not in doc.text  # raw cells
    assert "Deep learning interview prep" not in [q.question for q in questions]


def test_notebook_metadata_never_becomes_a_question(tmp_path):
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {"title": "What is the meaning of life?", "kernelspec": {"name": "python3"}},
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["## What is a tensor?\n", "\n", "An array."]}
        ],
    }
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    _, _, questions, _ = ingest(path)
    assert [q.question for q in questions] == ["What is a tensor?"]


def test_rst_sections_code_admonitions_and_literals_survive():
    doc, _, questions, _ = ingest(FIXTURES / "rst" / "faq.rst")
    assert doc.converted_from == "rst"
    titles = [q.question for q in questions]
    assert 'Why does `pip install` fail with "error: externally-managed-environment"?' in titles
    assert "ImportError: cannot import name 'soft_unicode' from 'markupsafe'" in titles
    assert "How do I build the site under a sub-path?" in titles
    assert "The build says a link is broken" in titles  # a statement, under a page named FAQ
    assert len(titles) == 5
    pip = next(q for q in questions if q.question.startswith("Why does"))
    assert "```\npython3 -m venv .venv\n.venv/bin/pip install llm-study\n```" in pip.answer
    assert "**Note:** The same applies to Ubuntu 23.04 and later." in pip.answer
    imports = next(q for q in questions if q.question.startswith("ImportError"))
    assert '```console\n$ pip install -U "jinja2>=3"\n```' in imports.answer
    assert "**Warning:** Do not pin `markupsafe` below 2.1" in imports.answer
    site_url = next(q for q in questions if "sub-path" in q.question)
    assert (
        "[MkDocs' documentation](https://www.mkdocs.org/user-guide/configuration/#site_url)"
        in site_url.answer
    )
    assert "see deploying and" in site_url.answer  # a Sphinx :ref: keeps its text
    assert "Frequently asked questions" not in titles and "Installing" not in titles


def test_rst_never_includes_files_or_raw_html(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "evil.rst"
    path.write_text(
        f"What is this?\n=============\n\n.. include:: {secret}\n\n"
        ".. raw:: html\n\n   <script>alert(1)</script>\n\nText.\n",
        encoding="utf-8",
    )
    doc, _, _, _ = ingest(path)
    assert "TOP SECRET" not in doc.text and "<script>" not in doc.text


def test_rst_text_that_looks_like_a_tag_stays_text(tmp_path):
    # In reStructuredText `<div>` is plain text; the site's Markdown would read `\\<div>` as a
    # tag (which the sanitiser drops), so the converter writes `&lt;`.
    path = tmp_path / "html.rst"
    path.write_text(
        "HTML FAQ\n========\n\nWhy does a <div> break my layout?\n"
        "---------------------------------\n\nA <div> is a block; <img src=x onerror=alert(1)> is text.\n",
        encoding="utf-8",
    )
    _, _, [question], _ = ingest(path)
    title = html.unescape(render("## " + question.question))
    assert title.startswith("<h2>Why does a <div> break my layout?")
    page = render(question.answer or "")
    assert "&lt;div&gt; is a block" in page and "&lt;img src=x onerror=alert(1)&gt; is text" in page
    assert dangerous(page) == []


BOMB = "Word file unpacks to 65 MB of XML, over the 64 MB limit: skipped"


def test_a_word_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + " " * (65 * 2**20) + "</w:document>")
    assert path.stat().st_size < 200_000  # deflate packs the 65 MB of spaces ~1000:1
    _doc, _, questions, problems = ingest(path)
    assert questions == []
    assert problems == [f"bomb.docx:1: error: {BOMB}"]


def make_docx(path: Path, with_image: bool = False) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("LLM Interview Notes", level=0)
    document.add_paragraph("Notes from mock interviews, exported from Word.")
    document.add_heading("Transformers", level=1)
    document.add_heading("What is self-attention?", level=2)
    document.add_paragraph("Each token attends to every other token, weighting them by relevance.")
    document.add_heading("Why scale the dot product by the square root of d?", level=2)
    document.add_paragraph("Large dot products push the softmax into regions with tiny gradients.")
    document.add_heading("Training", level=1)
    for question, answer in (
        ("What is LoRA?", "Low-rank adapters: small trainable matrices added to frozen weights."),
        ("How does gradient clipping help?", "It bounds the update size when gradients explode."),
    ):
        document.add_paragraph().add_run(question).bold = True
        document.add_paragraph(answer)
        if with_image and question == "What is LoRA?":
            document.add_picture(io.BytesIO(PNG))
    for question in (
        "Which optimiser is the usual default?",
        "Explain learning-rate warmup.",
        "What does weight decay do?",
    ):
        document.add_paragraph(question, style="List Number")
    document.save(str(path))


DOCX_QUESTIONS = [
    "What is self-attention?",
    "Why scale the dot product by the square root of d?",
    "What is LoRA?",
    "How does gradient clipping help?",
    "Which optimiser is the usual default?",
    "Explain learning-rate warmup.",
    "What does weight decay do?",
]


def test_word_headings_bold_paragraphs_and_numbered_questions(tmp_path):
    path = tmp_path / "notes.docx"
    make_docx(path)
    doc, _, questions, problems = ingest(path)
    assert doc.converted_from == "docx"
    found = [q.question for q in questions]
    assert found == DOCX_QUESTIONS  # 7 of 7
    assert questions[2].answer == "Low-rank adapters: small trainable matrices added to frozen weights."
    assert [q.kind for q in questions[4:]] == ["prompt"] * 3
    assert not [p for p in problems if "image" in p]


def word_project(tmp_path: Path, media: bytes | None = None) -> Path:
    """A project whose one source is a Word file with an image under "What is LoRA?"
    (its bytes swapped for `media` when given, as a hostile file could)."""
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns("sources"))
    sources = tmp_path / "content" / "sources"
    sources.mkdir()
    make_docx(sources / "my notes.docx", with_image=True)
    if media is not None:
        rewrite_member(sources / "my notes.docx", "word/media/image1.png", media)
    return tmp_path


def rewrite_member(path: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[name] = data
    with zipfile.ZipFile(path, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)


def test_word_images_are_copied_into_the_site(tmp_path):
    root = word_project(tmp_path)
    _source, questions, problems = read_source(root / "content/sources/my notes.docx", load_content(root))
    assert not [p for p in problems if "image" in p.message]
    lora = next(q for q in questions if q.question == "What is LoRA?")
    src = "assets/sources/my%20notes/my%20notes.docx/word/media/image1.png"
    text = "Low-rank adapters: small trainable matrices added to frozen weights."
    assert lora.answer == f"{text}\n\n![Figure]({src})"
    gathered = site_content(load_content(root), questions).images  # read by the gather stage
    images.write_assets(gathered, tmp_path / "docs")
    assert (tmp_path / "docs" / unquote(src)).read_bytes() == PNG


def test_word_media_that_is_no_image_is_refused(tmp_path):
    root = word_project(
        tmp_path, media=b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    _source, questions, problems = read_source(root / "content/sources/my notes.docx", load_content(root))
    lora = next(q for q in questions if q.question == "What is LoRA?")
    assert lora.answer == "Low-rank adapters: small trainable matrices added to frozen weights.\n\nFigure"
    assert [p.message for p in problems if "image" in p.message] == [
        "image 'my%20notes.docx/word/media/image1.png' is an SVG or other markup, which can carry "
        "scripts: not copied: shown as its alt text"
    ]
    assert images.assets(questions, root) == {}


def test_only_word_media_can_be_named_through_a_word_file(tmp_path):
    root = word_project(tmp_path)
    (root / "content/sources/other.md").write_text(
        "# Notes\n\n## What is inside?\n\n![doc](my%20notes.docx/word/document.xml)\n", encoding="utf-8"
    )
    _source, questions, problems = read_source(root / "content/sources/other.md", load_content(root))
    assert questions[0].answer == "doc"
    assert [p.message for p in problems] == [
        "image 'my%20notes.docx/word/document.xml' was not found: shown as its alt text"
    ]


def make_pdf(path: Path, scanned: bool = False) -> None:
    pagesizes = pytest.importorskip("reportlab.lib.pagesizes")
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    width, height = pagesizes.A4
    pdf = canvas.Canvas(str(path), pagesize=pagesizes.A4, invariant=1)
    if scanned:
        pdf.rect(72, 72, 200, 200, fill=1)
        pdf.showPage()
        pdf.save()
        return
    pages = [
        [
            ("h", "Transformers"),
            ("q", "What is self-attention?"),
            ("a", "Each token attends to every token."),
        ],
        [
            ("q", "Why scale dot products by the square root of d?"),
            ("a", "Large dot products saturate the softmax."),
        ],
        [("h", "Training"), ("q", "What is LoRA?"), ("a", "Low-rank adapters on frozen weights.")],
    ]
    fonts = {"h": ("Helvetica-Bold", 15), "q": ("Helvetica-Bold", 11), "a": ("Helvetica", 11)}
    for number, items in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, height - 40, "LLM interview notes - draft")
        pdf.drawString(width / 2, 30, str(number))
        y = height - 110
        if number == 1:
            pdf.setFont("Helvetica-Bold", 20)
            pdf.drawString(72, y, "LLM Interview Notes")
            y -= 40
        for kind, text in items:
            pdf.setFont(*fonts[kind])
            pdf.drawString(72, y, text)
            y -= 24
        pdf.showPage()
    pdf.save()


def test_pdf_sizes_and_bold_become_headings_and_questions_without_furniture(tmp_path):
    path = tmp_path / "notes.pdf"
    make_pdf(path)
    doc, _, questions, _ = ingest(path)
    assert doc.converted_from == "pdf"
    assert doc.text.startswith("# LLM Interview Notes\n\n## Transformers\n\n**What is self-attention?**")
    assert "draft" not in doc.text  # the running header, on every page
    assert not any(line.text.strip() in ("1", "2", "3") for line in doc.lines)  # page numbers
    assert [q.question for q in questions] == [
        "What is self-attention?",
        "Why scale dot products by the square root of d?",
        "What is LoRA?",
    ]  # 3 of 3
    assert (
        questions[2].answer == "Low-rank adapters on frozen weights." and questions[2].section == "Training"
    )


def make_wrapped_pdf(path: Path, question_font: str) -> None:
    """Two questions whose text wraps onto a second line, each over a two-line answer, every
    question and its answer in one text box (as a word processor lays them out)."""
    pagesizes = pytest.importorskip("reportlab.lib.pagesizes")
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    pdf = canvas.Canvas(str(path), pagesize=pagesizes.A4, invariant=1)
    y = pagesizes.A4[1] - 110
    for question, answer in [
        (
            ["Q1. What is the difference between a base model and an instruction-", "tuned model?"],
            ["A base model continues text; an instruction-tuned one", "follows requests."],
        ),
        (
            ["Q2. Why does the KV cache grow with the length of the", "sequence?"],
            ["It keeps two tensors per layer for every token", "decoded so far."],
        ),
    ]:
        for font, lines in ((question_font, question), ("Helvetica", answer)):
            for text in lines:
                pdf.setFont(font, 11)
                pdf.drawString(72, y, text)
                y -= 14
        y -= 30
    pdf.showPage()
    pdf.save()


@pytest.mark.parametrize("font", ["Helvetica-Bold", "Helvetica"])
def test_pdf_questions_wrapped_over_two_lines_stay_one_question_over_their_answer(tmp_path, font):
    path = tmp_path / "guide.pdf"
    make_wrapped_pdf(path, font)
    _, _, questions, problems = ingest(path)
    assert [(q.question, q.answer) for q in questions] == [
        (
            "What is the difference between a base model and an instruction-tuned model?",
            "A base model continues text; an instruction-tuned one follows requests.",
        ),
        (
            "Why does the KV cache grow with the length of the sequence?",
            "It keeps two tensors per layer for every token decoded so far.",
        ),
    ]
    assert problems == []


def test_pdf_without_text_layer_is_reported_as_such(tmp_path):
    path = tmp_path / "scan.pdf"
    make_pdf(path, scanned=True)
    _, problems = load_document(path, tmp_path, "scan")
    assert [str(p) for p in problems] == ["scan.pdf:1: error: no text layer (scanned?): 1 pages without text"]


def test_content_decides_not_the_extension(tmp_path):
    (tmp_path / "really-html.md").write_text(
        "<!doctype html><html><body><h2>What is a token?</h2><p>A unit of text.</p>"
        "<h2>What is a vocabulary?</h2><p>All tokens.</p></body></html>",
        encoding="utf-8",
    )
    shutil.copy(FIXTURES / "notebook" / "interview_prep.ipynb", tmp_path / "notebook.txt")
    (tmp_path / "not-really.pdf").write_text("## What is a PDF?\n\nA document format.\n", encoding="utf-8")
    names = {}
    for path in sorted(tmp_path.iterdir()):
        doc, _, questions, _ = ingest(path)
        names[path.name] = (doc.converted_from, len(questions))
    assert names["notebook.txt"] == ("notebook", 6)
    assert names["not-really.pdf"] == ("", 1)
    _, reader, _, _ = ingest(tmp_path / "really-html.md")
    assert reader == "html"


def test_new_extensions_are_discovered_and_check_names_converter_and_reader(tmp_path):
    root = tmp_path
    shutil.copytree(ROOT / "content", root / "content", ignore=shutil.ignore_patterns("sources"))
    sources = root / "content" / "sources"
    sources.mkdir()
    shutil.copy(FIXTURES / "notebook" / "interview_prep.ipynb", sources)
    shutil.copy(FIXTURES / "rst" / "faq.rst", sources)
    make_pdf(sources / "notes.pdf")
    make_docx(sources / "word.docx")
    paths, problems = discover(sources, root)
    assert [p.name for p in paths] == [
        "faq.rst",
        "interview_prep.ipynb",
        "notes.pdf",
        "word.docx",
    ] and not problems
    content = load_content(root)
    shapes = {path.name: read_source(path, content)[0].format for path in paths}
    assert shapes == {
        "faq.rst": "rst+markdown",
        "interview_prep.ipynb": "notebook+markdown",
        "notes.pdf": "pdf+markdown",
        "word.docx": "docx+html",
    }


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        # docutils drops a whole document over its line limit; long lines are cut first, as in load.py.
        (
            "long.rst",
            b"What is this?\n=============\n\n" + b"word " * 5000 + b"\n",
            "cut to its first 20,000",
        ),
        ("deep.rst", b"- " * 20_000 + b"x\n", "error: reStructuredText nested too deeply to read"),
        ("cells.ipynb", b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [1, 2]}', "notebook"),
        ("broken.docx", b"PK\x03\x04" + bytes(range(256)), "error: not a readable Word document"),
        ("broken.pdf", b"%PDF-1.4\n" + b"(" * 10_000, "error: not a readable PDF"),
    ],
)
def test_damaged_documents_are_reported_not_crashed(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    _, problems = load_document(path, tmp_path, path.stem)
    assert any(expected in str(p) for p in problems), problems
    assert all(str(p).startswith(f"{name}:") for p in problems)


def test_notebook_cells_written_colab_style():
    # `###1.` without a space, questions as a cell's first plain line, a `### 2.` heading
    # that only numbers the task written in the next cell.
    _, _, questions, _ = ingest(FIXTURES / "notebook" / "colab_revision_notes.ipynb")
    assert [(q.location.line, q.question) for q in questions] == [
        (2, "What does the attention softmax normalise over?"),
        (4, "What limits the context length?"),
        (5, "Explain positional encodings:"),
        (5, "Why scale the dot products?"),
        (
            7,
            "Write a function that returns the size of a KV cache in bytes "
            "for given layers, heads and head size.",
        ),
    ]
    by_text = {q.question: q for q in questions}
    assert by_text["What limits the context length?"].answer.startswith("- attention cost grows")
    # A statement before a list is not a question: it stays text, in the answer above it.
    assert "There are two common fixes:" in by_text["Why scale the dot products?"].answer
    task = questions[-1]
    assert "def kv_bytes" in task.answer and task.label == "2"
    assert "Pretty neat" not in " ".join(q.question for q in questions)


def test_rst_hand_written_table_of_contents_is_left_out():
    doc, _, questions, _ = ingest(FIXTURES / "rst" / "numbered_faq_with_toc.rst")
    assert "faq-basics" not in doc.text and "Contents:" not in doc.text
    assert [q.question for q in questions] == [
        "What is a subword tokenizer?",
        "How much text does a BPE tokenizer need?",
    ]
    assert "tokenizers train --vocab-size 32000" in questions[1].answer


def test_the_converters_libraries_load_only_for_their_documents(tmp_path):
    """pdfminer, mammoth, nbformat and docutils take ~0.3 s to import together: a command that
    reads none of their documents (most of them) must not pay it; one that does still works."""
    libraries = ("pdfminer", "mammoth", "nbformat", "docutils")
    notes = "# Notes\n\n## What is LoRA?\n\nAn adapter.\n"
    faq = "FAQ\n===\n\nWhat is LoRA?\n---\n\nAn adapter.\n"
    (tmp_path / "notes.md").write_text(notes, encoding="utf-8")
    (tmp_path / "faq.rst").write_text(faq, encoding="utf-8")
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from generator.ingest.load import load_document\n"
        "import generator.pipeline, generator.cli\n"
        f"root = Path({str(tmp_path)!r})\n"
        "load_document(root / 'notes.md', root, 'notes')\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({libraries!r})))\n"
        "doc, _ = load_document(root / 'faq.rst', root, 'faq')\n"
        "print(doc.converted_from, sorted({m.split('.')[0] for m in sys.modules} & {'docutils'}))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert run.stdout.splitlines() == ["[]", "rst ['docutils']"]

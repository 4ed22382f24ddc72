"""Multiple choice in Word and PDF files: each option its own paragraph, `Answer: c` after.

The files are generated here with python-docx and reportlab (no committed binaries).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_convert import ingest

QUIZ = [
    ("Which layer does a router work at?", ["Physical", "Data link", "Network", "Transport"], "c"),
    ("What does TTL limit in an IP packet?", ["Its size", "The number of hops", "Its checksum"], "b"),
]


def expected():
    return [(q, options, "ABCD"["abcd".index(letter)]) for q, options, letter in QUIZ]


def test_word_quiz_with_one_paragraph_per_option(tmp_path: Path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Networking quiz", level=1)
    for number, (question, options, letter) in enumerate(QUIZ, start=1):
        document.add_paragraph().add_run(f"{number}. {question}").bold = True
        for mark, option in zip("abcd", options, strict=False):
            document.add_paragraph(f"{mark}) {option}")
        document.add_paragraph(f"Answer: {letter}")
    path = tmp_path / "quiz.docx"
    document.save(path)
    _, reader, questions, _ = ingest(path)
    assert reader == "html"
    assert [(q.question, [c.text for c in q.choices], q.correct) for q in questions] == expected()


def test_pdf_quiz_with_one_line_per_option(tmp_path: Path):
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "quiz.pdf"
    pdf = canvas.Canvas(str(path), invariant=1)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(72, 780, "Networking quiz")
    pdf.setFont("Helvetica", 11)
    y = 750
    for number, (question, options, letter) in enumerate(QUIZ, start=1):
        for line in [f"{number}. {question}", *(f"{m}) {o}" for m, o in zip("abcd", options, strict=False))]:
            pdf.drawString(72, y, line)
            y -= 18
        pdf.drawString(72, y, f"Answer: {letter}")
        y -= 36
    pdf.save()
    _, reader, questions, _ = ingest(path)
    assert reader == "aiken"  # option lines are not taken for a diagram's labels and cut
    assert [(q.question, [c.text for c in q.choices], q.correct) for q in questions] == expected()


def test_lettered_paragraphs_without_a_named_answer_stay_an_answer(tmp_path: Path):
    path = tmp_path / "notes.md"
    path.write_text(
        "# Notes\n\n## Why normalise a schema?\n\na) Less duplication.\n\nb) Fewer update anomalies.\n",
        encoding="utf-8",
    )
    _, _, [question], _ = ingest(path)
    assert (question.kind, question.answer) == ("open", "a) Less duplication.\n\nb) Fewer update anomalies.")


def test_word_options_on_the_second_level_of_an_auto_numbered_list(tmp_path: Path):
    # Word numbers a list's second level a), b) … by itself; mammoth writes both levels as <ol>.
    docx = pytest.importorskip("docx")
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for question, options, letter in QUIZ:
        for level, text in [(0, question), *((1, option) for option in options)]:
            numbered = document.add_paragraph(text)._p.get_or_add_pPr().get_or_add_numPr()
            numbered.get_or_add_ilvl().val = level
            numbered.get_or_add_numId().val = 90
        document.add_paragraph(f"Answer: {letter}")
    path = tmp_path / "quiz.docx"
    document.save(path)
    _, _, questions, _ = ingest(path)
    assert [(q.question, [c.text for c in q.choices], q.correct) for q in questions] == expected()

"""Property tests (hypothesis): whatever text comes in, nothing raises, no numbered
question vanishes silently, and sanitised text never renders to anything dangerous.

A few thousand examples per run in total; about half a minute on the 2-core machine.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.ingest import clean
from generator.ingest.load import decode
from generator.ingest.readers import READERS, read_document, read_source_document
from generator.ingest.sanitize import escape_inline, sanitize_markdown
from generator.model import Document, Line, normalise, normalised_words
from tests.test_sanitize import dangerous, render

FAST = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
# `^\s*Q?\d+[.)]\s+\S.*` narrowed to lines that are questions beyond doubt: a `Q` label,
# or a number and a question mark. `2. Tokenize the input.` inside an answer is a list item.
NUMBERED_QUESTION = re.compile(r"^\s*(?:Q\d+[.)]\s+\S.*|\d+[.)]\s+\S.*\?)$")

# Pieces of every format the readers know, and of every attack sanitize knows:
# random concatenations of them reach far more reader branches than random characters.
FRAGMENTS = [
    "\n",
    "\n\n",
    " ",
    "Q1. ",
    "Q12) ",
    "3. ",
    "Ans - ",
    "Answer: ",
    "Question: ",
    "Q: ",
    "A: ",
    "(a) ",
    "b) ",
    "C. ",
    "Correct answer: (c)",
    "## ",
    "### ",
    "# ",
    "- ",
    "    - ",
    "* ",
    "1. ",
    "**",
    "`",
    "```",
    "$",
    "$$",
    "\\(",
    "\\[",
    "What is attention?",
    "Explain LoRA",
    "tokens",
    "<html>",
    "<body>",
    "<h2>",
    "</h2>",
    '<h3 class="wp-block-heading">',
    "<p>",
    "</p>",
    "<ul><li>",
    "</li>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:x">',
    "[x](javascript:alert(1))",
    "{: onclick=x}",
    "{{ config }}",
    "{% include x %}",
    "---",
    "- [ ] ",
    "- [x] ",
    "<details><summary>",
    "</summary>",
    "</details>",
    "| a | b |\n|---|---|\n",
    "> ",
    "**1.** ",
    "**Q1. ",
    "👶**",
    " \u200d⭐️",
    "🚀",
    "[[src](http://x)]",
    "_emph_",
    "Answer here",
    "TBD",
    '<img src="https://render.githubusercontent.com/render/math?math=x%2B<b>">',
    "Answers",
    "\r\n",
    "\x00",
    "\ufeff",
    "\t",
    "é",
    "“",
    "?",
    ":",
    "<",
    ">",
    "&",
    "&lt;",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
]
markupish = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
# Pieces of attacks, including the ones fuzzing once found: code spans and math
# that Markdown pairs differently from a naive guess, tags inside attribute values.
ATTACKS = FRAGMENTS + [
    "\n`",
    "`\n",
    "!",
    "![",
    "<img",
    " src=x",
    " onerror=alert(1)",
    "javascript:",
    "](",
    "data:",
    " onclick=alert(1)",
    '"',
    "'",
    "<div>",
    "</div>",
    "<a href=",
    "&#x61;",
    "<a/onclick=alert(1)>",
    "{: ",
    "\\",
    "\\href{",
    "<svg",
    "/",
    "=",
    "<b>",
    "[r]: ",
    "<details open ontoggle=alert(1)>",
    "<style>",
    "*",
    "_",
    "<textarea>",
    "<![CDATA[",
    "<?",
    "<!x>",
    "<!--",
    "-->",
    "    ",
    "```",
]
attacks = st.lists(st.sampled_from(ATTACKS), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=400), markupish)
# Long runs of one character or of a two-character pattern, between fragments: the shape
# that made a regex backtrack for hours on one line (issue 9). The deadline catches it.
RUN_UNITS = [*" `<$*_[#-\t", "\\(", "\\[", "<a", "- ", " #", "**", "$a", "a_", "{:", "](", "Q1"]
long_runs = st.builds(
    lambda head, unit, count, tail: head + unit * count + tail,
    st.sampled_from(FRAGMENTS),
    st.sampled_from(RUN_UNITS) | st.text(min_size=1, max_size=2),
    st.integers(1_000, 4_000),
    st.sampled_from(FRAGMENTS),
)
# Generous for a loaded 2-core machine, far below what a backtracking pattern costs.
LINEAR = settings(max_examples=60, deadline=5_000, suppress_health_check=list(HealthCheck))


def as_document(text: str, path: str = "content/sources/fuzz.txt") -> Document:
    return Document(path, "fuzz", tuple(Line(n, t) for n, t in enumerate(text.split("\n"), start=1)))


@LINEAR
@given(long_runs)
def test_every_reader_reads_long_runs_in_linear_time(text):
    doc = as_document(text)
    for reader in READERS:
        reader.matches(text)
        reader.read(doc)


@FAST
@given(any_text)
def test_every_reader_and_cleaning_accept_any_text(text):
    doc = as_document(text)
    for reader in READERS:
        reader.matches(text)
        drafts, _problems = reader.read(doc)
        clean.make_questions(drafts, "fuzz")


@FAST
@given(any_text, st.sampled_from([None, "heading", "heading-2", "bold", "list", "label", "details"]))
def test_tree_path_accepts_any_text_and_its_titles_render_safely(text, force):
    reading = read_source_document(as_document(text, "content/sources/fuzz.md"), force)
    questions, _problems = clean.make_questions(reading.drafts, "fuzz")
    for q in questions:
        rendered = render("## " + q.question)
        assert dangerous(rendered) == [] and rendered.count("<h2") <= 1, q.question
        assert q.answer is None or dangerous(render(q.answer)) == [], q.answer


@FAST
@given(st.binary(max_size=600) | markupish.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_decode_accepts_any_bytes(data):
    text, _problems = decode(data, "fuzz.txt")
    assert "\x00" not in text and "\r" not in text


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(attacks)
def test_sanitised_markdown_never_renders_anything_dangerous(text):
    assert dangerous(render(sanitize_markdown(text))) == []


@FAST
@given(any_text)
@example("$$\r<h2>$$")  # found by hypothesis: a `$$` pair is no math in a heading
def test_escaped_title_is_one_safe_heading(text):
    rendered = render("## " + escape_inline(text))
    assert dangerous(rendered) == []
    assert "<a " not in rendered and rendered.count("<h2") <= 1


# U+E000 and U+E001 are the sanitiser's own placeholder marks: in a source it makes them U+FFFD.
MARKUP_CHARACTERS = "<>[]{}!&\\`\r\x00\ue000\ue001"
PLAIN = st.text(st.characters(codec="utf-8", exclude_characters=MARKUP_CHARACTERS), max_size=200)


@FAST
@given(PLAIN)
def test_text_without_markup_is_left_alone(text):
    assert sanitize_markdown(text) == text


# Documents of numbered questions between ordinary lines: each numbered question line must
# become a question or be named (by its line) in a problem; never disappear silently.
WORDS = ["model", "token", "attention", "layer", "training", "data", "loss", "vector", "prompt", "context"]
phrase = st.lists(st.sampled_from(WORDS), min_size=2, max_size=8).map(" ".join)
numbered_line = st.tuples(
    st.sampled_from(["Q", ""]),
    st.integers(1, 99),
    st.sampled_from([".", ")"]),
    phrase,
    st.sampled_from(["?", "", "."]),
).map(lambda p: f"{p[0]}{p[1]}{p[2]} {p[3].capitalize()}{p[4]}")
answer_line = st.one_of(
    phrase.map(lambda s: s.capitalize() + "."),
    st.just(""),
    phrase.map(lambda s: "- " + s),
    phrase.map(lambda s: "Ans - " + s + "."),
)
block = st.tuples(numbered_line, st.lists(answer_line, max_size=4))
numbered_document = st.tuples(phrase, st.lists(block, min_size=1, max_size=8), st.sampled_from(["\n", ""]))


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(numbered_document)
def test_numbered_lines_become_questions_or_warnings(parts):
    title, blocks, end = parts
    lines = [title.capitalize(), ""]
    for question, answers in blocks:
        lines += [question, *answers, ""]
    text = "\n".join(lines).rstrip("\n") + end
    doc = as_document(text)
    doc, problems = clean.strip_junk(doc)
    _, drafts, read_problems = read_document(doc)
    questions, clean_problems = clean.make_questions(drafts, doc.source_id)
    accounted = {q.location.line for q in questions}
    accounted |= {p.location.line for p in problems + read_problems + clean_problems}
    for no, line in enumerate(text.split("\n"), start=1):
        if NUMBERED_QUESTION.match(line):
            assert no in accounted, (no, line, text)


WORDY = ["Ça va, naïve café?", "LoRA/QLoRA (4-bit)", "自注意力", " x--y "]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40) | st.sampled_from(WORDY))
def test_normalised_words_are_the_words_of_normalise(text):
    """fold() takes its words from normalised_words: they must be normalise's, split."""
    assert normalised_words(text) == normalise(text).split()

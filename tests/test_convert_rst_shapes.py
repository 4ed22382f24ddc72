"""reStructuredText FAQ shapes beyond section titles: callouts, section numbers, statements."""

from __future__ import annotations

from tests.test_convert import FIXTURES, ingest


def test_rst_topics_rubrics_and_asking_callouts_are_questions():
    _, _, questions, _ = ingest(FIXTURES / "rst" / "callout_faq.rst")
    titles = [q.question for q in questions]
    assert titles == [
        "Can a plugin add its own page?",
        "`KeyError: 'nav'` when the plugin starts",  # a problem statement, on a page named FAQ
        "Why is my plugin loaded twice?",
        "How do I test a plugin?",
    ]
    loaded = questions[2]
    assert loaded.answer.startswith("It is listed in `plugins:`")
    # A callout that does not ask stays a callout, inside the answer before it.
    assert "**Plugin order:** Plugins run in the order they are listed." in loaded.answer


def test_rst_numbered_sections_take_the_deepest_numbered_titles():
    _, _, questions, _ = ingest(FIXTURES / "rst" / "troubleshooting_numbered.rst")
    assert [(q.label, q.question, q.section) for q in questions] == [
        ("1.1", "`make` stops with \"No rule to make target 'config.mk'\"", "1. Setup"),
        ("1.2", "The tests need a display", "1. Setup"),
        ("2.1", "Why are exports empty?", "2. Usage"),
        ("2.2", "Colours look wrong on Windows", "2. Usage"),
    ]
    assert questions[0].answer == "Run `./configure` first; it writes `config.mk`."


def test_rst_faq_of_problem_statements_only():
    """No title asks, but the page says it is an FAQ: the most frequent heading level holds them."""
    _, _, questions, problems = ingest(FIXTURES / "rst" / "statement_faq.rst")
    assert [q.question for q in questions] == [
        "The exported video does not play in my browser",
        "Rendering stops at 99 %",
    ]
    assert questions[0].section == "Problems that are not bugs"
    assert not [p for p in problems if "error" in p]


def test_rst_sphinx_design_dropdowns_tabs_and_version_notes():
    """Directives docutils does not know (Sphinx and sphinx-design) keep their content."""
    _, _, questions, problems = ingest(FIXTURES / "rst" / "sphinx_dropdowns.rst")
    logo, dark = questions
    assert logo.question == "Can I change the logo?"
    assert logo.answer == "Set `html_logo` in `conf.py`.\n\n> **New in version 1.4:** SVG logos are inlined."
    assert dark.question == "Dark mode looks washed out"
    assert "*Light*\n\nKeep the light values." in dark.answer
    assert 'Set the dark values under `body[data-theme="dark"]`.' in dark.answer
    assert "> **See also:** The theme's changelog." in dark.answer
    assert not [p for p in problems if "error" in p]


def test_an_admonition_titled_answer_is_the_answer_itself(tmp_path):
    page = (
        "Optimiser FAQ\n=============\n\nWhat is cosine annealing?\n-------------------------\n\n"
        ".. admonition:: Answer\n\n   Decaying the learning rate along half a cosine.\n\n"
        "What is warmup?\n---------------\n\n.. admonition:: Solution\n\n   Raising it first.\n\n"
        ".. note::\n\n   Found a mistake? Open an issue.\n"
    )
    path = tmp_path / "faq.rst"
    path.write_text(page, encoding="utf-8")
    _, _, questions, _ = ingest(path)
    assert [(q.question, q.answer) for q in questions] == [
        ("What is cosine annealing?", "Decaying the learning rate along half a cosine."),
        ("What is warmup?", "Raising it first.\n\n> **Note:** Found a mistake? Open an issue."),
    ]

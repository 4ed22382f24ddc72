"""Images in answers (generator/ingest/images.py): a file beside the source is copied and shown;
traversal, absolute paths, symlinks out, oversize files, SVG and missing files are refused
with a warning at the image's line and shown as alt text; remote images are links unless
content/settings.yml says `images: {remote: show}`; HTML <img> follows the same rules."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.ingest import clean, images
from generator.ingest.images import ImageRules
from generator.ingest.load import discover
from generator.model import Draft, Line, Location
from generator.render import safe_html
from generator.settings import ImageSettings, load_settings

SOURCE = "content/sources/notes.md"


def png(width: int = 2, height: int = 2) -> bytes:
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    sources = tmp_path / "content" / "sources"
    (sources / "images").mkdir(parents=True)
    (sources / "images" / "attention map.png").write_bytes(png())
    (sources / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (tmp_path / "outside.png").write_bytes(png())
    return tmp_path


def answer(project: Path, *texts: str, remote: str = "link"):
    """(Markdown answer, warnings) of one question whose answer lines start at line 4."""
    draft = Draft(
        "What does it show?", Location(SOURCE, 3), tuple(Line(4 + i, t) for i, t in enumerate(texts))
    )
    (q,), problems = clean.make_questions([draft], "notes", ImageRules(project, SOURCE, "notes", remote))
    return q.answer, [str(p) for p in problems]


def refused(project: Path, src: str, reason: str, line: int = 5) -> None:
    text, problems = answer(project, "The figure:", f"![Heat map]({src}) shows weights.")
    assert text == "The figure:\n\nHeat map shows weights."
    assert problems == [f"{SOURCE}:{line}: warning: image {src!r} {reason}: shown as its alt text"]


def test_an_image_beside_the_source_is_copied_and_shown(project, tmp_path):
    text, problems = answer(project, "![Heat map](images/attention%20map.png)")
    assert problems == []
    assert text == "![Heat map](assets/sources/notes/images/attention%20map.png)"
    files = images.assets([_question(text)], project)
    assert files == {
        "assets/sources/notes/images/attention map.png": (project / SOURCE).parent.resolve()
        / "images"
        / "attention map.png"
    }
    images.write_assets(images.read_assets(files), tmp_path / "docs")
    assert (tmp_path / "docs" / "assets/sources/notes/images/attention map.png").read_bytes() == png()
    html = safe_html.convert(text).for_site()
    assert html == '<p><img alt="Heat map" src="assets/sources/notes/images/attention%20map.png"></p>'
    assert safe_html.convert(text).for_anki() == "<p>[Heat map]</p>"


def _question(text: str):
    from generator.model import Question

    return Question("q-1", "notes", 1, "Q?", "open", text, Location(SOURCE, 3))


def test_traversal_is_refused(project):
    refused(
        project,
        "../../outside.png",
        "climbs out of its folder with '..' (only files inside content/sources qualify)",
    )
    refused(
        project,
        "images/../../../outside.png",
        "climbs out of its folder with '..' (only files inside content/sources qualify)",
    )


def test_absolute_paths_are_refused(project):
    refused(
        project,
        "/etc/passwd.png",
        "is an absolute path (only files inside content/sources qualify)",
    )
    refused(project, "C:/images/x.png", "is an absolute path (only files inside content/sources qualify)")


def test_a_symlink_out_of_the_sources_is_refused(project):
    os.symlink(project / "outside.png", project / "content" / "sources" / "images" / "link.png")
    refused(project, "images/link.png", "resolves outside content/sources (a symlink?)")


def test_an_oversize_image_is_refused(project):
    big = project / "content" / "sources" / "images" / "big.png"
    big.write_bytes(png())
    with big.open("r+b") as handle:
        handle.truncate(images.MAX_BYTES + 1)
    refused(project, "images/big.png", "is 5.0 MB, over the 5 MB limit")


def test_svg_is_refused_whatever_its_name(project):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    (project / "content" / "sources" / "images" / "x.svg").write_bytes(svg)
    (project / "content" / "sources" / "images" / "y.png").write_bytes(svg)
    reason = "is an SVG or other markup, which can carry scripts: not copied"
    refused(project, "images/x.svg", reason)
    refused(project, "images/y.png", reason)


def test_a_file_that_is_no_image_is_refused(project):
    (project / "content" / "sources" / "images" / "notes.png").write_bytes(b"just text, not pixels")
    refused(project, "images/notes.png", "is not a PNG, JPEG, GIF, WebP or AVIF image")


def test_a_missing_image_is_reported_at_its_line(project):
    refused(project, "images/gone.png", "was not found")
    text, problems = answer(project, "One.", "", "Two.", "", "![](images/gone.png)")
    assert text.endswith("gone.png") and problems[0].startswith(f"{SOURCE}:8: warning:")


@pytest.mark.parametrize(
    "src",
    ["javascript:alert(1)", "data:image/png;base64,iVBOR", "file:///etc/passwd", "//evil.example/x.png"],
)
def test_other_schemes_are_refused(project, src):
    refused(project, src, "is neither a file beside the source nor an http(s) URL")


def test_a_remote_image_is_a_labelled_link_by_default(project):
    text, problems = answer(project, "![Loss curve](https://example.org/loss(1).png)")
    assert (text, problems) == ("[Image: Loss curve](https://example.org/loss%281%29.png)", [])
    assert "<img" not in safe_html.convert(text).for_site()


def test_a_remote_image_is_shown_when_the_settings_allow_it(project):
    text, problems = answer(project, "![Loss curve](https://example.org/loss.png)", remote="show")
    assert (text, problems) == ("![Loss curve](https://example.org/loss.png)", [])
    assert '<img alt="Loss curve" src="https://example.org/loss.png">' in safe_html.convert(text).for_site()


def test_html_img_follows_the_same_rules(project):
    text, problems = answer(
        project, 'See <img src="images/attention map.png" alt="Map"> and <IMG SRC="../x.png">.'
    )
    assert text == "See ![Map](assets/sources/notes/images/attention%20map.png) and x.png."
    assert problems == [
        f"{SOURCE}:4: warning: image '../x.png' climbs out of its folder with '..' "
        "(only files inside content/sources qualify): shown as its alt text"
    ]


def test_images_in_code_stay_code(project):
    text, problems = answer(project, "`![a](../x.png)`", "", "```", "![b](/etc/passwd)", "```")
    assert problems == []
    assert text.endswith("```\n![b](/etc/passwd)\n```")  # the sanitiser spares fences
    assert text.startswith("`\\![a]\\(../x.png)`")  # and only escapes a code span's link syntax


def test_alt_text_can_only_show_text(project):
    text, _ = answer(project, "![<script>alert(1)</script> *x* $y$](images/attention%20map.png)")
    html = safe_html.convert(text).for_site()
    assert "<script" not in html and "arithmatex" not in html and "<em>" not in html
    assert 'alt="&lt;script&gt;alert(1)&lt;/script&gt; *x* $y$"' in html


def test_escaped_brackets_in_alt_text_are_read_and_shown(project):
    text, problems = answer(project, r"![Heads \[1\] and \*2\*](images/attention%20map.png)")
    assert problems == []
    assert text == r"![Heads \[1\] and \*2\*](assets/sources/notes/images/attention%20map.png)"
    assert images.page_relative(text, 1).endswith("(../assets/sources/notes/images/attention%20map.png)")
    html = safe_html.convert(text).for_site()
    assert 'alt="Heads [1] and *2*"' in html


def test_an_unescaped_bracket_ends_no_alt_text(project):
    # (A long line of `![` is in tests/support/passes.py: each pass reads it in linear time.)
    text, problems = answer(project, "![a [b](images/attention%20map.png)")
    assert problems == [] and "assets/sources" not in text


def test_without_rules_images_stay_disarmed():
    draft = Draft("Q?", Location(SOURCE, 3), (Line(4, "![a](images/x.png)"),))
    (q,), _ = clean.make_questions([draft], "notes")
    assert q.answer.startswith("\\![a]")


def test_pages_point_one_folder_up_and_code_is_left_alone():
    md = "![a](assets/sources/n/x.png) and `![b](assets/sources/n/y.png)`"
    assert images.page_relative(md, 1) == "![a](../assets/sources/n/x.png) and `![b](assets/sources/n/y.png)`"
    assert images.page_relative(md, 0) == md


def test_image_settings(tmp_path):
    path = tmp_path / "settings.yml"
    assert load_settings(path).images == ImageSettings("link")
    path.write_text("images:\n  remote: show\n")
    assert load_settings(path).images == ImageSettings("show")
    path.write_text("images:\n  remote: always\n  size: 3\n")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert "images: unknown key 'size'" in str(error.value) and "'always' is not one of link, show" in str(
        error.value
    )


def test_images_beside_the_sources_are_not_sources(project):
    (project / "content" / "sources" / "figure.png").write_bytes(png())
    (project / "content" / "sources" / "notes.xlsx").write_bytes(b"PK")
    paths, problems = discover(project / "content" / "sources", project)
    assert [p.name for p in paths] == ["notes.md"]
    assert [p.location.path for p in problems] == ["content/sources/notes.xlsx"]


def test_an_mcq_stem_shows_its_image_too(project):
    from generator.model import Choice

    draft = Draft(
        "What does the figure show?",
        Location(SOURCE, 3),
        stem=(Line(4, "![Heat map](images/attention%20map.png)"), Line(5, "![Gone](images/gone.png)")),
        choices=(Choice("A", "Weights"), Choice("B", "Losses")),
        correct="A",
        markup=True,
    )
    (q,), problems = clean.make_questions([draft], "notes", ImageRules(project, SOURCE, "notes"))
    assert q.stem == "![Heat map](assets/sources/notes/images/attention%20map.png)\nGone"
    assert [str(p) for p in problems] == [
        f"{SOURCE}:5: warning: image 'images/gone.png' was not found: shown as its alt text"
    ]
    assert list(images.assets([q], project)) == ["assets/sources/notes/images/attention map.png"]

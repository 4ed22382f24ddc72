"""Images in answers: files beside the source are copied into the site, remote ones are
linked (or shown, if content/settings.yml allows), anything else shows as its alt text.

    ![Attention map](images/attn.png)     -> copied to assets/sources/<source id>/images/attn.png
    <img src="images/b.png" alt="B">      -> the same rule as Markdown
    ![Chart](https://example.org/c.png)   -> [Image: Chart](https://example.org/c.png)
                                             (images: {remote: show} keeps it an image)
    ![x](../secret.png), ![x](/etc/x.png) -> "x", and a warning at the image's line
    <img src="notes.docx/word/media/a.png"> -> an image inside a Word file (generator.ingest.embedded):
                                             copied to assets/sources/<id>/notes.docx/word/media/a.png

A local image qualifies only if it stays inside content/sources once resolved (no `..`,
no absolute path, no symlink out), is at most MAX_BYTES, and its bytes are a PNG, JPEG,
GIF, WebP or AVIF image: SVG can carry scripts, so it is refused. Images are held aside
(`hold`) before math repair and sanitising, which would take their URLs apart, and put
back (`restore`) as Markdown this module wrote. `assets` lists the files to copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from generator.ingest import embedded, syntax
from generator.ingest.sanitize import is_web_url
from generator.model import Line, Location, Problem, Question

MAX_BYTES = 5 * 1024 * 1024
ASSETS = "assets/sources"
# An alt stays on one line and holds brackets only escaped (`\[`): were an unescaped `[`
# allowed, each `![` of a line of them would scan the rest of the line (quadratic).
ALT = r"(?:\\.|[^\\\[\]\n])*"
# `![alt](src)` or `![alt](<src> "title")`; the src may hold balanced parentheses, one
# level deep (`loss(1).png`).
MARKDOWN_IMAGE = re.compile(
    rf"!\[({ALT})\]\([ \t]*<?((?:[^\s<>()]|\([^\s<>()]*\))+)>?[ \t]*(?:\"[^\"\n]*\"[ \t]*)?\)"
)
ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # Markdown's backslash escapes: ASCII punctuation
HTML_IMAGE = re.compile(r"<img\b[^<>]*>", re.I)
HOLE = re.compile("\ue020(\\d+)\ue021")
HOLE_CHARS = re.compile("[\ue020\ue021]")
LT_BEFORE_HOLE = re.compile("<(?=\ue020)")
ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;"}
ALT_UNSAFE = re.compile(r"[\[\]\\`*_<>&!${}\"']")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
OUR_IMAGE = re.compile(rf"(!\[{ALT}\]\()({ASSETS}/[^\s)]+)\)")
SIGNATURES = (  # (name, offset, bytes): what the first bytes of each allowed format are
    ("PNG", 0, b"\x89PNG\r\n\x1a\n"),
    ("JPEG", 0, b"\xff\xd8\xff"),
    ("GIF", 0, b"GIF8"),
    ("WebP", 8, b"WEBP"),
    ("AVIF", 4, b"ftypavi"),
)
REFUSED = "shown as its alt text"


@dataclass(frozen=True)
class ImageRules:
    """Where one document's images may come from, and what to do with remote ones."""

    root: Path  # the project folder
    source_path: str  # the document, relative to root (for messages)
    source_id: str
    remote: str = "link"  # "link": a labelled link, "show": hotlink the image

    @property
    def sources_dir(self) -> Path:
        return self.root / "content" / "sources"


def hold(lines: tuple[Line, ...], rules: ImageRules) -> tuple[tuple[Line, ...], list[str], list[Problem]]:
    """The lines with every image outside code swapped for a placeholder, the Markdown each
    placeholder stands for, and a warning for each image that could not be used."""
    text = "\n".join(line.text for line in lines)
    if "![" not in text and "<img" not in text.lower():
        return lines, [], []
    held: list[str] = []
    problems: list[Problem] = []
    out: list[str] = []
    newlines = 0  # before the current run: which line an image sits on
    for run, kind in syntax.split(HOLE_CHARS.sub("\ufffd", text), syntax.CODE):
        out.append(_hold_run(run, newlines, lines, rules, held, problems) if kind == "text" else run)
        newlines += run.count("\n")
    new = "".join(out).split("\n")
    return tuple(Line(line.no, t) for line, t in zip(lines, new, strict=True)), held, problems


def _hold_run(
    run: str,
    newlines: int,
    lines: tuple[Line, ...],
    rules: ImageRules,
    held: list[str],
    problems: list[Problem],
) -> str:
    def one(alt: str, src: str, match: re.Match[str]) -> str:
        index = newlines + match.string.count("\n", 0, match.start())
        no = lines[min(index, len(lines) - 1)].no if lines else 0
        markdown, message = _image(alt, src, rules)
        if message:
            problems.append(Problem(Location(rules.source_path, no), message))
        held.append(markdown)
        # A tag may span lines: keep the line count, so every line keeps its number.
        return f"\ue020{len(held) - 1}\ue021" + "\n" * match.group().count("\n")

    run = MARKDOWN_IMAGE.sub(lambda m: one(ESCAPED.sub(r"\1", m.group(1)), m.group(2), m), run)
    if "<" in run:
        run = HTML_IMAGE.sub(lambda m: one(*_html_alt_src(m.group()), m), run)
    return run


def restore(markdown: str, held: list[str]) -> str:
    """Put back the images `hold` took out (after sanitising, which would disarm them)."""
    if not held:
        return markdown
    # Sanitising escaped a `<` before a hole; one left raw would open a tag with what comes back.
    markdown = LT_BEFORE_HOLE.sub("&lt;", markdown) if "<\ue020" in markdown else markdown
    return HOLE.sub(lambda m: held[int(m.group(1))], markdown)


def page_relative(markdown: str, depth: int) -> str:
    """Our images point from the site root; a page `depth` folders down needs `../` that often."""
    if depth == 0 or f"]({ASSETS}/" not in markdown:
        return markdown
    return "".join(
        OUR_IMAGE.sub(lambda m: f"{m.group(1)}{'../' * depth}{m.group(2)})", run) if kind == "text" else run
        for run, kind in syntax.split(markdown, syntax.CODE)
    )


def assets(questions: list[Question], root: Path) -> dict[str, Path | embedded.Member]:
    """Site path -> file for every image the answers show, checked again before copying."""
    out: dict[str, Path | embedded.Member] = {}
    sources = (root / "content" / "sources").resolve()
    for q in questions:
        shown = "\n".join(text for text in (q.stem, q.answer) if text)
        if f"]({ASSETS}/" in shown:
            for match in OUR_IMAGE.finditer(shown):
                target = unquote(match.group(2))
                rel = PurePosixPath(target).relative_to(ASSETS).parts[1:]
                path = sources.joinpath(*rel).resolve()
                if ".." in rel or not path.is_relative_to(sources):
                    continue
                found = path if path.is_file() else embedded.locate(path, sources)
                if found is not None:
                    out[target] = found
    return out


def read_assets(files: dict[str, Path | embedded.Member]) -> dict[str, bytes]:
    """Site path -> bytes of each file `assets` found: the gather stage reads them, so
    publishing (`write_assets`) opens nothing under content/."""
    return {
        target: found.read_bytes() if isinstance(found, Path) else found.read(MAX_BYTES)
        for target, found in sorted(files.items())
    }


def write_assets(data: dict[str, bytes], docs_dir: Path) -> None:
    for target in sorted(data):
        dest = docs_dir / target
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data[target])


def _image(alt: str, src: str, rules: ImageRules) -> tuple[str, str | None]:
    """(Markdown to show, warning or None) for one image."""
    alt = " ".join(alt.split())
    if is_web_url(src):
        url = src.replace("(", "%28").replace(")", "%29")  # a `)` would end the Markdown link
        if rules.remote == "show":
            return f"![{_alt(alt)}]({url})", None
        return f"[Image: {_alt(alt) or 'untitled'}]({url})", None
    path, reason = _local_file(unquote(src), rules)
    if path is None:
        return _alt(alt or PurePosixPath(src).name), f"image {src[:80]!r} {reason}: {REFUSED}"
    rel = path.relative_to(rules.sources_dir.resolve()).as_posix()
    url = quote(f"{ASSETS}/{rules.source_id}/{rel}")
    return f"![{_alt(alt)}]({url})", None


def _local_file(src: str, rules: ImageRules) -> tuple[Path | None, str]:
    if (src.startswith(("/", "\\")) and not src.startswith("//")) or DRIVE.match(src):
        return None, "is an absolute path (only files inside content/sources qualify)"
    if SCHEME.match(src) or src.startswith("//"):
        return None, "is neither a file beside the source nor an http(s) URL"
    parts = PurePosixPath(src.replace("\\", "/")).parts
    if ".." in parts:
        return None, "climbs out of its folder with '..' (only files inside content/sources qualify)"
    sources = rules.sources_dir.resolve()
    base = (rules.root / rules.source_path).parent
    candidate = base.joinpath(*parts)
    if not candidate.exists():
        member = embedded.locate(candidate.resolve(), sources)
        return _checked_member(member) if member else (None, "was not found")
    path = candidate.resolve()
    if not path.is_relative_to(sources):
        return None, "resolves outside content/sources (a symlink?)"
    if not path.is_file():
        return None, "is not a file"
    return _checked(path)


def _checked(path: Path) -> tuple[Path | None, str]:
    with path.open("rb") as handle:
        head = handle.read(16)
    reason = _refusal(path.stat().st_size, head, path.suffix)
    return (None, reason) if reason else (path, "")


def _checked_member(member: embedded.Member) -> tuple[Path | None, str]:
    """An image inside a Word file, as the path through it (`notes.docx/word/media/a.png`)."""
    reason = _refusal(member.size(), member.read(16), PurePosixPath(member.name).suffix)
    return (None, reason) if reason else (member.container / member.name, "")


def _refusal(size: int, head: bytes, suffix: str) -> str:
    """Why a file with this size, first bytes and suffix is not shown; "" if it is."""
    if size > MAX_BYTES:
        return f"is {size / 1024 / 1024:.1f} MB, over the {MAX_BYTES // 1024 // 1024} MB limit"
    if suffix.lower() == ".svg" or b"<svg" in head.lower() or head.lstrip().startswith(b"<"):
        return "is an SVG or other markup, which can carry scripts: not copied"
    if not any(head[at : at + len(magic)] == magic for _, at, magic in SIGNATURES):
        return "is not a PNG, JPEG, GIF, WebP or AVIF image"
    return ""


def _alt(text: str) -> str:
    """Alt text as Markdown that can only show text (it sits inside `![…]` or a link). Quotes
    are entities too: a placeholder nh3 kept inside an attribute value (`title="<img alt=…>"`)
    gets this text back after sanitising, and a `"` there would end the value."""
    return ALT_UNSAFE.sub(lambda m: ENTITIES.get(m.group()) or "\\" + m.group(), text)


class _ImgAttributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = {k: v or "" for k, v in attrs}

    handle_startendtag = handle_starttag


def _html_alt_src(tag: str) -> tuple[str, str]:
    parser = _ImgAttributes()
    parser.feed(tag)
    parser.close()
    return parser.attrs.get("alt", ""), parser.attrs.get("src", "").strip()

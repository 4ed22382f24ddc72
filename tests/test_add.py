"""`python -m generator add`: documents served from a loopback HTTP server, never the internet."""

from __future__ import annotations

import datetime
import re
import shutil
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from generator import add as add_module
from generator import pipeline
from generator.add import AddError, add, raw_url
from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
TODAY = datetime.date(2026, 12, 2)
FAQ = b"""# LLM FAQ

Author: Jane Doe
License: CC BY 4.0

## What is a token?

A piece of text the model reads as one unit.

## What is a context window?

The number of tokens a model can attend to at once.
"""
PAGE = (
    '<!doctype html><html><head><meta charset="iso-8859-1"><title>Caf\xe9 questions</title>'
    '<meta name="author" content="Ren\xe9 Roe"><link rel="license" href="https://creativecommons.org/licenses/by/4.0/">'
    "</head><body><h2>What is attention?</h2><p>Weighting tokens by relevance.</p>"
    "<h2>What is a caf\xe9 latte?</h2><p>Coffee.</p></body></html>"
).encode("latin-1")
# path -> (status, headers, body)
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/docs/llm-faq.md": (200, {"Content-Type": "text/markdown; charset=utf-8"}, FAQ),
    "/page": (200, {"Content-Type": "text/html; charset=iso-8859-1"}, PAGE),
    "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(64)),
    "/fake-text.txt": (200, {"Content-Type": "text/plain"}, b"\x00\x01\x02" * 100),
    "/big.txt": (200, {"Content-Type": "text/plain"}, b"What is x?\n" * 2000),
    "/long.txt": (200, {"Content-Type": "text/plain"}, b"What is y?\n" * 2000),
    "/to-ftp": (302, {"Location": "ftp://127.0.0.1/llm-faq.md"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/moved.md": (301, {"Location": "/docs/llm-faq.md"}, b""),
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_GET(self):
        status, headers, body = ROUTES.get(self.path, (404, {"Content-Type": "text/plain"}, b"not here"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if self.path != "/big.txt":  # no length: the client must stop reading at its limit
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "content" / "sources").mkdir(parents=True)
    for name in ("topics.yml", "curation.yml", "sources.yml", "glossary.yml"):
        shutil.copy(ROOT / "content" / name, tmp_path / "content" / name)
    return tmp_path


def meta(project: Path) -> dict:
    return yaml.safe_load((project / "content" / "sources.yml").read_text(encoding="utf-8"))


def test_adds_a_markdown_document_with_its_provenance(project, base):
    dest = add(project, f"{base}/docs/llm-faq.md", today=TODAY)
    assert dest == project / "content" / "sources" / "llm-faq.md"
    assert dest.read_bytes() == FAQ
    assert meta(project)["llm-faq"] == {
        "url": f"{base}/docs/llm-faq.md",
        "retrieved": "2026-12-02",
        "author": "Jane Doe",
        "licence": "CC BY 4.0",
    }
    # The maintainer's comments and entries before it are kept.
    before = (ROOT / "content" / "sources.yml").read_text(encoding="utf-8")
    assert (project / "content" / "sources.yml").read_text(encoding="utf-8").startswith(before)


def test_html_page_in_another_charset_is_stored_as_utf8_with_meta_provenance(project, base):
    dest = add(project, f"{base}/page", today=TODAY)
    assert dest.name == "page.html"
    assert "Café questions" in dest.read_text(encoding="utf-8")
    entry = meta(project)["page"]
    assert (entry["author"], entry["licence"]) == ("René Roe", "https://creativecommons.org/licenses/by/4.0/")


def test_same_scheme_redirect_is_followed(project, base):
    dest = add(project, f"{base}/moved.md", name="faq-copy", today=TODAY)
    assert dest.read_bytes() == FAQ and dest.name == "faq-copy.md"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/image.png", "content type image/png is not a text document this generator reads"),
        ("/fake-text.txt", "served as text/plain but holds binary data"),
        (
            "/to-ftp",
            "redirects to ftp://127.0.0.1/llm-faq.md: a redirect from http to another scheme is refused",
        ),
        ("/to-file", "redirects to file:///etc/passwd: a redirect from http to another scheme is refused"),
        ("/missing.md", "the server answered 404"),
    ],
)
def test_refused_with_a_clear_message(project, base, path, message):
    before = (project / "content" / "sources.yml").read_bytes()
    with pytest.raises(AddError) as refused:
        add(project, base + path, today=TODAY)
    assert message in str(refused.value)
    assert list((project / "content" / "sources").iterdir()) == []
    assert (project / "content" / "sources.yml").read_bytes() == before


def test_oversized_documents_are_refused_with_or_without_a_length(project, base, monkeypatch):
    monkeypatch.setattr(add_module, "MAX_BYTES", 1000)
    with pytest.raises(AddError, match=re.escape("over the 1,000-byte limit")):
        add(project, f"{base}/big.txt", today=TODAY)  # sent without Content-Length
    with pytest.raises(AddError, match="22,000 bytes is over the 1,000-byte limit"):
        add(project, f"{base}/long.txt", today=TODAY)  # Content-Length says so up front


def test_other_schemes_are_refused(project):
    with pytest.raises(AddError, match="only http and https addresses can be added"):
        add(project, "ftp://127.0.0.1/faq.md", today=TODAY)


def test_an_existing_source_is_never_overwritten(project, base):
    existing = project / "content" / "sources" / "llm-faq.txt"
    existing.write_text("Q1. Mine?\nYes.\n", encoding="utf-8")
    before = (project / "content" / "sources.yml").read_bytes()
    with pytest.raises(
        AddError, match=re.escape("already exists (source id 'llm-faq'): nothing was overwritten")
    ):
        add(project, f"{base}/docs/llm-faq.md", today=TODAY)
    assert existing.read_text(encoding="utf-8") == "Q1. Mine?\nYes.\n"
    assert (project / "content" / "sources.yml").read_bytes() == before
    with pytest.raises(
        AddError, match=re.escape("sources.yml already has an entry 'top-50-llm-interview-questions'")
    ):
        add(project, f"{base}/docs/llm-faq.md", name="top-50-llm-interview-questions", today=TODAY)


def test_github_blob_urls_fetch_the_raw_file():
    assert raw_url("https://github.com/owner/repo/blob/main/docs/faq.md") == (
        "https://raw.githubusercontent.com/owner/repo/main/docs/faq.md"
    )
    assert (
        raw_url("https://github.com/owner/repo/tree/main/docs")
        == "https://github.com/owner/repo/tree/main/docs"
    )
    assert raw_url("https://example.org/blob/a/b/c") == "https://example.org/blob/a/b/c"


def test_local_file_is_copied(project, tmp_path):
    source = tmp_path / "My Notes.md"
    source.write_bytes(FAQ)
    dest = add(project, str(source), today=TODAY)
    assert dest.name == "my-notes.md" and dest.read_bytes() == FAQ
    assert "url" not in meta(project)["my-notes"] and meta(project)["my-notes"]["author"] == "Jane Doe"


def test_cli_adds_then_checks_that_one_source(project, base, capsys):
    code = main(["--root", str(project), "add", f"{base}/docs/llm-faq.md"])
    out = capsys.readouterr().out
    assert code == 0
    assert "added content/sources/llm-faq.md (provenance in content/sources.yml)" in out
    assert "read as " in out
    row = next(line for line in out.splitlines() if line.startswith("llm-faq "))
    assert row.split()[1] == "2"  # both questions found
    assert main(["--root", str(project), "add", f"{base}/image.png"]) == 2
    assert "error: " in capsys.readouterr().err


def test_the_check_after_add_reads_within_the_budget(project, base, capsys, monkeypatch):
    (project / "content" / "settings.yml").write_text("reading:\n  budget_seconds: 0.5\n", encoding="utf-8")
    read_source = pipeline.read_source

    def hanging(path, content, timed=pipeline.call, source_id=None):
        while path.name == "llm-faq.md":  # the forked worker reading it never ends
            time.sleep(0.05)
        return read_source(path, content, timed, source_id)

    monkeypatch.setattr(pipeline, "read_source", hanging)
    assert main(["--root", str(project), "add", f"{base}/docs/llm-faq.md"]) == 1
    out = capsys.readouterr().out
    assert "content/sources/llm-faq.md:1: error: reading took longer than 0.5 s; skipped" in out
    assert "read as nothing" in out

"""`python -m generator preview`: serves a built site under the sub-path and on the port of the
site_url it was built with, prints that URL, answers GET and HEAD, and gives the site's 404
page (status 404) for a missing page, with or without a body."""

from __future__ import annotations

import http.client
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.preview import built_site_url, prefix_and_port
from tests.browser.fixture_site import free_port

INDEX = b"<!doctype html><title>Home</title><p>home page</p>\n"
ABOUT = b"<!doctype html><title>About</title><p>about page</p>\n"
MISSING = b"<!doctype html><title>404</title><p>styled 404</p>\n"


def fake_site(root: Path, site_url: str) -> Path:
    """What `build` leaves in site/, reduced to the files the server looks at."""
    site = root / "site"
    (site / "about").mkdir(parents=True)
    (site / "index.html").write_bytes(INDEX)
    (site / "about" / "index.html").write_bytes(ABOUT)
    (site / "404.html").write_bytes(MISSING)
    (site / "sitemap.xml").write_text(
        f"<urlset><url><loc>{site_url}about/</loc></url><url><loc>{site_url}</loc></url></urlset>",
        encoding="utf-8",
    )
    return site


def request(url: str, method: str, path: str) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(method, path)
        response = conn.getresponse()
        headers = {name.lower(): value for name, value in response.getheaders()}
        return response.status, headers, response.read()
    finally:
        conn.close()


@pytest.fixture
def preview(tmp_path):
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/study-site/"
    fake_site(tmp_path, site_url)
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(tmp_path), "preview"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert line, proc.stderr.read() if proc.stderr else "no output"
        yield line, site_url
    finally:
        proc.terminate()
        proc.communicate(timeout=10)  # also closes the pipes


def test_preview_prints_the_url_and_serves_the_built_site(preview):
    line, site_url = preview
    assert site_url in line and line.startswith("Serving "), line
    status, headers, body = request(site_url, "GET", "/study-site/about/")
    assert (status, body) == (200, ABOUT)
    assert headers["content-type"].startswith("text/html")
    status, headers, body = request(site_url, "HEAD", "/study-site/about/")
    assert (status, body, headers["content-length"]) == (200, b"", str(len(ABOUT)))
    assert request(site_url, "HEAD", "/study-site/")[0] == 200


def test_preview_answers_a_missing_page_with_the_site_404(preview):
    _, site_url = preview
    for path in ("/study-site/no/such/page/", "/elsewhere/", "/study-site/../etc/passwd"):
        status, _, body = request(site_url, "GET", path)
        assert (status, body) == (404, MISSING), path
        status, headers, body = request(site_url, "HEAD", path)
        assert (status, body, headers["content-length"]) == (404, b"", str(len(MISSING))), path


def test_preview_redirects_to_the_trailing_slash(preview):
    _, site_url = preview
    for path, target in (("/study-site", "/study-site/"), ("/study-site/about", "/study-site/about/")):
        status, headers, _ = request(site_url, "HEAD", path)
        assert (status, headers["location"]) == (301, target)


def test_preview_without_a_build_says_what_to_run(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(tmp_path), "preview"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "run `python -m generator build` first" in result.stderr


def test_the_sub_path_and_port_come_from_the_build(tmp_path):
    site = fake_site(tmp_path, "https://you.github.io/llm-study/")
    assert built_site_url(tmp_path, site) == "https://you.github.io/llm-study/"
    assert prefix_and_port("https://you.github.io/llm-study/") == ("/llm-study/", 8000)
    assert prefix_and_port("http://127.0.0.1:8765/llm-study/") == ("/llm-study/", 8765)
    (site / "sitemap.xml").unlink()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nsite_url: http://127.0.0.1:9000/sub/\n")
    assert built_site_url(tmp_path, site) == "http://127.0.0.1:9000/sub/"


def test_a_dropped_connection_prints_no_traceback_but_other_errors_do(tmp_path, capsys):
    from generator.preview import serve

    server, _ = serve(tmp_path)
    try:
        cases = ((ConnectionResetError(), False), (BrokenPipeError(), False), (ValueError(), True))
        for error, shown in cases:
            try:
                raise error
            except Exception:
                server.handle_error(None, ("127.0.0.1", 1))
            assert ("Traceback" in capsys.readouterr().err) is shown, error
    finally:
        server.shutdown()
        server.server_close()

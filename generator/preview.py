"""Serve a built site on loopback under its sub-path, the way GitHub Pages serves a project site.

`python -m generator preview` and the browser tests use this one server. Requests outside the
sub-path and missing files get the site's 404.html with status 404; HEAD answers like GET
without the body; `/llm-study` redirects to `/llm-study/`, a folder without its slash to the
slash. The sub-path and port come from the site_url the site was built with (its sitemap),
because Material's instant navigation only takes over links on the same host and port.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.errors import GeneratorError

PREFIX = "/llm-study/"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/llm-study/"
LOC = re.compile(r"<loc>([^<]{1,2000})</loc>")
SITE_URL_LINE = re.compile(r"^site_url:[ \t]*(\S+)", re.M)
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class Handler(SimpleHTTPRequestHandler):
    """Files of `site_dir` under `prefix`; anything else is the site's 404 page."""

    def __init__(self, *args, site_dir: Path, prefix: str = PREFIX, **kwargs):
        self.site_dir = site_dir
        self.prefix = prefix
        super().__init__(*args, directory=str(site_dir), **kwargs)

    def log_message(self, format, *args):
        pass

    def _resolve(self, path: str) -> Path | None:
        if not path.startswith(self.prefix):
            return None
        target = (self.site_dir / path[len(self.prefix) :]).resolve()
        if self.site_dir.resolve() not in target.parents and target != self.site_dir.resolve():
            return None  # ".." out of the site
        if target.is_dir():
            if not path.endswith("/"):
                return None  # redirected to the slash, so the page's relative links resolve
            target = target / "index.html"
        return target if target.is_file() else None

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_found(self, head: bool) -> None:
        page = self.site_dir / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found\n"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _answer(self, head: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if path == self.prefix.rstrip("/"):
            self._redirect(self.prefix)
            return
        target = self._resolve(path)
        if target is None:
            rel = path[len(self.prefix) :] if path.startswith(self.prefix) else None
            if rel is not None and not path.endswith("/") and (self.site_dir / rel).is_dir():
                self._redirect(path + "/")
            else:
                self._not_found(head)
            return
        self.path = "/" + target.relative_to(self.site_dir.resolve()).as_posix()
        if head:
            super().do_HEAD()
        else:
            super().do_GET()

    def do_GET(self):
        self._answer(head=False)

    def do_HEAD(self):
        self._answer(head=True)


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that drops a connection mid-answer (a navigation, a cancelled
        # prefetch) is no error of the site: no traceback for it on the terminal.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(
    site_dir: Path, port: int = 0, prefix: str = PREFIX, host: str = "127.0.0.1"
) -> tuple[ThreadingHTTPServer, str]:
    """Start a server in a daemon thread; returns it and the base URL ending in the prefix."""
    handler = functools.partial(Handler, site_dir=site_dir.resolve(), prefix=prefix)
    server = Server((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}{prefix}"


def built_site_url(root: Path, site_dir: Path) -> str:
    """The site_url `site_dir` was built with: its sitemap's home page, else mkdocs.yml's."""
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file():
        locs = LOC.findall(sitemap.read_text(encoding="utf-8", errors="replace"))
        if locs:
            return min(locs, key=len)
    config = root / "mkdocs.yml"
    found = SITE_URL_LINE.search(config.read_text(encoding="utf-8")) if config.is_file() else None
    return found.group(1).strip("'\"") if found else DEFAULT_SITE_URL


def prefix_and_port(site_url: str) -> tuple[str, int]:
    """('/llm-study/', 8000) from 'http://127.0.0.1:8000/llm-study/'. A site built for another
    host (a deploy's https://you.github.io/llm-study/) keeps its sub-path, on port 8000."""
    parts = urlsplit(site_url)
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    port = parts.port if parts.hostname in LOOPBACK and parts.port else 8000
    return path, port


def run(root: Path, site_dir: Path, port: int | None) -> int:
    """Serve `site_dir` until interrupted, after printing where."""
    if not (site_dir / "index.html").is_file():
        raise GeneratorError(f"{site_dir}: no built site here; run `python -m generator build` first")
    site_url = built_site_url(root, site_dir)
    prefix, default_port = prefix_and_port(site_url)
    port = default_port if port is None else port
    try:
        server, url = serve(site_dir, port, prefix)
    except OSError as exc:
        raise GeneratorError(f"cannot listen on port {port}: {exc.strerror}; try --port") from exc
    print(f"Serving {site_dir} at {url} (built for {site_url}); press Ctrl+C to stop.", flush=True)
    try:
        threading.Event().wait()
    finally:
        server.shutdown()
        server.server_close()
    return 0

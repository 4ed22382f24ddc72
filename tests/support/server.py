"""Serve a built site on loopback under a sub-path, the way GitHub Pages serves a project site.

Requests outside the prefix and missing files get the site's 404.html with status 404.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

PREFIX = "/llm-study/"


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, site_dir: Path, **kwargs):
        self.site_dir = site_dir
        super().__init__(*args, directory=str(site_dir), **kwargs)

    def log_message(self, format, *args):
        pass

    def _resolve(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        if path == PREFIX.rstrip("/"):
            return None
        if not path.startswith(PREFIX):
            return None
        rel = path[len(PREFIX) :]
        target = (self.site_dir / rel).resolve()
        if self.site_dir.resolve() not in target.parents and target != self.site_dir.resolve():
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def do_GET(self):
        path = unquote(urlsplit(self.path).path)
        if path == PREFIX.rstrip("/"):
            self.send_response(301)
            self.send_header("Location", PREFIX)
            self.end_headers()
            return
        target = self._resolve()
        if target is None:
            if not path.endswith("/") and (self.site_dir / path[len(PREFIX) :]).is_dir():
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            body = (self.site_dir / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.path = "/" + target.relative_to(self.site_dir.resolve()).as_posix()
        super().do_GET()


def serve(site_dir: Path, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Start a server in a daemon thread; returns it and the base URL ending in the prefix."""
    handler = functools.partial(_Handler, site_dir=site_dir.resolve())
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"


if __name__ == "__main__":
    import sys
    import time

    srv, url = serve(
        Path(sys.argv[1] if len(sys.argv) > 1 else "site"), int(sys.argv[2]) if len(sys.argv) > 2 else 8000
    )
    print(f"serving {url}")
    while True:
        time.sleep(3600)

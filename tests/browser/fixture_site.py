"""Small fixture sites for browser tests: the project's theme and settings around a few
source documents written by the test, built by the same stages as `generator build`
(in process, so a test can change what the readers gave before rendering)."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator import pipeline
from generator.config import load_content
from generator.model import Question
from generator.pipeline import assemble, read_sources
from generator.publish import site
from generator.publish.config import SiteOptions
from tests.support.server import PREFIX, serve

ROOT = Path(__file__).resolve().parents[2]
Adjust = Callable[[list[Question]], list[Question]]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_fixture_site(
    work: Path,
    sources: dict[str, bytes | str],
    site_url: str,
    adjust: Adjust | None = None,
    settings: str | None = None,
    metadata: str = "{}\n",
) -> Path:
    """Build `sources` (relative path -> content, under content/sources) into work/site;
    `metadata` is content/sources.yml."""
    shutil.copytree(ROOT / "overrides", work / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(ROOT / "content", work / "content", ignore=shutil.ignore_patterns("sources"))
    (work / "content" / "sources.yml").write_text(metadata, encoding="utf-8")
    (work / "content" / "curation.yml").write_text("{}\n", encoding="utf-8")  # names the real ids
    if settings is not None:
        (work / "content" / "settings.yml").write_text(settings, encoding="utf-8")
    for rel, data in sources.items():
        path = work / "content" / "sources" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
    content = load_content(work)
    found, questions, problems = read_sources(content)
    corpus = assemble(content, found, adjust(questions) if adjust else questions, problems)
    engine = os.environ.get("SITE_ENGINE", "mkdocs")  # see conftest's `engine` fixture
    options = SiteOptions(site_url, "material", engine)
    pipeline.write_docs(corpus, work / "build" / "docs", work, options)
    return site.build_site(work, options)


@contextmanager
def served_fixture_site(work: Path, sources: dict[str, bytes | str], **options) -> Iterator[tuple[Path, str]]:
    """`build_fixture_site` on a free loopback port under the sub-path, served while in use:
    (site folder, base URL)."""
    port = free_port()
    site_dir = build_fixture_site(work, sources, f"http://127.0.0.1:{port}{PREFIX}", **options)
    server, url = serve(site_dir, port)
    try:
        yield site_dir, url
    finally:
        server.shutdown()
        server.server_close()

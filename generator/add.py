"""`python -m generator add URL-or-FILE`: copy a document into content/sources/ with its provenance.

    add https://example.org/faq.html             fetched over http(s) with urllib
    add https://github.com/o/r/blob/main/qa.md   a GitHub `blob` page: the raw file is fetched
    add ~/notes/interview.md                     a local file is copied

The copy keeps the bytes as served (text re-encoded to UTF-8 when the server names
another charset). content/sources.yml gains the source's `url`, `retrieved` date, and
the `author` and `licence` the document itself states. Nothing is overwritten: an
existing source id is refused. Refused too, each with its reason: schemes other than
http(s), redirects to another scheme, content types that are not text (nor a binary
format a reader handles), and anything over MAX_BYTES.
"""

from __future__ import annotations

import datetime
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPMessage
from pathlib import Path
from typing import IO
from urllib.parse import unquote, urljoin, urlsplit

import yaml

from generator.errors import GeneratorError
from generator.ingest import provenance
from generator.ingest.load import SUPPORTED_SUFFIXES

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = 30  # seconds, per network operation
SUFFIX_OF_TYPE = {
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/x-rst": ".rst",
    "text/prs.fallenstein.rst": ".rst",
    "application/x-ipynb+json": ".ipynb",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
NOT_SLUG = re.compile(r"[^a-z0-9]+")


class AddError(GeneratorError):
    """A document that `add` refuses, with the reason."""


@dataclass(frozen=True)
class Fetched:
    url: str
    content_type: str  # "" when the server sent none
    data: bytes


def raw_url(url: str) -> str:
    """`https://github.com/o/r/blob/ref/path` -> `https://raw.githubusercontent.com/o/r/ref/path`."""
    parts = urlsplit(url)
    segments = parts.path.split("/")
    if (
        parts.netloc.lower() in ("github.com", "www.github.com")
        and len(segments) > 4
        and segments[3] == "blob"
    ):
        return f"https://raw.githubusercontent.com/{'/'.join(segments[1:3] + segments[4:])}"
    return url


class _SameSchemeRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects only within the scheme the user asked for."""

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage
    ) -> object:
        target = urljoin(req.full_url, headers.get("location") or headers.get("uri") or "")
        before, after = urlsplit(req.full_url).scheme.lower(), urlsplit(target).scheme.lower()
        if after != before:
            fp.close()
            raise AddError(
                f"{req.full_url} redirects to {target}: a redirect from {before} to another scheme is refused"
            )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def fetch(url: str, max_bytes: int) -> Fetched:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise AddError(f"{url}: only http and https addresses can be added (got {scheme or 'no scheme'!r})")
    opener = urllib.request.build_opener(_SameSchemeRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": "llm-study-generator add"})
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise AddError(f"{url}: {int(declared):,} bytes is over the {max_bytes:,}-byte limit")
            data = response.read(max_bytes + 1)
            ctype = response.headers.get("Content-Type") or ""
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        exc.close()
        raise AddError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise AddError(f"{url}: cannot fetch it ({exc.reason})") from None
    except TimeoutError:
        raise AddError(f"{url}: no answer within {TIMEOUT} s") from None
    if len(data) > max_bytes:
        raise AddError(f"{url}: over the {max_bytes:,}-byte limit")
    return Fetched(final, ctype, data)


def _media_type(content_type: str) -> tuple[str, str | None]:
    message = Message()
    message["Content-Type"] = content_type
    return message.get_content_type(), message.get_param("charset")  # type: ignore[return-value]


def accept(fetched: Fetched, url_suffix: str) -> tuple[str, bytes]:
    """(file suffix, bytes to store), or AddError when the content is not a document we read."""
    media, charset = _media_type(fetched.content_type or "text/plain")
    binary = SUFFIX_OF_TYPE.get(media) in (".pdf", ".docx")
    is_text = media.startswith("text/") or media in SUFFIX_OF_TYPE or media == "application/json"
    if not is_text or (binary and SUFFIX_OF_TYPE[media] not in SUPPORTED_SUFFIXES):
        raise AddError(f"{fetched.url}: content type {media} is not a text document this generator reads")
    suffix = url_suffix if url_suffix in SUPPORTED_SUFFIXES else SUFFIX_OF_TYPE.get(media, ".txt")
    if binary:
        return SUFFIX_OF_TYPE[media], fetched.data
    if b"\x00" in fetched.data[:4096]:
        raise AddError(f"{fetched.url}: served as {media} but holds binary data")
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii"):
        try:
            return suffix, fetched.data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            pass  # keep the bytes: loading reports what it has to repair
    return suffix, fetched.data


def slug(name: str) -> str:
    return NOT_SLUG.sub("-", name.lower()).strip("-")[:60].strip("-") or "source"


def _name_parts(path_text: str) -> tuple[str, str]:
    name = unquote(path_text.rstrip("/").rsplit("/", 1)[-1])
    stem, dot, suffix = name.rpartition(".")
    return (stem, f".{suffix.lower()}") if dot and stem else (name, "")


def destination(sources_dir: Path, meta_ids: set[str], source_id: str, suffix: str) -> Path:
    taken = [p for p in sources_dir.glob("*") if p.stem == source_id] if sources_dir.is_dir() else []
    if taken:
        raise AddError(
            f"{taken[0].as_posix()} already exists (source id {source_id!r}): nothing was overwritten; "
            "use --name to add it under another id"
        )
    if source_id in meta_ids:
        raise AddError(
            f"content/sources.yml already has an entry {source_id!r}: nothing was overwritten; "
            "use --name to add it under another id"
        )
    return sources_dir / f"{source_id}{suffix}"


def record(sources_yml: Path, source_id: str, entry: dict[str, str]) -> None:
    """Append the entry, so the file's comments and order stay as the maintainer left them."""
    text = sources_yml.read_text(encoding="utf-8") if sources_yml.exists() else ""
    block = yaml.safe_dump({source_id: entry}, sort_keys=False, allow_unicode=True, width=1000)
    sources_yml.write_text(
        text + ("\n" if text and not text.endswith("\n") else "") + block, encoding="utf-8"
    )


def add(root: Path, target: str, name: str | None = None, today: datetime.date | None = None) -> Path:
    """Copy or fetch `target` into content/sources/ and record where it came from."""
    from generator.config import load_sources_meta

    sources_dir, sources_yml = root / "content" / "sources", root / "content" / "sources.yml"
    entry: dict[str, str] = {}
    if re.match(r"^[a-z][a-z0-9+.-]*://", target, re.I):
        url = raw_url(target)
        stem, url_suffix = _name_parts(urlsplit(url).path)
        suffix, data = accept(fetch(url, MAX_BYTES), url_suffix)
        entry["url"] = target
    else:
        path = Path(target).expanduser()
        if not path.is_file():
            raise AddError(f"{target}: no such file")
        stem, suffix = path.stem, path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            raise AddError(
                f"{target}: unsupported file type {suffix or '(none)'!r} ({', '.join(SUPPORTED_SUFFIXES)})"
            )
        if path.stat().st_size > MAX_BYTES:
            raise AddError(f"{target}: {path.stat().st_size:,} bytes is over the {MAX_BYTES:,}-byte limit")
        data = path.read_bytes()
    source_id = slug(name or stem)
    dest = destination(sources_dir, set(load_sources_meta(sources_yml)), source_id, suffix)
    entry["retrieved"] = (today or datetime.datetime.now(datetime.UTC).date()).isoformat()
    if suffix not in (".pdf", ".docx"):
        entry |= provenance.stated(data[:MAX_BYTES].decode("utf-8", errors="replace"))
    sources_dir.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(data)
    record(sources_yml, source_id, entry)
    return dest

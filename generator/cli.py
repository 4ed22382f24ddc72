"""Command line: python -m generator build | serve | preview | check | add | explain | export."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from generator.errors import EXIT_OK, EXIT_SOURCE_ERRORS, ConfigError, GeneratorError
from generator.pipeline import gather, write_docs
from generator.publish.engines import ENGINES
from generator.report import check_table, has_errors, source_counts, source_notes, summary_line


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve()


def _site_root(args: argparse.Namespace) -> Path:
    """The project folder of a command that writes build/mkdocs.yml, which INHERITs its mkdocs.yml."""
    root = _root(args)
    if not (root / "mkdocs.yml").is_file():
        raise ConfigError(f"{root / 'mkdocs.yml'}:1: not found: a project needs the site's mkdocs.yml")
    return root


def cmd_check(args: argparse.Namespace) -> int:
    corpus = gather(_root(args))
    notes = source_notes(corpus)
    if args.json:
        print(
            json.dumps(
                {
                    "sources": {
                        sid: {**counts, **notes[sid]} for sid, counts in source_counts(corpus).items()
                    },
                    "problems": [
                        {
                            "path": p.location.path,
                            "line": p.location.line,
                            "severity": p.severity,
                            "message": p.message,
                        }
                        for p in corpus.problems
                    ],
                },
                indent=2,
            )
        )
    else:
        print(check_table(corpus))
    return EXIT_SOURCE_ERRORS if has_errors(corpus) else EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    from generator.publish import search, site
    from generator.publish.config import SiteOptions, site_url_from

    started = time.perf_counter()
    root = _site_root(args)
    corpus = gather(root)
    for problem in corpus.problems:
        print(problem, file=sys.stderr)
    mode = search.choose_mode(corpus.content.search, args.search, len(corpus.shown()))
    options = SiteOptions(site_url_from(args.site_url), mode, args.engine)
    write_docs(corpus, root / "build" / "docs", root, options)
    if not args.no_site:
        site.build_site(root, options)
    print(summary_line(corpus, time.perf_counter() - started))
    return EXIT_SOURCE_ERRORS if has_errors(corpus) else EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from generator import watch

    return watch.serve(_site_root(args), args.dev_addr)


def cmd_preview(args: argparse.Namespace) -> int:
    from generator import preview

    root = _root(args)
    return preview.run(root, (root / args.site).resolve(), args.port)


def cmd_explain(args: argparse.Namespace) -> int:
    from generator.explain import explain_question

    corpus = gather(_root(args))
    print(explain_question(corpus, args.question_id))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from generator.publish.export import export
    from generator.publish.export_quiz import EXTENSIONS as QUIZ_FORMATS
    from generator.publish.export_quiz import export_quiz

    corpus = gather(_root(args))
    out = Path(args.output) if args.output else None
    if args.format in QUIZ_FORMATS:
        path, note = export_quiz(corpus, args.format, out)
        if note:
            print(note)
    else:
        path = export(corpus, args.format, out)
    print(f"wrote {path}")
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    from generator.add import add
    from generator.config import load_content
    from generator.model import Corpus
    from generator.pipeline import read_paths

    root = _root(args)
    dest = add(root, args.target, args.name)
    print(f"added {dest.relative_to(root).as_posix()} (provenance in content/sources.yml)")
    content = load_content(root)
    # Read as the build reads it: in a worker, within the reading budget and memory cap.
    sources, questions, problems = read_paths([dest], content, content.settings.reading.budget_seconds)
    corpus = Corpus(sources=sources, questions=questions, problems=problems, topics=list(content.topics))
    print(f"read as {sources[0].format if sources and sources[0].format else 'nothing'}")
    print(check_table(corpus))
    return EXIT_SOURCE_ERRORS if has_errors(corpus) else EXIT_OK


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    p.add_argument("--root", default=".", help="project folder (holds content/ and mkdocs.yml)")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="generate Markdown and build the site into site/")
    b.add_argument("--site-url", help="override site_url (the deploy workflow sets it)")
    b.add_argument("--no-site", action="store_true", help="write build/docs only; skip MkDocs")
    b.add_argument(
        "--search",
        choices=("material", "pagefind", "auto"),
        help="search behind the search box (default: content/settings.yml, else auto)",
    )
    b.add_argument(
        "--engine",
        choices=ENGINES,
        default="mkdocs",
        help="what builds site/ from the Markdown: MkDocs with Material (default) or Zensical",
    )
    b.set_defaults(func=cmd_build)
    s = sub.add_parser("serve", help="live preview that regenerates when content/ changes")
    s.add_argument("--dev-addr", default="127.0.0.1:8000")
    s.set_defaults(func=cmd_serve)
    v = sub.add_parser("preview", help="serve the built site/ under its sub-path and print the URL")
    v.add_argument("--port", type=int, help="port to listen on (default: the one in the build's site_url)")
    v.add_argument("--site", default="site", help="built site folder (default: site)")
    v.set_defaults(func=cmd_preview)
    c = sub.add_parser("check", help="report per-source counts and every problem as path:line")
    c.add_argument("--json", action="store_true", help="machine-readable output")
    c.set_defaults(func=cmd_check)
    a = sub.add_parser("add", help="copy a document (URL or file) into content/sources and check it")
    a.add_argument("target", metavar="URL-or-FILE")
    a.add_argument("--name", help="source id to store it under (default: from the file name)")
    a.set_defaults(func=cmd_add)
    e = sub.add_parser("explain", help="say why a question got its topic and duplicate group")
    e.add_argument("question_id")
    e.set_defaults(func=cmd_explain)
    x = sub.add_parser("export", help="write the corpus as an Anki deck, CSV, JSON, GIFT or Aiken")
    x.add_argument("--format", choices=("anki", "csv", "json", "gift", "aiken"), required=True)
    x.add_argument("--output", "-o", help="output file (default: dist/<name>)")
    x.set_defaults(func=cmd_export)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130

"""The build as named stages: discover -> read -> parse -> clean -> classify -> deduplicate -> relate
-> math (the formulas MathML cannot hold, reported), then render -> publish.

Gathering (`gather`) is the only stage that reads content/: the maintainer's YAML files and
pages (generator/config.py), the sources, and the images the answers show. What render and
publish need of it beyond the questions travels on the corpus (`Corpus.content`), so they
open nothing under content/ (tests/test_pipeline.py watches every file they open).

The stages live in generator/ingest, organise, render and publish, and each imports only
from its own folder, the ones before it and the shared modules at the top (model, config,
errors ...). Every stage returns values; only publishing (`write_docs`) touches disk. This
is the one driver: the benchmarks and the golden tests call these functions with a `timed`
hook (`timed(stage, fn, *args)`) rather than copying their bodies, so a stage added
here is measured and pinned there too.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from generator.config import Content, load_content
from generator.ingest import clean, images
from generator.ingest.images import ImageRules
from generator.ingest.load import discover, load_document, source_ids
from generator.ingest.readers import read_source_document
from generator.ingest.sources import make_source
from generator.model import Corpus, Location, Problem, Question, SiteContent, Source
from generator.organise import classify, dedupe, study_links
from generator.publish import docs, mathml
from generator.publish.config import SiteOptions, write_config
from generator.render.pages import Rendered, render_site
from generator.workers import MEMORY, Died, TimedOut, run_all

T = TypeVar("T")
STAGES = ("read", "parse", "clean", "classify", "dedupe", "relate", "math")


def call(_stage: str, fn: Callable[..., T], *args: Any) -> T:
    """The default `timed` hook: run the stage, measure nothing."""
    return fn(*args)


Timed = Callable[..., Any]


def read_sources(
    content: Content, budget: float | None = None, timed: Timed = call
) -> tuple[list[Source], list[Question], list[Problem]]:
    """Read every file in content/sources; a bad file is reported and the rest go on.

    With a `budget` (seconds), each file is read in a worker process that is killed
    when it takes longer: one pathological file costs its budget, not the build.
    """
    paths, problems = timed("read", discover, content.sources_dir, content.root)
    ids, clashes = source_ids(paths, content.sources_dir, content.root)
    sources, questions, read_problems = read_paths(paths, content, budget, timed, ids)
    return sources, questions, problems + clashes + read_problems


def read_paths(
    paths: list[Path],
    content: Content,
    budget: float | None = None,
    timed: Timed = call,
    ids: dict[Path, str] | None = None,
) -> tuple[list[Source], list[Question], list[Problem]]:
    """Read these files, each in a worker with `budget` seconds when one is given."""
    sources, questions, problems = [], [], []
    read = functools.partial(_read_or_report, content=content, timed=timed, ids=ids)
    results = run_all(read, paths, budget) if budget is not None and paths else [read(path) for path in paths]
    for path, result in zip(paths, results):
        if isinstance(result, TimedOut | Died):
            problems.append(_stopped(path, content, result, budget or 0))
            continue
        source, found, file_problems = result
        if source is not None:
            sources.append(source)
            questions += found
        problems += file_problems
    return sources, questions, problems


def _read_or_report(
    path: Path, content: Content, timed: Timed = call, ids: dict[Path, str] | None = None
) -> tuple[Source | None, list[Question], list[Problem]]:
    try:
        return read_source(path, content, timed, (ids or {}).get(path))
    except MemoryError:  # a decompression bomb, in a worker with its memory capped
        message = f"reading needed more than {MEMORY // 1024**3} GB of memory; skipped"
        return None, [], [Problem(Location(_rel(path, content), 1), message, "error")]
    except Exception as exc:  # a reader bug must cost one file, not the whole site
        message = (
            f"internal error while reading this file, skipped (please report it): {type(exc).__name__}: {exc}"
        )
        return None, [], [Problem(Location(_rel(path, content), 1), message, "error")]


def _stopped(path: Path, content: Content, result: TimedOut | Died, budget: float) -> Problem:
    if isinstance(result, TimedOut):
        message = f"reading took longer than {budget:g} s; skipped"
    else:
        message = f"reading stopped unexpectedly (exit code {result.exitcode}); skipped"
    return Problem(Location(_rel(path, content), 1), message, "error")


def _rel(path: Path, content: Content) -> str:
    return path.relative_to(content.root).as_posix() if path.is_relative_to(content.root) else str(path)


def read_source(
    path: Path, content: Content, timed: Timed = call, source_id: str | None = None
) -> tuple[Source, list[Question], list[Problem]]:
    """read (load) -> parse (junk stripped for the line readers) -> clean, for one file."""
    doc, problems = timed("read", load_document, path, content.root, source_id or path.stem)
    meta = content.sources_meta.get(doc.source_id) or content.sources_meta.get(path.stem)
    reading = timed("parse", read_source_document, doc, meta.questions if meta else None)
    if doc.converted_from:
        # `check` and questions.json name both steps for a converted file: "notebook+markdown".
        reading.reader = f"{doc.converted_from}+{reading.reader}" if reading.reader else doc.converted_from
    images = ImageRules(content.root, doc.path, doc.source_id, content.images.remote)
    make = clean.make_questions
    found, clean_problems = timed("clean", make, reading.drafts, doc.source_id, images, path.stem)
    source = make_source(doc, meta, reading, found)
    return source, found, problems + reading.problems + clean_problems


def gather(root: Path, timed: Timed | None = None) -> Corpus:
    """Every stage, in order. With a `timed` hook the files are read in this process (so
    each call can be measured), without the per-file worker and its time budget."""
    with collector_paused():
        content = (timed or call)("read", load_content, root)
        budget = None if timed else content.settings.reading.budget_seconds
        sources, questions, problems = read_sources(content, budget, timed or call)
        return assemble(content, sources, questions, problems, timed or call)


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off while the build runs, and what it made set aside after.

    The build keeps what each stage returns to its end and makes little cyclic garbage
    (~6,000 objects at 10,000 questions, 4 MB at most), yet every collection walked the
    growing corpus again: ~1 s of CPU at 10,000 questions, of ~7. What exists on leaving
    is frozen (gc.freeze) so the next collection does not walk it either; `write_docs`
    hands it back to the collector at its end (a live preview builds again and again).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()  # O(1): the tracked objects move to the permanent generation
    finally:
        if enabled:
            gc.enable()


def assemble(
    content: Content,
    sources: list[Source],
    questions: list[Question],
    problems: list[Problem],
    timed: Timed = call,
) -> Corpus:
    """classify -> deduplicate -> relate, with curation naming a question by any of its ids.
    The corpus is made once, complete, from what each stage returned."""
    questions, repeat_problems = number_repeats(questions)
    questions, alias_of, alias_problems = claim_aliases(questions)
    curation = content.curation.resolved(alias_of)
    topic_of, tags_of = timed("classify", classify.classify_all, questions, content.topics, curation)
    vocabulary = classify.concept_vocabulary(content.topics)
    group_of = timed("dedupe", dedupe.find_groups, questions, curation, vocabulary)
    related_of = timed("relate", study_links.relate, questions, group_of, topic_of, vocabulary)
    late = stale_curation(content, questions) + timed("math", mathml.fallback_problems, questions)
    return Corpus(
        sources=sources,
        questions=questions,
        problems=problems + repeat_problems + alias_problems + late,
        topics=list(content.topics),
        topic_of=topic_of,
        tags_of=tags_of,
        group_of=group_of,
        related_of=related_of,
        hidden=curation.hide,
        content=site_content(content, questions),
    )


def site_content(content: Content, questions: list[Question]) -> SiteContent:
    """What render and publish take from content/ besides the questions, read now."""
    return SiteContent(
        site=content.settings.site,
        search=content.settings.search,
        glossary=content.glossary,
        pages=content.pages,
        images=images.read_assets(images.assets(questions, content.root)),
    )


def number_repeats(questions: list[Question]) -> tuple[list[Question], list[Problem]]:
    """Files that share a stem hash their ids with it alike, so a question asked in both
    ("faq.md" and "faq.html", one document twice) would have one id: the later gets qid-2."""
    taken = {q.id for q in questions}
    seen: set[str] = set()
    out, problems = [], []
    for q in questions:
        if q.id in seen:
            n = 2
            while f"{q.id}-{n}" in taken:
                n += 1
            taken.add(f"{q.id}-{n}")
            message = f"question repeats one of another file of the same name; kept as {q.id}-{n}"
            problems.append(Problem(q.location, message))
            q = replace(q, id=f"{q.id}-{n}")
        seen.add(q.id)
        out.append(q)
    return out, problems


def claim_aliases(questions: list[Question]) -> tuple[list[Question], dict[str, str], list[Problem]]:
    """Each former id kept by one question only: (questions, former id -> id now, problems).

    A current id always wins over an alias, and an alias two questions claim stays with
    the first (reported: saved progress and an Anki note can follow only one question).
    """
    current = {q.id for q in questions}
    alias_of: dict[str, str] = {}
    out, problems = [], []
    for q in questions:
        kept = []
        for old in q.aliases:
            if old in alias_of:
                problems.append(
                    Problem(q.location, f"former id {old!r} also belongs to {alias_of[old]!r}; kept there")
                )
            elif old not in current:
                alias_of[old] = q.id
                kept.append(old)
        out.append(q if len(kept) == len(q.aliases) else replace(q, aliases=tuple(kept)))
    return out, alias_of, problems


def stale_curation(content: Content, questions: list[Question]) -> list[Problem]:
    """Ids named in curation.yml that no question has, now or as a former id."""
    known = {q.id for q in questions} | {old for q in questions for old in q.aliases}
    where = Location("content/curation.yml", 1)
    return [
        Problem(where, f"curation names unknown question id {qid!r}")
        for qid in sorted(content.curation.named() - known)
    ]


def write_tree(corpus: Corpus, docs_dir: Path) -> Rendered:
    """render, then publish: every page in memory, then docs_dir wiped and written with them,
    questions.json, the downloads and the images."""
    job = docs.start(corpus)  # the cards' HTML converts on the other cores while the pages render
    try:
        rendered = render_site(corpus, downloads=True)
    except BaseException:
        job.close()
        raise
    docs.write_tree(corpus, rendered, docs_dir, job)
    return rendered


def write_docs(corpus: Corpus, docs_dir: Path, root: Path, options: SiteOptions | None = None) -> Rendered:
    """build/docs and the generated config (build/mkdocs.yml) for `options`, from nothing."""
    try:
        with collector_paused():
            rendered = write_tree(corpus, docs_dir)
            write_config(root, docs_dir, rendered.nav, options, site=corpus.content.site)
    finally:
        gc.unfreeze()  # the build's objects are ordinary garbage again once dropped
    return rendered

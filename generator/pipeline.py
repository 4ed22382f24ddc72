"""The build as named stages: discover -> read -> clean -> classify -> deduplicate -> relate.

Every stage returns values; only `generator.render.write_site_docs` touches disk.
"""

from __future__ import annotations

from pathlib import Path

from generator import classify, clean, dedupe, related
from generator.config import Content, load_content
from generator.load import discover, load_document
from generator.model import Corpus, Problem, Question, Source
from generator.readers import read_document
from generator.sources import make_source


def read_sources(content: Content) -> tuple[list[Source], list[Question], list[Problem]]:
    """Read every file in content/sources; a bad file is reported and the rest go on."""
    paths, problems = discover(content.sources_dir, content.root)
    sources, questions = [], []
    for path in paths:
        doc, doc_problems = load_document(path, content.root, path.stem)
        problems += doc_problems
        doc, junk_problems = clean.strip_junk(doc)
        problems += junk_problems
        reader, drafts, read_problems = read_document(doc)
        problems += read_problems
        found, clean_problems = clean.make_questions(drafts, doc.source_id)
        problems += clean_problems
        sources.append(make_source(doc, content.sources_meta.get(doc.source_id), reader))
        questions += found
    return sources, questions, problems


def gather(root: Path) -> Corpus:
    content = load_content(root)
    sources, questions, problems = read_sources(content)
    corpus = Corpus(sources=sources, questions=questions, problems=problems,
                    topics=list(content.topics), hidden=content.curation.hide)
    corpus.topic_of, corpus.tags_of = classify.classify_all(questions, content.topics, content.curation)
    corpus.group_of = dedupe.find_groups(questions, content.curation)
    corpus.related_of = related.find_related(questions, corpus.group_of)
    corpus.problems += stale_curation(content, questions)
    return corpus


def stale_curation(content: Content, questions: list[Question]) -> list[Problem]:
    """Ids named in curation.yml that no question has any more."""
    from generator.model import Location

    known = {q.id for q in questions}
    cur = content.curation
    named = set(cur.pin) | set(cur.hide) | {q for g in cur.merge + cur.split for q in g}
    where = Location("content/curation.yml", 1)
    return [Problem(where, f"curation names unknown question id {qid!r}") for qid in sorted(named - known)]

"""Per-source counts and problem listings for `check` and the build summary."""

from __future__ import annotations

from collections import Counter

from generator.model import Corpus, Problem


def source_counts(corpus: Corpus) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for source in corpus.sources:
        kinds = Counter(q.kind for q in corpus.questions if q.source == source.id)
        counts[source.id] = {
            "questions": sum(kinds.values()),
            "answered": kinds["open"],
            "mcq": kinds["mcq"],
            "prompts": kinds["prompt"],
            "warnings": 0,
            "errors": 0,
        }
    for p in corpus.problems:
        sid = _source_of(p, corpus)
        if sid in counts:
            counts[sid]["errors" if p.severity == "error" else "warnings"] += 1
    return counts


def _source_of(problem: Problem, corpus: Corpus) -> str | None:
    for source in corpus.sources:
        if source.file == problem.location.path:
            return source.id
    return None


def has_errors(corpus: Corpus) -> bool:
    return any(p.severity == "error" for p in corpus.problems)


def check_table(corpus: Corpus) -> str:
    counts = source_counts(corpus)
    header = (
        f"{'source':<40} {'questions':>9} {'answered':>8} {'mcq':>4} {'prompts':>7} "
        f"{'warnings':>8} {'errors':>6}  read as"
    )
    rows = [header, "-" * len(header)]
    formats = {s.id: s.format or "(no reader)" for s in corpus.sources}
    for sid, c in counts.items():
        rows.append(
            f"{sid[:40]:<40} {c['questions']:>9} {c['answered']:>8} {c['mcq']:>4} "
            f"{c['prompts']:>7} {c['warnings']:>8} {c['errors']:>6}  {formats.get(sid, '')}"
        )
    total = {k: sum(c[k] for c in counts.values()) for k in ("questions", "answered", "mcq", "prompts")}
    rows.append(
        f"{'total':<40} {total['questions']:>9} {total['answered']:>8} {total['mcq']:>4} "
        f"{total['prompts']:>7} "
        f"{sum(1 for p in corpus.problems if p.severity == 'warning'):>8} "
        f"{sum(1 for p in corpus.problems if p.severity == 'error'):>6}"
    )
    rows += structure_lines(corpus)
    rows += [str(p) for p in sorted(corpus.problems, key=lambda p: (p.location.path, p.location.line))]
    return "\n".join(rows)


def source_notes(corpus: Corpus) -> dict[str, dict[str, object]]:
    """Per source: the reader, the structure a tree reader chose, and the text no question took."""
    return {
        s.id: {
            "reader": s.format,
            "structure": s.structure,
            "unread_lines": sum(b - a + 1 for a, b in s.unread),
            "unread": [list(r) for r in s.unread],
        }
        for s in corpus.sources
    }


def structure_lines(corpus: Corpus) -> list[str]:
    out = []
    for source in corpus.sources:
        if source.structure:
            out.append(f"{source.file}: {source.structure}")
        if source.unread:
            lines = sum(b - a + 1 for a, b in source.unread)
            spans = ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in source.unread)
            out.append(f"{source.file}: {lines} lines in no question (not junk): lines {spans}")
    return out


def summary_line(corpus: Corpus, seconds: float) -> str:
    warnings = sum(1 for p in corpus.problems if p.severity == "warning")
    errors = len(corpus.problems) - warnings
    topics = len(set(corpus.topic_of.values()))
    return (
        f"{_n(len(corpus.questions), 'question')} from {_n(len(corpus.sources), 'source')} in "
        f"{_n(topics, 'topic')}, {_n(warnings, 'warning')}, {_n(errors, 'error')}, {seconds:.1f} s"
    )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"

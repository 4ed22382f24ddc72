"""Every count the site prints, from one definition of what is counted.

- A *source question* is one question as one source asks it, shown on the site (curation
  did not hide it). The Sources page counts these, per source.
- An *entry* is one `##` block on a topic page: a source question, or a merged group of
  duplicates, which counts once. Its kind is its first member's (members sort answered,
  then multiple choice, then prompts, so an entry any source answers is "answered").
  The site calls entries "questions": the home page, its topic cards, the topic pages, the
  glossary, the flashcards ("Card 1 of N") and "N of M known" all count entries.
- A *studyable entry* is an entry a learner can grade: every entry (a practice prompt is
  graded by the learner's own judgement), so progress counts need no third number. The
  browser counts them from study-index.json, which holds exactly the entries.

Each count splits into answered · multiple choice · practice prompts, and the parts add up
to the total. `plural` words every number, so no "1 practice prompts".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import Question
from generator.render.layout import Entry

# word -> plural, where adding "s" is wrong
IRREGULAR = {"entry": "entries", "multiple choice": "multiple choice", "MCQ": "MCQ"}


def plural(n: int, word: str) -> str:
    """ "1 practice prompt", "2 practice prompts", "0 entries"."""
    return f"{n} {word if n == 1 else IRREGULAR.get(word, word + 's')}"


@dataclass(frozen=True)
class Tally:
    """How many of something, by kind; answered + mcq + prompts == total."""

    answered: int = 0
    mcq: int = 0
    prompts: int = 0

    @property
    def total(self) -> int:
        return self.answered + self.mcq + self.prompts

    def parts(self, short: bool = False) -> str:
        """ "12 answered · 2 multiple choice · 1 practice prompt", zero parts left out."""
        words = (
            (self.answered, "answered"),
            (self.mcq, "MCQ" if short else "multiple choice"),
            (self.prompts, "practice" if short else "practice prompt"),
        )
        return " · ".join(
            f"{n} {word}" if word in ("answered", "practice") else plural(n, word) for n, word in words if n
        )

    def line(self, unit: str = "question", short: bool = False) -> str:
        """ "16 questions: 12 answered · 2 MCQ · 2 practice"."""
        head = plural(self.total, unit)
        return f"{head}: {self.parts(short)}" if self.total else head


def tally(kinds: Iterable[str]) -> Tally:
    counted = Counter(kinds)
    # A kind the model does not know would fall out of every part: fail loudly instead.
    unknown = set(counted) - {"open", "mcq", "prompt"}
    if unknown:
        raise ValueError(f"unknown question kinds: {sorted(unknown)}")
    return Tally(counted["open"], counted["mcq"], counted["prompt"])


def of_questions(questions: Iterable[Question]) -> Tally:
    """Source questions by their own kind (pass them through `shown` first)."""
    return tally(q.kind for q in questions)


def of_entries(entries: Iterable[Entry]) -> Tally:
    """Entries by their kind: a merged group counts once."""
    return tally(e.primary.kind for e in entries)


def sources_asking(entry: Entry) -> int:
    """How many different sources ask the entry's question ("Asked in N sources")."""
    return len({m.source for m in entry.members})


def answering(entry: Entry) -> list[Question]:
    """The members with something to show under "Answer": an answer, or MCQ options to
    resolve. One tab each when there are several, so the badge counts these too."""
    return [m for m in entry.members if m.kind == "mcq" or m.answer]


def asked_in(entry: Entry) -> str:
    """The badge of a question several sources ask, with its answer count when that is not
    one per source: "Asked in 4 sources · 3 answers". Empty for a single source."""
    n = sources_asking(entry)
    if n < 2:
        return ""
    answers = len(answering(entry))
    return f"Asked in {n} sources" + (f" · {plural(answers, 'answer')}" if answers and answers != n else "")

"""Questions that name what they ask about only by examples.

"How do LLMs handle tasks like sentiment analysis, text summarization, and translation?"
is not about "tasks" but about those tasks; read as its examples' head nouns
({analysis, summariz, transl}), it meets "How do LLMs support applications like automatic
summarization, question answering, and language translation?", which shares two of its
three. A question that names something of its own before the examples ("LLMs like GPT-4",
"domain-specific tasks such as ...") is read as before, examples set aside.
"""

from __future__ import annotations

from generator.organise.intent_words import CONTEXT, DOING, ITEMS, TASK_CLASSES, is_content
from generator.organise.textsim import content_terms, fold


def task_examples(named: str, examples: str) -> frozenset[str]:
    """The head nouns of the examples ("machine translation" -> translation) when what
    comes before them names only a class of tasks and a verb of doing them; else none."""
    tokens = fold(named)
    plain = {t for t in tokens if is_content(t) and t not in CONTEXT} - TASK_CLASSES - DOING
    if plain or not TASK_CLASSES.intersection(tokens):
        return frozenset()
    heads = {words[-1] for item in ITEMS.split(examples) if (words := content_terms(item))}
    return frozenset(heads) if len(heads) >= 2 else frozenset()


def same_examples(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two lists of example tasks name one class when they share most of their items
    ("translation, sentiment analysis, summarization" / "summarization, question answering,
    translation"); a question without examples only meets another without."""
    shared = len(a & b)
    return a == b or (shared >= 2 and 2 * shared >= min(len(a), len(b)))

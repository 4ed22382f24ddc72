"""What a question asks: its subject, its intents, and what it compares the subject with.

A question is read clause by clause (clauses end at `? ; : ,` and before "and how",
"and why", ...). The first clause with content words names the **subject**; a later
clause that refers back ("how does *it* differ from greedy decoding?") only adds
**intents**, and, when it compares, a **comparand**. Inside a clause, examples
("like X, Y", "such as", "especially ...") and a purpose ("to improve outcomes") are
dropped, and a qualifier after the subject ("... in transformer models") is kept apart:

    "What is beam search, and how does it differ from greedy decoding?"
        subject {beamsearch}, intents define+compare, comparand {greedy}
    "How does beam search work in language models?"
        subject {beamsearch}, intents define ("how does X work" explains X)
    "What is masked language modeling (MLM), and how does it help in training LLMs like BERT?"
        subject {mlm}, intents define+why

Content words are folded (`generator.textsim`), without stop words, question
scaffolding ("the role of", "can you explain") and intent words; "in LLMs", "model",
"AI" only count when nothing else is left. `why_apart` says whether two questions are
the same question (None) or why not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.model import Question
from generator.textsim import STOP_WORDS, fold, stem

INTENT_WORDS = {
    "compare": "differ difference compare compared comparison contrast distinguish versus vs better",
    "benefit": "benefit advantage pros strength effective",
    "limit": "limitation drawback disadvantage challenge risk weakness pitfall",
    "mitigate": "mitigate prevent avoid reduce handle address deal overcome combat fix tackle "
    "minimize solve prevention",
    "types": "type kind category variant",
    "example": "example",
    "uses": "usecase application",
    "steps": "step pipeline",
    "effect": "impact influence affect effect contribute",
    "where": "where",
    "when": "when",
    "ways": "technique strategy method approach measure",
    "how": "how",
    "why": "why role significance important importance purpose need necessary matter",
    # "How does X work?" explains X, like "What is X?"; a bare "how" ("How can you use X?") does not.
    "define": "what explain describe define definition mean meaning concept know work",
}
CORE_INTENTS = frozenset({"define", "how", "why"})
ARTICLES = frozenset({"is", "are", "s", "the", "a", "an", "some", "main", "key", "primary"})
# "What techniques reduce bias?" asks how to mitigate; "Tokenization strategies" asks for kinds.
WEAK_INTENTS = {"ways": "types"}
# Words that frame a question without saying what it is about.
SCAFFOLD = frozenset(
    stem(w)
    for w in """
key main common some various specific particular typical typically often commonly use used
using apply applied play mechanism way
process term context give mention provide primary overview brief briefly detail idea notion
following question issue problem involve result generally usually certain exactly actually
really consider considered help
generate generation produce producing output response content text performance
potential field think latest current promising find interesting exciting take taken
associated surrounding real world based component
""".split()
)
CONTEXT = frozenset({"llm", "model", "ai", "ml", "dl", "nlp", "nn"})
# Both forms: fold() stems words but gives folded terms ("usecase") as they are.
_INTENT_OF = {
    f(w): intent for intent, words in INTENT_WORDS.items() for w in words.split() for f in (str, stem)
}
# "different" alone lists kinds ("different types of"), "different from" compares.
_INTENT_OF.update({"different": "types", "usedfor": "uses"})
REWRITES = {
    ("function", "of"): "role",
    ("used", "for"): "usedfor",
    ("different", "from"): "differ",
    ("different", "than"): "differ",
}
# One concept under two names the folding keeps apart.
SYNONYMS = {"metric": "evalu", "train": "pretrain", "genai": "generativ", "fairness": "bias"}
USE_VERB = frozenset({("you", "use"), ("we", "use"), ("to", "use")})
PRONOUNS = frozenset(stem(w) for w in "it its they them their this these those".split())
# After these, the rest of a sentence gives examples or a qualifier, not the subject.
EXAMPLES = re.compile(
    r"\b(?:like|such as|e\.?g\.?|for example|for instance|especially|particularly|including)\b"
)
# A clause ends here; "and" starts a new one only before a question word or a pronoun.
CLAUSE = re.compile(
    r"[?;:,]|\.\s|\band\s+(?=(?:how|why|what|when|where|which|its|their|is|are|does|do|can)\b)"
)
QUALIFIER = frozenset({"in", "within", "for", "during", "when", "while", "on"})
COMPARE_ONLY = frozenset({"compare"})
CANONICAL = {"how": "define", "benefit": "why"}
# "... in training", "... in improving performance": an activity, not a setting that
# narrows the question the way "... in transformers" or "... in healthcare" does.
ACTIVITIES = frozenset(
    form
    for w in "improve improving enhance evaluate evaluating train training pretraining finetuning "
    "development developing research technology task practice production deployment".split()
    for t in fold(w)
    for form in (t, SYNONYMS.get(t, t))
)


@dataclass(frozen=True)
class Signature:
    """What a question asks, reduced to what duplicate detection compares."""

    subject: frozenset[str]
    intents: frozenset[str]
    family: str  # "mcq" or "open" (answered or practice prompt)
    comparand: frozenset[str] = frozenset()
    qualifier: frozenset[str] = frozenset()
    detail: frozenset[str] = frozenset()  # what a trailing "and how does it ..." asks about

    @property
    def concepts(self) -> frozenset[str]:
        return self.subject | self.comparand

    @property
    def asks(self) -> frozenset[str]:
        # "Why is X important?" is answered by X's benefits, and the other way round.
        """The intents; "what is X" when there are none (a heading such as "Few-shot Learning")
        and for a bare "how" ("How do you evaluate X?" is answered by explaining X)."""
        return frozenset({CANONICAL.get(i, i) for i in self.intents}) or frozenset({"define"})

    def describe(self) -> str:
        text = "{" + ", ".join(sorted(self.subject)) + "} asking " + "+".join(sorted(self.asks))
        if self.comparand:
            text += " against {" + ", ".join(sorted(self.comparand)) + "}"
        if self.qualifier:
            text += " in {" + ", ".join(sorted(self.qualifier)) + "}"
        return text


def _rewrite(tokens: tuple[str, ...]) -> list[str]:
    """Two-word scaffolding to one intent word: "function of" -> role, "used for" -> uses.

    "How can you use X?" asks for uses too (but not "the techniques you use for X").
    """
    out, i = [], 0
    while i < len(tokens):
        pair = tokens[i : i + 2]
        if pair in USE_VERB and i + 2 < len(tokens) and _is_content(tokens[i + 2]):
            out.append("usedfor")
            i += 2
        elif pair in REWRITES:
            out.append(REWRITES[pair])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


def _intents(tokens: list[str]) -> set[str]:
    """Intent labels; "what is the role of X" asks why, so that "what" does not also define."""
    intents = set()
    for i, token in enumerate(tokens):
        if token not in _INTENT_OF:
            continue
        if token == "what":
            following = [t for t in tokens[i + 1 : i + 5] if t not in ARTICLES]
            if following and following[0] in _INTENT_OF:
                continue
        intents.add(_INTENT_OF[token])
    if "ways" in intents:  # "techniques to reduce X" mitigates; "tokenization strategies" lists kinds
        intents.discard("ways")
        if not intents - CORE_INTENTS:
            intents.add(WEAK_INTENTS["ways"])
    special = intents - CORE_INTENTS
    # "How do you handle X": the "how" belongs to the special intent; "how does X work" defines X.
    if special or ("define" in intents and "work" in tokens):
        intents.discard("how")
    return special or intents


def _is_content(token: str) -> bool:
    return not (token in STOP_WORDS or token in _INTENT_OF or token in SCAFFOLD or token.isdigit())


def _split(tokens: list[str]) -> tuple[list[str], list[str]]:
    """A clause's head and its qualifier ("... in transformers"); a purpose ("to ...") is dropped.

    Both start only after a content word that is not mere context, so "How to mitigate X"
    and "use cases for LLMs in healthcare" keep their words in the head.
    """
    started = False
    for i, token in enumerate(tokens):
        if started and token == "to":
            return tokens[:i], []
        if started and token in QUALIFIER:
            rest = tokens[i:]
            end = rest.index("to") if "to" in rest else len(rest)
            return tokens[:i], rest[:end]
        started = started or (_is_content(token) and token not in CONTEXT)
    return tokens, []


def _clauses(text: str) -> list[str]:
    sentences = []
    for sentence in text.split("?"):
        cut = EXAMPLES.search(sentence.lower())
        # "LLMs like GPT-4 ..." names the subject by example: cut only once something is named.
        if cut and _names_something(sentence[: cut.start()]):
            sentence = sentence[: cut.start()]
        sentences.append(sentence)
    return [c for s in sentences for c in CLAUSE.split(s) if c and c.strip()]


def _names_something(text: str) -> bool:
    return any(_is_content(t) and t not in CONTEXT for t in fold(text))


def signature(question: Question) -> Signature:
    return _signature(question.question, question.kind == "mcq")


@lru_cache(maxsize=65536)  # dedupe, related, classify and explain all ask for the same questions
def _signature(question: str, mcq: bool) -> Signature:
    subject: dict[str, None] = {}
    comparand: dict[str, None] = {}
    qualifier: set[str] = set()
    detail: set[str] = set()
    intents: set[str] = set()
    for clause in _clauses(question):
        tokens = _rewrite(fold(clause))
        head, tail = _split(tokens)
        found = _intents(head)
        words = [SYNONYMS.get(t, t) for t in head if _is_content(t)]
        # "What are the uses of LLMs, and ..." has named its subject; "You're working on an LLM" not yet.
        named = any(w not in CONTEXT for w in subject) or bool(subject and intents - CORE_INTENTS)
        refers_back = named and (not words or any(t in PRONOUNS for t in tokens))
        # "..., and how does it apply to LLMs?" elaborates; only a pointed intent adds to the ask.
        intents |= found - {"how"} if refers_back else found
        if not refers_back:
            subject.update(dict.fromkeys(words))
            qualifier.update(t for t in tail if _is_content(t) and t not in CONTEXT)
        elif "compare" in found:
            comparand.update(dict.fromkeys(w for w in words if w not in subject))
        elif "how" in found:
            detail.update(w for w in words if w not in subject and w not in CONTEXT)
    family = "mcq" if mcq else "open"
    return Signature(
        _drop_context(subject),
        frozenset(intents),
        family,
        _drop_context(comparand),
        frozenset(qualifier),
        frozenset(detail),
    )


def _drop_context(words) -> frozenset[str]:
    return frozenset(w for w in words if w not in CONTEXT) or frozenset(words)


def why_apart(a: Signature, b: Signature) -> str | None:
    """None when two signatures are one question; otherwise the reason they are not."""
    if a.family != b.family:
        return "one is multiple choice and the other is not"
    if not a.subject or a.subject != b.subject:
        return "different subjects"
    settings = (a.qualifier - ACTIVITIES, b.qualifier - ACTIVITIES)
    if settings[0] != settings[1]:
        return "different settings (" + ", ".join(sorted(settings[0] ^ settings[1])) + ")"
    tails = (a.detail | a.comparand, b.detail | b.comparand)
    if all(tails) and not tails[0] & tails[1]:
        return "different follow-up questions"
    if "compare" in a.asks and "compare" in b.asks and a.comparand != b.comparand:
        return "compared with different things"
    if a.asks == b.asks or _covers(a, b) or _covers(b, a) or _both_defined(a, b) or _both_defined(b, a):
        return None
    return "different intent (" + "+".join(sorted(a.asks)) + " vs " + "+".join(sorted(b.asks)) + ")"


def _both_defined(a: Signature, b: Signature) -> bool:
    """ "What are X and Y?" answers "What is the difference between X and Y?" (and back)."""
    return len(a.subject) >= 2 and a.asks == {"define"} and b.asks == COMPARE_ONLY and not b.comparand


def _covers(wide: Signature, narrow: Signature) -> bool:
    """A question asking two things or more answers one that asks a part of them.

    A comparison alone is not part of a wider question unless that one compares with the
    same thing: "What is X?" is inside "What is X, and how does it differ from Y?".
    """
    if len(wide.asks) < 2 or not narrow.asks < wide.asks:
        return False
    return narrow.asks != COMPARE_ONLY or wide.comparand == narrow.comparand

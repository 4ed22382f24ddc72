"""What a question asks: its subject, its intents, and what it compares the subject with.

A question is read clause by clause (clauses end at `? ; : ,` and before "and how",
"and why", ...). The first clause with content words names the **subject**; a later
clause that refers back ("how does *it* differ from greedy decoding?") only adds
**intents**, and, when it compares, a **comparand**. Inside a clause, examples
("like X, Y", "such as", "especially ..."), asides ("(LoRA, QLoRA)") and a purpose ("to
improve outcomes") are dropped, a qualifier after the subject ("... in transformer
models") is kept apart, and the words of a second phrase ("OOV words *or rare terms*")
are marked as `extra`, so duplicate detection can tell plain words from a second term:

    "What is beam search, and how does it differ from greedy decoding?"
        subject {beamsearch}, intents define+compare, comparand {greedy}
    "How does beam search work in language models?"
        subject {beamsearch}, intents define ("how does X work" explains X)
    "What is masked language modeling (MLM), and how does it help in training LLMs like BERT?"
        subject {mlm}, intents define+why
    "How is perplexity used to evaluate LLMs?"    subject {perplexity}, intents why (its role)
    "How can LLMs be applied in healthcare?"      subject {healthcar}, intents uses

Content words are folded (`generator.organise.textsim`), without stop words, question
scaffolding ("the role of", "can you explain") and intent words; "in LLMs", "model",
"AI" only count when nothing else is left. `generator.organise.dedupe.why_apart` says whether two
questions are the same question (None) or why not.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from generator.model import Question, normalise
from generator.organise.intent_examples import task_examples
from generator.organise.intent_words import (
    ACTIVITY_WORDS,
    APPLIED,
    ARTICLES,
    CANONICAL,
    CLAUSE,
    CONTEXT,
    CORE_INTENTS,
    DOING,
    DOING_INTENTS,
    EXAMPLES,
    INTENT_OF,
    OPENERS,
    PASSIVE_USE,
    PRONOUNS,
    QUALIFIER,
    RELATES,
    REWRITES,
    SETTING_CONTEXT,
    SETTING_SYNONYMS,
    SYNONYMS,
    TASK_CLASSES,
    USE_VERB,
    USED,
    WEAK_HEADS,
    WEAK_INTENTS,
)
from generator.organise.intent_words import is_content as _is_content
from generator.organise.textsim import STOP_WORDS, fold


@dataclass(frozen=True)
class Signature:
    """What a question asks, reduced to what duplicate detection compares."""

    subject: frozenset[str]
    intents: frozenset[str]
    family: str  # "mcq" or "open" (answered or practice prompt)
    comparand: frozenset[str] = frozenset()
    qualifier: frozenset[str] = frozenset()
    detail: frozenset[str] = frozenset()  # what a trailing "and how does it ..." asks about
    # Subject words from a second noun phrase ("OOV words *or rare terms*", "multiple
    # languages *and cultural contexts*"): a plain word there widens the question, a
    # term of the field ("LoRA *and QLoRA*") names a second subject.
    extra: frozenset[str] = frozenset()
    # A multiple-choice question's options: one stem ("What is this diagram an example
    # of?") can ask two questions.
    options: frozenset[str] = frozenset()
    # The tasks a question names only by example ("tasks like summarization, translation").
    examples: frozenset[str] = frozenset()

    @property
    def concepts(self) -> frozenset[str]:
        return self.subject | self.comparand

    @cached_property  # dedupe asks it of every pair it compares
    def asks(self) -> frozenset[str]:
        # "Why is X important?" is answered by X's benefits, and the other way round.
        """The intents; "what is X" when there are none (a heading such as "Few-shot Learning")
        and for a bare "how" ("How do you evaluate X?" is answered by explaining X)."""
        return frozenset(a for i in self.intents for a in CANONICAL.get(i, (i,))) or frozenset({"define"})

    def describe(self) -> str:
        text = "{" + ", ".join(sorted(self.subject)) + "} asking " + "+".join(sorted(self.asks))
        if self.comparand:
            text += " against {" + ", ".join(sorted(self.comparand)) + "}"
        if self.qualifier:
            text += " in {" + ", ".join(sorted(self.qualifier)) + "}"
        if self.examples:
            text += " like {" + ", ".join(sorted(self.examples)) + "}"
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
    # "How to do X?" asks for the ways to do it ("How does X work?" explains X).
    intents = {"ways"} if tokens[:2] == ["how", "to"] else set()
    for i, token in enumerate(tokens):
        if token not in INTENT_OF:
            continue
        if token in OPENERS and any(t not in STOP_WORDS for t in tokens[:i]):
            continue  # "the factors to consider when selecting X" asks about X, not when
        if token == "what":
            following = [t for t in tokens[i + 1 : i + 5] if t not in ARTICLES]
            if following and following[0] in INTENT_OF:
                continue
        intents.add(INTENT_OF[token])
    if "ways" in intents:  # "techniques to reduce X" mitigates; "tokenization strategies" lists kinds
        intents.discard("ways")
        if not intents - {"define", "how"}:  # "the purpose of the X approach" asks why
            intents.add(WEAK_INTENTS["ways"])
    # "How can LLMs be used in Y?" asks for their uses in Y; "How is X used to Y?" and "how
    # do LLMs use X?" (X a concept, or "it") ask for X's role, like "What is the role of X?".
    used = next((i for i, t in enumerate(tokens) if t in USED), None)
    if "how" in intents and used is not None and not intents - CORE_INTENTS:
        intents.discard("how")
        intents.add("why" if _names_concept(_object_of_use(tokens, used)) else "uses")
    special = intents - CORE_INTENTS
    # "How do you handle X": the "how" belongs to the special intent; "how does X work" defines X.
    if special or ("define" in intents and "work" in tokens):
        intents.discard("how")
    return special or intents


def _object_of_use(tokens: list[str], at: int) -> str:
    """What is used: the word before a passive "used", the word after an active "use"."""
    words = reversed(tokens[:at]) if tokens[at] == PASSIVE_USE else iter(tokens[at + 1 :])
    return next((t for t in words if t in PRONOUNS or t not in STOP_WORDS), "")


def _names_concept(token: str) -> bool:
    return token in PRONOUNS or (_is_content(token) and token not in CONTEXT)


def _split(tokens: list[str]) -> tuple[list[str], list[str]]:
    """A clause's head and its qualifier ("... in transformers"); a purpose ("to ...") is dropped.

    Both start only after a content word that is not mere context, so "How to mitigate X"
    and "use cases for LLMs in healthcare" keep their words in the head. In "compare /
    relate to Y", Y is part of the subject, as in "compare with Y"."""
    started = False
    for i, token in enumerate(tokens):
        if started and token == "to" and tokens[i - 1] not in RELATES:
            return tokens[:i], []
        if started and token in QUALIFIER:
            rest = tokens[i:]
            end = rest.index("to") if "to" in rest else len(rest)
            return tokens[:i], rest[:end]
        started = started or (_is_content(token) and token not in CONTEXT)
    return tokens, []


def _clauses(text: str) -> tuple[list[str], frozenset[str]]:
    """The clauses, and the examples that name a class of tasks (`intent_examples`)."""
    sentences, examples = [], frozenset[str]()
    for sentence in _drop_asides(text).split("?"):
        cut = EXAMPLES.search(sentence.lower())
        # "LLMs like GPT-4 ..." names the subject by example: cut only once something is named.
        if cut and _names_something(sentence[: cut.start()]):
            examples = examples or task_examples(sentence[: cut.start()], sentence[cut.end() :])
            sentence = sentence[: cut.start()]
        sentences.append(sentence)
    return [c for s in sentences for c in CLAUSE.split(s) if c and c.strip()], examples


def _drop_asides(text: str) -> str:
    """Without "(...)" glosses and lists ("PEFT (LoRA, QLoRA)", "RAG (Retrieval-Augmented
    Generation)"), when what is left still names something; one left-to-right scan."""
    out, start = [], 0
    while (opening := text.find("(", start)) != -1:
        closing = text.find(")", opening)
        if closing == -1:
            break
        out.append(text[start:opening])
        start = closing + 1
    if not out:
        return text
    kept = "".join(out) + text[start:]
    return kept if _names_something(kept) else text


def _names_something(text: str) -> bool:
    return any(_is_content(t) and t not in CONTEXT for t in fold(text))


def signature(question: Question) -> Signature:
    sig = _signature(question.question, question.kind == "mcq")
    if question.kind == "mcq" and question.choices:
        return replace(sig, options=frozenset(normalise(c.text) for c in question.choices))
    return sig


@lru_cache(maxsize=65536)  # dedupe, related, classify and explain all ask for the same questions
def _signature(question: str, mcq: bool) -> Signature:
    subject: dict[str, None] = {}
    comparand: dict[str, None] = {}
    qualifier: set[str] = set()
    detail: set[str] = set()
    extra: set[str] = set()
    intents: set[str] = set()
    clauses, examples = _clauses(question)
    for clause in clauses:
        tokens = _rewrite(fold(clause))
        head, tail = _split(tokens)
        found = _intents(head)
        words = [SYNONYMS.get(t, t) for t in head if _is_content(t)] + _activity(head)
        # "What are the uses of LLMs, and ..." has named its subject; "You're working on an LLM" not yet.
        named = any(w not in CONTEXT for w in subject) or bool(subject and intents - CORE_INTENTS)
        refers_back = named and (not words or any(t in PRONOUNS for t in tokens))
        # "..., and how does it apply to LLMs?" elaborates; only a pointed intent adds to the ask.
        if found == {"how"} and APPLIED.intersection(head) and not refers_back:
            found = {"uses"}  # "How can LLMs be applied in healthcare?" asks for their uses there
        intents |= found - {"how"} if refers_back else found
        if not refers_back:
            subject.update(dict.fromkeys(words))
            extra.update(_second_phrase(head))
            qualifier.update(_setting(tail))
        elif "compare" in found:
            comparand.update(dict.fromkeys(w for w in words if w not in subject))
        elif "how" in found:
            detail.update(w for w in words if w not in subject and w not in CONTEXT)
    family = "mcq" if mcq else "open"
    if examples:  # "How do LLMs handle tasks like X, Y, Z?" asks how they are used for X, Y, Z
        subject = dict.fromkeys([w for w in subject if w not in DOING and w not in TASK_CLASSES] + ["task"])
        qualifier -= TASK_CLASSES
        intents = (intents - DOING_INTENTS) or {"uses"}
    subject_words = _drop_weak(_drop_context(subject))
    return Signature(
        subject_words,
        frozenset(intents),
        family,
        _drop_weak(_drop_context(comparand)),
        frozenset(qualifier),
        frozenset(detail),
        frozenset(extra) & subject_words,
        examples=examples,
    )


def _activity(head: list[str]) -> list[str]:
    """ "Describe generating text using a transformer": what is done with the tool is asked
    about too, not the tool alone (so it is not "Describe the transformer")."""
    at = head.index("using") if "using" in head else 0
    if any(_is_content(t) and t not in CONTEXT for t in head[:at]):
        return []
    return [t for t in head[:at] if t in ACTIVITY_WORDS]


def _setting(tail: list[str]) -> list[str]:
    return [SETTING_SYNONYMS.get(t, t) for t in tail if _is_content(t) and t not in SETTING_CONTEXT]


def _second_phrase(head: list[str]) -> list[str]:
    """Content words after the first "and"/"or" that follows a content word."""
    for i, token in enumerate(head):
        if token in ("and", "or") and any(_is_content(t) for t in head[:i]):
            return [SYNONYMS.get(t, t) for t in head[i + 1 :] if _is_content(t)]
    return []


def _drop_context(words) -> frozenset[str]:
    return frozenset(w for w in words if w not in CONTEXT) or frozenset(words)


def _drop_weak(words: frozenset[str]) -> frozenset[str]:
    """ "RNN architectures", "transformer-based models": the head noun adds nothing to a term."""
    return words - WEAK_HEADS if words - WEAK_HEADS - CONTEXT else words

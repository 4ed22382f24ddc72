"""The word tables `generator.organise.intent` reads questions with: which words ask what, which only
frame a question, and which name one concept two ways.

    "What strategies do you use to mitigate X?"   strategy -> ways, mitigate -> mitigate
    "What is the function of X?"                  ("function", "of") -> role -> why
    "the key factors to consider"                 scaffolding, not a subject

Kept apart from the reading rules so that adding a word is a one-line data change.
"""

from __future__ import annotations

import re

from generator.organise.textsim import PHRASES, STOP_WORDS, fold, stem

INTENT_WORDS = {
    "compare": "differ difference compare compared comparison contrast distinguish versus vs better",
    "benefit": "benefit advantage pros strength effective",
    "limit": "limitation drawback disadvantage challenge risk weakness pitfall",
    "mitigate": "mitigate prevent avoid reduce handle address deal overcome combat fix tackle "
    "minimize solve prevention manage",
    "types": "type kind category variant",
    "example": "example",
    "uses": "usecase application",
    "steps": "step pipeline",
    "effect": "impact influence affect effect contribute",
    "where": "where",
    "when": "when",
    "ways": "technique strategy method approach measure",
    "how": "how",
    "why": "why significance important importance purpose need necessary matter",
    # "What is the role of X?" asks what X does and why it is there (see CANONICAL).
    "role": "role",
    # "How does X work?" explains X, like "What is X?"; a bare "how" ("How can you use X?") does not.
    "define": "what explain describe define definition mean meaning concept know work",
}
CORE_INTENTS = frozenset({"define", "how", "why", "role"})
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
potential possible field think latest current promising find interesting exciting take taken
associated surrounding real world based component available factor consider innovative
given make making improve enhance require required data ensure resource
""".split()
)
CONTEXT = frozenset({"llm", "model", "ai", "ml", "dl", "nlp", "nn"})
# Scaffolding that names an activity: "generating text using X" asks about generating text.
ACTIVITY_WORDS = frozenset(stem(w) for w in "generate generation produce output text content process".split())
# Settings that narrow no more than "in LLMs" does: the LLMs of the field are transformers,
# so "attention in transformer models" is attention in LLMs ("in RNNs" still narrows).
SETTING_CONTEXT = CONTEXT | {"transformer"}
# Both forms: fold() stems words but gives folded terms ("usecase") as they are.
INTENT_OF = {
    f(w): intent for intent, words in INTENT_WORDS.items() for w in words.split() for f in (str, stem)
}
# "different" alone lists kinds ("different types of"), "different from" compares.
INTENT_OF.update({"different": "types", "usedfor": "uses"})
REWRITES = {
    ("function", "of"): "role",
    ("used", "for"): "usedfor",
    ("potential", "of"): "usedfor",
    ("different", "from"): "differ",
    ("different", "than"): "differ",
    # A verb's particle, not a setting: "decide on the size" is not "the size, on ...".
    **{(stem(verb), "on"): stem(verb) for verb in "decide focus rely depend".split()},
}
# A setting named two ways: "during deployment" is "in production".
SETTING_SYNONYMS = {"deployment": "production", "deploy": "production"}
# One concept under two names the folding keeps apart.
SYNONYMS = {
    "metric": "evalu",
    "train": "pretrain",
    "genai": "generativ",
    "fairness": "bias",
    "interpretabl": "interpretability",
    "explainabl": "interpretability",
    "explainability": "interpretability",
    "decid": "select",
    "choos": "select",
}
USED = frozenset(stem(w) for w in "use used using".split())
PASSIVE_USE = stem("used")
APPLIED = frozenset(stem(w) for w in "apply applied applying leverage leveraged".split())
USE_VERB = frozenset({("you", "use"), ("we", "use"), ("to", "use")})
# Question words that ask only when they open the question ("When should you use X?").
OPENERS = frozenset({"when", "where"})
PRONOUNS = frozenset(stem(w) for w in "it its they them their this these those".split())
# A class of tasks named only by its examples ("How do LLMs handle tasks like summarization,
# translation, ...?"): the examples are the subject, and verbs of doing the tasks ("handle",
# "support", "contribute to advancements in") ask how LLMs are used for them.
TASK_CLASSES = frozenset(stem(w) for w in "task tasks application applications usecase".split())
DOING = frozenset(stem(w) for w in "handle support perform tackle contribute advancement".split())
DOING_INTENTS = frozenset({"define", "how", "effect", "mitigate", "uses"})
ITEMS = re.compile(r",|\b(?:and|or)\b")
# After these, the rest of a sentence gives examples or a qualifier, not the subject.
EXAMPLES = re.compile(
    r"\b(?:like|such as|e\.?g\.?|for example|for instance|especially|particularly|including)\b"
)
# A clause ends here; "and" starts a new one only before a question word or a pronoun.
CLAUSE = re.compile(
    r"[?;:,]|\.\s|\band\s+(?=(?:how|why|what|when|where|which|its|their|is|are|does|do|can)\b)"
)
QUALIFIER = frozenset({"in", "within", "for", "during", "when", "while", "on"})
# Folded words after which "to Y" names what is compared, not a purpose: "How does X compare to Y?"
RELATES = frozenset(
    {
        "compar",
        "relat",
        "similar",
        "connect",
        "link",
        "correspond",
        "contrast",
        "relativ",
        "equival",
        "analog",
    }
)
COMPARE_ONLY = frozenset({"compare"})
# What each intent asks, read as the plain asks: a role is what X does and why it is there,
# so "What is the role of attention?" is answered with "Explain attention" and with "Why
# does attention matter?"; complete linkage still keeps those two apart.
CANONICAL = {"how": ("define",), "benefit": ("why",), "role": ("define", "why")}
# "... in training", "... in improving performance": an activity, not a setting that
# narrows the question the way "... in transformers" or "... in healthcare" does.
ACTIVITIES = frozenset(
    form
    for w in "improve improving enhance evaluate evaluating train training pretraining finetuning "
    "development developing research technology task practice production deployment inference "
    "specific".split()
    for t in fold(w)
    for form in (t, SYNONYMS.get(t, t))
)
# Head nouns that add nothing once a term is named ("RNN architectures", "BERT-based models").
WEAK_HEADS = frozenset(stem(w) for w in "architecture architectures based".split())
# The field's folded terms ("lora", "beamsearch"): never a plain word, whatever phrase they sit in.
FIELD_TERMS = frozenset(PHRASES) - CONTEXT


def is_content(token: str) -> bool:
    """A word that can name what a question is about: not a stop word, an intent word or scaffolding."""
    return not (token in STOP_WORDS or token in INTENT_OF or token in SCAFFOLD or token.isdigit())

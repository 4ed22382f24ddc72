"""Shared text folding for classification, duplicate detection and related questions.

`fold("What is Retrieval-Augmented Generation (RAG) in LLMs?")` gives the tokens
`("what", "is", "rag", "rag", "in", "llm")`: lower-case ASCII words, lightly
stemmed (plurals, -ing/-ed/-ation, British -ise spellings), with the field's
multi-word terms and abbreviations folded into one token each, so "LLM",
"large language models" and "language model" all read `llm`. Every stage matches
on these tokens, so a synonym added here helps all of them at once.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from generator.model import normalise, normalised_words

# Words whose trailing "s" is not a plural, and words the stemmer must leave alone.
KEEP = frozenset(
    """
news series species bias analysis process loss class always perhaps
various previous this its was has does is us yes less unless across thus prompting
""".split()
)
BRITISH = re.compile(r"is(ation|ations|e|ed|es|ing|er|ers)$")
# Suffixes stripped in this order (at most one) when at least MIN_STEM letters remain.
SUFFIXES = ("ations", "ation", "ating", "ated", "ate", "ings", "ing", "ed", "e")
MIN_STEM = 4
DOUBLE_END = re.compile(r"([^aeiouylsz])\1$")

# One canonical token per term of the field; variants listed in plain words.
PHRASES = {
    "llm": "large language model, large language models, language model, language models, "
    "large lm, llms, lms, lm, large model, large models, gpt model, gpt models, gpt based model, "
    "gpt based models",
    "slm": "small language model, small language models, slms",
    "rag": "retrieval augmented generation, retrieval augmented generation models, retrieval augmented",
    "lora": "low rank adaptation, low rank adaption, loras",
    "qlora": "quantized lora, quantised lora, quantized low rank adaptation",
    "peft": "parameter efficient fine tuning, parameter efficient finetuning, parameter efficient tuning",
    "finetune": "fine tuning, fine tune, fine tuned, fine tunes, finetuning, finetuned, finetune",
    "pretrainedmodel": "pre trained model, pretrained model, pre trained language model, "
    "pretrained language model, pre trained llm, pretrained llm",
    "pretrain": "pre training, pretraining, pre trained, pretrained, pre train",
    "rlhf": "reinforcement learning from human feedback, reinforcement learning with human feedback, "
    "reinforcement learning through human feedback, reinforcement learning and human feedback",
    "rl": "reinforcement learning",
    "moe": "mixture of experts, mixture of expert, mixtures of experts",
    "cot": "chain of thought, chain of thoughts, chain of thought prompting, cot prompting",
    "oov": "out of vocabulary, out of vocabulary words, oov words",
    "bpe": "byte pair encoding, byte pair encodings",
    "nlp": "natural language processing",
    "seq2seq": "sequence to sequence, seq2seq models",
    "transformer": "transformer architecture, transformer model, transformer models",
    "rnn": "recurrent neural network, recurrent neural networks, rnns",
    "cnn": "convolutional neural network, convolutional neural networks, cnns",
    "lstm": "long short term memory, lstms",
    "topp": "top p, nucleus sampling, top p sampling, nucleus",
    "topk": "top k, top k sampling",
    "kl": "kl divergence, kullback leibler, kullback leibler divergence",
    "distill": "knowledge distillation, model distillation, distillation",
    "mlm": "masked language modeling, masked language modelling, masked language model, masked lm, mlm, "
    "masked model, masked models, autoencoding model, autoencoding models, autoencoder model, "
    "autoencoder models",
    "clm": "causal language modeling, causal language modelling, causal language model",
    "nsp": "next sentence prediction",
    "ntp": "next token prediction, next word prediction",
    "zeroshot": "zero shot, zero shot learning",
    "oneshot": "one shot, one shot learning",
    "fewshot": "few shot, few shot learning",
    "icl": "in context learning",
    "selfattention": "self attention",
    "multihead": "multi head attention, multihead attention, multi head",
    "crossattention": "cross attention",
    "posenc": "positional encoding, positional encodings, position encoding, position embedding, "
    "position embeddings, positional embedding, positional embeddings",
    "contextwindow": "context window, context windows, context length",
    "catforget": "catastrophic forgetting",
    "promptengineering": "prompt engineering, prompt engineer, prompting, engineer prompts, "
    "engineer your prompts, engineering prompts",
    "genai": "generative ai, generative artificial intelligence, gen ai, genai",
    "ai": "artificial intelligence",
    "ml": "machine learning",
    "dl": "deep learning",
    "nn": "neural network, neural networks",
    "gpt4": "gpt 4, gpt4",
    "gpt3": "gpt 3, gpt3",
    "vanishgrad": "vanishing gradient, vanishing gradients, vanishing gradient problem",
    "longdep": "long range dependency, long range dependencies, long term dependency, "
    "long term dependencies, long distance dependencies",
    "beamsearch": "beam search",
    "greedy": "greedy decoding, greedy search",
    "crossentropy": "cross entropy, cross entropy loss",
    "layernorm": "layer normalization, layer normalisation, layer norm",
    "residual": "residual connection, residual connections, skip connection, skip connections",
    "transferlearn": "transfer learning, knowledge transfer",
    "multilingual": "multiple languages, many languages, several languages",
    "lr": "learning rate, learning rates",
    "kg": "knowledge graph, knowledge graphs",
    "hyperparameter": "hyper parameter, hyper parameters, hyperparameters",
    "encdec": "encoder decoder",
    "dataset": "data set, data sets, datasets",
    "usecase": "use case, use cases",
    "stablediffusion": "stable diffusion",
    "prefixtuning": "prefix tuning",
    "humanfeedback": "human feedback, human in the loop",
}

# First token of a multi-word term -> (tokens, canonical) pairs, longest first.
_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}


@cache
def stem(word: str) -> str:
    """A deliberately light stemmer: plurals, -ing/-ed/-ation/-ate/-e, -ise -> -ize."""
    if len(word) <= 3 or word in KEEP or word.isdigit():
        return word
    word = BRITISH.sub(lambda m: "iz" + m.group(1), word) if len(word) > 6 else word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is", "as", "os")):
        word = word[:-1]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)]
            if suffix in ("ing", "ings", "ed"):
                word = DOUBLE_END.sub(r"\1", word)
            break
    return word


STOP_WORDS = frozenset(
    """
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing done during each either else ever every
few for from further had has have having he her here hers him his how however i if in into is it
its itself just let like may me might more most must my no nor not now of off on once only or
other others our out over own per rather same shall she should so some such than that the their
them then there these they this those through to too under until up upon very was we were what
whats when where whereas whether which while who whom whose why will with within without would
yet you your yours you re ll ve s t d e g eg ie etc vs versus
""".split()
)
STOP_WORDS = STOP_WORDS | {stem(w) for w in STOP_WORDS}


def _build_table() -> None:
    seen: set[tuple[str, ...]] = set()
    for canonical, variants in PHRASES.items():
        for variant in [canonical] + [v.strip() for v in variants.split(",")]:
            key = tuple(stem(w) for w in normalise(variant).split())
            if key and key not in seen:
                seen.add(key)
                _BY_FIRST.setdefault(key[0], []).append((key, canonical))
    for entries in _BY_FIRST.values():
        entries.sort(key=lambda e: -len(e[0]))


# Classify, dedupe and relate fold the same titles, clauses and answers: at 50,000 questions
# that is ~135,000 texts, and a cache of 65,536 refolded 60,000 of them (~15 MB more held).
@lru_cache(maxsize=1 << 18)
def fold(text: str) -> tuple[str, ...]:
    """Stemmed tokens with multi-word terms folded (longest match wins)."""
    if not _BY_FIRST:
        _build_table()
    words = tuple(map(stem, normalised_words(text)))
    # Only words that start a term are looked at; the runs between them are copied.
    starts = [i for i, word in enumerate(words) if word in _BY_FIRST]
    if not starts:
        return words
    out: list[str] = []
    done = 0  # words[:done] are in `out`
    for i in starts:
        if i < done:  # inside a term already folded
            continue
        for key, canonical in _BY_FIRST[words[i]]:
            if words[i : i + len(key)] == key:
                out += words[done:i]
                out.append(canonical)
                done = i + len(key)
                break
    out += words[done:]
    return tuple(out)


def content_terms(text: str) -> tuple[str, ...]:
    """Folded tokens without stop words, in order, repeats removed."""
    seen: dict[str, None] = {}
    for token in fold(text):
        if token not in STOP_WORDS and not token.isdigit():
            seen.setdefault(token, None)
    return tuple(seen)

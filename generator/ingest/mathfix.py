"""Math in answers, made safe for `pymdownx.arithmatex` (generic mode).

    $…$ and $$…$$             kept as they are
    \\( … \\)  and  \\[ … \\]    become $…$ and $$…$$
    \\mathbf{v}, \\hat{y}_i     bare LaTeX (known commands) wrapped in $…$
    d_k, QK^T                 one-letter subscripts and short powers wrapped in $…$
    $5 per million, $10       a dollar that opens no math becomes \\$ (a literal dollar)

Inline math follows pandoc's rule: `$` then a non-space, a non-space then `$`
not followed by a digit. A span that starts with a digit must also look like
math (a command, `^`, `_`, `=` ...) or hold no space ("$1-p$", "$0.9$"), so
"$10 and 20$" stays money. A `$`
that is neither math nor a price is reported as unbalanced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.ingest import syntax

COMMANDS = (
    "frac|dfrac|tfrac|sqrt|mathbf|mathrm|mathcal|mathbb|mathit|boldsymbol|hat|bar|tilde|vec|dot|text|"
    "operatorname|sum|prod|int|log|ln|exp|sin|cos|tan|max|min|arg|argmax|argmin|softmax|lim|"
    "alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|pi|rho|"
    "sigma|tau|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Sigma|Phi|Psi|Omega|"
    "cdot|times|div|pm|leq|geq|neq|approx|sim|propto|infty|partial|nabla|in|notin|subset|"
    "left|right|dots|ldots|cdots|top|mid|parallel|to|rightarrow|leftarrow|mathbb|odot|otimes|oplus"
)
BARE_COMMAND = re.compile(rf"\\(?:{COMMANDS})(?![A-Za-z])")
# `p_k^2` is one formula: a power right after a subscript belongs to it.
SUBSCRIPT = re.compile(
    r"(?<![\w\\$.])[A-Za-z]_(?:\{[^{}\s]{1,20}\}|[A-Za-z0-9])(?:\^(?:\{[^{}\s]{1,20}\}|[A-Za-z0-9]))?(?![\w{^])"
)
POWER = re.compile(r"(?<![\w\\$.])[A-Za-z]{1,3}\^(?:\{[^{}\s]{1,20}\}|[A-Za-z0-9])(?![\w{])")
MATH_SIGNAL = re.compile(r"\\[A-Za-z]+|[\^_=<>{}]|\\[,;!]")
DOLLAR = re.compile(r"\\?\$")
UNESCAPED_DOLLAR = re.compile(r"(?<!\\)\$")
NO_SPACE = re.compile(r"\S+")
LEFT_STOP = " \t\n([{\"'“‘$"
TRAILING = ".,;:!?"


@dataclass(frozen=True)
class MathResult:
    text: str
    has_math: bool
    unbalanced: int  # offsets into the result are not kept: callers report the line


def fix_math(text: str) -> MathResult:
    """`text` with math delimited for arithmatex and stray dollars escaped."""
    if "$" not in text and "\\" not in text and "_" not in text and "^" not in text:
        return MathResult(text, False, 0)
    out, has_math, unbalanced = [], False, 0
    for chunk, kind in syntax.split(text, syntax.CODE):  # code is shown as written: left alone
        if kind != "text":
            out.append(chunk)
            continue
        fixed, found, bad = _fix_chunk(chunk)
        out.append(fixed)
        has_math |= found
        unbalanced += bad
    return MathResult("".join(out), has_math, unbalanced)


def _fix_chunk(text: str) -> tuple[str, bool, int]:
    if "\\[" in text:
        text = syntax.BRACKET_MATH.sub(
            lambda m: f"$${m.group(1).strip()}$$" if _looks_like_math(m.group(1)) else m.group(), text
        )
    if "\\(" in text:
        text = syntax.PAREN_MATH.sub(_paren_to_dollars, text)
    if "$" not in text:
        wrapped = _wrap_bare(text)
        return wrapped, "$" in wrapped, 0
    out: list[str] = []
    has_math, unbalanced = False, 0
    plain_start = 0
    for dollar in DOLLAR.finditer(text):
        i = dollar.start()
        if i < plain_start or dollar.group() == "\\$":
            continue
        end = _math_end(text, i)
        if end is None:
            out.append(_wrap_bare(text[plain_start:i]) + "\\$")
            if not text[i + 1 : i + 2].isdigit():
                unbalanced += 1
            plain_start = i + 1
            continue
        out.append(_wrap_bare(text[plain_start:i]) + text[i:end])
        has_math = True
        plain_start = end
    out.append(_wrap_bare(text[plain_start:]))
    joined = "".join(out)
    return joined, has_math or bool(UNESCAPED_DOLLAR.search(joined)), unbalanced


def _paren_to_dollars(match: re.Match[str]) -> str:
    body = syntax.math_body(match.group())[0].strip()
    return f"${body}$" if body else match.group()


def _math_end(text: str, start: int) -> int | None:
    """End offset of the math span opening at `start`, or None if this `$` opens none."""
    if text.startswith("$$", start):
        close = text.find("$$", start + 2)
        return close + 2 if close > start + 2 else None
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if start + 1 >= line_end or text[start + 1].isspace():
        return None
    close = start + 1
    while True:
        close = text.find("$", close, line_end)
        if close < 0:
            return None
        if text[close - 1] != "\\":
            break
        close += 1
    # The next dollar must close it; otherwise this one opens no math ("$10 and $20").
    after = text[close + 1 : close + 2]
    content = text[start + 1 : close]
    if text[close - 1].isspace() or after.isdigit() or after == "$":
        return None
    # "$1-p$", "$0.9$": no space, no money ("$10 and 20$" reads as prices unless it looks like math)
    if content[0].isdigit() and not _looks_like_math(content) and not NO_SPACE.fullmatch(content):
        return None
    return close + 1


def _looks_like_math(content: str) -> bool:
    return bool(MATH_SIGNAL.search(content))


def _wrap_bare(text: str) -> str:
    """Wrap bare LaTeX commands, one-letter subscripts and short powers in `$…$`."""
    if "\\" in text:
        text = _wrap_commands(text)
    if "_" in text or "^" in text:
        text = _wrap_simple(text)
    return text


def _wrap_commands(text: str) -> str:
    out, pos = [], 0
    for match in BARE_COMMAND.finditer(text):
        if match.start() < pos:
            continue
        start = match.start()
        while start > pos and text[start - 1] not in LEFT_STOP:
            start -= 1
        end = _expression_end(text, start, match.end())
        out.append(text[pos:start] + "$" + text[start:end] + "$")
        pos = end
    return "".join(out) + text[pos:]


def _expression_end(text: str, start: int, pos: int) -> int:
    """Run over non-space characters and balanced braces; drop trailing punctuation."""
    depth = 0
    while pos < len(text):
        char = text[pos]
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                break
            depth -= 1
        elif char.isspace() and depth == 0:
            break
        pos += 1
    end = pos
    unopened = text.count(")", start, end) - text.count("(", start, end)  # counted once: linear
    while end > start and (text[end - 1] in TRAILING or (text[end - 1] == ")" and unopened > 0)):
        unopened -= text[end - 1] == ")"
        end -= 1
    return end


def _wrap_simple(text: str) -> str:
    segments = re.split(r"(\$[^$]*\$)", text)
    for index in range(0, len(segments), 2):
        part = SUBSCRIPT.sub(lambda m: f"${m.group()}$", segments[index])
        segments[index] = POWER.sub(lambda m: f"${m.group()}$", part)
    return "".join(segments)

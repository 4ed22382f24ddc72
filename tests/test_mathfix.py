"""Math for arithmatex: kept, converted, wrapped; prices stay dollars."""

from __future__ import annotations

import markdown
import pytest

from generator.ingest.mathfix import fix_math

ARITHMATEX = {
    "extensions": ["pymdownx.arithmatex"],
    "extension_configs": {"pymdownx.arithmatex": {"generic": True}},
}


def render(text: str) -> str:
    return markdown.markdown(text, **ARITHMATEX)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"setting $k=10$ means", r"setting $k=10$ means"),
        (r"$$L = - \sum_{i=1}^N y_i \log(\hat{y}_i)$$", r"$$L = - \sum_{i=1}^N y_i \log(\hat{y}_i)$$"),
        (r"($0 \leq i < d_{model}/2$)", r"($0 \leq i < d_{model}/2$)"),
        (r"inline \( a^2 + b \) here", r"inline $a^2 + b$ here"),
        (r"display \[ x = \frac{1}{2} \] here", r"display $$x = \frac{1}{2}$$ here"),
        (r"an eigenvector \mathbf{v} and", r"an eigenvector $\mathbf{v}$ and"),
        (r"and \hat{y}_i is the predicted", r"and $\hat{y}_i$ is the predicted"),
        (r"scores \frac{QK^T}{\sqrt{d_k}}.", r"scores $\frac{QK^T}{\sqrt{d_k}}$."),
        (r"the \text{softmax}(x_i) of", r"the $\text{softmax}(x_i)$ of"),
        (r"Where d_k is the size; QK^T measures", r"Where $d_k$ is the size; $QK^T$ measures"),
        (r"(see \alpha(x)), and \beta)).", r"(see $\alpha(x)$), and $\beta$))."),  # unopened ) left out
        # A review's dropout answer: a span that starts with a digit and holds no space is math.
        (r"scaled by $1-p$ at test time", r"scaled by $1-p$ at test time"),
        # A review's Gini formula became "sum($p_k$^2)": the power belongs to the subscript.
        (r"Gini = 1 - sum(p_k^2) over classes", r"Gini = 1 - sum($p_k^2$) over classes"),
        (r"x_i^{2} and w_t", r"$x_i^{2}$ and $w_t$"),
        (r"keep $0.9$ of the mass", r"keep $0.9$ of the mass"),
    ],
)
def test_math_is_kept_converted_or_wrapped(source, expected):
    result = fix_math(source)
    assert result.text == expected and result.has_math and result.unbalanced == 0


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("costs $5 per million tokens", r"costs \$5 per million tokens"),
        ("between $10 and $20 a month", r"between \$10 and \$20 a month"),
        ("from $5-$10", r"from \$5-\$10"),
        ("$5/hour, or $10.", r"\$5/hour, or \$10."),
        ("snake_case and d_model stay", "snake_case and d_model stay"),
        (r"already \$5", r"already \$5"),
        ("code `$x$` stays", "code `$x$` stays"),
    ],
)
def test_prices_and_plain_text_are_not_math(source, expected):
    result = fix_math(source)
    assert result.text == expected and not result.has_math and result.unbalanced == 0


def test_a_lone_dollar_is_escaped_and_counted():
    result = fix_math("a $ b")
    assert (result.text, result.unbalanced) == (r"a \$ b", 1)


def test_output_renders_with_arithmatex_generic():
    html = render(fix_math(r"Price $10 and $20; softmax \frac{e^{x_i}}{\sum_j e^{x_j}} and $k=10$.").text)
    assert "$10 and $20" in html  # literal dollars, not math
    assert html.count('class="arithmatex"') == 2
    assert r"\(\frac{e^{x_i}}{\sum_j e^{x_j}}\)" in html
    block = render(fix_math(r"$$\text{Attention}(Q, K, V) = \text{softmax}(QK^T) V$$").text)
    assert block.startswith('<div class="arithmatex">\\[')


def test_fenced_code_is_left_alone():
    text = "Run:\n\n```bash\necho $HOME costs $5\n```\n\nThen $x$."
    result = fix_math(text)
    assert result.text == text and result.has_math and result.unbalanced == 0

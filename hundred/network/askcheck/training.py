"""Fitting the model: L2-regularised logistic regression in pure Python, deterministic.

Used by benchmarks/askcheck_train.py (which writes model_weights.json) and by the test that
checks the committed weights are what the corpus gives. No numpy or scikit-learn: the same
arithmetic in the same order gives the same weights on every run.

The fit is full-batch gradient descent with Adagrad steps on

    sum over messages of log-loss  +  |w|² / (2 C)

(scikit-learn's LogisticRegression objective, its C), with features kept only when they occur
in at least `min_df` training messages, so a word one writer used once carries no weight.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from hundred.network.askcheck.features import features


@dataclass(frozen=True)
class Settings:
    c: float = 1.0
    min_df: int = 2
    epochs: int = 300
    step: float = 0.5


@dataclass(frozen=True)
class Fitted:
    bias: float
    weights: dict[str, float]


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def vocabulary(texts: Iterable[str], min_df: int) -> list[str]:
    """The features found in at least `min_df` of the texts, sorted."""
    df: dict[str, int] = {}
    for text in texts:
        for f in features(text):
            df[f] = df.get(f, 0) + 1
    return sorted(f for f, n in df.items() if n >= min_df)


def fit(texts: list[str], labels: list[bool], settings: Settings = Settings()) -> Fitted:
    """Weights and bias for the job-ask score of texts labelled True (job ask) or False."""
    vocab = vocabulary(texts, settings.min_df)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [sorted(index[f] for f in features(t) if f in index) for t in texts]
    targets = [1.0 if label else 0.0 for label in labels]
    w = [0.0] * len(vocab)
    squares = [1e-8] * len(vocab)
    bias, bias_square = 0.0, 1e-8
    shrink = 1.0 / settings.c
    for _ in range(settings.epochs):
        grad = [0.0] * len(vocab)
        grad_bias = 0.0
        for row, target in zip(rows, targets, strict=True):
            d = _sigmoid(bias + sum(w[i] for i in row)) - target
            grad_bias += d
            for i in row:
                grad[i] += d
        for i, g in enumerate(grad):
            g += shrink * w[i]
            squares[i] += g * g
            w[i] -= settings.step * g / math.sqrt(squares[i])
        bias_square += grad_bias * grad_bias
        bias -= settings.step * grad_bias / math.sqrt(bias_square)
    return Fitted(bias, dict(zip(vocab, w, strict=True)))

"""Fitting the model: L2-regularised logistic regression in pure Python, deterministic.

Used by benchmarks/askcheck_train.py (which writes model_weights.json) and by the test that
checks the committed weights are what the corpus gives. No numpy or scikit-learn: the same
arithmetic in the same order gives the same weights on every run.

The fit is full-batch gradient descent with Adagrad steps on

    sum over messages of log-loss  +  |w|² / (2 C)

(scikit-learn's LogisticRegression objective, its C), with features kept only when they occur
in at least `min_df` training messages, so a word one writer used once carries no weight.

Each feature is scaled by how lopsided it is between the labels before the fit (`nb_alpha` > 0;
Wang and Manning's "NB-SVM" idea, with logistic loss): its value in a message is |r|, where r is
the log of the ratio of its smoothed share among job asks to its share among honest messages.
A feature both kinds of message use ("cv", "interview") starts with a small value and must earn
its weight; one only job asks use starts large. The scale is folded into the weights written
out, so scoring stays a plain sum of weights. Chosen by cross-validation between authors
(docs/ask-checker.md): it raised both precision and recall over plain logistic regression.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter, mul

from hundred.network.askcheck.features import features


@dataclass(frozen=True)
class Settings:
    c: float = 1.0
    min_df: int = 2
    epochs: int = 300
    step: float = 0.5
    # Laplace smoothing of the label-ratio scale; 0 turns the scale off (every value 1).
    nb_alpha: float = 0.0
    # How much an honest message's error counts against a job ask's (a class weight above 1
    # makes false alarms dearer).
    honest_weight: float = 1.0
    # (eleventh version) A feature is kept only when messages of at least this many different
    # writers (the `groups` given to `fit`) hold it: a writer's own idiom carries no weight.
    min_authors: int = 1


@dataclass(frozen=True)
class Fitted:
    bias: float
    weights: dict[str, float]


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@lru_cache(maxsize=8192)
def _features(text: str) -> frozenset[str]:
    """A text's features, remembered: cross-validation fits the same messages many times."""
    return frozenset(features(text))


def vocabulary(
    texts: Iterable[str],
    min_df: int,
    groups: Iterable[str] | None = None,
    min_groups: int = 1,
) -> list[str]:
    """The features found in at least `min_df` of the texts, sorted; with `groups` (each
    text's writer), only those found in the texts of at least `min_groups` of them."""
    df: dict[str, int] = {}
    seen: dict[str, set[str]] = {}
    texts = list(texts)
    group_of = list(groups) if groups is not None else [""] * len(texts)
    for text, group in zip(texts, group_of, strict=True):
        for f in _features(text):
            df[f] = df.get(f, 0) + 1
            if min_groups > 1:
                seen.setdefault(f, set()).add(group)
    return sorted(
        f for f, n in df.items() if n >= min_df and (min_groups <= 1 or len(seen[f]) >= min_groups)
    )


def label_scale(rows: list[list[int]], labels: list[bool], size: int, alpha: float) -> list[float]:
    """|log ratio| of each feature's smoothed share among job asks to its share among the rest."""
    if alpha <= 0:
        return [1.0] * size
    asks, rest = [alpha] * size, [alpha] * size
    for row, label in zip(rows, labels, strict=True):
        counts = asks if label else rest
        for i in row:
            counts[i] += 1
    n_asks = sum(labels)
    ask_total = n_asks + 2 * alpha
    rest_total = len(labels) - n_asks + 2 * alpha
    return [
        abs(math.log((a / ask_total) / (r / rest_total))) for a, r in zip(asks, rest, strict=True)
    ]


def _summer(indexes: list[int]) -> Callable[[list[float]], float]:
    """A function summing a list's items at these indexes (itemgetter: the loop runs in C)."""
    if not indexes:
        return lambda values: 0.0
    if len(indexes) == 1:
        only = indexes[0]
        return lambda values: values[only]
    pick = itemgetter(*indexes)
    return lambda values: sum(pick(values))


def _columns(rows: list[list[int]], size: int) -> list[list[int]]:
    """For each feature, the indexes of the rows (messages) that have it."""
    columns: list[list[int]] = [[] for _ in range(size)]
    for r, row in enumerate(rows):
        for i in row:
            columns[i].append(r)
    return columns


def fit(
    texts: list[str],
    labels: list[bool],
    settings: Settings = Settings(),
    groups: list[str] | None = None,
) -> Fitted:
    """Weights and bias for the job-ask score of texts labelled True (job ask) or False;
    `groups` names each text's writer (for `settings.min_authors`)."""
    if settings.min_authors > 1 and groups is None:
        raise ValueError("min_authors needs each text's writer (groups)")
    vocab = vocabulary(texts, settings.min_df, groups, settings.min_authors)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [sorted(index[f] for f in _features(t) if f in index) for t in texts]
    value = label_scale(rows, labels, len(vocab), settings.nb_alpha)
    targets = [1.0 if label else 0.0 for label in labels]
    counts = [1.0 if label else settings.honest_weight for label in labels]
    # Each message's score sums its features' weights; each feature's gradient sums the errors
    # of the messages that have it. Both are sums over index lists, done by itemgetter.
    row_sums = [_summer(row) for row in rows]
    column_sums = [_summer(column) for column in _columns(rows, len(vocab))]
    w = [0.0] * len(vocab)
    squares = [1e-8] * len(vocab)
    bias, bias_square = 0.0, 1e-8
    shrink, step = 1.0 / settings.c, settings.step
    for _ in range(settings.epochs):
        scaled = list(map(mul, w, value))
        errors = [
            (_sigmoid(bias + total(scaled)) - target) * count
            for total, target, count in zip(row_sums, targets, counts, strict=True)
        ]
        grad = [
            v * total(errors) + shrink * x
            for v, total, x in zip(value, column_sums, w, strict=True)
        ]
        squares = [s + g * g for s, g in zip(squares, grad, strict=True)]
        w = [x - step * g / math.sqrt(s) for x, g, s in zip(w, grad, squares, strict=True)]
        grad_bias = sum(errors)
        bias_square += grad_bias * grad_bias
        bias -= step * grad_bias / math.sqrt(bias_square)
    # The scale folded in: a message's score is the plain sum of its features' weights.
    return Fitted(bias, {f: w[i] * value[i] for f, i in index.items()})

"""The trained model: a job-ask score for a message, and the words that made it.

A linear model over word features (features.py): the score is the bias plus the weight of each
feature the message has. It was fitted on the corpus's train and dev splits by
benchmarks/askcheck_train.py (training.py) and is read from model_weights.json, pure Python,
loaded once. The same text always gives the same score.

The score says whether a message asks for a job; `explain` says where: the sentence whose own
features score highest, and in it the words with the largest positive weights, so a flag from
the model quotes the words that triggered it like a rule does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hundred.network.askcheck.features import (
    HONEST_CUES,
    Token,
    cue_features,
    feature_spans,
    model_tokens,
    tokens,
)

WEIGHTS_FILE = Path(__file__).with_name("model_weights.json")


@dataclass(frozen=True)
class Model:
    bias: float
    threshold: float
    weights: dict[str, float]
    # Below this score the model may overrule the rules (overrules): a whole message it reads
    # as plainly honest, that says it is not asking, in which a rule matched a phrase.
    veto: float = float("-inf")
    # Above this score, not the threshold, a message holding one of the honest cues
    # (features.HONEST_CUES: offered for free, applying for what is not a job…) asks for a job;
    # None: the threshold (tenth version).
    caution: float | None = None
    # Below this score the model overrules the rules' findings in a whole message it reads even
    # when the message does not say it is not asking, unless a finding is an ask in so many
    # words (eleventh version; job_asks.job_ask_findings). Chosen with the threshold and the
    # caution on the development writers since the twelfth version.
    strong_veto: float = float("-inf")


@dataclass(frozen=True)
class Explanation:
    """Where a message asks: the span to mark, and its strongest words in text order."""

    start: int
    end: int
    cues: tuple[str, ...]


@cache
def load() -> Model:
    """The committed model (read once)."""
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return from_data(data)


def from_data(data: dict) -> Model:
    """A weights file's content as a model."""
    veto = data.get("veto")
    caution = data.get("caution")
    strong_veto = data.get("strong_veto")
    return Model(
        float(data["bias"]),
        float(data["threshold"]),
        data["weights"],
        float("-inf") if veto is None else float(veto),
        None if caution is None else float(caution),
        float("-inf") if strong_veto is None else float(strong_veto),
    )


def _score(spans: dict[str, tuple[int, int]], model: Model) -> float:
    weights = model.weights
    return model.bias + sum(weights.get(f, 0.0) for f in spans)


# Below this a text is a sentence, not a message: the model learnt from whole messages, where an
# honest ask is told apart by what surrounds it, and a lone sentence full of job words ("I left
# my job in March.") has no surroundings to tell it by. Such texts are left to the rules.
MIN_TOKENS = 16


def judges(text: str, sentence_ends: list[int]) -> bool:
    """Whether the model reads this text: two sentences or more, or one of MIN_TOKENS tokens."""
    toks = tokens(text)
    return len(toks) >= MIN_TOKENS or len(_sentences(toks, sentence_ends)) >= 2


def _scored(text: str, model: Model) -> tuple[float, set[str]]:
    weights = model.weights
    cues = cue_features(text)
    return _score(feature_spans(model_tokens(text)), model) + sum(
        weights.get(f, 0.0) for f in cues
    ), cues


def score(text: str, model: Model | None = None) -> float:
    """The message's job-ask score: above the model's threshold, it asks for a job."""
    return _scored(text, model or load())[0]


def is_honest_cued(text: str) -> bool:
    """Whether the text holds one of the honest cues (features.HONEST_CUES)."""
    return not HONEST_CUES.isdisjoint(cue_features(text))


def is_job_ask(text: str, model: Model | None = None) -> bool:
    """Whether the score is above the threshold, or above the caution for a message holding an
    honest cue."""
    model = model or load()
    value, cues = _scored(text, model)
    if model.caution is not None and not HONEST_CUES.isdisjoint(cues):
        return value > model.caution
    return value > model.threshold


def outweighs_rules(text: str) -> bool:
    """Whether the model has read enough of the text to overrule a rule: MIN_TOKENS tokens.
    (Twelfth version.) It reads a text of two short sentences ("want me to cut the grass tmrw?
    £25") and may flag it, but seven words are too few to withdraw what a rule matched in them;
    among the development writers' messages this cost nothing (docs/ask-checker.md)."""
    return len(tokens(text)) >= MIN_TOKENS


def overrules(
    text: str,
    model: Model | None = None,
    *,
    disclaims: bool = True,
    explicit: bool = False,
) -> bool:
    """Whether the model has read enough of the message (outweighs_rules) to withdraw the
    rules' findings: below its veto, far below any job ask the rules caught among writers
    they were not written from, when the message says it is not asking (`disclaims`); below
    its strong veto, when no finding is an ask in so many words (`explicit`)
    (docs/ask-checker.md)."""
    model = model or load()
    if not outweighs_rules(text):
        return False
    value = score(text, model)
    return (disclaims and value < model.veto) or (not explicit and value < model.strong_veto)


def _sentences(toks: list[Token], ends: list[int]) -> list[tuple[int, int]]:
    """Token index ranges [first, last) of each sentence, given the sentences' end offsets."""
    ranges, first, e = [], 0, 0
    for i, tok in enumerate(toks):
        while e < len(ends) and ends[e] <= tok.start:
            e += 1
            if i > first:
                ranges.append((first, i))
            first = i
    if first < len(toks):
        ranges.append((first, len(toks)))
    return ranges


# Words too common to explain anything: a cue must hold some other word.
_FUNCTION_WORDS = frozenset(
    "a an the i im ive id ill me my you your youre u ur we our us he she him her his they them"
    " their it its is are was were be been am do does did have has had will would could can"
    " should may might to of in on at for from with by as about into than then so and or but"
    " if that this these those there here what which who when where how not no just also very"
    " too all any some more one ? s t".split()
)


def _is_content(feature: str) -> bool:
    return any(word not in _FUNCTION_WORDS for word in feature[2:].split())


def _strongest(toks: list[Token], model: Model, n: int = 3) -> list[tuple[float, int, int]]:
    """(weight, first, last) of the n strongest positive content features, none overlapping."""
    found = sorted(
        (
            (model.weights.get(f, 0.0), a, b)
            for f, (a, b) in feature_spans(toks).items()
            if _is_content(f)
        ),
        key=lambda i: (-i[0], i[1]),
    )
    chosen: list[tuple[float, int, int]] = []
    for weight, a, b in found:
        if weight <= 0 or len(chosen) == n:
            break
        if all(b < c or a > d for _, c, d in chosen):
            chosen.append((weight, a, b))
    return chosen


def explain(text: str, sentence_ends: list[int], model: Model | None = None) -> Explanation | None:
    """The sentence that asks most, and its strongest words (None: nothing positive).

    A sentence's strength is the sum of its three strongest content features (features with a
    word other than a function word, not overlapping), so "I could help with the front desk,
    even just mornings" outweighs a sentence of greetings. The span is that sentence; its cues
    are those three features' words, in text order.
    """
    model = model or load()
    toks = model_tokens(text)
    best: tuple[float, int, int, list[tuple[float, int, int]]] | None = None
    for first, last in _sentences(toks, sentence_ends):
        top = _strongest(toks[first:last], model)
        strength = sum(weight for weight, _, _ in top)
        if top and (best is None or strength > best[0]):
            best = (strength, first, last, top)
    if best is None:
        return None
    _, first, last, top = best
    ordered = sorted(top, key=lambda item: item[1])
    cues = tuple(text[toks[first + a].start : toks[first + b].end] for _, a, b in ordered)
    return Explanation(toks[first].start, toks[last - 1].end, cues)

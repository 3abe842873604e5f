"""Train the ask-checker's model on the corpus and write its weights.

    .venv/bin/python benchmarks/askcheck_train.py            # writes model_weights.json
    .venv/bin/python benchmarks/askcheck_train.py --cv       # the settings' held-out figures
    .venv/bin/python benchmarks/askcheck_train.py --check    # exit 1 unless the file matches
    .venv/bin/python benchmarks/askcheck_train.py --jobs 2   # the fits in two processes

Reads corpus/ask/train/ and corpus/ask/dev/ (never the locked test split, corpus/ask/test/). The
model is fitted on both. Its settings — the threshold, the caution, the veto and the strong
veto — are chosen, since the twelfth version, on the development writers alone: each
development writer's messages are scored by a model fitted on every other writer's, and judged
with the rules, which were never written from them (rules are written from training writers'
errors only). Until the eleventh version they were chosen by leave-one-author-out over the
training writers, whose errors the rules had been written from: there the rules caught asks they
would not catch in a stranger's words, so the settings leant on them (docs/ask-checker.md,
"twelfth version"). The settings are those at which the smaller of the checker's precision and
recall on the development writers is largest. `train(rows, dev)` is the whole procedure, so
benchmarks/askcheck_eval.py --cv can run it with one development writer left out and measure on
that writer. Pure Python and deterministic (hundred/network/askcheck/training.py): running it
again on the same corpus writes the same file, which `--check` confirms.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import sys
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hundred.network.askcheck import model as modellib  # noqa: E402
from hundred.network.askcheck.context import disclaims_ask, sentence_ends  # noqa: E402
from hundred.network.askcheck.job_asks import is_explicit_ask, rule_findings  # noqa: E402
from hundred.network.askcheck.training import Fitted, Settings, fit  # noqa: E402

TRAIN = ROOT / "corpus" / "ask" / "train"
# Writers the rules were never written from: the settings are chosen on them (twelfth version).
DEV = ROOT / "corpus" / "ask" / "dev"
# The code the procedure runs: the features and the fit, the rules (the threshold and veto are
# chosen with them) and this script. `fingerprint` hashes them with the training messages.
ASKCHECK = ROOT / "hundred" / "network" / "askcheck"
PROCEDURE = [
    *(
        ASKCHECK / f"{name}.py"
        for name in (
            "context",
            "features",
            "guards",
            "intent_rules",
            "job_ask_rules",
            "job_asks",
            "kinds",
            "model",
            "patterns",
            "selling_rules",
            "training",
            "triggers",
        )
    ),
    Path(__file__).resolve(),
]
SETTINGS = Settings(c=1.0, min_df=2, epochs=200, step=0.5, nb_alpha=1.0, honest_weight=2.0)
# (eleventh version) Keeping only features found in the messages of at least two or three
# writers (Settings.min_authors) was measured and not kept: by leave-one-author-out over the
# seventeen authors, two writers gave the same held-out figures and three two more false
# alarms (docs/ask-checker.md, "eleventh version").
THRESHOLDS = [x / 10 for x in range(-30, 31)]
# The caution: the threshold for a message holding an honest cue (tenth version), at least the
# threshold and at most this high.
CAUTIONS = [x / 10 for x in range(-10, 61)]
# The veto (model.overrules) sits this far below the lowest held-out score of a job ask the
# rules caught among the development writers, rounded down to a half: the model overrules a
# rule in a message that disclaims asking only where no such ask fell.
VETO_MARGIN = 1.0
# The strong veto (eleventh version): below it the model withdraws the rules' findings in a
# whole message that does not disclaim asking, unless one is an ask in so many words
# (job_asks._EXPLICIT). Until the twelfth version a constant (-4.5) chosen by hand on
# authors S and T; since then chosen with the threshold and the caution, on the development
# writers, from these values.
STRONG_VETOES = [x / 2 for x in range(-24, 3)]
DECIMALS = 4
# The threshold: until the seventh version the highest that kept held-out recall at 97.5 % (a
# margin over the 0.97; 96 % until the fifth). The issue asks for both precision and
# recall of at least 0.97, and fresh splits have fallen short on either side (G and H on
# recall, I and J on precision), so since the eighth version it is the one at which the smaller
# of the two is largest: in nested cross-validation (folds A-F of A-J) the smaller of the two
# was 0.980 against the floor's 0.970, and a lower floor (97 %, 96.5 %) lost asks while sparing
# one false alarm in six folds (docs/ask-checker.md, "eighth version").


def read(folder: Path) -> list[dict]:
    rows: list[dict] = []
    for file in sorted(folder.glob("*.jsonl")):
        with file.open(encoding="utf-8") as lines:
            rows.extend(json.loads(line) for line in lines if line.strip())
    return rows


def fingerprint() -> str:
    """SHA-256 of the training and development messages and of the code the procedure runs: the
    weights file records it, and a test compares it (cheaply) with the files as they are now."""
    digest = hashlib.sha256()
    for path in sorted(TRAIN.glob("*.jsonl")) + sorted(DEV.glob("*.jsonl")) + PROCEDURE:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


_FITS: dict[tuple[frozenset[str], Settings], Fitted] = {}


def _key(rows: list[dict]) -> tuple[frozenset[str], Settings]:
    return frozenset(r["id"] for r in rows), SETTINGS


def _fit(rows: list[dict]) -> Fitted:
    """The fit on these messages (remembered by their ids: the procedure and its
    cross-validation fit the same writers' messages more than once, and the fit is
    deterministic)."""
    key = _key(rows)
    if key not in _FITS:
        _FITS[key] = _fit_texts(_job(rows))
    return _FITS[key]


Job = tuple[list[str], list[bool], list[str]]


def _job(rows: list[dict]) -> Job:
    """What a fit needs of these messages: texts, labels and writers."""
    return (
        [r["text"] for r in rows],
        [r["label"] == "job_ask" for r in rows],
        [r["author"] for r in rows],
    )


def _fit_texts(job: Job) -> Fitted:
    texts, labels, authors = job
    return fit(texts, labels, SETTINGS, authors)


def authors_of(rows: list[dict]) -> list[str]:
    return sorted({r["author"] for r in rows})


def warm_fits(rows: list[dict], dev: list[dict], jobs: int, nested: bool = False) -> None:
    """Fit, in `jobs` processes, every model the procedure will ask `_fit` for: all writers but
    one development writer, and the final fit on all; with `nested` (askcheck_eval.py --cv),
    also all but two development writers. The fit is deterministic pure Python, so a fit made
    in another process is the same as one made here: only the wall-clock time changes."""
    everyone = rows + dev
    left_out = [set()] + [{a} for a in authors_of(dev)]
    if nested:
        left_out += [set(pair) for pair in combinations(authors_of(dev), 2)]
    wanted = {}
    for out in left_out:
        kept = [r for r in everyone if r["author"] not in out]
        if _key(kept) not in _FITS:
            wanted[_key(kept)] = _job(kept)
    # fork: the workers need nothing but what this process has imported (pure Python)
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for key, fitted in zip(wanted, pool.imap(_fit_texts, wanted.values()), strict=True):
            _FITS[key] = fitted


def _as_model(fitted: Fitted, threshold: float = 0.0) -> modellib.Model:
    return modellib.Model(fitted.bias, threshold, fitted.weights)


_RULED: dict[str, tuple[int, ...]] = {}


def _asks(text: str) -> tuple[int, ...]:
    """Where the asks the rules find in the text start (remembered: the rules do not change
    during a run)."""
    if text not in _RULED:
        _RULED[text] = tuple(f.start for f in rule_findings(text, sentence_ends(text)))
    return _RULED[text]


def ruled(text: str) -> bool:
    """Whether the rules flag the text."""
    return bool(_asks(text))


def judged(text: str) -> bool:
    return modellib.judges(text, [m.end() for m in sentence_ends(text)])


# (score, rules flag, whether the model reads it, whether it disclaims asking, is a job ask,
# whether it holds an honest cue, whether a rule's finding is an ask in so many words, whether
# the model has read enough of it to overrule a rule)
Scored = tuple[float, bool, bool, bool, bool, bool, bool, bool]


def held_out_scores(rows: list[dict], dev: list[dict]) -> list[Scored]:
    """A Scored for each development message, its model fitted on every other writer's
    messages (the training writers' and the other development writers')."""
    out = []
    for author in authors_of(dev):
        others = [r for r in rows + dev if r["author"] != author]
        fitted = _as_model(_fit(others))
        for r in dev:
            if r["author"] == author:
                text = r["text"]
                score = modellib.score(text, fitted)
                asked = r["label"] == "job_ask"
                cued = modellib.is_honest_cued(text)
                disclaims = disclaims_ask(text, _asks(text))
                explicit = is_explicit_ask(text, sentence_ends(text))
                enough = modellib.outweighs_rules(text)
                out.append(
                    (score, ruled(text), judged(text), disclaims, asked, cued, explicit, enough)
                )
    return out


@dataclass(frozen=True)
class Chosen:
    """The settings the checker combines the rules and the model with (job_asks.py)."""

    threshold: float
    caution: float
    veto: float
    strong_veto: float


def flagged(item: Scored, chosen: Chosen) -> bool:
    """What the checker does (job_asks.job_ask_findings): rules unless vetoed, else the model
    (above the caution, not the threshold, in a message holding an honest cue)."""
    score, rule, read, disclaims, _, cued, explicit, enough = item
    if rule:
        vetoed = (disclaims and score < chosen.veto) or (
            not explicit and score < chosen.strong_veto
        )
        return not (enough and vetoed)
    bar = chosen.caution if cued else chosen.threshold
    return read and score > bar


Counts = tuple[int, int, int]  # true positives, false alarms, misses


def tally(scored: list[Scored], chosen: Chosen) -> Counts:
    tp = fp = fn = 0
    for i in scored:
        hit = flagged(i, chosen)
        tp += i[4] and hit
        fp += not i[4] and hit
        fn += i[4] and not hit
    return tp, fp, fn


def figures(counts: Counts) -> tuple[float, float]:
    """Precision and recall."""
    tp, fp, fn = counts
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def choose_veto(scored: list[Scored]) -> float:
    """VETO_MARGIN below the lowest held-out score of a job ask the rules caught (in a message
    the model could overrule them in), whether or not it disclaims asking: the most cautious of
    the two."""
    caught = [i[0] for i in scored if i[1] and i[7] and i[4]]
    return math.floor((min(caught, default=0.0) - VETO_MARGIN) * 2) / 2


def choose(scored: list[Scored]) -> Chosen:
    """The veto (choose_veto), then the threshold, the caution (never below the threshold) and
    the strong veto at which the smaller of the checker's held-out precision and recall is
    largest; of equals, the one with the larger sum of the two, then the highest threshold
    and caution and the lowest strong veto (sparing false alarms, and the rules' findings).

    Each message's part in the figures depends on one setting alone — the strong veto for a
    message the rules flag, the caution for one holding an honest cue, the threshold for the
    rest — so the counts are tallied per value for each group, and every combination is then
    judged from the sums."""
    veto = choose_veto(scored)
    ruled_ = [i for i in scored if i[1]]
    cued = [i for i in scored if not i[1] and i[5]]
    plain = [i for i in scored if not i[1] and not i[5]]

    def by(items: list[Scored], values: list[float], setting: str) -> dict[float, Counts]:
        base = Chosen(0.0, 0.0, veto, 0.0)
        return {v: tally(items, replace(base, **{setting: v})) for v in values}

    by_strong = by(ruled_, STRONG_VETOES, "strong_veto")
    by_caution = by(cued, CAUTIONS, "caution")
    by_threshold = by(plain, THRESHOLDS, "threshold")
    best: tuple | None = None
    for t, a in by_threshold.items():
        for c, b in by_caution.items():
            if c < t:
                continue
            for v, d in by_strong.items():
                p, r = figures((a[0] + b[0] + d[0], a[1] + b[1] + d[1], a[2] + b[2] + d[2]))
                key = (min(p, r), p + r, t, c, -v)
                if best is None or key > best:
                    best = key
    _, _, t, c, v = best
    return Chosen(t, c, veto, -v)


def build(jobs: int = 1) -> dict:
    """The weights file's content, trained on corpus/ask/train and corpus/ask/dev."""
    rows, dev = read(TRAIN), read(DEV)
    if jobs > 1:
        warm_fits(rows, dev, jobs)
    return train(rows, dev)


def as_model(data: dict) -> modellib.Model:
    """A weights file's content as the model the checker scores with."""
    return modellib.from_data(data)


def train(rows: list[dict], dev: list[dict]) -> dict:
    """The whole procedure: the settings chosen on the development writers' held-out scores,
    then the fit on every message."""
    chosen = choose(held_out_scores(rows, dev))
    fitted = _fit(rows + dev)
    weights = {
        f: round(w, DECIMALS) for f, w in sorted(fitted.weights.items()) if round(w, DECIMALS)
    }
    return {
        "about": (
            "Hundred's ask-checker model: logistic regression over word features and cues "
            "(hundred/network/askcheck/features.py), fitted on corpus/ask/train and "
            "corpus/ask/dev by benchmarks/askcheck_train.py. A message whose score (bias plus "
            "the weights of its features) is above the threshold asks for a job; below the "
            "veto, a whole message that disclaims asking overrules a rule's match; below the "
            "strong veto, any whole message does, unless the match is an ask in so many words."
        ),
        "settings": {
            "c": SETTINGS.c,
            "min_df": SETTINGS.min_df,
            "epochs": SETTINGS.epochs,
            "step": SETTINGS.step,
            "nb_alpha": SETTINGS.nb_alpha,
            "honest_weight": SETTINGS.honest_weight,
            "min_authors": SETTINGS.min_authors,
        },
        "training_messages": len(rows) + len(dev),
        "development_messages": len(dev),
        "inputs_sha256": fingerprint(),
        "threshold": chosen.threshold,
        "caution": chosen.caution,
        "veto": chosen.veto,
        "strong_veto": chosen.strong_veto,
        "bias": round(fitted.bias, DECIMALS),
        "weights": weights,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv", action="store_true", help="print held-out figures and stop")
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="fit in N processes")
    args = parser.parse_args(argv)
    if args.cv:
        rows, dev = read(TRAIN), read(DEV)
        if args.jobs > 1:
            warm_fits(rows, dev, args.jobs)
        scored = held_out_scores(rows, dev)
        chosen = choose(scored)
        print(f"veto {chosen.veto:+.1f}, strong veto {chosen.strong_veto:+.1f}")
        for t in THRESHOLDS:
            p, r = figures(tally(scored, replace(chosen, threshold=t)))
            print(f"threshold {t:+.1f}: precision {p:.3f}, recall {r:.3f}")
        p, r = figures(tally(scored, chosen))
        print(
            f"chosen: threshold {chosen.threshold:+.1f}, caution {chosen.caution:+.1f}: "
            f"precision {p:.3f}, recall {r:.3f}"
        )
        return 0
    data = build(args.jobs)
    text = json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n"
    if args.check:
        same = modellib.WEIGHTS_FILE.read_text(encoding="utf-8") == text
        print("model_weights.json matches the corpus" if same else "model_weights.json differs")
        return 0 if same else 1
    modellib.WEIGHTS_FILE.write_text(text, encoding="utf-8")
    print(
        f"Wrote {modellib.WEIGHTS_FILE.relative_to(ROOT)}: {len(data['weights'])} weights, "
        f"threshold {data['threshold']:+.1f}, caution {data['caution']:+.1f}, "
        f"veto {data['veto']:+.1f}, strong veto {data['strong_veto']:+.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

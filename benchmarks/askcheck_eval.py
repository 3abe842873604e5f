"""Measure the ask-checker on a labelled split of the corpus: precision and recall per register.

Run on purpose, not in the test suite:

    .venv/bin/python benchmarks/askcheck_eval.py --cv               # development measure
    .venv/bin/python benchmarks/askcheck_eval.py --cv --errors      # and each wrong judgement
    .venv/bin/python benchmarks/askcheck_eval.py --cv --jobs 2      # the fits in two processes
    .venv/bin/python benchmarks/askcheck_eval.py corpus/ask/train --method rules
    .venv/bin/python benchmarks/askcheck_eval.py --locked --all --markdown   # once, at the end

`--cv` is leave-one-writer-out over the development writers (corpus/ask/dev/, authors S, T
and V-Z since the twelfth version): for each, the whole training procedure
(benchmarks/askcheck_train.py's `train`) runs without that writer — the model fitted on every
other writer's messages, its settings chosen on the other development writers — and the checker
with that model judges the writer's messages. The training writers (corpus/ask/train/) are
always trained on and never measured: the rules were written from their errors, so figures on
them would flatter the rules. It prints each fold's figures, their mean, and the pooled figures
(every held-out judgement counted once), per register. The folds need 28 fits of about a minute
of CPU each (all writers but one development writer, and all but two for each fold's own
choice of settings); `--jobs 2` makes them in two processes first, which halves the wall-clock
time and gives the same figures. `--locked` reads the locked test
split, every *.jsonl in corpus/ask/test/, with the committed model: it is for the single final
measurement, never for tuning (corpus/ask/README.md). While corpus/ask/test/ is empty or absent
(the next split is being written outside the repository), `--locked` says so and exits 2.

Each argument is a split folder (every *.jsonl in it) or a .jsonl file, one labelled message a
line (corpus/ask/README.md). A message counts as flagged when `check()` reports a `job_ask`
finding. `--method` measures one engine alone: `checker` (what Hundred ships: rules and model
together, the default), `rules` (the rule table alone) or `model` (the trained model alone).
`--all` prints all three side by side. Also prints the time per message (median and slowest,
after one warm-up pass) and, with --errors, every message judged wrongly.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from hundred.network import askcheck  # noqa: E402
from hundred.network.askcheck import model as modellib  # noqa: E402
from hundred.network.askcheck.context import sentence_ends  # noqa: E402
from hundred.network.askcheck.job_asks import job_ask_findings, rule_findings  # noqa: E402

TRAIN = ROOT / "corpus" / "ask" / "train"
DEV = ROOT / "corpus" / "ask" / "dev"
LOCKED = ROOT / "corpus" / "ask" / "test"


def locked_files() -> list[Path]:
    """The locked test split's files (none while the next split is written elsewhere)."""
    return sorted(LOCKED.glob("*.jsonl")) if LOCKED.is_dir() else []


def _rules(text: str) -> bool:
    return bool(rule_findings(text, sentence_ends(text)))


def _model(text: str, model: modellib.Model | None = None) -> bool:
    ends = [m.end() for m in sentence_ends(text)]
    return modellib.judges(text, ends) and modellib.is_job_ask(text, model)


def _checker(text: str) -> bool:
    return askcheck.has_job_ask(askcheck.check(text))


METHODS: dict[str, Callable[[str], bool]] = {
    "checker": _checker,
    "rules": _rules,
    "model": _model,
}


def fold_judges(model: modellib.Model) -> dict[str, Callable[[str], bool]]:
    """The three methods with a fold's model in place of the committed one."""
    return {
        "checker": lambda text: bool(job_ask_findings(text, sentence_ends(text), model)),
        "rules": _rules,
        "model": lambda text: _model(text, model),
    }


def read_messages(paths: Iterable[str]) -> list[dict]:
    """Every labelled message in the given folders (their *.jsonl files) and files."""
    rows: list[dict] = []
    for name in paths:
        path = Path(name)
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        if not files:
            raise SystemExit(f"No *.jsonl files in {path}.")
        for file in files:
            with file.open(encoding="utf-8") as lines:
                rows.extend(json.loads(line) for line in lines if line.strip())
    return rows


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    wrong: list[dict] = field(default_factory=list)

    def add(self, row: dict, flagged: bool) -> None:
        asked = row["label"] == "job_ask"
        if asked and flagged:
            self.tp += 1
        elif asked:
            self.fn += 1
            self.wrong.append(row)
        elif flagged:
            self.fp += 1
            self.wrong.append(row)
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 1.0


def evaluate(rows: list[dict], judge: Callable[[str], bool]) -> dict[str, Tally]:
    """A tally per register, and one for all ('overall')."""
    tallies: dict[str, Tally] = {"overall": Tally()}
    for row in rows:
        flagged = judge(row["text"])
        tallies.setdefault(row["register"], Tally()).add(row, flagged)
        tallies["overall"].add(row, flagged)
    return tallies


def timings(rows: list[dict], judge: Callable[[str], bool]) -> tuple[float, float, float]:
    """Median and slowest milliseconds per message, and the median per 150 words."""
    for row in rows:  # warm-up: compile patterns, load weights
        judge(row["text"])
    per_message, per_150 = [], []
    for row in rows:
        start = time.perf_counter()
        judge(row["text"])
        ms = (time.perf_counter() - start) * 1000
        per_message.append(ms)
        per_150.append(ms * 150 / max(len(row["text"].split()), 1))
    return statistics.median(per_message), max(per_message), statistics.median(per_150)


def cross_validate(
    rows: list[dict], dev: list[dict], methods: list[str], jobs: int = 1
) -> dict[str, dict[str, dict[str, Tally]]]:
    """Leave one development writer out: {author: {method: tallies}}, each fold's model fitted
    on every other writer and its settings chosen on the other development writers alone.

    With `jobs` > 1 the fits the folds need are made first, in that many processes (the same
    fits, so the same figures); the folds then run here."""
    import askcheck_train

    if jobs > 1:
        askcheck_train.warm_fits(rows, dev, jobs, nested=True)
    folds: dict[str, dict[str, dict[str, Tally]]] = {}
    for author in askcheck_train.authors_of(dev):
        data = askcheck_train.train(rows, [r for r in dev if r["author"] != author])
        judges = fold_judges(askcheck_train.as_model(data))
        held_out = [r for r in dev if r["author"] == author]
        folds[author] = {m: evaluate(held_out, judges[m]) for m in methods}
    return folds


def _pooled(tallies: list[Tally]) -> Tally:
    """The folds' tallies added up: every held-out judgement counted once."""
    total = Tally()
    for t in tallies:
        total.tp, total.fp, total.fn, total.tn = (
            total.tp + t.tp,
            total.fp + t.fp,
            total.fn + t.fn,
            total.tn + t.tn,
        )
    return total


def _cv_table(folds: dict[str, dict[str, Tally]], markdown: bool) -> list[str]:
    """Registers down, folds across, then the mean of the folds' figures."""
    names = list(folds)
    registers = sorted({k for t in folds.values() for k in t if k != "overall"}) + ["overall"]
    head = ["register"] + [f"fold {a} P / R" for a in names] + ["mean P / R", "pooled P / R"]
    lines = []
    if markdown:
        lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    else:
        lines.append(f"{head[0]:<24}" + "".join(f"{h:>16}" for h in head[1:]))
    for register in registers:
        tallies = [folds[a][register] for a in names if register in folds[a]]
        cells = [f"{t.precision:.2f} / {t.recall:.2f}" for t in tallies]
        p = statistics.mean(t.precision for t in tallies)
        r = statistics.mean(t.recall for t in tallies)
        cells.append(f"{p:.2f} / {r:.2f}")
        pooled = _pooled(tallies)
        cells.append(f"{pooled.precision:.2f} / {pooled.recall:.2f}")
        if markdown:
            lines.append(f"| {register} | " + " | ".join(cells) + " |")
        else:
            lines.append(f"{register:<24}" + "".join(f"{c:>16}" for c in cells))
    return lines


def _print_errors(tallies: dict[str, Tally]) -> None:
    for row in tallies["overall"].wrong:
        what = "missed" if row["label"] == "job_ask" else "false alarm"
        text = " ".join(row["text"].split())
        print(f"  {what} {row['id']} [{row['register']}/{row['kind']}] {text}")


def run_cv(methods: list[str], markdown: bool, errors: bool, jobs: int = 1) -> None:
    rows, dev = read_messages([str(TRAIN)]), read_messages([str(DEV)])
    folds = cross_validate(rows, dev, methods, jobs)
    print(
        f"Leave-one-writer-out over the {len(dev)} messages in {DEV.name}/ "
        f"({len(rows)} more in {TRAIN.name}/ always trained on)"
    )
    for m in methods:
        print(f"\n{m}:")
        print("\n".join(_cv_table({a: f[m] for a, f in folds.items()}, markdown)))
        for author, f in folds.items():
            o = f[m]["overall"]
            print(f"  fold {author}: tp {o.tp}, fp {o.fp}, fn {o.fn}, tn {o.tn}")
            if errors:
                _print_errors(f[m])
        o = _pooled([f[m]["overall"] for f in folds.values()])
        print(
            f"  pooled: precision {o.precision:.3f}, recall {o.recall:.3f}"
            f" (tp {o.tp}, fp {o.fp}, fn {o.fn}, tn {o.tn})"
        )


def _table(columns: dict[str, dict[str, Tally]], markdown: bool) -> list[str]:
    registers = sorted(k for k in next(iter(columns.values())) if k != "overall") + ["overall"]
    head = ["register", "n"] + [f"{m} P / R" for m in columns]
    lines = []
    if markdown:
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "---|" * len(head))
    else:
        lines.append(f"{head[0]:<24}{head[1]:>5}" + "".join(f"{h:>22}" for h in head[2:]))
    for register in registers:
        first = next(iter(columns.values()))[register]
        n = first.tp + first.fp + first.fn + first.tn
        cells = [
            f"{t[register].precision:.2f} / {t[register].recall:.2f}" for t in columns.values()
        ]
        if markdown:
            lines.append(f"| {register} | {n} | " + " | ".join(cells) + " |")
        else:
            lines.append(f"{register:<24}{n:>5}" + "".join(f"{c:>22}" for c in cells))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", metavar="SPLIT", help="a split folder or .jsonl file")
    parser.add_argument("--cv", action="store_true", help="leave-one-writer-out over dev/")
    parser.add_argument("--locked", action="store_true", help="the locked split, corpus/ask/test/")
    parser.add_argument("--method", choices=sorted(METHODS), default="checker")
    parser.add_argument("--all", action="store_true", help="all methods side by side")
    parser.add_argument("--errors", action="store_true", help="print each wrong judgement")
    parser.add_argument("--markdown", action="store_true", help="the table as Markdown")
    parser.add_argument("--no-timing", action="store_true", help="skip the timing pass")
    parser.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="with --cv: fit in N processes"
    )
    args = parser.parse_args(argv)
    methods = sorted(METHODS) if args.all else [args.method]
    if args.cv:
        run_cv(methods, args.markdown, args.errors, args.jobs)
        return 0
    if args.locked:
        files = locked_files()
        if not files:
            print(
                f"No locked test split yet: {LOCKED.relative_to(ROOT)}/ holds no *.jsonl file "
                "(the integrator adds the next one and measures it once).",
                file=sys.stderr,
            )
            return 2
        args.paths = [str(f.relative_to(ROOT)) for f in files]
    if not args.paths:
        parser.error("give a split, or --cv or --locked")
    rows = read_messages(args.paths)
    columns = {m: evaluate(rows, METHODS[m]) for m in methods}
    print(f"{len(rows)} messages from {', '.join(args.paths)}")
    print("\n".join(_table(columns, args.markdown)))
    for m, tallies in columns.items():
        o = tallies["overall"]
        print(
            f"{m}: precision {o.precision:.3f}, recall {o.recall:.3f}, accuracy {o.accuracy:.3f}"
            f" (tp {o.tp}, fp {o.fp}, fn {o.fn}, tn {o.tn})"
        )
        if not args.no_timing:
            median, slowest, per_150 = timings(rows, METHODS[m])
            print(
                f"{m}: {median:.2f} ms a message (median), {slowest:.2f} ms slowest, "
                f"{per_150:.2f} ms per 150 words"
            )
        if args.errors:
            _print_errors(tallies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Measure the ask-checker on a labelled split of the corpus: precision and recall per register.

Run on purpose, not in the test suite:

    .venv/bin/python benchmarks/askcheck_eval.py corpus/ask/dev
    .venv/bin/python benchmarks/askcheck_eval.py corpus/ask/train --method rules --errors
    .venv/bin/python benchmarks/askcheck_eval.py /path/to/test --markdown

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

from hundred.network import askcheck  # noqa: E402


def _rules(text: str) -> bool:
    from hundred.network.askcheck.context import sentence_ends
    from hundred.network.askcheck.job_asks import rule_findings

    return bool(rule_findings(text, sentence_ends(text)))


def _model(text: str) -> bool:
    from hundred.network.askcheck import model
    from hundred.network.askcheck.context import sentence_ends

    ends = [m.end() for m in sentence_ends(text)]
    return model.judges(text, ends) and model.is_job_ask(text)


def _checker(text: str) -> bool:
    return askcheck.has_job_ask(askcheck.check(text))


METHODS: dict[str, Callable[[str], bool]] = {
    "checker": _checker,
    "rules": _rules,
    "model": _model,
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
    parser.add_argument("paths", nargs="+", metavar="SPLIT", help="a split folder or .jsonl file")
    parser.add_argument("--method", choices=sorted(METHODS), default="checker")
    parser.add_argument("--all", action="store_true", help="all methods side by side")
    parser.add_argument("--errors", action="store_true", help="print each wrong judgement")
    parser.add_argument("--markdown", action="store_true", help="the table as Markdown")
    parser.add_argument("--no-timing", action="store_true", help="skip the timing pass")
    args = parser.parse_args(argv)

    rows = read_messages(args.paths)
    methods = sorted(METHODS) if args.all else [args.method]
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
            for row in tallies["overall"].wrong:
                what = "missed" if row["label"] == "job_ask" else "false alarm"
                text = " ".join(row["text"].split())
                print(f"  {what} {row['id']} [{row['register']}/{row['kind']}] {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The ask-checker against its corpus: the dev figures it reached, and a model that is what the
corpus and the training script give (corpus/ask/README.md, docs/ask-checker.md)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from hundred.network.askcheck import check, has_job_ask
from hundred.network.askcheck import model as modellib
from hundred.network.askcheck.context import sentence_ends
from hundred.network.askcheck.job_asks import model_finding, rule_findings

ROOT = Path(__file__).resolve().parents[3]
DEV = ROOT / "corpus" / "ask" / "dev"
TRAIN = ROOT / "corpus" / "ask" / "train"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def evaluation():
    return _script("askcheck_eval")


@pytest.fixture(scope="module")
def dev(evaluation):
    return evaluation.read_messages([str(DEV)])


def test_the_dev_split_is_the_one_the_figures_were_taken_on(dev) -> None:
    assert len(dev) == 300
    assert {r["author"] for r in dev} == {"C"}
    assert sum(r["label"] == "job_ask" for r in dev) == 150


def test_the_checker_reaches_its_dev_figures(evaluation, dev) -> None:
    # The figures docs/ask-checker.md reports; a change to the rules or the model that lowers
    # them must say so there.
    tallies = evaluation.evaluate(dev, evaluation.METHODS["checker"])
    overall = tallies["overall"]
    assert (overall.tp, overall.fp, overall.fn, overall.tn) == (147, 14, 3, 136)
    for register, tally in tallies.items():
        assert tally.recall >= 0.92, register
        assert tally.precision >= 0.75, register


def test_the_rules_and_the_model_each_reach_their_dev_figures(evaluation, dev) -> None:
    rules = evaluation.evaluate(dev, evaluation.METHODS["rules"])["overall"]
    model = evaluation.evaluate(dev, evaluation.METHODS["model"])["overall"]
    assert (rules.tp, rules.fp) == (88, 4)
    assert (model.tp, model.fp) == (145, 11)


def test_retraining_from_the_corpus_gives_the_committed_weights() -> None:
    training = _script("askcheck_train")
    built = training.build()
    committed = json.loads(modellib.WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert built["threshold"] == committed["threshold"]
    assert built["settings"] == committed["settings"]
    assert set(built["weights"]) == set(committed["weights"])
    assert abs(built["bias"] - committed["bias"]) < 1e-3
    assert max(abs(built["weights"][f] - w) for f, w in committed["weights"].items()) < 1e-3


def test_the_model_was_fitted_on_the_train_split_only() -> None:
    committed = json.loads(modellib.WEIGHTS_FILE.read_text(encoding="utf-8"))
    train = sum(1 for f in TRAIN.glob("*.jsonl") for line in f.open() if line.strip())
    assert committed["training_messages"] == train == 600


SUBTLE = (
    "Hi Priya, I heard your clinic has been swamped since the second dentist left. I qualified "
    "as a dental nurse in June and I'm at home waiting. I could help with sterilising and the "
    "front desk, even just mornings. Let me know what you think."
)


def test_a_job_ask_no_rule_knows_is_flagged_by_the_model_and_explained() -> None:
    ends = sentence_ends(SUBTLE)
    assert rule_findings(SUBTLE, ends) == []
    finding = model_finding(SUBTLE, ends)
    assert finding is not None
    assert (finding.code, finding.severity) == ("job_ask", "error")
    assert SUBTLE[finding.start : finding.end] == finding.words
    # The words that triggered it are quoted, and each is in the flagged sentence.
    assert "model read this sentence as asking for a job" in finding.message
    quoted = finding.message.split("mostly from ")[1]
    for cue in quoted.rstrip(".)").split(", "):
        assert cue.strip("“”") in finding.words
    assert "15–20 minutes" in finding.suggestion
    assert [f.code for f in check(SUBTLE)][0] == "job_ask"


def test_the_model_is_deterministic_and_pure_python() -> None:
    assert modellib.score(SUBTLE) == modellib.score(SUBTLE)
    assert check(SUBTLE) == check(SUBTLE)
    source = "".join(
        p.read_text() for p in (ROOT / "hundred" / "network" / "askcheck").glob("*.py")
    )
    for heavy in ("import numpy", "import sklearn", "from sklearn", "from numpy", "django"):
        assert heavy not in source


def test_a_lone_sentence_is_left_to_the_rules() -> None:
    # The model learnt from whole messages; "I left my job in March." has nothing around it.
    text = "I left my job in March."
    assert not modellib.judges(text, [m.end() for m in sentence_ends(text)])
    assert not has_job_ask(check(text))


# The intent rules (intent_rules.py), each row a phrasing none of the corpus's writers used, and
# words the finding must contain. Rules alone: these must not depend on the model.
INTENT_ASKS = [
    ("I can start Monday.", "can start Monday"),
    ("Happy to begin right away if it helps.", "begin right away"),
    ("I'm available immediately.", "available immediately"),
    ("Does the bakery need a baker for Christmas?", "need a baker"),
    ("if ur short staffed over xmas im around", "short staffed"),
    ("Do you guys need an extra pair of hands this summer?", "need an extra pair of hands"),
    ("Is there room for one more on the crew?", "room for one more"),
    ("Did the budget for another analyst come through?", "budget for another"),
    ("I'd love to come and work for you.", "work for you"),
    ("Could I join your lab in the autumn?", "join your lab"),
    ("Would you take me back for the season?", "take me back"),
    ("Could you give me a trial shift?", "give me a trial"),
    ("Any shifts going this weekend?", "Any shifts"),
    ("Could you ask your sister if the clinic needs a receptionist?", "if the clinic needs"),
    ("Please talk to your manager for me.", "talk to your manager for me"),
    ("Can you give him my number?", "give him my number"),
    ("I could do the pruning on day rate.", "day rate"),
    ("I am writing to apply for any suitable position.", "apply for"),
    ("Is there a postdoc position in your group?", "postdoc position"),
    ("ask uncle joe if the warehouse is taking people on?", "taking people on"),
]
INTENT_NOT_ASKS = [
    "What if you need a plumber?",
    "Let me know if you need a volunteer for the fun run.",
    "If you need a hand with the gala, I'm happy to help.",
    "What's it like to work at your company?",
    "What do you wish you'd known before joining your company?",
    "I would like to apply to the mentoring scheme and wondered what it involves.",
    "I'm free Tuesday afternoon for a call.",
    "I know you cannot hire me, and I would not ask.",
    "If anything comes up, just text me and we can bump it.",
    "They're always short-staffed, which is why I admire how calm you stay.",
]


@pytest.mark.parametrize(("text", "expected"), INTENT_ASKS)
def test_the_intent_rules_flag_an_ask_by_what_it_does(text: str, expected: str) -> None:
    found = rule_findings(text, sentence_ends(text))
    assert any(expected.lower() in f.words.lower() for f in found), [f.words for f in found]


@pytest.mark.parametrize("text", INTENT_NOT_ASKS)
def test_the_intent_rules_leave_alone_what_is_not_an_ask(text: str) -> None:
    assert rule_findings(text, sentence_ends(text)) == []

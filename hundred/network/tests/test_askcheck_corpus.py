"""The ask-checker against its corpus: a quick cross-validation fold's figures, and a model built
from this corpus and this code (corpus/ask/README.md, docs/ask-checker.md)."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from hundred.network.askcheck import check, has_job_ask
from hundred.network.askcheck import model as modellib
from hundred.network.askcheck.context import disclaims_ask, sentence_ends
from hundred.network.askcheck.job_asks import job_ask_findings, model_finding, rule_findings
from hundred.network.askcheck.training import fit

ROOT = Path(__file__).resolve().parents[3]
TRAIN = ROOT / "corpus" / "ask" / "train"
LOCKED = ROOT / "corpus" / "ask" / "test"
DEV = ROOT / "corpus" / "ask" / "dev"


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
def train(evaluation):
    return evaluation.read_messages([str(TRAIN)])


TRAINING_AUTHORS = "ABCDEFGHIJKLMNOPQR"  # N was the last locked split, read and spent
# The settings are chosen on them; no rule is written from them.
DEVELOPMENT_AUTHORS = {"S", "T", "V", "W", "X", "Y", "Z", "AA", "AB", "AC", "AD"}


def test_the_training_split_is_authors_a_to_r(train) -> None:
    assert len(train) == 5400
    assert {r["author"] for r in train} == set(TRAINING_AUTHORS)
    assert sum(r["label"] == "job_ask" for r in train) == 2700
    # The locked split is another writer's: no training author's file is in it (its messages
    # are not read here; the integrator measures it once).
    names = {p.name for p in LOCKED.glob("*")}
    assert not {f"author-{a}.jsonl" for a in TRAINING_AUTHORS} & names


def test_the_development_authors_are_neither_training_nor_locked(evaluation, train) -> None:
    # The twelfth version chooses its settings on these writers (docs/ask-checker.md).
    dev = evaluation.read_messages([str(DEV)])
    assert {r["author"] for r in dev} == DEVELOPMENT_AUTHORS
    assert len(dev) == 3300
    assert sum(r["label"] == "job_ask" for r in dev) == 1650
    assert not {r["author"] for r in dev} & {r["author"] for r in train}
    assert not {p.name for p in DEV.glob("*.jsonl")} & {p.name for p in LOCKED.glob("*")}


def test_the_locked_evaluation_says_when_there_is_no_locked_split(evaluation, capsys) -> None:
    if evaluation.locked_files():
        pytest.skip("the locked split has been added; it is measured once, by hand")
    assert evaluation.main(["--locked"]) == 2
    assert "No locked test split yet" in capsys.readouterr().err


@pytest.fixture(scope="module")
def training():
    return _script("askcheck_train")


def test_the_weights_were_built_from_this_corpus_and_this_code(training) -> None:
    # The weights file records a hash of the training messages and of the code the training
    # procedure runs (the features, the fit, the rules that pick the threshold and veto, the
    # script): a change to any of them without retraining fails here, in milliseconds.
    # `askcheck_train.py --check` reruns the whole procedure and compares the file byte for
    # byte (thirteen fits, a few minutes of CPU): by hand, not in the suite.
    committed = json.loads(modellib.WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert committed["inputs_sha256"] == training.fingerprint()
    assert committed["settings"]["honest_weight"] == training.SETTINGS.honest_weight
    assert committed["settings"]["epochs"] == training.SETTINGS.epochs


# One cross-validation fold, author G held out, with a short fit: the committed procedure's
# arithmetic (features, label scaling, class weight, Adagrad) for QUICK_EPOCHS passes instead of
# 200, on the other seventeen training authors, judged with the committed threshold, caution
# and vetoes. Its held-out figures (tp, fp, fn, tn) for the checker, the rules alone and the
# model alone: a change to the rules, the features, the fit or how they are combined moves them,
# and must say so here.
QUICK_EPOCHS = 20
QUICK_FOLD_G = {"checker": (147, 1, 3, 149), "rules": (113, 1, 37, 149), "model": (138, 0, 12, 150)}


@pytest.fixture(scope="module")
def quick_fold_g(evaluation, train, training):
    rows = [r for r in train if r["author"] != "G"]
    settings = dataclasses.replace(training.SETTINGS, epochs=QUICK_EPOCHS)
    fitted = fit(
        [r["text"] for r in rows],
        [r["label"] == "job_ask" for r in rows],
        settings,
        [r["author"] for r in rows],
    )
    committed = modellib.load()
    model = modellib.Model(
        fitted.bias,
        committed.threshold,
        fitted.weights,
        committed.veto,
        committed.caution,
        committed.strong_veto,
    )
    held_out = [r for r in train if r["author"] == "G"]
    judges = evaluation.fold_judges(model)
    return {m: evaluation.evaluate(held_out, judges[m]) for m in judges}


def test_a_quick_fold_reaches_its_figures(quick_fold_g) -> None:
    def counts(tally):
        return (tally.tp, tally.fp, tally.fn, tally.tn)

    found = {m: counts(quick_fold_g[m]["overall"]) for m in ("checker", "rules", "model")}
    assert found == QUICK_FOLD_G
    overall = quick_fold_g["checker"]["overall"]
    assert overall.precision >= 0.95 and overall.recall >= 0.95
    for register, tally in quick_fold_g["checker"].items():
        assert tally.recall >= 0.8, register
        assert tally.precision >= 0.8, register


def test_the_model_was_fitted_on_the_train_and_dev_splits_only() -> None:
    committed = json.loads(modellib.WEIGHTS_FILE.read_text(encoding="utf-8"))

    def count(folder):
        return sum(1 for f in folder.glob("*.jsonl") for line in f.open() if line.strip())

    assert committed["development_messages"] == count(DEV) == 3300
    assert committed["training_messages"] == count(TRAIN) + count(DEV) == 8700


# An honest advice ask that mentions a kind of post in passing, and says it is not asking.
DISCLAIMED = """Dear Ms Okoro,

Your name came up when I asked my old tutor who knows community pharmacy in Leeds. I qualified in \
Lagos in 2014 and I am now working through the registration steps here.

To be clear, I am not asking you for a job, and I know that is not how it works. What I would \
value is twenty minutes of your advice: which steps of the registration took longest for \
colleagues trained abroad, and what kind of work in a pharmacy is open to someone like me while I \
wait, for example are there any dispensing assistant posts for people who are not registered \
yet? And who else do you think I should talk to?

Could we speak by phone one afternoon next week?

With thanks,
Ada Nwosu"""


def test_a_message_that_disclaims_asking_and_reads_honest_overrules_a_rule() -> None:
    ends = sentence_ends(DISCLAIMED)
    assert [f.words for f in rule_findings(DISCLAIMED, ends)] == ["assistant posts"]
    assert disclaims_ask(DISCLAIMED)
    assert modellib.score(DISCLAIMED) < modellib.load().veto
    assert job_ask_findings(DISCLAIMED, ends) == []
    assert not has_job_ask(check(DISCLAIMED))


def test_without_the_disclaimer_the_strong_veto_withdraws_a_rule_that_is_not_explicit() -> None:
    # Undisclaimed, the message still reads as plainly honest to the model, far below any job
    # ask the rules caught in messages by writers neither had seen: the strong veto (eleventh
    # version) withdraws "assistant posts", which is no ask in so many words.
    text = DISCLAIMED.replace(
        "To be clear, I am not asking you for a job, and I know that is not how it works. ", ""
    )
    ends = sentence_ends(text)
    assert not disclaims_ask(text)
    assert [f.words for f in rule_findings(text, ends)] == ["assistant posts"]
    assert modellib.score(text) < modellib.load().strong_veto
    assert job_ask_findings(text, ends) == []


def test_an_ask_in_so_many_words_stands_whatever_the_model_says() -> None:
    # The model never withdraws "help me find a job", however honest the rest reads.
    text = DISCLAIMED.replace(
        "To be clear, I am not asking you for a job, and I know that is not how it works. ",
        "Could you help me find a job? ",
    )
    ends = sentence_ends(text)
    assert modellib.score(text) < modellib.load().strong_veto
    assert [f.words for f in job_ask_findings(text, ends)] == [
        "help me find a job",
        "assistant posts",
    ]


def test_a_disclaimer_does_not_cover_a_message_the_model_reads_as_an_ask() -> None:
    text = (
        "I'm not asking for anything big. I'm free from Monday and could start on the tills "
        "straight away if your shop needs staff for Christmas. Let me know!"
    )
    assert disclaims_ask(text)
    assert has_job_ask(check(text))


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
    # Trades and casual asks with none of the usual job words (this round's rules)
    ("Are they taking anyone on at the yard?", "taking anyone on"),
    ("My lad is after a start as an apprentice.", "after a start"),
    ("Could you put a word in with the site manager?", "put a word in"),
    ("Could you mention me to the foreman?", "mention me"),
    ("If you're ever short of a driver, I'm your man.", "short of a driver"),
    ("Would you have any use for me on Saturdays?", "any use for me"),
    ("Pop me on the rota for the summer.", "Pop me on the rota"),
    ("any overtime going on nights?", "any overtime"),
    ("Could I come in for a trial on Friday?", "come in for a trial"),
    ("u need cover?", "need cover"),
    # Hours, pay, the writer's days at the reader's place, applying to the reader (sixth
    # version: generalised from the locked split H's misses, in words H did not use)
    ("Do you have more hours for me this summer?", "more hours for me"),
    ("Could you give my son a few shifts at the depot?", "give my son a few shifts"),
    ("Could I pick up a few extra shifts at the garage?", "pick up a few extra shifts"),
    ("Any chance of my old hours back?", "my old hours back"),
    ("I'd happily cover the weekends for you.", "cover the weekends for you"),
    ("If you're short a welder next month, give me a ring.", "short a welder"),
    ("You could pay me what you pay the temps.", "pay me"),
    ("I'd want it on the payroll, mind.", "on the payroll"),
    ("I'd be pleased to attend an interview at your convenience.", "attend an interview"),
    ("I'm applying for your night porter vacancy.", "applying for your"),
    ("Would you consider me?", "consider me"),
    ("Could you ask the manager if my daughter can start in June?", "if my daughter can start"),
    ("if the shop needs a cashier over Easter im around", "the shop needs a cashier"),
    ("any work going at the yard", "any work"),
    ("r u takin on over the summer?", "takin on"),
    ("do u need any1 on the tills?", "need any1"),
    ("If you could use him on the farm, he'd love it.", "could use him"),
    ("I could come in every Saturday.", "come in every Saturday"),
    # Selling, as traders price their own work (eleventh version: generalised from author M's
    # misses, in words M did not use)
    ("I'd bring round thirty samosas every Friday for 1.50 euro each.", "1.50 euro"),
    ("I'm ten minutes away and charge £40 an hour, parts extra.", "charge £40"),
    ("Happy to keep going on a small monthly retainer if that suits.", "retainer"),
    ("Is there any more work coming up we could take on for you?", "could take on"),
    ("I am offering a fortnightly gutter clear, £25 a house.", "offering"),
    ("My day rate is £180 and I could start on the 3rd.", "day rate is £180"),
    ("We would ask a fee of £90 a visit.", "fee of £90"),
    # An interview or a referral asked for someone else, work at the reader's in any trade, a
    # day said to be short, texted forms (from authors O, Q and R's misses)
    ("Would you invite her for interview? She's brilliant.", "invite her for interview"),
    ("Could you refer my nephew internally?", "refer my nephew"),
    ("Could I come gardening for you on Saturdays?", "come gardening for you"),
    ("if saturday's short give me a shout", "saturday's short"),
    ("Is there room 4 another pair of hands?", "room 4 another"),
    ("r u still lookin for a kitchen porter?", "lookin for a kitchen porter"),
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
    # Favours done, help offered, a job accepted
    "Thank you for putting in a good word for Laura.",
    "It means a lot that you'd put my name forward.",
    "If you ever need someone to look over a grant bid, I'm happy to help for free.",
    "Tell your sister I can look at her CV tonight.",
    "I'm delighted to accept, and I can start on Monday.",
    "Happy to talk to him. Give him my number.",
    # The writer hiring, opening a business, applying to a course, starting a task, a loan
    "I need to hire my first apprentice and wondered how you run trial shifts.",
    "I'd love to ask about opening a second shop.",
    "I would like to apply for a place on the evening diploma.",
    "Do you need a forklift licence for warehouse work?",
    "I will start drafting my statement tomorrow.",
    "Could you pay me back the tenner on Friday?",
    "If you need someone to read your grant bid, I'm around all week. No strings.",
    "if u need a hand w the move sat im free. no charge",
    # Eleventh version: pricing asked about, work that is not paid or a grant, insurance, the
    # writer hiring, a third person offered or referenced, negations over two asks, a quote to
    # a customer who asked for it, an offer declined
    "I charge £30 an hour at the moment. Is that too low for round here?",
    "I put my hourly rate up to £45 like you suggested.",
    "I'd like to apply for a volunteer place on the befriending team.",
    "I would be happy to attend an interview with the grants panel; our application to the"
    " Community Fund is attached.",
    "Do you need separate cover for the van? My insurer is useless.",
    "We're a small bakery looking to take on a trainee baker in spring.",
    "My lab has funding for a research assistant. Could you forward the advert to your students?",
    "If you need a driver, call him on 07700 900123.",
    "I'm not applying for a role or asking for leads, just your view.",
    "not askin u to hire me, just wondering how u got in",
    "I've told her I'd mention her to you.",
    "Please find my reference for Ms Patel, who has applied for the post at your school.",
    "Thank you for your enquiry. The price for both rooms is £320 and I can start Monday.",
    "I have decided to decline it, with thanks.",
    "Do they want different hours?",
]


def test_a_disclaimer_whose_own_sentence_goes_on_to_ask_does_not_count() -> None:
    # Eleventh version, from author M: the rules read the negation over its own clause only
    # (and a comma and "just" turn the clause), so an ask they found after it, in its
    # sentence, is one it does not cover.
    text = (
        "Hi Sam. I'm not asking you to bend any rules, just to put her name forward for the "
        "payroll job."
    )
    asks = tuple(f.start for f in rule_findings(text, sentence_ends(text)))
    assert asks and disclaims_ask(text)
    assert not disclaims_ask(text, asks)
    disclaimed = tuple(f.start for f in rule_findings(DISCLAIMED, sentence_ends(DISCLAIMED)))
    assert disclaims_ask(DISCLAIMED, disclaimed)


def test_reluctance_is_not_a_disclaimer() -> None:
    assert not disclaims_ask("I didn't want to ask you this, mate.")
    assert disclaims_ask("I'm not asking you for a job.")


def test_the_model_overrules_a_rule_only_in_a_text_of_sixteen_words_or_more() -> None:
    # Twelfth version: the model reads "want me to cut the grass tmrw? £25" (two sentences),
    # but seven words are too few to withdraw what a rule matched. A strong veto set above
    # every score shows the condition alone.
    committed = modellib.load()
    eager = dataclasses.replace(committed, strong_veto=1000.0)
    short = "want me to cut the grass tmrw? £25"
    ends = sentence_ends(short)
    assert modellib.judges(short, [m.end() for m in ends])
    assert not modellib.outweighs_rules(short)
    assert not modellib.overrules(short, eager)
    assert [f.words for f in job_ask_findings(short, ends, eager)] == [short]
    long = SUBTLE + " Want me to cut the grass at the clinic tomorrow? £25."
    assert modellib.outweighs_rules(long)
    assert modellib.overrules(long, eager)

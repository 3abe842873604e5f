"""The shape of the code, checked rather than hoped for (ARCHITECTURE.md says why).

Layering by import-linter's contracts in pyproject.toml, no function worse than radon's grade C,
no module over 600 lines but data, and no unused code by vulture at 80 % confidence.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "hundred"
BIN = Path(sys.executable).parent
MAX_LINES = 600
# Data, not logic: rule tables and the demo's invented world.
DATA_MODULES = {
    "hundred/network/askcheck/job_ask_rules.py",
}


def source_files() -> list[Path]:
    return [
        p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts and "tests" not in p.parts
    ]


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_import_contracts_hold():
    done = run(str(BIN / "lint-imports"), "--no-cache")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def blocks(nodes):
    """Functions, methods and closures, however deep."""
    for node in nodes:
        yield node
        yield from blocks(getattr(node, "methods", []))
        yield from blocks(getattr(node, "closures", []))


def test_no_function_is_graded_worse_than_c():
    from radon.complexity import cc_rank, cc_visit

    worse = [
        f"{path.relative_to(ROOT)}:{block.lineno} {block.name} {cc_rank(block.complexity)}"
        for path in source_files()
        for block in blocks(cc_visit(path.read_text(encoding="utf-8")))
        if cc_rank(block.complexity) > "C"
    ]
    assert worse == []


def test_no_module_passes_600_lines_but_data():
    long = [
        f"{rel} ({n} lines)"
        for path in source_files()
        if (rel := str(path.relative_to(ROOT))) not in DATA_MODULES
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert long == []


@pytest.mark.parametrize("data", sorted(DATA_MODULES))
def test_the_data_modules_exist(data):
    assert (ROOT / data).exists(), f"{data} is listed as data but is gone: drop it from the list"


def test_there_is_no_unused_code():
    done = run(sys.executable, "-m", "vulture", "hundred", "--min-confidence", "80")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.django_db
def test_the_migrations_describe_the_models():
    # A model change without its migration would reach users as a missing column: makemigrations
    # must find nothing to write (a custom field that deconstructs as its parent, like
    # people.TextListField, changes no column and must not either).
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)

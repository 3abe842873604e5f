"""The documentation keeps up with the code: every command, every environment variable, the
README's two commands, and every link between the pages."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from hundred import commands  # noqa: F401  (importing fills the registry)
from hundred.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "hundred"
DOCS = ROOT / "docs"

RUN = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/hundred serve"
TEST = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest"

# The ways Hundred reads a variable: os.environ.get / os.getenv / os.environ[...] (but not an
# assignment to it), the settings helpers envbool, envint, envlist and envflag, and env.get.
_NAME = r"""\(\s*["']([A-Z][A-Z0-9_]*)["']"""
ENV_READS = [
    re.compile(r"os\.environ\.get" + _NAME),
    re.compile(r"os\.getenv" + _NAME),
    re.compile(r"""os\.environ\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\](?!\s*=[^=])"""),
    re.compile(r"\benv(?:bool|int|list|flag)" + _NAME),
    # settings.sso_settings(env) reads a mapping it is given (the environment, or a test's).
    re.compile(r"\benv\.get" + _NAME),
]


def is_test_code(path: Path) -> bool:
    return "tests" in path.parts or path.name.startswith("test") or path.name == "conftest.py"


def variables_read(*, in_tests: bool = False) -> dict[str, str]:
    """Each environment variable read under hundred/, with the first file that reads it.

    Test code reads made-up variables to test the settings helpers, so it counts only when
    asked for.
    """
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if is_test_code(path) and not in_tests:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in ENV_READS:
            for name in pattern.findall(text):
                found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def documented_variables() -> set[str]:
    """The variables named in the first column of the tables in docs/configuration.md."""
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|", text, re.MULTILINE))


def test_the_scan_finds_the_variables_settings_reads() -> None:
    # Guards the scanner itself: if these stop being found, the test below proves nothing.
    found = variables_read()
    for name in ("HUNDRED_HOME", "DATABASE_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"):
        assert name in found


def test_every_environment_variable_is_in_the_configuration_page() -> None:
    documented = documented_variables()
    missing = {name: where for name, where in variables_read().items() if name not in documented}
    assert not missing, (
        f"Document these in a table row of docs/configuration.md (| `NAME` | default | meaning |): "
        f"{missing}"
    )


def test_the_configuration_page_names_only_variables_that_are_read() -> None:
    # The test suite's own switches (CI) are documented too, so test code counts here.
    stale = documented_variables() - set(variables_read(in_tests=True))
    assert not stale, f"docs/configuration.md documents variables nothing reads: {sorted(stale)}"


def test_the_registry_has_the_foundation_commands() -> None:
    assert {"serve", "createuser", "demo"} <= set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_an_example_and_a_section_in_the_cli_page(name: str) -> None:
    cmd = COMMANDS[name]
    assert cmd.help.strip(), f"hundred {name} has no help text"
    assert f"hundred {name}" in cmd.example, f"hundred {name}'s example does not run it"
    headings = re.findall(
        r"^## (hundred [\w-]+)\s*$",
        (DOCS / "cli.md").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    assert f"hundred {name}" in headings, f"docs/cli.md has no '## hundred {name}' section"


def test_the_cli_page_documents_no_command_that_does_not_exist() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^## hundred ([\w-]+)\s*$", text, re.MULTILINE))
    assert documented - set(COMMANDS) == set()


def test_the_readme_starts_with_the_run_and_test_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"^```[^\n]*\n(.*?)^```", readme, re.MULTILINE | re.DOTALL)
    assert first_block, "README.md has no code block"
    lines = [line.strip() for line in first_block.group(1).splitlines()]
    assert RUN in lines
    assert TEST in lines


def test_the_readme_screenshot_is_a_1280_by_800_png() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/screenshot.png)" in readme
    header = (DOCS / "screenshot.png").read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1280, 800)


@pytest.mark.parametrize(
    "page", ["README.md", *sorted(str(p.relative_to(ROOT)) for p in DOCS.glob("*.md"))]
)
def test_every_link_between_pages_leads_somewhere(page: str) -> None:
    path = ROOT / page
    links = re.findall(r"\]\(([^)\s]+)\)", path.read_text(encoding="utf-8"))
    local = [link.split("#")[0] for link in links if not re.match(r"[a-z]+:|#", link)]
    broken = [link for link in local if not (path.parent / link).exists()]
    assert not broken, f"{page} links to files that do not exist: {broken}"


# A test cited as proof in the docs: `test_x.py::test_y` or `test_x.py::SomeTestCase::test_y`.
_CITED_TEST = re.compile(r"`(test_\w+\.py)::(?:(\w+)::)?(test_\w+)`")


@pytest.mark.parametrize("page", ["follow-up-rules.md", "user-guide.md"])
def test_every_test_the_docs_cite_exists(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    cited = _CITED_TEST.findall(text)
    if page == "follow-up-rules.md":
        assert len(cited) > 20, "the rules page should name the test behind each rule"
    missing = []
    for filename, cls, name in cited:
        files = [p for p in PACKAGE.rglob(filename) if "tests" in p.parts]
        source = "".join(p.read_text(encoding="utf-8") for p in files)
        if cls and not re.search(rf"^class {cls}\b", source, re.MULTILINE):
            missing.append(f"{filename}::{cls}")
        elif not re.search(rf"^\s*def {name}\(", source, re.MULTILINE):
            missing.append(f"{filename}::{name}")
    assert not missing, f"docs/{page} cites tests that do not exist: {sorted(set(missing))}"

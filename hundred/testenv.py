"""A pytest plugin, loaded with `-p hundred.testenv` (pyproject's addopts) before pytest-django
imports the settings: every test run gets a throwaway data folder, so tests never read or write
a real one (the person's database, uploads, collected static files).

The suite runs in parallel (pytest-xdist, `-n auto` in pyproject's addopts). Each worker is a
process of its own that inherits the controller's environment, HUNDRED_HOME included, so each
one makes its own folder: two workers never share a SQLite file, an uploads folder or a
secret key. pytest-django gives each worker its own test database (test_NAME_gw0, ...); live
servers, SMTP, IMAP and OpenID Connect servers all listen on ports the system hands out.

Run on one file or one test (no folder named), `-n auto` means no workers at all: starting them
costs more than it saves there. `-n 2` or `-n0` on the command line decides for itself.
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

_made: list[str] = []  # the folder this process made, removed when its run ends


def _throwaway_home(prefix: str) -> str:
    home = tempfile.mkdtemp(prefix=prefix)
    _made.append(home)
    return home


_worker = os.environ.get("PYTEST_XDIST_WORKER")  # set by pytest-xdist before this is imported
if _worker:
    os.environ["HUNDRED_HOME"] = _throwaway_home(f"hundred-test-{_worker}-")
elif "HUNDRED_HOME" not in os.environ:
    os.environ["HUNDRED_HOME"] = _throwaway_home("hundred-test-")


def pytest_unconfigure(config: pytest.Config) -> None:
    # Here rather than atexit: a worker's process may end without running atexit handlers.
    for home in _made:
        shutil.rmtree(home, ignore_errors=True)


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` on files or test ids alone runs in this process; with a folder (the default,
    testpaths), as many workers as pytest-xdist counts CPUs (or PYTEST_XDIST_AUTO_NUM_WORKERS)."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    paths = [Path(arg.split("::", 1)[0]) for arg in config.args]
    if paths and not any(path.is_dir() for path in paths):
        return 0
    return None  # pytest-xdist's own count

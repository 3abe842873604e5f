"""A pytest plugin, loaded with `-p hundred.testenv` (pyproject's addopts) before pytest-django
imports the settings: every test run gets a throwaway data folder, so tests never read or write
a real one (the person's database, uploads, collected static files)."""

import os
import tempfile

os.environ.setdefault("HUNDRED_HOME", tempfile.mkdtemp(prefix="hundred-test-"))

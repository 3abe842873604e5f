"""Test-wide set-up: a throwaway data folder so tests never touch a real one."""

import os
import tempfile

os.environ.setdefault("HUNDRED_HOME", tempfile.mkdtemp(prefix="hundred-test-"))

"""Test-wide set-up: a throwaway data folder so tests never touch a real one, and pytest's own
stopwatch kept off the tests' frozen clock."""

import os
import tempfile

import freezegun

os.environ.setdefault("HUNDRED_HOME", tempfile.mkdtemp(prefix="hundred-test-"))

# A test class runs on one clock from setUpClass to tearDownClass (FrozenClock, hundred/test.py),
# and pytest times each test in between with the functions _pytest.timing took from `time`:
# frozen, they gave the first test of each class a duration of 57 years (--durations).
freezegun.configure(extend_ignore_list=["_pytest.timing"])

"""Test-wide set-up: pytest's own stopwatch kept off the tests' frozen clock. (The throwaway
data folder is set earlier, by the hundred.testenv plugin: this file is read after pytest-django
has imported the settings.)"""

import freezegun

# A test class runs on one clock from setUpClass to tearDownClass (FrozenClock, hundred/test.py),
# and pytest times each test in between with the functions _pytest.timing took from `time`:
# frozen, they gave the first test of each class a duration of 57 years (--durations).
freezegun.configure(extend_ignore_list=["_pytest.timing"])

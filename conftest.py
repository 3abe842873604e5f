"""Test-wide set-up: pytest's own stopwatch kept off the tests' frozen clock, and the live-server
classes kept whole in the parallel suite. (The throwaway data folders are set earlier, by the
hundred.testenv plugin: this file is read after pytest-django has imported the settings.)"""

import freezegun

# A test class runs on one clock from setUpClass to tearDownClass (FrozenClock, hundred/test.py),
# and pytest times each test in between with the functions _pytest.timing took from `time`:
# frozen, they gave the first test of each class a duration of 57 years (--durations).
freezegun.configure(extend_ignore_list=["_pytest.timing"])


def pytest_collection_modifyitems(items):
    """In the parallel suite (pytest-xdist, --dist loadgroup), the tests of a class with costly
    set-up of its own stay on one worker: a live-server class starts a server and a Chromium (or
    an OpenID Connect provider) once, the IMAP tests a Dovecot, the worker-kill tests migrate a
    SQLite file; a class split between two workers would do it twice. (A @freeze_time class has
    a setUpClass of its own too: kept whole, it costs nothing.) Tests need no other
    grouping: each worker is its own process, with its own data folder and test database
    (hundred/testenv.py), and every server a test starts listens on a port of its own."""
    import pytest
    from django.test import LiveServerTestCase

    for item in items:
        cls = getattr(item, "cls", None)
        if cls is not None and (issubclass(cls, LiveServerTestCase) or "setUpClass" in vars(cls)):
            item.add_marker(pytest.mark.xdist_group(f"{cls.__module__}.{cls.__qualname__}"))

"""Schemathesis against the live schema, in-process through the WSGI app: every operation,
positive and negative cases, a fixed budget and a fixed seed (derandomised, so CI runs the same
cases each time). No server error, and every response fits the schema it documents.

The suite tries a few cases per operation and mode (HUNDRED_API_FUZZ_EXAMPLES, 4); a thorough
run asks for more, by hand or before a release (docs/configuration.md):

    HUNDRED_API_FUZZ_EXAMPLES=50 .venv/bin/pytest hundred/api/tests/test_schemathesis.py
"""

from __future__ import annotations

import functools
import os

import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import TestCase, override_settings
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from hundred.accounts.models import ApiToken, User
from hundred.network.models import FollowUp, Meeting, Person

EXAMPLES_PER_OPERATION = int(os.environ.get("HUNDRED_API_FUZZ_EXAMPLES", "4"))
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]
FUZZ = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=not os.environ.get("HUNDRED_FUZZ_RANDOM"),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@override_settings(ALLOWED_HOSTS=["localhost", "testserver"], API_REQUESTS_PER_HOUR=0)
class SchemathesisTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_user("fuzz@example.org", "x-correct-horse")
        _, cls.secret = ApiToken.objects.issue(cls.user, "fuzz", write=True)
        # Objects with small ids, so some generated ids are the account's own.
        person = Person.objects.create(owner=cls.user, first_name="Ann", emails=["a@example.org"])
        Meeting.objects.create(owner=cls.user, person=person, starts_at="2026-11-20T10:00Z")
        FollowUp.objects.create(owner=cls.user, person=person, due_on="2026-11-20")

    def setUp(self):
        # Django's own test client does this: a request's end must not close the connection
        # that holds the test's transaction.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        self.addCleanup(request_started.connect, close_old_connections)
        self.addCleanup(request_finished.connect, close_old_connections)

    # Two tests, so that two workers share the run (pytest-xdist).
    def test_every_operation_survives_generated_valid_requests(self):
        self.fuzz_every_operation("positive")

    def test_every_operation_survives_generated_invalid_requests(self):
        self.fuzz_every_operation("negative")

    def fuzz_every_operation(self, mode: str) -> None:
        schema = live_schema()
        # Schemathesis asks for gzip and its WSGI client does not unpack it; the API answers
        # gzipped to clients that ask (GZipMiddleware), which test_api_gzip covers.
        headers = {"Authorization": f"Bearer {self.secret}", "Accept-Encoding": "identity"}
        operations = [result.ok() for result in schema.get_all_operations()]
        self.assertGreater(len(operations), 20)
        for operation in operations:
            with self.subTest(operation=operation.label, mode=mode):
                strategy = operation.as_strategy(generation_mode=_mode(mode))

                @FUZZ
                @given(case=strategy)
                def fuzz(case):
                    case.call_and_validate(headers=headers, checks=CHECKS)

                fuzz()


@functools.cache
def live_schema():
    """The schema the app serves, read once for both tests (seconds: it is built per request)."""
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())


def _mode(name: str):
    from schemathesis import GenerationMode

    return GenerationMode.POSITIVE if name == "positive" else GenerationMode.NEGATIVE

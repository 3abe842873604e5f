"""A test case that calls the API with alice's read-write token."""

from __future__ import annotations

import json

from hundred.accounts.models import ApiToken
from hundred.test import BaseTestCase


class ApiTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.token, self.secret = ApiToken.objects.issue(self.alice, "tests", write=True)

    def call(self, method: str, path: str, body=None, *, secret: str | None = None, **extra):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {secret or self.secret}", **extra}
        send = getattr(self.client, method)
        if body is None:
            return send(f"/api/v1{path}", **headers)
        return send(f"/api/v1{path}", json.dumps(body), content_type="application/json", **headers)

    def assertProblem(self, response, status: int, field: str | None = None) -> dict:
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response["Content-Type"], "application/problem+json")
        problem = response.json()
        self.assertEqual(problem["status"], status)
        self.assertTrue(problem["title"])
        self.assertEqual(problem["type"], "about:blank")
        if field is not None:
            self.assertIn(field, [e["field"] for e in problem["errors"]], problem)
        return problem

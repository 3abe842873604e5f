"""hundred.postgresql: statements of more parameters than the server binds still run."""

from __future__ import annotations

from unittest import skipUnless

from django.db import connection
from django.test import TestCase

from hundred.network.models import Person
from hundred.postgresql.base import MAX_PARAMETERS, ServerBindingCursor

ON_POSTGRESQL = connection.vendor == "postgresql"


@skipUnless(ON_POSTGRESQL, "PostgreSQL only")
class ParameterLimitTests(TestCase):
    def test_a_statement_of_more_parameters_than_the_server_takes_runs(self):
        self.assertTrue(connection.settings_dict["OPTIONS"].get("server_side_binding"))
        ids = list(range(MAX_PARAMETERS + 1))
        self.assertEqual(Person.objects.filter(pk__in=ids).count(), 0)
        with connection.cursor() as cursor:  # and a short one is still bound by the server
            self.assertIsInstance(cursor.cursor, ServerBindingCursor)
            cursor.execute("SELECT %s::int + %s::int", [1, 2])
            self.assertEqual(cursor.fetchone(), (3,))

"""`hundred serve` starts the background worker in its own process on SQLite."""

from __future__ import annotations

import argparse
import io
from contextlib import redirect_stdout
from unittest.mock import patch

from hundred.test import BaseTestCase


class ServeWithWorkerTestCase(BaseTestCase):
    def serve(self, **options) -> bool:
        """Run `hundred serve` with the server mocked; whether it started the worker."""
        from hundred.serve import serve

        args = argparse.Namespace(host="127.0.0.1", port=8000, workers=1, **options)
        with (
            patch("granian.Granian"),
            patch("hundred.serve.collect_static"),  # tested on its own: tens of seconds
            patch("hundred.serve.start_worker_thread") as start,
            redirect_stdout(io.StringIO()),
        ):
            serve(args)
        return start.called

    def test_serve_runs_the_worker_on_sqlite_unless_told_not_to(self):
        from django.db import connection

        on_sqlite = connection.vendor == "sqlite"
        self.assertEqual(self.serve(with_worker=None), on_sqlite)
        self.assertTrue(self.serve(with_worker=True))
        self.assertFalse(self.serve(with_worker=False))

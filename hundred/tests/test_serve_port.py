"""`hundred serve` refuses a port another server listens on, and starts Granian without the
WebSocket support a WSGI app cannot use."""

from __future__ import annotations

import io
import socket
from contextlib import redirect_stderr, redirect_stdout
from unittest.mock import patch

from django.test import TestCase

from hundred.cli import main


def serve(*argv: str) -> tuple[int, str, object]:
    err = io.StringIO()
    with (
        patch("granian.Granian") as granian,
        patch("hundred.serve.collect_static"),  # tested on its own: tens of seconds
        patch("hundred.serve.start_worker_thread"),
        redirect_stdout(io.StringIO()),
        redirect_stderr(err),
    ):
        code = main(["serve", *argv])
    return code, err.getvalue(), granian


class ServePortTestCase(TestCase):
    def test_a_port_in_use_is_refused_before_anything_starts(self):
        # Another granian listens with SO_REUSEPORT, which would let a second one share it.
        other = socket.socket()
        self.addCleanup(other.close)
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        code, err, granian = serve("--port", str(port))
        self.assertEqual(code, 2)
        self.assertIn(f"Port {port} on 127.0.0.1 is already in use", err)
        self.assertEqual(len(err.strip().splitlines()), 1)
        granian.assert_not_called()

    def test_a_free_port_serves_without_websockets(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        code, _, granian = serve("--port", str(port), "--no-with-worker")
        self.assertEqual(code, 0)
        self.assertIs(granian.call_args.kwargs["websockets"], False)

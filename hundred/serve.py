"""`hundred serve`: migrate if needed, then serve with granian."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys

from hundred.cli import UsageError, arguments, command, ensure_migrated

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def is_loopback(host: str) -> bool:
    """Only this machine can reach the address (`127.0.0.1`, `::1`, `localhost`)."""
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: assume others can reach it


def first_account_token(host: str) -> str:
    """A set-up token when strangers could make the first account; '' when not.

    On a loopback address with no proxy in front, only this machine's user can reach the
    sign-up page: the laptop flow stays one command. Anywhere else the first sign-up must give
    the token printed on this console, so whoever reaches the server first cannot claim it.
    """
    from django.conf import settings

    from hundred.accounts.models import SetupToken, User

    if User.objects.exists() or (is_loopback(host) and not settings.TRUSTED_PROXIES):
        return ""
    return SetupToken.objects.issue()


def allowed_hosts_hint(host: str, allowed_hosts: list[str]) -> str:
    """A warning when others can reach this address but ALLOWED_HOSTS would refuse them."""
    if host in LOOPBACK or any(h not in LOOPBACK for h in allowed_hosts):
        return ""
    return (
        f"Listening on {host}, but ALLOWED_HOSTS only lets in this machine: other computers "
        "will get 'Bad Request (400)'. Set ALLOWED_HOSTS to the names this server is reached by."
    )


def refuse_taken_port(host: str, port: int) -> None:
    """Stop before starting when something already listens on the port: granian shares a
    port with another granian (SO_REUSEPORT), and requests would then go to either server."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # Connections of a server that just stopped (TIME_WAIT) do not count; a listener does.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as e:
            raise UsageError(
                f"Port {port} on {host} is already in use ({e.strerror}), perhaps by another "
                "hundred serve: stop it, or choose another port with --port."
            ) from None


def is_sqlite() -> bool:
    from django.db import connection

    return connection.vendor == "sqlite"


def start_worker_thread() -> None:
    """The background worker beside the web server, for one person on a laptop."""
    import threading

    from hundred.mail.worker import run_forever

    stop = threading.Event()
    threading.Thread(target=run_forever, args=(stop,), name="hundred-worker", daemon=True).start()
    print("The background worker runs in this process (digests, pauses that end).", flush=True)


def refresh_statistics() -> None:
    """On SQLite, have the query planner's statistics match the data (PostgreSQL keeps its
    own): a few hundred milliseconds at 30,000 people."""
    from django.db import connection

    from hundred.network.models.people import refresh_statistics as analyze

    if connection.vendor == "sqlite":
        analyze()


def static_sources_stamp() -> str:
    """A fingerprint of every static file the finders see (name, size, modification time):
    it changes when Hundred or a library it serves files of is upgraded."""
    import hashlib

    from django.contrib.staticfiles import finders

    found = []
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            stat = os.stat(storage.path(path))
            found.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(found)).encode()).hexdigest()


def collect_static() -> None:
    """Copy the static files to STATIC_ROOT with hashed names and compressed copies, so they
    can be cached for a year — only when they changed since the last start (collecting and
    compressing them takes tens of seconds). If that fails, say so and serve the plain files
    from the app's folders (short-cached) instead."""
    from pathlib import Path

    from django.conf import settings
    from django.core.management import call_command

    root = Path(settings.STATIC_ROOT)
    stamp_file = root / ".hundred-sources"
    stamp = static_sources_stamp()
    try:
        if (root / "staticfiles.json").exists() and stamp_file.read_text() == stamp:
            return
    except OSError:
        pass  # no stamp yet: collect
    try:
        call_command("collectstatic", interactive=False, verbosity=0)
        stamp_file.write_text(stamp)
    except OSError as e:
        print(
            f"Could not collect the static files into {settings.STATIC_ROOT} ({e}); serving "
            "them uncollected, without long caching.",
            file=sys.stderr,
        )


def _serve_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("HUNDRED_WORKERS", "1")),
        help="worker processes (1; more for a shared instance on PostgreSQL)",
    )
    parser.add_argument(
        "--with-worker",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also run the background worker in this process (default: on with SQLite, off "
        "with PostgreSQL, where 'hundred worker' runs on its own)",
    )


@command(
    "serve",
    help="migrate the database if needed, then serve the web app",
    example="hundred serve --port 8000",
    needs="django",
)
@arguments(_serve_args)
def serve(args: argparse.Namespace) -> int:
    from django.conf import settings
    from granian import Granian
    from granian.constants import Interfaces

    from hundred.accounts.oidc import missing_sso_message, missing_sso_settings
    from hundred.accounts.site import legacy_proxy_setting

    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port} is not a port number; use 1 to 65535.")
    if args.workers < 1:
        raise UsageError("--workers must be at least 1.")
    if missing := missing_sso_settings():  # single sign-on half set up (docs/sso.md)
        raise UsageError(missing_sso_message(missing) + ".")
    refuse_taken_port(args.host, args.port)
    ensure_migrated()  # here, not before: a bad argument changes nothing
    collect_static()
    refresh_statistics()
    host = args.host
    shown = f"[{host}]" if ":" in host else host
    print(
        f"Hundred is running at http://{shown}:{args.port}/ — data in {settings.HUNDRED_HOME}. "
        "Press Ctrl+C to stop.",
        flush=True,
    )
    hint = allowed_hosts_hint(host, settings.ALLOWED_HOSTS)
    if hint:
        print(hint, file=sys.stderr)
    if legacy := legacy_proxy_setting():  # serve runs no system checks of its own
        print("Warning: " + " ".join(legacy), file=sys.stderr)
    token = first_account_token(host)
    if token:
        print(
            "There is no account yet and others can reach this server, so the first sign-up "
            f"must give this one-time set-up token: {token}\n"
            "(Or stop, make the first account with 'hundred createuser EMAIL', and start again.)",
            flush=True,
        )
    if args.with_worker if args.with_worker is not None else is_sqlite():
        start_worker_thread()
    Granian(
        "hundred.wsgi:application",
        address=host,
        port=args.port,
        interface=Interfaces.WSGI,
        workers=args.workers,
        # One thread per core by default: granian's own default is hundreds.
        blocking_threads=int(os.environ.get("HUNDRED_THREADS", "0")) or (os.cpu_count() or 2),
        log_access=bool(os.environ.get("HUNDRED_ACCESS_LOG")),
        websockets=False,  # a WSGI app has none; granian would say so at every start
    ).serve()
    return 0

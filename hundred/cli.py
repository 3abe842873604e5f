"""The `hundred` command line: argparse in front of plain functions.

Errors a user can cause raise `UsageError` (exit 2); other expected failures raise `Failure`
(exit 1). Either becomes one sentence on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass


class UsageError(Exception):
    """Bad input: a bad file, an unknown user, a wrong argument. Exit status 2."""


class Failure(Exception):
    """Something else went wrong that the user should hear about in a sentence. Exit status 1."""


@dataclass
class Command:
    name: str
    help: str
    example: str
    setup: Callable[[argparse.ArgumentParser], None]
    run: Callable[..., int | None]
    needs: str = "database"
    json: bool = False


COMMANDS: dict[str, Command] = {}
NEEDS = ("nothing", "django", "database", "account")


def command(name: str, *, help: str, example: str, needs: str = "database", json: bool = False):
    """Register `run(args)` as a command; what it needs is set up before it runs.

    needs: "nothing" (no Django), "django" (settings only), "database" (migrated first), or
    "account" (also takes --user and is called as `run(args, user)`). json=True adds --json.
    The decorated function's `setup` attribute (see `arguments`) adds its own arguments.
    """
    if needs not in NEEDS:
        raise ValueError(f"needs must be one of {NEEDS}")

    def decorate(run):
        setup = getattr(run, "setup", lambda parser: None)
        COMMANDS[name] = Command(name, help, example, setup, run, needs, json)
        return run

    return decorate


def arguments(setup: Callable[[argparse.ArgumentParser], None]):
    """Attach an argument-adding function to a command function (use below @command)."""

    def decorate(run):
        run.setup = setup
        return run

    return decorate


class Parser(argparse.ArgumentParser):
    def error(self, message: str):
        # argparse prints usage plus the message; the contract is one clear line.
        raise UsageError(f"{message} (see '{self.prog} -h')")


def add_user_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user",
        metavar="EMAIL",
        help="the account to use; may be left out when the instance has exactly one",
    )


def add_json_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help="print one JSON value on stdout and nothing else"
    )


def resolve_user(email: str | None):
    """The account named by --user, or the only account there is."""
    from hundred.accounts.models import User

    if email:
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise UsageError(
                f"There is no account for {email}; create it with 'hundred createuser {email}'."
            )
        return user
    users = list(User.objects.order_by("id")[:2])
    if not users:
        raise UsageError("There is no account yet; create one with 'hundred createuser EMAIL'.")
    if len(users) > 1:
        raise UsageError("This instance has several accounts; say which with --user EMAIL.")
    return users[0]


def read_input(path: str) -> bytes:
    """The bytes of a file argument, where '-' means standard input."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise UsageError(f"There is no file {path}; check the path.") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder; give a file.") from None
    except PermissionError:
        raise UsageError(f"{path} cannot be read (permission denied).") from None


def write_output(data: str | bytes, path: str | None) -> None:
    """Write to the -o file, or to standard output when there is none (or it is '-')."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not path or path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        with open(path, "wb") as f:
            f.write(data)
    except OSError as e:
        raise UsageError(f"Cannot write {path}: {e.strerror}.") from None


def build_parser() -> Parser:
    from hundred import __version__

    parser = Parser(
        prog="hundred",
        description="Hundred runs a job search as networking research: "
        "100 people, advice not jobs, polite persistence.",
        epilog="Every command reads HUNDRED_HOME (the data folder) and DATABASE_URL. "
        "Run 'hundred COMMAND -h' for a command's options and an example.",
    )
    parser.add_argument("--version", action="version", version=f"hundred {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for cmd in COMMANDS.values():
        sub = subparsers.add_parser(
            cmd.name,
            help=cmd.help,
            description=cmd.help,
            epilog=f"example: {cmd.example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        cmd.setup(sub)
        if cmd.needs == "account":
            add_user_argument(sub)
        if cmd.json:
            add_json_argument(sub)
    return parser


# An arbitrary constant naming Hundred's migration lock among PostgreSQL advisory locks.
MIGRATE_LOCK = 0x100100


def ensure_migrated() -> None:
    """Bring the database schema up to date; cheap when it already is."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.db.utils import OperationalError

    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except OperationalError as e:
        raise Failure(f"Cannot reach the database ({e}); check DATABASE_URL.") from None
    if not plan:
        return
    if connection.vendor == "postgresql":
        # Several app processes or hosts may start together: one migrates, the others wait
        # on the lock and then find nothing left to do.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATE_LOCK])
            try:
                call_command("migrate", interactive=False, verbosity=0)
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATE_LOCK])
    else:
        # SQLite's IMMEDIATE transactions serialise the writers already.
        call_command("migrate", interactive=False, verbosity=0)


def run(cmd: Command, args: argparse.Namespace) -> int:
    """Set up what the command needs, then run it."""
    if cmd.needs == "nothing":
        return cmd.run(args) or 0
    setup_django()
    if cmd.needs == "django":
        return cmd.run(args) or 0
    ensure_migrated()
    if cmd.needs == "database":
        return cmd.run(args) or 0
    user = resolve_user(args.user)
    try:
        return cmd.run(args, user) or 0
    finally:
        user.mark_data_changed()  # a command may write in bulk, around the signals


def setup_django() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")
    django.setup()


def main(argv: list[str] | None = None) -> int:
    # Importing registers each module's commands.
    from hundred import commands  # noqa: F401

    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help()
            return 0
        return run(COMMANDS[args.command], args)
    # One line each, whatever the message quotes (a database driver's runs over two).
    except UsageError as e:
        print(f"hundred: {' '.join(str(e).split())}", file=sys.stderr)
        return 2
    except Failure as e:
        print(f"hundred: {' '.join(str(e).split())}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("hundred: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`hundred today | head -1`): not an error worth a word.
        import os

        try:
            # Point stdout at devnull so Python's own flush at exit cannot fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except Exception as e:  # a bug; still one sentence for the user, details with HUNDRED_DEBUG
        import os

        if os.environ.get("HUNDRED_DEBUG"):
            raise
        print(
            f"hundred: unexpected error ({type(e).__name__}: {e}); "
            "run again with HUNDRED_DEBUG=1 for details and report it.",
            file=sys.stderr,
        )
        return 1

"""`hundred import`, `export`, `restore` and `backup`."""

from __future__ import annotations

import argparse
import json
import sys

from hundred.cli import (
    UsageError,
    arguments,
    command,
    read_input,
    write_output,
)
from hundred.transfer.formats.records import KINDS

# "email" (an .eml or .mbox file) goes through the mail-in path, not the contact formats.
IMPORT_KINDS = (*KINDS, "email")


def _import_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=IMPORT_KINDS, metavar="KIND", help=", ".join(IMPORT_KINDS))
    parser.add_argument("file", metavar="FILE", help="the file to import; - reads standard input")
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would happen and change nothing"
    )


def _progress(message: str) -> None:
    # Only a person watching a terminal wants it; pipes and logs get the summary alone.
    if sys.stderr.isatty():
        print(f"\r{message}\033[K", end="", file=sys.stderr, flush=True)


@command(
    "import",
    help="import people from LinkedIn, Google, Outlook, vCard or any CSV; or mail (.eml, .mbox)",
    example="hundred import linkedin Connections.csv --dry-run",
    needs="account",
    json=True,
)
@arguments(_import_args)
def import_(args: argparse.Namespace, user) -> int:
    from django.conf import settings

    from hundred.transfer.formats.dispatch import UnsupportedFile, parse
    from hundred.transfer.history import describe
    from hundred.transfer.loader import do_import
    from hundred.transfer.tasks import after_import

    data = read_input(args.file)
    if args.kind == "email":
        return _import_email(args, user, data)
    _progress(f"Reading {args.file} …")
    try:
        result = parse(
            args.kind, data, filename=args.file, default_region=settings.DEFAULT_PHONE_REGION
        )
    except UnsupportedFile as e:
        _progress("")
        raise UsageError(str(e)) from None
    report = do_import(user, result, dry_run=args.dry_run, filename=args.file, progress=_progress)
    after_import(user, report)
    _progress("")
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(report.contract(), ensure_ascii=False))
        return 0
    print(report.summary())
    for line in describe(report.history, is_dry_run=report.is_dry_run):  # messages, offers
        print(line)
    for row in report.skipped_rows:
        print(f"  skipped {_where(row)}: {row['reason']}")
    # What was read but left out of a row (a date, a closeness, an address): the web
    # preview's "Notes". A 30,000-row file can have thousands.
    for row in report.warnings[:MAX_WARNINGS]:
        print(f"  note, {_where(row)}: {row['reason']}")
    if len(report.warnings) > MAX_WARNINGS:
        print(f"  … and {len(report.warnings) - MAX_WARNINGS} more")
    return 0


MAX_WARNINGS = 20


def _where(row: dict) -> str:
    return f"{row['file']} line {row['line']}" if row.get("file") else f"line {row['line']}"


def _import_email(args: argparse.Namespace, user, data: bytes) -> int:
    """`hundred import email FILE`: each message logged as by the logging mailbox."""
    from django.db import transaction

    from hundred.transfer.formats.mailmessage import looks_like_mail, not_mail
    from hundred.transfer.mailin import do_import_mail

    if not looks_like_mail(data):
        looks, kind = not_mail(data)
        name = "The standard input" if args.file == "-" else args.file
        if kind:
            raise UsageError(
                f"{name} is {looks}, not mail: import it with 'hundred import {kind} {args.file}'."
            )
        if looks:
            raise UsageError(
                f"{name} is {looks}, not mail, and Hundred imports no such file: "
                "give an .eml or .mbox file."
            )
        raise UsageError(
            f"{name} does not start like mail (headers such as 'From: …', or an mbox "
            "'From ' line): give an .eml or .mbox file."
        )
    with transaction.atomic():
        report = do_import_mail(user, data)
        if args.dry_run:
            transaction.set_rollback(True)
    if args.json:
        print(json.dumps(report.contract(), ensure_ascii=False))
        return 0
    print(("Dry run: " if args.dry_run else "") + report.summary())
    for row in report.skipped_rows:
        print(f"  skipped message {row['line']}: {row['reason']}")
    return 0


EXPORT_KINDS = ("json", "csv", "vcard", "ics")


def _export_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=EXPORT_KINDS, metavar="KIND", help=", ".join(EXPORT_KINDS))
    parser.add_argument("-o", "--output", metavar="FILE", help="write here, not to standard output")
    parser.add_argument(
        "--bom", action="store_true", help="csv: start with a byte-order mark, for Excel"
    )
    parser.add_argument(
        "--with-feed-token",
        action="store_true",
        help="json: include the calendar feed's secret address (whoever has the file can read it)",
    )
    parser.add_argument(
        "--vcard-version",
        choices=("3.0", "4.0"),
        default="4.0",
        help="vcard: 4.0 (default) or 3.0 for older phones",
    )


@command(
    "export",
    help="export your data: json (the full backup), csv, vcard or ics",
    example="hundred export json -o hundred-backup.json",
    needs="account",
)
@arguments(_export_args)
def export(args: argparse.Namespace, user) -> int:
    from hundred.transfer import calendar, exports
    from hundred.transfer.backup import dumps_backup, export_backup

    if args.kind == "json":
        data: str | bytes = dumps_backup(export_backup(user, feed_token=args.with_feed_token))
    elif args.kind == "csv":
        data = exports.export_csv(user, bom=args.bom)
    elif args.kind == "vcard":
        data = exports.export_vcards(user, version=args.vcard_version)
    else:
        data = calendar.export_ics(user)
    write_output(data, args.output)
    return 0


def _restore_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", help="a backup from 'hundred export json'; - reads stdin"
    )


@command(
    "restore",
    help="load a JSON backup into an empty account",
    example="hundred restore hundred-backup.json --user ann@example.org",
    needs="account",
)
@arguments(_restore_args)
def restore(args: argparse.Namespace, user) -> int:
    from hundred.transfer.backup import AccountNotEmpty, BadBackup, do_restore, read_backup

    try:
        counts = do_restore(user, read_backup(read_input(args.file)))
    except (BadBackup, AccountNotEmpty) as e:
        raise UsageError(str(e)) from None
    print(
        f"Restored {counts['people']} people, {counts['companies']} companies, "
        f"{counts['interactions']} interactions, {counts['meetings']} meetings, "
        f"{counts['followups']} follow-ups, {counts['favours']} favours, "
        f"{counts['import_history']} past imports and {counts['dismissed_pairs']} dismissed "
        f"duplicate pairs into {user.email}."
    )
    return 0


def _backup_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the copy to write (default: standard output, redirected to a file)",
    )


@command(
    "backup",
    help="a consistent copy of the whole database (SQLite; use pg_dump on PostgreSQL)",
    example="hundred backup -o hundred-copy.sqlite3   (or: hundred backup > hundred-copy.sqlite3)",
)
@arguments(_backup_args)
def backup(args: argparse.Namespace) -> int:
    import shutil
    import sys
    import tempfile
    from pathlib import Path

    from django.db import connection

    if connection.vendor != "sqlite":
        raise UsageError(
            "This instance uses PostgreSQL: back it up with pg_dump "
            '(pg_dump --format=custom "$DATABASE_URL" > hundred.dump).'
        )
    source = str(connection.settings_dict["NAME"])
    if args.output in (None, "-"):
        # Standard output, as every command's output without -o: a binary file, so never
        # onto a terminal.
        if sys.stdout.isatty():
            raise UsageError(
                "The copy is a binary database file: redirect it "
                "(hundred backup > hundred-copy.sqlite3) or give a file with -o."
            )
        with tempfile.TemporaryDirectory(prefix="hundred-backup-") as folder:
            copy = Path(folder) / "copy.sqlite3"
            copy_sqlite(source, copy)
            sys.stdout.flush()
            with copy.open("rb") as data:
                shutil.copyfileobj(data, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        return 0
    target = Path(args.output)
    if target.exists():
        raise UsageError(f"{args.output} already exists; choose another name or remove it first.")
    copy_sqlite(source, target)
    print(f"Copied the database to {args.output}.")
    return 0


def copy_sqlite(source_path: str, target) -> None:
    """Copy a SQLite database file with the online backup API: consistent while others write."""
    import sqlite3

    try:
        source = sqlite3.connect(source_path, timeout=30)
        dest = sqlite3.connect(target)
    except sqlite3.Error as e:
        raise UsageError(f"Cannot open the database or {target}: {e}.") from None
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()

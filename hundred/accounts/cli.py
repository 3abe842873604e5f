"""`hundred createuser`."""

from __future__ import annotations

import argparse
import getpass
import sys

from hundred.cli import UsageError, arguments, command


def _args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("email", metavar="EMAIL", help="the e-mail address the person logs in with")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    parser.add_argument("--admin", action="store_true", help="also allow this account into /admin/")
    parser.add_argument("--time-zone", default="UTC", help="the account's time zone (UTC)")


@command(
    "createuser",
    help="make an account",
    example="echo 's3cret-passphrase' | hundred createuser ann@example.org --password-stdin",
)
@arguments(_args)
def createuser(args: argparse.Namespace) -> int:
    import zoneinfo

    from django.contrib.auth import password_validation
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    from hundred.accounts.models import User

    email = args.email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise UsageError(f"{args.email} is not an e-mail address.") from None
    if args.time_zone not in zoneinfo.available_timezones():
        raise UsageError(f"{args.time_zone} is not a time zone; use a name like Europe/London.")
    if User.objects.filter(email__iexact=email).exists():
        raise UsageError(f"There is already an account for {email}.")
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise UsageError("The two passwords differ; try again.")
    else:
        raise UsageError("Give the password on standard input with --password-stdin.")
    if not password:
        raise UsageError("The password is empty; give one.")
    try:
        password_validation.validate_password(password, User(email=email))
    except ValidationError as e:
        raise UsageError(" ".join(e.messages)) from None
    if args.admin:
        User.objects.create_superuser(email, password, time_zone=args.time_zone)
    else:
        User.objects.create_user(email, password, time_zone=args.time_zone)
    print(f"Created the account {email}.")
    return 0

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
    parser.add_argument(
        "--role",
        choices=["seeker", "coach", "admin"],
        default="seeker",
        help="at a career centre: job seeker (the default), coach, or centre admin",
    )
    parser.add_argument(
        "--org",
        metavar="NAME",
        help="the career centre the account belongs to; made if there is none of that name",
    )


@command(
    "createuser",
    help="make an account",
    example="echo 's3cret-passphrase' | hundred createuser ann@example.org --password-stdin",
)
@arguments(_args)
def createuser(args: argparse.Namespace) -> int:
    from django.db import transaction

    from hundred.accounts.models import Role, User

    email = _checked_account_args(args)
    password = _read_password(args, email)
    with transaction.atomic():
        org, made = None, False
        if args.org is not None:
            org, made = _organisation(args.org)
        make = User.objects.create_superuser if args.admin else User.objects.create_user
        make(email, password, time_zone=args.time_zone, role=args.role, organisation=org)
    if made:
        print(f"Created the centre {org.name}.")
    at = f" ({Role(args.role).label} at {org.name})" if org else ""
    print(f"Created the account {email}{at}.")
    return 0


def _checked_account_args(args: argparse.Namespace) -> str:
    """The new account's address, once every option has been checked; else UsageError."""
    import zoneinfo

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
    if args.org is not None and not args.org.strip():
        raise UsageError("The centre's name is empty; give one with --org NAME.")
    if args.org is not None and len(args.org.strip()) > 150:
        raise UsageError("The centre's name is longer than 150 characters; shorten it.")
    if args.role != "seeker" and args.org is None:
        args.org = _only_centre(args.role)
    if User.objects.filter(email__iexact=email).exists():
        raise UsageError(f"There is already an account for {email}.")
    return email


def _read_password(args: argparse.Namespace, email: str) -> str:
    """The password from standard input or the terminal, checked by the validators."""
    from django.contrib.auth import password_validation
    from django.core.exceptions import ValidationError

    from hundred.accounts.models import User

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
    return password


def _only_centre(role: str) -> str:
    """The name of the instance's one career centre, for a coach or admin made without --org.

    A coach or an admin with no centre would share "no centre" with every laptop account, so
    with none or several centres the centre must be named."""
    from hundred.accounts.models import Organisation

    names = list(Organisation.objects.order_by("name").values_list("name", flat=True)[:4])
    if len(names) == 1:
        return names[0]
    if not names:
        raise UsageError(f"A {role} belongs to a career centre: give --org NAME to make one.")
    listed = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    raise UsageError(f"A {role} belongs to a career centre: give --org NAME (one of {listed}).")


def _organisation(name: str):
    """The centre called `name` (in any case), or a new one: (organisation, made)."""
    from hundred.accounts.models import Organisation

    name = name.strip()
    found = Organisation.objects.filter(name__iexact=name).first()
    if found is not None:
        return found, False
    return Organisation.objects.create(name=name), True


def _token_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["create", "list", "revoke"], help="what to do")
    parser.add_argument(
        "what", nargs="?", metavar="NAME|ID", help="create: the new token's name; revoke: its id"
    )
    parser.add_argument("--name", help="the new token's name (create), e.g. the script's")
    access = parser.add_mutually_exclusive_group()
    access.add_argument(
        "--write", action="store_true", help="let the new token write too (default: read only)"
    )
    access.add_argument(
        "--read-only", action="store_true", help="the new token may only read (the default)"
    )


@command(
    "token",
    help="personal access tokens for the JSON API: create, list, revoke",
    example="hundred token create --name phone --write",
    needs="account",
    json=True,
)
@arguments(_token_args)
def token(args: argparse.Namespace, user) -> int:
    import json

    from hundred.accounts.models import ApiToken

    if args.action == "create":
        if args.name and args.what:
            raise UsageError("Give the name once: either NAME or --name NAME.")
        name = (args.name or args.what or "").strip()
        if not name:
            raise UsageError("Give the token a name with --name, e.g. --name phone.")
        if len(name) > 100:
            raise UsageError("The name is longer than 100 characters; shorten it.")
        _, secret = ApiToken.objects.issue(user, name, write=args.write)
        print(secret)
        return 0
    if args.action == "revoke":
        if not args.what:
            raise UsageError("Say which token to revoke: hundred token revoke ID (see 'list').")
        found = None
        if args.what.isdigit():
            found = ApiToken.objects.for_user(user).filter(pk=int(args.what)).first()
        if found is None:
            raise UsageError(f"You have no token {args.what}; 'hundred token list' shows them.")
        found.revoke()
        print(f"Revoked token {found.pk} ({found.name}).")
        return 0
    rows = [
        {
            "id": t.pk,
            "name": t.name,
            "access": t.access,
            "created_at": t.created_at.isoformat(),
            "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
            "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
        }
        for t in ApiToken.objects.for_user(user)
    ]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for row in rows:
        state = f"revoked {row['revoked_at'][:16]}" if row["revoked_at"] else "active"
        used = row["last_used_at"][:16] if row["last_used_at"] else "never used"
        print(f"{row['id']}\t{row['name']}\t{row['access']}\t{state}\t{used}")
    return 0

"""`hundred coach grant|revoke|report`: the job seeker's consent and the coach's figures."""

from __future__ import annotations

import argparse
import json

from hundred.cli import UsageError, arguments, command

ACTIONS = ("grant", "revoke", "report")


def _args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=ACTIONS, help="grant or revoke access, or report")
    parser.add_argument(
        "coach",
        metavar="COACH_EMAIL",
        nargs="?",
        help="the coach to grant or revoke (not with report)",
    )
    parser.add_argument(
        "--with-notes",
        action="store_true",
        help="grant: include notes and message texts (left out by default)",
    )


def _coach_named(email: str | None):
    from hundred.accounts.models import User

    if not email:
        raise UsageError("Name the coach: hundred coach grant COACH_EMAIL --user SEEKER_EMAIL.")
    coach = User.objects.filter(email__iexact=email.strip()).first()
    if coach is None:
        raise UsageError(f"There is no account for {email}.")
    return coach


def _report(user, as_json: bool) -> None:
    from hundred.centre.dashboard import client_rows
    from hundred.centre.models import CoachView

    if not user.is_coach:
        raise UsageError(f"{user.email} is not a coach; report --user names a coach.")
    found = client_rows(user, sort="name")
    # The client's log of coach views names this too, as it names the dashboard and the CSV.
    CoachView.objects.log(user.pk, [row.id for row in found], "figures report (command line)")
    rows = [row.report() for row in found]
    if as_json:
        print(json.dumps(rows, indent=2))
        return
    if not rows:
        print("No client has granted you access.")
        return
    keys = list(rows[0])
    print("\t".join(keys))
    for row in rows:
        print("\t".join("" if row[k] is None else str(row[k]) for k in keys))


@command(
    "coach",
    help="grant or revoke a coach's read-only access (as the job seeker); report a coach's "
    "clients' figures",
    example="hundred coach grant coach@centre.example --user ann@example.org --with-notes",
    needs="account",
    json=True,
)
@arguments(_args)
def coach(args: argparse.Namespace, user) -> int:
    from hundred.centre.actions.grants import GrantRefused, do_grant, do_revoke

    if args.action == "report":
        if args.coach:
            raise UsageError("report takes no COACH_EMAIL: name the coach with --user.")
        _report(user, args.json)
        return 0
    coach_user = _coach_named(args.coach)
    try:
        if args.action == "grant":
            grant = do_grant(user, coach_user, with_notes=args.with_notes)
        else:
            grant = do_revoke(user, coach_user)
    except GrantRefused as refused:
        raise UsageError(str(refused)) from None
    if args.json:
        print(
            json.dumps(
                {
                    "coach": coach_user.email,
                    "seeker": user.email,
                    "with_notes": grant.with_notes,
                    "active": grant.is_active,
                }
            )
        )
    elif grant.is_active:
        what = "with" if grant.with_notes else "without"
        print(f"{coach_user.email} can now read {user.email}'s Hundred, {what} notes.")
    else:
        print(f"{coach_user.email} no longer sees {user.email}'s Hundred.")
    return 0

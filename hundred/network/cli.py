"""`hundred demo`, `pitch`, `check-ask` and `today`."""

from __future__ import annotations

import argparse

from hundred.cli import arguments, command


@command(
    "demo",
    help="fill an account with a realistic sample network (about 150 people, 30 companies)",
    example="hundred demo --user ann@example.org",
    needs="account",
)
def demo(args: argparse.Namespace, user) -> int:
    from hundred.cli import UsageError
    from hundred.network.demo import DemoExists, build_demo

    try:
        summary = build_demo(user)
    except DemoExists as e:
        raise UsageError(str(e)) from None
    print(
        f"Filled {user.email} with {summary['people']} people, {summary['companies']} companies, "
        f"{summary['interactions']} interactions, {summary['meetings']} meetings, "
        f"{summary['followups']} follow-ups and {summary['favours']} favours."
    )
    return 0


@command(
    "pitch",
    help="print your pitch",
    example="hundred pitch --user ann@example.org",
    needs="account",
)
def pitch(args: argparse.Namespace, user) -> int:
    from hundred.cli import UsageError
    from hundred.network.models import Target

    text = Target.objects.get_for(user).current_pitch()
    if not text:
        raise UsageError(
            "You have no pitch yet; describe what you are looking for on the Target page first."
        )
    print(text)
    return 0


def _check_ask_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE",
        help="the message to check; - or none reads standard input",
    )
    parser.add_argument(
        "--follow-up",
        action="store_true",
        help="the message is not a first message (no length check)",
    )


@command(
    "check-ask",
    help="check an outreach message for job asks and missing parts (exit 3 on a job ask)",
    example="hundred check-ask message.txt --json",
    needs="nothing",
    json=True,
)
@arguments(_check_ask_args)
def check_ask(args: argparse.Namespace) -> int:
    import json

    from hundred.cli import UsageError, read_input
    from hundred.network import askcheck

    data = read_input(args.file)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError("The message is not UTF-8 text; save it as UTF-8 and try again.") from None
    try:
        findings = askcheck.check(text, first_message=not args.follow_up)
    except askcheck.EmptyMessage:
        raise UsageError(
            f"{askcheck.EMPTY_MESSAGE[:-1]}: the message is empty, so there is nothing to check."
        ) from None
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False))
    elif not findings:
        print("Clean: an ask for advice, names and ideas, time-boxed, with what you look for.")
    else:
        for f in findings:
            where = ""
            if f.start is not None:
                line = text.count("\n", 0, f.start) + 1
                column = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
                where = f"{line}:{column}: "
            label = "job ask" if f.severity == "error" else "tip"
            quoted = f" “{f.words}”" if f.words else ""
            print(f"{where}{label}:{quoted} {f.message}")
            if f.suggestion:
                print(f"    try: {f.suggestion}")
    return 3 if askcheck.has_job_ask(findings) else 0


def _human_due(due: str | None, user, this_year: int) -> str:
    """An item's ISO date or date-time as a person reads it, in the account's time zone:
    '2026-12-01' -> 'Tue 1 Dec', '2026-12-01T09:00:00+00:00' -> 'Tue 1 Dec, 10:00' in Paris."""
    from datetime import date, datetime

    from hundred.lib.when import day, moment

    if not due:
        return "no date"
    if len(due) == len("2026-12-01"):
        return day(date.fromisoformat(due), this_year)
    return moment(datetime.fromisoformat(due), user.tzinfo, this_year)


@command(
    "today",
    help="list what is due today: follow-ups, meetings, debriefs to write, favours owed",
    example="hundred today --user ann@example.org --json",
    needs="account",
    json=True,
)
def today(args: argparse.Namespace, user) -> int:
    import json

    from django.utils.dateformat import format as date_format

    from hundred.network.today import build_today

    data = build_today(user)
    items = data.items()
    if args.json:
        print(json.dumps(items, ensure_ascii=False))
        return 0
    print(f"Today, {date_format(data.today, 'l j F Y')}")
    if not items:
        print("Nothing due. Ask 3 people from your list, or list 5 more.")
    labels = {
        "followup": "follow up",
        "meeting": "meeting",
        "debrief": "debrief",
        "favour": "favour",
    }
    for item in items:
        due = _human_due(item["due"], user, data.today.year)
        channel = f" by {item['channel']}" if item["channel"] else ""
        late = " (overdue)" if item.get("overdue") else ""
        reason = item["reason"].replace("_", " ")
        print(f"- {due}{late}  {labels[item['kind']]}: {item['person']}{channel} — {reason}")
    print(
        f"This week: {data.asks_this_week} of {data.asks_target} asks, "
        f"{data.meetings_this_week} of {data.meetings_target} meetings."
    )
    return 0

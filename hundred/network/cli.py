"""`hundred demo`."""

from __future__ import annotations

import argparse

from hundred.cli import add_user_argument, arguments, command, resolve_user


def _demo_args(parser: argparse.ArgumentParser) -> None:
    add_user_argument(parser)


@command(
    "demo",
    help="fill an account with a realistic sample network (about 150 people, 30 companies)",
    example="hundred demo --user ann@example.org",
)
@arguments(_demo_args)
def demo(args: argparse.Namespace) -> int:
    from hundred.cli import UsageError
    from hundred.network.demo import DemoExists, build_demo
    from hundred.serve import ensure_migrated

    ensure_migrated()
    user = resolve_user(args.user)
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

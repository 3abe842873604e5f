"""Time the coach's dashboard figures for a coach with many clients.

Run on purpose, not in the test suite, against a scratch database (it writes):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch \\
        .venv/bin/python benchmarks/coach_dashboard_bench.py --clients 500 --people 300

Builds one centre, one coach and CLIENTS job seekers who granted the coach access, each with
PEOPLE people and as many outreach messages, replies for a third, meetings for a tenth and
open follow-ups for a fifth (bulk writes), then times `client_rows` (every client's figures,
what /coach/ and the CSV compute): with every client's figures computed, with all of them kept
(median of five), and with one client's recomputed after a write; and the queries each made.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(clients: int, people: int) -> object:
    from django.utils import timezone

    from hundred.accounts.models import Organisation, Role, User
    from hundred.centre.models import CoachGrant
    from hundred.network.models import FollowUp, Interaction, Meeting, Person

    now = timezone.now()
    org = Organisation.objects.create(name=f"Bench {now.timestamp()}")
    coach = User.objects.create(
        email=f"coach{now.timestamp()}@bench", role=Role.COACH, organisation=org
    )
    seekers = User.objects.bulk_create(
        User(
            email=f"s{i}-{now.timestamp()}@bench",
            organisation=org,
            time_zone=["UTC", "Europe/Paris", "America/New_York"][i % 3],
        )
        for i in range(clients)
    )
    CoachGrant.objects.bulk_create(CoachGrant(seeker=s, coach=coach) for s in seekers)
    Through = Interaction.people.through
    for s in seekers:
        ps = Person.objects.bulk_create(
            Person(
                owner=s,
                first_name=f"P{j}",
                last_name="X",
                stage="asked" if j % 2 else "listed",
                asked_at=now - timedelta(days=j % 60) if j % 2 else None,
            )
            for j in range(people)
        )
        out = Interaction.objects.bulk_create(
            Interaction(
                owner=s,
                direction="out",
                is_outreach=True,
                asks_for_job=j % 17 == 0,
                occurred_at=now - timedelta(days=j % 60),
            )
            for j in range(people)
        )
        replies = Interaction.objects.bulk_create(
            Interaction(owner=s, direction="in", occurred_at=now - timedelta(days=j % 59))
            for j in range(0, people, 3)
        )
        Through.objects.bulk_create(
            [Through(interaction=i, person=p) for i, p in zip(out, ps, strict=True)]
            + [Through(interaction=i, person=ps[k * 3]) for k, i in enumerate(replies)]
        )
        Meeting.objects.bulk_create(
            Meeting(
                owner=s,
                person=ps[j],
                starts_at=now - timedelta(days=j % 30),
                debriefed_at=now if j % 20 == 0 else None,
            )
            for j in range(0, people, 10)
        )
        FollowUp.objects.bulk_create(
            FollowUp(owner=s, person=ps[j], due_on=(now - timedelta(days=j % 9 - 4)).date())
            for j in range(0, people, 5)
        )
    return coach


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--people", type=int, default=300)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hundred.centre.dashboard import client_rows

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    coach = build(args.clients, args.people)
    print(
        f"built {args.clients} clients x {args.people} people in "
        f"{time.perf_counter() - started:.0f} s on {connection.vendor}"
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    from hundred.accounts.models import mark_data_changed
    from hundred.centre.models import ClientFigures

    def timed(label: str, runs: int = 1) -> None:
        times = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as ctx:
                t = time.perf_counter()
                rows = client_rows(coach, sort="-asked")
                times.append(time.perf_counter() - t)
        print(
            f"{label}: {len(rows)} rows; {len(ctx.captured_queries)} queries; "
            f"median {1000 * statistics.median(times):.0f} ms, slowest {1000 * max(times):.0f} ms"
        )

    # Every client's figures computed (a first view, or every client wrote since the last).
    ClientFigures.objects.all().delete()
    timed("all computed")
    # Figures kept: nobody wrote since (what most views of a busy dashboard are).
    timed("all kept", runs=5)
    # One client wrote since the last view: only that client is recomputed.
    seeker = coach.client_grants.first().seeker_id
    mark_data_changed(seeker)
    timed("one recomputed")


if __name__ == "__main__":
    main()

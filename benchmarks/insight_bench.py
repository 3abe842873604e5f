"""Server time of Insights (/insights/) and Today (/) on an account with 30,000 people and
100,000 interactions. Run on purpose, not in the suite:

    .venv/bin/python benchmarks/insight_bench.py            # SQLite, in a throwaway folder
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/insight_bench.py

It builds a throwaway test database (Django's test-database machinery, so nothing of yours is
touched), fills it with bulk_create, and times each page through the test client. The figures
go into docs/performance.md by hand.

Wall times on a shared machine move with its other work. For a count that does not, build a
SQLite database once and keep it (BENCH_KEEP), then run under callgrind with one and with three
timed requests: half the difference of the two totals is the instructions of one request.

    BENCH_KEEP=/tmp/bench.sqlite3 .venv/bin/python benchmarks/insight_bench.py
    for n in 1 3; do BENCH_KEEP=/tmp/bench.sqlite3 BENCH_RUNS=$n BENCH_URLS=/insights/ \
        PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.$n \
        .venv/bin/python benchmarks/insight_bench.py; done
    grep -h ^summary /tmp/cg.1 /tmp/cg.3
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HUNDRED_HOME", tempfile.mkdtemp(prefix="hundred-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
)
from django.utils import timezone  # noqa: E402

PEOPLE = int(os.environ.get("BENCH_PEOPLE", 30_000))
INTERACTIONS = int(os.environ.get("BENCH_INTERACTIONS", 100_000))
RUNS = int(os.environ.get("BENCH_RUNS", 7))
URLS = os.environ.get("BENCH_URLS", "/insights/ /").split()


def build(user) -> dict[str, int]:
    from hundred.network.models import (
        Company,
        Favour,
        FollowUp,
        HowKnown,
        Interaction,
        Meeting,
        Person,
        Stage,
    )

    rnd = random.Random(6)
    now = timezone.now()
    industries = ["Health", "Finance", "Education", "Non-profit", "Retail", "Software"]
    towns = ["Boston, MA", "Cambridge, MA", "Salem, MA", "Worcester, MA", "Providence, RI"]
    companies = Company.objects.bulk_create(
        Company(
            owner=user,
            name=f"Company {i}",
            industry=rnd.choice(industries),
            location=rnd.choice(towns),
            is_target=i < 40,
            priority=rnd.choice((1, 2, 3)),
        )
        for i in range(600)
    )
    stages = [s for s, _ in Stage.choices]
    kinds = [k for k, _ in HowKnown.choices]
    people = Person.objects.bulk_create(
        (
            Person(
                owner=user,
                first_name=f"First{i}",
                last_name=f"Last{i}",
                company=rnd.choice(companies) if rnd.random() < 0.7 else None,
                location=rnd.choice(towns),
                how_known=rnd.choice(kinds),
                stage=rnd.choice(stages),
            )
            for i in range(PEOPLE)
        ),
        batch_size=2000,
    )
    meetings = Meeting.objects.bulk_create(
        (
            Meeting(
                owner=user,
                person=rnd.choice(people),
                starts_at=now - timedelta(days=rnd.randint(-14, 365), hours=rnd.randint(0, 23)),
                debriefed_at=now if rnd.random() < 0.7 else None,
            )
            for _ in range(PEOPLE // 10)
        ),
        batch_size=2000,
    )
    # A fifth of the people were introduced by someone listed before them, at a meeting.
    introduced = []
    for i, p in enumerate(people[100:], start=100):
        if rnd.random() < 0.2:
            p.introduced_by = people[rnd.randrange(i)]
            p.introduced_at = rnd.choice(meetings)
            introduced.append(p)
    Person.objects.bulk_update(introduced, ["introduced_by", "introduced_at"], batch_size=2000)

    channels = ["email", "email", "phone", "linkedin", "text"]
    interactions = []
    for _ in range(INTERACTIONS):
        kind = rnd.random()
        interactions.append(
            Interaction(
                owner=user,
                channel=rnd.choice(channels),
                direction="in" if kind < 0.3 else "out",
                is_outreach=kind >= 0.6,
                occurred_at=now - timedelta(days=rnd.randint(0, 365), minutes=rnd.randint(0, 1440)),
            )
        )
    interactions = Interaction.objects.bulk_create(interactions, batch_size=5000)
    through = Interaction.people.through
    through.objects.bulk_create(
        (through(interaction_id=it.pk, person_id=rnd.choice(people).pk) for it in interactions),
        batch_size=5000,
    )
    # What the app records when outreach is logged (and a restore recomputes): bulk_create
    # went around it.
    Person.objects.for_user(user).refresh_asked_at()
    today = timezone.localdate()
    FollowUp.objects.bulk_create(
        (
            FollowUp(
                owner=user,
                person=rnd.choice(people),
                due_on=today + timedelta(days=rnd.randint(-60, 30)),
                state=rnd.choice(("open", "done", "done", "skipped")),
                done_at=now - timedelta(days=rnd.randint(0, 90)),
                reason=rnd.choice(("no_reply", "thank_you", "keep_in_touch")),
            )
            for _ in range(PEOPLE * 2 // 3)
        ),
        batch_size=5000,
    )
    Favour.objects.bulk_create(
        (
            Favour(
                owner=user,
                person=rnd.choice(people),
                direction=rnd.choice(("they_asked", "i_offered", "they_did")),
                what="Read a CV",
            )
            for _ in range(1000)
        ),
        batch_size=2000,
    )
    return {
        "people": len(people),
        "companies": len(companies),
        "interactions": len(interactions),
        "meetings": len(meetings),
        "introduced": len(introduced),
    }


def measure(client: Client, url: str) -> tuple[float, float, int]:
    """(median ms, best ms, queries) of GET url, after one warm-up request."""
    client.get(url)
    times = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert r.status_code == 200, (url, r.status_code)
    if os.environ.get("BENCH_PROFILE"):
        slowest = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:6]
        for q in slowest:
            print(f"    {float(q['time']) * 1000:7.1f} ms  {q['sql'][:160]}")
    return statistics.median(times), min(times), len(captured.captured_queries)


def main() -> None:
    setup_test_environment()
    keep = os.environ.get("BENCH_KEEP")
    db = settings.DATABASES["default"]
    if keep:
        if not db["ENGINE"].endswith("sqlite3"):
            sys.exit("BENCH_KEEP keeps a SQLite database; leave DATABASE_URL unset.")
        # A database of its own that outlives the run: built the first time, reused after.
        db["NAME"] = connection.settings_dict["NAME"] = keep
        call_command("migrate", verbosity=0)
        old_name = None
    else:
        if db["ENGINE"].endswith("sqlite3"):
            # A file, as in real use: an in-memory database would flatter the figures.
            db.setdefault("TEST", {})["NAME"] = str(
                Path(os.environ["HUNDRED_HOME"]) / "bench.sqlite3"
            )
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        from hundred.accounts.models import User

        user = User.objects.filter(email="bench@example.org").first()
        if user is None:
            user = User.objects.create_user("bench@example.org", "bench-password")
            started = time.perf_counter()
            made = build(user)
            built = f"built {made} in {time.perf_counter() - started:.1f} s"
            if connection.vendor == "postgresql":
                # Autovacuum analyses tables this size long before a user sees them; without
                # the statistics, the planner guesses one row a table and picks nested loops.
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
        else:
            built = f"reused {keep}"
        client = Client()
        client.force_login(user)
        print(f"backend: {connection.vendor}; {built}")
        if os.environ.get("BENCH_PROFILE"):
            import cProfile
            import pstats

            from hundred.insight.metrics import build_insights

            cProfile.runctx("f(u)", {"f": build_insights, "u": user}, {}, "/tmp/insight.prof")
            pstats.Stats("/tmp/insight.prof").sort_stats("cumulative").print_stats(25)
        for url in URLS:
            median, best, queries = measure(client, url)
            print(f"{url:<11} median {median:7.1f} ms  best {best:7.1f} ms  {queries} queries")
    finally:
        if old_name is not None:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

"""Server time of the possible-duplicates review (/transfer/duplicates/) at 30,000 people.
Run on purpose, not in the suite:

    .venv/bin/python benchmarks/dupes_bench.py            # SQLite, in a throwaway folder
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/dupes_bench.py

Two accounts of BENCH_PEOPLE people each: "synthetic" has insight_bench's names (First123
Last123: one block of 30,000, compared by neighbours, and ~500,000 alike pairs), "linkedin"
has names drawn from short lists, so that many different people share a name and company but
each has a profile URL of their own (issue #14's export). For each it times the first visit
(every pair computed and written), a warm visit (the table read), a visit after one person
was edited and after 300 people were added (their pairs computed again), and a late page.
"""

from __future__ import annotations

import os
import random
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
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

PEOPLE = int(os.environ.get("BENCH_PEOPLE", 30_000))
URL = "/transfer/duplicates/"


CLOCK = time.perf_counter


FIRST = "Daniel Maya Sam Wei Priya Ana John Olga Kofi Grace Hiro Lena Elif Femi José".split()
LAST = "Kim Lee Okafor García Smith Tanaka Weber Ivanov Lin Osei Brandt Yilmaz Núñez".split()


def people(user, kind: str, n: int, start: int = 0) -> None:
    from hundred.network.models import Company, Person

    rnd = random.Random(start + len(kind))
    companies = list(Company.objects.filter(owner=user)) or Company.objects.bulk_create(
        Company(owner=user, name=f"Company {i}") for i in range(600)
    )
    rows = []
    for i in range(start, start + n):
        if kind == "synthetic":
            first, last, url = f"First{i}", f"Last{i}", ""
        else:
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            url = f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{i}"
        rows.append(
            Person(
                owner=user,
                first_name=first,
                last_name=last,
                linkedin_url=url,
                company=rnd.choice(companies[:40]) if rnd.random() < 0.7 else None,
            )
        )
    Person.objects.bulk_create(rows, batch_size=2000)


def visit(client: Client, url: str = URL) -> str:
    with CaptureQueriesContext(connection) as q:
        started = CLOCK()
        r = client.get(url)
        ms = (CLOCK() - started) * 1000
    assert r.status_code == 200, r.status_code
    if os.environ.get("BENCH_QUERIES"):
        for x in sorted(q.captured_queries, key=lambda x: -float(x["time"]))[:4]:
            print(f"    {float(x['time']) * 1000:7.1f} ms  {x['sql'][:150]}")
    return f"{ms:7.0f} ms {len(q):3d} queries"


def main() -> None:
    from django.utils import timezone

    from hundred.accounts.models import User
    from hundred.network.models import Company, Person
    from hundred.transfer.models import DuplicateCandidate

    setup_test_environment()
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        db.setdefault("TEST", {})["NAME"] = str(Path(os.environ["HUNDRED_HOME"]) / "d.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        print(f"backend: {connection.vendor}, {PEOPLE} people an account")
        for n, kind in enumerate(("synthetic", "linkedin")):
            user = User.objects.create_user(f"{kind}@example.org", "bench-password")
            people(user, kind, PEOPLE)
            # Written a day ago: freezegun would slow every request it times several-fold.
            day_ago = timezone.now() - timedelta(days=1)
            Person.objects.filter(owner=user).update(updated_at=day_ago)
            Company.objects.filter(owner=user).update(updated_at=day_ago)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            client = Client()
            client.force_login(user)
            print(f"{kind:>9}: first visit      {visit(client)}")
            pairs = DuplicateCandidate.objects.filter(owner=user).count()
            times = [visit(client) for _ in range(5)]
            warm = " | ".join(t.split(" ms")[0].strip() for t in times)
            print(f"{kind:>9}: warm visits      {warm} ms; {pairs} pairs kept")
            print(f"{kind:>9}: page 150         {visit(client, URL + '?page=150')}")
            p = Person.objects.filter(owner=user).order_by("id")[PEOPLE // 2]
            p.first_name += "a"
            p.save()
            print(f"{kind:>9}: one person edited {visit(client)}")
            people(user, kind, 300, start=PEOPLE + 1000 * n)
            print(f"{kind:>9}: 300 people added {visit(client)}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

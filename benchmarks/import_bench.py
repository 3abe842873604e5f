"""Import a generated 30,000-row LinkedIn Connections.csv twice and measure it.

Run on purpose, not in the test suite:

    .venv/bin/python benchmarks/import_bench.py
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/import_bench.py

Prints wall time and peak memory (tracemalloc, Python allocations) for: parsing; the first
import into an empty account; the second import of the same file into the same account; and,
as the floor, a plain sqlite3 executemany of the same rows into a bare table.
"""

from __future__ import annotations

import os
import random
import resource
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROWS = 30_000
FIRST = "Amara Bartholomew Chiara Dmitri Elif Femi Grace Hiro Ines José Kwame Lena Maya".split()
LAST = "Okafor Quince Bellini Ivanov Yilmaz Adeyemi Lin Tanaka Weber Núñez Osei Brandt".split()
COMPANIES = ["Northwind Analytics, Inc.", "Contoso Ltd", "Fabrikam", "Tailspin Toys", "=Formula Co"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def connections_csv(n: int = ROWS) -> bytes:
    """A LinkedIn-shaped file with its preamble; about 4 % of rows carry an e-mail address."""
    rng = random.Random(100)
    lines = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email addresses '
        'are missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"{first.lower()}.{i}@example.net" if rng.random() < 0.04 else ""
        company = rng.choice(COMPANIES)
        day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2010, 2026)
        lines.append(
            f"{first},{last} {i},https://www.linkedin.com/in/{first.lower()}-{i},{email},"
            f'"{company}",Engineer {i % 50},{day:02d} {month} {year}'
        )
    return "\n".join(lines).encode()


def measure(label: str, fn, *, memory: bool = False):
    """Wall time of fn(); with memory=True the peak of Python allocations instead.

    tracemalloc slows Python two- to three-fold, so times and memory come from separate runs.
    """
    if memory:
        tracemalloc.start()
    start = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - start
    if memory:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{label:<36} peak {peak / 2**20:7.1f} MiB (traced)")
    else:
        print(f"{label:<36} {seconds:7.2f} s")
    return out


def main() -> None:
    os.environ.setdefault("HUNDRED_HOME", tempfile.mkdtemp(prefix="hundred-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from hundred.accounts.models import User
    from hundred.network.models import Person
    from hundred.transfer.formats.dispatch import parse
    from hundred.transfer.loader import do_import

    call_command("migrate", verbosity=0)
    email = f"bench-{time.time_ns()}@example.org"
    user = User.objects.create_user(email, "x")
    data = connections_csv()
    print(f"{connection.vendor}, {ROWS} rows, {len(data) / 2**20:.1f} MiB file")

    result = measure("parse", lambda: parse("linkedin", data))
    first = measure(
        "parse + first import (empty)", lambda: do_import(user, parse("linkedin", data))
    )
    print(f"  created {first.created}, updated {first.updated}, skipped {first.skipped}")
    again = measure(
        "parse + second import (same)", lambda: do_import(user, parse("linkedin", data))
    )
    print(f"  created {again.created}, updated {again.updated}, unchanged {again.unchanged}")
    assert Person.objects.for_user(user).count() == first.created

    rows = [
        (p.first_name, p.last_name, p.linkedin_url, ",".join(p.emails), p.company, p.title)
        for p in result.people
    ]

    def floor():
        db = sqlite3.connect(Path(os.environ["HUNDRED_HOME"]) / "floor.sqlite3")
        db.execute(
            "create table if not exists person (id integer primary key, first_name text, "
            "last_name text, linkedin_url text, emails text, company text, title text)"
        )
        with db:
            db.executemany(
                "insert into person (first_name, last_name, linkedin_url, emails, company, title)"
                " values (?, ?, ?, ?, ?, ?)",
                rows,
            )
        db.close()

    measure("floor: sqlite3 executemany", floor)
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{'process peak RSS so far':<36} {maxrss / 1024:7.1f} MiB (whole process, untraced)")

    other = User.objects.create_user("mem-" + email, "x")
    measure(
        "memory: parse + first import",
        lambda: do_import(other, parse("linkedin", data)),
        memory=True,
    )
    measure(
        "memory: parse + second import",
        lambda: do_import(other, parse("linkedin", data)),
        memory=True,
    )
    User.objects.filter(pk=other.pk).delete()
    User.objects.filter(pk=user.pk).delete()


if __name__ == "__main__":
    main()

"""Import a generated 30,000-row LinkedIn Connections.csv and measure it.

Run on purpose, not in the test suite:

    .venv/bin/python benchmarks/import_bench.py
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/import_bench.py

The file has realistic name collisions: a few hundred first names, last names and companies
shared by 30,000 people, each with their own profile (and every one must become a person).
Prints wall time for: parsing; the preview (parse, match, plan, stored plan) of 30,000 rows;
the first import into an empty account; the same file again (changes nothing); the preview of
a 50,000-row file; and, as the floor, a plain sqlite3 executemany of the same rows into a bare
table, with each figure's ratio to it. Then memory, each step in a fresh process: the peak of
Python allocations (tracemalloc) and the process's peak resident size above the moment the
step began (Django itself is already loaded by then).
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROWS = 30_000
BIG = 50_000
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def connections_csv(n: int = ROWS) -> bytes:
    """A LinkedIn-shaped file with its preamble; about 4 % of rows carry an e-mail address.

    200 first names × 300 last names × 400 companies (and no company for one row in ten): in
    30,000 rows about 2,000 (first, last, company) triples are shared by two or more people.
    """
    rng = random.Random(100)
    firsts = [f"First{i}" for i in range(199)] + ["José"]
    lasts = [f"Last{i}" for i in range(299)] + ["Núñez"]
    companies = [f"Company {i}, Inc." for i in range(398)] + ["=Formula Co", "Self-employed"]
    lines = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email addresses '
        'are missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    for i in range(n):
        # Skewed, as names are: a few are very common.
        first = firsts[int(rng.paretovariate(1.2)) % len(firsts)]
        last = lasts[int(rng.paretovariate(1.2)) % len(lasts)]
        company = "" if rng.random() < 0.1 else companies[int(rng.paretovariate(1.0)) % 400]
        email = f"{first.lower()}.{i}@example.net" if rng.random() < 0.04 else ""
        day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2010, 2026)
        lines.append(
            f"{first},{last},https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{i},"
            f'{email},"{company}",Engineer {i % 50},{day:02d} {month} {year}'
        )
    return "\n".join(lines).encode()


def setup(*, migrate: bool = True):
    os.environ.setdefault("HUNDRED_HOME", tempfile.mkdtemp(prefix="hundred-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command

    if migrate:
        call_command("migrate", verbosity=0)


def new_user():
    from hundred.accounts.models import User

    # No password: hashing one with Argon2 takes ~100 MB, which would hide the import's peak.
    return User.objects.create(email=f"bench-{time.time_ns()}@example.org", password="!")


def read(data: bytes):
    """parse("linkedin", data) without the 30-second limit on reading one upload: on this
    shared machine, under load, parsing alone has taken longer, and the benchmark stopped with
    "Reading the file took more than the 30 seconds". The product keeps its limit."""
    from dataclasses import replace

    from hundred.transfer.formats.dispatch import DEFAULT_LIMITS, parse

    return parse("linkedin", data, limits=replace(DEFAULT_LIMITS, max_parse_seconds=float("inf")))


def preview(user, data: bytes):
    """What the web preview does: parse, match, plan, and store the plan."""
    from hundred.transfer.planning import make_plan

    plan = make_plan(user, read(data))
    Path(os.environ["HUNDRED_HOME"], "bench.plan").write_bytes(plan.dumps())
    return plan.report


def do_import(user, data: bytes):
    from hundred.transfer.loader import do_import

    return do_import(user, read(data))


def floor(data: bytes) -> None:
    """The same rows inserted by sqlite3 alone into a bare table: the least any import costs."""
    rows = [
        (p.first_name, p.last_name, p.linkedin_url, ",".join(p.emails), p.company, p.title)
        for p in read(data).people
    ]
    path = Path(os.environ["HUNDRED_HOME"]) / f"floor-{time.time_ns()}.sqlite3"
    start = time.perf_counter()
    db = sqlite3.connect(path)
    db.execute(
        "create table person (id integer primary key, first_name text, last_name text, "
        "linkedin_url text, emails text, company text, title text)"
    )
    with db:
        db.executemany(
            "insert into person (first_name, last_name, linkedin_url, emails, company, title)"
            " values (?, ?, ?, ?, ?, ?)",
            rows,
        )
    db.close()
    return time.perf_counter() - start


def timed(fn):
    """(wall seconds, CPU seconds of this process, fn's result). On a machine shared with other
    work the CPU time moves much less than the wall time; on SQLite, where every step runs in
    this process, it is what the wall time would be on an idle machine."""
    start, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - start, time.process_time() - cpu, out


def times() -> None:
    from django.db import connection

    from hundred.network.models import Person

    data, big = connections_csv(ROWS), connections_csv(BIG)
    print(f"{connection.vendor}, {ROWS:,} rows ({len(data) / 2**20:.1f} MiB), load {_load()}")
    base = min(floor(data) for _ in range(3))
    user = new_user()
    figures = []
    figures.append(("parse 30,000 rows", *timed(lambda: len(read(data).people))))
    figures.append(("preview 30,000 rows (empty account)", *timed(lambda: preview(user, data))))
    figures.append(("first import 30,000 rows (empty)", *timed(lambda: do_import(user, data))))
    figures.append(("re-import, nothing changes", *timed(lambda: do_import(user, data))))
    figures.append(("preview 30,000 rows (all known)", *timed(lambda: preview(user, data))))
    figures.append(("preview 50,000 rows (empty)", *timed(lambda: preview(new_user(), big))))
    print(f"{'floor: sqlite3 executemany, 30,000 rows':<42} {base:6.2f} s")
    for label, seconds, cpu, report in figures:
        print(
            f"{label:<42} {seconds:6.2f} s  {seconds / base:5.1f}× floor  (CPU {cpu:5.2f} s)  "
            f"{_counts(report)}"
        )
    assert Person.objects.for_user(user).count() == ROWS
    _forget_users()


def _forget_users() -> None:
    from hundred.accounts.models import User

    User.objects.filter(email__startswith="bench-").delete()


def _counts(report) -> str:
    if hasattr(report, "created"):
        return f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}"
    return ""


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def memory(step: str) -> None:
    """One step in this (fresh) process: its tracemalloc peak and its RSS growth."""
    rows = BIG if step == "preview-50000" else ROWS
    data = connections_csv(rows)
    user = new_user()
    if step == "reimport":
        do_import(user, data)
    fn = {"import": do_import, "reimport": do_import}.get(step, preview)
    before = _status("VmHWM")
    start = time.perf_counter()
    fn(user, data)
    seconds = time.perf_counter() - start
    after = _status("VmHWM")
    tracemalloc.start()  # a second run, traced: tracemalloc slows Python several times over
    fn(new_user() if step != "reimport" else user, data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    _forget_users()
    print(json.dumps({"traced": peak / 2**20, "rss_growth": (after - before) / 1024,
                      "rss_peak": after / 1024, "seconds": seconds}))  # fmt: skip


def _status(field: str) -> int:
    """A figure in kB from /proc/self/status (VmHWM: the peak resident size of this process;
    unlike ru_maxrss it does not carry the parent's peak over a fork)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def main() -> None:
    child = len(sys.argv) > 2 and sys.argv[1] == "--memory"
    setup(migrate=not child)  # a child uses the database its parent migrated
    if child:
        memory(sys.argv[2])
        return
    times()
    for step, label in (
        ("import", "first import 30,000 rows"),
        ("reimport", "re-import 30,000 rows"),
        ("preview-50000", "preview 50,000 rows"),
    ):
        out = subprocess.run(
            [sys.executable, __file__, "--memory", step],
            capture_output=True,
            text=True,
            check=True,
            env=os.environ,
        )
        m = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"memory: {label:<33} process peak {m['rss_peak']:6.1f} MiB (+{m['rss_growth']:.1f} "
            f"MiB during the step, {m['seconds']:.2f} s), traced peak {m['traced']:6.1f} MiB"
        )


if __name__ == "__main__":
    main()

"""CPU time of one request for each page of the load test's mix (issues #15 and #18), per
account size. Run on purpose, not in the suite:

    .venv/bin/python benchmarks/request_cpu_bench.py --keep /tmp/cpu.sqlite3 --save /tmp/new.json
    DATABASE_URL=postgres://…/scratch .venv/bin/python benchmarks/request_cpu_bench.py --keep cpu

It builds (once, when --keep names a database that does not exist yet) the demo account (~150
people), a 600-person account shaped like pages_bench's (with --large, one of 30,000 too), and
a coach of a centre with 40 clients (those accounts and small ones of 30 people). Then, through
Django's test client, it requests each page once to warm up and BENCH_RUNS times more, and
prints the median of this process's CPU time (time.process_time: the app's own work, which the
machine's other load moves far less than wall time), the queries and the size of the HTML.

Old against new in one run: copy this file into a checkout of the old code and run both on the
same kept database, alternately (`--save` there, `--baseline` here; it prints new/old).
`--profile LABEL` prints a cProfile of the pages whose label contains LABEL.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]
os.environ.setdefault("HUNDRED_HOME", tempfile.mkdtemp(prefix="hundred-cpu-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", 15))
PASSWORD = "bench-password-123"
CLIENTS = 40
_PERSON = re.compile(r'href="/people/(\d+)/"')


def _sized(user, people: int, interactions: int, employers: int) -> None:
    import pages_bench

    pages_bench.PEOPLE, pages_bench.INTERACTIONS = people, interactions
    pages_bench.EMPLOYERS = employers
    pages_bench.build(user)


def build(large: bool) -> None:
    from django.contrib.auth.hashers import make_password

    from hundred.accounts.models import Organisation, Role, User
    from hundred.centre.models import CoachGrant
    from hundred.network.demo import build_demo
    from hundred.network.models import Person

    org = Organisation.objects.create(name="Bench centre")
    hashed = make_password(PASSWORD)

    def user(email, **kw):
        return User.objects.create(email=email, password=hashed, organisation=org, **kw)

    small = user("small@example.org")
    build_demo(small)
    medium = user("medium@example.org")
    _sized(medium, 600, 1_500, 150)
    seekers = [small, medium]
    if large:
        big = user("large@example.org")
        _sized(big, 30_000, 100_000, 8_100)
        seekers.append(big)
    for i in range(CLIENTS - len(seekers)):
        s = user(f"client-{i}@example.org")
        Person.objects.bulk_create(
            Person(owner=s, first_name=f"P{j}", last_name=f"Client{i}", stage="listed")
            for j in range(30)
        )
        seekers.append(s)
    coach = user("coach@example.org", role=Role.COACH)
    CoachGrant.objects.bulk_create(
        CoachGrant(seeker=s, coach=coach, with_notes=i % 2 == 0) for i, s in enumerate(seekers)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as `hundred serve` (SQLite) and autovacuum would


def _client() -> Client:
    # Without setup_test_environment: its instrumented template rendering (a signal and a
    # copy of the context for every template) is CPU a served request does not spend.
    # Browsers (and locust) accept gzip: GZipMiddleware's work is counted too.
    return Client(HTTP_HOST="localhost", HTTP_ACCEPT_ENCODING="gzip")


def _log_in(email: str) -> Client:
    from hundred.accounts.models import User

    client = _client()
    client.force_login(User.objects.get(email=email))
    return client


def pages() -> dict[str, tuple[Client, str, dict | None]]:
    """label -> (signed-in client, url, POST data or None)."""
    from hundred.accounts.models import User
    from hundred.network.models import Person

    out = {}
    for size in ("small", "medium", "large"):
        user = User.objects.filter(email=f"{size}@example.org").first()
        if user is None:
            continue
        c = _log_in(user.email)
        ids = list(
            Person.objects.for_user(user).order_by("sort_name", "id").values_list("pk", flat=True)
        )
        pk, other = ids[len(ids) // 3], ids[len(ids) // 3 + 1]
        out[f"{size}: Today"] = (c, "/", None)
        out[f"{size}: People"] = (c, "/people/", None)
        out[f"{size}: People ?q=kim"] = (c, "/people/?q=kim", None)
        out[f"{size}: a person"] = (c, f"/people/{pk}/", None)
        out[f"{size}: Insights (kept)"] = (c, "/insights/", None)
        out[f"{size}: log an interaction"] = (
            c,
            f"/people/{other}/log/",  # not the person timed: their page must stay the same
            {
                "channel": "email",
                "direction": "in",
                "occurred_at": "2026-11-20T10:00",
                "summary": "They wrote back (benchmark).",
            },
        )
    coach = User.objects.get(email="coach@example.org")
    c = _log_in(coach.email)
    out["coach: dashboard"] = (c, "/coach/", None)
    for size in ("small", "medium", "large"):
        seeker = User.objects.filter(email=f"{size}@example.org").first()
        if seeker is None:
            continue
        out[f"coach: {size} client's Today"] = (c, f"/coach/clients/{seeker.pk}/", None)
        out[f"coach: {size} client's people"] = (c, f"/coach/clients/{seeker.pk}/people/", None)
    out["log-in page"] = (_client(), "/accounts/login/", None)
    out["log in (Argon2id)"] = (
        _client(),
        "/accounts/login/",
        {"username": "client-0@example.org", "password": PASSWORD},
    )
    return out


def measure(client: Client, url: str, data: dict | None, profile: bool) -> dict:
    def once():
        if data and "password" in data:
            client.cookies.clear()  # each log-in from a new browser
        return client.post(url, data) if data is not None else client.get(url)

    once()
    if profile:
        import cProfile
        import pstats

        with cProfile.Profile() as prof:
            for _ in range(5):
                once()
        print(url, "(5 requests)")
        if os.environ.get("BENCH_DUMP"):
            prof.dump_stats(os.environ["BENCH_DUMP"])
        stats = pstats.Stats(prof).sort_stats(os.environ.get("BENCH_SORT", "tottime"))
        stats.print_stats(int(os.environ.get("BENCH_LINES", 30)))
    cpu = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            start = time.process_time()
            r = once()
            cpu.append((time.process_time() - start) * 1000)
        assert r.status_code in (200, 302), (url, r.status_code)
    return {
        "cpu": round(statistics.median(cpu), 2),
        "best": round(min(cpu), 2),
        "queries": len(captured.captured_queries),
        "kb": round(len(r.content) / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="build into this database once and reuse it after")
    parser.add_argument("--large", action="store_true", help="build a 30,000-person account")
    parser.add_argument("--only", help="time only the pages whose label contains this")
    parser.add_argument("--profile", help="print a profile of the pages whose label has this")
    parser.add_argument("--save", help="write the results as JSON to this file")
    parser.add_argument("--baseline", help="JSON saved by a run on the old code: print ratios")
    args = parser.parse_args()
    db = settings.DATABASES["default"]
    test = db.setdefault("TEST", {})
    if db["ENGINE"].endswith("sqlite3"):
        test["NAME"] = args.keep or str(Path(os.environ["HUNDRED_HOME"]) / "bench.sqlite3")
        reuse = bool(args.keep and Path(args.keep).exists())
    else:
        test["NAME"] = f"test_{args.keep}" if args.keep else None
        reuse = bool(args.keep) and _pg_exists(test["NAME"])
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=reuse)
    try:
        if not reuse:
            started = time.perf_counter()
            build(args.large)
            print(f"built in {time.perf_counter() - started:.0f} s")
        results = {}
        for label, (client, url, data) in pages().items():
            if args.only and args.only not in label:
                continue
            profile = bool(args.profile and args.profile in label)
            results[label] = measure(client, url, data, profile)
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    report(results, args)


def _pg_exists(name: str) -> bool:
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


def report(results: dict, args) -> None:
    base = json.loads(Path(args.baseline).read_text()) if args.baseline else {}
    print(f"{connection.vendor}; {RUNS} warm requests each; load average {os.getloadavg()}")
    for label, r in results.items():
        line = (
            f"{label:<32} cpu {r['cpu']:7.2f} ms (best {r['best']:7.2f})"
            f"  {r['queries']:3d} queries  {r['kb']:6.1f} KB"
        )
        if label in base:
            old = base[label]
            line += (
                f"   old cpu {old['cpu']:7.2f} ms {old['queries']:3d} q  "
                f"new/old {r['cpu'] / old['cpu']:.2f}"
            )
        print(line)
    if args.save:
        Path(args.save).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()

"""Insights as it computes (the first view after a write), old code against new, on a kept
benchmark database. Run on purpose, not in the suite:

    python benchmarks/insight_ab.py TREE DBNAME time [RUNS]    # CPU and wall, median and best
    python benchmarks/insight_ab.py TREE DBNAME dump:OUT       # the body at AB_AT (a fixed instant)
    python benchmarks/insight_ab.py TREE DBNAME profile        # cProfile of one computing view

TREE is a checkout of the code to time (`git archive <old> | tar -x -C /tmp/old`); this file
puts it first on the path, so one virtualenv serves both. DBNAME is a database that
pages_bench.py kept (`--keep /tmp/b.sqlite3`; on PostgreSQL its test database, e.g.
`test_<name>`, kept the same way: run it once with --keep pointing at a file that does not
exist yet, then create that file). Each timed request follows `mark_data_changed`, so the
page computes rather than serving its kept body. `cpu` is this process's CPU time; on
PostgreSQL `server cpu` is the CPU of the connection's server process over the request, read
from /proc (10 ms ticks: read the mean of several runs; parallel workers not counted).
Run old and new alternately, several rounds: the machine's load moves wall times. Compare
`dump:` outputs of old and new with cmp: the page must be byte for byte the same.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

TREE, DBNAME, MODE = sys.argv[1], sys.argv[2], sys.argv[3]
RUNS = int(sys.argv[4]) if len(sys.argv) > 4 else 7
sys.path.insert(0, TREE)
os.environ.setdefault("HUNDRED_HOME", tempfile.mkdtemp(prefix="insight-ab-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def server_cpu() -> float:
    """ms of CPU the connection's PostgreSQL server process has used (0 on SQLite)."""
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main() -> None:
    setup_test_environment()
    connection.settings_dict["NAME"] = DBNAME
    from hundred.accounts.models import User
    from hundred.insight import views

    assert views.__file__.startswith(TREE), f"timing {views.__file__}, not {TREE}"
    try:  # the body moved from views.py to page.py when pages were kept in the database
        from hundred.insight.page import render_body
    except ImportError:
        render_body = views.render_body
    user = User.objects.get(email="bench@example.org")
    if MODE.startswith("dump:"):
        from freezegun import freeze_time

        with freeze_time(os.environ.get("AB_AT", "2026-11-29 10:00:00")):
            body = render_body(user)
        with open(MODE[5:], "w") as out:
            out.write(body)
        return
    client = Client()
    client.force_login(user)
    client.get("/insights/")
    if MODE == "profile":
        import cProfile
        import pstats

        user.mark_data_changed()
        with cProfile.Profile() as prof, CaptureQueriesContext(connection) as queries:
            client.get("/insights/")
        for q in queries.captured_queries:
            print(f"  {float(q['time']) * 1000:7.1f} ms  {q['sql'][:160]}")
        pstats.Stats(prof).sort_stats(os.environ.get("AB_SORT", "cumulative")).print_stats(40)
        return
    cpu, wall, server = [], [], []
    for _ in range(RUNS):
        user.mark_data_changed()
        before = server_cpu()
        with CaptureQueriesContext(connection) as queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            r = client.get("/insights/")
            cpu.append((time.process_time() - start_cpu) * 1000)
            wall.append((time.perf_counter() - start) * 1000)
        server.append(server_cpu() - before)
        assert r.status_code == 200
    print(
        f"{TREE} {connection.vendor:<10} cpu median {statistics.median(cpu):6.1f} "
        f"best {min(cpu):6.1f}  server cpu mean {statistics.mean(server):5.1f}  "
        f"wall median {statistics.median(wall):6.1f} best {min(wall):6.1f}  "
        f"queries {len(queries.captured_queries)}  load {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()

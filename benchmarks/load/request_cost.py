"""CPU of each request of the load mix, the app's and its PostgreSQL backend's, on the load seed.

    DATABASE_URL=postgres://…/hundred_load .venv/bin/python benchmarks/load/request_cost.py
    … request_cost.py --save /tmp/new.json        # then, on other code, --baseline /tmp/new.json

run.py shows where the two cores go under load (the server's processes, PostgreSQL's, locust's);
this shows which request spends them. For a small account (load-small-0, the demo) and a large
one (load-large-0, 30,000 people) of seed.py's data it makes each request of
locustfile.SignedIn through Django's test client, once to warm up and BENCH_RUNS times more,
and prints the medians of this process's CPU time (the app) and of the CPU time of the
connection's PostgreSQL backend (`pg_backend_pid()`; /proc/PID/schedstat, in nanoseconds, is
readable for another user's process where /proc/PID/stat's ticks are 10 ms). The weighted line
counts each request as often as a locust user makes it: Today 4, a search 3, a person 5 (3, the
page of the log form, the page the post redirects to), Insights 1 (computed: in the mix most
views follow another user's write to the account), the form's post 1, the log-in page and the
log-in 1 each; then nine users in ten on a small account, one on a large.

The database is written to (interactions, sessions), as by the load test: use a copy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE)]
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hundred_load")
os.environ.setdefault("HUNDRED_HOME", tempfile.mkdtemp(prefix="hundred-cost-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")

import django  # noqa: E402

django.setup()

from common import PASSWORD  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", 20))
LARGE_SHARE = 0.1
WORDS = ["ana", "kim", "lee", "first12", "last3", "maya", "okafor", "north", "smith", "wei"]
WEIGHTS = {
    "Today": 4,
    "search": 3,
    "a person": 5,
    "Insights, after a write": 1,
    "log form post": 1,
    "log-in page": 1,
    "log in": 1,
}


def backend_cpu_ns(pid: int) -> int:
    """The PostgreSQL backend's CPU time so far (schedstat's first field: ns on a CPU)."""
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])


def backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _client() -> Client:
    # Browsers (and locust) accept gzip; without setup_test_environment's template signals.
    return Client(HTTP_HOST="localhost", HTTP_ACCEPT_ENCODING="gzip")


def requests(email: str) -> dict:
    """label -> (make the request, untimed work before it or None)."""
    from hundred.accounts.models import User
    from hundred.network.models import Person

    user = User.objects.get(email=email)
    signed_in = _client()
    signed_in.force_login(user)
    ids = list(Person.objects.for_user(user).order_by("id").values_list("pk", flat=True)[:200])
    words, people = iter(WORDS * 10_000), iter(ids * 1_000)
    logged = iter(ids[1::2] * 1_000)
    visitor = _client()

    def log_post():
        return signed_in.post(
            f"/people/{next(logged)}/log/",
            {
                "channel": "email",
                "direction": "in",
                "occurred_at": "2026-11-20T10:00",
                "summary": "They wrote back (load test).",
            },
        )

    def log_in():
        visitor.cookies.clear()  # each log-in from a new browser, as locust's
        return visitor.post("/accounts/login/", {"username": email, "password": PASSWORD})

    return {
        "Today": (lambda: signed_in.get("/"), None),
        "search": (lambda: signed_in.get(f"/people/?q={next(words)}"), None),
        "a person": (lambda: signed_in.get(f"/people/{next(people)}/"), None),
        "Insights, after a write": (lambda: signed_in.get("/insights/"), log_post),
        "Insights, kept": (lambda: signed_in.get("/insights/"), None),
        "log form post": (log_post, None),
        "log-in page": (lambda: visitor.get("/accounts/login/"), None),
        "log in": (log_in, None),
    }


def measure(request, before) -> dict:
    pid = backend_pid()
    app, db = [], []
    for i in range(RUNS + 1):
        if before:
            before()
        app_at, db_at = time.process_time(), backend_cpu_ns(pid)
        r = request()
        took_app, took_db = time.process_time() - app_at, backend_cpu_ns(pid) - db_at
        assert r.status_code in (200, 302), r.status_code
        if i:  # the first warms up
            app.append(took_app * 1000)
            db.append(took_db / 1e6)
    return {"app": statistics.median(app), "db": statistics.median(db)}


def weighted(results: dict) -> dict:
    """The mix's average request: WEIGHTS within an account, LARGE_SHARE of users large."""
    out = {}
    for kind in ("app", "db"):
        per = {
            size: sum(WEIGHTS[k] * results[f"{size}: {k}"][kind] for k in WEIGHTS)
            / sum(WEIGHTS.values())
            for size in ("small", "large")
            if f"{size}: Today" in results
        }
        out[kind] = per
        if len(per) == 2:
            out[kind]["mix"] = (1 - LARGE_SHARE) * per["small"] + LARGE_SHARE * per["large"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="only the requests whose label contains this")
    parser.add_argument("--save", help="write the results as JSON to this file")
    parser.add_argument("--baseline", help="JSON saved by a run of other code: print it beside")
    args = parser.parse_args()
    results = {}
    for size in ("small", "large"):
        for label, (request, before) in requests(f"load-{size}-0@example.org").items():
            if args.only and args.only not in label:
                continue
            results[f"{size}: {label}"] = measure(request, before)
    base = json.loads(Path(args.baseline).read_text()) if args.baseline else {}
    print(f"{RUNS} warm requests each; CPU ms, medians; load average {os.getloadavg()}")
    for label, r in results.items():
        line = f"{label:<32} app {r['app']:6.2f}  db {r['db']:6.2f}  sum {r['app'] + r['db']:6.2f}"
        if label in base:
            old = base[label]
            line += f"   old app {old['app']:6.2f}  db {old['db']:6.2f}"
            line += f"  sum {old['app'] + old['db']:6.2f}"
        print(line)
    if not args.only:
        mix = weighted(results)
        for where in mix["app"]:
            app, db = mix["app"][where], mix["db"][where]
            print(f"weighted, {where:<22} app {app:6.2f}  db {db:6.2f}  sum {app + db:6.2f}")
        results["weighted"] = mix
    if args.save:
        Path(args.save).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()

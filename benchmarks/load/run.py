"""Run the load test: start `hundred serve` on PostgreSQL, seed it, and drive it with locust.

    .venv/bin/python benchmarks/load/run.py --seed                    # once: 20 small, 2 large
    .venv/bin/python benchmarks/load/run.py --workers 4 --users 10,20,40 --time 60 --spike
    .venv/bin/python benchmarks/load/run.py --centre --seed             # seed_centre.py
    .venv/bin/python benchmarks/load/run.py --centre --coaches --users 40,80 --pages

For the log-in spike (--spike) 100 users log in once each, 5 a second (100 log-ins in 20 s), to
accounts with today's hash, then again to accounts whose hash has Django's defaults. Then for
each count in --users it runs the mixed load (locustfile.SignedIn): users start --rate a second
(10), each logging in; --settle seconds (15) after the last has started the statistics are
reset, and the next --time seconds are measured: it prints requests/s against p50/p95/p99,
failures, the CPU seconds the server (all its processes), PostgreSQL (its auxiliary processes
and the backends of the load's database) and locust used in them, and the largest resident
memory of any server process. DATABASE_URL defaults to
postgres://postgres@127.0.0.1:5432/hundred_load; the database must exist (--seed migrates and
fills it). `hundred worker` runs beside the server, as in production (its CPU counts in the
server's; --no-worker leaves it out). With --centre the job seekers are seed_centre.py's
career centre (DATABASE_URL defaults to …/hundred_centre), --coaches adds its coaches to the
mix (locustfile.Coach, one user in five), and --pages prints each page's line under each
run's total.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
LOCUSTFILE = HERE / "locustfile.py"
ROOT = HERE.parents[1]


def environment(args) -> dict[str, str]:
    env = dict(os.environ)
    # This checkout's code, in the server and in each of its worker processes.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    database = "hundred_centre" if args.centre else "hundred_load"
    env.setdefault("DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{database}")
    env.setdefault("HUNDRED_HOME", str(Path(tempfile.gettempdir()) / "hundred-load"))
    env.setdefault("SECRET_KEY", "load-test-only-" + "x" * 40)
    if args.threads:
        env["HUNDRED_THREADS"] = str(args.threads)
    if args.centre:
        env["LOAD_CENTRE"] = "1"
    return env


class Postgres:
    """CPU seconds of this machine's PostgreSQL processes that serve the load: the server's
    auxiliary processes (checkpointer, WAL writer, autovacuum, …) and the backends of the
    load's database, not another database's connections.

    Backends come and go (the app's connections live CONN_MAX_AGE), so each process's CPU is
    sampled while it runs and the sum of what each used since `start` is kept.
    """

    def __init__(self, database: str) -> None:
        self.database = database
        self.at_start: dict[int, float] = {}
        self.latest: dict[int, float] = {}

    def _ours(self, title: str) -> bool:
        words = title.split()
        client = any("(" in w or w == "[local]" for w in words)  # a connection's address
        return not client or self.database in words

    def _read(self) -> dict[int, float]:
        cpu = {}
        for p in psutil.process_iter(["name", "cmdline", "cpu_times"]):
            if p.info["name"] == "postgres" and p.info["cpu_times"]:
                if self._ours(" ".join(p.info["cmdline"] or [])):
                    cpu[p.pid] = p.info["cpu_times"].user + p.info["cpu_times"].system
        return cpu

    def start(self) -> None:
        self.at_start = self._read()
        self.latest = dict(self.at_start)

    def sample(self) -> None:
        self.latest.update(self._read())

    def cpu(self) -> float:
        self.sample()
        return sum(t - self.at_start.get(pid, 0.0) for pid, t in self.latest.items())


class Watch:
    """CPU seconds and the peak resident memory of the server's processes (and the worker's,
    when it runs) while it runs."""

    def __init__(self, pids: list[int], database: str) -> None:
        self.roots = [psutil.Process(pid) for pid in pids]
        self.postgres = Postgres(database)
        self.peak = 0
        self._stop = threading.Event()

    def _processes(self) -> list[psutil.Process]:
        return [p for root in self.roots for p in (root, *root.children(recursive=True))]

    def cpu(self) -> float:
        total = 0.0
        for p in self._processes():
            try:
                t = p.cpu_times()
                total += t.user + t.system
            except psutil.Error:
                pass
        return total

    def _sample(self) -> None:
        while not self._stop.wait(0.5):
            self.postgres.sample()
            for p in self._processes():
                try:
                    self.peak = max(self.peak, p.memory_info().rss)
                except psutil.Error:
                    pass

    def __enter__(self) -> Watch:
        self.peak = 0
        self._stop.clear()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def start_server(args, env) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hundred",
            "serve",
            "--port",
            str(args.port),
            "--workers",
            str(args.workers),
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(360):
        if server.poll() is not None:  # e.g. the port taken: never measure another's server
            sys.exit(f"hundred serve stopped (exit {server.returncode}); is --port free?")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/accounts/login/", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    sys.exit("the server did not answer within three minutes")


def start_worker(env) -> subprocess.Popen:
    """`hundred worker`, the production shape's background process, beside the server."""
    return subprocess.Popen(
        [sys.executable, "-m", "hundred", "worker"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )


def locust(args, env, user_classes, users, rate, seconds, csv_prefix, watch):
    """Run locust headless; return its rows by page and the CPU seconds of locust, the server
    and PostgreSQL.

    The spike is measured whole (it is all start-up). The mix is measured in a steady state:
    users start `rate` a second (each logs in and reads People once, in `on_start`), then
    `--settle` seconds pass so that no start-up work is still queued, and only then are the
    statistics reset (locustfile.py, LOAD_RESET_AFTER) and both CPU clocks read; the run goes
    on `seconds` more. The figures are those `seconds` alone.
    """
    spike = "LoginSpike" in user_classes
    warm = 0.0 if spike else users / rate + args.settle
    run_env = dict(env, LOAD_RESET_AFTER=str(warm))
    process = subprocess.Popen(
        [BIN / "locust", "-f", LOCUSTFILE, *user_classes, "--headless", "--only-summary",
         "--host", f"http://127.0.0.1:{args.port}", "-u", str(users), "-r", str(rate),
         "-t", f"{int(warm + seconds + 0.999)}s", "--csv", csv_prefix, "--loglevel", "WARNING"],
        env=run_env, stdout=subprocess.DEVNULL,
        stderr=open(f"{csv_prefix}.log", "w"),  # noqa: SIM115 - closed with the process
    )  # fmt: skip
    watched = psutil.Process(process.pid)

    def locust_cpu() -> float:
        try:
            t = watched.cpu_times()
            return t.user + t.system
        except psutil.Error:
            return 0.0

    time.sleep(warm)
    server_at, locust_at = watch.cpu(), locust_cpu()
    watch.postgres.start()
    last = locust_at
    while process.poll() is None:  # its CPU can only be read while it runs
        last = locust_cpu() or last
        time.sleep(0.2)
    server_cpu, postgres_cpu = watch.cpu() - server_at, watch.postgres.cpu()
    with open(f"{csv_prefix}_stats.csv", newline="") as f:
        rows = {row["Name"]: row for row in csv.DictReader(f)}
    return rows, last - locust_at, server_cpu, postgres_cpu


def line(label: str, row: dict, seconds: float, cpu: tuple[float, float, float], peak: int):
    server_cpu, postgres_cpu, locust_cpu = cpu
    return (
        f"{label:>16} {float(row['Requests/s']):7.1f} {row['50%']:>6} {row['95%']:>6} "
        f"{row['99%']:>6} {row['Failure Count']:>6} {server_cpu:7.1f} {server_cpu / seconds:5.2f}"
        f" {postgres_cpu:7.1f} {postgres_cpu / seconds:5.2f}"
        f" {locust_cpu:7.1f} {locust_cpu / seconds:5.2f} {peak / 2**20:8.0f}"
        f" {os.getloadavg()[0]:5.1f}"
    )


def page_line(page: str, row: dict) -> str:
    return (
        f"  {page[:38]:<38} {float(row['Requests/s']):6.1f} {row['50%']:>6} {row['95%']:>6}"
        f" {row['99%']:>6} {row['Failure Count']:>6}"
    )


HEADER = (
    f"{'run':>16} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6} {'fails':>6} {'srv cpu':>7} "
    f"{'cores':>5} {'pg cpu':>7} {'cores':>5} {'loc cpu':>7} {'cores':>5} {'peak MB':>8} "
    f"{'load':>5}"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", action="store_true", help="migrate and seed, then stop")
    parser.add_argument("--small", type=int, default=20)
    parser.add_argument("--large", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=0, help="HUNDRED_THREADS (CPU count)")
    parser.add_argument("--users", default="10,20,40", help="user counts for the mixed load")
    parser.add_argument("--time", type=int, default=60, help="seconds at each user count")
    parser.add_argument("--rate", type=float, default=10, help="users started a second (mix)")
    parser.add_argument(
        "--settle", type=float, default=15, help="seconds after the last start before measuring"
    )
    parser.add_argument("--spike", action="store_true", help="run the log-in spike first")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--centre", action="store_true", help="seed_centre.py's career centre")
    parser.add_argument("--coaches", action="store_true", help="coaches in the mix (--centre)")
    parser.add_argument("--pages", action="store_true", help="print each page's line too")
    parser.add_argument(
        "--no-worker", dest="worker", action="store_false", help="no `hundred worker` beside it"
    )
    args = parser.parse_args()
    if args.centre and (args.small, args.large) == (20, 2):
        args.small, args.large = 1980, 20  # seed_centre.py's job seekers: small, then large
    env = environment(args)
    if args.seed and args.centre:
        subprocess.run([sys.executable, HERE / "seed_centre.py"], env=env, check=True)
        return
    if args.seed:
        seed = [sys.executable, HERE / "seed.py", str(args.small), str(args.large)]
        subprocess.run(seed, env=env, check=True)
        return
    env["LOAD_SMALL_ACCOUNTS"], env["LOAD_LARGE_ACCOUNTS"] = str(args.small), str(args.large)
    out = Path(tempfile.mkdtemp(prefix="hundred-locust-"))
    server = start_server(args, env)
    worker = start_worker(env) if args.worker else None
    threads = args.threads or os.cpu_count()
    plus = ", plus hundred worker" if worker else ""
    print(f"hundred serve --workers {args.workers}, {threads} threads each{plus}; CSVs in {out}")
    print(HEADER)
    try:
        pids = [server.pid, *([worker.pid] if worker else [])]
        watch = Watch(pids, env["DATABASE_URL"].rsplit("/", 1)[-1].split("?")[0])
        runs = [(["LoginSpike"], 100, 5, 30, k) for k in ("new", "old")] if args.spike else []
        mix = ["SignedIn", "Coach"] if args.coaches else ["SignedIn"]
        runs += [(mix, int(u), args.rate, args.time, "") for u in args.users.split(",") if u]
        for user_class, users, rate, seconds, kind in runs:
            if kind:
                spike = [sys.executable, HERE / "seed.py", "spike"]
                subprocess.run(spike, env=env, check=True)
                env["LOAD_SPIKE"] = kind
            with watch:
                name = str(out / f"{user_class[0]}{users}{kind}")
                rows, locust_cpu, server_cpu, postgres_cpu = locust(
                    args, env, user_class, users, rate, seconds, name, watch
                )
            if user_class == ["LoginSpike"]:
                label, row = f"spike, {kind} hash", rows["log in"]
            else:
                label, row = f"{users} users", rows["Aggregated"]
            cpu = (server_cpu, postgres_cpu, locust_cpu)
            print(line(label, row, seconds, cpu, watch.peak), flush=True)
            if args.pages and user_class != ["LoginSpike"]:
                for page, row in rows.items():
                    if page != "Aggregated":
                        print(page_line(page, row))
    finally:
        for process in filter(None, (server, worker)):
            os.killpg(process.pid, 15)
            process.wait(timeout=30)


if __name__ == "__main__":
    main()

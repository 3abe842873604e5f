"""Time `do_restore` of a large backup: 30,000 people, 100,000 interactions, 20,000
follow-ups. Run on purpose, not in the suite:

    .venv/bin/python benchmarks/restore_bench.py generate /tmp/big-backup.json   # once
    .venv/bin/python benchmarks/restore_bench.py time /tmp/big-backup.json   # BENCH_RUNS times

`generate` writes the file directly (no database): the fixture backup-v2.json's rows, varied
(names, e-mails, companies out of 8,000, every stage, tags, dates spread over two years).

`time` restores the file into a new, empty account of a throwaway test database (a SQLite file,
as in real use), read_backup included, each run in a transaction rolled back afterwards; it
prints each run's wall and CPU time. Old against new: copy this file into a checkout of the
old code and run `time` there and here in turn, on the same file.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HUNDRED_HOME", tempfile.mkdtemp(prefix="hundred-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", 3))


def generate(path: str) -> None:
    import json
    import random
    from datetime import UTC, datetime, timedelta

    fixture = Path(__file__).resolve().parents[1] / "hundred/transfer/tests/fixtures"
    base = json.loads((fixture / "backup-v2.json").read_text())
    rnd = random.Random(7)
    start = datetime(2024, 11, 1, tzinfo=UTC)

    def moment() -> str:
        at = start + timedelta(minutes=rnd.randint(0, 2 * 365 * 24 * 60))
        return at.isoformat().replace("+00:00", "Z")

    people_n, interactions_n, companies_n = 30_000, 100_000, 8_000
    stages = ["listed"] * 6 + ["asked", "scheduled", "met", "nurturing", "declined", "paused"]
    tags = [f"tag {n}" for n in range(40)]
    company = base["companies"][0]
    companies = [
        {**company, "id": n, "name": f"Employer {n} Ltd", "created_at": moment()}
        for n in range(1, companies_n + 1)
    ]
    person = base["people"][1]
    people = []
    for n in range(1, people_n + 1):
        first, last = rnd.choice(["Ana", "José", "Zoë", "Maya", "Sam"]), f"Lee{n}"
        people.append(
            {
                **person,
                "id": n,
                "first_name": first,
                "last_name": last,
                "emails": [f"{first.lower()}.{last.lower()}@example.net"] if n % 4 else [],
                "phones": ["+1 617 555 0100"] if n % 7 == 0 else [],
                "company_id": rnd.randint(1, companies_n),
                "company": None,
                "stage": rnd.choice(stages),
                "paused_until": None,
                "introduced_by": rnd.randint(1, n - 1) if n % 50 == 0 else None,
                "introduced_at": None,
                "tags": sorted(rnd.sample(tags, n % 3)),
                "notes": f"Met at event {n % 97}." if n % 5 == 0 else "",
                "created_at": moment(),
                "stage_changed_at": moment(),
            }
        )
    interaction = base["interactions"][0]
    interactions = [
        {
            **interaction,
            "id": n,
            "people": [rnd.randint(1, people_n)],
            "occurred_at": moment(),
            "summary": f"Asked for 20 minutes ({n}).",
            "is_outreach": n % 3 == 0,
            "is_override": False,
            "override_reason": "",
            "meeting": None,
            "created_at": moment(),
        }
        for n in range(1, interactions_n + 1)
    ]
    followup = base["followups"][1]
    followups = [
        {**followup, "id": n, "person": rnd.randint(1, people_n), "created_at": moment()}
        for n in range(1, people_n * 2 // 3 + 1)
    ]
    favour = base["favours"][0]
    favours = [
        {**favour, "id": n, "person": rnd.randint(1, people_n), "meeting": None}
        for n in range(1, 1001)
    ]
    backup = {
        **base,
        "tags": sorted(tags),
        "companies": companies,
        "people": people,
        "interactions": interactions,
        "meetings": [],
        "followups": followups,
        "favours": favours,
        "dismissed_pairs": [],
        "calendar_feed": None,
    }
    Path(path).write_text(json.dumps(backup, ensure_ascii=False, indent=2), encoding="utf-8")


def measure(path: str) -> None:
    from hundred.accounts.models import User
    from hundred.transfer.backup import do_restore, read_backup

    data = Path(path).read_bytes()
    for n in range(RUNS):
        with transaction.atomic():
            user = User.objects.create_user(f"restore{n}@example.org", "bench-password")
            wall, cpu = time.perf_counter(), time.process_time()
            counts = do_restore(user, read_backup(data))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            transaction.set_rollback(True)
        print(
            f"run {n + 1}: {wall:.2f} s wall, {cpu:.2f} s CPU ({counts['people']} people, "
            f"load {os.getloadavg()[0]:.1f})",
            flush=True,
        )


def main() -> None:
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "generate":
        generate(path)
        return
    setup_test_environment()
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        db.setdefault("TEST", {})["NAME"] = str(Path(os.environ["HUNDRED_HOME"]) / "bench.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        measure(path)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

"""Seed the load test's accounts into the database DATABASE_URL names (run by run.py).

    DATABASE_URL=postgres://…/hundred_load .venv/bin/python benchmarks/load/seed.py SMALL LARGE

SMALL accounts get the demo network (~150 people); LARGE accounts get insight_bench's 30,000
people and 100,000 interactions. Every account's password is common.PASSWORD. `seed.py spike`
(re)makes the log-in spike's accounts: 100 with today's hash and 100 with one made with
Django's default parameters.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE.parent), str(HERE)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")

import django  # noqa: E402

django.setup()

from common import PASSWORD  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

SPIKE = 100


def main(small: int, large: int) -> None:
    from insight_bench import build

    from hundred.accounts.models import User
    from hundred.network.demo import build_demo

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    for kind, n, fill in (("small", small, build_demo), ("large", large, build)):
        for i in range(n):
            email = f"load-{kind}-{i}@example.org"
            if User.objects.filter(email=email).exists():
                continue
            fill(User.objects.create_user(email, PASSWORD))
    spike_accounts()
    if connection.vendor == "postgresql":
        # As autovacuum leaves a database some time after its inserts: statistics, and the
        # visibility map, without which no count is read from an index alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    took = time.perf_counter() - started
    print(f"seeded {small} small and {large} large accounts in {took:.0f} s")


def spike_accounts() -> None:
    """SPIKE empty accounts with today's hash, and SPIKE whose hash has Django's defaults.

    Called again before each spike: a log-in upgrades an old hash, so each old account serves
    one log-in with Django's parameters (the verify is the costly part; the rehash is cheap).
    """
    from django.contrib.auth.hashers import Argon2PasswordHasher, make_password

    from hundred.accounts.models import User

    hashes = {
        "new": make_password(PASSWORD),
        "old": Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt()),
    }
    for kind, encoded in hashes.items():
        emails = [f"load-spike-{kind}-{i}@example.org" for i in range(SPIKE)]
        have = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
        User.objects.bulk_create(User(email=e, password=encoded) for e in emails if e not in have)
        User.objects.filter(email__in=emails).update(password=encoded)


if __name__ == "__main__":
    if sys.argv[1:] == ["spike"]:
        spike_accounts()
    else:
        main(int(sys.argv[1]), int(sys.argv[2]))

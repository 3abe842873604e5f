"""Import a generated LinkedIn export: 30,000 connections and 200,000 messages, and measure it.

Run on purpose, not in the test suite:

    .venv/bin/python benchmarks/linkedin_history_bench.py
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/linkedin_history_bench.py

Prints wall and CPU time, with the load average (other processes stretch wall time), for:
parsing the zip; planning it, people only and with the messages foreseen as the preview
does (loader.plan_import); storing its plan between the web preview and the confirm (Plan.dumps,
Plan.loads); the first import of the whole zip into an empty account (people, then
messages); a zip of messages.csv alone into that account once more (every message already
there); and the same messages into a second account that holds the 30,000 people but no
messages yet.
"""

from __future__ import annotations

import io
import os
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_bench import ROWS, connections_csv, read  # noqa: E402

MESSAGES = 200_000
OWNER = "https://www.linkedin.com/in/bench-owner"
LINES = [
    "Hi {first}, thanks for connecting!",
    "Would you have 20 minutes for a call next week? I'd value your advice.",
    "Sure, happy to, Tuesday works.\nSpeak then.",
    "Thank you, that was really useful, I'll follow up on the intro.",
    "Saw your post about forecasting, great read.",
]


def messages_csv(n: int = MESSAGES, people: int = ROWS) -> bytes:
    """messages.csv as current exports write it: conversations of 1 to 19 messages, both ways."""
    rng = random.Random(200)
    rows = [
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER"
    ]
    conversation = 0
    while len(rows) <= n:
        conversation += 1
        i = rng.randrange(people)
        them = _profile(i)
        for k in range(min(rng.randint(1, 19), n + 1 - len(rows))):
            out = k % 2 == 0
            sender, sender_url = ("Bench Owner", OWNER) if out else (f"Person {i}", them)
            to, to_url = (f"Person {i}", them) if out else ("Bench Owner", OWNER)
            text = rng.choice(LINES).format(first=_first(i)).replace('"', '""')
            day = 1 + (conversation + k) % 28
            rows.append(
                f"2-{conversation},,{sender},{sender_url},{to},{to_url},"
                f"2025-{1 + conversation % 12:02d}-{day:02d} {k % 24:02d}:{k:02d}:00 UTC,,"
                f'"{text}",INBOX'
            )
    return "\n".join(rows).encode()


_CONNECTIONS: list[tuple[str, str]] = []


def _connection(i: int) -> tuple[str, str]:
    if not _CONNECTIONS:
        # The first name and profile import_bench gave each row, read back from the file it
        # writes (its URLs are its own business: an earlier guess at them matched nobody).
        for line in connections_csv().decode().splitlines()[4:]:
            first, _, url = line.split(",", 3)[:3]
            _CONNECTIONS.append((first.lower(), url))
    return _CONNECTIONS[i]


def _first(i: int) -> str:
    return _connection(i)[0]


def _profile(i: int) -> str:
    return _connection(i)[1]


def measure(label: str, fn):
    """Wall time and CPU time of fn(): on a shared machine the CPU time (SQLite runs in this
    process) says more than the wall time, which other processes stretch."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<40} {wall:7.2f} s wall {cpu:7.2f} s CPU")
    return out


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def main() -> None:
    os.environ.setdefault("HUNDRED_HOME", tempfile.mkdtemp(prefix="hundred-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from hundred.accounts.models import User
    from hundred.network.models import Interaction
    from hundred.transfer.loader import do_import, plan_import
    from hundred.transfer.planning import Plan, make_plan

    call_command("migrate", verbosity=0)
    email = f"bench-{time.time_ns()}@example.org"
    user = User.objects.create_user(email, "x")
    people = connections_csv()
    messages = messages_csv()
    export = zipped({"Connections.csv": people, "messages.csv": messages})
    only_messages = zipped({"messages.csv": messages})
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(
        f"{connection.vendor}, {ROWS} connections, {MESSAGES} messages: messages.csv "
        f"{len(messages) / 2**20:.1f} MiB, zip {len(export) / 2**20:.1f} MiB"
    )

    parsed = measure("parse the zip", lambda: read(export))
    plan = measure("plan (people only)", lambda: make_plan(user, parsed))
    measure("preview: plan and foresee the messages", lambda: plan_import(user, parsed))
    blob = measure("plan dumps (web preview)", plan.dumps)
    measure("plan loads (web confirm)", lambda: Plan.loads(blob))
    print(f"  stored plan {len(blob) / 2**20:.1f} MiB")
    first = measure("parse + import (empty account)", lambda: do_import(user, read(export)))
    h = first.history
    assert h["created"] > MESSAGES // 2, "the generated messages name people the file lacks"
    print(
        f"  people {first.created}, messages added {h['created']}, not in the account "
        f"{h['unmatched_messages']}, follow-ups {h.get('followups', 0)}"
    )
    again = measure("parse + import messages again", lambda: do_import(user, read(only_messages)))
    print(f"  messages added {again.history['created']}, already there {again.history['known']}")

    other = User.objects.create_user("second-" + email, "x")
    do_import(other, read(people))
    second = measure(
        "parse + import messages (30,000 people)",
        lambda: do_import(other, read(only_messages)),
    )
    print(f"  messages added {second.history['created']}")
    assert Interaction.objects.for_user(other).count() == second.history["created"]
    # The accounts stay: the database is a temporary one unless DATABASE_URL says otherwise.


if __name__ == "__main__":
    main()

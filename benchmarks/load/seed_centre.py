"""Seed a career centre for the load test (issue #18) into the database DATABASE_URL names.

    DATABASE_URL=postgres://…/hundred_centre .venv/bin/python benchmarks/load/seed_centre.py

One centre ("Load Centre"), SEEKERS job seekers (2,000) and COACHES coaches (50). Most job
seekers have 200–800 people; the first LARGE (20) have 30,000. Each person has 0–4 logged
interactions (about two on average; 100,000 for each large account, as insight_bench), one in
twenty an open follow-up around today. Each coach holds active grants from 40 job seekers
(half of them with notes), so every job seeker has granted one coach.

Accounts: centre-seeker-N@example.org (N < LARGE are the large ones) and
centre-coach-N@example.org, every password common.PASSWORD (hashed once, shared).

Users, the centre and the grants go in through the ORM (2,000 rows); people, companies,
interactions, their links and follow-ups go straight into the real tables with PostgreSQL's
COPY, their secondary indexes dropped first and rebuilt after (each exactly as the migrations
made it: the definitions are read back from pg_indexes), then VACUUM and ANALYZE. PostgreSQL only.
"""

from __future__ import annotations

import io
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")

import django  # noqa: E402

django.setup()

from common import PASSWORD  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from hundred.lib.text import fold  # noqa: E402

SEEKERS = int(os.environ.get("CENTRE_SEEKERS", 2000))
LARGE = int(os.environ.get("CENTRE_LARGE", 20))
COACHES = int(os.environ.get("CENTRE_COACHES", 50))
PER_COACH = 40
LARGE_PEOPLE = 30_000
LARGE_INTERACTIONS = 100_000
CENTRE = "Load Centre"
TABLES = (
    "network_company",
    "network_person",
    "network_interaction",
    "network_interaction_people",
    "network_followup",
)
FIRST = "Ana Kim Lee Maya Wei Omar Sofia Jonas Priya Lucas Amara Elena Tomás Zoë Hiro Noor".split()
LAST = "Smith Okafor North García Chen Novak Müller Rossi Haddad Silva Kowalski Ito Brown".split()
TITLES = ["Engineer", "Designer", "Manager", "Analyst", "Recruiter", "Director", "Nurse", ""]
STAGES = ["listed"] * 6 + ["asked", "scheduled", "met", "nurturing", "declined"]
CHANNELS = ["email", "linkedin", "phone", "video", "in_person"]


class Ids:
    """Ids handed out here, past the table's highest; the identity is moved on at the end."""

    def __init__(self, cursor, table: str) -> None:
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")
        self.table, self.next = table, cursor.fetchone()[0] + 1

    def take(self) -> int:
        self.next += 1
        return self.next - 1

    def finish(self, cursor) -> None:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{self.table}', 'id'), %s)", [self.next]
        )


def ts(moment: datetime) -> str:
    return moment.isoformat()


class Writer:
    """Tab-separated rows for each table, sent by COPY in chunks (a tab in a value is \\t)."""

    COLUMNS = {
        "network_company": "id created_at updated_at name website industry kind location notes "
        "is_target priority research_status owner_id",
        "network_person": "id created_at updated_at first_name last_name emails phones "
        "linkedin_url title location how_known closeness notes source stage stage_changed_at "
        "company_id owner_id asked_at search_text sort_name",
        "network_interaction": "id created_at updated_at channel direction occurred_at summary "
        "is_outreach owner_id is_override override_reason message_id external_id thread",
        "network_interaction_people": "interaction_id person_id",
        "network_followup": "id created_at updated_at due_on channel reason attempt state note "
        "is_override owner_id person_id override_reason",
    }

    def __init__(self, cursor) -> None:
        self.cursor = cursor
        self.COLUMNS = dict(self.COLUMNS)
        cursor.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_name = 'network_interaction' "
            "AND column_name = 'asks_for_job'"
        )
        self.flag = bool(cursor.fetchone())  # the ask-checker's verdict, once that column exists
        if self.flag:
            self.COLUMNS["network_interaction"] += " asks_for_job"
        self.buffers = {t: io.StringIO() for t in self.COLUMNS}
        self.counts = dict.fromkeys(self.COLUMNS, 0)

    def row(self, table: str, *values) -> None:
        self.buffers[table].write("\t".join(map(str, values)) + "\n")
        self.counts[table] += 1
        if self.counts[table] % 200_000 == 0:
            self.flush(table)

    def flush(self, table: str) -> None:
        data = self.buffers[table].getvalue()
        if data:
            columns = ", ".join(self.COLUMNS[table].split())
            with self.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                copy.write(data)
        self.buffers[table] = io.StringIO()

    def close(self) -> None:
        for table in self.COLUMNS:
            self.flush(table)


def fill_account(w: Writer, ids: dict[str, Ids], owner: int, people: int, interactions: int,
                 rnd: random.Random, now: datetime) -> None:  # fmt: skip
    """One job seeker's companies, people, interactions and follow-ups."""
    n = r"\N"
    stamp = ts(now)
    companies = []
    for i in range(max(5, people // 4)):
        pk = ids["network_company"].take()
        name = f"Company {owner}-{i}"
        companies.append((pk, name))
        w.row("network_company", pk, stamp, stamp, name, "", rnd.choice(["Health", "Software"]),
              "", "Boston, MA", "", "t" if i < 5 else "f", 2, "todo", owner)  # fmt: skip
    persons = []
    for i in range(people):
        pk = ids["network_person"].take()
        first, last = rnd.choice(FIRST), f"{rnd.choice(LAST)}{i}"
        company_id, company = rnd.choice(companies)
        title = rnd.choice(TITLES)
        email = f"{fold(first)}.{fold(last)}@mail{owner}.example" if i % 3 else ""
        emails = f'["{email}"]' if email else "[]"
        stage = rnd.choice(STAGES)
        asked = now - timedelta(days=rnd.randrange(1, 300)) if stage != "listed" else None
        persons.append((pk, asked))
        w.row(
            "network_person",
            pk,
            stamp,
            stamp,
            first,
            last,
            emails,
            "[]",
            "",
            title,
            "Boston, MA",
            rnd.choice(["colleague", "friend", "linkedin", "other"]),
            2,
            "",
            "linkedin",
            stage,
            stamp,
            company_id,
            owner,
            ts(asked) if asked else n,
            fold(" ".join(p for p in (first, last, email, company, title) if p)),
            f"{fold(first)}\\t{fold(last)}",
        )  # fmt: skip (COPY reads \\t as a tab)
        if i % 20 == 0:
            due = (now + timedelta(days=rnd.randrange(-10, 20))).date()
            w.row("network_followup", ids["network_followup"].take(), stamp, stamp, due,
                  "email", "no_reply", 1, "open", "", "f", owner, pk, "")  # fmt: skip
    for k in range(interactions):
        person, asked = persons[k % people] if k < people else rnd.choice(persons)
        first = k < people and asked is not None
        when = asked if first else now - timedelta(minutes=rnd.randrange(1, 525_600))
        pk = ids["network_interaction"].take()
        w.row("network_interaction", pk, stamp, stamp, rnd.choice(CHANNELS),
              "out" if first or rnd.random() < 0.6 else "in", ts(when), "Seeded touch.",
              "t" if first else "f", owner, "f", "", "", "", "",
              *(["f"] if w.flag else []))  # fmt: skip
        w.row("network_interaction_people", pk, person)


def make_users():
    from django.contrib.auth.hashers import make_password

    from hundred.accounts.models import Organisation, User
    from hundred.centre.models import CoachGrant

    org, _ = Organisation.objects.get_or_create(name=CENTRE)
    if User.objects.filter(organisation=org).exists():
        sys.exit(f"{CENTRE} is already seeded in this database; use a fresh one.")
    hashed, now = make_password(PASSWORD), datetime.now(UTC)
    seekers = User.objects.bulk_create(
        User(email=f"centre-seeker-{i}@example.org", password=hashed, organisation=org,
             role="seeker", onboarded_at=now, name=f"Seeker {i}")
        for i in range(SEEKERS)
    )  # fmt: skip
    coaches = User.objects.bulk_create(
        User(email=f"centre-coach-{i}@example.org", password=hashed, organisation=org,
             role="coach", onboarded_at=now, name=f"Coach {i}")
        for i in range(COACHES)
    )  # fmt: skip
    CoachGrant.objects.bulk_create(
        # Seeker i to coach i mod COACHES: the large accounts go to different coaches.
        CoachGrant(seeker=s, coach=coaches[i % COACHES], with_notes=i // COACHES % 2 == 0)
        for i, s in enumerate(seekers[: COACHES * PER_COACH])
    )
    return seekers


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("seed_centre.py needs PostgreSQL (DATABASE_URL=postgres://…).")
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    rnd, now = random.Random(18), datetime.now(UTC)
    with transaction.atomic():
        seekers = make_users()
        with connection.cursor() as django_cursor:
            cursor = django_cursor.cursor  # psycopg's own, for COPY
            cursor.execute(
                "SELECT indexdef, indexname FROM pg_indexes WHERE tablename = ANY(%s) AND "
                "indexname NOT IN (SELECT conname FROM pg_constraint)",
                [list(TABLES)],
            )
            indexes = cursor.fetchall()
            # No foreign-key triggers while loading (the rows are consistent by construction:
            # every id is handed out here); a per-row check took most of the load's time.
            cursor.execute("SET LOCAL session_replication_role = replica")
            for _, name in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            ids = {t: Ids(cursor, t) for t in TABLES if t != "network_interaction_people"}
            w = Writer(cursor)
            for i, seeker in enumerate(seekers):
                large = i < LARGE
                people = LARGE_PEOPLE if large else rnd.randint(200, 800)
                touches = LARGE_INTERACTIONS if large else people * 2
                fill_account(w, ids, seeker.pk, people, touches, rnd, now)
            w.close()
            loaded = time.perf_counter() - started
            print(f"rows written in {loaded:.0f} s", flush=True)
            for definition, _ in indexes:
                cursor.execute(definition)
            for i in ids.values():
                i.finish(cursor)
    indexed = time.perf_counter() - started - loaded
    with connection.cursor() as cursor:
        # VACUUM too, as autovacuum would after the inserts: the visibility map lets the
        # dashboard's counts scan indexes only (its SQL took 2.8 s before, 1.7 s after, once).
        cursor.execute(f"VACUUM (ANALYZE) {', '.join(TABLES)}")
        cursor.execute("ANALYZE")
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cursor.fetchone()[0]
    took = time.perf_counter() - started
    rows = ", ".join(f"{n:,} {t.removeprefix('network_')}" for t, n in w.counts.items())
    print(f"seeded {CENTRE}: {SEEKERS} job seekers ({LARGE} large), {COACHES} coaches; {rows}")
    print(f"indexes rebuilt in {indexed:.0f} s, "
          f"{took:.0f} s in all with ANALYZE; database {size}")  # fmt: skip


if __name__ == "__main__":
    main()

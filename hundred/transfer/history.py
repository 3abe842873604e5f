"""LinkedIn's history written into an account: messages on each person's timeline, and offers.

`apply_history` runs inside the import's transaction (loader.do_import), after the people of
the same export are written, so a message finds the connection it was sent to. The offers (a
starting target, former colleagues) are worked out in offers.py.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from itertools import chain
from typing import Any

from django.db import connection
from django.utils import timezone

from hundred.lib.dates import add_business_days
from hundred.network import rules
from hundred.network.actions.followups import (
    current_attempts,
    do_note_reply,
    do_plan_after_outreach,
    local_date,
    rule_settings,
)
from hundred.network.models import (
    ATTEMPT_REASONS,
    Channel,
    Direction,
    FollowUp,
    FollowUpState,
    Interaction,
    Person,
    Stage,
)
from hundred.transfer.formats.identity import fold, normalise_linkedin_url
from hundred.transfer.formats.linkedin_history import History, MessageRecord, Participant
from hundred.transfer.offers import colleague_offers, target_offer
from hundred.transfer.planning import Plan, preview_history

EXAMPLES = 5
SQLITE_CACHE_KIB = 64 * 1024
# Rows of one INSERT of the messages on SQLite (each binds up to 7 values; SQLite 3.32 and
# later bind up to 32,766 a statement).
SQLITE_ROWS_A_STATEMENT = 4000


# A profile URL as imports store it: normalising it again gives itself, so it is not redone.
_CANONICAL = re.compile(r"https://www\.linkedin\.com/in/[a-z0-9\-_.~%]+")


_MEMBER_ID = "https://www.linkedin.com/in/acoa"
OUT = str(Direction.OUT)  # a plain str: the enum member's comparison runs in Python


def _as_updated(
    people: Iterable[tuple[int, str, str, str]], updates: dict[int, dict[str, Any]]
) -> Iterator[tuple[int, str, str, str]]:
    for id, first, last, url in people:
        if (fields := updates.get(id)) is not None:
            first = fields.get("first_name", first)
            last = fields.get("last_name", last)
            url = fields.get("linkedin_url", url)
        yield id, first, last, url


def _new_people(plan: Plan) -> Iterator[tuple[int, str, str, str]]:
    for i, p in enumerate(plan.new):
        yield -(i + 1), p.first_name, p.last_name, p.linkedin_url


class People:
    """The owner's people by normalised profile, and by folded name where that is unique."""

    def __init__(self, owner, plan: Plan | None = None) -> None:
        """With a `plan` not written yet (a preview), its people as it will write them: the
        fields it changes of existing people, its new people (ids -1, -2, …) after them."""
        self.by_url: dict[str, int] = {}
        names: Counter[str] = Counter()
        names_no_url: Counter[str] = Counter()
        first_id: dict[str, int] = {}
        rows = Person.objects.for_user(owner).order_by("id")
        people: Iterable[tuple[int, str, str, str]] = rows.values_list(
            "id", "first_name", "last_name", "linkedin_url"
        ).iterator(chunk_size=5000)
        if plan is not None:
            people = chain(_as_updated(people, plan.updates), _new_people(plan))
        for id, first, last, url in people:
            key = url if _CANONICAL.fullmatch(url) else normalise_linkedin_url(url)
            if key:
                self.by_url.setdefault(key, id)
            name = fold(f"{first} {last}")
            if name:
                names[name] += 1
                first_id.setdefault(name, id)
                if not key:
                    names_no_url[name] += 1
        self.by_name = {n: first_id[n] for n, c in names.items() if c == 1}
        # A profile the account does not have may still be someone entered without one.
        self.by_name_no_url = {
            n: first_id[n] for n, c in names_no_url.items() if c == 1 and names[n] == 1
        }

    def find(self, p: Participant) -> int | None:
        if p.url and (id := self.by_url.get(p.url)) is not None:
            return id
        name = fold(p.name)
        if not name:
            return None
        # A member id (/in/ACoAA…) in place of the public profile says nothing against a
        # person whose profile is the public one: the name decides, if only one has it.
        by_id = p.url.startswith(_MEMBER_ID)
        return (self.by_name_no_url if p.url and not by_id else self.by_name).get(name)


def apply_history(owner, history: History) -> dict[str, Any]:
    """Write the messages, plan what a recent unanswered ask needs, and work out the offers.

    Returns what happened, for the import's report. Runs in the caller's transaction.
    """
    summary = preview_history(history)
    if history.messages:
        summary.update(_write_messages(owner, history.messages))
    summary["target_offer"] = target_offer(owner, history)
    summary["colleagues"] = colleague_offers(owner, history)
    return summary


def describe(summary: dict[str, Any], *, is_dry_run: bool = False) -> list[str]:
    """What apply_history did (or, in a dry run, will do), a line each, for the command line."""
    if not summary.get("files"):
        return []
    n = {
        key: summary.get(key, 0)
        for key in (
            "created", "known", "unmatched_messages", "unmatched_people", "from_linkedin",
            "followups",
        )
    }  # fmt: skip
    lines = [
        f"LinkedIn messages: {n['created']} {'to add' if is_dry_run else 'added'} to timelines, "
        f"{n['known']} already imported, {n['unmatched_messages']} with "
        f"{n['unmatched_people']} {_plural(n['unmatched_people'], 'person', 'people')} "
        f"not in the account left out, {n['from_linkedin']} from LinkedIn, sponsored or spam "
        f"left out; {n['followups']} {_plural(n['followups'], 'follow-up', 'follow-ups')} "
        f"{'to plan' if is_dry_run else 'planned'}."
    ]
    if summary.get("owner"):
        lines.append(f"  messages sent by {summary['owner']} were taken as yours")
    if summary.get("target_offer") or summary.get("colleagues"):
        lines.append(
            f"  offered, not applied: a starting target and {len(summary.get('colleagues', []))}"
            " possible former colleagues; accept them on the import's page"
        )
    return lines


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def known_ids(owner) -> set[str]:
    return set(
        Interaction.objects.for_user(owner)
        .exclude(external_id="")
        .values_list("external_id", flat=True)
        .iterator(chunk_size=10000)
    )


def _write_messages(owner, messages: list[MessageRecord]) -> dict[str, Any]:
    matching = Matching(People(owner), known_ids(owner))
    timelines = Timelines()
    rows = _insert(owner, matching.rows(messages), timelines.add)
    planned, replies = _after_messages(owner, timelines)
    return tally(messages, len(rows), matching, timelines, planned, replies)


def tally(
    messages: list[MessageRecord],
    created: int,
    matching: Matching,
    timelines: Timelines,
    planned: int,
    replies: int,
) -> dict[str, Any]:
    return {
        "created": created,
        "known": matching.already,
        "unmatched_messages": len(messages) - created - matching.already,
        "unmatched_people": len(matching.unmatched),
        "unmatched_examples": matching.examples(),
        "threads": len(timelines.threads),
        "followups": planned,
        "replies": replies,
    }


class Matching:
    """The messages new to the account, each with the people it was with, and a tally of
    those left out: already imported, or with nobody the account holds."""

    def __init__(self, people: People, known: set[str]) -> None:
        self.people = people
        self.known = known
        self.already = 0
        self.unmatched: Counter[str] = Counter()
        self._first_seen: dict[str, int] = {}  # where in the file each was first left out

    def rows(self, messages: list[MessageRecord]) -> Iterator[tuple[MessageRecord, list[int]]]:
        """The new messages in the order of the unique index on (owner, external_id):
        inserting 200,000 random hashes into it in file order costs SQLite several times
        more. A generator, so that PostgreSQL's COPY takes each row as it is matched."""
        people, known = self.people, self.known
        # Who each participant is, looked up once: the parser shares one object per sender
        # and per list of recipients, so 200,000 messages name a few thousand of them (keyed
        # by identity; `messages` keeps them alive).
        found_for: dict[int, int | None] = {}
        fresh = [(at, m) for at, m in enumerate(messages) if m.external_id not in known]
        self.already += len(messages) - len(fresh)
        fresh.sort(key=lambda e: e[1].external_id)
        for at, m in fresh:
            if m.external_id in known:  # twice in the file
                self.already += 1
                continue
            counterparts = m.counterparts
            if len(counterparts) == 1:  # most messages: one person on the other side
                p = counterparts[0]
                found = found_for.get(id(p), found_for)
                if found is found_for:
                    found = found_for[id(p)] = people.find(p)
                ids = [] if found is None else [found]
            else:
                ids = list(
                    dict.fromkeys(i for p in counterparts if (i := people.find(p)) is not None)
                )
            if not ids:
                self._left_out(at, m)
                continue
            known.add(m.external_id)
            yield m, ids

    def _left_out(self, at: int, m: MessageRecord) -> None:
        for p in m.counterparts or [Participant("(nobody named)")]:
            name = p.name or p.url
            self.unmatched[name] += 1
            self._first_seen[name] = min(at, self._first_seen.get(name, at))

    def examples(self) -> list[str]:
        """The people most often left out, the first in the file first among equals."""
        order = sorted(self.unmatched, key=lambda n: (-self.unmatched[n], self._first_seen[n]))
        return order[:EXAMPLES]


def _insert(
    owner,
    matched: Iterable[tuple[MessageRecord, list[int]]],
    seen: Callable[[MessageRecord, list[int]], None],
) -> list[tuple[MessageRecord, list[int]]]:
    """Insert the messages and their people, show each message to `seen` on the way, and
    return them.

    bulk_create prepares each value through the field, which at 200,000 messages is most of
    the time. PostgreSQL takes both tables by COPY; SQLite by two executemany, the values
    that are the same for every message written into the statement, not bound 200,000 times.
    On PostgreSQL the matching and `seen` run while the server takes the rows sent before:
    their work costs no wall time there."""
    rows: list[tuple[MessageRecord, list[int]]] = []
    stamp = connection.ops.adapt_datetimefield_value(timezone.now())
    moment = _moment_adapter()
    table = Interaction._meta.db_table
    through = Interaction.people.through._meta.db_table
    varying = ("direction", "occurred_at", "summary", "is_outreach", "thread", "external_id")
    same = {
        "owner_id": owner.pk, "created_at": stamp, "updated_at": stamp,
        "channel": str(Channel.LINKEDIN), "is_override": False, "override_reason": "",
        "asks_for_job": False,  # the ask-checker judged nothing: an imported message
        "message_id": "",  # a mail's Message-ID: none for a LinkedIn message
    }  # fmt: skip
    with connection.cursor() as cursor, _big_cache(cursor):
        if connection.vendor == "postgresql":
            constant = tuple(same.values())

            def values():
                for m, people in matched:
                    rows.append((m, people))
                    seen(m, people)
                    yield (*constant, m.direction, moment(m.sent_at), m.text, m.is_ask,
                           m.conversation_id[:200], m.external_id)  # fmt: skip

            _copy(cursor, Interaction, (*same, *varying), values())
            if not rows:
                return rows
            # Ids come in insertion order (the people import relies on the same); the shared
            # created_at marks this batch.
            cursor.execute(
                f"SELECT id FROM {table} "  # noqa: S608
                "WHERE owner_id = %s AND created_at = %s AND external_id <> '' ORDER BY id",
                [owner.pk, stamp],
            )
            ids = [id for (id,) in cursor.fetchall()]
            if len(ids) != len(rows):  # pragma: no cover - two imports in the same microsecond
                raise RuntimeError("could not read back the ids of the messages just imported")
            links = ((id, pid) for id, (_, people) in zip(ids, rows, strict=True) for pid in people)
            _copy(cursor, Interaction.people.through, ("interaction_id", "person_id"), links)
            return rows
        rows = list(matched)
        if not rows:
            return rows
        # SQLite: the import holds the write lock (BEGIN IMMEDIATE), so the ids are ours to
        # give, after both the largest id and the AUTOINCREMENT sequence (an id once used,
        # even deleted since, is never given again); SQLite moves the sequence past them.
        first = _next_sqlite_id(cursor, table)
        _insert_rows(
            f"INSERT INTO {table} (id, {', '.join((*same, *varying))}) VALUES ",  # noqa: S608
            f"(?, {', '.join(_literal(v) for v in same.values())}, "
            f"{', '.join(['?'] * len(varying))})",
            [
                (id, m.direction, moment(m.sent_at), m.text, m.is_ask,
                 m.conversation_id[:200], m.external_id)
                for id, (m, _) in enumerate(rows, first)
            ],
        )  # fmt: skip
        _insert_rows(
            f"INSERT INTO {through} (interaction_id, person_id) VALUES ",  # noqa: S608
            "(?, ?)",
            [(id, pid) for id, (_, people) in enumerate(rows, first) for pid in people],
        )
    for m, people in rows:
        seen(m, people)
    return rows


def _insert_rows(head: str, row: str, values: list[tuple]) -> None:
    """SQLite: `head` then as many `row`s (with sqlite3's `?` placeholders) a statement as it
    binds values, up to SQLITE_ROWS_A_STATEMENT. One statement a row, as executemany runs,
    costs SQLite the statement's setup and the AUTOINCREMENT sequence's update each time.
    The statements go to sqlite3's own connection (the same one, in the same transaction):
    Django's cursor rewrites every `%s` of a statement with a regular expression, which for
    statements of 4,000 rows cost more than binding them."""
    if not values:
        return
    raw = connection.connection
    width = len(values[0])
    per = max(
        1, min(SQLITE_ROWS_A_STATEMENT, raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width)
    )
    for start in range(0, len(values), per):
        chunk = values[start : start + per]
        raw.execute(head + ", ".join([row] * len(chunk)), list(chain.from_iterable(chunk)))


def _next_sqlite_id(cursor, table: str) -> int:
    """The id SQLite's AUTOINCREMENT would give the next row of `table`."""
    cursor.execute(f"SELECT max(id) FROM {table}")  # noqa: S608
    (top,) = cursor.fetchone()
    cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
    seq = cursor.fetchone()
    return max(top or 0, seq[0] if seq else 0) + 1


def _copy(cursor, model, columns, rows) -> None:
    """COPY … FROM STDIN in binary with psycopg's own cursor, under Django's wrapper.

    Binary, not text: psycopg writes a row of bytes as they are where text would escape every
    string and write every timestamp out (at 200,000 messages 0.1 s of CPU instead of 1.0 s),
    and the server copies them in without parsing the text back. Binary needs each column's
    exact type, which the model's fields give."""
    fields = {f.column: f for f in model._meta.concrete_fields}
    types = [fields[c].db_type(connection).split("(")[0] for c in columns]
    sql = f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN (FORMAT BINARY)"
    with cursor.cursor.copy(sql) as copy:
        copy.set_types(types)
        for row in rows:
            copy.write_row(row)


def _literal(value) -> str:
    """A value of ours (an id, a timestamp, a constant) written into SQLite's statement."""
    if isinstance(value, bool | int):
        return str(int(value))
    return "'" + str(value).replace("'", "''") + "'"


@contextmanager
def _big_cache(cursor):
    """SQLite's page cache raised for one big write: nine indexes take 200,000 rows each, and
    in the default 2 MB their pages are read again and again."""
    if connection.vendor != "sqlite":
        yield
        return
    cursor.execute("PRAGMA cache_size")
    (before,) = cursor.fetchone()
    cursor.execute(f"PRAGMA cache_size = {-SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        cursor.execute(f"PRAGMA cache_size = {int(before)}")


def _moment_adapter():
    """How an aware UTC datetime goes to the database: SQLite stores the naive UTC text, which
    str() writes ten times faster than Django's general adapter; others take it as it is."""
    if connection.vendor == "sqlite" and connection.timezone_name == "UTC":
        # isoformat(" ") of a UTC moment is the naive text and "+00:00": one call, not two.
        return lambda when: (
            when.isoformat(" ")[:-6]
            if when.tzinfo is UTC
            else str(when.astimezone(UTC).replace(tzinfo=None))
        )
    return connection.ops.adapt_datetimefield_value


class Timelines:
    """One pass over the messages written for what follows them: each person's first ask,
    last ask and last reply, and the conversations."""

    def __init__(self) -> None:
        self.first: dict[int, datetime] = {}
        self.last_ask: dict[int, MessageRecord] = {}
        self.last_in: dict[int, MessageRecord] = {}
        self.threads: set[str] = set()

    def add(self, m: MessageRecord, ids: list[int]) -> None:
        self.threads.add(m.conversation_id)
        when = m.sent_at
        if m.is_ask:  # only a message the owner sent is an ask
            first = self.first
            for pid in ids:
                if (was := first.get(pid)) is None or when < was:
                    first[pid] = when
        if m.direction == OUT:
            if not m.is_ask:
                return
            latest = self.last_ask
        else:
            latest = self.last_in
        for pid in ids:
            if (was := latest.get(pid)) is None or was.sent_at < when:
                latest[pid] = m


def _after_messages(owner, timelines: Timelines) -> tuple[int, int]:
    """First asked from the asks; a follow-up for a recent unanswered ask; a recent reply
    closes the attempts still planned. Old messages plan nothing. Returns the follow-ups
    planned and the attempts a reply closed."""
    if not timelines.threads:
        return 0, 0
    _first_asked(owner, timelines.first)
    s = rule_settings(owner)
    recent = recent_asks(owner, timelines.last_ask, s)
    planned = sum(_plan_if_recent(owner, pid, m, s) for pid, m in recent.items())
    replies = _note_replies(owner, timelines.last_in)
    return planned, replies


def recent_asks(
    owner, last_ask: dict[int, MessageRecord], s: rules.RuleSettings
) -> dict[int, MessageRecord]:
    """Each person's last ask whose follow-up would fall due today or later."""
    wait = max(s.no_reply_business_days, s.min_spacing_business_days)
    today = owner.local_today()
    # add_business_days grows with the day it starts from, so the asks whose follow-up falls
    # due today or later are those from `since` on; a day of margin either side of UTC
    # rules out the rest without working out each one's local date.
    since = today
    while add_business_days(since - timedelta(days=1), wait, s.holidays) >= today:
        since -= timedelta(days=1)
    rough = datetime.combine(since - timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    return {
        pid: m
        for pid, m in last_ask.items()
        if m.sent_at >= rough
        and add_business_days(local_date(owner, m.sent_at), wait, s.holidays) >= today
    }


def _first_asked(owner, first: dict[int, datetime]) -> None:
    """Lower each person's first asked to their earliest new ask (`first`): adding
    interactions can only make it earlier (refresh_asked_at would re-read every outreach of
    the account)."""
    if not first:
        return
    now_at = dict(
        Person.objects.for_user(owner)
        .filter(asked_at__isnull=False)
        .values_list("id", "asked_at")
        .iterator(chunk_size=5000)
    )
    moment = _moment_adapter()
    changed = [
        (moment(when), pid)
        for pid, when in first.items()
        if pid not in now_at or when < now_at[pid]
    ]
    table = Person._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and changed:
            # One statement for them all: 10,000 UPDATEs (one a person asked, at 200,000
            # messages) cost the server more in statements than in rows.
            whens, ids = zip(*changed, strict=True)
            cursor.execute(
                f"UPDATE {table} SET asked_at = new.asked_at "  # noqa: S608
                "FROM unnest(%s::timestamptz[], %s::bigint[]) AS new (asked_at, id) "
                f"WHERE {table}.id = new.id",
                [list(whens), list(ids)],
            )
            return
        cursor.executemany(
            f"UPDATE {table} SET asked_at = %s WHERE id = %s",  # noqa: S608
            changed,
        )


def _plan_if_recent(owner, person_id: int, ask: MessageRecord, s: rules.RuleSettings) -> bool:
    """Plan the follow-up of a recent unanswered ask (its follow-up falls due today or later),
    as the composer does after a send; an older one would be a follow-up in the past."""
    person = Person.objects.for_user(owner).get(pk=person_id)
    newer = Interaction.objects.for_user(owner).filter(people=person, occurred_at__gt=ask.sent_at)
    # A reply since, or a later outreach (already planned for when it was logged): nothing to do.
    if newer.filter(direction=Direction.IN).exists() or newer.filter(is_outreach=True).exists():
        return False
    decision = rules.after_outreach(current_attempts(owner, person), s)
    if isinstance(decision, rules.Pause):
        return False  # the last of the attempts: the composer would pause, not follow up
    do_plan_after_outreach(owner, person)
    if person.stage == Stage.LISTED:
        person.set_stage(Stage.ASKED)
        person.save(update_fields=["stage", "stage_changed_at", "updated_at"])
    return True


def _note_replies(owner, last_in: dict[int, MessageRecord]) -> int:
    """A reply imported now closes the attempts planned after an outreach it answers."""
    waiting = set(
        FollowUp.objects.for_user(owner)
        .filter(state=FollowUpState.OPEN, reason__in=ATTEMPT_REASONS)
        .values_list("person_id", flat=True)
    ) & set(last_in)
    done = 0
    for pid in waiting:
        reply = last_in[pid]
        person = Person.objects.for_user(owner).get(pk=pid)
        last_out = (
            Interaction.objects.for_user(owner)
            .filter(people=person, direction=Direction.OUT, is_outreach=True)
            .order_by("-occurred_at")
            .values_list("occurred_at", flat=True)
            .first()
        )
        if last_out is None or reply.sent_at > last_out:
            done += bool(do_note_reply(owner, person, local_date(owner, reply.sent_at)))
    return done

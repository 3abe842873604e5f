"""The account's people as the Insights page reads them: counts of everyone from the database,
rows only for the people the graph work and the page need, names only for those it shows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import Count, Q, QuerySet, Value

from hundred.network.models import Company, HowKnown, Person, Stage
from hundred.network.prepared import ACCOUNT, Prepared

# The stages of someone who has been asked (the funnel counts them; funnel.py reads this).
ASKED_STAGES = (
    Stage.ASKED,
    Stage.SCHEDULED,
    Stage.MET,
    Stage.NURTURING,
    Stage.DECLINED,
    Stage.PAUSED,
)


@dataclass
class PersonRow:
    id: int
    introduced_by_id: int | None
    company_id: int | None
    stage: str
    name: str
    location: str


class People(Mapping[int, PersonRow]):
    """The people the page works on by id, each PersonRow made on first look-up.

    `raw` holds (id, introduced_by_id, company_id, stage) of the people read: everyone linked
    by an introduction (who introduced someone, or was introduced), everyone at a target
    company, and whoever the page names or may suggest. That is a third of a large account;
    the rest is only counted (`PeopleCounts`). Names and locations are read only for the people
    the page shows or may suggest (`names`).
    """

    def __init__(self, raw: Iterable[tuple] = ()) -> None:
        self.raw: dict[int, tuple] = {values[0]: values for values in raw}
        self.names: dict[int, tuple[str, str, str]] = {}  # id -> (first, last, location)
        self._made: dict[int, PersonRow] = {}

    def __getitem__(self, pid: int) -> PersonRow:
        row = self._made.get(pid)
        if row is None:
            _, by, company_id, stage = self.raw[pid]
            first, last, location = self.names[pid]
            name = " ".join(p for p in (first, last) if p) or "(no name)"
            row = self._made[pid] = PersonRow(pid, by, company_id, stage, name, location)
        return row

    def __contains__(self, pid: object) -> bool:
        return pid in self.raw

    def __iter__(self) -> Iterator[int]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)


@dataclass
class PeopleCounts:
    """Everyone of the account, counted in one pass of the database (`count_people`)."""

    listed: int
    by_stage: dict[str, int]
    by_how_known: dict[str, int]
    asked_elsewhere: int  # sent outreach, at a stage that does not say they were asked
    introduced: int  # introduced by someone


def _people_counts(user) -> QuerySet:
    """count_people's query: the SQL of an aggregate() (a constant is grouped by nothing, so
    it is one row, of zeros for nobody), as a values_list() that network/prepared.py keeps
    compiled: building its twenty filtered counts was ~3 ms of every Insights computed."""
    asked_elsewhere = Q(asked_at__isnull=False) & ~Q(stage__in=ASKED_STAGES)
    counts = {
        "listed": Count("id"),
        "introduced": Count("introduced_by_id"),
        "asked_elsewhere": Count("id", filter=asked_elsewhere),
        **{f"stage_{s}": Count("id", filter=Q(stage=s)) for s in Stage.values},
        **{f"known_{k}": Count("id", filter=Q(how_known=k)) for k in HowKnown.values},
    }
    return (
        Person.objects.for_user(user)
        .order_by()
        .values(one=Value(1))
        .annotate(**counts)
        .values_list(*counts)
    )


_PEOPLE_COUNTS = Prepared(_people_counts, user=ACCOUNT)


def count_people(user) -> PeopleCounts:
    """The people of the account counted by stage and by how known, those sent outreach at a
    stage before "asked", and those introduced by someone: one row of filtered counts.

    The database counts them in one pass over the table: reading a row of everyone into
    Python and counting there took ~45 ms at 30,000 people (the rows ~28, the counting ~17);
    a GROUP BY took as long on SQLite (it sorts the rows, and read them through the
    (owner, stage) index, one table look-up each).
    """
    (row,) = _PEOPLE_COUNTS.rows(user=user)
    stages, known = row[3 : 3 + len(Stage.values)], row[3 + len(Stage.values) :]
    return PeopleCounts(
        listed=row[0],
        by_stage=dict(zip(Stage.values, stages, strict=True)),
        by_how_known=dict(zip(HowKnown.values, known, strict=True)),
        asked_elsewhere=row[2],
        introduced=row[1],
    )


def linked_rows(user) -> list[tuple]:
    """(id, introduced_by_id, company_id, stage) of everyone the graph work and the target
    companies need: whoever was introduced, whoever introduced someone, and whoever works at
    a target company. Nobody else is in a referral chain, a warm path or a target's count.

    Each of the three is found by an index (ids are positive: `> 0` is "is set", which SQLite
    reads from the index where "is not null" made it read the whole table); the whole table is
    read once, by count_people.
    """
    people = Person.objects.for_user(user)
    introducers = people.filter(introduced_by_id__gt=0).values("introduced_by_id")
    targets = Company.objects.for_user(user).filter(is_target=True).values("id")
    return plain_rows(
        people.filter(Q(introduced_by_id__gt=0) | Q(id__in=introducers) | Q(company_id__in=targets))
        .order_by()
        .values_list("id", "introduced_by_id", "company_id", "stage")
    )


def plain_rows(qs) -> list[tuple]:
    """The rows of a values_list() of integer, text and true/false columns, as the database
    cursor gives them: nothing needs converting, and Django's row iterator took ~15 ms over
    30,000 people. (A date or time column would come back unconverted on SQLite; a true/false
    one as 1 or 0.)"""
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def load_names(user, rows: People, ids: set[int], candidates: Q | None) -> list[tuple]:
    """Names and locations of the people the page shows, and of whoever it may suggest: one
    query, none when the page shows nobody. People not read before join `rows`; returns the
    (id, introduced_by_id, company_id, stage) of those."""
    wanted = [Q(id__in=ids)] if ids else []
    if candidates is not None:
        wanted.append(candidates)
    if not wanted:
        return []
    found = plain_rows(
        Person.objects.for_user(user)
        .filter(reduce(or_, wanted))
        .order_by()
        .values_list(
            "id", "introduced_by_id", "company_id", "stage", "first_name", "last_name", "location"
        )
    )
    added = []
    for pid, by, company_id, stage, first, last, location in found:
        rows.names[pid] = (first, last, location)
        if pid not in rows.raw:
            rows.raw[pid] = values = (pid, by, company_id, stage)
            added.append(values)
    return added

"""The account's people as the Insights page reads them: a few columns of everyone, names only
for the few hundred the page shows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import Q

from hundred.network.models import Person


@dataclass
class PersonRow:
    id: int
    introduced_by_id: int | None
    company_id: int | None
    stage: str
    name: str
    location: str


class People(Mapping[int, PersonRow]):
    """Every person of the account by id, each PersonRow made on first look-up.

    `raw` holds the (id, introduced_by_id, company_id, stage, how_known, was_asked) tuples of
    everyone, for the graph work and the counts. Names and locations are read only for the
    people the page shows or may suggest (`names`): the page names a few hundred of 30,000,
    and reading three text columns for everyone took ~15 ms.
    """

    def __init__(self, raw: Iterable[tuple]) -> None:
        self.raw: dict[int, tuple] = {values[0]: values for values in raw}
        self.names: dict[int, tuple[str, str, str]] = {}  # id -> (first, last, location)
        self._made: dict[int, PersonRow] = {}

    def __getitem__(self, pid: int) -> PersonRow:
        row = self._made.get(pid)
        if row is None:
            _, by, company_id, stage, *_ = self.raw[pid]
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


def plain_rows(qs) -> list[tuple]:
    """The rows of a values_list() of integer, text and true/false columns, as the database
    cursor gives them: nothing needs converting, and Django's row iterator took ~15 ms over
    30,000 people. (A date or time column would come back unconverted on SQLite.)"""
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def load_names(user, rows: People, ids: set[int], candidates: Q | None) -> None:
    """Names and locations of the people the page shows, and of whoever it may suggest: one
    query, none when the page shows nobody."""
    wanted = [Q(id__in=ids)] if ids else []
    if candidates is not None:
        wanted.append(candidates)
    if not wanted:
        return
    found = (
        Person.objects.for_user(user)
        .filter(reduce(or_, wanted))
        .order_by()
        .values_list("id", "first_name", "last_name", "location")
    )
    rows.names.update((pid, (first, last, location)) for pid, first, last, location in found)

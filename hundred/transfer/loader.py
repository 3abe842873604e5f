"""Applying an import plan to an account: one transaction, all of it or nothing, with a report."""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from hundred.lib.companies import company_key
from hundred.lib.text import fold
from hundred.network.models import (
    Closeness,
    Company,
    HowKnown,
    Interaction,
    Person,
    Stage,
    Tag,
)
from hundred.network.models.people import STATISTICS_AFTER, refresh_statistics
from hundred.transfer.foresight import foresee_history
from hundred.transfer.formats.collector import collector_paused
from hundred.transfer.formats.lengths import fit
from hundred.transfer.formats.records import ParseResult
from hundred.transfer.history import apply_history
from hundred.transfer.models import ImportRun
from hundred.transfer.planning import (
    ImportReport,
    NewPerson,
    Plan,
    account_fingerprint,
    make_plan,
)


class PlanOutdated(Exception):
    """The account changed between the plan and its application; str(e) says so to the user."""


def do_import(
    owner,
    result: ParseResult,
    *,
    dry_run: bool = False,
    filename: str = "",
    progress: Callable[[str], None] | None = None,
) -> ImportReport:
    """Plan a parsed file against owner's people and apply it; a dry run only plans.

    The command line and the tests come here; the web import stores the plan between its
    preview and its confirm. A plan the account outgrew while it was computed is made again.
    """
    if dry_run:
        return plan_import(owner, result, filename=filename, progress=progress).report
    # The import matches the messages as it writes them: foreseeing them would do it twice.
    plan = make_plan(owner, result, filename=filename, progress=progress)
    if progress:
        progress(f"Writing {plan.report.created + plan.report.updated} people …")
    try:
        return apply_plan(owner, plan)
    except PlanOutdated:
        return apply_plan(owner, make_plan(owner, result, filename=filename))


def plan_import(
    owner,
    result: ParseResult,
    *,
    filename: str = "",
    progress: Callable[[str], None] | None = None,
) -> Plan:
    """make_plan, and what LinkedIn's messages will add and plan once it is written: the
    preview and the import say the same (foresight.foresee_history); writes nothing."""
    plan = make_plan(owner, result, filename=filename, progress=progress)
    if plan.history is not None and plan.history.messages:
        if progress:
            progress(f"Matching {len(plan.history.messages)} messages …")
        plan.report.history = foresee_history(owner, plan.history, plan)
        plan.report.interactions_created += plan.report.history.get("created", 0)
    return plan


def apply_plan(owner, plan: Plan) -> ImportReport:
    """Write a plan in one transaction, or raise PlanOutdated and write nothing."""
    if plan.owner_id != owner.pk:
        raise PlanOutdated("This preview belongs to another account.")
    report = ImportReport.from_dict(plan.report.as_dict())
    report.is_dry_run = False
    with collector_paused(), transaction.atomic():
        # Two confirms of one preview (a double click) take turns here; the second finds the
        # account changed. On SQLite the transaction already holds the write lock.
        list(get_user_model().objects.select_for_update().filter(pk=owner.pk).values_list("pk"))
        if account_fingerprint(owner) != plan.fingerprint:
            raise PlanOutdated(
                "Your people changed since this preview was made (an edit, a merge or another "
                "import), so nothing was imported."
            )
        _write(owner, plan, report)
        if plan.history is not None:  # LinkedIn's messages, profile and positions
            _write_history(owner, plan.history, report)
        run = ImportRun.objects.create(
            owner=owner,
            kind=report.kind,
            filename=report.filename[:255],
            created=report.created,
            updated=report.updated,
            skipped=report.skipped,
        )
        report.run_id = run.pk
        run.report = report.as_dict()
        run.save(update_fields=["report"])
    return report


def _write(owner, plan: Plan, report: ImportReport) -> None:
    companies = _Companies(owner)
    # Companies first: people point at them.
    for person in plan.new:
        person["company_key"] = companies.want(person["company"]) if person["company"] else ""
    for fields in plan.updates.values():
        if fields.get("company"):
            fields["company_key"] = companies.want(fields["company"])
    report.companies_created = companies.flush()
    now = timezone.now()
    ids = _insert_people(owner, plan.new, companies, now)
    _update_people(owner, plan.updates, companies, now)
    # The updates went around Person.save(): fill their search and sort columns (the new
    # people were inserted with theirs). Only the people written here are read again: a
    # re-import that changes nothing used to recompute all 30,000.
    refreshed = 0
    if plan.updates:
        refreshed = Person.objects.for_user(owner).filter(updated_at=now).refresh_search_fields()
    if len(ids) + refreshed >= STATISTICS_AFTER > refreshed:  # else refreshed already did
        refresh_statistics()  # the table has grown: let the query planner know
    _write_tags(owner, plan, ids)
    report.interactions_created = _write_interactions(owner, plan.interactions, ids)
    report.companies_created += _write_companies(plan.companies, companies)


def _write_history(owner, history, report: ImportReport) -> None:
    """LinkedIn's messages onto timelines, matched against the people as they are now (the
    plan's new people included), and the offers worked out (history.py)."""
    report.history = apply_history(owner, history)
    report.interactions_created += report.history.get("created", 0)


def _limit(model, name: str, value: Any) -> Any:
    """CharField values cut to the column's length: a 10,000-character title must not fail."""
    if isinstance(value, str) and (max_length := _max_length(model, name)):
        return value[:max_length]
    return value


@functools.cache
def _max_length(model, name: str) -> int | None:
    return model._meta.get_field(name).max_length


class _Companies:
    """The owner's companies by company_key, loaded once; new ones made in one batch.

    "Northwind Analytics, Inc." finds "Northwind Analytics": the name already on the list is
    kept, and a new company takes the first spelling the file gives (docs/import-export.md).
    """

    def __init__(self, owner) -> None:
        self.owner = owner
        self.ids: dict[str, int] = {}
        self.names: dict[str, str] = {}  # as stored, for the people's search text
        self.notes: dict[int, str] = {}
        for id, name, notes in (
            Company.objects.for_user(owner).order_by("id").values_list("id", "name", "notes")
        ):
            self.ids.setdefault(company_key(name), id)
            self.names.setdefault(company_key(name), name)
            self.notes[id] = notes
        self.pending: dict[str, Company] = {}

    def want(self, name: str) -> str:
        """The key to look the company up by after flush(); queues it when it is new."""
        name = fit("company", name.strip())
        key = company_key(name)
        if key not in self.ids and key not in self.pending:
            self.pending[key] = Company(owner=self.owner, name=name)
        return key

    def flush(self) -> int:
        made = Company.objects.bulk_create(self.pending.values())
        for key, company in zip(self.pending, made, strict=True):
            self.ids[key] = company.pk
            self.names[key] = company.name
            self.notes[company.pk] = company.notes
        self.pending = {}
        return len(made)


def _update_people(
    owner, updates: dict[int, dict[str, Any]], companies: _Companies, now: datetime
) -> None:
    """Write what the file changed of existing people: one bulk update per set of fields."""
    groups: dict[tuple[str, ...], list[Person]] = defaultdict(list)
    for id, fields in updates.items():
        names = tuple(sorted(n for n in fields if n not in ("tags", "company_key")))
        person = Person(pk=id, owner=owner, updated_at=now)
        for name in names:
            if name == "company":
                person.company_id = companies.ids.get(fields["company_key"])
            else:
                setattr(person, name, _limit(Person, name, fields[name]))
        groups[names].append(person)
    for names, objs in groups.items():
        Person.objects.bulk_update(objs, [*names, "updated_at"], batch_size=500)


def _insert_people(owner, people: list[NewPerson], companies: _Companies, now) -> list[int]:
    """Insert new people in one statement and return their ids in order.

    Django's bulk_create spends ~10 s preparing 30,000 rows of 20 fields one value at a time;
    the values here are already clean, so they go to the database as they are: by COPY on
    PostgreSQL (an executemany of 30,000 rows took 2.4–2.9 s there), by one executemany on
    SQLite, where that is already close to sqlite3's own floor.
    """
    if not people:
        return []
    ops = connection.ops
    stamp = ops.adapt_datetimefield_value(now)
    defaults = {
        "how_known": HowKnown.OTHER,
        "closeness": Closeness.FRIENDLY,
        "stage": Stage.LISTED,
    }
    columns = [
        "owner_id", "created_at", "updated_at", "stage_changed_at", "company_id", "source",
        "first_name", "last_name", "emails", "phones", "linkedin_url", "title", "location",
        "how_known", "closeness", "notes", "stage", "connected_on", "search_text", "sort_name",
    ]  # fmt: skip
    folded = _Folded()

    def rows():  # one at a time: 30,000 tuples of 20 values held at once were ~10 MB
        for p in people:
            first, last, title = (
                fit("first_name", p["first_name"]),
                fit("last_name", p["last_name"]),
                fit("title", p["title"]),
            )
            key = p.company_key
            yield (
                owner.pk,
                stamp,
                stamp,
                stamp,
                companies.ids.get(key),
                p["source"],
                first,
                last,
                _json(p["emails"]),
                _json(p["phones"]),
                fit("linkedin_url", p["linkedin_url"]),
                title,
                fit("location", p["location"]),
                p["how_known"] or defaults["how_known"],
                p["closeness"] or defaults["closeness"],
                p["notes"] or "",
                p["stage"] or defaults["stage"],
                ops.adapt_datefield_value(p["connected_on"]),
                # What Person.save() would fill; refresh_search_fields() reading all of them
                # back was most of a re-import.
                folded.search_text(first, last, p["emails"], companies.names.get(key, ""), title),
                folded.sort_name(first, last),
            )

    table = Person._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # psycopg's own cursor, under Django's wrapper; text COPY parses the JSON.
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows():
                    copy.write_row(row)
        else:
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608
                f"VALUES ({', '.join(['%s'] * len(columns))})",
                rows(),
            )
        # Ids come in insertion order; the shared created_at marks this batch.
        cursor.execute(
            f"SELECT id FROM {table} WHERE owner_id = %s AND created_at = %s ORDER BY id",  # noqa: S608
            [owner.pk, stamp],
        )
        ids = [row[0] for row in cursor.fetchall()]
    if len(ids) != len(people):  # pragma: no cover - two imports in the same microsecond
        raise RuntimeError("could not read back the ids of the people just imported")
    return ids


class _Folded(dict[str, str]):
    """fold() of each name, company and title, remembered: they repeat from row to row.

    search_text and sort_name give what Person.search_text_for and Person.sort_name_for give
    (test_loader compares them): folding text joined by spaces is joining its folded parts.
    """

    def __missing__(self, text: str) -> str:
        value = self[text] = fold(text)
        return value

    def search_text(
        self, first: str, last: str, emails: list[str], company: str, title: str
    ) -> str:
        parts = (self[first], self[last], *map(fold, emails), self[company], self[title])
        return " ".join(p for p in parts if p)

    def sort_name(self, first: str, last: str) -> str:
        return f"{self[first]}\t{self[last]}"[:310]


def _json(values: list[str]) -> str:
    return json.dumps(values) if values else "[]"  # most people have no e-mail or phone


def _write_tags(owner, plan: Plan, ids: list[int]) -> None:
    wanted: dict[int, list[str]] = {}
    for id, p in zip(ids, plan.new, strict=True):
        if p["tags"]:
            wanted[id] = p["tags"]
    for id, fields in plan.updates.items():
        if "tags" in fields:
            wanted[id] = fields["tags"]
    if not wanted:
        return
    tags = {t.name.casefold(): t.pk for t in Tag.objects.for_user(owner)}
    missing: dict[str, Tag] = {}
    for names in wanted.values():
        for name in names:
            name = _limit(Tag, "name", name)
            if name.casefold() not in tags and name.casefold() not in missing:
                missing[name.casefold()] = Tag(owner=owner, name=name)
    for tag in Tag.objects.bulk_create(missing.values()):
        tags[tag.name.casefold()] = tag.pk
    Through = Person.tags.through
    Through.objects.bulk_create(
        [
            Through(person_id=pid, tag_id=tags[_limit(Tag, "name", name).casefold()])
            for pid, names in wanted.items()
            for name in names
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )


def _write_interactions(owner, planned, ids: list[int]) -> int:
    """The planned interactions; a person planned as -i is the i-th new person."""
    if not planned:
        return 0
    people = [ids[-ref - 1] if ref < 0 else ref for ref, *_ in planned]
    made = Interaction.objects.bulk_create(
        [
            Interaction(
                owner=owner, occurred_at=at, direction=direction, channel=channel, summary=summary
            )
            for _, at, direction, channel, summary in planned
        ],
        batch_size=2000,
    )
    Through = Interaction.people.through
    Through.objects.bulk_create(
        [Through(interaction_id=i.pk, person_id=pid) for pid, i in zip(people, made, strict=True)],
        batch_size=2000,
    )
    return len(made)


def _write_companies(planned: dict[str, list[str]], companies: _Companies) -> int:
    """Companies of interest (saved jobs, applications): made if new, each note added once."""
    notes: dict[str, list[str]] = {}
    for name, lines in planned.items():
        notes.setdefault(companies.want(name), []).extend(lines)
    made = companies.flush()
    changed = []
    for key, lines in notes.items():
        id = companies.ids[key]
        current = companies.notes.get(id, "")
        added = [n for n in dict.fromkeys(lines) if n not in current]
        if added:
            text = "\n".join(filter(None, [current, *added]))
            companies.notes[id] = text
            changed.append(Company(pk=id, notes=text, updated_at=timezone.now()))
    Company.objects.bulk_update(changed, ["notes", "updated_at"], batch_size=500)
    return made

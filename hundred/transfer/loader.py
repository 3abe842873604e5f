"""Writing a parsed file into an account: one transaction, matched and merged, with a report."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from hundred.network.models import (
    Closeness,
    Company,
    HowKnown,
    Interaction,
    Person,
    Source,
    Stage,
    Tag,
)
from hundred.transfer.formats.records import ParseResult, PersonRecord
from hundred.transfer.matching import Existing, Matcher, merge_into
from hundred.transfer.models import ImportRun

EXAMPLES = 5

_PERSON_FIELDS = (
    "first_name",
    "last_name",
    "linkedin_url",
    "title",
    "location",
    "notes",
    "how_known",
    "stage",
    "connected_on",
    "closeness",
    "emails",
    "phones",
)
_SOURCES = set(Source.values)
_STAGES = set(Stage.values)
_HOW_KNOWN = set(HowKnown.values)
_CLOSENESS = set(Closeness.values)


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    kind: str
    filename: str = ""
    is_dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    companies_created: int = 0
    interactions_created: int = 0
    skipped_rows: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    new_examples: list[str] = field(default_factory=list)
    merged_examples: list[str] = field(default_factory=list)
    run_id: int | None = None

    @property
    def skipped(self) -> int:
        return len(self.skipped_rows)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportReport:
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known})

    def contract(self) -> dict[str, Any]:
        """The `hundred import --json` shape of DESIGN.md's CLI contract."""
        return {
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
            "skipped_rows": [{"line": s["line"], "reason": s["reason"]} for s in self.skipped_rows],
        }

    def summary(self) -> str:
        verb = "Would create" if self.is_dry_run else "Created"
        text = (
            f"{verb} {self.created} {_plural(self.created, 'person', 'people')}, "
            f"updated {self.updated}, skipped {self.skipped} "
            f"{_plural(self.skipped, 'row', 'rows')}"
        )
        if self.unchanged:
            text += f"; {self.unchanged} already up to date"
        for n, one, many in (
            (self.companies_created, "new company", "new companies"),
            (self.interactions_created, "interaction", "interactions"),
        ):
            if n:
                text += f"; {n} {_plural(n, one, many)}"
        return text + "."


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def _limit(model, name: str, value: Any) -> Any:
    """CharField values cut to the column's length: a 10,000-character title must not fail."""
    if isinstance(value, str):
        max_length = model._meta.get_field(name).max_length
        if max_length:
            return value[:max_length]
    return value


def _name(first: str, last: str) -> str:
    return " ".join(p for p in (first, last) if p) or "(no name)"


class _Companies:
    """The owner's companies by case-folded name, loaded once; new ones made in one batch."""

    def __init__(self, owner) -> None:
        self.owner = owner
        self.ids: dict[str, int] = {}
        self.notes: dict[int, str] = {}
        for id, name, notes in (
            Company.objects.for_user(owner).order_by("id").values_list("id", "name", "notes")
        ):
            self.ids.setdefault(name.casefold(), id)
            self.notes[id] = notes
        self.pending: dict[str, Company] = {}

    def want(self, name: str) -> str:
        """The key to look the company up by after flush(); queues it when it is new."""
        name = _limit(Company, "name", name.strip())
        key = name.casefold()
        if key not in self.ids and key not in self.pending:
            self.pending[key] = Company(owner=self.owner, name=name)
        return key

    def flush(self) -> int:
        made = Company.objects.bulk_create(self.pending.values())
        for key, company in zip(self.pending, made, strict=True):
            self.ids[key] = company.pk
            self.notes[company.pk] = company.notes
        self.pending = {}
        return len(made)


def do_import(
    owner, result: ParseResult, *, dry_run: bool = False, filename: str = ""
) -> ImportReport:
    """Write a parsed file into owner's account in one transaction; a dry run rolls it back."""
    report = ImportReport(kind=result.kind, filename=filename, is_dry_run=dry_run)
    report.skipped_rows = [
        {"line": s.line, "reason": s.reason, "file": s.file} for s in result.skipped
    ]
    report.warnings = [
        {"line": s.line, "reason": s.reason, "file": s.file} for s in result.warnings
    ]
    with transaction.atomic():
        _load(owner, result, report)
        if dry_run:
            transaction.set_rollback(True)
        else:
            run = ImportRun.objects.create(
                owner=owner,
                kind=result.kind,
                filename=filename[:255],
                created=report.created,
                updated=report.updated,
                skipped=report.skipped,
                report=report.as_dict(),
            )
            report.run_id = run.pk
            run.report = report.as_dict()
            run.save(update_fields=["report"])
    return report


def _load(owner, result: ParseResult, report: ImportReport) -> None:
    companies = _Companies(owner)
    state = _people_now(owner)
    matcher = Matcher(
        Existing(
            id=id,
            emails=p["emails"] or [],
            linkedin_url=p["linkedin_url"],
            first_name=p["first_name"],
            last_name=p["last_name"],
            company=p["company"],
        )
        for id, p in state.items()
    )
    new, changed, matched = _match_people(result, matcher, state)

    # Companies first: people point at them.
    for person in new.values():
        if person["company"]:
            person["company_key"] = companies.want(person["company"])
    for id, fields in changed.items():
        if "company" in fields:
            state[id]["company_key"] = companies.want(state[id]["company"])
    report.companies_created += companies.flush()

    now = timezone.now()
    ids = _insert_people(owner, list(new.values()), companies, now)
    real_id = dict(zip(new, ids, strict=True))
    report.created = len(ids)
    report.new_examples = [_name(p["first_name"], p["last_name"]) for p in new.values()][:EXAMPLES]

    _update_people(owner, changed, state, companies, now)
    # The rows above went around Person.save(): fill their search and sort columns.
    Person.objects.for_user(owner).refresh_search_fields()
    report.updated = len(changed)
    report.merged_examples = [
        _name(state[id]["first_name"], state[id]["last_name"]) for id in list(changed)[:EXAMPLES]
    ]
    report.unchanged = len(matched - set(changed))

    _write_tags(owner, new, real_id, state, changed)
    report.interactions_created = _write_interactions(owner, result, matcher, real_id, report)
    report.companies_created += _write_companies(result, companies, report)


def _people_now(owner) -> dict[int, dict[str, Any]]:
    """What each of the owner's people looks like now (merge_into's view), by id."""
    tag_names: dict[int, list[str]] = {}
    for person_id, name in Person.tags.through.objects.filter(person__owner=owner).values_list(
        "person_id", "tag__name"
    ):
        tag_names.setdefault(person_id, []).append(name)
    state: dict[int, dict[str, Any]] = {}
    rows = Person.objects.for_user(owner).values_list("id", "company__name", *_PERSON_FIELDS)
    for id, company, *values in rows.iterator(chunk_size=5000):
        person = dict(zip(_PERSON_FIELDS, values, strict=True))
        person["company"] = company or ""
        person["tags"] = tag_names.get(id, [])
        state[id] = person
    return state


def _match_people(
    result: ParseResult, matcher: Matcher, state: dict[int, dict[str, Any]]
) -> tuple[dict[int, dict[str, Any]], dict[int, set[str]], set[int]]:
    """Match each record to a person and merge it in: (new people by a negative id until they
    are written, the fields changed of each existing person, every existing person matched)."""
    new: dict[int, dict[str, Any]] = {}
    changed: dict[int, set[str]] = {}
    matched: set[int] = set()
    default_source = result.kind if result.kind in _SOURCES else Source.CSV
    for rec in result.people:
        id = matcher.match(rec)
        if id is None:
            id = -(len(new) + 1)
            new[id] = _new_person(rec, default_source)
            matcher.add(id, rec)
            continue
        if id > 0:
            matched.add(id)
        target = new[id] if id < 0 else state[id]
        changes = merge_into(target, rec)
        changes = _valid(changes)
        if changes:
            target.update(changes)
            if id > 0:
                changed.setdefault(id, set()).update(changes)
        matcher.add(id, rec)
    return new, changed, matched


def _update_people(
    owner,
    changed: dict[int, set[str]],
    state: dict[int, dict[str, Any]],
    companies: _Companies,
    now: datetime,
) -> None:
    """Write what the file changed of existing people, in one bulk update."""
    if not changed:
        return
    objs = []
    fields_written: set[str] = {"updated_at"}
    for id, names in changed.items():
        person = Person(pk=id, owner=owner, updated_at=now)
        for name in names:
            if name == "company":
                person.company_id = companies.ids.get(state[id]["company_key"])
                fields_written.add("company")
            elif name != "tags":
                setattr(person, name, _limit(Person, name, state[id][name]))
                fields_written.add(name)
        objs.append(person)
    _keep_unchanged(objs, fields_written, changed, state, companies)
    if fields_written != {"updated_at"} or any("tags" in n for n in changed.values()):
        Person.objects.bulk_update(objs, sorted(fields_written), batch_size=500)


def _keep_unchanged(
    objs: list[Person],
    fields_written: set[str],
    changed: dict[int, set[str]],
    state: dict[int, dict[str, Any]],
    companies: _Companies,
) -> None:
    """Each person gets every written field; unchanged ones must keep their value, so fill
    those from state."""
    for person in objs:
        current = state[person.pk]
        for name in fields_written - {"updated_at", "company"}:
            if name not in changed[person.pk]:
                setattr(person, name, _limit(Person, name, current[name]))
        if "company" in fields_written and "company" not in changed[person.pk]:
            person.company_id = companies.ids.get(current["company"].casefold())


def _insert_people(owner, people: list[dict[str, Any]], companies: _Companies, now) -> list[int]:
    """Insert new people with one executemany and return their ids in order.

    Django's bulk_create spends ~10 s preparing 30,000 rows of 20 fields one value at a time;
    the values here are already clean, so they go to the database as they are.
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
        "how_known", "closeness", "notes", "stage", "connected_on",
    ]  # fmt: skip
    rows = []
    for p in people:
        rows.append(
            (
                owner.pk,
                stamp,
                stamp,
                stamp,
                companies.ids.get(p.get("company_key", "")),
                p["source"],
                _cut(p["first_name"], 150),
                _cut(p["last_name"], 150),
                json.dumps(p["emails"]),
                json.dumps(p["phones"]),
                _cut(p["linkedin_url"], 300),
                _cut(p["title"], 200),
                _cut(p["location"], 200),
                p["how_known"] or defaults["how_known"],
                p["closeness"] or defaults["closeness"],
                p["notes"] or "",
                p["stage"] or defaults["stage"],
                ops.adapt_datefield_value(p["connected_on"]),
            )
        )
    table = Person._meta.db_table
    json_param = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    params = ", ".join(json_param if c in ("emails", "phones") else "%s" for c in columns)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({params})",  # noqa: S608
            rows,
        )
        # Ids come in insertion order; the shared created_at marks this batch.
        cursor.execute(
            f"SELECT id FROM {table} WHERE owner_id = %s AND created_at = %s ORDER BY id",  # noqa: S608
            [owner.pk, stamp],
        )
        ids = [row[0] for row in cursor.fetchall()]
    if len(ids) != len(rows):  # pragma: no cover - two imports in the same microsecond
        raise RuntimeError("could not read back the ids of the people just imported")
    return ids


def _cut(value: str, length: int) -> str:
    return value[:length] if value else ""


def _valid(changes: dict[str, Any]) -> dict[str, Any]:
    """Drop values the model would refuse (a stage or closeness from a hand-edited CSV)."""
    if changes.get("stage") and changes["stage"] not in _STAGES:
        del changes["stage"]
    if changes.get("how_known") and changes["how_known"] not in _HOW_KNOWN:
        del changes["how_known"]
    return changes


def _new_person(rec: PersonRecord, default_source: str) -> dict[str, Any]:
    p = {name: getattr(rec, name) for name in _PERSON_FIELDS}
    p["emails"] = list(rec.emails)
    p["phones"] = list(rec.phones)
    p["tags"] = list(rec.tags)
    p["company"] = rec.company
    p["source"] = rec.source if rec.source in _SOURCES else default_source
    if p["stage"] not in _STAGES:
        p["stage"] = ""
    if p["how_known"] not in _HOW_KNOWN:
        p["how_known"] = ""
    if p["closeness"] not in _CLOSENESS:
        p["closeness"] = None
    return p


def _write_tags(owner, new, real_id, state, changed) -> None:
    wanted: dict[int, list[str]] = {}
    for temp, p in new.items():
        if p["tags"]:
            wanted[real_id[temp]] = p["tags"]
    for id, names in changed.items():
        if "tags" in names:
            wanted[id] = state[id]["tags"]
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
    )


def _write_interactions(owner, result: ParseResult, matcher: Matcher, real_id, report) -> int:
    if not result.interactions:
        return 0
    Through = Interaction.people.through
    # An invitation imported before is the same person, moment, direction and channel.
    seen = set(
        Through.objects.filter(interaction__owner=owner).values_list(
            "person_id",
            "interaction__occurred_at",
            "interaction__direction",
            "interaction__channel",
        )
    )
    pending: list[tuple[int, Interaction]] = []
    for rec in result.interactions:
        id = matcher.match_key(rec.person_key)
        if id is None:
            report.warnings.append(
                {
                    "line": rec.line,
                    "reason": f"No one called {rec.person_key.name or 'this'} was found: "
                    "the invitation was left out.",
                    "file": rec.file,
                }
            )
            continue
        id = real_id.get(id, id)
        key = (id, rec.occurred_at, rec.direction, rec.channel)
        if key in seen:
            continue
        seen.add(key)
        pending.append(
            (
                id,
                Interaction(
                    owner=owner,
                    channel=rec.channel,
                    direction=rec.direction,
                    occurred_at=rec.occurred_at,
                    summary=rec.summary,
                ),
            )
        )
    made = Interaction.objects.bulk_create([i for _, i in pending])
    Through.objects.bulk_create(
        [
            Through(interaction_id=i.pk, person_id=pid)
            for (pid, _), i in zip(pending, made, strict=True)
        ]
    )
    return len(made)


def _write_companies(result: ParseResult, companies: _Companies, report) -> int:
    """Companies of interest (saved jobs, applications): made if new, the note added once."""
    notes: dict[str, list[str]] = {}
    for rec in result.companies:
        key = companies.want(rec.name)
        if rec.note:
            notes.setdefault(key, []).append(rec.note)
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

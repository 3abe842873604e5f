"""An import worked out without writing anything: what it would create, complete and skip.

make_plan reads the account's people once and matches the parsed file against them outside
any transaction (on SQLite a write transaction locks out every other writer, so a preview
must not hold one). The plan is small and plain: the web import stores it beside the upload
(Plan.dumps) and the confirm applies it (loader.apply_plan) without reading the file again.
The account's fingerprint, taken before the people are read, lets the confirm tell that the
account changed since the preview.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import connection
from django.db.models import Count, Max

from hundred.lib.companies import company_key
from hundred.network.models import Closeness, Company, HowKnown, Interaction, Person, Source, Stage
from hundred.transfer.formats.collector import collector_paused
from hundred.transfer.formats.history_codec import history_in, history_out
from hundred.transfer.formats.identity import normalise_linkedin_url
from hundred.transfer.formats.linkedin_history import History
from hundred.transfer.formats.records import ParseResult, PersonRecord, Skipped
from hundred.transfer.matching import Existing, Matcher, merge_into, record_keys

EXAMPLES = 5
PLAN_VERSION = 3  # 3: messages as lists, their people listed once (history_codec)

PERSON_FIELDS = (
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
# A new person in a plan: the fields above, then these.
NEW_COLUMNS = (*PERSON_FIELDS, "company", "tags", "source")
_SOURCES = set(Source.values)
_STAGES = set(Stage.values)
_HOW_KNOWN = set(HowKnown.values)
_CLOSENESS = set(Closeness.values)


@dataclass
class ImportReport:
    """What an import did (or, in a preview or dry run, would do)."""

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
    # LinkedIn's messages and the offers from Profile.csv and Positions.csv (history.py).
    history: dict[str, Any] = field(default_factory=dict)

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
            # Values read but left out of a row; "file" names the member of a LinkedIn zip.
            "warnings": [
                {"line": w["line"], "reason": w["reason"], "file": w.get("file") or ""}
                for w in self.warnings
            ],
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


def _name(first: str, last: str) -> str:
    return " ".join(p for p in (first, last) if p) or "(no name)"


@dataclass(slots=True)
class NewPerson:
    """A person a plan creates, read and written by name as a dict would be: 30,000 dicts of
    15 keys were 13 MiB of a first import's peak memory, slots a third of that."""

    first_name: str
    last_name: str
    linkedin_url: str
    title: str
    location: str
    notes: str
    how_known: str
    stage: str
    connected_on: date | None
    closeness: int | None
    emails: list[str]
    phones: list[str]
    company: str
    tags: list[str]
    source: str
    company_key: str = ""  # set by the loader, once the companies are made

    def __getitem__(self, name: str) -> Any:
        return getattr(self, name)

    def __setitem__(self, name: str, value: Any) -> None:
        setattr(self, name, value)

    def get(self, name: str, default: Any = None) -> Any:
        return getattr(self, name, default)

    def update(self, changes: dict[str, Any]) -> None:
        for name, value in changes.items():
            setattr(self, name, value)


@dataclass
class Plan:
    """What applying an import will write.

    `new` are the people to create, in order (an interaction names the i-th as -(i + 1));
    `updates` the fields to change on existing people by id (lists in full: current + added);
    `interactions` are (person, occurred_at, direction, channel, summary); `companies` the
    companies of interest by name with the notes to add.
    """

    owner_id: int
    fingerprint: list[Any]
    report: ImportReport
    new: list[NewPerson] = field(default_factory=list)
    updates: dict[int, dict[str, Any]] = field(default_factory=dict)
    interactions: list[tuple[int, datetime, str, str, str]] = field(default_factory=list)
    companies: dict[str, list[str]] = field(default_factory=dict)
    history: History | None = None  # LinkedIn's messages, profile and positions, as parsed

    def dumps(self) -> bytes:
        """The plan as compressed JSON: 30,000 new people take about 1 MB."""
        with collector_paused():
            return self._dumps()

    def _dumps(self) -> bytes:
        data = {
            "version": PLAN_VERSION,
            "owner": self.owner_id,
            "fingerprint": self.fingerprint,
            "report": self.report.as_dict(),
            "new": [[p[c] for c in NEW_COLUMNS] for p in self.new],
            "updates": list(self.updates.items()),
            "interactions": [[r, at.isoformat(), d, c, s] for r, at, d, c, s in self.interactions],
            "companies": self.companies,
            "history": history_out(self.history) if self.history is not None else None,
        }
        text = json.dumps(data, separators=(",", ":"), default=_iso)  # dates: connected_on
        return zlib.compress(text.encode(), 1)

    @classmethod
    def loads(cls, blob: bytes) -> Plan:
        """The plan dumps() wrote; ValueError when it is damaged or from another version."""
        try:
            data = json.loads(zlib.decompress(blob))
        except (zlib.error, UnicodeDecodeError) as e:
            raise ValueError(f"unreadable plan: {e}") from None
        if not isinstance(data, dict) or data.get("version") != PLAN_VERSION:
            raise ValueError("a plan from another version of Hundred")
        return cls(
            owner_id=data["owner"],
            fingerprint=data["fingerprint"],
            report=ImportReport.from_dict(data["report"]),
            new=[
                NewPerson(**_person_in(dict(zip(NEW_COLUMNS, row, strict=True))))
                for row in data["new"]
            ],
            updates={id: _person_in(fields) for id, fields in data["updates"]},
            interactions=[
                (r, datetime.fromisoformat(at), d, c, s) for r, at, d, c, s in data["interactions"]
            ],
            companies=data["companies"],
            history=history_in(data["history"]) if data.get("history") else None,
        )


def _iso(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in an import plan")


def _person_in(fields: dict[str, Any]) -> dict[str, Any]:
    if fields.get("connected_on"):
        fields["connected_on"] = date.fromisoformat(fields["connected_on"])
    return fields


def account_fingerprint(owner) -> list[Any]:
    """What changes whenever the account's people, companies or interactions do."""
    stamps = []
    for model in (Person, Company, Interaction):
        found = model.objects.for_user(owner).aggregate(
            n=Count("id"), last=Max("id"), changed=Max("updated_at")
        )
        changed = found["changed"]
        stamps += [found["n"], found["last"], changed.isoformat() if changed else None]
    return stamps


def make_plan(
    owner,
    result: ParseResult,
    *,
    filename: str = "",
    progress: Callable[[str], None] | None = None,
) -> Plan:
    """Match a parsed file against owner's people and work out the import; writes nothing."""
    with collector_paused():
        return _make_plan(owner, result, filename=filename, progress=progress)


def _make_plan(
    owner,
    result: ParseResult,
    *,
    filename: str,
    progress: Callable[[str], None] | None,
) -> Plan:
    progress = progress or (lambda _: None)
    report = ImportReport(kind=result.kind, filename=filename, is_dry_run=True)
    report.skipped_rows = [_row(s) for s in result.skipped]
    report.warnings = [_row(s) for s in result.warnings]
    if refused := _refused_choices(result.people):
        report.warnings = sorted([*report.warnings, *refused], key=lambda w: w["line"])
    plan = Plan(owner_id=owner.pk, fingerprint=account_fingerprint(owner), report=report)
    progress("Reading your people …")
    # A file of messages alone (LinkedIn's messages.csv) has no one to match here: history.py
    # matches its messages when they are written.
    needed = bool(result.people or result.interactions)
    state = people_now(owner, tags=any(rec.tags for rec in result.people)) if needed else {}
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
    progress(f"Matching {len(result.people)} people …")
    new, changed, matched = _match_people(result, matcher, state)
    plan.new = list(new.values())
    plan.updates = {id: {name: state[id][name] for name in names} for id, names in changed.items()}
    report.created = len(plan.new)
    report.updated = len(changed)
    report.unchanged = len(matched - set(changed))
    report.new_examples = [_name(p["first_name"], p["last_name"]) for p in plan.new[:EXAMPLES]]
    report.merged_examples = [
        _name(state[id]["first_name"], state[id]["last_name"]) for id in list(changed)[:EXAMPLES]
    ]
    # New people have temporary ids -1, -2, … in the order of plan.new.
    plan.interactions = _plan_interactions(owner, result, matcher, report)
    for rec in result.companies:
        plan.companies.setdefault(rec.name, [])
        if rec.note:
            plan.companies[rec.name].append(rec.note)
    report.interactions_created = len(plan.interactions)
    report.companies_created = _count_new_companies(owner, plan)
    if result.history is not None:
        plan.history = result.history
        report.history = preview_history(result.history)
        report.skipped_rows += [_row(s) for s in result.history.skipped]
    return plan


def preview_history(history: History) -> dict[str, Any]:
    """What the preview can say of LinkedIn's messages before they are matched and written."""
    return {
        "files": list(history.files),
        "owner": history.owner.name if history.owner else "",
        "messages": len(history.messages),
        "from_linkedin": history.from_linkedin,
        "duplicates": history.duplicates,
    }


def _row(s: Skipped) -> dict[str, Any]:
    return {"line": s.line, "reason": s.reason, "file": s.file}


def people_now(owner, *, tags: bool = True) -> dict[int, dict[str, Any]]:
    """What each of the owner's people looks like now (merge_into's view), by id, read in one
    query (and one more for their tags, when the file has tags to compare)."""
    tag_names: dict[int, list[str]] = {}
    if tags:
        through = Person.tags.through.objects.filter(person__owner=owner)
        for person_id, name in through.values_list("person_id", "tag__name"):
            tag_names.setdefault(person_id, []).append(name)
    state: dict[int, dict[str, Any]] = {}
    query = Person.objects.for_user(owner).values_list("id", "company__name", *PERSON_FIELDS)
    # Run as SQL without Django's per-value converters: decoding 60,000 JSON lists that are
    # almost all "[]" took a third of a re-import's matching.
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(5000):
            for id, company, *values in rows:
                person = dict(zip(PERSON_FIELDS, values, strict=True))
                person["emails"] = _list(person["emails"])
                person["phones"] = _list(person["phones"])
                person["company"] = company or ""
                person["tags"] = tag_names.get(id, [])
                state[id] = person
    return state


def _list(value: Any) -> list[str]:
    if isinstance(value, list):
        return value
    return json.loads(value) if value and value != "[]" else []


def _match_people(
    result: ParseResult, matcher: Matcher, state: dict[int, dict[str, Any]]
) -> tuple[dict[int, NewPerson], dict[int, set[str]], set[int]]:
    """Match each record to a person and merge it in: (new people by a negative id, the fields
    changed of each existing person, every existing person matched)."""
    new: dict[int, NewPerson] = {}
    changed: dict[int, set[str]] = {}
    matched: set[int] = set()
    default_source = result.kind if result.kind in _SOURCES else Source.CSV
    for rec in result.people:
        if rec.linkedin_url and _unchanged(rec, matcher, state, changed, matched):
            continue
        keys = record_keys(rec)  # each URL and name is normalised once per row
        id = matcher.match_keys(keys)
        if id is None:
            id = -(len(new) + 1)
            new[id] = _new_person(rec, default_source)
            matcher.add_keys(id, keys)
            continue
        if id > 0:
            matched.add(id)
        target = new[id] if id < 0 else state[id]
        changes = _valid(merge_into(target, rec))
        if changes:
            target.update(changes)
            if id > 0:
                changed.setdefault(id, set()).update(changes)
        matcher.add_keys(id, keys)
    return new, changed, matched


def _unchanged(
    rec: PersonRecord,
    matcher: Matcher,
    state: dict[int, dict[str, Any]],
    changed: dict[int, set[str]],
    matched: set[int],
) -> bool:
    """True when rec's profile is a known person's whom it brings nothing (most rows of a
    re-import): then matching and indexing it would change nothing either, and are skipped.

    The profile decides the match before anything else does; a merge that changes nothing
    adds no e-mail; and with the name and company the person was read with (not yet changed
    by this plan), the record's name keys are theirs, already indexed.
    """
    id = matcher.by_url(normalise_linkedin_url(rec.linkedin_url))
    if id is None or id < 0 or id in changed:
        return False
    person = state[id]
    if (
        rec.first_name != person["first_name"]
        or rec.last_name != person["last_name"]
        or rec.company != person["company"]
        or _valid(merge_into(person, rec))
    ):
        return False
    matched.add(id)
    return True


def _refused_choices(people: list[PersonRecord]) -> list[dict[str, Any]]:
    """A stage or how-known that is none of Hundred's (a hand-edited CSV): left out, and said,
    as the parsers say of a closeness or a date they cannot read."""
    refused = []
    for rec in people:
        for name, value, allowed in (
            ("stage", rec.stage, Stage.values),
            ("how known", rec.how_known, HowKnown.values),
        ):
            if value and value not in allowed:
                reason = f"{name} '{value}' is not {', '.join(allowed[:-1])} or {allowed[-1]}"
                refused.append({"line": rec.line, "reason": f"{reason}; left out", "file": ""})
    return refused


def _valid(changes: dict[str, Any]) -> dict[str, Any]:
    """Drop values the model would refuse (a stage or closeness from a hand-edited CSV)."""
    if changes.get("stage") and changes["stage"] not in _STAGES:
        del changes["stage"]
    if changes.get("how_known") and changes["how_known"] not in _HOW_KNOWN:
        del changes["how_known"]
    return changes


def _new_person(rec: PersonRecord, default_source: str) -> NewPerson:
    # The lists are the record's own: a merge replaces them (merge_into gives new lists),
    # nothing appends to them.
    return NewPerson(
        first_name=rec.first_name,
        last_name=rec.last_name,
        linkedin_url=rec.linkedin_url,
        title=rec.title,
        location=rec.location,
        notes=rec.notes,
        how_known=rec.how_known if rec.how_known in _HOW_KNOWN else "",
        stage=rec.stage if rec.stage in _STAGES else "",
        connected_on=rec.connected_on,
        closeness=rec.closeness if rec.closeness in _CLOSENESS else None,
        emails=rec.emails,
        phones=rec.phones,
        tags=rec.tags,
        company=rec.company,
        source=rec.source if rec.source in _SOURCES else default_source,
    )


def _plan_interactions(
    owner, result: ParseResult, matcher: Matcher, report: ImportReport
) -> list[tuple[int, datetime, str, str, str]]:
    if not result.interactions:
        return []
    # An invitation imported before is the same person, moment, direction and channel.
    seen = set(
        Interaction.people.through.objects.filter(interaction__owner=owner).values_list(
            "person_id",
            "interaction__occurred_at",
            "interaction__direction",
            "interaction__channel",
        )
    )
    planned = []
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
        key = (id, rec.occurred_at, rec.direction, rec.channel)
        if key not in seen:
            seen.add(key)
            planned.append((id, rec.occurred_at, rec.direction, rec.channel, rec.summary))
    return planned


def _count_new_companies(owner, plan: Plan) -> int:
    # The loader's key: "Acme, Ltd." is the company "Acme" already there, not a new one.
    names = {company_key(p["company"]) for p in plan.new if p["company"].strip()}
    names |= {company_key(f["company"]) for f in plan.updates.values() if f.get("company")}
    names |= {company_key(name) for name in plan.companies if name.strip()}
    if not names:
        return 0
    known = {company_key(n) for n in Company.objects.for_user(owner).values_list("name", flat=True)}
    return len(names - known)

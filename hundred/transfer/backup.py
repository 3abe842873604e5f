"""The JSON backup: one account out to a versioned file, and back into an empty account."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from hundred.network.models import (
    Company,
    Favour,
    FollowUp,
    Interaction,
    Meeting,
    OutreachTemplate,
    Person,
    Tag,
    Target,
    TargetChange,
)

BACKUP_FORMAT = "hundred-backup"


BACKUP_VERSION = 1


def _when(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return value.isoformat()


class _Ids:
    """File-own ids: 1, 2, 3 … in database order, so a restored account exports the same."""

    def __init__(self, pks) -> None:
        self.map = {pk: n for n, pk in enumerate(pks, start=1)}

    def __call__(self, pk: int | None) -> int | None:
        return None if pk is None else self.map.get(pk)


def export_backup(owner, *, exported_at: datetime | None = None) -> dict[str, Any]:
    """Everything of an account as one JSON-ready dict (format hundred-backup, version 1)."""
    companies = list(Company.objects.for_user(owner).order_by("id"))
    people = list(
        Person.objects.for_user(owner)
        .select_related("company")
        .prefetch_related("tags")
        .order_by("id")
    )
    meetings = list(
        Meeting.objects.for_user(owner).prefetch_related("companies_mentioned").order_by("id")
    )
    interactions = list(
        Interaction.objects.for_user(owner).prefetch_related("people").order_by("id")
    )
    favours = list(Favour.objects.for_user(owner).order_by("id"))
    followups = list(FollowUp.objects.for_user(owner).order_by("id"))
    company_id = _Ids(c.pk for c in companies)
    person_id = _Ids(p.pk for p in people)
    meeting_id = _Ids(m.pk for m in meetings)
    interaction_id = _Ids(i.pk for i in interactions)
    favour_id = _Ids(f.pk for f in favours)
    target = Target.objects.for_user(owner).first()
    return {
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "exported_at": _when(exported_at or timezone.now()),
        "target": None
        if target is None
        else {**target.as_lists(), "pitch": target.pitch, "created_at": _when(target.created_at)},
        "target_history": [
            {"snapshot": c.snapshot, "created_at": _when(c.created_at)}
            for c in TargetChange.objects.for_user(owner).order_by("created_at", "id")
        ],
        "tags": sorted(Tag.objects.for_user(owner).values_list("name", flat=True)),
        "companies": [
            {
                "id": company_id(c.pk),
                "name": c.name,
                "website": c.website,
                "industry": c.industry,
                "kind": c.kind,
                "location": c.location,
                "notes": c.notes,
                "is_target": c.is_target,
                "priority": c.priority,
                "research_status": c.research_status,
                "created_at": _when(c.created_at),
            }
            for c in companies
        ],
        "people": [
            {
                "id": person_id(p.pk),
                "first_name": p.first_name,
                "last_name": p.last_name,
                "emails": list(p.emails),
                "phones": list(p.phones),
                "linkedin_url": p.linkedin_url,
                "company": p.company.name if p.company else None,
                "company_id": company_id(p.company_id),
                "title": p.title,
                "location": p.location,
                "how_known": p.how_known,
                "closeness": p.closeness,
                "stage": p.stage,
                "stage_changed_at": _when(p.stage_changed_at),
                "paused_until": _when(p.paused_until),
                "source": p.source,
                "introduced_by": person_id(p.introduced_by_id),
                "introduced_at": meeting_id(p.introduced_at_id),
                "connected_on": _when(p.connected_on),
                "tags": sorted(t.name for t in p.tags.all()),
                "notes": p.notes,
                "created_at": _when(p.created_at),
            }
            for p in people
        ],
        "interactions": [
            {
                "id": interaction_id(i.pk),
                "people": sorted(person_id(p.pk) for p in i.people.all()),
                "channel": i.channel,
                "direction": i.direction,
                "occurred_at": _when(i.occurred_at),
                "summary": i.summary,
                "is_outreach": i.is_outreach,
                "meeting": meeting_id(i.meeting_id),
                "created_at": _when(i.created_at),
            }
            for i in interactions
        ],
        "meetings": [
            {
                "id": meeting_id(m.pk),
                "person": person_id(m.person_id),
                "starts_at": _when(m.starts_at),
                "duration_minutes": m.duration_minutes,
                "place": m.place,
                "agenda": m.agenda,
                "questions": m.questions,
                "pitch_snapshot": m.pitch_snapshot,
                "company_notes": m.company_notes,
                "advice": m.advice,
                "debrief_notes": m.debrief_notes,
                "debriefed_at": _when(m.debriefed_at),
                "companies_mentioned": sorted(
                    company_id(c.pk) for c in m.companies_mentioned.all()
                ),
                "created_at": _when(m.created_at),
            }
            for m in meetings
        ],
        "followups": [
            {
                "id": n,
                "person": person_id(f.person_id),
                "due_on": _when(f.due_on),
                "channel": f.channel,
                "reason": f.reason,
                "attempt": f.attempt,
                "state": f.state,
                "note": f.note,
                "done_at": _when(f.done_at),
                "is_override": f.is_override,
                "meeting": meeting_id(f.meeting_id),
                "favour": favour_id(f.favour_id),
                "interaction": interaction_id(f.interaction_id),
                "created_at": _when(f.created_at),
            }
            for n, f in enumerate(followups, start=1)
        ],
        "favours": [
            {
                "id": favour_id(f.pk),
                "person": person_id(f.person_id),
                "direction": f.direction,
                "what": f.what,
                "state": f.state,
                "due_on": _when(f.due_on),
                "done_on": _when(f.done_on),
                "meeting": meeting_id(f.meeting_id),
                "created_at": _when(f.created_at),
            }
            for f in favours
        ],
        "outreach_templates": [
            {
                "name": t.name,
                "channel": t.channel,
                "subject": t.subject,
                "body": t.body,
                "created_at": _when(t.created_at),
            }
            for t in OutreachTemplate.objects.for_user(owner).order_by("id")
        ],
    }


def dumps_backup(backup: dict) -> str:
    return json.dumps(backup, ensure_ascii=False, indent=2) + "\n"


class BadBackup(Exception):
    """A file that is not a Hundred backup this version can restore; str(e) says what to do."""


class AccountNotEmpty(Exception):
    """Restoring would mix a backup with what the account already has."""


_CONTENT = (Person, Company, Interaction, Meeting, FollowUp, Favour, OutreachTemplate, TargetChange)


def is_empty(owner) -> bool:
    if any(model.objects.filter(owner=owner).exists() for model in _CONTENT):
        return False
    target = Target.objects.for_user(owner).first()
    return target is None or not (target.pitch or any(target.as_lists().values()))


def read_backup(data: bytes) -> dict[str, Any]:
    """The backup in data, checked for its format and version."""
    try:
        backup = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadBackup(
            "This is not a Hundred backup (not JSON): choose a file made by 'hundred export json'."
        ) from None
    if not isinstance(backup, dict) or backup.get("format") != BACKUP_FORMAT:
        raise BadBackup(
            "This JSON file is not a Hundred backup: choose a file made by 'hundred export json'."
        )
    if backup.get("version") != BACKUP_VERSION:
        raise BadBackup(
            f"This backup is version {backup.get('version')}; this Hundred restores version "
            f"{BACKUP_VERSION}: upgrade Hundred first."
        )
    return backup


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def do_restore(owner, backup: dict[str, Any]) -> dict[str, int]:
    """Load a checked backup into owner's account, which must be empty; counts per kind."""
    try:
        with transaction.atomic():
            if not is_empty(owner):
                raise AccountNotEmpty(
                    "This account already has data; restore into a new, empty account "
                    "(hundred createuser EMAIL) so nothing is mixed or lost."
                )
            return _restore(owner, backup)
    except (KeyError, TypeError, ValueError) as e:
        raise BadBackup(
            f"The backup is damaged or incomplete ({type(e).__name__}: {e}); nothing was restored."
        ) from None


def _restore(owner, b: dict[str, Any]) -> dict[str, int]:
    now = timezone.now()
    if b.get("target") is not None:
        t = b["target"]
        target, _ = Target.objects.get_or_create(owner=owner)
        for name in Target.LIST_FIELDS:
            setattr(target, name, list(t.get(name) or []))
        target.pitch = t.get("pitch", "")
        target.created_at = _dt(t.get("created_at")) or now
        target.save()
        TargetChange.objects.bulk_create(
            TargetChange(
                owner=owner, target=target, snapshot=c["snapshot"], created_at=_dt(c["created_at"])
            )
            for c in b.get("target_history", [])
        )
    tags = {
        t.name: t
        for t in Tag.objects.bulk_create(Tag(owner=owner, name=name) for name in b.get("tags", []))
    }

    def made(model, rows, build):
        objs = model.objects.bulk_create([build(r) for r in rows])
        return {r["id"]: o.pk for r, o in zip(rows, objs, strict=True)}

    company = made(
        Company,
        b["companies"],
        lambda c: Company(
            owner=owner,
            **{k: c[k] for k in ("name", "website", "industry", "kind", "location", "notes")},
            is_target=c["is_target"],
            priority=c["priority"],
            research_status=c["research_status"],
            created_at=_dt(c.get("created_at")) or now,
        ),
    )
    by_name = {c["name"].casefold(): company[c["id"]] for c in b["companies"]}

    def company_of(p):
        if p.get("company_id") is not None:
            return company[p["company_id"]]
        if p.get("company"):
            return by_name.get(p["company"].casefold())
        return None

    people = b["people"]
    person = made(
        Person,
        people,
        lambda p: Person(
            owner=owner,
            first_name=p["first_name"],
            last_name=p["last_name"],
            emails=list(p["emails"]),
            phones=list(p["phones"]),
            linkedin_url=p["linkedin_url"],
            company_id=company_of(p),
            title=p["title"],
            location=p.get("location", ""),
            how_known=p.get("how_known") or "other",
            closeness=p.get("closeness") or 2,
            stage=p["stage"],
            stage_changed_at=_dt(p.get("stage_changed_at")) or now,
            paused_until=_d(p.get("paused_until")),
            source=p["source"],
            connected_on=_d(p.get("connected_on")),
            notes=p["notes"],
            created_at=_dt(p.get("created_at")) or now,
        ),
    )
    missing = [n for p in people for n in p["tags"] if n not in tags]
    for tag in Tag.objects.bulk_create(Tag(owner=owner, name=n) for n in dict.fromkeys(missing)):
        tags[tag.name] = tag
    Person.tags.through.objects.bulk_create(
        Person.tags.through(person_id=person[p["id"]], tag_id=tags[n].pk)
        for p in people
        for n in p["tags"]
    )

    meetings = b["meetings"]
    meeting = made(
        Meeting,
        meetings,
        lambda m: Meeting(
            owner=owner,
            person_id=person[m["person"]],
            starts_at=_dt(m["starts_at"]),
            duration_minutes=m["duration_minutes"],
            debriefed_at=_dt(m.get("debriefed_at")),
            created_at=_dt(m.get("created_at")) or now,
            **{
                k: m.get(k, "")
                for k in (
                    "place",
                    "agenda",
                    "questions",
                    "pitch_snapshot",
                    "company_notes",
                    "advice",
                    "debrief_notes",
                )
            },
        ),
    )
    Meeting.companies_mentioned.through.objects.bulk_create(
        Meeting.companies_mentioned.through(meeting_id=meeting[m["id"]], company_id=company[c])
        for m in meetings
        for c in m.get("companies_mentioned", [])
    )
    # Introductions point at people and meetings that now exist.
    introduced = []
    for p in people:
        if p.get("introduced_by") is not None or p.get("introduced_at") is not None:
            obj = Person(pk=person[p["id"]])
            obj.introduced_by_id = person.get(p.get("introduced_by"))
            obj.introduced_at_id = meeting.get(p.get("introduced_at"))
            introduced.append(obj)
    Person.objects.bulk_update(introduced, ["introduced_by", "introduced_at"], batch_size=500)

    interactions = b["interactions"]
    interaction = made(
        Interaction,
        interactions,
        lambda i: Interaction(
            owner=owner,
            channel=i["channel"],
            direction=i["direction"],
            occurred_at=_dt(i["occurred_at"]),
            summary=i["summary"],
            is_outreach=i.get("is_outreach", False),
            meeting_id=meeting.get(i.get("meeting")),
            created_at=_dt(i.get("created_at")) or now,
        ),
    )
    Interaction.people.through.objects.bulk_create(
        Interaction.people.through(interaction_id=interaction[i["id"]], person_id=person[p])
        for i in interactions
        for p in i["people"]
    )
    Person.objects.for_user(owner).refresh_asked_at()  # derived from the interactions
    favour = made(
        Favour,
        b["favours"],
        lambda f: Favour(
            owner=owner,
            person_id=person[f["person"]],
            direction=f["direction"],
            what=f["what"],
            state=f["state"],
            due_on=_d(f.get("due_on")),
            done_on=_d(f.get("done_on")),
            meeting_id=meeting.get(f.get("meeting")),
            created_at=_dt(f.get("created_at")) or now,
        ),
    )
    made(
        FollowUp,
        b["followups"],
        lambda f: FollowUp(
            owner=owner,
            person_id=person[f["person"]],
            due_on=_d(f["due_on"]),
            channel=f["channel"],
            reason=f["reason"],
            attempt=f["attempt"],
            state=f["state"],
            note=f.get("note", ""),
            done_at=_dt(f.get("done_at")),
            is_override=f.get("is_override", False),
            meeting_id=meeting.get(f.get("meeting")),
            favour_id=favour.get(f.get("favour")),
            interaction_id=interaction.get(f.get("interaction")),
            created_at=_dt(f.get("created_at")) or now,
        ),
    )
    OutreachTemplate.objects.bulk_create(
        OutreachTemplate(
            owner=owner,
            name=t["name"],
            channel=t["channel"],
            subject=t.get("subject", ""),
            body=t["body"],
            created_at=_dt(t.get("created_at")) or now,
        )
        for t in b.get("outreach_templates", [])
    )
    return {
        "people": len(people),
        "companies": len(company),
        "interactions": len(interaction),
        "meetings": len(meeting),
        "followups": len(b["followups"]),
        "favours": len(favour),
    }

"""Everything out of an account: people as CSV or vCards, an iCalendar, the JSON backup."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.utils import timezone
from icalendar import Calendar, Event

from hundred.network.models import (
    Company,
    Favour,
    FollowUp,
    FollowUpState,
    Interaction,
    Meeting,
    OutreachTemplate,
    Person,
    Tag,
    Target,
    TargetChange,
)
from hundred.transfer.writers import write_people_csv, write_vcards

BACKUP_FORMAT = "hundred-backup"
BACKUP_VERSION = 1


def people_rows(owner) -> list[dict[str, Any]]:
    """The owner's people as plain dicts in Hundred's CSV columns, in a stable order."""
    people = (
        Person.objects.for_user(owner)
        .select_related("company")
        .prefetch_related("tags")
        .order_by("id")
    )
    return [
        {
            "first_name": p.first_name,
            "last_name": p.last_name,
            "emails": list(p.emails),
            "phones": list(p.phones),
            "linkedin_url": p.linkedin_url,
            "company": p.company.name if p.company else "",
            "title": p.title,
            "location": p.location,
            "how_known": p.how_known,
            "closeness": p.closeness,
            "stage": p.stage,
            "tags": sorted(t.name for t in p.tags.all()),
            "notes": p.notes,
            "connected_on": p.connected_on,
            "source": p.source,
        }
        for p in people
    ]


def export_csv(owner, *, bom: bool = False) -> bytes:
    return write_people_csv(people_rows(owner), bom=bom)


def export_vcards(owner, *, version: str = "4.0") -> str:
    return write_vcards(people_rows(owner), version=version)


# iCalendar


def _sequence(obj) -> int:
    # SEQUENCE must grow when an event changes; seconds since creation at the last save do.
    return max(0, int((obj.updated_at - obj.created_at).total_seconds()))


def export_ics(owner) -> bytes:
    """Open follow-ups as all-day events and meetings as timed ones, with stable UIDs."""
    cal = Calendar()
    cal.add("prodid", "-//Hundred//Follow-ups and meetings//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Hundred")
    followups = (
        FollowUp.objects.for_user(owner)
        .filter(state=FollowUpState.OPEN)
        .select_related("person")
        .order_by("due_on", "id")
    )
    for f in followups:
        event = Event()
        event.add("uid", f"followup-{f.pk}@hundred")
        event.add("dtstamp", f.updated_at)
        event.add("sequence", _sequence(f))
        event.add("summary", f"{f.get_reason_display()}: {f.person.full_name}")
        event.add("dtstart", f.due_on)
        event.add("dtend", f.due_on + timedelta(days=1))
        description = f"By {f.get_channel_display().lower()}, attempt {f.attempt}."
        if f.note:
            description += "\n" + f.note
        event.add("description", description)
        cal.add_component(event)
    for m in Meeting.objects.for_user(owner).select_related("person").order_by("starts_at", "id"):
        event = Event()
        event.add("uid", f"meeting-{m.pk}@hundred")
        event.add("dtstamp", m.updated_at)
        event.add("sequence", _sequence(m))
        event.add("summary", f"Meeting with {m.person.full_name}")
        event.add("dtstart", m.starts_at)
        event.add("dtend", m.starts_at + timedelta(minutes=m.duration_minutes))
        if m.place:
            event.add("location", m.place)
        if m.agenda:
            event.add("description", m.agenda)
        cal.add_component(event)
    return cal.to_ical()


# The JSON backup (docs/backup-format.md)


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

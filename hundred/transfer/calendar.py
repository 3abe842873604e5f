"""iCalendar: follow-ups and meetings as events, for the download and the private feed."""

from __future__ import annotations

from datetime import timedelta

from icalendar import Alarm, Calendar, Event

from hundred.network.models import (
    FollowUp,
    FollowUpState,
    Meeting,
)


def _sequence(obj) -> int:
    # SEQUENCE must grow when an event changes; seconds since creation at the last save do.
    return max(0, int((obj.updated_at - obj.created_at).total_seconds()))


# A follow-up is an all-day event: its reminder rings this long after the day starts.
FOLLOWUP_ALARM_AFTER = timedelta(hours=9)


def _alarm(trigger: timedelta, text: str) -> Alarm:
    """A display reminder, relative to the event's start (negative: before it)."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", trigger)
    return alarm


def export_ics(owner) -> bytes:
    """Open follow-ups as all-day events and meetings as timed ones, with stable UIDs; with
    the account's reminders on, each carries an alarm (VALARM)."""
    minutes = getattr(owner, "calendar_alarm_minutes", 0)
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
        if minutes:
            event.add_component(_alarm(FOLLOWUP_ALARM_AFTER, event["summary"]))
        cal.add_component(event)
    # A cancelled meeting leaves the feed rather than staying as STATUS:CANCELLED: a subscribed
    # calendar re-reads the whole feed on each refresh, so an event that is gone is gone in
    # every app, whereas the status is struck through (Apple, Fastmail), hidden (Etar) or
    # shown as if still on (Google, by some reports): docs/import-export.md says more.
    meetings = Meeting.objects.for_user(owner).not_cancelled().select_related("person")
    for m in meetings.order_by("starts_at", "id"):
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
        if minutes:
            event.add_component(_alarm(-timedelta(minutes=minutes), event["summary"]))
        cal.add_component(event)
    return cal.to_ical()

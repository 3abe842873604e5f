"""What the mail says: the morning digest and the Monday review of one account, as text and
HTML with links that go straight to each item."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from hundred.insight.weeks import Week, build_weeks, week_start
from hundred.network.actions.followups import local_midnight
from hundred.network.models import FollowUpReason
from hundred.network.today import TodayData, build_today


def site_link(path: str) -> str:
    """A full address for a link in a mail: on SITE_URL, or the laptop's own server."""
    return (settings.SITE_URL or "http://127.0.0.1:8000") + path


_UNSUBSCRIBE = signing.Signer(salt="hundred.mail.unsubscribe")


def unsubscribe_link(user, kind: str) -> str:
    """A signed one-click address that turns this kind of mail off for this account."""
    token = _UNSUBSCRIBE.sign(f"{user.pk}.{kind}")
    return site_link(reverse("mail-unsubscribe", args=[token]))


def read_unsubscribe(token: str) -> tuple[int, str] | None:
    """(account id, kind) from a token unsubscribe_link made, or None when it is not one."""
    try:
        pk, _, kind = _UNSUBSCRIBE.unsign(token).partition(".")
        return int(pk), kind
    except (signing.BadSignature, ValueError):
        return None


@dataclass
class Mail:
    """One rendered mail: empty when there is nothing to say (then it is not sent)."""

    subject: str
    text: str
    html: str
    items: int
    unsubscribe_url: str
    summary: dict = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return self.items == 0


def _line(kind: str, person, what: str, path: str) -> dict:
    return {"kind": kind, "person": person.full_name, "what": what, "url": site_link(path)}


def _sections(data: TodayData) -> dict[str, list[dict]]:
    overdue, due, thanks = [], [], []
    for f in data.followups:
        url = f.person.get_absolute_url()
        if f.reason == FollowUpReason.THANK_YOU:
            thanks.append(_line("thank_you", f.person, "send a thank-you", url))
            continue
        what = f"{f.get_reason_display()} — by {f.get_channel_display().lower()}"
        if f.due_on < data.today:
            what += f" (due {f.due_on:%a %d %b})"
        (overdue if f.due_on < data.today else due).append(_line("followup", f.person, what, url))
    meetings = [
        _line(
            "meeting",
            m.person,
            f"{timezone.localtime(m.starts_at, data.tz):%H:%M}"
            + (f", {m.place}" if m.place else ""),
            reverse("network-meeting-prep", args=[m.pk]),
        )
        for m in data.meetings_today
    ]
    debriefs = [
        _line(
            "debrief",
            m.person,
            "write the debrief",
            reverse("network-meeting-debrief", args=[m.pk]),
        )
        for m in data.debriefs
    ]
    favours = [
        _line("favour", fav.person, fav.what, fav.person.get_absolute_url())
        for fav in data.favours
        if fav.due_on is not None and fav.due_on <= data.today
    ]
    return {
        "Overdue follow-ups": overdue,
        "Follow-ups due today": due,
        "Today's meetings (open the prep sheet)": meetings,
        "Thank-yous to send": thanks,
        "Debriefs to write": debriefs,
        "Favours due": favours,
    }


def build_digest(user, now: datetime | None = None) -> Mail:
    """The morning digest for the account's local today."""
    data = build_today(user, now)
    sections = {title: lines for title, lines in _sections(data).items() if lines}
    items = sum(len(lines) for lines in sections.values())
    listed = data.people_count
    progress = (
        f"{min(listed, 100)} of 100 people listed; {data.asks_this_week} of "
        f"{data.asks_target} asks and {data.meetings_this_week} of {data.meetings_target} "
        "meetings this week."
    )
    context = {
        "user": user,
        "day": data.today,
        "sections": sections,
        "progress": progress,
        "today_url": site_link(reverse("network-today")),
        "unsubscribe_url": unsubscribe_link(user, "digest"),
    }
    subject = f"Today: {items} thing{'s' if items != 1 else ''} to do — {data.today:%a %d %b}"
    return Mail(
        subject=subject,
        text=render_to_string("mail/digest.txt", context),
        html=render_to_string("mail/digest.html", context),
        items=items,
        unsubscribe_url=context["unsubscribe_url"],
        summary={title: len(lines) for title, lines in sections.items()},
    )


def last_week(user, now: datetime) -> Week:
    """The figures of the last whole ISO week, in the account's time zone."""
    today = now.astimezone(user.tzinfo).date()
    this_monday = week_start(today)
    first_monday = this_monday - timedelta(weeks=11)
    weeks = build_weeks(user, user.tzinfo, first_monday, local_midnight(user, first_monday), now)
    return weeks[-2]


def build_weekly_review(user, now: datetime) -> Mail:
    """Monday's review: what last week's networking came to."""
    week = last_week(user, now)
    figures = {
        "Asks sent": week.outreach,
        "Replies": week.replies,
        "Meetings": week.meetings,
        "Follow-ups done": week.followups_done,
        "Names received": week.names,
    }
    items = sum(figures.values())
    ends_on: date = week.starts_on + timedelta(days=6)
    context = {
        "user": user,
        "week": week,
        "ends_on": ends_on,
        "figures": figures,
        "insights_url": site_link(reverse("insight-insights")),
        "unsubscribe_url": unsubscribe_link(user, "weekly"),
    }
    return Mail(
        subject=f"Your week of {week.starts_on:%d %b}: {week.outreach} asks, "
        f"{week.meetings} meetings",
        text=render_to_string("mail/weekly.txt", context),
        html=render_to_string("mail/weekly.html", context),
        items=items,
        unsubscribe_url=context["unsubscribe_url"],
        summary=figures,
    )

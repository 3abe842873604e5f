"""The Today queue: what is due and overdue, what is ahead, and the week's progress."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from hundred.network.actions.followups import bring_back_paused, local_date, local_midnight
from hundred.network.models import (
    Direction,
    Favour,
    FollowUp,
    FollowUpSettings,
    FollowUpState,
    Interaction,
    MailSuggestion,
    Meeting,
    Person,
    Stage,
)

# Today shows the next few items of each section, with "and N more" linking to the section in
# full; at 30,000 people a hundred follow-ups with their buttons were 158 KB and 112 ms.
SHOWN = 10
# A section asked for in full (and `hundred today`) lists at most this many.
FULL = 200
SECTIONS = ("followups", "meetings", "debriefs", "favours")


@dataclass
class TodayData:
    today: date
    followups: list
    meetings_today: list
    meetings_week: list
    debriefs: list
    favours: list
    listed_count: int
    people_count: int
    asks_this_week: int
    meetings_this_week: int
    asks_target: int
    meetings_target: int
    back_from_pause: int = 0
    mail_suggestions: list = field(default_factory=list)  # new people from your mail, up to 5
    mail_suggestions_count: int = 0
    tz: tzinfo | None = None  # the account's: JSON times carry its offset
    # How many each section has in all, when more than its list shows.
    totals: dict[str, int] = field(default_factory=dict)

    def more(self, section: str) -> int:
        """How many items of a section are not in its list."""
        shown = {
            "followups": len(self.followups),
            "meetings": len(self.meetings_today) + len(self.meetings_week),
            "debriefs": len(self.debriefs),
            "favours": len(self.favours),
        }[section]
        return max(0, self.totals.get(section, shown) - shown)

    @property
    def more_followups(self) -> int:
        return self.more("followups")

    @property
    def more_meetings(self) -> int:
        return self.more("meetings")

    @property
    def more_debriefs(self) -> int:
        return self.more("debriefs")

    @property
    def more_favours(self) -> int:
        return self.more("favours")

    def _iso(self, at: datetime) -> str:
        return (timezone.localtime(at, self.tz) if self.tz else at).isoformat()

    @property
    def is_short(self) -> bool:
        return len(self.followups) + len(self.debriefs) + len(self.favours) < 3

    def items(self) -> list[dict]:
        """Everything to act on, as `hundred today --json` prints it."""
        out = []
        for f in self.followups:
            out.append(
                {
                    "kind": "followup",
                    "person": f.person.full_name,
                    "due": f.due_on.isoformat(),
                    "channel": f.channel,
                    "reason": f.reason,
                    "overdue": f.due_on < self.today,
                    "id": f.pk,
                }
            )
        for m in self.meetings_today + self.meetings_week:
            out.append(
                {
                    "kind": "meeting",
                    "person": m.person.full_name,
                    "due": self._iso(m.starts_at),
                    "channel": "",
                    "reason": m.place or "meeting",
                    "id": m.pk,
                }
            )
        for m in self.debriefs:
            out.append(
                {
                    "kind": "debrief",
                    "person": m.person.full_name,
                    "due": self._iso(m.starts_at),
                    "channel": "",
                    "reason": "write the debrief",
                    "id": m.pk,
                }
            )
        for fav in self.favours:
            out.append(
                {
                    "kind": "favour",
                    "person": fav.person.full_name,
                    "due": fav.due_on.isoformat() if fav.due_on else None,
                    "channel": "",
                    "reason": fav.what,
                    "id": fav.pk,
                }
            )
        return out


def _counts(user, **querysets) -> dict[str, int]:
    """How many rows each of the owner's querysets has, in one query: a scalar subquery each,
    read on the owner's own row. Counted every time, not only when a list is full, so the page
    makes the same queries at any size; on PostgreSQL each separate count was a round trip."""
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values(
            **{
                name: Coalesce(
                    Subquery(
                        qs.order_by().values("owner").annotate(n=Count("pk")).values("n"),
                        output_field=IntegerField(),
                    ),
                    Value(0),
                )
                for name, qs in querysets.items()
            }
        )
        .get()
    )
    return {name: row[name] for name in querysets}


def build_today(
    user,
    now: datetime | None = None,
    *,
    shown: int = FULL,
    full: str = "",
    bring_back: bool = True,
) -> TodayData:
    """What Today shows, in a constant number of queries; brings paused people back first
    (unless `bring_back` is off: a coach's read-only view writes nothing of the client's).

    Each section lists its first `shown` items (the one named by `full`, FULL) and counts the
    rest."""
    now = now or timezone.now()
    today = local_date(user, now)
    back = bring_back_paused(user, today) if bring_back else 0
    s = FollowUpSettings.objects.read_for(user)
    start_today = local_midnight(user, today)
    start_tomorrow = local_midnight(user, today + timedelta(days=1))
    week_end = local_midnight(user, today + timedelta(days=8))
    monday = today - timedelta(days=today.weekday())
    week_from = local_midnight(user, monday)
    week_to = local_midnight(user, monday + timedelta(days=7))

    def limit(section: str) -> int:
        return FULL if section == full else shown

    followups = (
        FollowUp.objects.for_user(user)
        .filter(state=FollowUpState.OPEN, due_on__lte=today)
        .select_related("person")
        .order_by("due_on", "id")
    )
    on = Meeting.objects.for_user(user).not_cancelled()
    meetings = (
        on.filter(starts_at__gte=start_today, starts_at__lt=week_end)
        .select_related("person")
        .order_by("starts_at", "id")
    )
    debriefs = (
        Meeting.objects.for_user(user)
        .to_debrief(now)
        .select_related("person")
        .order_by("starts_at", "id")
    )
    favours = Favour.objects.for_user(user).owed().select_related("person")
    people = Person.objects.for_user(user)
    suggestions = MailSuggestion.objects.for_user(user).to_review()
    counts = _counts(
        user,
        followups=followups,
        meetings=meetings,
        debriefs=debriefs,
        favours=favours,
        listed=people.filter(stage=Stage.LISTED),
        people=people,
        asks_this_week=Interaction.objects.for_user(user).filter(
            direction=Direction.OUT,
            is_outreach=True,
            occurred_at__gte=week_from,
            occurred_at__lt=week_to,
        ),
        meetings_this_week=on.filter(starts_at__gte=week_from, starts_at__lt=week_to),
        suggestions=suggestions,
    )

    def first(name: str, qs, n: int) -> list:
        # An empty section (most accounts have no mail suggestions) costs no query.
        return list(qs[:n]) if counts[name] else []

    followups = first("followups", followups, limit("followups"))
    meetings = first("meetings", meetings, limit("meetings"))
    debriefs = first("debriefs", debriefs, limit("debriefs"))
    favours = first("favours", favours, limit("favours"))
    return TodayData(
        today=today,
        followups=followups,
        meetings_today=[m for m in meetings if m.starts_at < start_tomorrow],
        meetings_week=[m for m in meetings if m.starts_at >= start_tomorrow],
        debriefs=debriefs,
        favours=favours,
        listed_count=counts["listed"],
        people_count=counts["people"],
        asks_this_week=counts["asks_this_week"],
        meetings_this_week=counts["meetings_this_week"],
        asks_target=s.asks_per_week,
        meetings_target=s.meetings_per_week,
        back_from_pause=back,
        mail_suggestions=first("suggestions", suggestions, 5),
        mail_suggestions_count=counts["suggestions"],
        tz=user.tzinfo,
        totals={name: counts[name] for name in SECTIONS},
    )

"""The weekly review: last week against the weekly targets, and the article's checklist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Max, Q

from hundred.insight.weeks import Week
from hundred.network.models import (
    Direction,
    Favour,
    FavourDirection,
    FollowUp,
    FollowUpReason,
    FollowUpState,
    Interaction,
    Meeting,
)

DEFAULT_ASKS_PER_WEEK = 5
DEFAULT_MEETINGS_PER_WEEK = 2

Through = Interaction.people.through


@dataclass
class Checklist:
    overdue: int
    meetings: list[tuple[Meeting, bool]]  # last week's meetings and whether each was thanked
    help_given: int

    @property
    def followed_up(self) -> bool:
        return self.overdue == 0

    @property
    def thanked(self) -> bool:
        return all(ok for _, ok in self.meetings)

    @property
    def helped(self) -> bool:
        return self.help_given > 0


@dataclass
class WeeklyReview:
    starts_on: date
    ends_on: date
    week: Week
    asks_target: int
    meetings_target: int
    targets_from_settings: bool
    checklist: Checklist


def weekly_targets(user) -> tuple[int, int, bool]:
    """(asks, meetings, whether they come from the account's settings) per week."""
    try:
        from hundred.network.models import FollowUpSettings
    except ImportError:  # pragma: no cover - the settings model is older than this page
        return DEFAULT_ASKS_PER_WEEK, DEFAULT_MEETINGS_PER_WEEK, False
    found = (
        FollowUpSettings.objects.filter(owner=user)
        .values_list("asks_per_week", "meetings_per_week")
        .first()
    )
    if found is None:
        return DEFAULT_ASKS_PER_WEEK, DEFAULT_MEETINGS_PER_WEEK, False
    return found[0], found[1], True


def build_review(user, tz, weeks: list[Week], this_monday: date, overdue: int, now) -> WeeklyReview:
    """Last ISO week against the weekly targets, and the article's checklist."""
    last_monday = this_monday - timedelta(weeks=1)
    start = datetime.combine(last_monday, datetime.min.time(), tzinfo=tz)
    end = datetime.combine(this_monday, datetime.min.time(), tzinfo=tz)
    week = next((w for w in weeks if w.starts_on == last_monday), Week(last_monday))
    asks, meetings_target, from_settings = weekly_targets(user)

    last_week_meetings = list(
        Meeting.objects.for_user(user)
        .not_cancelled()
        .filter(starts_at__gte=start, starts_at__lt=end, starts_at__lte=now)
        .select_related("person")
        .order_by("starts_at", "id")
    )
    # Thanked: a thank-you follow-up of the meeting is done. Read for the week's few meetings
    # by id, apart from them: SQLite's statistics see FollowUp.meeting as one value (it is
    # empty on nearly every follow-up), so a join on it, or a correlated EXISTS, made SQLite
    # build a temporary index over every follow-up (~20 ms) or read every done one for each
    # meeting (~330 ms). This reads the account's done follow-ups once, by its index.
    thanked = set(
        FollowUp.objects.for_user(user)
        .filter(
            state=FollowUpState.DONE,
            reason=FollowUpReason.THANK_YOU,
            meeting_id__in=[m.id for m in last_week_meetings],
        )
        .order_by()
        .values_list("meeting_id", flat=True)
    )
    # Wrote to them after the meeting: their latest outbound message is later than it. One
    # grouped query over a week's few people; a correlated EXISTS per meeting made PostgreSQL
    # scan the interaction table (~270 ms at 100,000 interactions).
    last_written = dict(
        Through.objects.filter(
            person_id__in={m.person_id for m in last_week_meetings},
            interaction__direction=Direction.OUT,
        )
        .order_by()
        .values_list("person_id")
        .annotate(last=Max("interaction__occurred_at"))
    )
    meetings = [
        (m, m.id in thanked or last_written.get(m.person_id, m.starts_at) > m.starts_at)
        for m in last_week_meetings
    ]
    helping = Favour.objects.for_user(user).filter(
        direction__in=(FavourDirection.I_OFFERED, FavourDirection.THEY_ASKED)
    )
    help_given = helping.filter(
        Q(created_at__gte=start, created_at__lt=end)
        | Q(done_on__gte=last_monday, done_on__lt=this_monday)
    ).count()
    return WeeklyReview(
        starts_on=last_monday,
        ends_on=this_monday - timedelta(days=1),
        week=week,
        asks_target=asks,
        meetings_target=meetings_target,
        targets_from_settings=from_settings,
        checklist=Checklist(overdue=overdue, meetings=meetings, help_given=help_given),
    )

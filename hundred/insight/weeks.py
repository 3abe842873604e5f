"""Activity week by week: outreach, replies, meetings, follow-ups done and names given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from hundred.network.models import Direction, FollowUp, FollowUpState, Interaction, Meeting
from hundred.network.prepared import ACCOUNT, DATETIME, Prepared

WEEKS = 12


@dataclass
class Week:
    starts_on: date
    outreach: int = 0
    replies: int = 0
    meetings: int = 0
    followups_done: int = 0
    debriefed: int = 0
    names: int = 0

    @property
    def names_per_meeting(self) -> float | None:
        return round(self.names / self.debriefed, 2) if self.debriefed else None


def week_start(d: date) -> date:
    """The Monday of d's ISO week."""
    return d - timedelta(days=d.weekday())


def _outreach_filter() -> Q:
    return Q(is_outreach=True, direction=Direction.OUT)


def _week_of(field: str, bounds: list[datetime], first: int = 0, last: int = WEEKS) -> Case | Value:
    """The week a row's `field` falls in, 0 to WEEKS - 1: a CASE halving the weeks each step."""
    if last - first == 1:
        return Value(first)
    middle = (first + last) // 2
    return Case(
        When(**{f"{field}__lt": bounds[middle]}, then=_week_of(field, bounds, first, middle)),
        default=_week_of(field, bounds, middle, last),
        output_field=IntegerField(),
    )


def _per_week(rows, field: str, **series: Count) -> tuple[Prepared, list[str]]:
    """A query counting `series` of the account's `rows(user)` week by week, compiled once
    (network/prepared.py): building the CASE of twelve bounds through the ORM was ~9 ms of
    the ~24 of computing Insights for a demo-sized account, every view after a write."""

    def build(user, now, **bounds) -> QuerySet:
        # Rows run from the first Monday to now, which is in the last week.
        limits = [bounds[name] for name in _MONDAYS]
        return (
            rows(user)
            .filter(**{f"{field}__gte": limits[0], f"{field}__lte": now})
            .annotate(week=_week_of(field, limits))
            .order_by()
            .values("week")
            .annotate(**series)
            .values_list("week", *series)
        )

    kinds = dict.fromkeys(_MONDAYS, DATETIME)
    return Prepared(build, user=ACCOUNT, now=DATETIME, **kinds), list(series)


# The start of each week; the end of the last is `now`.
_MONDAYS = [f"monday_{i}" for i in range(WEEKS)]
_DEBRIEFED = Q(debriefed_at__isnull=False)
_BY_WEEK = (
    _per_week(
        lambda user: Interaction.objects.for_user(user),
        "occurred_at",
        outreach=Count("id", filter=_outreach_filter()),
        replies=Count("id", filter=Q(direction=Direction.IN)),
    ),
    # Names given at a debriefed meeting count in the meeting's week: the people introduced
    # at each meeting are joined to it (names_given), so meetings are counted distinct.
    _per_week(
        lambda user: Meeting.objects.for_user(user).not_cancelled(),
        "starts_at",
        meetings=Count("id", distinct=True),
        debriefed=Count("id", distinct=True, filter=_DEBRIEFED),
        names=Count("names_given", filter=_DEBRIEFED),
    ),
    _per_week(
        lambda user: FollowUp.objects.for_user(user).filter(state=FollowUpState.DONE),
        "done_at",
        followups_done=Count("id"),
    ),
)


def build_weeks(user, tz, first_monday: date, window_start: datetime, now: datetime) -> list[Week]:
    """Twelve ISO weeks of activity in the account's time zone, oldest first.

    Each week is a pair of aware bounds computed here; a CASE over the bounds numbers every
    row's week and one GROUP BY counts them: plain comparisons the database does fast, the same
    on SQLite and PostgreSQL (SQLite's TruncWeek runs a Python function a row, and a filtered
    COUNT per week and series tested every row two dozen times). The CASE halves the weeks at
    each step, so a row takes four comparisons rather than up to twelve (~19 → ~9 ms for the
    interactions at 100,000).
    """
    mondays = [first_monday + timedelta(weeks=i) for i in range(WEEKS + 1)]
    bounds = [datetime.combine(m, datetime.min.time(), tzinfo=tz) for m in mondays]
    weeks = [Week(m) for m in mondays[:WEEKS]]
    starts = dict(zip(_MONDAYS, bounds[:WEEKS], strict=True))
    for prepared, names in _BY_WEEK:
        for week, *counts in prepared.rows(user=user, now=now, **starts):
            for name, n in zip(names, counts, strict=True):
                setattr(weeks[week], name, n)
    return weeks


def names_all_time(user) -> tuple[int, int]:
    """(Meetings debriefed, names given at them), over the whole account."""
    debriefed = Meeting.objects.for_user(user).filter(debriefed_at__isnull=False)
    counts = debriefed.aggregate(
        meetings=Count("id", distinct=True), names=Count("names_given", distinct=True)
    )
    return counts["meetings"], counts["names"]

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
from hundred.network.prepared import ACCOUNT, DATE, DATETIME, Prepared

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
    # New people from your mail, up to 5, each with `same_name`: people of that name listed.
    mail_suggestions: list = field(default_factory=list)
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


def _followups(user, today):
    return FollowUp.objects.for_user(user).filter(state=FollowUpState.OPEN, due_on__lte=today)


def _meetings(user, start_today, week_end):
    return (
        Meeting.objects.for_user(user)
        .not_cancelled()
        .filter(starts_at__gte=start_today, starts_at__lt=week_end)
    )


def _debriefs(user, now):
    return Meeting.objects.for_user(user).to_debrief(now)


def _favours(user):
    return Favour.objects.for_user(user).owed()


def _count(qs) -> Coalesce:
    """How many rows a queryset of the owner's has, as a scalar subquery read on their row.
    COUNT(*), not of the id: PostgreSQL can then count the people from an index alone."""
    return Coalesce(
        Subquery(
            qs.order_by().values("owner").annotate(n=Count("*")).values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


COUNTED = (
    "followups",
    "meetings",
    "debriefs",
    "favours",
    "listed",
    "people",
    "asks_this_week",
    "meetings_this_week",
    "suggestions",
)


def _counts_query(user, today, now, start_today, week_end, week_from, week_to):
    """How many rows each section and figure has, in one query on the owner's own row.
    Counted every time, not only when a list is full, so the page makes the same queries at
    any size; on PostgreSQL each separate count was a round trip."""
    people = Person.objects.for_user(user)
    counted = {
        "followups": _followups(user, today),
        "meetings": _meetings(user, start_today, week_end),
        "debriefs": _debriefs(user, now),
        "favours": _favours(user),
        "listed": people.filter(stage=Stage.LISTED),
        "people": people,
        "asks_this_week": Interaction.objects.for_user(user).filter(
            direction=Direction.OUT,
            is_outreach=True,
            occurred_at__gte=week_from,
            occurred_at__lt=week_to,
        ),
        "meetings_this_week": Meeting.objects.for_user(user)
        .not_cancelled()
        .filter(starts_at__gte=week_from, starts_at__lt=week_to),
        "suggestions": MailSuggestion.objects.for_user(user).to_review(),
    }
    assert tuple(counted) == COUNTED
    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values(**{name: _count(qs) for name, qs in counted.items()})
        .values_list(*COUNTED)
    )


# Compiled once per process and database (network/prepared.py): compiling the nine
# subqueries was ~8 ms of every Today.
_COUNTS = Prepared(
    _counts_query,
    user=ACCOUNT,
    today=DATE,
    now=DATETIME,
    start_today=DATETIME,
    week_end=DATETIME,
    week_from=DATETIME,
    week_to=DATETIME,
)


class _Listed:
    """One of Today's lists: the columns of the model it shows and its person's name, read
    by a query compiled once per (database, limit), made into model instances with the
    person attached, as `select_related("person")` would, but the other columns left unread
    (read on first use, as `only()` leaves them)."""

    def __init__(self, model, attnames: tuple[str, ...], build, **kinds):
        self.model = model
        self.attnames = tuple(
            f.attname for f in model._meta.concrete_fields if f.attname in attnames
        )
        assert len(self.attnames) == len(attnames), attnames
        self.person_at = self.attnames.index("person_id")
        self.columns = (*self.attnames, "person__first_name", "person__last_name")
        self.cache_person = model._meta.get_field("person").set_cached_value
        self.prepared = Prepared(
            lambda limit, **values: build(**values).values_list(*self.columns)[:limit], **kinds
        )

    def __call__(self, limit: int, **values) -> list:
        from_db, person_from_db = self.model.from_db, Person.from_db
        n, attnames, cache_person = len(self.attnames), self.attnames, self.cache_person
        out = []
        for row in self.prepared.rows(limit, **values):
            item = from_db("default", attnames, row[:n])
            cache_person(
                item, person_from_db("default", _PERSON_NAME, (row[self.person_at], *row[n:]))
            )
            out.append(item)
        return out


_PERSON_NAME = ("id", "first_name", "last_name")

_FOLLOWUPS = _Listed(
    FollowUp,
    ("id", "person_id", "due_on", "channel", "reason", "attempt", "note"),
    lambda user, today: _followups(user, today).order_by("due_on", "id"),
    user=ACCOUNT,
    today=DATE,
)
_MEETINGS = _Listed(
    Meeting,
    ("id", "person_id", "starts_at", "duration_minutes", "place"),
    lambda user, start_today, week_end: _meetings(user, start_today, week_end).order_by(
        "starts_at", "id"
    ),
    user=ACCOUNT,
    start_today=DATETIME,
    week_end=DATETIME,
)
_DEBRIEFS = _Listed(
    Meeting,
    ("id", "person_id", "starts_at", "duration_minutes", "place"),
    lambda user, now: _debriefs(user, now).order_by("starts_at", "id"),
    user=ACCOUNT,
    now=DATETIME,
)
_FAVOURS = _Listed(
    Favour,
    ("id", "person_id", "direction", "what", "due_on"),
    _favours,
    user=ACCOUNT,
)


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

    (row,) = _COUNTS.rows(
        user=user,
        today=today,
        now=now,
        start_today=start_today,
        week_end=week_end,
        week_from=week_from,
        week_to=week_to,
    )
    counts = dict(zip(COUNTED, row, strict=True))

    # An empty section (most accounts have no mail suggestions) costs no query.
    followups = (
        _FOLLOWUPS(limit("followups"), user=user, today=today) if counts["followups"] else []
    )
    meetings = (
        _MEETINGS(limit("meetings"), user=user, start_today=start_today, week_end=week_end)
        if counts["meetings"]
        else []
    )
    debriefs = _DEBRIEFS(limit("debriefs"), user=user, now=now) if counts["debriefs"] else []
    favours = _FAVOURS(limit("favours"), user=user) if counts["favours"] else []
    # Each with the people of the same name it could belong to: one query for the five.
    suggestions = (
        MailSuggestion.objects.for_user(user).to_review()[:5].with_same_name(user)
        if counts["suggestions"]
        else []
    )
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
        mail_suggestions=suggestions,
        mail_suggestions_count=counts["suggestions"],
        tz=user.tzinfo,
        totals={name: counts[name] for name in SECTIONS},
    )

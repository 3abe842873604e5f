"""The follow-up engine wired to the database: plan, cancel, do, snooze, skip, pause, come back.

rules.py decides (pure, on dates); the do_* functions here read what it needs, ask it, and write
the answer back in one transaction. Every date is the account's local date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from hundred.network import rules
from hundred.network.models import (
    Channel,
    Company,
    Direction,
    Favour,
    FavourDirection,
    FavourState,
    FollowUp,
    FollowUpReason,
    FollowUpSettings,
    FollowUpState,
    Interaction,
    Meeting,
    Person,
    Source,
    Stage,
)

# A person back from a pause returns to the list, to be asked again with a fresh count of
# attempts: after max_attempts without a word, "asked" would say something no longer true.
BACK_FROM_PAUSE_STAGE = Stage.LISTED

# Stages a scheduled meeting may move on from; people already met stay met or nurturing.
_BEFORE_MEETING = (Stage.LISTED, Stage.ASKED, Stage.PAUSED, Stage.DECLINED)


class PestGuard(Exception):
    """An attempt the pest guard refuses; the message says why and the earliest date."""

    def __init__(self, reason: str, earliest_on: date | None = None):
        super().__init__(reason)
        self.reason = reason
        self.earliest_on = earliest_on


def rule_settings(user) -> rules.RuleSettings:
    return FollowUpSettings.objects.get_for(user).as_rules()


def local_date(user, moment: datetime) -> date:
    """The date of an aware datetime in the account's time zone."""
    return timezone.localtime(moment, user.tzinfo).date()


def local_midnight(user, day: date) -> datetime:
    """The aware datetime at which a local day starts for the account."""
    return datetime.combine(day, time.min, tzinfo=user.tzinfo)


def current_attempts(user, person: Person) -> list[rules.Attempt]:
    """The outreach attempts of the current round: after their latest reply, and after a pause
    that has ended (a person back from a pause starts a fresh count)."""
    qs = Interaction.objects.for_user(user).filter(people=person)
    since = None
    last_in = qs.filter(direction=Direction.IN).order_by("-occurred_at").first()
    if last_in is not None:
        since = last_in.occurred_at
    today = user.local_today()
    if person.paused_until and person.paused_until <= today:
        back_at = local_midnight(user, person.paused_until)
        since = max(since, back_at) if since else back_at
    attempts = qs.filter(direction=Direction.OUT, is_outreach=True)
    if since is not None:
        attempts = attempts.filter(occurred_at__gt=since)
    return [
        rules.Attempt(on=local_date(user, a.occurred_at), channel=a.channel)
        for a in attempts.order_by("occurred_at", "id")
    ]


def _open_no_reply(user, person: Person):
    return FollowUp.objects.for_user(user).filter(
        person=person, state=FollowUpState.OPEN, reason=FollowUpReason.NO_REPLY
    )


@transaction.atomic
def do_plan_after_outreach(user, person: Person) -> FollowUp | None:
    """After an outbound outreach: plan the next no-reply follow-up, or pause the person.

    Any no-reply follow-up still open is superseded by the attempt just made.
    """
    attempts = current_attempts(user, person)
    if not attempts:
        return None
    s = rule_settings(user)
    last_on = max(a.on for a in attempts)
    _open_no_reply(user, person).update(
        state=FollowUpState.SKIPPED,
        note=f"Replaced by the attempt of {last_on:%Y-%m-%d}.",
        updated_at=timezone.now(),
    )
    decision = rules.after_outreach(attempts, s)
    if isinstance(decision, rules.Pause):
        person.set_stage(Stage.PAUSED)
        person.paused_until = decision.until
        person.save(update_fields=["stage", "stage_changed_at", "paused_until", "updated_at"])
        return None
    return FollowUp.objects.create(
        owner=user,
        person=person,
        due_on=decision.due_on,
        channel=decision.channel,
        reason=FollowUpReason.NO_REPLY,
        attempt=decision.attempt,
        note=f"Attempt {decision.attempt} of {s.max_attempts}: no reply yet.",
    )


@transaction.atomic
def do_cancel_on_reply(user, person: Person, replied_on: date) -> int:
    """An inbound interaction cancels the person's pending no-reply follow-ups; others stay."""
    pending = [
        rules.OpenFollowUp(id=f.pk, reason=f.reason)
        for f in FollowUp.objects.for_user(user).filter(person=person, state=FollowUpState.OPEN)
    ]
    ids = rules.on_reply(pending)
    return FollowUp.objects.filter(pk__in=ids).update(
        state=FollowUpState.SKIPPED,
        note=f"Cancelled: they replied on {replied_on:%Y-%m-%d}.",
        updated_at=timezone.now(),
    )


def on_interaction_logged(user, interaction: Interaction, people: list[Person]) -> None:
    """The hook do_log_interaction calls: plan after an outreach, cancel after a reply."""
    if interaction.direction == Direction.OUT and interaction.is_outreach:
        for person in people:
            do_plan_after_outreach(user, person)
    elif interaction.direction == Direction.IN:
        on = local_date(user, interaction.occurred_at)
        for person in people:
            do_cancel_on_reply(user, person, on)


def bring_back_paused(user, today: date | None = None) -> int:
    """People whose pause has ended go back to the list: one UPDATE, run when Today loads."""
    today = today or user.local_today()
    due = Person.objects.for_user(user).filter(stage=Stage.PAUSED, paused_until__lte=today)
    # Reading first keeps Today a read on most days: a write would take SQLite's write lock.
    if not due.exists():
        return 0
    return due.update(stage=BACK_FROM_PAUSE_STAGE, stage_changed_at=timezone.now())


def _guard(user, person: Person, proposed_on: date) -> None:
    """Raise PestGuard if a no-reply attempt on proposed_on breaks the account's rules.

    Only attempts made count: the sentence names the latest real one, and a planned follow-up
    being moved is not an attempt yet.
    """
    violation = rules.check_attempt(
        current_attempts(user, person), proposed_on, rule_settings(user)
    )
    if violation is not None:
        raise PestGuard(violation.reason, violation.earliest_on)


@transaction.atomic
def do_schedule_followup(
    user,
    person: Person,
    *,
    due_on: date,
    channel: str,
    reason: str,
    note: str = "",
    override: bool = False,
) -> FollowUp:
    """A follow-up made by hand; a no-reply attempt must pass the pest guard or be overridden."""
    is_override = False
    if reason == FollowUpReason.NO_REPLY:
        try:
            _guard(user, person, due_on)
        except PestGuard:
            if not override:
                raise
            is_override = True
    attempt = 1
    if reason == FollowUpReason.NO_REPLY:
        attempt = len(current_attempts(user, person)) + 1
    return FollowUp.objects.create(
        owner=user,
        person=person,
        due_on=due_on,
        channel=channel,
        reason=reason,
        note=note,
        attempt=attempt,
        is_override=is_override,
    )


@transaction.atomic
def do_reschedule_followup(user, followup: FollowUp, due_on: date, override: bool = False):
    """Move an open follow-up to another date; an attempt moved too close needs the override."""
    if followup.reason == FollowUpReason.NO_REPLY:
        try:
            _guard(user, followup.person, due_on)
        except PestGuard:
            if not override:
                raise
            followup.is_override = True
    followup.due_on = due_on
    followup.save(update_fields=["due_on", "is_override", "updated_at"])
    return followup


@transaction.atomic
def do_snooze_followup(user, followup: FollowUp, days: int = 1) -> FollowUp:
    followup.due_on = rules.snooze(followup.due_on, user.local_today(), days, rule_settings(user))
    followup.save(update_fields=["due_on", "updated_at"])
    return followup


@transaction.atomic
def do_skip_followup(user, followup: FollowUp, note: str = "") -> FollowUp:
    followup.state = FollowUpState.SKIPPED
    followup.note = note or followup.note
    followup.save(update_fields=["state", "note", "updated_at"])
    return followup


@transaction.atomic
def do_complete_followup(
    user, followup: FollowUp, *, channel: str | None = None, summary: str = ""
) -> Interaction:
    """Mark a follow-up done and log the interaction it was, in one step.

    A no-reply follow-up done is the next outreach attempt: logging it plans the one after (or
    pauses the person). A favour's follow-up done marks the favour done; a keep-in-touch one
    plans the next reminder.
    """
    from hundred.network.actions import do_log_interaction

    person = followup.person
    now = timezone.now()
    followup.state = FollowUpState.DONE
    followup.done_at = now
    followup.save(update_fields=["state", "done_at", "updated_at"])
    is_attempt = followup.reason == FollowUpReason.NO_REPLY
    interaction = do_log_interaction(
        user,
        [person],
        channel=channel or followup.channel,
        direction=Direction.OUT,
        occurred_at=now,
        summary=summary or f"{followup.get_reason_display()} (follow-up done)",
        is_outreach=is_attempt,
        meeting=followup.meeting,
    )
    followup.interaction = interaction
    followup.save(update_fields=["interaction"])
    today = local_date(user, now)
    if followup.reason == FollowUpReason.FAVOUR and followup.favour_id:
        Favour.objects.filter(pk=followup.favour_id, state=FavourState.PROMISED).update(
            state=FavourState.DONE, done_on=today, updated_at=now
        )
    if followup.reason == FollowUpReason.KEEP_IN_TOUCH:
        _plan_keep_in_touch(user, person, today)
    return interaction


def _plan_keep_in_touch(user, person: Person, last_contact_on: date) -> FollowUp:
    s = rule_settings(user)
    FollowUp.objects.for_user(user).filter(
        person=person, state=FollowUpState.OPEN, reason=FollowUpReason.KEEP_IN_TOUCH
    ).update(state=FollowUpState.SKIPPED, note="Replaced by a newer reminder.")
    return FollowUp.objects.create(
        owner=user,
        person=person,
        due_on=rules.keep_in_touch_due(last_contact_on, person.closeness, s),
        channel=Channel.EMAIL,
        reason=FollowUpReason.KEEP_IN_TOUCH,
        note="Keep in touch: news, thanks, something useful for them.",
    )


@transaction.atomic
def do_complete_favour(user, favour: Favour) -> Favour:
    """Mark a favour done, closing its open follow-ups."""
    today = user.local_today()
    favour.state = FavourState.DONE
    favour.done_on = today
    favour.save(update_fields=["state", "done_on", "updated_at"])
    FollowUp.objects.for_user(user).filter(favour=favour, state=FollowUpState.OPEN).update(
        state=FollowUpState.DONE, done_at=timezone.now()
    )
    return favour


@transaction.atomic
def do_add_favour(
    user,
    person: Person,
    *,
    direction: str,
    what: str,
    due_on: date | None = None,
    meeting: Meeting | None = None,
) -> Favour:
    """Record a favour; one that I owe (they asked, I offered) gets its follow-up."""
    favour = Favour.objects.create(
        owner=user, person=person, direction=direction, what=what, due_on=due_on, meeting=meeting
    )
    if direction == FavourDirection.THEY_DID:
        favour.state = FavourState.DONE
        favour.done_on = due_on or user.local_today()
        favour.save(update_fields=["state", "done_on"])
        return favour
    FollowUp.objects.create(
        owner=user,
        person=person,
        due_on=rules.favour_followup_due(due_on, user.local_today(), rule_settings(user)),
        channel=Channel.EMAIL,
        reason=FollowUpReason.FAVOUR,
        favour=favour,
        meeting=meeting,
        note=what,
    )
    return favour


# Meetings


@transaction.atomic
def do_schedule_meeting(
    user, person: Person, *, starts_at: datetime, duration_minutes: int = 20, place: str = ""
) -> Meeting:
    """Book a meeting: the person moves to scheduled and pending no-reply follow-ups end."""
    from hundred.network.models import Target

    target = Target.objects.for_user(user).first()
    meeting = Meeting.objects.create(
        owner=user,
        person=person,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        place=place,
        pitch_snapshot=target.pitch if target else "",
        company_notes=person.company.notes if person.company else "",
    )
    if person.stage in _BEFORE_MEETING:
        person.set_stage(Stage.SCHEDULED)
        person.save(update_fields=["stage", "stage_changed_at", "updated_at"])
    _open_no_reply(user, person).update(
        state=FollowUpState.SKIPPED,
        note=f"A meeting is booked for {local_date(user, starts_at):%Y-%m-%d}.",
        updated_at=timezone.now(),
    )
    return meeting


@dataclass
class NameGiven:
    name: str
    company: str = ""
    title: str = ""
    reach: str = ""
    note: str = ""


@dataclass
class CompanyMentioned:
    name: str
    is_target: bool = False


@dataclass
class FavourAsked:
    what: str
    due_on: date | None = None


@dataclass
class Debrief:
    advice: str = ""
    notes: str = ""
    names: list[NameGiven] = field(default_factory=list)
    companies: list[CompanyMentioned] = field(default_factory=list)
    favours: list[FavourAsked] = field(default_factory=list)


def split_name(name: str) -> tuple[str, str]:
    """'Dr. Ann Lee' -> ('Ann', 'Lee'); a single word stays the first name."""
    from nameparser import HumanName

    parsed = HumanName(name)
    if not parsed.first:
        return name, ""
    first = " ".join(p for p in (parsed.first, parsed.middle) if p)
    last = " ".join(p for p in (parsed.last, parsed.suffix) if p)
    return first, last


@transaction.atomic
def do_debrief_meeting(user, meeting: Meeting, debrief: Debrief) -> list[Person]:
    """Write down what a meeting gave: advice, names, companies, favours; returns new people.

    The person moves to met; a thank-you is due per the rules, and a keep-in-touch reminder.
    """
    person = meeting.person
    s = rule_settings(user)
    now = timezone.now()
    meeting_on = local_date(user, meeting.starts_at)
    meeting.advice = debrief.advice
    meeting.debrief_notes = debrief.notes
    first_debrief = meeting.debriefed_at is None
    meeting.debriefed_at = meeting.debriefed_at or now
    meeting.save(update_fields=["advice", "debrief_notes", "debriefed_at", "updated_at"])

    new_people = []
    for given in debrief.names:
        first, last = split_name(given.name)
        company = (
            Company.objects.get_or_create_named(user, given.company) if given.company else None
        )
        reach = given.reach.strip()
        new_people.append(
            Person.objects.create(
                owner=user,
                first_name=first,
                last_name=last,
                company=company,
                title=given.title,
                emails=[reach] if "@" in reach else [],
                phones=[reach] if reach and "@" not in reach else [],
                notes=given.note,
                source=Source.INTRODUCED,
                how_known="introduced",
                stage=Stage.LISTED,
                introduced_by=person,
                introduced_at=meeting,
            )
        )
    for mentioned in debrief.companies:
        company = Company.objects.get_or_create_named(user, mentioned.name)
        if mentioned.is_target and not company.is_target:
            company.is_target = True
            company.save(update_fields=["is_target", "updated_at"])
        meeting.companies_mentioned.add(company)
    for asked in debrief.favours:
        do_add_favour(
            user,
            person,
            direction=FavourDirection.THEY_ASKED,
            what=asked.what,
            due_on=asked.due_on,
            meeting=meeting,
        )

    if person.stage in (*_BEFORE_MEETING, Stage.SCHEDULED):
        person.set_stage(Stage.MET)
        person.save(update_fields=["stage", "stage_changed_at", "updated_at"])
    if first_debrief:
        Interaction.objects.create(
            owner=user,
            channel=Channel.IN_PERSON,
            direction=Direction.OUT,
            occurred_at=meeting.starts_at,
            summary="Meeting" + (f": {debrief.advice}" if debrief.advice else ""),
            meeting=meeting,
        ).people.add(person)
        FollowUp.objects.create(
            owner=user,
            person=person,
            due_on=rules.thank_you_due(meeting_on, s),
            channel=Channel.EMAIL,
            reason=FollowUpReason.THANK_YOU,
            meeting=meeting,
            note="Thank them, and say what you will do with their advice and names.",
        )
        _plan_keep_in_touch(user, person, meeting_on)
    return new_people


# Today


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
                    "due": m.starts_at.isoformat(),
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
                    "due": m.starts_at.isoformat(),
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


def build_today(user, now: datetime | None = None) -> TodayData:
    """What Today shows, in a constant number of queries; brings paused people back first."""
    now = now or timezone.now()
    today = local_date(user, now)
    back = bring_back_paused(user, today)
    s = FollowUpSettings.objects.get_for(user)
    start_today = local_midnight(user, today)
    start_tomorrow = local_midnight(user, today + timedelta(days=1))
    week_end = local_midnight(user, today + timedelta(days=8))
    monday = today - timedelta(days=today.weekday())
    week_from = local_midnight(user, monday)
    week_to = local_midnight(user, monday + timedelta(days=7))

    followups = list(
        FollowUp.objects.for_user(user)
        .filter(state=FollowUpState.OPEN, due_on__lte=today)
        .select_related("person")
        .order_by("due_on", "id")[:100]
    )
    meetings = list(
        Meeting.objects.for_user(user)
        .filter(starts_at__gte=start_today, starts_at__lt=week_end)
        .select_related("person")
        .order_by("starts_at")[:50]
    )
    debriefs = list(
        Meeting.objects.for_user(user)
        .filter(starts_at__lt=now, debriefed_at__isnull=True)
        .select_related("person")
        .order_by("starts_at")[:50]
    )
    favours = list(
        Favour.objects.for_user(user)
        .filter(
            state=FavourState.PROMISED,
            direction__in=[FavourDirection.THEY_ASKED, FavourDirection.I_OFFERED],
        )
        .select_related("person")
        .order_by("due_on", "id")[:50]
    )
    people = Person.objects.for_user(user)
    return TodayData(
        today=today,
        followups=followups,
        meetings_today=[m for m in meetings if m.starts_at < start_tomorrow],
        meetings_week=[m for m in meetings if m.starts_at >= start_tomorrow],
        debriefs=debriefs,
        favours=favours,
        listed_count=people.filter(stage=Stage.LISTED).count(),
        people_count=people.count(),
        asks_this_week=Interaction.objects.for_user(user)
        .filter(
            direction=Direction.OUT,
            is_outreach=True,
            occurred_at__gte=week_from,
            occurred_at__lt=week_to,
        )
        .count(),
        meetings_this_week=Meeting.objects.for_user(user)
        .filter(starts_at__gte=week_from, starts_at__lt=week_to)
        .count(),
        asks_target=s.asks_per_week,
        meetings_target=s.meetings_per_week,
        back_from_pause=back,
    )

"""Meetings: booking, moving and cancelling one, and the debrief that turns what was said into
records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import formats, timezone

from hundred.lib.names import split_name
from hundred.network import rules
from hundred.network.actions.favours import do_add_favour
from hundred.network.actions.followups import (
    _open_no_reply,
    _plan_keep_in_touch,
    local_date,
    rule_settings,
)
from hundred.network.models import (
    Channel,
    Company,
    Direction,
    FavourDirection,
    FollowUp,
    FollowUpReason,
    FollowUpState,
    Interaction,
    Meeting,
    Person,
    Source,
    Stage,
)

# Stages a scheduled meeting may move on from; people already met stay met or nurturing.
_BEFORE_MEETING = (Stage.LISTED, Stage.ASKED, Stage.PAUSED, Stage.DECLINED)

# Where a person goes when the meeting that made them "scheduled" is cancelled and nothing
# recorded where they were (meetings booked before Hundred kept it): they had said yes to a
# meeting, so they had been asked.
_STAGE_IF_UNKNOWN = Stage.ASKED


class MeetingRefused(Exception):
    """A change a meeting cannot take; the message is a sentence saying why and what to do."""


class DebriefTooEarly(MeetingRefused):
    pass


class MeetingCancelled(MeetingRefused):
    pass


class MeetingHeld(MeetingRefused):
    pass


def _local(user, moment: datetime) -> str:
    """'Friday 6 November 2026, 10:00' in the account's time zone, for a sentence."""
    return formats.date_format(timezone.localtime(moment, user.tzinfo), "l j F Y, H:i")


def _pending(person: Person, *, but: Meeting | None = None):
    """The person's meetings still ahead of a debrief: not cancelled, not debriefed."""
    qs = Meeting.objects.filter(person=person).not_cancelled().filter(debriefed_at__isnull=True)
    return qs.exclude(pk=but.pk) if but is not None else qs


def _stage_to_return_to(person: Person) -> str:
    """What a new meeting should remember as the person's stage before it was booked."""
    if person.stage in _BEFORE_MEETING:
        return person.stage
    if person.stage == Stage.SCHEDULED:
        # Another meeting holds them at scheduled: this one returns them to the same place.
        held = _pending(person).exclude(stage_before="").order_by("created_at", "id")
        return held.values_list("stage_before", flat=True).first() or ""
    return ""


@transaction.atomic
def do_schedule_meeting(
    user, person: Person, *, starts_at: datetime, duration_minutes: int = 20, place: str = ""
) -> Meeting:
    """Book a meeting: the person moves to scheduled and pending no-reply follow-ups end."""
    from hundred.network.models import Target

    target = Target.objects.get_for(user)
    stage_before = _stage_to_return_to(person)
    meeting = Meeting.objects.create(
        owner=user,
        person=person,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        place=place,
        pitch_snapshot=target.current_pitch(),
        company_notes=person.company.notes if person.company else "",
        stage_before=stage_before,
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


@transaction.atomic
def do_reschedule_meeting(
    user, meeting: Meeting, *, starts_at: datetime, duration_minutes: int, place: str
) -> Meeting:
    """Move a meeting; its open thank-you moves with it (and, once debriefed, its interaction).

    A debriefed meeting took place: it may move to another past time (a wrong date), not ahead.
    """
    if meeting.is_cancelled:
        raise MeetingCancelled(
            f"The meeting with {meeting.person} was cancelled: schedule a new one from their page."
        )
    now = timezone.now()
    if meeting.is_debriefed and starts_at > now:
        raise MeetingHeld(
            "You wrote this meeting's debrief, so it has taken place: it can move to another "
            "time in the past (if its date was wrong), not to one ahead."
        )
    old_start = meeting.starts_at
    meeting.starts_at = starts_at
    meeting.duration_minutes = duration_minutes
    meeting.place = place
    meeting.save(update_fields=["starts_at", "duration_minutes", "place", "updated_at"])
    if starts_at != old_start:
        FollowUp.objects.for_user(user).filter(
            meeting=meeting, reason=FollowUpReason.THANK_YOU, state=FollowUpState.OPEN
        ).update(
            due_on=rules.thank_you_due(local_date(user, starts_at), rule_settings(user)),
            updated_at=now,
        )
        Interaction.objects.for_user(user).filter(meeting=meeting, occurred_at=old_start).update(
            occurred_at=starts_at, updated_at=now
        )
    return meeting


@transaction.atomic
def do_cancel_meeting(user, meeting: Meeting, *, follow_up_on: date | None = None) -> Meeting:
    """Call a meeting off: its open follow-ups close, and the person goes back to the stage they
    had before it was booked (unless another meeting with them is still on).

    `follow_up_on` plans a reminder to find another time.
    """
    if meeting.is_cancelled:
        return meeting
    if meeting.is_debriefed:
        raise MeetingHeld(
            "You wrote this meeting's debrief, so it took place and cannot be cancelled. "
            "If its date is wrong, move it instead."
        )
    now = timezone.now()
    meeting.cancelled_at = now
    meeting.save(update_fields=["cancelled_at", "updated_at"])
    FollowUp.objects.for_user(user).filter(meeting=meeting, state=FollowUpState.OPEN).update(
        state=FollowUpState.SKIPPED, note="The meeting was cancelled.", updated_at=now
    )
    person = meeting.person
    if person.stage == Stage.SCHEDULED and not _pending(person, but=meeting).exists():
        person.set_stage(meeting.stage_before or _STAGE_IF_UNKNOWN)
        person.save(update_fields=["stage", "stage_changed_at", "updated_at"])
    if follow_up_on is not None:
        FollowUp.objects.create(
            owner=user,
            person=person,
            due_on=follow_up_on,
            channel=Channel.EMAIL,
            reason=FollowUpReason.OTHER,
            meeting=meeting,
            note=f"The meeting of {local_date(user, meeting.starts_at):%Y-%m-%d} was cancelled: "
            "find another time.",
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
class FavourNoted:
    """An answer to "Is there anything I can do for you?": what they asked, or what I offered."""

    what: str
    due_on: date | None = None
    direction: str = FavourDirection.THEY_ASKED


@dataclass
class Debrief:
    advice: str = ""
    notes: str = ""
    names: list[NameGiven] = field(default_factory=list)
    companies: list[CompanyMentioned] = field(default_factory=list)
    favours: list[FavourNoted] = field(default_factory=list)


def check_can_debrief(user, meeting: Meeting) -> None:
    """Raise MeetingRefused, with the sentence to show, if this meeting cannot be debriefed."""
    if meeting.is_cancelled:
        raise MeetingCancelled(
            "This meeting was cancelled, so there is nothing to debrief. If you met after all, "
            f"schedule the meeting again from {meeting.person}'s page."
        )
    if meeting.starts_at > timezone.now():
        raise DebriefTooEarly(
            f"This meeting starts on {_local(user, meeting.starts_at)}: write the debrief after "
            "it. If it took place earlier, move it to when it did first."
        )


@transaction.atomic
def do_debrief_meeting(user, meeting: Meeting, debrief: Debrief) -> list[Person]:
    """Write down what a meeting gave: advice, names, companies, favours; returns new people.

    The person moves to met; a thank-you is due per the rules, and a keep-in-touch reminder.
    Refused for a cancelled meeting, and for one that has not started yet.
    """
    check_can_debrief(user, meeting)
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
    for noted in debrief.favours:
        do_add_favour(
            user,
            person,
            direction=noted.direction,
            what=noted.what,
            due_on=noted.due_on,
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

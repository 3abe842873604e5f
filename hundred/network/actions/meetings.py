"""Meetings: booking, moving and cancelling one, and the debrief that turns what was said into
records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone

from hundred.lib.names import split_name
from hundred.lib.reach import EMAIL, PHONE, WEB, reach_kind, without_mailto
from hundred.lib.text import fold
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
from hundred.transfer.formats.identity import normalise_linkedin_url
from hundred.transfer.matching import Existing, Keys, Matcher, keys_of

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


@dataclass
class DebriefSaved:
    """What a debrief did with the names given: people added, and people already on the list
    that a name was linked to instead (the import's rules say who is who)."""

    new: list[Person] = field(default_factory=list)
    linked: list[Person] = field(default_factory=list)


@dataclass
class _Reach:
    """A name's "how to reach", filed where it belongs."""

    emails: list[str]
    phones: list[str]
    linkedin_url: str
    note: str  # a web address that is not a LinkedIn profile, or text that is no address


def _file_reach(given: NameGiven) -> _Reach:
    reach = given.reach.strip()
    kind = reach_kind(reach) if reach else ""
    url = normalise_linkedin_url(reach) if kind == WEB else ""
    if kind == EMAIL:
        return _Reach([without_mailto(reach)], [], "", "")
    if kind == PHONE:
        return _Reach([], [reach], "", "")
    if url:
        return _Reach([], [], url, "")
    # Another web page, or words (the form and the API refuse those; this is the last guard):
    # kept in the note, never taken for a phone number.
    return _Reach([], [], "", f"How to reach: {reach}" if reach else "")


def _matcher(user, names: list[tuple[NameGiven, _Reach]]) -> Matcher:
    """Who is who on the account's list, by the import's rules (transfer/matching.py), among
    the people who could be one of these names: those whose folded search text holds the
    longest word of a name's last (or only) part, or of an e-mail's local part, or whose
    profile holds the given one's. Each rule needs that word, so the narrowing changes no
    match, and a debrief at 30,000 people reads a handful of rows instead of every one."""
    wanted = Q(pk__in=[])
    for given, reach in names:
        first, last = split_name(given.name)
        for part in (last or first, *(e.split("@")[0] for e in reach.emails)):
            words = re.findall(r"\w+", fold(re.sub(r"[\W_]+", " ", part)))
            if words:
                wanted |= Q(search_text__contains=max(words, key=len))
        if reach.linkedin_url:
            wanted |= Q(linkedin_url__iexact=reach.linkedin_url)
    rows = (
        Person.objects.for_user(user)
        .filter(wanted)
        .values_list("id", "emails", "linkedin_url", "first_name", "last_name", "company__name")
    )
    return Matcher(
        Existing(id=i, emails=e or [], linkedin_url=u, first_name=f, last_name=la, company=c or "")
        for i, e, u, f, la, c in rows.order_by()
    )


def _introduced_by_chain(person: Person) -> set[int]:
    """The ids of who introduced `person`, who introduced them, and so on up."""
    seen: set[int] = set()
    current = person.introduced_by_id
    while current is not None and current not in seen:
        seen.add(current)
        current = Person.objects.filter(pk=current).values_list("introduced_by_id", flat=True)[0]
    return seen


def _link_known(person: Person, meeting: Meeting, known: Person, given: NameGiven, reach: _Reach):
    """A name given that is someone already on the list: fill in what they lacked, add what is
    new, and note the meeting as where their name came from when nothing else is (never a
    loop: someone who led to `person` is not introduced by them)."""
    changed = set()
    company = given.company
    if company and known.company_id is None:
        known.company = Company.objects.get_or_create_named(person.owner, company)
        changed.add("company")
    for name, value in (("title", given.title), ("linkedin_url", reach.linkedin_url)):
        if value and not getattr(known, name):
            setattr(known, name, value)
            changed.add(name)
    for name, values in (("emails", reach.emails), ("phones", reach.phones)):
        have = {v.casefold() for v in getattr(known, name)}
        new = [v for v in values if v.casefold() not in have]
        if new:
            setattr(known, name, [*getattr(known, name), *new])
            changed.add(name)
    for line in (given.note, reach.note):
        if line and line not in known.notes:
            known.notes = f"{known.notes}\n{line}".strip()
            changed.add("notes")
    if (
        known.introduced_by_id is None
        and known.pk != person.pk
        and known.pk not in _introduced_by_chain(person)
    ):
        known.introduced_by, known.introduced_at = person, meeting
        changed.update(("introduced_by", "introduced_at"))
    if changed:
        known.save()  # save(): search_text and sort_name follow (a company may have come)


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


def _write_names(user, meeting: Meeting, names: list[NameGiven]) -> DebriefSaved:
    """Each name given becomes a person introduced at this meeting, unless the import's rules
    say they are someone already on the list (the same profile, e-mail, or name and company):
    then that person is linked instead of a duplicate made."""
    saved = DebriefSaved()
    if not names:
        return saved
    person = meeting.person
    reaches = [(given, _file_reach(given)) for given in names]
    matcher = _matcher(user, reaches)
    for given, reach in reaches:
        first, last = split_name(given.name)
        keys: Keys = keys_of(reach.emails, reach.linkedin_url, first, last, given.company)
        known_id = matcher.match_keys(keys)
        if known_id is not None:
            known = Person.objects.select_related("company").get(pk=known_id)
            _link_known(person, meeting, known, given, reach)
            if known not in saved.linked and known not in saved.new:
                saved.linked.append(known)
            continue
        company = (
            Company.objects.get_or_create_named(user, given.company) if given.company else None
        )
        created = Person.objects.create(
            owner=user,
            first_name=first,
            last_name=last,
            company=company,
            title=given.title,
            emails=reach.emails,
            phones=reach.phones,
            linkedin_url=reach.linkedin_url,
            notes="\n".join(line for line in (given.note, reach.note) if line),
            source=Source.INTRODUCED,
            how_known="introduced",
            stage=Stage.LISTED,
            introduced_by=person,
            introduced_at=meeting,
        )
        matcher.add_keys(created.pk, keys)  # a second row naming them finds them
        saved.new.append(created)
    return saved


@transaction.atomic
def do_debrief_meeting(user, meeting: Meeting, debrief: Debrief) -> DebriefSaved:
    """Write down what a meeting gave: advice, names, companies, favours; returns the people
    added and those already on the list that a name was linked to.

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

    saved = _write_names(user, meeting, debrief.names)
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
    return saved

"""The follow-up engine wired to the database: plan, cancel, do, snooze, skip, pause, come back.

rules.py decides (pure, on dates); the do_* functions here read what it needs, ask it, and write
the answer back in one transaction. Every date is the account's local date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from hundred.network import rules
from hundred.network.models import (
    ATTEMPT_REASONS,
    Channel,
    Direction,
    Favour,
    FavourState,
    FollowUp,
    FollowUpReason,
    FollowUpSettings,
    FollowUpState,
    Interaction,
    Meeting,
    Person,
    Stage,
)
from hundred.network.prepared import Compiled

# A person back from a pause returns to the list, to be asked again with a fresh count of
# attempts: after max_attempts without a word, "asked" would say something no longer true.
BACK_FROM_PAUSE_STAGE = Stage.LISTED

# A reply from someone paused puts them back in conversation. Of the stages there are, "asked"
# is the honest one: they were asked and have answered, and no meeting is booked yet (that is
# "scheduled"); "listed" would say they were never asked. They stay asked until a meeting is
# booked or they say no.
REPLIED_STAGE = Stage.ASKED


class PestGuard(Exception):
    """An attempt the pest guard refuses: the sentence says why, earliest_on when it would be
    fine, channel which channel would be (None when the channel was not the problem)."""

    def __init__(self, reason: str, earliest_on: date | None = None, channel: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.earliest_on = earliest_on
        self.channel = channel


def rule_settings(user) -> rules.RuleSettings:
    return FollowUpSettings.objects.get_for(user).as_rules()


def local_date(user, moment: datetime) -> date:
    """The date of an aware datetime in the account's time zone."""
    return timezone.localtime(moment, user.tzinfo).date()


def local_midnight(user, day: date) -> datetime:
    """The aware datetime at which a local day starts for the account."""
    return datetime.combine(day, time.min, tzinfo=user.tzinfo)


def _round_started_at(user, person: Person) -> datetime | None:
    """When the current round of attempts began: their latest reply, the latest meeting booked
    (booking one is their answer), or the end of a pause that is over; None if never."""
    starts = []
    last_in = (
        Interaction.objects.for_user(user)
        .filter(people=person, direction=Direction.IN)
        .order_by("-occurred_at")
        .values_list("occurred_at", flat=True)
        .first()
    )
    if last_in is not None:
        starts.append(last_in)
    # A meeting ends the round from when it was booked, or from when it took place if it was
    # entered afterwards.
    for created_at, starts_at in (
        Meeting.objects.for_user(user).filter(person=person).values_list("created_at", "starts_at")
    ):
        starts.append(min(created_at, starts_at))
    if person.paused_until and person.paused_until <= user.local_today():
        starts.append(local_midnight(user, person.paused_until))
    return max(starts, default=None)


def current_attempts(user, person: Person, before: datetime | None = None) -> list[rules.Attempt]:
    """The outreach attempts of the current round, oldest first: after their latest reply, a
    meeting booked, or a pause that has ended (then a fresh count starts). With `before`, only
    those made up to that moment: what an attempt made then followed."""
    attempts = Interaction.objects.for_user(user).filter(
        people=person, direction=Direction.OUT, is_outreach=True
    )
    since = _round_started_at(user, person)
    if since is not None:
        attempts = attempts.filter(occurred_at__gt=since)
    if before is not None:
        attempts = attempts.filter(occurred_at__lte=before)
    return [
        rules.Attempt(on=local_date(user, a.occurred_at), channel=a.channel)
        for a in attempts.order_by("occurred_at", "id")
    ]


def unreachable(person: Person) -> frozenset[str]:
    """The channels the person has no contact detail for: no e-mail address, no e-mail; no
    phone number, no call or text; no LinkedIn profile, no LinkedIn message."""
    details = [
        name
        for name, have in (
            ("email", any(e.strip() for e in person.emails if isinstance(e, str))),
            ("phone", any(p.strip() for p in person.phones if isinstance(p, str))),
            ("linkedin", bool(person.linkedin_url.strip())),
        )
        if have
    ]
    return rules.unreachable_channels(details)


def _open_no_reply(user, person: Person):
    """The person's open attempt follow-ups (no reply yet, ask again): what a new attempt, a
    reply or a meeting booked makes moot."""
    return FollowUp.objects.for_user(user).filter(
        person=person, state=FollowUpState.OPEN, reason__in=ATTEMPT_REASONS
    )


def guard_attempt(
    user,
    people: Sequence[Person],
    *,
    when: date | datetime,
    channel: str | None,
    override: bool = False,
) -> str:
    """The pest guard: the one check every outreach attempt passes before it is recorded.

    `when` is a date for an attempt planned on that day (a follow-up scheduled or moved), or
    an aware datetime for one made at that moment (an outreach sent or logged, a follow-up
    done): it is judged against the attempts made before it. `channel` None leaves the channel
    unjudged. Returns "" when the attempt is fine; raises PestGuard when it is not, unless
    `override`, and then returns the guard's sentence for the caller to record with it.
    """
    s = rule_settings(user)
    before = when if isinstance(when, datetime) else None
    on = local_date(user, when) if before else when
    refusals = [
        (person, found)
        for person in people
        if (
            found := rules.check_attempt(
                current_attempts(user, person, before), on, s, channel, unreachable(person)
            )
        )
    ]
    if not refusals:
        return ""
    refusal = _one_refusal(refusals, named=len(people) > 1)
    if not override:
        raise refusal
    return refusal.reason


def _one_refusal(refusals: list[tuple[Person, rules.SpacingViolation]], named: bool) -> PestGuard:
    """One PestGuard for everyone refused: each sentence after its person's name when several
    were asked at once; fine for all from the latest earliest date."""
    if not named:
        found = refusals[0][1]
        return PestGuard(found.reason, found.earliest_on, found.channel)
    dates = [found.earliest_on for _, found in refusals]
    channels = {found.channel for _, found in refusals}
    return PestGuard(
        " ".join(f"{person}: {found.reason}" for person, found in refusals),
        max(dates) if None not in dates else None,
        channels.pop() if len(channels) == 1 else None,
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
    decision = rules.after_outreach(attempts, s, unreachable(person))
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


# The open follow-ups as do_cancel_on_reply reads them, compiled once (network/prepared.py):
# every logged reply runs it.
_OPEN_OF = Compiled(
    lambda owner, person: FollowUp.objects.filter(
        owner=owner, person=person, state=FollowUpState.OPEN
    ).values_list("pk", "reason")
)


@transaction.atomic
def do_cancel_on_reply(user, person: Person, replied_on: date) -> int:
    """An inbound interaction cancels the person's pending no-reply follow-ups; others stay."""
    pending = [
        rules.OpenFollowUp(id=pk, reason=reason) for pk, reason in _OPEN_OF(user.pk, person.pk)
    ]
    ids = rules.on_reply(pending)
    if not ids:
        return 0
    return FollowUp.objects.filter(pk__in=ids).update(
        state=FollowUpState.SKIPPED,
        note=f"Cancelled: they replied on {replied_on:%Y-%m-%d}.",
        updated_at=timezone.now(),
    )


@transaction.atomic
def do_note_reply(user, person: Person, replied_on: date) -> int:
    """A reply closes the attempts still planned and ends a pause: a paused person is back in
    conversation (REPLIED_STAGE), not left to come back later as never asked."""
    cancelled = do_cancel_on_reply(user, person, replied_on)
    if person.stage == Stage.PAUSED or person.paused_until:
        fields = ["paused_until", "updated_at"]
        person.paused_until = None
        if person.stage == Stage.PAUSED:
            person.set_stage(REPLIED_STAGE)
            fields += ["stage", "stage_changed_at"]
        person.save(update_fields=fields)
    return cancelled


def on_interaction_logged(user, interaction: Interaction, people: list[Person]) -> None:
    """The hook do_log_interaction calls: plan after an outreach, note a reply."""
    if interaction.direction == Direction.OUT and interaction.is_outreach:
        for person in people:
            do_plan_after_outreach(user, person)
    elif interaction.direction == Direction.IN:
        on = local_date(user, interaction.occurred_at)
        for person in people:
            do_note_reply(user, person, on)


def bring_back_paused(user, today: date | None = None) -> int:
    """People whose pause has ended go back to the list: one UPDATE, run when Today loads."""
    today = today or user.local_today()
    due = Person.objects.for_user(user).filter(stage=Stage.PAUSED, paused_until__lte=today)
    # Reading first keeps Today a read on most days: a write would take SQLite's write lock.
    if not due.exists():
        return 0
    back = due.update(stage=BACK_FROM_PAUSE_STAGE, stage_changed_at=timezone.now())
    user.mark_data_changed()  # an update() sends no signal: Insights must see it
    return back


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
    """A follow-up made by hand; an attempt (no reply, ask again) must pass the pest guard or
    be overridden, and the override is recorded with what the guard said."""
    said = ""
    attempt = 1
    if reason in ATTEMPT_REASONS:
        said = guard_attempt(user, [person], when=due_on, channel=channel, override=override)
        attempt = len(current_attempts(user, person)) + 1
    return FollowUp.objects.create(
        owner=user,
        person=person,
        due_on=due_on,
        channel=channel,
        reason=reason,
        note=note,
        attempt=attempt,
        is_override=bool(said),
        override_reason=said,
    )


@transaction.atomic
def do_reschedule_followup(user, followup: FollowUp, due_on: date, override: bool = False):
    """Move an open follow-up to another date; an attempt moved too close needs the override.

    Only the date is judged: the channel stays the one the follow-up was given.
    """
    if followup.reason in ATTEMPT_REASONS:
        said = guard_attempt(user, [followup.person], when=due_on, channel=None, override=override)
        if said:
            followup.is_override = True
            followup.override_reason = said
    followup.due_on = due_on
    followup.save(update_fields=["due_on", "is_override", "override_reason", "updated_at"])
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
    user,
    followup: FollowUp,
    *,
    channel: str | None = None,
    summary: str = "",
    override: bool = False,
) -> Interaction:
    """Mark a follow-up done and log the interaction it was, in one step.

    A no-reply or ask-again follow-up done is the next outreach attempt: the pest guard judges
    it (done before its time, it raises PestGuard unless overridden), and logging it plans the
    one after (or pauses the person). A favour's follow-up done marks the favour done; a
    keep-in-touch one plans the next reminder.
    """
    person = followup.person
    now = timezone.now()
    channel = channel or followup.channel
    is_attempt = followup.reason in ATTEMPT_REASONS
    said = ""
    if is_attempt:
        said = guard_attempt(user, [person], when=now, channel=channel, override=override)
    followup.state = FollowUpState.DONE
    followup.done_at = now
    followup.save(update_fields=["state", "done_at", "updated_at"])
    interaction = Interaction.objects.record(
        user,
        [person],
        channel=channel,
        direction=Direction.OUT,
        occurred_at=now,
        summary=summary or f"{followup.get_reason_display()} (follow-up done)",
        is_outreach=is_attempt,
        meeting=followup.meeting,
        is_override=bool(said),
        override_reason=said,
    )
    on_interaction_logged(user, interaction, [person])
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

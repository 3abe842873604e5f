"""The follow-up engine wired to the database: plan, cancel, do, snooze, skip, pause, come back.

rules.py decides (pure, on dates); the do_* functions here read what it needs, ask it, and write
the answer back in one transaction. Every date is the account's local date.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from hundred.network import rules
from hundred.network.models import (
    Channel,
    Direction,
    Favour,
    FavourState,
    FollowUp,
    FollowUpReason,
    FollowUpSettings,
    FollowUpState,
    Interaction,
    Person,
    Stage,
)

# A person back from a pause returns to the list, to be asked again with a fresh count of
# attempts: after max_attempts without a word, "asked" would say something no longer true.
BACK_FROM_PAUSE_STAGE = Stage.LISTED


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
    person = followup.person
    now = timezone.now()
    followup.state = FollowUpState.DONE
    followup.done_at = now
    followup.save(update_fields=["state", "done_at", "updated_at"])
    is_attempt = followup.reason == FollowUpReason.NO_REPLY
    interaction = Interaction.objects.record(
        user,
        [person],
        channel=channel or followup.channel,
        direction=Direction.OUT,
        occurred_at=now,
        summary=summary or f"{followup.get_reason_display()} (follow-up done)",
        is_outreach=is_attempt,
        meeting=followup.meeting,
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

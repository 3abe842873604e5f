"""A meeting with a person: prep before, debrief after; and the questions to bring to one."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from hundred.network import questions
from hundred.network.models.choices import Stage
from hundred.network.models.companies import Company
from hundred.network.models.owned import OwnedModel, OwnedQuerySet
from hundred.network.models.people import Person


class MeetingQuerySet(OwnedQuerySet):
    def not_cancelled(self) -> MeetingQuerySet:
        """Meetings that are on, or took place: a cancelled one counts for nothing."""
        return self.filter(cancelled_at__isnull=True)

    def to_debrief(self, now) -> MeetingQuerySet:
        """Meetings that have started, were not cancelled and have no debrief yet."""
        return self.not_cancelled().filter(starts_at__lt=now, debriefed_at__isnull=True)


class Meeting(OwnedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField("when")
    duration_minutes = models.PositiveSmallIntegerField("length in minutes", default=20)
    place = models.CharField("where or how", max_length=200, blank=True)
    agenda = models.TextField(blank=True)
    questions = models.TextField(blank=True)
    pitch_snapshot = models.TextField(blank=True)
    company_notes = models.TextField(blank=True)
    advice = models.TextField("advice received", blank=True)
    debrief_notes = models.TextField(blank=True)
    debriefed_at = models.DateTimeField(null=True, blank=True)
    companies_mentioned = models.ManyToManyField(Company, blank=True, related_name="mentioned_in")
    cancelled_at = models.DateTimeField(
        null=True, blank=True, help_text="When the meeting was called off; empty while it is on."
    )
    # Where the person stood before this meeting moved them to "scheduled"; cancelling the
    # meeting puts them back there. Empty when booking it did not move them (already met).
    stage_before = models.CharField(
        "stage before it was booked", max_length=20, choices=Stage.choices, blank=True
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["owner", "starts_at"])]

    def __str__(self) -> str:
        return f"Meeting with {self.person} on {self.starts_at:%Y-%m-%d}"

    @property
    def is_debriefed(self) -> bool:
        return self.debriefed_at is not None

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def can_cancel(self) -> bool:
        """A meeting with a debrief took place: it can be moved (a wrong date), not called off."""
        return not self.is_cancelled and not self.is_debriefed

    def pitch_to_say(self, target) -> str:
        """The pitch its prep sheet shows: the target's current one (saved, else suggested,
        as everywhere else), else the one noted when the meeting was booked."""
        return target.current_pitch() or self.pitch_snapshot

    @property
    def questions_list(self) -> list[str]:
        """The questions chosen for this meeting, one a line."""
        return questions.lines(self.questions)

    def keep_questions(self, picked) -> None:
        """Keep these questions for the meeting: each once, in order, blank ones dropped."""
        self.questions = "\n".join(questions.lines("\n".join(picked)))
        self.save(update_fields=["questions", "updated_at"])


class QuestionBankQuerySet(models.QuerySet):
    def for_user(self, user) -> QuestionBankQuerySet:
        return self.filter(owner=user)

    def bank_for(self, user) -> questions.Bank:
        """The account's own question bank, or Hundred's when it has none."""
        own = self.for_user(user).first()
        return own.as_bank() if own else questions.DEFAULT_BANK

    def filled_for(self, user) -> questions.Bank:
        """The account's bank with its target's places written in ("my area" without)."""
        from hundred.network.models.target import Target

        target = Target.objects.get_for(user)
        area = ", ".join(target.geographies) if target and target.geographies else "my area"
        return self.bank_for(user).filled(area)


class QuestionBank(models.Model):
    """An account's own questions for an advice meeting; without a row, Hundred's defaults."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_bank"
    )
    # {"trends": ["…", …], "insights": […], "advice": […], "resources": […], "assignments": […]}
    groups = models.JSONField(default=dict, blank=True)
    closing = models.CharField("the closing question", max_length=300, default=questions.CLOSING)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionBankQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Question bank of {self.owner}"

    def as_bank(self) -> questions.Bank:
        return questions.Bank.from_dict(self.groups, self.closing)

"""Follow-ups and the per-account settings of the rules that plan them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from hundred.network.models.choices import Channel, FollowUpReason, FollowUpState
from hundred.network.models.interactions import Interaction
from hundred.network.models.meetings import Meeting
from hundred.network.models.owned import OwnedModel
from hundred.network.models.people import Person


class FollowUp(OwnedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="followups")
    due_on = models.DateField()
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.EMAIL)
    reason = models.CharField(
        max_length=20, choices=FollowUpReason.choices, default=FollowUpReason.OTHER
    )
    attempt = models.PositiveSmallIntegerField(default=1)
    state = models.CharField(
        max_length=10, choices=FollowUpState.choices, default=FollowUpState.OPEN
    )
    note = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    is_override = models.BooleanField(
        default=False, help_text="Scheduled against the pest guard, on purpose."
    )
    override_reason = models.TextField(
        blank=True, help_text="What the pest guard said when it was overridden."
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="followups"
    )
    favour = models.ForeignKey(
        "Favour", null=True, blank=True, on_delete=models.SET_NULL, related_name="followups"
    )
    interaction = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["owner", "state", "due_on"]),
            models.Index(fields=["owner", "state", "done_at"]),  # Insights: follow-ups done
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.person} on {self.due_on}"


class FollowUpSettingsQuerySet(models.QuerySet):
    def for_user(self, user) -> FollowUpSettingsQuerySet:
        return self.filter(owner=user)

    def get_for(self, user) -> FollowUpSettings:
        """The account's settings, created with the defaults on first use."""
        found, _ = self.get_or_create(owner=user)
        return found

    def read_for(self, user) -> FollowUpSettings:
        """The account's settings to read, writing nothing: the defaults, unsaved, when the
        account has none yet (a page that only shows them, or a coach's read-only view)."""
        return self.filter(owner=user).first() or self.model(owner=user)


def _validate_holidays(text: str) -> None:
    from django.core.exceptions import ValidationError

    from hundred.lib.dates import parse_holidays

    try:
        parse_holidays(text)
    except ValueError as e:
        raise ValidationError(str(e)) from None


def default_channel_rotation() -> list[str]:
    """email → phone → letter → LinkedIn message, as DESIGN.md's rules give it."""
    from hundred.network.rules import RuleSettings

    return list(RuleSettings().channel_rotation)


def _validate_channel_rotation(value) -> None:
    from hundred.network.rules import RuleSettings

    try:
        RuleSettings(channel_rotation=tuple(value or ()))
    except (TypeError, ValueError) as e:
        raise ValidationError(str(e)) from None


class FollowUpSettings(models.Model):
    """One account's follow-up rules (rules.RuleSettings) and weekly targets, editable."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followup_settings"
    )
    no_reply_business_days = models.PositiveSmallIntegerField(
        "wait for a reply (business days)",
        default=5,
        validators=[MinValueValidator(1)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        "attempts in all", default=3, validators=[MinValueValidator(1)]
    )
    min_spacing_business_days = models.PositiveSmallIntegerField(
        "fewest business days between attempts",
        default=5,
        validators=[MinValueValidator(1)],
    )
    pause_days = models.PositiveSmallIntegerField(
        "days paused after the last attempt", default=60, validators=[MinValueValidator(1)]
    )
    thank_you_days = models.PositiveSmallIntegerField(
        "thank-you after a meeting (business days, 0 = same day)", default=1
    )
    keep_in_touch_close_days = models.PositiveSmallIntegerField(
        "keep in touch with close people every (days)",
        default=30,
        validators=[MinValueValidator(1)],
    )
    keep_in_touch_friendly_days = models.PositiveSmallIntegerField(
        "keep in touch with friendly people every (days)",
        default=60,
        validators=[MinValueValidator(1)],
    )
    keep_in_touch_distant_days = models.PositiveSmallIntegerField(
        "keep in touch with distant people every (days)",
        default=90,
        validators=[MinValueValidator(1)],
    )
    holidays = models.TextField(
        blank=True,
        validators=[_validate_holidays],
        help_text="One date a line as YYYY-MM-DD; text after # is a comment.",
    )
    channel_rotation = models.JSONField(
        "channel order",
        default=default_channel_rotation,
        validators=[_validate_channel_rotation],
        help_text="The order follow-up attempts take turns in, as channel codes.",
    )
    asks_per_week = models.PositiveSmallIntegerField("asks per week", default=5)
    meetings_per_week = models.PositiveSmallIntegerField("meetings per week", default=2)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FollowUpSettingsQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "follow-up settings"

    def __str__(self) -> str:
        return f"Follow-up settings of {self.owner}"

    def as_rules(self):
        """These settings as the pure engine takes them."""
        from hundred.lib.dates import parse_holidays
        from hundred.network.rules import RuleSettings

        try:
            holidays = tuple(parse_holidays(self.holidays))
        except ValueError:
            holidays = ()  # validated on save through the form; never fail a page over it
        return RuleSettings(
            no_reply_business_days=self.no_reply_business_days,
            max_attempts=self.max_attempts,
            min_spacing_business_days=self.min_spacing_business_days,
            pause_days=self.pause_days,
            thank_you_days=self.thank_you_days,
            keep_in_touch_days=(
                self.keep_in_touch_close_days,
                self.keep_in_touch_friendly_days,
                self.keep_in_touch_distant_days,
            ),
            holidays=holidays,
            channel_rotation=self.rotation(),
        )

    def rotation(self) -> tuple[str, ...]:
        """The channel order, or the default if what is stored would not pass (never fail a
        page over it: the form validates what it saves)."""
        try:
            _validate_channel_rotation(self.channel_rotation)
        except ValidationError:
            return tuple(default_channel_rotation())
        return tuple(self.channel_rotation)

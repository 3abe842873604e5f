"""Forms for follow-ups and their settings."""

from __future__ import annotations

from django import forms
from django.core.validators import MinValueValidator

from hundred.network.actions.outcomes import NOT_NOW_WEEKS
from hundred.network.forms.pestguard import OverrideMixin, override_field
from hundred.network.models import (
    Channel,
    FollowUpReason,
    FollowUpSettings,
)

DATE = forms.DateInput(attrs={"type": "date"})


class DayField(forms.DateField):
    """A date picked or typed; one that is not a date ("2026-02-30", "tomorrow", sent by a
    browser without a date picker or by hand) says so, naming what was typed."""

    widget = DATE

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            shown = str(value).strip()
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            raise forms.ValidationError(
                f"“{shown}” is not a date: pick one, or type it as year-month-day "
                "(like 2026-03-02).",
                code="invalid",
            ) from None


def same_minimum_as_model(form: forms.ModelForm) -> None:
    """Give each number field of `form` its model field's minimum: one lower bound, checked by
    the form (before the model's own check, so one message) and written into the HTML input's
    `min`. A PositiveSmallIntegerField's form field said "at least 0" while its model said
    "at least 1", and the input allowed 0."""
    for name, field in form.fields.items():
        if not isinstance(field, forms.IntegerField):
            continue
        try:
            validators = form._meta.model._meta.get_field(name).validators
        except LookupError:
            continue
        lows = [v.limit_value for v in validators if isinstance(v, MinValueValidator)]
        if not lows:
            continue
        field.min_value = max(lows)
        field.validators = [v for v in field.validators if not isinstance(v, MinValueValidator)]
        field.validators.append(MinValueValidator(field.min_value))
        field.widget.attrs["min"] = field.min_value


_ORDINALS = ("1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th")


class FollowUpSettingsForm(forms.ModelForm):
    """The account's rules; the channel order is one select a place, so it needs no script."""

    class Meta:
        model = FollowUpSettings
        fields = [
            "no_reply_business_days",
            "max_attempts",
            "min_spacing_business_days",
            "pause_days",
            "thank_you_days",
            "keep_in_touch_close_days",
            "keep_in_touch_friendly_days",
            "keep_in_touch_distant_days",
            "holidays",
            "asks_per_week",
            "meetings_per_week",
        ]
        widgets = {"holidays": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        same_minimum_as_model(self)
        current = self.instance.rotation()
        slots = {}
        for i, ordinal in enumerate(_ORDINALS[: len(Channel.choices)]):
            slots[f"rotation_{i + 1}"] = forms.ChoiceField(
                label=f"Channel order: {ordinal}" if i == 0 else f"then {ordinal}",
                choices=[("", "—")] + Channel.choices,
                required=i == 0,
                initial=current[i] if i < len(current) else "",
                help_text=(
                    "Each follow-up attempt takes the next channel in this order; leave the "
                    "places you do not need empty."
                    if i == 0
                    else ""
                ),
            )
        # After the attempt rules, where the order belongs, not after the weekly targets.
        fields = list(self.fields.items())
        at = next(i for i, (name, _) in enumerate(fields) if name == "pause_days") + 1
        self.fields = dict(fields[:at] + list(slots.items()) + fields[at:])

    def clean(self):
        cleaned = super().clean()
        order: list[str] = []
        for name in self.fields:
            channel = cleaned.get(name) if name.startswith("rotation_") else None
            if not channel:
                continue
            if channel in order:
                self.add_error(
                    name, f"{Channel(channel).label} is already in the order: each channel once."
                )
            order.append(channel)
        cleaned["channel_rotation"] = order
        return cleaned

    def save(self, commit: bool = True):
        self.instance.channel_rotation = self.cleaned_data["channel_rotation"]
        return super().save(commit)


class FollowUpForm(forms.Form):
    due_on = DayField(label="Due on")
    channel = forms.ChoiceField(choices=Channel.choices, initial=Channel.EMAIL)
    reason = forms.ChoiceField(choices=FollowUpReason.choices, initial=FollowUpReason.NO_REPLY)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    override = forms.BooleanField(
        label="Schedule it anyway, against the pest guard",
        required=False,
        help_text="Recorded on the follow-up.",
    )


class RescheduleForm(forms.Form):
    due_on = DayField(label="New date")
    override = forms.BooleanField(label="Move it anyway, against the pest guard", required=False)


class DoneForm(OverrideMixin, forms.Form):
    channel = forms.ChoiceField(choices=Channel.choices, required=False)
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    override = override_field("Log it anyway, against the pest guard")


NOT_NOW_CHOICES = [(w, f"{w} weeks") for w in NOT_NOW_WEEKS]


class NotNowForm(forms.Form):
    """Not now — ask again in N weeks: one select beside the button (network/_outcomes.html
    draws it, one per row on Today)."""

    DEFAULT_WEEKS = 4

    weeks = forms.TypedChoiceField(
        label="Ask again in", coerce=int, choices=NOT_NOW_CHOICES, initial=DEFAULT_WEEKS
    )

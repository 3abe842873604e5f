"""Forms for follow-ups and their settings."""

from __future__ import annotations

from django import forms

from hundred.network.actions.outcomes import NOT_NOW_WEEKS
from hundred.network.forms.pestguard import OverrideMixin, override_field
from hundred.network.models import (
    Channel,
    FollowUpReason,
    FollowUpSettings,
)

DATE = forms.DateInput(attrs={"type": "date"})


class FollowUpSettingsForm(forms.ModelForm):
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


class FollowUpForm(forms.Form):
    due_on = forms.DateField(label="Due on", widget=DATE)
    channel = forms.ChoiceField(choices=Channel.choices, initial=Channel.EMAIL)
    reason = forms.ChoiceField(choices=FollowUpReason.choices, initial=FollowUpReason.NO_REPLY)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    override = forms.BooleanField(
        label="Schedule it anyway, against the pest guard",
        required=False,
        help_text="Recorded on the follow-up.",
    )


class RescheduleForm(forms.Form):
    due_on = forms.DateField(label="New date", widget=DATE)
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

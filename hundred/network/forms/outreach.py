"""Forms for the outreach composer and its templates."""

from __future__ import annotations

from django import forms

from hundred.network.forms.pestguard import OverrideMixin, override_field
from hundred.network.models import Channel, OutreachTemplate


class ComposeForm(OverrideMixin, forms.Form):
    channel = forms.ChoiceField(label="Channel", choices=Channel.choices)
    subject = forms.CharField(label="Subject", max_length=200, required=False)
    body = forms.CharField(label="Message", widget=forms.Textarea(attrs={"rows": 12}))
    send_anyway = forms.BooleanField(
        label="I know this asks for a job; record it anyway", required=False
    )
    long_anyway = forms.BooleanField(
        label="I know this is too long for a LinkedIn note; record it anyway", required=False
    )
    override = override_field("Record it anyway, against the pest guard")


class OutreachTemplateForm(forms.ModelForm):
    class Meta:
        model = OutreachTemplate
        fields = ["name", "channel", "subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        help_texts = {
            "body": "Placeholders: {first_name}, {how_we_know}, {pitch}, {short_pitch} (the "
            "pitch shortened to keep the message within 200 characters), {introducer}, {my_name}."
        }

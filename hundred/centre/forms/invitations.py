"""Sending an invitation, and the invited person's new account."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation

from hundred.accounts.models import Role, User, time_zone_choices


class InviteForm(forms.Form):
    email = forms.EmailField(label="E-mail address")
    role = forms.ChoiceField(label="As", choices=Role.choices, initial=Role.SEEKER)

    def __init__(self, *args, inviter: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.inviter = inviter
        if not inviter.is_centre_admin:
            # A coach invites job seekers only.
            self.fields["role"].choices = [(Role.SEEKER.value, Role.SEEKER.label)]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if not self.inviter.is_centre_admin:
            # A coach learns nothing about who is in the centre, not even from this refusal.
            return email
        members = User.objects.filter(organisation_id=self.inviter.organisation_id)
        if members.filter(email__iexact=email).exists():
            raise forms.ValidationError(f"{email} is already a member of this centre.")
        return email


class AcceptForm(forms.Form):
    name = forms.CharField(
        label="Your name", max_length=150, required=False, help_text="Signs your messages."
    )
    password = forms.CharField(label="Password", widget=forms.PasswordInput, strip=False)
    time_zone = forms.ChoiceField(
        label="Time zone",
        choices=time_zone_choices,
        help_text="“Today”, “overdue” and every time you see follow it.",
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["time_zone"].initial = settings.TIME_ZONE
        if not self.is_bound:
            self.fields["time_zone"].widget.attrs["data-time-zone-guess"] = "time-zone-guess"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password"):
            user = User(email=self.email, name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(cleaned["password"], user)
            except forms.ValidationError as e:
                self.add_error("password", e)
        return cleaned

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation

from hundred.accounts.models import SetupToken, User, time_zone_choices
from hundred.accounts.oidc import SSO_REQUIRED_ATTRIBUTE


class SignUpForm(forms.Form):
    name = forms.CharField(
        label="Your name", max_length=150, required=False, help_text="Signs your messages."
    )
    email = forms.EmailField(label="E-mail address")
    password = forms.CharField(label="Password", widget=forms.PasswordInput, strip=False)
    time_zone = forms.ChoiceField(
        label="Time zone",
        choices=time_zone_choices,
        help_text="“Today”, “overdue” and every time you see follow it. You can change it later "
        "in Settings.",
    )
    setup_token = forms.CharField(
        label="Set-up token",
        strip=True,
        help_text="Printed by 'hundred serve' when it started: it shows that you run this server.",
    )

    def __init__(self, *args, needs_token: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not needs_token:
            del self.fields["setup_token"]
        # Without JavaScript: the instance's own zone (TIME_ZONE, UTC unless the host set it).
        # With it, static/hundred/timezone.js picks the browser's zone, on a blank form only:
        # a form sent back with an error keeps the zone the person chose.
        self.fields["time_zone"].initial = settings.TIME_ZONE
        if not self.is_bound:
            self.fields["time_zone"].widget.attrs["data-time-zone-guess"] = "time-zone-guess"

    # Whether the address has an account is not said here: the mail tells its owner.
    def clean_email(self) -> str:
        return self.cleaned_data["email"].lower()

    def clean_setup_token(self) -> str:
        token = self.cleaned_data["setup_token"]
        if not SetupToken.objects.accepts(token):
            raise forms.ValidationError(
                "That is not the set-up token. Copy it from the output of 'hundred serve'."
            )
        return token

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password") and cleaned.get("email"):
            password_validation.validate_password(cleaned["password"], User(email=cleaned["email"]))
        return cleaned


class AccountSettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "name",
            "time_zone",
            "digest_enabled",
            "digest_hour",
            "weekly_review_enabled",
            "calendar_alarm_minutes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A post without the hour (a script, an older page) keeps the one saved.
        self.fields["digest_hour"].required = False
        self.fields["calendar_alarm_minutes"].required = False

    def clean_digest_hour(self):
        hour = self.cleaned_data.get("digest_hour")
        return self.instance.digest_hour if hour in (None, "") else hour

    def clean_calendar_alarm_minutes(self):
        minutes = self.cleaned_data.get("calendar_alarm_minutes")
        return self.instance.calendar_alarm_minutes if minutes in (None, "") else minutes


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        max_length=100, help_text="What will use it, e.g. “phone” or “my script”."
    )
    write = forms.BooleanField(
        label="Let it write too", required=False, help_text="Without it the token can only read."
    )


class LoginForm(auth_forms.AuthenticationForm):
    """Django's log-in form, which says so when the account must sign in with SSO instead.

    Only someone who typed the right password learns it (accounts/oidc.PasswordBackend).
    """

    def get_invalid_login_error(self):
        if getattr(self.request, SSO_REQUIRED_ATTRIBUTE, False):
            return forms.ValidationError(
                f"Coaches, centre admins and staff sign in with {settings.OIDC_PROVIDER_NAME} "
                "here, not with a password: use the “Sign in with "
                f"{settings.OIDC_PROVIDER_NAME}” button below.",
                code="sso_required",
            )
        return super().get_invalid_login_error()

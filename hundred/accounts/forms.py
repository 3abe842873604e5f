from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation

from hundred.accounts.models import User, time_zone_choices


class SignUpForm(forms.Form):
    name = forms.CharField(
        label="Your name", max_length=150, required=False, help_text="Signs your messages."
    )
    email = forms.EmailField(label="E-mail address")
    password = forms.CharField(label="Password", widget=forms.PasswordInput, strip=False)
    time_zone = forms.ChoiceField(label="Time zone", choices=time_zone_choices, initial="UTC")

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "There is already an account with this address. Log in, or reset its password."
            )
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password") and cleaned.get("email"):
            password_validation.validate_password(cleaned["password"], User(email=cleaned["email"]))
        return cleaned


class AccountSettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "time_zone"]


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

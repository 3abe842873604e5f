"""The centre admin's forms: who may join, and a member's role."""

from __future__ import annotations

import re

from django import forms

from hundred.accounts.models import Organisation, Role, SignupMode

# A host name of at least two labels, letters, digits and hyphens (IDNs as their xn-- form).
DOMAIN = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$")


class SignupModeForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["signup_mode", "allowed_domains"]
        widgets = {
            "signup_mode": forms.RadioSelect,
            "allowed_domains": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_allowed_domains(self) -> str:
        domains: list[str] = []
        for line in self.cleaned_data["allowed_domains"].splitlines():
            domain = line.strip().lstrip("@").lower()
            if not domain:
                continue
            if not DOMAIN.match(domain):
                raise forms.ValidationError(
                    f"“{line.strip()}” is not an e-mail domain; write one a line, such as "
                    "example.edu."
                )
            if domain not in domains:
                domains.append(domain)
        return "\n".join(domains)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("signup_mode") != SignupMode.DOMAINS or "allowed_domains" not in cleaned:
            return cleaned
        domains = cleaned["allowed_domains"].splitlines()
        if not domains:
            self.add_error("allowed_domains", "Give at least one domain, such as example.edu.")
        others = Organisation.objects.filter(signup_mode=SignupMode.DOMAINS).exclude(
            pk=self.instance.pk
        )
        taken = sorted({d for org in others for d in org.domains} & set(domains))
        if taken:
            self.add_error(
                "allowed_domains",
                f"Another centre on this server takes sign-ups at {', '.join(taken)}; "
                "ask whoever runs the server.",
            )
        return cleaned


class MemberForm(forms.Form):
    """Which member an admin acts on: the id comes in the form, never in the URL."""

    member = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class RoleForm(MemberForm):
    role = forms.ChoiceField(choices=Role.choices)

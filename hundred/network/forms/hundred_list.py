"""The 100 list's quick add."""

from __future__ import annotations

from django import forms

from hundred.network.models import HowKnown


class QuickAddForm(forms.Form):
    name = forms.CharField(label="Name", max_length=300)
    how_known = forms.ChoiceField(
        label="How you know them", choices=HowKnown.choices, initial=HowKnown.COLLEAGUE
    )
    company = forms.CharField(label="Company", max_length=200, required=False)

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Type a name.")
        return name

"""The 100 list's quick add."""

from __future__ import annotations

from django import forms

from hundred.network.models import HowKnown, Person
from hundred.network.models.people import long_name_error

NAME_LENGTH = Person._meta.get_field("first_name").max_length


class QuickAddForm(forms.Form):
    # A first and a last name of NAME_LENGTH each, and the space between; clean_name checks each.
    name = forms.CharField(label="Name", max_length=2 * NAME_LENGTH + 1)
    how_known = forms.ChoiceField(
        label="How you know them", choices=HowKnown.choices, initial=HowKnown.COLLEAGUE
    )
    company = forms.CharField(label="Company", max_length=200, required=False)

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Type a name.")
        # Kept as a first and a last name, each as long as "Add a person" allows: refused here
        # rather than cut (or refused by the database) when it is saved.
        if error := long_name_error(name):
            raise forms.ValidationError(error)
        return name

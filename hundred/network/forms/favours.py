"""The favour form."""

from __future__ import annotations

from django import forms

from hundred.network.forms.followups import DATE
from hundred.network.models import (
    FavourDirection,
)


class FavourForm(forms.Form):
    direction = forms.ChoiceField(choices=FavourDirection.choices)
    what = forms.CharField(max_length=300)
    due_on = forms.DateField(label="Due on", required=False, widget=DATE)

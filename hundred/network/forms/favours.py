"""The favour form."""

from __future__ import annotations

from django import forms

from hundred.network.forms.followups import DayField
from hundred.network.models import (
    FavourDirection,
)


class FavourForm(forms.Form):
    direction = forms.ChoiceField(choices=FavourDirection.choices)
    what = forms.CharField(
        max_length=300,
        error_messages={
            "required": "Say what the favour is.",
            "max_length": "Say it in at most %(limit_value)d characters (this has "
            "%(show_value)d); the details can go in a note on their page.",
        },
    )
    due_on = DayField(label="Due on", required=False)

"""Forms for scheduling, moving and cancelling a meeting, and writing its debrief."""

from __future__ import annotations

from django import forms

from hundred.lib.reach import reach_kind
from hundred.network.actions.meetings import CompanyMentioned, Debrief, FavourNoted, NameGiven
from hundred.network.forms.followups import DayField
from hundred.network.models import FavourDirection
from hundred.network.models.people import long_name_error

NAME_ROWS = 5

NOT_A_REACH = (
    "“{value}” is not an e-mail address, a phone number or a web address: correct it, or "
    "write it in the note."
)


COMPANY_ROWS = 3


FAVOUR_ROWS = 3


OFFER_ROWS = 2

# The two sides of "Is there anything I can do for you?": field prefix, rows, direction.
FAVOUR_SIDES = (
    ("favour", FAVOUR_ROWS, FavourDirection.THEY_ASKED, "What they asked"),
    ("offer", OFFER_ROWS, FavourDirection.I_OFFERED, "What I offered"),
)


class MeetingForm(forms.Form):
    starts_at = forms.DateTimeField(
        label="When",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="In your time zone.",
    )
    duration_minutes = forms.IntegerField(
        label="Length in minutes", min_value=5, max_value=600, initial=20
    )
    place = forms.CharField(
        label="Where or how", required=False, max_length=200, help_text="A café, a phone call…"
    )


class CancelMeetingForm(forms.Form):
    follow_up_on = DayField(
        label="Remind me to find another time on",
        required=False,
        help_text="Leave it empty for no reminder.",
    )


class DebriefForm(forms.Form):
    """Advice plus fixed rows for names, companies and favours: works without JavaScript."""

    advice = forms.CharField(
        label="Advice received", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    notes = forms.CharField(
        label="Other notes", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(NAME_ROWS):
            self.fields[f"name_{i}"] = forms.CharField(label="Name", required=False, max_length=300)
            self.fields[f"name_{i}_company"] = forms.CharField(
                label="Company", required=False, max_length=200
            )
            self.fields[f"name_{i}_title"] = forms.CharField(
                label="Title", required=False, max_length=200
            )
            self.fields[f"name_{i}_reach"] = forms.CharField(
                label="How to reach (e-mail, phone or web address)", required=False, max_length=300
            )
            self.fields[f"name_{i}_note"] = forms.CharField(
                label="Note", required=False, max_length=1000
            )
        for i in range(COMPANY_ROWS):
            self.fields[f"company_{i}"] = forms.CharField(
                label="Company", required=False, max_length=200
            )
            self.fields[f"company_{i}_target"] = forms.BooleanField(
                label="Mark as a target", required=False
            )
        for prefix, rows, _, label in FAVOUR_SIDES:
            for i in range(rows):
                self.fields[f"{prefix}_{i}"] = forms.CharField(
                    label=label, required=False, max_length=300
                )
                self.fields[f"{prefix}_{i}_due"] = DayField(label="By", required=False)

    def name_rows(self):
        return [
            [self[f"name_{i}{suffix}"] for suffix in ("", "_company", "_title", "_reach", "_note")]
            for i in range(NAME_ROWS)
        ]

    def company_rows(self):
        return [(self[f"company_{i}"], self[f"company_{i}_target"]) for i in range(COMPANY_ROWS)]

    def favour_rows(self):
        """What they asked of me: (what, by) bound fields a row."""
        return [(self[f"favour_{i}"], self[f"favour_{i}_due"]) for i in range(FAVOUR_ROWS)]

    def offer_rows(self):
        """What I offered them: (what, by) bound fields a row."""
        return [(self[f"offer_{i}"], self[f"offer_{i}_due"]) for i in range(OFFER_ROWS)]

    def clean(self):
        data = super().clean()
        for i in range(NAME_ROWS):
            extra = any(data.get(f"name_{i}_{k}") for k in ("company", "title", "reach", "note"))
            if extra and not (data.get(f"name_{i}") or "").strip():
                self.add_error(f"name_{i}", "Give a name for this row, or clear it.")
            elif error := long_name_error(data.get(f"name_{i}") or ""):
                self.add_error(f"name_{i}", error)
            reach = (data.get(f"name_{i}_reach") or "").strip()
            if reach and not reach_kind(reach):
                self.add_error(f"name_{i}_reach", NOT_A_REACH.format(value=reach))
        for prefix, rows, direction, _ in FAVOUR_SIDES:
            said = "they asked" if direction == FavourDirection.THEY_ASKED else "you offered"
            for i in range(rows):
                if data.get(f"{prefix}_{i}_due") and not (data.get(f"{prefix}_{i}") or "").strip():
                    self.add_error(f"{prefix}_{i}", f"Say what {said}, or clear the date.")
        return data

    def _favours(self) -> list[FavourNoted]:
        d = self.cleaned_data
        return [
            FavourNoted(d[f"{prefix}_{i}"].strip(), d[f"{prefix}_{i}_due"], direction)
            for prefix, rows, direction, _ in FAVOUR_SIDES
            for i in range(rows)
            if d[f"{prefix}_{i}"].strip()
        ]

    def debrief(self) -> Debrief:
        d = self.cleaned_data
        return Debrief(
            advice=d["advice"].strip(),
            notes=d["notes"].strip(),
            names=[
                NameGiven(
                    name=d[f"name_{i}"].strip(),
                    company=d[f"name_{i}_company"].strip(),
                    title=d[f"name_{i}_title"].strip(),
                    reach=d[f"name_{i}_reach"].strip(),
                    note=d[f"name_{i}_note"].strip(),
                )
                for i in range(NAME_ROWS)
                if d[f"name_{i}"].strip()
            ],
            companies=[
                CompanyMentioned(d[f"company_{i}"].strip(), bool(d[f"company_{i}_target"]))
                for i in range(COMPANY_ROWS)
                if d[f"company_{i}"].strip()
            ],
            favours=self._favours(),
        )

"""Forms for scheduling, moving and cancelling a meeting, and writing its debrief."""

from __future__ import annotations

from django import forms

from hundred.network.actions.meetings import CompanyMentioned, Debrief, FavourAsked, NameGiven
from hundred.network.forms.followups import DATE

NAME_ROWS = 5


COMPANY_ROWS = 3


FAVOUR_ROWS = 3


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
    follow_up_on = forms.DateField(
        label="Remind me to find another time on",
        required=False,
        widget=DATE,
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
                label="How to reach (e-mail or phone)", required=False, max_length=300
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
        for i in range(FAVOUR_ROWS):
            self.fields[f"favour_{i}"] = forms.CharField(
                label="What they asked", required=False, max_length=300
            )
            self.fields[f"favour_{i}_due"] = forms.DateField(
                label="By", required=False, widget=DATE
            )

    def name_rows(self):
        return [
            [self[f"name_{i}{suffix}"] for suffix in ("", "_company", "_title", "_reach", "_note")]
            for i in range(NAME_ROWS)
        ]

    def company_rows(self):
        return [(self[f"company_{i}"], self[f"company_{i}_target"]) for i in range(COMPANY_ROWS)]

    def favour_rows(self):
        return [(self[f"favour_{i}"], self[f"favour_{i}_due"]) for i in range(FAVOUR_ROWS)]

    def clean(self):
        data = super().clean()
        for i in range(NAME_ROWS):
            extra = any(data.get(f"name_{i}_{k}") for k in ("company", "title", "reach", "note"))
            if extra and not (data.get(f"name_{i}") or "").strip():
                self.add_error(f"name_{i}", "Give a name for this row, or clear it.")
        for i in range(FAVOUR_ROWS):
            if data.get(f"favour_{i}_due") and not (data.get(f"favour_{i}") or "").strip():
                self.add_error(f"favour_{i}", "Say what they asked, or clear the date.")
        return data

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
            favours=[
                FavourAsked(d[f"favour_{i}"].strip(), d[f"favour_{i}_due"])
                for i in range(FAVOUR_ROWS)
                if d[f"favour_{i}"].strip()
            ],
        )

"""Forms for the target and the pitch."""

from __future__ import annotations

import re

from django import forms

from hundred.network.models import Target

_LINES = re.compile(r"[\n;]+")


TARGET_LABELS = {
    "skills": ("Skills you want to use", "e.g. financial analysis, budgeting"),
    "industries": ("Industries", "e.g. non-profit, healthcare"),
    "company_kinds": ("Kinds of organisation", "e.g. mission-driven, mid-sized, startup"),
    "work_environment": ("Work environment", "e.g. small collaborative teams, hybrid"),
    "geographies": ("Geography", "e.g. Boston area, remote within the US"),
}


def split_lines(text: str) -> list[str]:
    """One value per line (or separated by ';'), trimmed, repeats dropped, order kept."""
    seen: dict[str, str] = {}
    for value in _LINES.split(text or ""):
        value = " ".join(value.split())
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value[:120]
    return list(seen.values())


class TargetForm(forms.Form):
    def __init__(self, *args, target: Target | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (label, example) in TARGET_LABELS.items():
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3, "placeholder": example}),
                help_text="One per line.",
            )
            if target is not None:
                self.fields[name].initial = "\n".join(getattr(target, name))

    def lists(self) -> dict[str, list[str]]:
        return {name: split_lines(self.cleaned_data[name]) for name in TARGET_LABELS}


class PitchForm(forms.Form):
    pitch = forms.CharField(
        label="Your pitch",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What you say when they ask “so what can I do for you?” — one or two sentences.",
    )

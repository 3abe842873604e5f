"""The job seeker's grant form and the coach's private note."""

from __future__ import annotations

from django import forms

from hundred.centre.actions import coaches_for


class CoachChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} <{obj.email}>" if obj.name else obj.email


class GrantForm(forms.Form):
    """Grant a coach of one's own centre read-only access."""

    coach = CoachChoiceField(
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": "Choose a coach of your centre from the list."},
    )
    with_notes = forms.BooleanField(
        label="Include notes and message texts",
        required=False,
        help_text="Without it the coach sees figures, names and dates, not what you wrote.",
    )

    def __init__(self, seeker, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coach"].queryset = coaches_for(seeker)


class RevokeForm(forms.Form):
    """Which coach loses access (one the seeker granted)."""

    coach = forms.IntegerField(widget=forms.HiddenInput)


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Your private note",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Only you see it; your client does not.",
    )

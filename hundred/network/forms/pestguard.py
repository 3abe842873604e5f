"""The pest guard's refusal on a form: a sentence, what was typed kept, and an explicit override.

Every form whose write records an outreach attempt has an `override` field made here. It stays
out of sight until the guard refuses; then the refusal is the form's error and the box is
offered, so going ahead is a decision the user makes, and Hundred records it.
"""

from __future__ import annotations

from django import forms

from hundred.network.actions.followups import PestGuard


class OverrideMixin:
    """For a form with an `override_field()`: a box already ticked stays in sight when the form
    comes back for another reason, so the decision is not silently dropped."""

    override_offered = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["override"]
        if self.is_bound and field.clean(self.data.get(self.add_prefix("override"))):
            field.widget = forms.CheckboxInput()
            self.override_offered = True


def override_field(label: str = "Record it anyway, against the pest guard") -> forms.Field:
    """A hidden, unticked override: `offer_override` shows it once the guard has said no."""
    return forms.BooleanField(
        label=label,
        required=False,
        widget=forms.HiddenInput,
        help_text="Recorded on the person's timeline.",
    )


def offer_override(form: forms.Form, refusal: PestGuard) -> None:
    """Put the guard's sentence on the form and offer the (unticked) override box."""
    form.add_error(
        None,
        f"The pest guard says not yet. {refusal.reason} To go ahead anyway, tick "
        f"“{form.fields['override'].label}”.",
    )
    form.fields["override"].widget = forms.CheckboxInput()
    form.override_offered = True

"""Onboarding: target, pitch, then the first names, one step a page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from hundred.network.actions.people import do_quick_add_person
from hundred.network.actions.target import do_save_pitch, do_save_target
from hundred.network.forms.hundred_list import QuickAddForm
from hundred.network.forms.target import PitchForm, TargetForm
from hundred.network.models import Target
from hundred.network.views.hundred_list import PROMPTS
from hundred.network.views.target import _pitch_context

ONBOARDING_NAMES = 20


WELCOME_STEPS = ("target", "pitch", "names")


def _finish_onboarding(user) -> None:
    if user.onboarded_at is None:
        user.onboarded_at = timezone.now()
        user.save(update_fields=["onboarded_at"])


def _advance(user, step: str):
    """On to the next step, or to Today once the last one is done."""
    next_step = {"target": "pitch", "pitch": "names", "names": None}[step]
    if next_step:
        return redirect("network-welcome-step", step=next_step)
    _finish_onboarding(user)
    return redirect("network-today")


def _target_step(request, current: Target) -> tuple[bool, dict]:
    form = TargetForm(request.POST or None, target=current)
    if request.method == "POST" and form.is_valid():
        do_save_target(request.user, form.lists())
        return True, {}
    return False, {"form": form, "completeness": current.completeness()}


def _pitch_step(request, current: Target) -> tuple[bool, dict]:
    form = PitchForm(request.POST or None, initial={"pitch": current.current_pitch()})
    if request.method == "POST" and form.is_valid():
        do_save_pitch(request.user, form.cleaned_data["pitch"])
        return True, {}
    return False, {"form": form, **_pitch_context(current, current.current_pitch())}


def _blank_again(row: QuickAddForm) -> QuickAddForm:
    """A row left blank, shown again as typed but unchecked: "required" is not its error."""
    return QuickAddForm(
        prefix=row.prefix,
        use_required_attribute=False,
        initial={
            "how_known": row.data.get(row.add_prefix("how_known")),
            "company": row.data.get(row.add_prefix("company"), ""),
        },
    )


def _names_step(request, current: Target) -> tuple[bool, dict]:
    rows = [
        QuickAddForm(request.POST or None, prefix=f"n{i}", use_required_attribute=False)
        for i in range(ONBOARDING_NAMES)
    ]
    if request.method == "POST":
        # A row counts when it has a name; the others are left blank on purpose.
        filled = [r for r in rows if r.data.get(r.add_prefix("name"), "").strip()]
        if all(r.is_valid() for r in filled):
            for r in filled:
                do_quick_add_person(
                    request.user,
                    name=r.cleaned_data["name"],
                    how_known=r.cleaned_data["how_known"],
                    company_name=r.cleaned_data["company"].strip(),
                )
            if filled:
                messages.success(request, f"{len(filled)} added to your list.")
            return True, {}
        rows = [r if r in filled else _blank_again(r) for r in rows]
    return False, {"rows": rows, "prompts": PROMPTS}


_STEPS = {"target": _target_step, "pitch": _pitch_step, "names": _names_step}


@login_required
@require_http_methods(["GET", "POST"])
def welcome(request, step: str = "target"):
    if step not in WELCOME_STEPS:
        raise Http404("No such step.")
    if request.method == "POST" and "skip" in request.POST:
        return _advance(request.user, step)
    done, context = _STEPS[step](request, Target.objects.get_for(request.user))
    if done:
        return _advance(request.user, step)
    context.update(step=step, number=WELCOME_STEPS.index(step) + 1, steps=WELCOME_STEPS)
    return render(request, "network/welcome.html", context)

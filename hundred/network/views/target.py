"""Target and pitch (article points 3 and 4): what you look for, and how you say it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from hundred.network import pitch as pitchlib
from hundred.network.actions.target import do_save_pitch, do_save_target
from hundred.network.forms.target import PitchForm, TargetForm
from hundred.network.models import (
    Target,
    TargetChange,
)

# How the target's history names each saved part.
HISTORY_LABELS = {
    "skills": "Skills",
    "industries": "Industries",
    "company_kinds": "Kinds of organisation",
    "work_environment": "Work environment",
    "geographies": "Geography",
    "pitch": "Pitch",
}


@login_required
@require_http_methods(["GET", "POST"])
def target(request):
    current = Target.objects.get_for(request.user)
    form = TargetForm(request.POST or None, target=current)
    if request.method == "POST" and form.is_valid():
        do_save_target(request.user, form.lists())
        messages.success(request, "Target saved.")
        return redirect("network-target")
    changes = [
        {
            "created_at": c.created_at,
            "parts": [(HISTORY_LABELS.get(k, k), v) for k, v in c.snapshot.items() if v],
        }
        for c in TargetChange.objects.for_user(request.user)[:20]
    ]
    return render(
        request,
        "network/target.html",
        {
            "form": form,
            "target": current,
            "completeness": current.completeness(),
            "homework": pitchlib.homework_prompt(current.completeness().missing),
            "pitch": current.current_pitch(),
            "changes": changes,
        },
    )


def _pitch_context(target: Target, text: str) -> dict:
    lists = target.as_lists() if target else {}
    warnings = pitchlib.pitch_warnings(
        text,
        skills=lists.get("skills", []),
        industries=lists.get("industries", []),
        geographies=lists.get("geographies", []),
    )
    return {"warnings": warnings, "suggested": target.suggested_pitch()}


@login_required
@require_http_methods(["GET", "POST"])
def pitch(request):
    current = Target.objects.get_for(request.user)
    form = PitchForm(request.POST or None, initial={"pitch": current.current_pitch()})
    if request.method == "POST" and form.is_valid():
        if request.htmx and "save" not in request.POST:
            context = _pitch_context(current, form.cleaned_data["pitch"])
            return render(request, "network/pitch.html#warnings", context)
        do_save_pitch(request.user, form.cleaned_data["pitch"])
        messages.success(request, "Pitch saved.")
        return redirect("network-pitch")
    text = form.data.get("pitch", "") if form.is_bound else current.current_pitch()
    return render(
        request,
        "network/pitch.html",
        {"form": form, "target": current, **_pitch_context(current, text)},
    )

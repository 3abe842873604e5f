"""Follow-ups (article point 5): schedule, done, snooze, skip, move, and their settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.dateformat import format as date_format
from django.views.decorators.http import require_http_methods, require_POST

from hundred.network.actions import followups as engine
from hundred.network.forms.followups import (
    DoneForm,
    FollowUpForm,
    FollowUpSettingsForm,
    RescheduleForm,
)
from hundred.network.forms.pestguard import offer_override
from hundred.network.models import (
    FollowUpSettings,
)
from hundred.network.views.owned import get_open_followup_for_user, get_person_for_user
from hundred.network.views.redirects import redirect_back


@login_required
@require_http_methods(["GET", "POST"])
def followup_settings(request):
    settings = FollowUpSettings.objects.get_for(request.user)
    form = FollowUpSettingsForm(request.POST or None, instance=settings)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Follow-up settings saved.")
        return redirect("network-followup-settings")
    return render(request, "network/followup_settings.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def schedule_followup(request, pk: int):
    person = get_person_for_user(request, pk)
    form = FollowUpForm(request.POST or None, initial={"due_on": request.user.local_today()})
    refusal = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            followup = engine.do_schedule_followup(
                request.user,
                person,
                due_on=d["due_on"],
                channel=d["channel"],
                reason=d["reason"],
                note=d["note"],
                override=d["override"],
            )
        except engine.PestGuard as e:
            refusal = e.reason
        else:
            note = " (against the pest guard)" if followup.is_override else ""
            messages.success(
                request, f"Follow-up scheduled for {date_format(followup.due_on, 'D j M')}{note}."
            )
            return redirect(person)
    return render(
        request,
        "network/followup_form.html",
        {"form": form, "person": person, "refusal": refusal},
        status=400 if refusal else 200,
    )


@login_required
@require_POST
def followup_done(request, pk: int):
    """Done, from Today or the person's page: an attempt done too soon (or on the last one's
    channel) is refused on a page of its own, with the override offered."""
    followup = get_open_followup_for_user(request, pk)
    posted = request.POST.copy()
    if not posted.get("channel"):
        posted["channel"] = followup.channel  # shown as it will be logged if refused
    form = DoneForm(posted)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    try:
        engine.do_complete_followup(
            request.user,
            followup,
            channel=data.get("channel") or None,
            summary=data.get("summary", ""),
            override=data.get("override", False),
        )
    except engine.PestGuard as refusal:
        offer_override(form, refusal)
        return render(
            request,
            "network/followup_done.html",
            {"form": form, "followup": followup, "next": posted.get("next", "")},
            status=400,
        )
    messages.success(request, f"Done: {followup.get_reason_display().lower()}, logged.")
    return redirect_back(request, "network-today")


@login_required
@require_POST
def followup_snooze(request, pk: int):
    followup = get_open_followup_for_user(request, pk)
    try:
        days = max(1, min(int(request.POST.get("days", 1)), 365))
    except ValueError:
        days = 1
    engine.do_snooze_followup(request.user, followup, days)
    messages.success(request, f"Snoozed to {date_format(followup.due_on, 'D j M')}.")
    return redirect_back(request, "network-today")


@login_required
@require_POST
def followup_skip(request, pk: int):
    followup = get_open_followup_for_user(request, pk)
    engine.do_skip_followup(request.user, followup, request.POST.get("note", "").strip())
    messages.success(request, "Skipped.")
    return redirect_back(request, "network-today")


@login_required
@require_http_methods(["GET", "POST"])
def followup_reschedule(request, pk: int):
    followup = get_open_followup_for_user(request, pk)
    form = RescheduleForm(request.POST or None, initial={"due_on": followup.due_on})
    refusal = None
    if request.method == "POST" and form.is_valid():
        try:
            engine.do_reschedule_followup(
                request.user, followup, form.cleaned_data["due_on"], form.cleaned_data["override"]
            )
        except engine.PestGuard as e:
            refusal = e.reason
        else:
            messages.success(request, f"Moved to {date_format(followup.due_on, 'D j M')}.")
            return redirect_back(request, followup.person)
    return render(
        request,
        "network/followup_reschedule.html",
        {"form": form, "followup": followup, "refusal": refusal},
        status=400 if refusal else 200,
    )

"""HTML views for follow-ups, meetings (prep sheet, debrief), favours and follow-up settings."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from hundred.network import followups as engine
from hundred.network.forms_followups import (
    DebriefForm,
    DoneForm,
    FavourForm,
    FollowUpForm,
    FollowUpSettingsForm,
    MeetingForm,
    RescheduleForm,
)
from hundred.network.models import (
    Favour,
    FavourDirection,
    FavourState,
    FollowUp,
    FollowUpSettings,
    FollowUpState,
    Meeting,
    Person,
    Target,
)

SUGGESTED_QUESTIONS = [
    "How did you get into your line of work? What is the industry like right now?",
    "Which companies or organisations in {area} should I learn more about?",
    "What do you know about the companies on my list? Which ones value skills like mine?",
    "What would you do in my place? What am I not seeing?",
    "Who else should I talk to? May I use your name when I reach out?",
]

REMINDERS = [
    "It is research: you are asking for advice, names and ideas — not for a job.",
    "Keep to the time you asked for ({minutes} minutes) unless they offer more.",
    "When they ask “so what can I do for you?”, answer with your pitch, briefly.",
    "Write down every name and company they mention; ask how best to reach each.",
    "End with: “Is there anything I can do for you?”",
]


def _open_followup(request, pk: int) -> FollowUp:
    return get_object_or_404(
        FollowUp.objects.for_user(request.user)
        .filter(state=FollowUpState.OPEN)
        .select_related("person"),
        pk=pk,
    )


def _back(request, fallback):
    """Return to the page the form was on (a safe local URL), else the fallback."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect(fallback)


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
    person = get_object_or_404(Person.objects.for_user(request.user), pk=pk)
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
    followup = _open_followup(request, pk)
    form = DoneForm(request.POST)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    engine.do_complete_followup(
        request.user,
        followup,
        channel=data.get("channel") or None,
        summary=data.get("summary", ""),
    )
    messages.success(request, f"Done: {followup.get_reason_display().lower()}, logged.")
    return _back(request, "network-today")


@login_required
@require_POST
def followup_snooze(request, pk: int):
    followup = _open_followup(request, pk)
    try:
        days = max(1, min(int(request.POST.get("days", 1)), 365))
    except ValueError:
        days = 1
    engine.do_snooze_followup(request.user, followup, days)
    messages.success(request, f"Snoozed to {date_format(followup.due_on, 'D j M')}.")
    return _back(request, "network-today")


@login_required
@require_POST
def followup_skip(request, pk: int):
    followup = _open_followup(request, pk)
    engine.do_skip_followup(request.user, followup, request.POST.get("note", "").strip())
    messages.success(request, "Skipped.")
    return _back(request, "network-today")


@login_required
@require_http_methods(["GET", "POST"])
def followup_reschedule(request, pk: int):
    followup = _open_followup(request, pk)
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
            return _back(request, followup.person)
    return render(
        request,
        "network/followup_reschedule.html",
        {"form": form, "followup": followup, "refusal": refusal},
        status=400 if refusal else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def schedule_meeting(request, pk: int):
    person = get_object_or_404(Person.objects.for_user(request.user), pk=pk)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        starts_at: datetime = d["starts_at"]
        if timezone.is_naive(starts_at):
            starts_at = timezone.make_aware(starts_at, request.user.tzinfo)
        meeting = engine.do_schedule_meeting(
            request.user,
            person,
            starts_at=starts_at,
            duration_minutes=d["duration_minutes"],
            place=d["place"],
        )
        messages.success(request, f"Meeting with {person} booked. Here is your prep sheet.")
        return redirect("network-meeting-prep", pk=meeting.pk)
    return render(request, "network/meeting_form.html", {"form": form, "person": person})


def _get_meeting(request, pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.for_user(request.user).select_related(
            "person", "person__company", "person__introduced_by", "person__introduced_at"
        ),
        pk=pk,
    )


@login_required
def meeting_prep(request, pk: int):
    meeting = _get_meeting(request, pk)
    person = meeting.person
    target = Target.objects.for_user(request.user).first()
    area = ", ".join(target.geographies) if target and target.geographies else "my area"
    company = person.company
    return render(
        request,
        "network/meeting_prep.html",
        {
            "meeting": meeting,
            "person": person,
            "company": company,
            "company_notes": meeting.company_notes or (company.notes if company else ""),
            "target": target,
            "pitch": (target.pitch if target else "") or meeting.pitch_snapshot,
            "questions": [q.format(area=area) for q in SUGGESTED_QUESTIONS],
            "reminders": [r.format(minutes=meeting.duration_minutes) for r in REMINDERS],
            "earlier": person.meetings.exclude(pk=meeting.pk).filter(
                starts_at__lt=meeting.starts_at
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_debrief(request, pk: int):
    meeting = _get_meeting(request, pk)
    form = DebriefForm(
        request.POST or None, initial={"advice": meeting.advice, "notes": meeting.debrief_notes}
    )
    if request.method == "POST" and form.is_valid():
        new_people = engine.do_debrief_meeting(request.user, meeting, form.debrief())
        names = f" {len(new_people)} new names on your list." if new_people else ""
        messages.success(request, f"Debrief saved.{names} A thank-you is on Today.")
        return redirect(meeting.person)
    return render(
        request,
        "network/meeting_debrief.html",
        {
            "meeting": meeting,
            "person": meeting.person,
            "form": form,
            "names_given": meeting.names_given.all(),
            "companies": meeting.companies_mentioned.all(),
            "favours": meeting.favours.all(),
        },
    )


@login_required
@require_POST
def add_favour(request, pk: int):
    person = get_object_or_404(Person.objects.for_user(request.user), pk=pk)
    form = FavourForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        engine.do_add_favour(
            request.user, person, direction=d["direction"], what=d["what"], due_on=d["due_on"]
        )
        messages.success(request, "Favour noted.")
    else:
        messages.error(request, "Say what the favour is.")
    return redirect(person)


@login_required
@require_POST
def favour_done(request, pk: int):
    favour = get_object_or_404(
        Favour.objects.for_user(request.user).select_related("person"), pk=pk
    )
    if favour.state != FavourState.DONE:
        engine.do_complete_favour(request.user, favour)
        messages.success(request, f"Done: {favour.what}.")
    return _back(request, "network-give-back")


@login_required
def give_back(request):
    favours = Favour.objects.for_user(request.user).select_related("person")
    return render(
        request,
        "network/give_back.html",
        {
            "owed": favours.filter(
                state=FavourState.PROMISED,
                direction__in=[FavourDirection.THEY_ASKED, FavourDirection.I_OFFERED],
            ).order_by("due_on", "id"),
            "given": favours.filter(
                state=FavourState.DONE,
                direction__in=[FavourDirection.THEY_ASKED, FavourDirection.I_OFFERED],
            ).order_by("-done_on", "-id")[:50],
            "received": favours.filter(direction=FavourDirection.THEY_DID).order_by("-created_at")[
                :100
            ],
            "local_today": request.user.local_today(),
        },
    )

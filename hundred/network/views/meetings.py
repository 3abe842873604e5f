"""Meetings: scheduling, moving and cancelling, the printable prep sheet and the debrief."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.views.decorators.http import require_http_methods, require_POST

from hundred.network.actions import meetings as engine
from hundred.network.forms.meetings import CancelMeetingForm, DebriefForm, MeetingForm
from hundred.network.models import QuestionBank, Target
from hundred.network.questions import lines
from hundred.network.views.owned import get_meeting_for_user, get_person_for_user
from hundred.network.views.redirects import redirect_back

REMINDERS = [
    "It is research: you are asking for advice, names and ideas — not for a job.",
    "Keep to the time you asked for ({minutes} minutes) unless they offer more.",
    "When they ask “so what can I do for you?”, answer with your pitch, briefly.",
    "Write down every name and company they mention; ask how best to reach each.",
]


def _aware(request, starts_at: datetime) -> datetime:
    if timezone.is_naive(starts_at):
        return timezone.make_aware(starts_at, request.user.tzinfo)
    return starts_at


@login_required
@require_http_methods(["GET", "POST"])
def schedule_meeting(request, pk: int):
    person = get_person_for_user(request, pk)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        meeting = engine.do_schedule_meeting(
            request.user,
            person,
            starts_at=_aware(request, d["starts_at"]),
            duration_minutes=d["duration_minutes"],
            place=d["place"],
        )
        messages.success(request, f"Meeting with {person} booked. Here is your prep sheet.")
        return redirect("network-meeting-prep", pk=meeting.pk)
    return render(request, "network/meeting_form.html", {"form": form, "person": person})


@login_required
@require_http_methods(["GET", "POST"])
def reschedule_meeting(request, pk: int):
    meeting = get_meeting_for_user(request, pk)
    form = MeetingForm(
        request.POST or None,
        initial={
            "starts_at": meeting.starts_at,
            "duration_minutes": meeting.duration_minutes,
            "place": meeting.place,
        },
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            engine.do_reschedule_meeting(
                request.user,
                meeting,
                starts_at=_aware(request, d["starts_at"]),
                duration_minutes=d["duration_minutes"],
                place=d["place"],
            )
        except engine.MeetingRefused as e:
            form.add_error(None, str(e))
        else:
            when = formats.date_format(timezone.localtime(meeting.starts_at), "l j F, H:i")
            messages.success(request, f"Meeting with {meeting.person} moved to {when}.")
            return redirect_back(request, reverse("network-meeting-prep", args=[meeting.pk]))
    return render(
        request,
        "network/meeting_form.html",
        {"form": form, "person": meeting.person, "meeting": meeting},
    )


@login_required
@require_http_methods(["GET", "POST"])
def cancel_meeting(request, pk: int):
    meeting = get_meeting_for_user(request, pk)
    person = meeting.person
    form = CancelMeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        stage = person.stage
        try:
            engine.do_cancel_meeting(
                request.user, meeting, follow_up_on=form.cleaned_data["follow_up_on"]
            )
        except engine.MeetingRefused as e:
            form.add_error(None, str(e))
        else:
            back = f" {person} is back at “{person.get_stage_display().lower()}”."
            messages.success(
                request, f"Meeting with {person} cancelled.{back if person.stage != stage else ''}"
            )
            return redirect(person)
    return render(
        request,
        "network/meeting_cancel.html",
        {"form": form, "meeting": meeting, "person": person},
    )


@login_required
def meeting_prep(request, pk: int):
    meeting = get_meeting_for_user(request, pk)
    person = meeting.person
    target = Target.objects.get_for(request.user)
    company = person.company
    bank = QuestionBank.objects.filled_for(request.user)
    chosen = meeting.questions_list
    return render(
        request,
        "network/meeting_prep.html",
        {
            "meeting": meeting,
            "person": person,
            "company": company,
            "company_notes": meeting.company_notes or (company.notes if company else ""),
            "target": target,
            "pitch": meeting.pitch_to_say(target),
            "bank": bank,
            "chosen": chosen,
            "own_questions": "\n".join(q for q in chosen if q not in bank.all_questions()),
            "reminders": [r.format(minutes=meeting.duration_minutes) for r in REMINDERS],
            "earlier": person.meetings.not_cancelled()
            .exclude(pk=meeting.pk)
            .filter(starts_at__lt=meeting.starts_at),
        },
    )


@login_required
@require_POST
def meeting_questions(request, pk: int):
    """Keep the questions picked from the bank, and any of one's own, for this meeting."""
    meeting = get_meeting_for_user(request, pk)
    meeting.keep_questions(request.POST.getlist("question") + lines(request.POST.get("own", "")))
    count = len(meeting.questions_list)
    messages.success(request, f"{count} question{'s' if count != 1 else ''} kept for this meeting.")
    return redirect("network-meeting-prep", pk=meeting.pk)


def _saved_message(saved: engine.DebriefSaved) -> str:
    """'Debrief saved. 1 new name on your list. Pat O'Neil was already on your list: linked
    to this meeting, not added again. A thank-you is on Today.'"""
    parts = ["Debrief saved."]
    if saved.new:
        count = len(saved.new)
        parts.append(f"{count} new name{'s' if count != 1 else ''} on your list.")
    if saved.linked:
        names = ", ".join(p.full_name for p in saved.linked)
        verb = "was" if len(saved.linked) == 1 else "were"
        parts.append(f"{names} {verb} already on your list: linked, not added again.")
    parts.append("A thank-you is on Today.")
    return " ".join(parts)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_debrief(request, pk: int):
    meeting = get_meeting_for_user(request, pk)
    form = DebriefForm(
        request.POST or None, initial={"advice": meeting.advice, "notes": meeting.debrief_notes}
    )
    refusal = None
    if request.method == "GET":
        try:
            engine.check_can_debrief(request.user, meeting)
        except engine.MeetingRefused as e:
            refusal = str(e)
    elif form.is_valid():
        try:
            saved = engine.do_debrief_meeting(request.user, meeting, form.debrief())
        except engine.MeetingRefused as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, _saved_message(saved))
            return redirect(meeting.person)
    return render(
        request,
        "network/meeting_debrief.html",
        {
            "meeting": meeting,
            "person": meeting.person,
            "form": form,
            "refusal": refusal,
            "names_given": meeting.names_given.all(),
            "companies": meeting.companies_mentioned.all(),
            "favours": meeting.favours.all(),
            "closing": QuestionBank.objects.bank_for(request.user).closing,
        },
    )

"""How a thread ends, in one click from Today or a person's page: no, not now, or yes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.dateformat import format as date_format
from django.views.decorators.http import require_POST

from hundred.network.actions import outcomes
from hundred.network.forms.followups import NotNowForm
from hundred.network.views.owned import get_person_for_user
from hundred.network.views.redirects import redirect_back


@login_required
@require_POST
def said_no(request, pk: int):
    person = get_person_for_user(request, pk)
    outcomes.do_mark_declined(request.user, person)
    messages.success(
        request, f"{person} said no: marked declined, their follow-ups closed. Thank them anyway."
    )
    return redirect_back(request, person)


@login_required
@require_POST
def not_now(request, pk: int):
    person = get_person_for_user(request, pk)
    form = NotNowForm(request.POST)
    # The weeks come from a list: anything else is not a person's mistake, so the default.
    weeks = form.cleaned_data["weeks"] if form.is_valid() else NotNowForm.DEFAULT_WEEKS
    followup = outcomes.do_ask_again_later(request.user, person, weeks)
    messages.success(
        request, f"Not now: ask {person} again on {date_format(followup.due_on, 'D j M')}."
    )
    return redirect_back(request, person)


@login_required
@require_POST
def replied(request, pk: int):
    person = get_person_for_user(request, pk)
    outcomes.do_mark_replied(request.user, person)
    messages.success(request, f"{person}'s reply is logged. Now book the meeting.")
    return redirect("network-schedule-meeting", pk=person.pk)

"""Favours (article point 6): add, mark done, and the give-back page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hundred.network.actions import favours as engine
from hundred.network.forms.favours import FavourForm
from hundred.network.models import (
    Favour,
    FavourDirection,
    FavourState,
)
from hundred.network.views.owned import get_favour_for_user, get_person_for_user
from hundred.network.views.people import FAVOUR_AUTO_ID, render_person
from hundred.network.views.redirects import redirect_back


@login_required
@require_POST
def add_favour(request, pk: int):
    person = get_person_for_user(request, pk)
    form = FavourForm(request.POST, auto_id=FAVOUR_AUTO_ID)
    if form.is_valid():
        d = form.cleaned_data
        engine.do_add_favour(
            request.user, person, direction=d["direction"], what=d["what"], due_on=d["due_on"]
        )
        messages.success(request, "Favour noted.")
        return redirect(person)
    # The person page again, with what was typed and what is wrong beside it.
    return render_person(request, person, favour_form=form, status=400)


@login_required
@require_POST
def favour_done(request, pk: int):
    favour = get_favour_for_user(request, pk)
    if favour.state != FavourState.DONE:
        engine.do_complete_favour(request.user, favour)
        messages.success(request, f"Done: {favour.what}.")
    return redirect_back(request, "network-give-back")


@login_required
def give_back(request):
    favours = Favour.objects.for_user(request.user).select_related("person")
    return render(
        request,
        "network/give_back.html",
        {
            "owed": favours.owed(),
            "given": favours.given()[:50],
            "received": favours.filter(direction=FavourDirection.THEY_DID).order_by("-created_at")[
                :100
            ],
            "local_today": request.user.local_today(),
        },
    )

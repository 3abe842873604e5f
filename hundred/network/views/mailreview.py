"""Today's "new people from your mail": add an address as a person, or dismiss it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from hundred.network.actions.people import do_add_from_mail
from hundred.network.models import MailSuggestion
from hundred.network.views.owned import get_for_user


@login_required
@require_POST
def add_from_mail(request, pk: int):
    suggestion = get_for_user(request, MailSuggestion.objects.filter(dismissed=False), pk)
    person = do_add_from_mail(request.user, suggestion)
    messages.success(request, f"{person} is on your list; their mail is logged from now on.")
    return redirect(person)


@login_required
@require_POST
def dismiss_from_mail(request, pk: int):
    suggestion = get_for_user(request, MailSuggestion, pk)
    suggestion.dismissed = True
    suggestion.save(update_fields=["dismissed", "updated_at"])
    messages.success(request, f"{suggestion.email} will not be suggested again.")
    return redirect("network-today")

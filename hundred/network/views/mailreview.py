"""Today's "new people from your mail": add an address as a person, give it to a person of
the same name already on the list, or dismiss it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from hundred.network.actions.people import do_add_from_mail, do_add_mail_address
from hundred.network.models import MailSuggestion, Person
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
def add_to_person_from_mail(request, pk: int, person: int):
    """The address goes to one of the user's people with the suggestion's name; any other
    person (another account's, or one of a different name) is a 404."""
    suggestion = get_for_user(request, MailSuggestion.objects.filter(dismissed=False), pk)
    key = suggestion.same_name_key()
    if not key:
        raise Http404("This address came without a name to match.")
    same_name = Person.objects.filter(sort_name=key).select_related("company")
    target = do_add_mail_address(suggestion, get_for_user(request, same_name, person))
    said = f"{suggestion.email} is added to {target}; their mail from it is logged from now on."
    messages.success(request, said)
    return redirect(target)


@login_required
@require_POST
def dismiss_from_mail(request, pk: int):
    suggestion = get_for_user(request, MailSuggestion, pk)
    suggestion.dismissed = True
    suggestion.save(update_fields=["dismissed", "updated_at"])
    messages.success(request, f"{suggestion.email} will not be suggested again.")
    return redirect("network-today")

"""The 100 list (article point 2): progress to 100, prompts, and quick add."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from hundred.network.actions.people import do_quick_add_person
from hundred.network.forms.hundred_list import QuickAddForm
from hundred.network.models import (
    HowKnown,
    Person,
)

GOAL = 100


# Brainstorm prompts for the 100 list, one per way of knowing people (article point 2).
PROMPTS = {
    "colleague": "Former colleagues and managers, from every job you have had.",
    "classmate": "Classmates from school, university, courses and certifications.",
    "friend": "Friends, and friends you have lost touch with.",
    "family": "Family and family friends — your parents' friends, your cousins' partners.",
    "neighbour": "Neighbours, past and present.",
    "community": "Clubs, teams, volunteering, faith communities, your children's school.",
    "service": "People who serve you: your accountant, doctor, hairdresser — even your plumber.",
    "introduced": "People others have introduced you to.",
    "linkedin": "LinkedIn connections you know no other way — import them from LinkedIn's export.",
    "other": "Anyone else you could call or e-mail and ask for 15–20 minutes.",
}


def _hundred_context(user, form: QuickAddForm) -> dict:
    counts = dict(
        Person.objects.for_user(user).values_list("how_known").annotate(n=Count("id")).order_by()
    )
    total = sum(counts.values())
    kinds = [
        {"key": key, "label": label, "count": counts.get(key, 0), "prompt": PROMPTS[key]}
        for key, label in HowKnown.choices
    ]
    recent = Person.objects.for_user(user).select_related("company").order_by("-created_at")[:10]
    return {
        "total": total,
        "goal": GOAL,
        "percent": min(100, total * 100 // GOAL),
        "kinds": kinds,
        "form": form,
        "recent": recent,
    }


@login_required
def hundred_list(request):
    # After a quick add without JavaScript, keep the "how you know them" just used.
    how_known = request.GET.get("how_known")
    initial = {"how_known": how_known} if how_known in HowKnown.values else {}
    form = QuickAddForm(initial=initial)
    return render(request, "network/hundred.html", _hundred_context(request.user, form))


@login_required
@require_POST
def quick_add(request):
    form = QuickAddForm(request.POST)
    if form.is_valid():
        person = do_quick_add_person(
            request.user,
            name=form.cleaned_data["name"],
            how_known=form.cleaned_data["how_known"],
            company_name=form.cleaned_data["company"].strip(),
        )
        if not request.htmx:
            messages.success(request, f"{person} is on your list.")
            return redirect(
                f"{reverse('network-hundred')}?how_known={form.cleaned_data['how_known']}"
            )
        # Keep the "how you know them" choice: people are usually listed a group at a time.
        form = QuickAddForm(initial={"how_known": form.cleaned_data["how_known"]})
        context = _hundred_context(request.user, form)
        context["added"] = person
        return render(request, "network/hundred.html#board", context)
    context = _hundred_context(request.user, form)
    template = "network/hundred.html#board" if request.htmx else "network/hundred.html"
    return render(request, template, context, status=200 if request.htmx else 400)

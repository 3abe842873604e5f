"""The possible-duplicates review: merge a pair or dismiss it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from hundred.network.models import Person
from hundred.transfer.dedupe import do_dismiss_pair, do_merge_people, possible_duplicates

PAIRS_PER_PAGE = 50


@login_required
@require_GET
def duplicates(request):
    page = Paginator(possible_duplicates(request.user), PAIRS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "transfer/duplicates.html", {"page": page})


def _pair(request) -> tuple[Person, Person]:
    people = Person.objects.for_user(request.user)
    try:
        keep_id, other_id = int(request.POST.get("keep", "")), int(request.POST.get("other", ""))
    except ValueError:
        raise Http404 from None
    if keep_id == other_id:
        raise Http404
    return get_object_or_404(people, pk=keep_id), get_object_or_404(people, pk=other_id)


@login_required
@require_POST
def merge(request):
    keep, other = _pair(request)
    name = other.full_name
    do_merge_people(request.user, keep, other)
    messages.success(request, f"Merged {name} into {keep.full_name}.")
    return redirect("transfer-duplicates")


@login_required
@require_POST
def dismiss(request):
    a, b = _pair(request)
    do_dismiss_pair(request.user, a, b)
    messages.success(request, f"{a.full_name} and {b.full_name} will not be offered again.")
    return redirect("transfer-duplicates")

"""Fetch one of the signed-in user's objects, or answer 404: another account's id is never a leak.

Every view that takes an id goes through `get_for_user` (or a named helper below built on it),
in the way Healthchecks' `_get_check_for_user` does; `hundred/tests/test_isolation.py` walks
every URL as a second account to prove it.
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from hundred.network.models import (
    Company,
    Favour,
    FollowUp,
    FollowUpState,
    Meeting,
    OutreachTemplate,
    Person,
)
from hundred.network.prepared import Compiled

M = TypeVar("M", bound=Model)


def get_for_user(request, source: type[M] | QuerySet[M], pk: int) -> M:
    """The object with this id among the signed-in user's, or Http404.

    `source` is a model with an owner, or a queryset of one (to add select_related or a filter).
    """
    queryset = source.objects.all() if isinstance(source, type) else source
    return get_object_or_404(queryset.filter(owner=request.user), pk=pk)


# The person and what their page and forms show beside them; compiled once (network/prepared.py),
# as it is read by every view of a person. The same rows as get_for_user's query.
_PERSON = Compiled(
    lambda owner, pk: (
        Person.objects.select_related("company", "introduced_by", "introduced_at")
        .filter(owner=owner, pk=pk)
        .order_by()
    )
)


def get_person_for_user(request, pk: int) -> Person:
    found = _PERSON(request.user.pk, pk)
    if not found:
        raise Http404("No Person matches the given query.")
    return found[0]


def get_company_for_user(request, pk: int) -> Company:
    return get_for_user(request, Company, pk)


def get_open_followup_for_user(request, pk: int) -> FollowUp:
    return get_for_user(
        request, FollowUp.objects.filter(state=FollowUpState.OPEN).select_related("person"), pk
    )


def get_meeting_for_user(request, pk: int) -> Meeting:
    return get_for_user(
        request,
        Meeting.objects.select_related(
            "person", "person__company", "person__introduced_by", "person__introduced_at"
        ),
        pk,
    )


def get_favour_for_user(request, pk: int) -> Favour:
    return get_for_user(request, Favour.objects.select_related("person"), pk)


def get_template_for_user(request, pk: int) -> OutreachTemplate:
    return get_for_user(request, OutreachTemplate, pk)

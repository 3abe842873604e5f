"""People: the list, a person's page, adding, editing, deleting, logging a touch."""

from __future__ import annotations

import bisect

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from hundred.network.actions.followups import PestGuard
from hundred.network.actions.people import do_delete_person, do_log_interaction
from hundred.network.forms.blank import blank_html, this_minute
from hundred.network.forms.favours import FavourForm
from hundred.network.forms.followups import NOT_NOW_CHOICES
from hundred.network.forms.people import (
    InteractionForm,
    PeopleFilterForm,
    PersonForm,
    introducer_label,
    without_number,
)
from hundred.network.forms.pestguard import offer_override
from hundred.network.models import (
    Company,
    FollowUpState,
    Person,
    Tag,
)
from hundred.network.models.people import PersonQuerySet, introduced_by
from hundred.network.views.owned import get_person_for_user

PEOPLE_PER_PAGE = 50
# The columns a row of the list shows (people.html): reading the rest (notes, search text,
# phones …) and making model fields of them was a quarter of the page's CPU.
LIST_FIELDS = ("first_name", "last_name", "emails", "title", "how_known", "stage", "company__name")
# Matches are counted up to here, then shown as "1,000+": counting every match of a common
# word costs more than the page it is on.
COUNT_CAP = 1000


def keyset_cursor(person: Person) -> str:
    """The `after=`/`before=` value that pages from this person: their id."""
    return str(person.pk)


def _filtered(user, data: dict) -> tuple[PersonQuerySet, bool]:
    """The people the search and filters let through, and whether any was given."""
    qs = Person.objects.for_user(user)
    if data.get("q"):
        qs = qs.search(data["q"])
    if data.get("stage"):
        qs = qs.filter(stage=data["stage"])
    if data.get("how_known"):
        qs = qs.filter(how_known=data["how_known"])
    if data.get("company"):
        # "Acme, Ltd." finds the people at "Acme": companies are one under their suffixes.
        qs = qs.filter(company__in=Company.objects.named(user, data["company"]))
    if data.get("tag"):
        qs = qs.filter(tags__in=Tag.objects.for_user(user).filter(name__iexact=data["tag"]))
    return qs, any(data.get(k) for k in ("q", "stage", "how_known", "company", "tag"))


def _cursor(request) -> tuple[str, tuple[str, int] | None]:
    """("after" or "before", the (sort_name, id) of the person named there), or ("", None)
    for the first page and for a cursor that is not one of the user's people."""
    for side in ("after", "before"):
        edge = request.GET.get(side, "")
        if edge.isdigit():
            mark = (
                Person.objects.for_user(request.user)
                .filter(pk=int(edge))
                .values_list("sort_name", "pk")
                .first()
            )
            return (side, mark) if mark else ("", None)
    return "", None


def _page(people: list, side: str, more: bool) -> dict:
    """Up to PEOPLE_PER_PAGE of `people` (in name order, one extra when `more` found it)."""
    if side == "before":
        return {"people": people[-PEOPLE_PER_PAGE:], "next": True, "previous": more}
    return {"people": people[:PEOPLE_PER_PAGE], "next": more, "previous": side == "after"}


def _keyset_page(qs: PersonQuerySet, side: str, mark) -> dict:
    """One page of `qs` in name order from the database, after or before `mark` (keyset
    paging: it reads the page, not everything before it). For the whole list and for
    filters that match more than COUNT_CAP, where the name index finds a page at once."""
    rows = qs.select_related("company").only(*LIST_FIELDS).order_by("sort_name", "id")
    if mark is None:
        people = list(rows[: PEOPLE_PER_PAGE + 1])
    elif side == "after":
        name, pk = mark
        people = list(
            rows.filter(Q(sort_name__gte=name) & (Q(sort_name__gt=name) | Q(id__gt=pk)))[
                : PEOPLE_PER_PAGE + 1
            ]
        )
    else:
        name, pk = mark
        people = list(
            rows.filter(Q(sort_name__lte=name) & (Q(sort_name__lt=name) | Q(id__lt=pk))).order_by(
                "-sort_name", "-id"
            )[: PEOPLE_PER_PAGE + 1]
        )[::-1]
    return _page(people, side, len(people) > PEOPLE_PER_PAGE)


def _sparse_page(marks: list[tuple[str, int]], side: str, mark) -> dict:
    """One page from every match's (sort_name, id), sorted here: for a search or filter with
    few matches, where walking the name index would read every row to find them."""
    marks = sorted(set(marks))
    if mark is None:
        window = marks[: PEOPLE_PER_PAGE + 1]
    elif side == "after":
        at = bisect.bisect_right(marks, mark)
        window = marks[at : at + PEOPLE_PER_PAGE + 1]
    else:
        at = bisect.bisect_left(marks, mark)
        window = marks[max(0, at - PEOPLE_PER_PAGE - 1) : at]
    found = (
        Person.objects.select_related("company")
        .only(*LIST_FIELDS)
        .in_bulk([pk for _, pk in window])
    )
    people = [found[pk] for _, pk in window if pk in found]
    return _page(people, side, len(window) > PEOPLE_PER_PAGE)


@login_required
def people(request):
    form = PeopleFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs, filtered = _filtered(request.user, data)
    side, mark = _cursor(request)
    total = Person.objects.for_user(request.user).count()
    matches = total  # the same count: not run twice
    if filtered:
        # Every match's name, up to the cap, in one read: the count, and the page itself
        # when there are no more than that.
        marks = list(qs.order_by().values_list("sort_name", "id")[: COUNT_CAP + 1])
        matches = len(marks)
    if filtered and matches <= COUNT_CAP:
        page = _sparse_page(marks, side, mark)
    else:
        page = _keyset_page(qs, side, mark)
    if page["people"]:
        page["first_pk"], page["last_pk"] = page["people"][0].pk, page["people"][-1].pk
    query = request.GET.copy()
    for key in ("page", "after", "before"):
        query.pop(key, None)
    template = "network/people.html"
    if request.htmx and request.htmx.target == "people-results":
        template += "#results"
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "total": total,
            "matches": min(matches, COUNT_CAP),
            "more_than": matches > COUNT_CAP,
            "query": query.urlencode(),
            # The list as it is (page included), for the way back from "Ask the people I
            # picked" with nobody picked.
            "list_query": request.GET.urlencode(),
        },
    )


FILTER_SUGGESTIONS = 20


@login_required
def filter_suggestions(request, kind: str):
    """Up to 20 company or tag names containing what was typed in the People filter (htmx)."""
    if kind not in ("company", "tag"):
        raise Http404
    text = " ".join(request.GET.get(kind, "").split())
    names: list[str] = []
    if text:
        model = Company if kind == "company" else Tag
        names = list(
            model.objects.for_user(request.user)
            .filter(name__icontains=text)
            .order_by("name", "id")
            .values_list("name", flat=True)[:FILTER_SUGGESTIONS]
        )
    return render(request, "network/people.html#filter-options", {"options": names, "kind": kind})


def _company_names(user) -> list[str]:
    return list(Company.objects.for_user(user).values_list("name", flat=True)[:500])


INTRODUCER_SUGGESTIONS = 20


COMPANY_SUGGESTIONS = 20


@login_required
def company_names(request):
    """Suggestions for a person form's "Company" field as the user types (htmx): the page
    itself lists only the first 500 names."""
    text = " ".join(request.GET.get("company_name", "").split())
    names = []
    if len(text) >= 2:
        names = list(
            Company.objects.for_user(request.user)
            .filter(name__icontains=text)
            .order_by("name", "id")
            .values_list("name", flat=True)[:COMPANY_SUGGESTIONS]
        )
    return render(request, "network/person_form.html#company-names", {"company_names": names})


@login_required
def introducers(request):
    """Suggestions for a person form's "Introduced by" field as the user types (htmx)."""
    text = without_number(request.GET.get("introduced_by_name", ""))
    found = []
    if len(text) >= 2:
        people = Person.objects.for_user(request.user).search(text).select_related("company")
        exclude = request.GET.get("exclude", "")
        if exclude.isdigit():
            people = people.exclude(pk=int(exclude))
        found = [
            (
                introducer_label(p),
                ", ".join(x for x in (p.title, p.company and p.company.name) if x),
            )
            for p in people.order_by("first_name", "last_name", "id")[:INTRODUCER_SUGGESTIONS]
        ]
    return render(request, "network/person_form.html#introducer-options", {"introducers": found})


@login_required
@require_http_methods(["GET", "POST"])
def add_person(request):
    form = PersonForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        person = form.save()
        messages.success(request, f"{person} is on your list.")
        if "add_another" in request.POST:
            return redirect("network-add-person")
        return redirect(person)
    return render(
        request,
        "network/person_form.html",
        {"form": form, "company_names": _company_names(request.user)},
    )


# The favour form's own id prefix: the interaction form above it has a `direction` field too,
# and an id may be used once a page (the field names, which the POST reads, stay the same).
FAVOUR_AUTO_ID = "favour_%s"


def render_person(
    request, person: Person, *, interaction_form=None, favour_form=None, status: int = 200
):
    """The person page, shown after a GET or again with a form's errors; the same queries
    however long their history."""
    history = person.history()
    return render(
        request,
        "network/person.html",
        {
            "person": person,
            "timeline": history["timeline"],
            "meetings": history["meetings"],
            "introduced": introduced_by(person),
            # Empty forms are the same HTML on every view: rendered once (forms/blank.py).
            "interaction_form": interaction_form
            or blank_html(("interaction", *this_minute()), InteractionForm),
            "open_followups": [f for f in history["followups"] if f.state == FollowUpState.OPEN],
            "favours": history["favours"],
            "favour_form": favour_form
            or blank_html(("favour",), lambda: FavourForm(auto_id=FAVOUR_AUTO_ID)),
            "not_now_weeks": NOT_NOW_CHOICES,
        },
        status=status,
    )


@login_required
def person(request, pk: int):
    return render_person(request, get_person_for_user(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
def edit_person(request, pk: int):
    person = get_person_for_user(request, pk)
    form = PersonForm(request.POST or None, instance=person, owner=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect(person)
    return render(
        request,
        "network/person_form.html",
        {"form": form, "person": person, "company_names": _company_names(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete_person(request, pk: int):
    person = get_person_for_user(request, pk)
    if request.method == "POST":
        name = str(person)
        do_delete_person(person)
        messages.success(request, f"{name} was deleted, with their history.")
        return redirect("network-people")
    return render(request, "network/confirm_delete.html", {"obj": person, "cancel": person})


@login_required
@require_POST
def log_interaction(request, pk: int):
    person = get_person_for_user(request, pk)
    form = InteractionForm(request.POST)
    if form.is_valid():
        fields = dict(form.cleaned_data)
        override = fields.pop("override")
        try:
            do_log_interaction(request.user, [person], override=override, **fields)
        except PestGuard as refusal:
            offer_override(form, refusal)  # an outreach too soon: the person page, as typed
        else:
            messages.success(request, "Logged.")
            return redirect(person)
    return render_person(request, person, interaction_form=form, status=400)

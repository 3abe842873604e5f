"""HTML views for Today, people, companies and interactions: one function per URL."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from hundred.network.actions import do_delete_person, do_log_interaction
from hundred.network.followups import build_today
from hundred.network.forms import (
    CompanyForm,
    InteractionForm,
    PeopleFilterForm,
    PersonForm,
    introducer_label,
    without_number,
)
from hundred.network.forms_followups import FavourForm
from hundred.network.models import (
    Company,
    FollowUpState,
    Person,
    stage_order,
)

PEOPLE_PER_PAGE = 50


def get_person(request, pk: int) -> Person:
    """The signed-in user's person, or 404 — another user's id is never a leak."""
    return get_object_or_404(Person.objects.for_user(request.user), pk=pk)


def get_company(request, pk: int) -> Company:
    return get_object_or_404(Company.objects.for_user(request.user), pk=pk)


@login_required
def today(request):
    """What to do today: follow-ups, meetings, debriefs, favours, and the week's progress."""
    data = build_today(request.user)
    return render(
        request,
        "network/today.html",
        {
            "data": data,
            "followups": data.followups,
            "people_count": data.people_count,
            "local_today": data.today,
            "asks_pct": _percent(data.asks_this_week, data.asks_target),
            "meetings_pct": _percent(data.meetings_this_week, data.meetings_target),
        },
    )


def _percent(done: int, target: int) -> int:
    return 100 if not target else min(100, round(100 * done / target))


@login_required
def people(request):
    form = PeopleFilterForm(request.GET or None, owner=request.user)
    # Case-folded so "adam" sorts beside "Adam" on SQLite as it does on PostgreSQL.
    qs = (
        Person.objects.for_user(request.user)
        .select_related("company")
        .order_by(Lower("first_name"), Lower("last_name"), "id")
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            qs = qs.search(data["q"])
        if data["stage"]:
            qs = qs.filter(stage=data["stage"])
        if data["how_known"]:
            qs = qs.filter(how_known=data["how_known"])
        if data["company"]:
            qs = qs.filter(company_id=data["company"])
        if data["tag"]:
            qs = qs.filter(tags__id=data["tag"])
    page = Paginator(qs, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = "network/people.html"
    if request.htmx and request.htmx.target == "people-results":
        template += "#results"
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "total": Person.objects.for_user(request.user).count(),
            "query": query.urlencode(),
        },
    )


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


@login_required
def person(request, pk: int):
    person = get_object_or_404(
        Person.objects.for_user(request.user).select_related(
            "company", "introduced_by", "introduced_at"
        ),
        pk=pk,
    )
    timeline = _timeline(person)
    return render(
        request,
        "network/person.html",
        {
            "person": person,
            "timeline": timeline,
            "introduced": person.introduced.all(),
            "interaction_form": InteractionForm(),
            "open_followups": person.followups.filter(state=FollowUpState.OPEN),
            "favours": person.favours.all(),
            "favour_form": FavourForm(),
        },
    )


def _timeline(person: Person) -> list[dict]:
    """Everything that happened with a person, newest first."""
    entries: list[dict] = []
    for i in person.interactions.prefetch_related(
        Prefetch("people", queryset=Person.objects.only("first_name", "last_name"))
    ):
        entries.append({"kind": "interaction", "at": i.occurred_at, "obj": i})
    for m in person.meetings.all():
        entries.append({"kind": "meeting", "at": m.starts_at, "obj": m})
    for f in person.followups.all():
        at = timezone.make_aware(timezone.datetime.combine(f.due_on, timezone.datetime.min.time()))
        entries.append({"kind": "followup", "at": at, "obj": f})
    for fav in person.favours.all():
        entries.append({"kind": "favour", "at": fav.created_at, "obj": fav})
    if person.introduced_by_id:
        entries.append({"kind": "introduced", "at": person.created_at, "obj": person})
    entries.sort(key=lambda e: e["at"], reverse=True)
    return entries


@login_required
@require_http_methods(["GET", "POST"])
def edit_person(request, pk: int):
    person = get_person(request, pk)
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
    person = get_person(request, pk)
    if request.method == "POST":
        name = str(person)
        do_delete_person(person)
        messages.success(request, f"{name} was deleted, with their history.")
        return redirect("network-people")
    return render(request, "network/confirm_delete.html", {"obj": person, "cancel": person})


@login_required
@require_POST
def log_interaction(request, pk: int):
    person = get_person(request, pk)
    form = InteractionForm(request.POST)
    if form.is_valid():
        do_log_interaction(request.user, [person], **form.cleaned_data)
        messages.success(request, "Logged.")
        return redirect(person)
    return render(
        request,
        "network/person.html",
        {
            "person": person,
            "timeline": _timeline(person),
            "introduced": person.introduced.all(),
            "interaction_form": form,
            "open_followups": person.followups.filter(state=FollowUpState.OPEN),
        },
        status=400,
    )


@login_required
def companies(request):
    qs = (
        Company.objects.for_user(request.user)
        .annotate(people_count=Count("people", distinct=True))
        .order_by("name", "id")
    )
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(industry__icontains=q))
    if request.GET.get("targets"):
        qs = qs.filter(is_target=True)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "network/companies.html", {"page": page, "q": q, "query": query.urlencode()}
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_company(request):
    form = CompanyForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        company = form.save()
        messages.success(request, f"{company} added.")
        return redirect(company)
    return render(request, "network/company_form.html", {"form": form})


@login_required
def company(request, pk: int):
    company = get_company(request, pk)
    people = company.people.order_by(stage_order(), Lower("first_name"), "id")
    return render(request, "network/company.html", {"company": company, "people": people})


@login_required
@require_http_methods(["GET", "POST"])
def edit_company(request, pk: int):
    company = get_company(request, pk)
    form = CompanyForm(request.POST or None, instance=company, owner=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect(company)
    return render(request, "network/company_form.html", {"form": form, "company": company})


@login_required
@require_http_methods(["GET", "POST"])
def delete_company(request, pk: int):
    company = get_company(request, pk)
    if request.method == "POST":
        name = str(company)
        company.delete()
        messages.success(request, f"{name} was deleted; its people stay on your list.")
        return redirect("network-companies")
    return render(request, "network/confirm_delete.html", {"obj": company, "cancel": company})

"""Companies: the list, a company's page with its people, add, edit, delete."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from hundred.network.forms.companies import CompanyForm
from hundred.network.models import (
    Company,
    stage_order,
)
from hundred.network.views.owned import get_company_for_user


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
    # Imports fill neither: a column with nothing in it on this page is left out.
    shown = page.object_list
    columns = {
        "show_industry": any(c.industry for c in shown),
        "show_location": any(c.location for c in shown),
    }
    return render(
        request,
        "network/companies.html",
        {"page": page, "q": q, "query": query.urlencode(), **columns},
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
    company = get_company_for_user(request, pk)
    people = company.people.order_by(stage_order(), Lower("first_name"), "id")
    return render(request, "network/company.html", {"company": company, "people": people})


@login_required
@require_http_methods(["GET", "POST"])
def edit_company(request, pk: int):
    company = get_company_for_user(request, pk)
    form = CompanyForm(request.POST or None, instance=company, owner=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect(company)
    return render(request, "network/company_form.html", {"form": form, "company": company})


@login_required
@require_http_methods(["GET", "POST"])
def delete_company(request, pk: int):
    company = get_company_for_user(request, pk)
    if request.method == "POST":
        name = str(company)
        company.delete()
        messages.success(request, f"{name} was deleted; its people stay on your list.")
        return redirect("network-companies")
    return render(request, "network/confirm_delete.html", {"obj": company, "cancel": company})

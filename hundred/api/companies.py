"""Companies: list (search, targets, cursor pages), create, read, update, delete, through the
web's CompanyForm (one name per company, case aside)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hundred.api.core import PROBLEMS, Problem, Text, field_errors
from hundred.api.people import decode_cursor, encode_cursor
from hundred.network.forms.companies import CompanyForm
from hundred.network.models import Company, ResearchStatus

router = Router(tags=["companies"])


class CompanyOut(Schema):
    id: int
    name: str
    website: str
    industry: str
    kind: str
    location: str
    is_target: bool
    priority: Literal[1, 2, 3] = Field(description="1 high, 2 medium, 3 low")
    research_status: ResearchStatus
    notes: str
    people_count: int
    created_at: datetime
    updated_at: datetime


class CompanyIn(Schema):
    """A new company (a name at least) or the fields to change."""

    name: Text | None = Field(None, max_length=200)
    website: Text | None = Field(None, max_length=300)
    industry: Text | None = Field(None, max_length=120)
    kind: Text | None = Field(None, max_length=120)
    location: Text | None = Field(None, max_length=200)
    is_target: bool | None = None
    priority: Literal[1, 2, 3] | None = None
    research_status: ResearchStatus | None = None
    notes: Text | None = None


class CompaniesPage(Schema):
    items: list[CompanyOut]
    next_cursor: str | None = None


class CompanyFilters(Schema):
    q: Text | None = Field(None, description="words in the name or industry")
    target: bool | None = Field(None, description="true: target companies only")
    cursor: Text | None = None
    limit: int = Field(50, ge=1, le=200)


FIELDS = (
    "id name website industry kind location is_target priority research_status notes "
    "people_count created_at updated_at"
).split()


def companies_of(user):
    return Company.objects.for_user(user).annotate(people_count=Count("people", distinct=True))


def company_out(c: Company) -> dict:
    return {f: getattr(c, f) for f in FIELDS}


def _get(request, pk: int) -> Company:
    return get_object_or_404(companies_of(request.user), pk=pk)


@router.get("/companies/", response={200: CompaniesPage, PROBLEMS: Problem}, url_name="companies")
def list_companies(request, filters: Query[CompanyFilters]):
    """Companies in the order they were added, `limit` at a time; follow `next_cursor`."""
    f = filters
    rows = companies_of(request.user).order_by("id")
    if f.q:
        rows = rows.filter(Q(name__icontains=f.q) | Q(industry__icontains=f.q))
    if f.target is not None:
        rows = rows.filter(is_target=f.target)
    if f.cursor:
        rows = rows.filter(id__gt=decode_cursor(f.cursor, "c"))
    page = list(rows[: f.limit + 1])
    more = len(page) > f.limit
    page = page[: f.limit]
    return {
        "items": [company_out(c) for c in page],
        "next_cursor": encode_cursor("c", page[-1].pk) if more else None,
    }


def _save(request, company: Company | None, body: CompanyIn) -> Company:
    blank = CompanyForm(instance=company or Company(), owner=request.user)
    data = {name: blank[name].value() for name in blank.fields}
    data.update(body.model_dump(exclude_unset=True))
    data = {k: ("" if v is None else v) for k, v in data.items()}
    if not data["is_target"]:
        data.pop("is_target")  # an unticked box is an absent one
    form = CompanyForm(data, instance=company, owner=request.user)
    if not form.is_valid():
        raise field_errors(form)
    return _get(request, form.save().pk)


@router.post(
    "/companies/", response={201: CompanyOut, PROBLEMS: Problem}, url_name="companies-create"
)
def create_company(request, body: CompanyIn):
    return Status(201, company_out(_save(request, None, body)))


@router.get(
    "/companies/{int:pk}/", response={200: CompanyOut, PROBLEMS: Problem}, url_name="company"
)
def read_company(request, pk: int):
    return company_out(_get(request, pk))


@router.patch(
    "/companies/{int:pk}/", response={200: CompanyOut, PROBLEMS: Problem}, url_name="company"
)
def update_company(request, pk: int, body: CompanyIn):
    """Change the fields sent; the others keep their values."""
    return company_out(_save(request, _get(request, pk), body))


@router.delete("/companies/{int:pk}/", response={204: None, PROBLEMS: Problem}, url_name="company")
def delete_company(request, pk: int):
    """Delete a company; its people stay on your list, without it."""
    _get(request, pk).delete()
    return Status(204, None)

"""People: list (search, filters, cursor pagination), create, read, update, delete.

Writes go through the web's PersonForm (its validation: e-mails, phones, tags, the introducer)
and `do_delete_person`, so a rule about people is written once.
"""

from __future__ import annotations

import base64
import logging
from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hundred.api.core import PROBLEMS, ApiProblem, Problem, field_errors
from hundred.network.actions.people import do_delete_person
from hundred.network.forms.people import PersonForm
from hundred.network.models import Closeness, Company, HowKnown, Person, Stage
from hundred.transfer.dedupe import do_merge_people

router = Router(tags=["people"])
log = logging.getLogger(__name__)


class PersonOut(Schema):
    """A person, with the fields of the JSON backup's people (docs/backup-format.md)."""

    id: int
    first_name: str
    last_name: str
    emails: list[str]
    phones: list[str]
    linkedin_url: str
    company: str | None
    company_id: int | None
    title: str
    location: str
    how_known: HowKnown
    closeness: Closeness
    stage: Stage
    stage_changed_at: datetime
    paused_until: date | None
    source: str
    introduced_by: int | None
    connected_on: date | None
    tags: list[str]
    notes: str
    created_at: datetime
    updated_at: datetime


class PersonIn(Schema):
    """A new person or the fields to change (a PATCH changes only the fields it sends)."""

    first_name: str | None = Field(None, max_length=150)
    last_name: str | None = Field(None, max_length=150)
    emails: list[str] | None = None
    phones: list[str] | None = None
    linkedin_url: str | None = Field(None, max_length=300)
    company: str | None = Field(None, max_length=200, description="a name; a new one is added")
    title: str | None = Field(None, max_length=200)
    location: str | None = Field(None, max_length=200)
    how_known: HowKnown | None = None
    closeness: Closeness | None = None
    stage: Stage | None = None
    introduced_by: int | None = Field(None, description="the id of the person who introduced")
    connected_on: date | None = None
    tags: list[str] | None = None
    notes: str | None = None


class PeoplePage(Schema):
    items: list[PersonOut]
    next_cursor: str | None = Field(
        None, description="pass as ?cursor= for the next page; null on the last page"
    )


class PeopleFilters(Schema):
    q: str | None = Field(None, description="words found in name, company, title or e-mail")
    stage: Stage | None = None
    how_known: HowKnown | None = None
    tag: str | None = Field(None, description="a tag's name")
    company: str | None = Field(None, description="a company's name")
    cursor: str | None = None
    limit: int = Field(50, ge=1, le=200)


def person_out(p: Person) -> dict:
    return {
        **{f: getattr(p, f) for f in PERSON_FIELDS},
        **{f: _choice(p, f, choices) for f, choices in CHOICES.items()},
        "company": p.company.name if p.company_id else None,
        "company_id": p.company_id,
        "introduced_by": p.introduced_by_id,
        "tags": sorted(t.name for t in p.tags.all()),
    }


# Fields the schema gives as one of a list of values.
CHOICES = {"how_known": HowKnown, "closeness": Closeness, "stage": Stage}


def _choice(p: Person, field: str, choices) -> object:
    """The stored value when it is one of the field's choices. A database restored before
    restore checked its values can hold another, which the schema cannot give: then the
    field's default (what the person form shows and would save), and a warning in the log."""
    value = getattr(p, field)
    if value in choices.values:
        return value
    default = Person._meta.get_field(field).default
    log.warning(
        "person %s: %s %.80r is not one of its choices; the API gives %r",
        p.pk,
        field,
        value,
        default,
    )
    return default


def people_out(people) -> list[dict]:
    """The people as the schema gives them; one that still cannot be given (a value stored
    by an older version that nothing above mends) is left out and logged, not a 500 for the
    whole page."""
    items = []
    for p in people:
        try:
            item = person_out(p)
            PersonOut.model_validate(item)
            items.append(item)
        except (ValueError, TypeError, AttributeError):
            log.exception("person %s left out of the API's list: it cannot be given", p.pk)
    return items


PERSON_FIELDS = (
    "id first_name last_name emails phones linkedin_url title location how_known closeness stage "
    "stage_changed_at paused_until source connected_on notes created_at updated_at"
).split()


def people_of(user):
    return Person.objects.for_user(user).select_related("company").prefetch_related("tags")


def get_person(request, pk: int) -> Person:
    return get_object_or_404(people_of(request.user), pk=pk)


def encode_cursor(kind: str, pk: int) -> str:
    """An opaque cursor: the last id of a page, and what it is a page of."""
    return base64.urlsafe_b64encode(f"{kind}:{pk}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str, kind: str) -> int:
    try:
        found, _, value = base64.urlsafe_b64decode(cursor.encode() + b"==").decode().partition(":")
        if found != kind:
            raise ValueError
        return int(value)
    except (ValueError, UnicodeError) as e:
        raise ApiProblem(
            422,
            "Invalid request",
            "The cursor is not one this API gave.",
            errors=[{"field": "cursor", "detail": "not a cursor from a previous page"}],
        ) from e


def _no_nul(**values: str | None) -> None:
    for name, value in values.items():
        if value and "\x00" in value:
            raise ApiProblem(
                422,
                "Invalid request",
                f"{name} has a NUL character.",
                errors=[{"field": name, "detail": "NUL characters are not allowed"}],
            )


@router.get("/people/", response={200: PeoplePage, PROBLEMS: Problem}, url_name="people")
def list_people(request, filters: Query[PeopleFilters]):
    """People in the order they were added, `limit` at a time; follow `next_cursor`."""
    f = filters
    _no_nul(q=f.q, tag=f.tag, company=f.company, cursor=f.cursor)
    people = people_of(request.user).order_by("id")
    if f.q:
        people = people.search(f.q)
    if f.stage:
        people = people.filter(stage=f.stage)
    if f.how_known:
        people = people.filter(how_known=f.how_known)
    if f.tag:
        people = people.filter(tags__name=f.tag)
    if f.company:
        people = people.filter(company__in=Company.objects.named(request.user, f.company))
    if f.cursor:
        people = people.filter(id__gt=decode_cursor(f.cursor, "p"))
    page = list(people[: f.limit + 1])
    more = len(page) > f.limit
    page = page[: f.limit]
    next_cursor = encode_cursor("p", page[-1].pk) if more else None
    return {"items": people_out(page), "next_cursor": next_cursor}


def _form_data(person: Person | None, body: PersonIn) -> dict:
    """The web form's fields: the person's current values, then what the request sent."""
    form = PersonForm(instance=person or Person(), owner=None)
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    sent = body.model_dump(exclude_unset=True)
    for key in ("emails", "phones"):
        if key in sent:
            data[f"{key}_text"] = "\n".join(sent.pop(key) or [])
    if "tags" in sent:
        data["tags_text"] = ", ".join(sent.pop("tags") or [])
    if "company" in sent:
        data["company_name"] = sent.pop("company") or ""
    if "introduced_by" in sent:
        pk = sent.pop("introduced_by")
        data["introduced_by_name"] = f"#{pk} (#{pk})" if pk else ""
    for key, value in sent.items():
        data[key] = "" if value is None else value
    return data


def _save(request, person: Person | None, body: PersonIn) -> Person:
    form = PersonForm(_form_data(person, body), instance=person, owner=request.user)
    if not form.is_valid():
        raise field_errors(form)
    return get_person(request, form.save().pk)


@router.post("/people/", response={201: PersonOut, PROBLEMS: Problem}, url_name="people-create")
def create_person(request, body: PersonIn):
    """Add a person: at least a name or an e-mail address."""
    return Status(201, person_out(_save(request, None, body)))


@router.get("/people/{int:pk}/", response={200: PersonOut, PROBLEMS: Problem}, url_name="person")
def read_person(request, pk: int):
    return person_out(get_person(request, pk))


@router.patch("/people/{int:pk}/", response={200: PersonOut, PROBLEMS: Problem}, url_name="person")
def update_person(request, pk: int, body: PersonIn):
    """Change the fields sent; the others keep their values."""
    return person_out(_save(request, get_person(request, pk), body))


@router.delete("/people/{int:pk}/", response={204: None, PROBLEMS: Problem}, url_name="person")
def delete_person(request, pk: int):
    """Delete a person with their history (interactions shared with others stay)."""
    do_delete_person(get_person(request, pk))
    return Status(204, None)


class MergeIn(Schema):
    other: int = Field(description="the id of the person to fold into this one; they go")


@router.post(
    "/people/{int:pk}/merge/", response={200: PersonOut, PROBLEMS: Problem}, url_name="person-merge"
)
def merge_person(request, pk: int, body: MergeIn):
    """Fold `other` into this person, as the duplicates review does: empty fields filled,
    e-mails, phones and tags joined, their history moved here; `other` is deleted."""
    keep = get_person(request, pk)
    if body.other == keep.pk:
        raise ApiProblem(
            422,
            "Invalid request",
            "A person cannot be merged into themselves.",
            errors=[{"field": "other", "detail": "the same person as the one in the path"}],
        )
    do_merge_people(request.user, keep, get_person(request, body.other))
    return person_out(get_person(request, pk))

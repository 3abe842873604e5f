"""The coach's pages: the dashboard, its CSV, and a client's read-only Today, Insights, 100 list
and people — each only through an active grant the client made, read afresh on every request.

Every client page writes a CoachView row the client reads on `/coaching/`, and so do the
dashboard (for each client on the page shown) and the CSV (for each client in it): a client
sees every time a coach looked at their figures. Nothing here posts to the client's data: the
only form is the coach's own private note.
"""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from hundred.accounts.models import Role
from hundred.centre.dashboard import SORT_KEYS, client_rows
from hundred.centre.forms.coaching import NoteForm
from hundred.centre.models import CoachGrant, CoachNote, CoachView
from hundred.insight.kept import read_only_page_for
from hundred.lib.text import fold
from hundred.network.models import HowKnown, Person
from hundred.network.today import SHOWN, build_today

DASHBOARD_PAGE = 50
# What a row of the client's people shows (coach_client_people.html), notes aside.
CLIENT_PEOPLE_FIELDS = (
    "first_name",
    "last_name",
    "company__name",
    "title",
    "how_known",
    "stage",
    "asked_at",
)
PEOPLE_PAGE = 50
GOAL = 100

# The CSV's columns: (header, the row's attribute). Figures only: no contact details.
REPORT_COLUMNS = (
    ("client", "id"),
    ("name", "name"),
    ("listed", "listed"),
    ("asked", "asked"),
    ("asks_this_week", "asks_week"),
    ("met", "met"),
    ("meetings_this_week", "meetings_week"),
    ("names_received", "names_received"),
    ("names_per_meeting", "names_per_meeting"),
    ("replies", "replies"),
    ("overdue_followups", "overdue"),
    ("outreach", "outreach"),
    ("flagged_messages", "flagged"),
    ("last_activity", "last_activity"),
    ("days_since_activity", "days_idle"),
)


def _coach(request):
    """The signed-in coach of a centre; anyone else gets 404."""
    user = request.user
    if user.role != Role.COACH or user.organisation_id is None:
        raise Http404("These pages are for coaches.")
    return user


def _grant(request, client_id: int) -> CoachGrant:
    """The active grant `client_id` made to the signed-in coach, in the coach's centre, or 404:
    no grant, a revoked one, another centre and a non-coach all look the same."""
    coach = _coach(request)
    grant = (
        CoachGrant.objects.for_coach(coach)
        .filter(
            seeker_id=client_id,
            seeker__organisation_id=coach.organisation_id,
            seeker__role=Role.SEEKER,
        )
        .select_related("seeker")
        .first()
    )
    if grant is None:
        raise Http404("No such client.")
    return grant


def _viewed(request, client_id: int, page: str) -> CoachGrant:
    grant = _grant(request, client_id)
    CoachView.objects.log(grant.coach_id, [grant.seeker_id], page)
    return grant


def figures_seen(coach, rows, page: str) -> None:
    """Log that `coach` saw these clients' figures (the dashboard, the CSV): one row each."""
    CoachView.objects.log(coach.pk, [row.id for row in rows], page)


def _client_context(grant: CoachGrant, page: str) -> dict:
    client = grant.seeker
    return {"grant": grant, "client": client, "with_notes": grant.with_notes, "page_name": page}


@login_required
@require_GET
def dashboard(request):
    """One row per client who granted access: sortable, searchable, 50 a page."""
    coach = _coach(request)
    query = request.GET.get("q", "").strip()
    sort = request.GET.get("sort", "name")
    if sort.lstrip("-") not in SORT_KEYS:
        sort = "name"
    rows = client_rows(coach, query=query, sort=sort)
    page = Paginator(rows, DASHBOARD_PAGE).get_page(request.GET.get("page"))
    figures_seen(coach, page.object_list, "dashboard")
    base = {"q": query} if query else {}
    columns = [
        ("name", "Client"),
        ("listed", "Listed (of 100)"),
        ("asked", "Asked"),
        ("asks_week", "Asks this week"),
        ("met", "Met"),
        ("meetings_week", "Meetings this week"),
        ("names_per_meeting", "Names per meeting"),
        ("replies", "Replies"),
        ("overdue", "Overdue follow-ups"),
        ("flagged_share", "Flagged as job asks"),
        ("days_idle", "Days since activity"),
    ]
    headers = [
        {
            "key": key,
            "label": label,
            "sorted": sort.lstrip("-") == key,
            "descending": sort == f"-{key}",
            "url": "?" + urlencode({**base, "sort": f"-{key}" if sort == key else key}),
        }
        for key, label in columns
    ]
    return render(
        request,
        "centre/coach_dashboard.html",
        {
            "page": page,
            "headers": headers,
            "q": query,
            "total": len(rows),
            "paging": urlencode({**base, "sort": sort}),
        },
    )


def _csv_value(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


@login_required
@require_GET
def report(request):
    """The dashboard's figures as CSV, one row per client, no contact details."""
    coach = _coach(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="hundred-clients.csv"'
    writer = csv.writer(response)
    writer.writerow([header for header, _ in REPORT_COLUMNS])
    rows = client_rows(coach, sort="name")
    figures_seen(coach, rows, "figures report (CSV)")
    for row in rows:
        writer.writerow([_csv_value(getattr(row, attr)) for _, attr in REPORT_COLUMNS])
    return response


@login_required
@require_GET
def client_today(request, client_id: int):
    grant = _viewed(request, client_id, "Today")
    # Read-only: people whose pause has ended come back when the client (or the worker) acts.
    data = build_today(grant.seeker, shown=SHOWN, bring_back=False)
    note = CoachNote.objects.filter(coach=grant.coach, seeker=grant.seeker).first()
    return render(
        request,
        "centre/coach_client_today.html",
        {
            **_client_context(grant, "today"),
            "data": data,
            "note_form": NoteForm(initial={"text": note.text if note else ""}),
            "note": note,
        },
    )


@login_required
@require_GET
def client_insights(request, client_id: int):
    grant = _viewed(request, client_id, "Insights")
    people = reverse("coach-client-people", args=[grant.seeker_id])
    body = read_only_page_for(grant.seeker, person_url=f"{people}?person={{}}")
    return render(
        request,
        "centre/coach_client_insights.html",
        {**_client_context(grant, "insights"), "body": body},
    )


@login_required
@require_GET
def client_hundred(request, client_id: int):
    grant = _viewed(request, client_id, "100 list")
    people = Person.objects.for_user(grant.seeker)
    counts = dict(people.values_list("how_known").annotate(n=Count("id")).order_by())
    total = sum(counts.values())
    return render(
        request,
        "centre/coach_client_hundred.html",
        {
            **_client_context(grant, "hundred"),
            "total": total,
            "goal": GOAL,
            "kinds": [(label, counts.get(key, 0)) for key, label in HowKnown.choices],
            "recent": people.select_related("company").order_by("-created_at", "-id")[:10],
        },
    )


@login_required
@require_GET
def client_people(request, client_id: int):
    grant = _viewed(request, client_id, "People")
    # The columns the page shows (coach_client_people.html), the notes only when the client
    # shares them: reading 25 columns of 50 people was a third of the page.
    shown = CLIENT_PEOPLE_FIELDS + (("notes",) if grant.with_notes else ())
    people = Person.objects.for_user(grant.seeker).select_related("company").only(*shown)
    query = request.GET.get("q", "").strip()
    if query:
        people = people.filter(search_text__contains=fold(query))
    one = request.GET.get("person", "")
    if one.isdigit():
        people = people.filter(pk=int(one))
    page = Paginator(people.order_by("sort_name", "id"), PEOPLE_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "centre/coach_client_people.html",
        {
            **_client_context(grant, "people"),
            "page": page,
            "q": query,
            "paging": urlencode({"q": query} if query else {}),
        },
    )


@login_required
@require_POST
def client_note(request, client_id: int):
    """Save the coach's private note about a client (the client does not see it)."""
    grant = _grant(request, client_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        CoachNote.objects.update_or_create(
            coach=grant.coach, seeker=grant.seeker, defaults={"text": form.cleaned_data["text"]}
        )
    return redirect("coach-client-today", client_id=grant.seeker_id)

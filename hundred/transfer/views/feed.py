"""The private calendar feed: its secret address, and rotating it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from hundred.transfer import calendar
from hundred.transfer.models import CalendarFeed


def feed_for(user) -> CalendarFeed:
    feed, _ = CalendarFeed.objects.get_or_create(owner=user)
    return feed


@require_GET
def feed(request, token: str):
    """The calendar feed: found by its secret alone, since calendar apps cannot log in."""
    found = CalendarFeed.objects.filter(token=token).select_related("owner").first()
    if found is None or not found.owner.is_active:
        raise Http404
    response = HttpResponse(
        calendar.export_ics(found.owner), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_POST
def rotate_feed(request):
    feed_for(request.user).rotate()
    messages.success(request, "Your calendar feed has a new address; the old one no longer works.")
    return redirect("transfer-index")

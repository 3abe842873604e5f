"""`/coaching/`: a job seeker in a centre grants a coach read-only access, revokes it, and
reads the log of every page a coach opened."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from hundred.accounts.models import Role, User
from hundred.centre.actions import GrantRefused, do_grant, do_revoke
from hundred.centre.forms import GrantForm, RevokeForm
from hundred.centre.models import CoachGrant, CoachView

LOG_PAGE = 50


def _seeker_in_centre(request) -> User:
    """The signed-in job seeker, if they belong to a centre; anyone else gets 404."""
    user = request.user
    if user.organisation_id is None or user.role != Role.SEEKER:
        raise Http404("Coaching is for job seekers of a career centre.")
    return user


def _revoke(request, seeker: User):
    form = RevokeForm(request.POST)
    coach = None
    if form.is_valid():
        coach = User.objects.filter(pk=form.cleaned_data["coach"]).first()
    if coach is None:
        messages.error(request, "Choose a coach you gave access to.")
        return redirect("coaching")
    try:
        do_revoke(seeker, coach)
    except GrantRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"{coach.name or coach.email} no longer sees your Hundred.")
    return redirect("coaching")


@login_required
@require_http_methods(["GET", "POST"])
def coaching(request):
    """Grant a coach of your centre read-only access, revoke it, and see every view they made."""
    seeker = _seeker_in_centre(request)
    if request.method == "POST" and request.POST.get("action") == "revoke":
        return _revoke(request, seeker)
    form = GrantForm(seeker, request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        coach = form.cleaned_data["coach"]
        try:
            do_grant(seeker, coach, with_notes=form.cleaned_data["with_notes"])
        except GrantRefused as refused:
            form.add_error("coach", str(refused))
        else:
            messages.success(request, f"{coach.name or coach.email} can now see your Hundred.")
            return redirect("coaching")
    grants = CoachGrant.objects.for_seeker(seeker).select_related("coach")
    views = CoachView.objects.filter(seeker=seeker).select_related("coach")
    return render(
        request,
        "centre/coaching.html",
        {
            "form": form,
            "active": [g for g in grants if g.is_active],
            "revoked": [g for g in grants if not g.is_active],
            "log": Paginator(views, LOG_PAGE).get_page(request.GET.get("page")),
        },
        status=400 if form.is_bound else 200,
    )

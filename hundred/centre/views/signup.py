"""Joining a centre whose sign-up is open: /join/<id>-<slug>/, a link its admin hands out.

A new address signs up as on /accounts/signup/ (confirmed by a mailed link) and the account is
a job seeker of the centre; a signed-in account with no centre may join with one button. The
page is 404 for any centre that is not in open mode, whatever REGISTRATION_OPEN says.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from hundred.accounts import throttle
from hundred.accounts.clients import client_ip
from hundred.accounts.forms import SignUpForm
from hundred.accounts.models import Organisation, Role, SignupMode
from hundred.accounts.signup import do_sign_up
from hundred.accounts.site import absolute_url
from hundred.accounts.views import throttled
from hundred.centre.actions.admin import do_move_to_centre


def join_path(organisation: Organisation) -> str:
    slug = slugify(organisation.name) or "centre"
    return reverse("centre-join", kwargs={"org_id": organisation.pk, "slug": slug})


@require_http_methods(["GET", "POST"])
def join(request, org_id: int, slug: str):
    centre = get_object_or_404(Organisation, pk=org_id, signup_mode=SignupMode.OPEN)
    if request.path != join_path(centre):
        return redirect(join_path(centre), permanent=True)
    if request.user.is_authenticated:
        return _join_signed_in(request, centre)
    if request.method == "POST":
        refusal = throttle.limit_client(
            "signup", client_ip(request), settings.SIGNUP_LIMIT_PER_HOUR
        )
        if refusal:
            return throttled(request, refusal)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        refusal = throttle.limit_mail(form.cleaned_data["email"])
        if refusal:
            return throttled(request, refusal)
        do_sign_up(form.cleaned_data, lambda path: absolute_url(request, path), centre)
        return redirect("accounts-signup-sent")
    return render(request, "centre/signup_join.html", {"centre": centre, "form": form})


def _join_signed_in(request, centre: Organisation):
    user = request.user
    # Only an account with no centre, a job seeker, may join with a button; anyone else is
    # told where they stand and nothing changes.
    may_join = user.organisation_id is None and user.role == Role.SEEKER
    if request.method == "POST" and may_join:
        do_move_to_centre(user, centre, Role.SEEKER)
        messages.success(request, f"You joined {centre.name} as a job seeker.")
        return redirect("network-today")
    context = {"centre": centre, "may_join": may_join}
    return render(
        request, "centre/signup_join.html", context, status=409 if request.method == "POST" else 200
    )

"""Invitations: /centre/invite/ to send and revoke them, /invite/<secret>/ to accept one.

An admin invites in any role, a coach invites job seekers; anyone else gets 404. The link's
secret is the key to the accepting page, which anyone may open: an unknown, expired or used one
says to ask for a new invitation. Accepting joins the centre and grants no coach anything.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods, require_POST

from hundred.accounts import throttle
from hundred.accounts.clients import client_ip
from hundred.accounts.models import Invitation, Role, User
from hundred.accounts.site import absolute_url
from hundred.accounts.views import throttled
from hundred.centre.actions.admin import LastAdmin
from hundred.centre.actions.invitations import (
    InvitationUsed,
    account_waiting,
    do_accept_existing,
    do_accept_new,
    do_invite,
    do_revoke,
    pending,
)
from hundred.centre.forms.invitations import AcceptForm, InviteForm

# Per inviter: a cohort can be invited in an afternoon, a mailing list cannot be spammed.
INVITATIONS_PER_HOUR = 200


def inviter_of(request) -> User:
    """The signed-in admin or coach of a centre; 404 for anyone else."""
    user = request.user
    if user.organisation_id is None or not (user.is_centre_admin or user.is_coach):
        raise Http404
    return user


def _visible_pending(user: User):
    """An admin sees the centre's pending invitations; a coach the ones it sent."""
    return pending(user.organisation, None if user.is_centre_admin else user)


def _too_many(user: User) -> throttle.Refusal | None:
    retry_at = throttle.hit("invitations", str(user.pk), INVITATIONS_PER_HOUR)
    if retry_at is None:
        return None
    return throttle.Refusal("You have sent many invitations in the last hour.", retry_at)


@login_required
@require_http_methods(["GET", "POST"])
def invite(request):
    user = inviter_of(request)
    form = InviteForm(request.POST or None, inviter=user)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        refusal = _too_many(user) or throttle.limit_mail(email)
        if refusal:
            return throttled(request, refusal)
        do_invite(user, email, form.cleaned_data["role"], lambda p: absolute_url(request, p))
        role = Role(form.cleaned_data["role"]).label
        messages.success(request, f"Invitation sent to {email} (as {role}).")
        return redirect("centre-invite")
    context = {"form": form, "invitations": _visible_pending(user), "inviter": user}
    return render(request, "centre/invite.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def revoke_invitation(request):
    user = inviter_of(request)
    pk = request.POST.get("invitation", "")
    invitation = get_object_or_404(_visible_pending(user), pk=int(pk) if pk.isdigit() else 0)
    do_revoke(invitation)
    messages.success(request, f"The invitation to {invitation.email} is revoked.")
    return redirect("centre-invite")


@require_http_methods(["GET", "POST"])
def accept(request, secret: str):
    invitation = Invitation.objects.open_for(secret)
    if invitation is None:
        return render(request, "centre/invitation_gone.html", status=404)
    if request.method == "POST":
        refusal = throttle.limit_client(
            "invite", client_ip(request), settings.SIGNUP_LIMIT_PER_HOUR
        )
        if refusal:
            return throttled(request, refusal)
    if request.user.is_authenticated:
        return _accept_signed_in(request, invitation)
    if (
        account_waiting(invitation) is None
        and User.objects.filter(email__iexact=invitation.email).exists()
    ):
        # The address has an account: its owner logs in, then follows the link again.
        return _render_accept(request, invitation, log_in_first=True)
    form = AcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = do_accept_new(invitation, form.cleaned_data)
        except InvitationUsed:
            return render(request, "centre/invitation_gone.html", status=404)
        except IntegrityError:
            return _render_accept(request, invitation, log_in_first=True)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return _joined(request, invitation, new=True)
    return _render_accept(request, invitation, form=form, status=400 if form.errors else 200)


def _render_accept(request, invitation: Invitation, status: int = 200, **context):
    context.update(invitation=invitation, role=Role(invitation.role).label)
    return render(request, "centre/invitation_accept.html", context, status=status)


def _accept_signed_in(request, invitation: Invitation):
    user = request.user
    if user.email.lower() != invitation.email.lower():
        return _render_accept(request, invitation, mismatch=True, status=403)
    if request.method != "POST":
        return _render_accept(request, invitation, join=True)
    try:
        do_accept_existing(invitation, user)
    except InvitationUsed:
        return render(request, "centre/invitation_gone.html", status=404)
    except LastAdmin as e:
        return _render_accept(request, invitation, join=True, refused=str(e), status=409)
    return _joined(request, invitation, new=False)


def _joined(request, invitation: Invitation, *, new: bool):
    """Where an accepted invitation leads, with what the person should know."""
    role = Role(invitation.role)
    messages.success(request, f"You joined {invitation.organisation.name} as a {role.label}.")
    coach = invitation.invited_by
    if role == Role.SEEKER and coach is not None and coach.is_coach:
        messages.info(request, _coaching_line(coach))
    if role == Role.ADMIN:
        return redirect("centre-home")
    return redirect("network-welcome" if new else "network-today")


def _coaching_line(coach: User):
    """Nothing is granted: the job seeker decides on the Coaching page, when there is one."""
    who = coach.name or coach.email
    try:
        url = reverse("coaching")
    except NoReverseMatch:
        return f"{who} invited you. A coach sees nothing of yours unless you let them."
    return format_html(
        '{} invited you; you can let them see your progress on the <a href="{}">Coaching page</a>.',
        who,
        url,
    )

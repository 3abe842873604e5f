"""Invitations: made and mailed by an admin or a coach, accepted by following the link.

The link's secret is the only key: only its hash is stored (accounts.models.Invitation), and an
invitation is claimed by one conditional UPDATE, so two tabs or two people cannot both use it.
Accepting never grants a coach anything: consent is the job seeker's own act (/coaching/).
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from hundred.accounts.models import Invitation, Organisation, Role, User
from hundred.centre.actions.admin import do_move_to_centre


class InvitationUsed(Exception):
    """Someone else accepted (or revoked) the invitation a moment ago."""


def pending(organisation: Organisation, invited_by: User | None = None):
    """The centre's invitations still waiting (only those `invited_by` sent, when given)."""
    rows = Invitation.objects.filter(
        organisation=organisation, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("invited_by")
    return rows if invited_by is None else rows.filter(invited_by=invited_by)


def do_invite(inviter: User, email: str, role: str, link: Callable[[str], str]) -> Invitation:
    """Make an invitation to the inviter's centre and mail its link to `email`."""
    organisation = inviter.organisation
    with transaction.atomic():
        invitation, secret = Invitation.objects.issue(organisation, email, role, inviter)
    context = {
        "organisation": organisation,
        "inviter": inviter,
        "role": Role(role).label,
        "url": link(reverse("invite-accept", kwargs={"secret": secret})),
        "expires_at": invitation.expires_at,
    }
    subject = render_to_string("centre/invitation_subject.txt", context).strip()
    body = render_to_string("centre/invitation_email.txt", context)
    send_mail(subject, body, None, [invitation.email])
    return invitation


def _claim(invitation: Invitation) -> None:
    claimed = Invitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).update(accepted_at=timezone.now())
    if not claimed:
        raise InvitationUsed


def account_waiting(invitation: Invitation) -> User | None:
    """An account at the invited address that still waits for its sign-up link, if any."""
    user = User.objects.filter(email__iexact=invitation.email).first()
    return user if user is not None and user.is_awaiting_confirmation else None


def do_accept_new(invitation: Invitation, data: dict) -> User:
    """Make the invited account (usable at once: the link came to its address) and join it.

    An unconfirmed sign-up at the same address is completed rather than doubled. Raises
    InvitationUsed if the invitation went in the meantime; IntegrityError if an account at the
    address appeared.
    """
    with transaction.atomic():
        _claim(invitation)
        user = account_waiting(invitation) or User(email=invitation.email)
        user.set_password(data["password"])
        user.name, user.time_zone = data["name"], data["time_zone"]
        user.is_active, user.email_confirmed_at = True, timezone.now()
        user.organisation, user.role = invitation.organisation, invitation.role
        user.save()
    return user


def do_accept_existing(invitation: Invitation, user: User) -> None:
    """The signed-in account the invitation was sent to joins the centre in its role."""
    with transaction.atomic():
        _claim(invitation)
        do_move_to_centre(user, invitation.organisation, invitation.role)


def do_revoke(invitation: Invitation) -> None:
    """The link stops working: the invitation is gone."""
    invitation.delete()

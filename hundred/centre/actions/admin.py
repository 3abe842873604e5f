"""A centre admin's writes: a member's role, leaving the centre, who may join.

An admin manages people, never their data: nothing here reads a member's network. A member who
leaves a centre, or a coach who stops being one, ends the grants that tied them to it, so no
coach keeps a view across centres (grants are between people of one centre).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from hundred.accounts.models import Organisation, Role, User
from hundred.centre.models import CoachGrant


class LastAdmin(Exception):
    """The change would leave the centre with no admin to manage it."""


def _check_not_last_admin(member: User) -> None:
    if member.role != Role.ADMIN or member.organisation_id is None:
        return
    admins = User.objects.filter(organisation_id=member.organisation_id, role=Role.ADMIN)
    if not admins.exclude(pk=member.pk).exists():
        raise LastAdmin(
            f"{member.email} is the centre's only admin: make someone else an admin first."
        )


def end_grants(member: User, *, as_seeker: bool = True, as_coach: bool = True) -> int:
    """Revoke the active grants `member` made (as a job seeker) or holds (as a coach)."""
    grants = CoachGrant.objects.active()
    now = timezone.now()
    ended = 0
    if as_seeker:
        ended += grants.filter(seeker=member).update(revoked_at=now)
    if as_coach:
        ended += grants.filter(coach=member).update(revoked_at=now)
    return ended


def do_change_role(member: User, role: str) -> None:
    """Give a member of a centre another role; a coach no more keeps no client."""
    with transaction.atomic():
        member = User.objects.select_for_update().get(pk=member.pk)
        if role != Role.ADMIN:
            _check_not_last_admin(member)
        if member.role == Role.COACH and role != Role.COACH:
            end_grants(member, as_seeker=False)
        member.role = role
        member.save(update_fields=["role"])


def do_remove_member(member: User) -> None:
    """Take a member out of the centre: the account stays, a job seeker with no centre."""
    with transaction.atomic():
        member = User.objects.select_for_update().get(pk=member.pk)
        _check_not_last_admin(member)
        end_grants(member)
        member.organisation, member.role = None, Role.SEEKER
        member.save(update_fields=["organisation", "role"])


def do_move_to_centre(user: User, organisation: Organisation, role: str) -> None:
    """An account joins `organisation` in `role`; grants made in another centre end."""
    with transaction.atomic():
        moving = user.organisation_id not in (None, organisation.pk)
        if moving or role != Role.ADMIN:
            _check_not_last_admin(user)
        if moving:
            end_grants(user)
        elif user.role == Role.COACH and role != Role.COACH:
            end_grants(user, as_seeker=False)
        user.organisation, user.role = organisation, role
        user.save(update_fields=["organisation", "role"])

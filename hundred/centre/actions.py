"""The job seeker's consent: granting a named coach read-only access, and taking it back.

One place for the web (`/coaching/`) and the command line (`hundred coach grant|revoke`), so
the rules — a coach, of the seeker's own centre, one active grant each — are written once.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from hundred.accounts.models import Role, User
from hundred.centre.models import CoachGrant


class GrantRefused(Exception):
    """A grant or revocation that cannot be: the sentence says why."""


def coaches_for(seeker: User):
    """The coaches a job seeker may grant: active coaches of the same centre, none without one."""
    if seeker.organisation_id is None or seeker.role != Role.SEEKER:
        return User.objects.none()
    return (
        User.objects.filter(organisation_id=seeker.organisation_id, role=Role.COACH, is_active=True)
        .exclude(pk=seeker.pk)
        .order_by("name", "email")
    )


def check_grantable(seeker: User, coach: User) -> None:
    """Raise GrantRefused unless `seeker` may grant `coach` access."""
    if seeker.role != Role.SEEKER:
        raise GrantRefused(f"{seeker.email} is not a job seeker; only a job seeker grants access.")
    if coach.role != Role.COACH:
        raise GrantRefused(f"{coach.email} is not a coach.")
    if seeker.organisation_id is None or coach.organisation_id != seeker.organisation_id:
        raise GrantRefused(f"{coach.email} is not a coach of {seeker.email}'s centre.")


@transaction.atomic
def do_grant(seeker: User, coach: User, *, with_notes: bool = False) -> CoachGrant:
    """Give `coach` read-only access to `seeker`'s Hundred, or change what an active grant
    includes (with or without notes and message texts)."""
    check_grantable(seeker, coach)
    grant = CoachGrant.objects.select_for_update().for_coach(coach).filter(seeker=seeker).first()
    if grant is None:
        return CoachGrant.objects.create(seeker=seeker, coach=coach, with_notes=with_notes)
    if grant.with_notes != with_notes:
        grant.with_notes = with_notes
        grant.save(update_fields=["with_notes"])
    return grant


@transaction.atomic
def do_revoke(seeker: User, coach: User) -> CoachGrant:
    """End `coach`'s access to `seeker`'s Hundred from the next request on. The coach's own
    note stays theirs but unreadable (every coach page needs an active grant)."""
    grant = CoachGrant.objects.select_for_update().for_coach(coach).filter(seeker=seeker).first()
    if grant is None:
        raise GrantRefused(f"{coach.email} has no access to {seeker.email}'s Hundred to revoke.")
    grant.revoked_at = timezone.now()
    grant.save(update_fields=["revoked_at"])
    return grant

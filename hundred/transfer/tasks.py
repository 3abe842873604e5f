"""Background work after an import, run by the worker (`hundred worker`, or inside `hundred
serve` on SQLite) through Django's tasks API."""

from __future__ import annotations

import functools

from django.db import transaction
from django_tasks import task

from hundred.accounts.models import User
from hundred.transfer.dedupe import refresh_candidates
from hundred.transfer.models import DuplicateCandidate


@task()
def refresh_duplicates(owner_id: int) -> int:
    """Bring an account's possible duplicates up to date after an import, so that the review's
    first visit reads its table instead of comparing thousands of new people while the person
    waits; the number of pairs. An account deleted meanwhile has none."""
    owner = User.objects.filter(pk=owner_id).first()
    if owner is None:
        return 0
    refresh_candidates(owner)
    return DuplicateCandidate.objects.for_user(owner).count()


def after_import(owner, report) -> None:
    """Once an import that wrote people is committed, queue its duplicate pairs' refresh (the
    web confirm, `hundred import` and the API call this; a dry run writes nothing)."""
    if not report.is_dry_run and (report.created or report.updated):
        transaction.on_commit(functools.partial(refresh_duplicates.enqueue, owner.pk))

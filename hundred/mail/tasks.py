"""Background work, through Django's tasks API (the django-tasks backport, database backend):
the same code runs on Django 6's built-in tasks."""

from __future__ import annotations

from django_tasks import task

from hundred.mail.sending import deliver


@task()
def send_claimed_mail(claim_id: int) -> str:
    """Send one claimed digest or review; the claim keeps it from going out twice."""
    return deliver(claim_id)

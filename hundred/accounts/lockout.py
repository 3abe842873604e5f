"""The log-in lockout's glue to django-axes: whose attempts count, and the page a locked-out
person sees."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def login_username(request, credentials: dict | None) -> str:
    """The account an attempt was for, as log-in reads it: case and spaces do not make a new one.

    Otherwise `ALICE@example.org` and `alice@example.org ` would each get their own failures.
    """
    typed = (credentials or {}).get("username") or request.POST.get("username") or ""
    return typed.strip().lower()


def lockout_response(request, *_axes_arguments):
    """429, saying why, when to try again, and what to do meanwhile."""
    wait = settings.AXES_COOLOFF_TIME
    minutes = int(wait.total_seconds() // 60)
    context = {
        "minutes": minutes,
        "until": timezone.localtime(timezone.now() + wait),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    response = render(request, "accounts/locked_out.html", context, status=429)
    response["Retry-After"] = str(int(wait.total_seconds()))
    return response


def unlock(email: str) -> None:
    """Forget the failed log-ins for an account, once its owner proved themselves by mail."""
    from axes.utils import reset

    reset(username=email.strip().lower())

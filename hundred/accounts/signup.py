"""Open sign-up: an account is usable only once its owner opens the link mailed to it.

The page that follows a sign-up says the same whatever happened, so no one can learn from it
whether an address already has an account; the mailbox's owner learns it from the mail.

A career centre whose sign-up mode is "domains" takes new accounts at its allowed e-mail
domains: such an address signs up here (even when REGISTRATION_OPEN is off) and the account,
once confirmed by the same mailed link, is a job seeker of that centre. A centre in "open" mode
has its own page (hundred/centre/views/signup.py) that calls do_sign_up with the centre.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from hundred.accounts.models import Organisation, Role, SetupToken, SignupMode, User

SALT = "hundred.accounts.signup.confirm"


def _state(user: User) -> str:
    # Changes when the account is confirmed or its password set again, so a link works once
    # and only the latest one works.
    raw = f"{user.password}|{user.email_confirmed_at}|{user.is_active}"
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


def confirmation_token(user: User) -> str:
    """A signed, expiring token naming a waiting account."""
    return signing.dumps([user.pk, _state(user)], salt=SALT)


def waiting_user(token: str) -> User | None:
    """The account a confirmation token names, while it still waits for it; else None."""
    max_age = timedelta(days=settings.SIGNUP_CONFIRM_DAYS)
    try:
        pk, state = signing.loads(token, salt=SALT, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    user = User.objects.filter(pk=pk).first()
    if user is None or not user.is_awaiting_confirmation:
        return None
    return user if constant_time_compare(state, _state(user)) else None


def do_confirm(user: User) -> None:
    user.is_active = True
    user.email_confirmed_at = timezone.now()
    user.save(update_fields=["is_active", "email_confirmed_at"])


def do_create_first_account(data: dict) -> User:
    """The instance's first account: usable at once, and the set-up tokens are spent."""
    with transaction.atomic():
        user = User.objects.create_user(
            data["email"], data["password"], time_zone=data["time_zone"], name=data["name"]
        )
        SetupToken.objects.all().delete()
    return user


def centre_for_address(email: str) -> Organisation | None:
    """The centre that takes sign-ups at this address's domain (exact match), or None.

    Were two centres to list one domain, the older wins; the admin page refuses that anyway.
    """
    domain = email.rpartition("@")[2].strip().lower()
    centres = Organisation.objects.filter(signup_mode=SignupMode.DOMAINS).order_by("pk")
    return next((org for org in centres if domain and domain in org.domains), None)


def do_sign_up(
    data: dict, link: Callable[[str], str], organisation: Organisation | None = None
) -> None:
    """Make (or refresh) a waiting account and mail its link; or tell an existing owner.

    `link(path)` turns a path into a full address for the mail. With `organisation`, a new
    account is a job seeker of that centre; an existing one is left as it is.
    """
    email = data["email"]
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    email,
                    data["password"],
                    time_zone=data["time_zone"],
                    name=data["name"],
                    is_active=False,
                    email_confirmed_at=None,
                    organisation=organisation,
                    role=Role.SEEKER,
                )
        except IntegrityError:  # the same address, signed up at the same moment
            return
    elif user.is_awaiting_confirmation:
        # Signed up again before confirming: the latest sign-up wins, earlier links stop.
        user.set_password(data["password"])
        user.time_zone, user.name = data["time_zone"], data["name"]
        user.organisation, user.role = organisation, Role.SEEKER
        user.save(update_fields=["password", "time_zone", "name", "organisation", "role"])
    else:
        make_password(data["password"])  # as much work as the other paths: time tells nothing
        _mail(user.email, "signup_exists", link)
        return
    _mail(user.email, "signup_confirm", link, token=confirmation_token(user))


def _mail(to: str, name: str, link: Callable[[str], str], token: str = "") -> None:
    context = {
        "days": settings.SIGNUP_CONFIRM_DAYS,
        "login_url": link(reverse("accounts-login")),
        "reset_url": link(reverse("accounts-password-reset")),
    }
    if token:
        context["confirm_url"] = link(reverse("accounts-confirm", kwargs={"token": token}))
    subject = render_to_string(f"accounts/{name}_subject.txt", context).strip()
    send_mail(subject, render_to_string(f"accounts/{name}_email.txt", context), None, [to])

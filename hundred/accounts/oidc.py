"""Single sign-on by OpenID Connect (docs/sso.md): who may sign in, and who must.

Two authentication backends, listed after django-axes's by `sso_settings` in settings.py:

- `PasswordBackend` is Django's password check, refusing coaches, centre admins and staff when
  SSO_REQUIRED_FOR_STAFF is on; it marks the request so the log-in form can say why.
- `SSOBackend` is mozilla-django-oidc's code flow. The provider's user-info names an account by
  its e-mail address, which must be verified there (`email_verified`). A refusal is a sentence
  left on the request for the callback view to show.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from hundred.accounts.models import User

REFUSAL_ATTRIBUTE = "hundred_sso_refusal"
SSO_REQUIRED_ATTRIBUTE = "hundred_sso_required"


REQUIRED_SETTINGS = [
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
]


def missing_sso_settings() -> list[str]:
    """The variables single sign-on needs that are not set, once OIDC_RP_CLIENT_ID turned it on."""
    if not settings.SSO_ENABLED:
        return []
    missing = [name for name in REQUIRED_SETTINGS if not getattr(settings, name)]
    if settings.OIDC_RP_SIGN_ALGO.startswith(("RS", "ES")) and not settings.OIDC_OP_JWKS_ENDPOINT:
        missing.append("OIDC_OP_JWKS_ENDPOINT")
    return missing


def missing_sso_message(missing: list[str]) -> str:
    return (
        "OIDC_RP_CLIENT_ID is set but these are not, so single sign-on cannot work: "
        + ", ".join(missing)
    )


def provider_logout_url(id_token: str | None, back_to: str) -> str | None:
    """Where to send the browser after logging out of Hundred so that the provider's session
    ends too (OpenID Connect RP-Initiated Logout), then back to `back_to`; None when the
    session was not signed in by the provider or the instance names no logout endpoint."""
    endpoint = getattr(settings, "OIDC_OP_LOGOUT_ENDPOINT", "")
    if not (settings.SSO_ENABLED and endpoint and id_token):
        return None
    query = urlencode(
        {
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": back_to,
        }
    )
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def sso_required_for(user: User) -> bool:
    """Whether this account may not use its password: staff, when the instance says so."""
    if not (settings.SSO_ENABLED and settings.SSO_REQUIRED_FOR_STAFF):
        return False
    return user.is_staff or user.is_superuser or user.is_coach or user.is_centre_admin


class PasswordBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None and sso_required_for(user):
            if request is not None:
                setattr(request, SSO_REQUIRED_ATTRIBUTE, True)
            return None
        return user


class Refused(SuspiciousOperation):
    """A sign-in the provider vouched for that Hundred does not accept; the text is for the
    person."""


def email_is_verified(claims: dict) -> bool:
    verified = claims.get("email_verified")
    return verified is True or str(verified).strip().lower() == "true"


class SSOBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        # Only the callback view's call (it passes the nonce); never a password form's, whose
        # query string could carry someone else's code and state.
        if request is None or "nonce" not in kwargs or "password" in kwargs:
            return None
        return super().authenticate(request, **kwargs)

    # Django's, not the library's: an account switched off loses its session on the next request.
    get_user = ModelBackend.get_user

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        try:
            return self.account_for(claims)
        except Refused as refusal:
            setattr(self.request, REFUSAL_ATTRIBUTE, str(refusal))
            raise

    def account_for(self, claims: dict) -> User:
        """The account these verified claims name, made if the instance allows; or Refused."""
        provider = settings.OIDC_PROVIDER_NAME
        email = (claims.get("email") or "").strip().lower()
        if not email:
            raise Refused(f"{provider} did not give an e-mail address, so no account matches.")
        if not email_is_verified(claims):
            raise Refused(
                f"{provider} has not verified the address {email}. Verify it there, then sign "
                "in again."
            )
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            return self.new_account(email, claims)
        if not user.is_active:
            raise Refused(f"The account {email} is switched off here: ask whoever runs Hundred.")
        return user

    def new_account(self, email: str, claims: dict) -> User:
        if not settings.OIDC_CREATE_USERS:
            raise Refused(
                f"There is no account for {email} here. Ask whoever runs Hundred for one (or an "
                "invitation), then sign in again."
            )
        # No password: this account signs in with the provider (or sets one by the reset link).
        name = (claims.get("name") or "").strip()[:150]
        return User.objects.create_user(email, None, name=name)

"""System checks for settings that would fail quietly in production."""

from __future__ import annotations

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def https_needs_a_trusted_proxy(**kwargs):
    """HTTPS redirect with no trusted proxy: every request looks like HTTP and loops."""
    if settings.SECURE_SSL_REDIRECT and not settings.TRUSTED_PROXIES:
        return [
            checks.Warning(
                "SECURE_SSL_REDIRECT is on but TRUSTED_PROXIES is empty: behind the proxy that "
                "serves HTTPS every request looks like plain HTTP and is redirected for ever.",
                hint="Set TRUSTED_PROXIES to the proxy's address (e.g. 127.0.0.1).",
                id="hundred.W001",
            )
        ]
    return []


@checks.register(checks.Tags.security)
def no_legacy_proxy_setting(**kwargs):
    """BEHIND_PROXY is no longer read: a server that relies on it trusts no proxy at all."""
    if settings.BEHIND_PROXY is None:
        return []
    if settings.TRUSTED_PROXIES:
        hint = "TRUSTED_PROXIES is set and is what counts: remove BEHIND_PROXY."
    else:
        hint = (
            "Set TRUSTED_PROXIES to the proxy's address or network (e.g. TRUSTED_PROXIES="
            "127.0.0.1) and remove BEHIND_PROXY; until then the lockout and rate limits count "
            "every user as the proxy, and X-Forwarded-Proto is ignored."
        )
    return [
        checks.Warning(
            "BEHIND_PROXY is set, but Hundred no longer reads it: TRUSTED_PROXIES replaced it.",
            hint=hint,
            id="hundred.W002",
        )
    ]

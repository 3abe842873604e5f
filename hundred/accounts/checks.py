"""System checks for settings that would fail quietly in production."""

from __future__ import annotations

from django.conf import settings
from django.core import checks

from hundred.accounts.oidc import missing_sso_message, missing_sso_settings
from hundred.accounts.site import legacy_proxy_setting


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
    """BEHIND_PROXY is no longer read: say what to set instead (site.legacy_proxy_setting)."""
    found = legacy_proxy_setting()
    if found is None:
        return []
    msg, hint = found
    return [checks.Warning(msg, hint=hint, id="hundred.W002")]


@checks.register(checks.Tags.security)
def sso_is_complete(**kwargs):
    """OIDC_RP_CLIENT_ID turns single sign-on on; without its other variables every log-in
    would fail on the first click (docs/sso.md). `hundred serve` refuses to start the same way."""
    missing = missing_sso_settings()
    if not missing:
        return []
    return [
        checks.Error(
            missing_sso_message(missing),
            hint="Set them from the provider's discovery document (docs/sso.md), or unset "
            "OIDC_RP_CLIENT_ID to turn single sign-on off.",
            id="hundred.E001",
        )
    ]

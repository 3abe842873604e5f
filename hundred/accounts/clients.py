"""Where a request came from: the client's address, as rate limits and the lockout count it."""

from __future__ import annotations

from django.conf import settings

from hundred.lib.clientip import client_address, is_trusted


def from_trusted_proxy(request) -> bool:
    """The request was handed over by one of TRUSTED_PROXIES."""
    return is_trusted(request.META.get("REMOTE_ADDR", ""), settings.TRUSTED_PROXIES)


def client_ip(request) -> str:
    """The client's address: X-Forwarded-For is read only when a trusted proxy sent it."""
    return client_address(
        request.META.get("REMOTE_ADDR", ""),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        settings.TRUSTED_PROXIES,
    )

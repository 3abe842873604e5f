"""This instance's own addresses, for links that leave the browser, and how it is reached."""

from __future__ import annotations

from django.conf import settings


def absolute_url(request, path: str) -> str:
    """A full address for links that leave the browser (mail, calendar apps).

    SITE_URL wins when set: behind a proxy the request's own host may be an internal name.
    """
    if settings.SITE_URL:
        return settings.SITE_URL + path
    return request.build_absolute_uri(path)


def legacy_proxy_setting() -> tuple[str, str] | None:
    """(what is wrong, what to do) when the old BEHIND_PROXY is set; None when it is not.

    TRUSTED_PROXIES replaced it: a server that relies on it trusts no proxy at all. Said by the
    system check hundred.W002 and by `hundred serve`, which runs no system checks.
    """
    if settings.BEHIND_PROXY is None:
        return None
    if settings.TRUSTED_PROXIES:
        hint = "TRUSTED_PROXIES is set and is what counts: remove BEHIND_PROXY."
    else:
        hint = (
            "Set TRUSTED_PROXIES to the proxy's address or network (e.g. TRUSTED_PROXIES="
            "127.0.0.1) and remove BEHIND_PROXY; until then the lockout and rate limits count "
            "every user as the proxy, and X-Forwarded-Proto is ignored."
        )
    return "BEHIND_PROXY is set, but Hundred no longer reads it: TRUSTED_PROXIES replaced it.", hint

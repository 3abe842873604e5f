from django.utils import timezone
from django.utils.cache import patch_cache_control

from hundred.accounts.clients import from_trusted_proxy

FORWARDED = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST")


class UserTimezoneMiddleware:
    """Shows every date and time in the signed-in account's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            timezone.activate(request.user.tzinfo)
        else:
            timezone.deactivate()
        return self.get_response(request)


class ForwardedHeadersMiddleware:
    """Drops X-Forwarded-* unless one of TRUSTED_PROXIES sent the request.

    Anyone can send those headers; believing them from a stranger would let a client pick the
    address the lockout counts, or claim HTTPS (SECURE_PROXY_SSL_HEADER) over plain HTTP.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not from_trusted_proxy(request):
            for header in FORWARDED:
                request.META.pop(header, None)
        return self.get_response(request)


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every page and download a view makes (not static files).

    Pages show a person's network and downloads carry all of it: no browser or proxy should
    keep a copy once the tab is closed or someone else uses the computer. A view that chose
    its own caching keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Cache-Control" not in response:
            patch_cache_control(response, no_store=True, private=True)
        return response


class HeadAsGetMiddleware:
    """HEAD is answered wherever GET is: the view runs as for GET and the body is dropped.

    Function views limit their methods (`require_http_methods(["GET", "POST"])`), which would
    refuse HEAD with 405; HEAD must behave like GET without the body (RFC 9110, 9.3.2), as
    Django's class-based views already do. GET is safe, so running it for HEAD changes nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "HEAD":
            return self.get_response(request)
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
        if response.streaming:
            if hasattr(response, "close"):
                response.close()
            response.streaming_content = []
        else:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response


SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))


def writes_as_signed_in(request) -> bool:
    """Whether the request can write (every method but GET, HEAD and OPTIONS) and came from a
    signed-in account: call before the view. Signing in is not such a request (nobody was
    signed in), nor is anything an anonymous visitor posts."""
    if request.method in SAFE_METHODS:
        return False
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def still_signed_in(request, user) -> bool:
    """After the view: whether `user` is still the one signed in. Signing out is not a write
    to the account's data (and an account deleted has nothing left to mark)."""
    now = getattr(request, "user", None)
    return now is not None and now.is_authenticated and now.pk == user.pk


class DataStampMiddleware:
    """After any request that can write by a signed-in account (`writes_as_signed_in`), give
    the account a new data stamp: a queryset update() sends no signal, and a page kept for the
    old data (Insights) must not be shown again. Signing in or out changes none of the
    account's data, so it keeps its stamp and its kept pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user if writes_as_signed_in(request) else None
        response = self.get_response(request)
        if user is not None and still_signed_in(request, user):
            user.mark_data_changed()
        return response

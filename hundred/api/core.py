"""The API object: authentication (token or session), the per-token rate limit, and every
error as an RFC 9457 problem detail (`application/problem+json`)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth
from pydantic import AfterValidator, AwareDatetime

from hundred.accounts import throttle
from hundred.accounts.models import ApiToken

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class Problem(Schema):
    """An error, as RFC 9457 describes: `errors` names each field that was refused."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    errors: list[dict] = []


# The error statuses every operation documents, each answered with a Problem.
PROBLEMS = frozenset({400, 401, 403, 404, 409, 422, 429})


class ApiProblem(Exception):
    """Raise to answer with a problem: a status, a short title and a sentence."""

    def __init__(self, status: int, title: str, detail: str = "", *, errors=None, headers=None):
        super().__init__(detail or title)
        self.status, self.title, self.detail = status, title, detail
        self.errors = errors or []
        self.headers = headers or {}


def problem(status: int, title: str, detail: str = "", errors=None, headers=None) -> HttpResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(body), status=status, content_type="application/problem+json"
    )
    for key, value in (headers or {}).items():
        response[key] = value
    return response


def _limit(request: HttpRequest, key: str) -> None:
    """One more request on this token (or signed-in account) this hour, or 429."""
    retry_at = throttle.hit("api", key, settings.API_REQUESTS_PER_HOUR)
    if retry_at is not None:
        refusal = throttle.Refusal("", retry_at)
        raise ApiProblem(
            429,
            "Too many requests",
            f"This token has made {settings.API_REQUESTS_PER_HOUR} requests this hour; "
            "try again later.",
            headers={"Retry-After": str(refusal.retry_after_seconds)},
        )


class TokenAuth(HttpBearer):
    """`Authorization: Bearer hpat_…`: a personal access token (settings page or CLI)."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = ApiToken.objects.authenticate(token)
        if found is None:
            return None
        if request.method not in SAFE_METHODS and not found.can_write:
            raise ApiProblem(
                403, "Read-only token", "This token can only read; make a read-write one to write."
            )
        _limit(request, f"token:{found.pk}")
        found.touch()
        request.user = found.owner
        return found


class BrowserAuth(SessionAuth):
    """The signed-in browser's session; a write needs the CSRF token as for a form."""

    def __call__(self, request: HttpRequest):
        # Nobody signed in: no session to forge, so no CSRF check. A client that sent no
        # token at all is told to send one (401), whatever the method, not "CSRF check failed".
        if not request.user.is_authenticated:
            return None
        try:
            return super().__call__(request)
        except HttpError as exc:
            raise ApiProblem(
                403,
                "CSRF check failed",
                "A write from a signed-in browser needs Django's CSRF token in the "
                "X-CSRFToken header, as a form does.",
            ) from exc

    def authenticate(self, request: HttpRequest, key):
        user = super().authenticate(request, key)
        if user is not None:
            _limit(request, f"user:{user.pk}")
        return user


class LocalSwagger(Swagger):
    """Swagger UI served from static files (no CDN), with no inline script."""

    template = "api/swagger.html"


api = NinjaAPI(
    title="Hundred",
    version="1",
    description="Hundred's JSON API. Authenticate with `Authorization: Bearer <token>` "
    "(a personal access token from the settings page or `hundred token create`). "
    "Errors are RFC 9457 problem details. See docs/api.md.",
    urls_namespace="api-v1",
    auth=[TokenAuth(), BrowserAuth()],
    docs=LocalSwagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.exception_handler(ApiProblem)
def _api_problem(request, exc: ApiProblem):
    return problem(exc.status, exc.title, exc.detail, exc.errors, exc.headers)


@api.exception_handler(ValidationError)
def _invalid(request, exc: ValidationError):
    errors = [{"field": _field(e.get("loc", [])), "detail": e["msg"]} for e in exc.errors]
    names = ", ".join(e["field"] for e in errors)
    return problem(422, "Invalid request", f"Check these fields: {names}.", errors)


def _field(loc) -> str:
    """'title' for ('body', 'body', 'title'): the field's name as the client sent it."""
    parts = [str(p) for p in loc[1:]]
    if len(parts) > 1 and parts[0] in ("body", "filters"):
        parts = parts[1:]
    return ".".join(parts) or "body"


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return problem(
        401,
        "Not authenticated",
        "Send a personal access token as 'Authorization: Bearer <token>'.",
        headers={"WWW-Authenticate": 'Bearer realm="hundred"'},
    )


@api.exception_handler(Http404)
def _not_found(request, exc):
    return problem(404, "Not found", "There is no such object in your account.")


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    return problem(exc.status_code, str(exc.message), str(exc.message))


def refused(exc: Exception) -> ApiProblem:
    """A domain rule said no (the pest guard, a meeting already held): 409 with its sentence.

    For the pest guard, send the same request again with "override": true to go ahead; the
    override is recorded, as on the web."""
    detail = getattr(exc, "reason", "") or str(exc)
    return ApiProblem(409, "Refused", detail)


def field_errors(form) -> ApiProblem:
    """A form's errors as a 422 problem naming each field (the API's names)."""
    errors = []
    for name, messages in form.errors.items():
        field = API_NAMES.get(name, name) if name != "__all__" else "body"
        errors.extend({"field": field, "detail": str(m)} for m in messages)
    detail = " ".join(e["detail"] for e in errors)
    return ApiProblem(422, "Invalid request", detail, errors=errors)


# Form fields whose API name differs (the form takes text; the API lists).
API_NAMES = {
    "emails_text": "emails",
    "phones_text": "phones",
    "company_name": "company",
    "tags_text": "tags",
    "introduced_by_name": "introduced_by",
}


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    return value


def _sane_year(value):
    if not 1900 <= value.year <= 2200:
        raise ValueError("the year must be between 1900 and 2200")
    return value


# Types for what a client sends: text without NUL (PostgreSQL refuses it), and dates and
# times in years a calendar can show, the times with their offset.
Text = Annotated[str, AfterValidator(_no_nul)]
Day = Annotated[date, AfterValidator(_sane_year)]
Moment = Annotated[AwareDatetime, AfterValidator(_sane_year)]

"""Every error under /api/v1/ as the API's problem JSON, including the ones the API's own
handlers never see: a path no route matches (`/api/v1/people/abc/`, `/api/v1/nothing/`), a
method the path does not take, a server error. Django would answer those with the site's HTML
pages and django-ninja with plain text."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse

from hundred.api.core import problem

PREFIX = "/api/v1/"

# What to do next, for the statuses that reach this far without a problem body.
DETAILS = {
    404: "There is no such address in the API: check the path (ids are numbers) against "
    "/api/v1/docs.",
    405: "This address does not take that method; the Allow header lists the ones it takes.",
    500: "Something went wrong on the server; nothing was changed. Try again, and report it "
    "if it persists.",
}


class ProblemMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path.startswith(PREFIX)
            or response.get("Content-Type", "").startswith("application/problem+json")
        ):
            return response
        status = response.status_code
        try:
            title = HTTPStatus(status).phrase
        except ValueError:
            title = "Error"
        detail = DETAILS.get(status, "")
        if not detail and status >= 500:
            detail = DETAILS[500]
        # The other headers stay (Allow on a 405, those set by middleware further in).
        headers = {
            key: value
            for key, value in response.items()
            if key.lower() not in ("content-type", "content-length")
        }
        return problem(status, title, detail, headers=headers)

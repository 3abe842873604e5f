"""Every URL that takes an object id answers another account with 404, whatever the method.

The walk covers the whole URL tree, so a new route with an id fails here until it has a builder.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.db import models
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, UUIDConverter

from hundred.lib.ids import MAX_ID, IdConverter
from hundred.network.models import OutreachTemplate
from hundred.test import BaseTestCase

METHODS = ["get", "post", "put", "patch", "delete"]

# Pages anyone may open without an account.
PUBLIC = {
    "accounts-signup",
    "accounts-signup-sent",
    "accounts-confirm",  # the signed link mailed at sign-up is the key
    "accounts-login",
    "accounts-logout",
    "accounts-password-reset",
    "accounts-password-reset-sent",
    "accounts-password-reset-confirm",
    "accounts-password-reset-complete",
    "transfer-feed",  # calendar apps cannot log in: the secret token in the URL is the key
    "mail-unsubscribe",  # a mail program posts it (RFC 8058): the signed token is the key
    # The API's schema and its browsable page describe the API; they hold no one's data.
    "api-v1:openapi-json",
    "api-v1:openapi-view",
    "api-v1:api-root",
    "network-service-worker",  # the browser fetches it on its own; static code, no data
    # Career centre (hundred/centre/): the invitation's secret is the key, not an id — an
    # unknown, used or expired one is a 404 page, and accepting it needs the invited address;
    # a join link opens only for a centre in open mode and shows nothing of its members.
    # The admin's own pages take no id in the URL: centre/tests/test_admin_access.py walks them.
    "invite-accept",
    "centre-join",
}

# The JSON API answers an anonymous request 401 (a problem document), not a log-in redirect.
API = "api-v1:"


@dataclass
class Route:
    name: str
    route: str
    converters: dict

    @property
    def takes_id(self) -> bool:
        return any(
            isinstance(conv, IntConverter | IdConverter | UUIDConverter)
            or key == "pk"
            or key.endswith(("_id", "_pk"))
            for key, conv in self.converters.items()
        )

    def sample_kwargs(self, number: int = 1) -> dict:
        """Any value that fits each converter (ids are `number`): enough to reach the view's
        login check."""
        samples = {
            IntConverter: number,
            IdConverter: number,
            UUIDConverter: "00000000-0000-0000-0000-000000000001",
        }
        return {key: samples.get(type(conv), "x") for key, conv in self.converters.items()}


def walk(
    patterns, prefix: str = "", converters: dict | None = None, namespace: str = ""
) -> Iterator[Route]:
    for p in patterns:
        found = {**(converters or {}), **getattr(p.pattern, "converters", {})}
        if isinstance(p, URLResolver):
            if p.namespace == "admin":  # Django's own, guarded by is_staff
                continue
            inner = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from walk(p.url_patterns, prefix + str(p.pattern), found, inner)
        elif isinstance(p, URLPattern):
            yield Route(f"{namespace}{p.name}", prefix + str(p.pattern), found)


def all_routes() -> list[Route]:
    return list(walk(get_resolver().url_patterns))


# URL name -> a function that makes alice's object(s) and returns (URL kwargs, the object).
Builder = Callable[["IsolationTestCase"], tuple[dict, models.Model]]


def _person(t):
    p = t.make_person()
    return {"pk": p.pk}, p


def _company(t):
    c = t.make_company()
    return {"pk": c.pk}, c


def _template(t):
    tpl = OutreachTemplate.objects.create(owner=t.alice, name="Warm", body="Hi {first_name}")
    return {"pk": tpl.pk}, tpl


def _followup(t):
    f = t.make_followup(t.make_person())
    return {"pk": f.pk}, f


def _meeting(t):
    m = t.make_meeting(t.make_person())
    return {"pk": m.pk}, m


def _import_run(t):
    from hundred.transfer.models import ImportRun

    run = ImportRun.objects.create(owner=t.alice, kind="vcard", report={"kind": "vcard"})
    return {"pk": run.pk}, run


def _favour(t):
    f = t.make_favour(t.make_person())
    return {"pk": f.pk}, f


def _mail_suggestion(t):
    from hundred.network.models import MailSuggestion

    n = MailSuggestion.objects.count()
    s = MailSuggestion.objects.create(owner=t.alice, email=f"ken{n}@example.com", name="Ken")
    return {"pk": s.pk}, s


def _mail_suggestion_and_namesake(t):
    # A person of the suggestion's name: the one person alice may give the address to.
    kwargs, s = _mail_suggestion(t)
    return {**kwargs, "person": t.make_person("Ken", "", emails=[]).pk}, s


def _api_token(t):
    from hundred.accounts.models import ApiToken

    token, _ = ApiToken.objects.issue(t.alice, "phone", write=True)
    return {"pk": token.pk}, token


BUILDERS: dict[str, Builder] = {
    "network-person": _person,
    "network-edit-person": _person,
    "network-delete-person": _person,
    "network-log-interaction": _person,
    "network-said-no": _person,
    "network-not-now": _person,
    "network-replied": _person,
    "network-compose-person": _person,
    "network-company": _company,
    "network-edit-company": _company,
    "network-delete-company": _company,
    "network-edit-template": _template,
    "network-delete-template": _template,
    "network-schedule-followup": _person,
    "network-schedule-meeting": _person,
    "network-add-favour": _person,
    "network-followup-done": _followup,
    "network-followup-snooze": _followup,
    "network-followup-skip": _followup,
    "network-followup-reschedule": _followup,
    "network-meeting-prep": _meeting,
    "network-meeting-debrief": _meeting,
    "network-reschedule-meeting": _meeting,
    "network-cancel-meeting": _meeting,
    "network-meeting-questions": _meeting,
    "network-favour-done": _favour,
    "network-add-from-mail": _mail_suggestion,
    "network-add-to-person-from-mail": _mail_suggestion_and_namesake,
    "network-dismiss-from-mail": _mail_suggestion,
    "transfer-run": _import_run,
    "transfer-accept-target": _import_run,
    "transfer-colleagues": _import_run,
    "accounts-revoke-token": _api_token,
    # The JSON API (hundred/api/): the same objects, under the api-v1 namespace.
    "api-v1:person": _person,
    "api-v1:company": _company,
    "api-v1:person-merge": _person,
    "api-v1:person-interactions": _person,
    "api-v1:person-followups": _person,
    "api-v1:person-meetings": _person,
    "api-v1:person-favours": _person,
    "api-v1:followup-done": _followup,
    "api-v1:followup-snooze": _followup,
    "api-v1:followup-skip": _followup,
    "api-v1:followup-move": _followup,
    "api-v1:meeting": _meeting,
    "api-v1:meeting-prep": _meeting,
    "api-v1:meeting-reschedule": _meeting,
    "api-v1:meeting-cancel": _meeting,
    "api-v1:meeting-debrief": _meeting,
    "api-v1:favour-done": _favour,
}

# A valid JSON body for each API route that takes one: with it, nothing but the id can be
# wrong, so bob's 404 comes from the owner check and not from the body's validation.
API_BODIES: dict[str, dict | Callable[[IsolationTestCase], dict]] = {
    "api-v1:person": {"title": "Changed"},
    "api-v1:company": {"industry": "Changed"},
    # Another of alice's people to fold in: valid for alice, and the path's person is hers.
    "api-v1:person-merge": lambda t: {"other": t.make_person("Other").pk},
    "api-v1:person-interactions": {"summary": "Coffee", "direction": "in"},
    "api-v1:person-followups": {"due_on": "2026-12-10", "reason": "thank_you"},
    "api-v1:person-meetings": {"starts_at": "2026-12-01T10:00:00Z"},
    "api-v1:person-favours": {"direction": "i_offered", "what": "Send the paper"},
    "api-v1:followup-done": {"override": True},
    "api-v1:followup-snooze": {"days": 1},
    "api-v1:followup-skip": {},
    "api-v1:followup-move": {"due_on": "2026-12-10", "override": True},
    "api-v1:meeting-reschedule": {"starts_at": "2026-12-02T10:00:00Z"},
    "api-v1:meeting-prep": {"questions": ["What is changing in your field?"]},
    "api-v1:meeting-cancel": {},
    "api-v1:meeting-debrief": {"advice": "Talk to data teams"},
}


def body_for(t, route: str) -> dict | None:
    body = API_BODIES.get(route)
    return body(t) if callable(body) else body


def send(client, method: str, body: dict | None, url: str):
    """One request: an API route's goes with its JSON body, a page's as it is."""
    if body is None or method in ("get", "delete"):
        return getattr(client, method)(url)
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


# URLs that take a value but no object id, and why the walk does not need a builder for them.
# A new URL with a parameter fails test_every_url_with_a_parameter_is_walked_or_named until it
# gets a builder above or a line here.
NOT_AN_OBJECT = {
    "network-welcome-step": "the step of onboarding, a fixed name",
    "transfer-export": "the file format; an export is always of the signed-in account",
    "network-filter-suggestions": "company or tag: suggestions from the signed-in account only",
    # An upload is kept under a random token, not a row: test_import_views.py
    # (test_another_user_cannot_use_an_upload_token) checks another account gets 404.
    "transfer-map": "an upload's secret token",
    "transfer-preview": "an upload's secret token",
    "transfer-confirm": "an upload's secret token",
}


# A coach's pages about one client (hundred/centre/): the id is the client's account, reached
# only through the client's active grant, so they are walked by CoachIsolationTestCase below
# (granted coach, no grant, revoked, another centre, a job seeker, an admin), not as alice's
# object. The value is what the granted coach gets from GET, or POST for a form's target.
COACH_ROUTES = {
    "coach-client-today": ("get", 200),
    "coach-client-insights": ("get", 200),
    "coach-client-hundred": ("get", 200),
    "coach-client-people": ("get", 200),
    "coach-client-note": ("post", 302),
}


class IsolationTestCase(BaseTestCase):
    def test_every_url_with_a_parameter_is_walked_or_named(self):
        unnamed = sorted(
            r.name
            for r in all_routes()
            if r.converters and r.name not in {*BUILDERS, *PUBLIC, *NOT_AN_OBJECT, *COACH_ROUTES}
        )
        self.assertEqual(
            unnamed,
            [],
            "These URLs take a parameter the isolation walk knows nothing about: add a builder "
            "to BUILDERS, or say in NOT_AN_OBJECT why another account cannot reach an object.",
        )
        stale = sorted(NOT_AN_OBJECT.keys() - {r.name for r in all_routes()})
        self.assertEqual(stale, [], "NOT_AN_OBJECT names URLs that no longer exist.")

    def test_it_has_a_builder_for_every_route_with_an_id(self):
        with_id = {
            r.name for r in all_routes() if r.takes_id and r.name not in {*PUBLIC, *COACH_ROUTES}
        }
        missing = sorted(with_id - BUILDERS.keys())
        stale = sorted(BUILDERS.keys() - with_id)
        self.assertEqual(
            missing,
            [],
            "These URLs take an object id but the isolation test has no builder for them; "
            "add one to BUILDERS in hundred/tests/test_isolation.py.",
        )
        self.assertEqual(stale, [], "These builders name URLs that no longer exist; remove them.")

    def test_it_finds_routes_with_ids(self):
        # Guards the walk itself: if it stopped finding anything, every other check would pass.
        names = {r.name for r in all_routes() if r.takes_id}
        self.assertIn("network-person", names)
        self.assertIn("accounts-password-reset-confirm", {r.name for r in all_routes()})

    def test_it_answers_another_account_404_for_every_method(self):
        for route in all_routes():
            if route.name not in BUILDERS:
                continue
            with self.subTest(url=route.name):
                kwargs, obj = BUILDERS[route.name](self)
                url = reverse(route.name, kwargs=kwargs)
                row = type(obj).objects.filter(pk=obj.pk)
                before = row.values().get()

                self.login(self.bob)
                body = body_for(self, route.name)
                bob = {m: send(self.client, m, body, url).status_code for m in METHODS}
                for method, status in bob.items():
                    self.assertIn(status, (404, 405), f"bob {method.upper()} {url}")
                self.assertTrue(
                    404 in (bob["get"], bob["post"]), f"neither GET nor POST {url} is a 404"
                )
                # Nothing bob sent touched alice's object: still hers, every field as it was.
                self.assertEqual(row.values().first(), before, f"bob changed {url}'s object")
                self.assertEqual(before["owner_id"], self.alice.pk)

                # A 405 to bob is fine only if alice gets it too: the method is not allowed at
                # all. Alice's deletes come last, so her object is still there for the others.
                self.login(self.alice)
                order = sorted(METHODS, key=lambda m: m in ("post", "delete"))
                alice = {m: send(self.client, m, body, url).status_code for m in order}
                for method, status in bob.items():
                    if status == 405:
                        self.assertEqual(alice[method], 405, f"alice {method.upper()} {url}")
                if alice["get"] != 405:
                    self.assertNotEqual(alice["get"], 404, f"alice GET {url}")
                    self.assertLess(alice["get"], 500, f"alice GET {url}")
                else:
                    self.assertNotEqual(alice["post"], 404, f"alice POST {url}")


class CoachIsolationTestCase(BaseTestCase):
    """Every coach route about a client: 200 with an active grant, 404 for everyone else."""

    @classmethod
    def setUpTestData(cls) -> None:
        from hundred.accounts.models import Organisation, Role

        super().setUpTestData()
        north = Organisation.objects.create(name="North")
        south = Organisation.objects.create(name="South")
        cls.alice.organisation = north
        cls.alice.save()
        cls.bob.organisation = north  # a job seeker of the same centre
        cls.bob.save()
        cls.coach = cls.make_user("coach@north.example", role=Role.COACH, organisation=north)
        cls.far_coach = cls.make_user("coach@south.example", role=Role.COACH, organisation=south)
        cls.admin = cls.make_user("admin@north.example", role=Role.ADMIN, organisation=north)

    def setUp(self) -> None:
        self.make_person()  # something to show

    def statuses(self, user, url: str) -> dict[str, int]:
        self.login(user)
        return {m: getattr(self.client, m)(url).status_code for m in METHODS}

    def assertHidden(self, user, url: str, when: str) -> None:
        found = self.statuses(user, url)
        for method, status in found.items():
            self.assertIn(status, (404, 405), f"{when}: {user} {method.upper()} {url}")
        self.assertTrue(404 in (found["get"], found["post"]), f"{when}: {user} {url}")

    def test_every_coach_route_about_a_client_is_walked(self):
        coach_routes = {r.name for r in all_routes() if r.name.startswith("coach-client")}
        self.assertEqual(coach_routes, COACH_ROUTES.keys())

    def test_a_coach_sees_a_client_only_through_an_active_grant_of_the_same_centre(self):
        from hundred.centre.actions.grants import do_grant, do_revoke
        from hundred.centre.models import CoachGrant

        for name, (method, expected) in COACH_ROUTES.items():
            url = reverse(name, kwargs={"client_id": self.alice.pk})
            with self.subTest(url=name):
                self.assertHidden(self.coach, url, "no grant")
                grant = do_grant(self.alice, self.coach)
                self.login(self.coach)
                self.assertEqual(getattr(self.client, method)(url).status_code, expected, url)
                for other in (self.far_coach, self.bob, self.admin, self.alice):
                    self.assertHidden(other, url, "someone else")
                do_revoke(self.alice, self.coach)
                self.assertHidden(self.coach, url, "after revocation")
                # A grant across centres (written around do_grant, which refuses it) opens
                # nothing either.
                CoachGrant.objects.create(seeker=self.alice, coach=self.far_coach)
                self.assertHidden(self.far_coach, url, "another centre")
                CoachGrant.objects.filter(pk__gt=grant.pk).delete()

    def test_the_dashboard_and_report_are_for_coaches_only(self):
        for name in ("coach-dashboard", "coach-report"):
            url = reverse(name)
            with self.subTest(url=name):
                self.login(self.coach)
                self.assertEqual(self.client.get(url).status_code, 200)
                for other in (self.alice, self.admin):
                    self.assertHidden(other, url, "not a coach")


class LoginRequiredTestCase(BaseTestCase):
    def test_it_knows_every_public_url(self):
        names = {r.name for r in all_routes()}
        self.assertEqual(PUBLIC - names, set(), "PUBLIC names URLs that no longer exist")

    def test_the_api_answers_anonymous_requests_401(self):
        routes = [r for r in all_routes() if r.name.startswith(API) and r.name not in PUBLIC]
        self.assertGreater(len(routes), 10)
        for route in routes:
            url = reverse(route.name, kwargs=route.sample_kwargs())
            with self.subTest(url=route.name):
                statuses = {getattr(self.client, m)(url).status_code for m in METHODS}
                self.assertIn(401, statuses, url)
                self.assertLessEqual(statuses, {401, 405}, url)

    def test_it_redirects_anonymous_users_to_login(self):
        login_path = resolve_url(settings.LOGIN_URL)
        routes = [r for r in all_routes() if r.name not in PUBLIC and not r.name.startswith(API)]
        self.assertGreater(len(routes), 10)
        for route in routes:
            url = reverse(route.name, kwargs=route.sample_kwargs())
            with self.subTest(url=route.name):
                redirected = 0
                for method in ("get", "post"):
                    r = getattr(self.client, method)(url)
                    if r.status_code == 405:  # refused before the login check: nothing shown
                        continue
                    self.assertEqual(r.status_code, 302, f"{method.upper()} {url}")
                    target = urlsplit(r["Location"])
                    self.assertEqual(target.path, login_path, f"{method.upper()} {url}")
                    # Back to the page asked for once logged in.
                    self.assertEqual(
                        parse_qs(target.query)["next"], [url], f"{method.upper()} {url}"
                    )
                    redirected += 1
                self.assertGreater(redirected, 0, f"{url} neither redirects GET nor POST")

    def test_it_lets_anonymous_users_open_the_public_pages(self):
        for name in ("accounts-login", "accounts-signup", "accounts-password-reset"):
            with self.subTest(url=name):
                r = self.client.get(reverse(name))
                # Sign-up is closed once accounts exist (403) but still is not a login redirect.
                self.assertIn(r.status_code, (200, 403))


class HugeIdTestCase(BaseTestCase):
    """An id past the database's largest integer names nothing: 404 on every URL, never the
    500 of SQLite's OverflowError."""

    def test_every_url_with_an_id_answers_404_to_an_id_too_large_for_the_database(self):
        from hundred.accounts.models import Role

        self.alice.role = Role.COACH  # so the coach's pages get past their role check
        self.alice.save(update_fields=["role"])
        self.login()
        routes = [r for r in all_routes() if r.takes_id]
        self.assertGreater(len(routes), 40)
        for route in routes:
            for number in (MAX_ID + 1, 10**30):
                url = reverse(route.name, kwargs=route.sample_kwargs(number))
                with self.subTest(url=url):
                    body = body_for(self, route.name)
                    for method in METHODS:
                        status = send(self.client, method, body, url).status_code
                        self.assertIn(status, (404, 405), f"{method.upper()} {url}")

    def test_a_page_url_with_a_huge_id_is_hundreds_404(self):
        self.login()
        for url in (f"/people/{MAX_ID + 1}/", f"/people/{MAX_ID + 1}/edit/"):
            r = self.client.get(url)
            self.assertContains(r, "There is nothing here", status_code=404)

    def test_an_id_too_large_in_a_query_or_form_names_nobody(self):
        self.login()
        huge = str(MAX_ID + 1)
        for url in ("/api/v1/favours/", "/api/v1/followups/", "/api/v1/meetings/"):
            with self.subTest(url=url):
                r = self.client.get(url, {"person": huge})
                self.assertEqual((r.status_code, r.json()), (200, []))
        self.assertEqual(self.client.get("/people/compose/", {"ids": huge}).status_code, 404)
        r = self.client.post("/outreach/check/", {"body": "Hi {first_name}", "ids": huge})
        self.assertEqual(r.status_code, 404)

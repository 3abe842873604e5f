"""Single sign-on by OpenID Connect, against a real provider (docs/sso.md).

The provider is a second Django project (hundred/tests/oidc_provider/, django-oauth-toolkit
with OIDC on) started in its own process with a fresh RSA key and SQLite file; Hundred runs in
a live server; an HTTP client with cookies follows the whole authorization-code flow: Hundred's
button, the provider's log-in and consent pages, the callback, and Hundred's answer.
"""

from __future__ import annotations

import copy
import importlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.test import LiveServerTestCase, SimpleTestCase, TestCase, override_settings
from django.urls import clear_url_caches

import hundred
from hundred.accounts.models import Role, User
from hundred.settings import sso_settings
from hundred.tests.browser import DEBIAN_CHROMIUM, find_chromium, launch

pytest.importorskip(
    "oauth2_provider",
    reason="django-oauth-toolkit is not installed (pip install -e '.[test]'): it is the "
    "OpenID Connect provider these tests sign in with",
)

from cryptography.hazmat.primitives import serialization  # noqa: E402 (after the skip)
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402

SOURCE_ROOT = Path(hundred.__file__).resolve().parent.parent
PASSWORD = "correct-horse-battery-staple"
CLIENT_ID = "hundred-test"
CLIENT_SECRET = "s3cret-for-the-test-provider"

# The provider's people: whether it verified their address, and what Hundred knows of them.
PROVIDER_USERS = [
    # Typed differently there: matching ignores case.
    {"email": "Ann@Example.org", "password": PASSWORD, "verified": True, "name": "Ann Archer"},
    {"email": "una@example.org", "password": PASSWORD, "verified": False, "name": "Una Ure"},
    {"email": "new@example.org", "password": PASSWORD, "verified": True, "name": "Nia New"},
    {"email": "coach@example.org", "password": PASSWORD, "verified": True, "name": "Cy Coach"},
    {"email": "off@example.org", "password": PASSWORD, "verified": True, "name": "Oz Off"},
]


class Forms(HTMLParser):
    """The forms of a page: action, method and the values a browser would send."""

    def __init__(self, html: str):
        super().__init__()
        self.forms: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "action": a.get("action") or "",
                    "method": a.get("method") or "get",
                    "id": a.get("id"),
                    "fields": {},
                }
            )
        elif tag in ("input", "button") and self.forms and a.get("name"):
            if a.get("type") != "submit":
                self.forms[-1]["fields"][a["name"]] = a.get("value") or ""


def the_form(response: requests.Response, **match) -> dict:
    forms = Forms(response.text).forms
    for form in forms:
        if all(form.get(k) == v for k, v in match.items()):
            return form
    raise AssertionError(f"no form {match} on {response.url}: {forms}")


def start_provider(
    workdir: Path, redirect_uri: str, logged_out_uri: str = ""
) -> tuple[subprocess.Popen, str]:
    """Run the provider; return the process and its base URL once it listens."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    env = {
        **os.environ,
        "OIDC_PROVIDER_DB": str(workdir / "provider.sqlite3"),
        "OIDC_PROVIDER_KEY": pem,
        "PYTHONPATH": str(SOURCE_ROOT),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "hundred.tests.oidc_provider.serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=open(workdir / "provider.log", "wb"),  # noqa: SIM115 (closed with the process)
        env=env,
        text=True,
    )
    spec = {
        "client": {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uri": redirect_uri,
            "post_logout_redirect_uri": logged_out_uri,
        },
        "users": PROVIDER_USERS,
    }
    proc.stdin.write(json.dumps(spec))
    proc.stdin.close()
    ready, _, _ = select.select([proc.stdout], [], [], 30)
    line = proc.stdout.readline().strip() if ready else ""
    if not line.isdigit():
        proc.kill()
        proc.wait()
        log = (workdir / "provider.log").read_text()
        raise AssertionError(f"the test provider did not start:\n{log}")
    return proc, f"http://127.0.0.1:{line}"


def provider_env(base: str, **extra: str) -> dict[str, str]:
    """The environment an operator would set for this provider (docs/sso.md)."""
    return {
        "OIDC_RP_CLIENT_ID": CLIENT_ID,
        "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{base}/o/authorize/",
        "OIDC_OP_TOKEN_ENDPOINT": f"{base}/o/token/",
        "OIDC_OP_USER_ENDPOINT": f"{base}/o/userinfo/",
        "OIDC_OP_JWKS_ENDPOINT": f"{base}/o/.well-known/jwks.json",
        "OIDC_OP_LOGOUT_ENDPOINT": f"{base}/o/logout/",
        "OIDC_PROVIDER_NAME": "Test ID",
        **extra,
    }


def settings_for(env: dict[str, str]) -> dict:
    """What hundred/settings.py makes of `env` for SSO, CSP's form-action included."""
    sso = sso_settings(env)
    csp = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    csp["DIRECTIVES"]["form-action"] = [*csp["DIRECTIVES"]["form-action"], *sso["SSO_FORM_ACTION"]]
    return {**sso, "CONTENT_SECURITY_POLICY": csp}


def reload_urls() -> None:
    """hundred/urls.py adds /oidc/ when it is imported with SSO on: import it again."""
    importlib.reload(importlib.import_module("hundred.urls"))
    clear_url_caches()


class SingleSignOnTests(LiveServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.workdir = Path(tempfile.mkdtemp(prefix="hundred-oidc-"))
        cls.addClassCleanup(shutil.rmtree, cls.workdir, ignore_errors=True)
        cls.provider, cls.provider_url = start_provider(
            cls.workdir,
            f"{cls.live_server_url}/oidc/callback/",
            f"{cls.live_server_url}/accounts/login/",
        )
        cls.addClassCleanup(cls.stop_provider)
        cls.sso = override_settings(**settings_for(provider_env(cls.provider_url)))
        cls.sso.enable()
        cls.addClassCleanup(reload_urls)
        cls.addClassCleanup(cls.sso.disable)
        reload_urls()

    @classmethod
    def stop_provider(cls):
        cls.provider.terminate()
        try:
            cls.provider.wait(timeout=5)
        except subprocess.TimeoutExpired:
            cls.provider.kill()
            cls.provider.wait()

    def setUp(self):
        hashed = make_password(PASSWORD)
        self.ann = User.objects.create(email="ann@example.org", password=hashed)
        self.una = User.objects.create(email="una@example.org", password=hashed)
        self.coach = User.objects.create(
            email="coach@example.org", password=hashed, role=Role.COACH
        )
        User.objects.create(email="off@example.org", password=hashed, is_active=False)

    # -- the flow, as a browser follows it ---------------------------------------------------

    def sign_in(
        self, email: str, *, allow: bool = True, status: int = 200
    ) -> tuple[requests.Session, requests.Response]:
        browser = requests.Session()
        login = browser.get(f"{self.live_server_url}/accounts/login/?next=/people/")
        button = the_form(login, action="/oidc/authenticate/")
        # Hundred → the provider's authorize endpoint → its log-in page.
        page = browser.get(urljoin(login.url, button["action"]), params=button["fields"])
        self.assertTrue(page.url.startswith(f"{self.provider_url}/login/"), page.url)
        form = the_form(page, method="post")
        data = {**form["fields"], "username": email, "password": PASSWORD}
        # The provider logs in and asks for consent.
        consent = browser.post(page.url, data=data)
        self.assertIn("Authorize Hundred?", consent.text)
        form = the_form(consent, id="authorizationForm")
        data = {**form["fields"], **({"allow": "Authorize"} if allow else {})}
        # Consent → back to Hundred's callback → Hundred's answer.
        answer = browser.post(consent.url, data=data)
        self.assertEqual(answer.status_code, status, answer.url)
        return browser, answer

    def signed_in_as(self, browser: requests.Session) -> str | None:
        page = browser.get(f"{self.live_server_url}/accounts/settings/", allow_redirects=False)
        if page.status_code != 200:
            return None
        return User.objects.get(pk=self.session_user_id(browser)).email

    def session_user_id(self, browser: requests.Session) -> int:
        from django.contrib.sessions.backends.db import SessionStore

        key = browser.cookies.get(settings.SESSION_COOKIE_NAME, domain="localhost.local")
        key = key or next(c.value for c in browser.cookies if c.name == "sessionid")
        return int(SessionStore(session_key=key)["_auth_user_id"])

    def assertRefused(self, answer: requests.Response, sentence: str):
        self.assertEqual(urlsplit(answer.url).path, "/accounts/login/")
        self.assertIn(sentence, answer.text)

    # -- the cases --------------------------------------------------------------------------

    def test_the_login_page_offers_the_provider_and_lets_its_form_go_there(self):
        page = requests.get(f"{self.live_server_url}/accounts/login/")
        self.assertIn("Sign in with Test ID", page.text)
        form_action = next(
            d for d in page.headers["Content-Security-Policy"].split(";") if "form-action" in d
        )
        self.assertIn(self.provider_url, form_action)

    def test_its_routes_are_public_and_take_no_id(self):
        # test_isolation.py walks the URLs of an instance without SSO; these are the ones SSO
        # adds, all reached before anyone is signed in, none naming an object.
        from hundred.tests.test_isolation import all_routes

        added = {r.name: r for r in all_routes() if r.route.startswith("oidc/")}
        expected = {"oidc_authentication_init", "oidc_authentication_callback", "oidc_logout"}
        self.assertEqual(set(added), expected)
        self.assertFalse([r.name for r in added.values() if r.takes_id])

    def test_the_callback_without_a_flow_of_its_own_signs_no_one_in(self):
        # A link someone else made, or a replay: no state of this browser's, so nothing happens.
        browser = requests.Session()
        answer = browser.get(f"{self.live_server_url}/oidc/callback/?code=x&state=y")
        self.assertRefused(answer, "Signing in with Test ID did not work")
        self.assertIsNone(self.signed_in_as(browser))

    def test_in_chromium_the_button_may_send_the_browser_to_the_provider(self):
        # CSP's form-action covers where a form's answer redirects: without the provider's
        # origin in it, Chromium stops at the button. (HTTP clients do not enforce CSP.)
        chromium = find_chromium()
        if chromium is None:
            self.skipTest(f"Chromium not found at {DEBIAN_CHROMIUM}")
        from playwright.sync_api import sync_playwright

        refused: list[str] = []
        with (
            mock.patch.dict(os.environ, {"DJANGO_ALLOW_ASYNC_UNSAFE": "true"}),
            sync_playwright() as playwright,
        ):
            browser = launch(playwright, chromium)
            try:
                page = browser.new_page()
                page.set_default_timeout(15_000)
                page.on("console", lambda m: refused.append(m.text) if "Refused" in m.text else 0)
                page.goto(f"{self.live_server_url}/accounts/login/")
                page.get_by_role("button", name="Sign in with Test ID").click()
                page.wait_for_url(f"{self.provider_url}/login/**")
                page.fill("#id_username", "Ann@Example.org")
                page.fill("#id_password", PASSWORD)
                page.get_by_role("button", name="Log in").click()
                page.get_by_role("button", name="Authorize").click()
                page.wait_for_url(lambda url: url.startswith(self.live_server_url))
                page.goto(f"{self.live_server_url}/accounts/settings/")
                self.assertEqual(urlsplit(page.url).path, "/accounts/settings/")
                self.assertIn("ann@example.org", page.content())
            finally:
                browser.close()
        self.assertEqual(refused, [])

    def test_a_verified_address_signs_in_its_account_whatever_its_case(self):
        browser, answer = self.sign_in("Ann@Example.org")
        self.assertEqual(urlsplit(answer.url).path, "/people/")  # where the person was going
        self.assertEqual(self.signed_in_as(browser), "ann@example.org")

    def test_an_unverified_address_is_refused(self):
        browser, answer = self.sign_in("una@example.org")
        self.assertRefused(answer, "Test ID has not verified the address una@example.org")
        self.assertIsNone(self.signed_in_as(browser))
        # Counted as a failed log-in from this address, like a wrong password.
        self.assertEqual(AccessAttempt.objects.get().failures_since_start, 1)

    def test_an_unknown_address_is_refused_and_no_account_is_made(self):
        browser, answer = self.sign_in("new@example.org")
        self.assertRefused(answer, "There is no account for new@example.org here")
        self.assertIsNone(self.signed_in_as(browser))
        self.assertFalse(User.objects.filter(email="new@example.org").exists())

    def test_an_unknown_address_gets_an_account_when_the_instance_makes_them(self):
        with self.settings(OIDC_CREATE_USERS=True):
            browser, answer = self.sign_in("new@example.org")
        self.assertEqual(self.signed_in_as(browser), "new@example.org")
        made = User.objects.get(email="new@example.org")
        self.assertEqual((made.name, made.role, made.organisation), ("Nia New", Role.SEEKER, None))
        self.assertFalse(made.has_usable_password())

    def test_a_switched_off_account_is_refused(self):
        browser, answer = self.sign_in("off@example.org")
        self.assertRefused(answer, "The account off@example.org is switched off here")
        self.assertIsNone(self.signed_in_as(browser))

    def test_saying_no_at_the_provider_signs_no_one_in(self):
        browser, answer = self.sign_in("Ann@Example.org", allow=False)
        self.assertRefused(answer, "Signing in with Test ID did not work")
        self.assertIsNone(self.signed_in_as(browser))

    def log_out(self, browser: requests.Session) -> requests.Response:
        """Press Log out (a form on every signed-in page) and follow where it leads."""
        page = browser.get(f"{self.live_server_url}/accounts/settings/")
        form = the_form(page, action="/accounts/logout/")
        return browser.post(urljoin(page.url, form["action"]), data=form["fields"])

    def provider_asks_who(self, browser: requests.Session) -> bool:
        """Whether pressing "Sign in with Test ID" again meets the provider's log-in page
        (False: its session is alive and it goes straight to asking for consent). Asked from
        a browser holding only the provider's cookies, since Hundred's log-in page sends a
        signed-in person to Today."""
        probe = requests.Session()
        for cookie in browser.cookies:
            if cookie.name.startswith("provider_"):
                probe.cookies.set_cookie(cookie)
        login = probe.get(f"{self.live_server_url}/accounts/login/")
        button = the_form(login, action="/oidc/authenticate/")
        page = probe.get(urljoin(login.url, button["action"]), params=button["fields"])
        if page.url.startswith(f"{self.provider_url}/login/"):
            return True
        self.assertIn("Authorize Hundred?", page.text)
        return False

    def test_logging_out_ends_the_providers_session_too(self):
        # On a shared computer the next person's "Sign in with …" must not find Ann still
        # signed in at the provider.
        browser, _ = self.sign_in("Ann@Example.org")
        self.assertFalse(self.provider_asks_who(browser))  # the provider remembers her
        answer = self.log_out(browser)
        self.assertTrue(answer.history[0].headers["Location"].startswith(self.provider_url))
        self.assertEqual(answer.url, f"{self.live_server_url}/accounts/login/")
        self.assertEqual(answer.history[0].headers["Clear-Site-Data"], '"cache", "storage"')
        self.assertIsNone(self.signed_in_as(browser))
        self.assertTrue(self.provider_asks_who(browser))

    def test_a_password_log_in_logs_out_of_hundred_only(self):
        browser, _ = self.log_in("ann@example.org")
        answer = self.log_out(browser)
        self.assertEqual(
            [urlsplit(r.url).netloc for r in answer.history],
            [urlsplit(self.live_server_url).netloc],
        )
        self.assertIsNone(self.signed_in_as(browser))

    def test_without_a_logout_endpoint_only_hundreds_session_ends(self):
        browser, _ = self.sign_in("Ann@Example.org")
        with self.settings(OIDC_OP_LOGOUT_ENDPOINT=""):
            answer = self.log_out(browser)
        self.assertFalse(answer.url.startswith(self.provider_url))
        self.assertIsNone(self.signed_in_as(browser))
        self.assertFalse(self.provider_asks_who(browser))

    def log_in(self, email: str, password: str = PASSWORD) -> tuple[requests.Session, str]:
        """Log in with a password on Hundred's page: the browser and the page's text."""
        login = f"{self.live_server_url}/accounts/login/"
        browser = requests.Session()
        form = the_form(browser.get(login), method="post")
        data = {**form["fields"], "username": email, "password": password}
        answer = browser.post(login, data=data)
        return browser, answer

    def test_staff_must_use_the_provider_when_the_instance_says_so(self):
        with self.settings(SSO_REQUIRED_FOR_STAFF=True):
            # The right password, refused, with the way in named.
            browser, refused = self.log_in("coach@example.org")
            self.assertIn("sign in with Test ID here, not with a password", refused.text)
            self.assertIsNone(self.signed_in_as(browser))
            # A job seeker's password still works.
            browser, _ = self.log_in("ann@example.org")
            self.assertEqual(self.signed_in_as(browser), "ann@example.org")
            # The coach signs in through the provider.
            browser, _ = self.sign_in("coach@example.org")
            self.assertEqual(self.signed_in_as(browser), "coach@example.org")
        # Without the setting, the coach's password works again.
        browser, _ = self.log_in("coach@example.org")
        self.assertEqual(self.signed_in_as(browser), "coach@example.org")

    def test_the_lockout_still_counts_wrong_passwords(self):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            _, answer = self.log_in("ann@example.org", "wrong")
            self.assertEqual(answer.status_code, 200)
        _, answer = self.log_in("ann@example.org", "wrong")
        self.assertEqual(answer.status_code, 429)
        # Locked out: the right password does not help, nor does the provider from there.
        _, answer = self.log_in("ann@example.org")
        self.assertEqual(answer.status_code, 429)
        browser, answer = self.sign_in("Ann@Example.org", status=429)
        self.assertIn("Log-in is paused", answer.text)
        self.assertIsNone(self.signed_in_as(browser))


class WithoutSingleSignOnTests(TestCase):
    def test_nothing_changes_without_a_client_id(self):
        self.assertFalse(settings.SSO_ENABLED)
        page = self.client.get("/accounts/login/")
        self.assertNotContains(page, "Sign in with")
        self.assertEqual(self.client.get("/oidc/authenticate/").status_code, 404)
        self.assertNotIn("hundred.accounts.oidc.SSOBackend", settings.AUTHENTICATION_BACKENDS)


# Prints what hundred/settings.py made of the environment it was imported in.
REPORT = """
import json, hundred.settings as s
print(json.dumps({
    "enabled": s.SSO_ENABLED, "backends": s.AUTHENTICATION_BACKENDS,
    "form_action": [str(x) for x in s.CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"]],
    "algo": getattr(s, "OIDC_RP_SIGN_ALGO", None), "name": getattr(s, "OIDC_PROVIDER_NAME", None),
    "create": getattr(s, "OIDC_CREATE_USERS", None), "staff": s.SSO_REQUIRED_FOR_STAFF,
}))
"""


class CheckTests(SimpleTestCase):
    def test_a_client_id_without_the_endpoints_is_an_error(self):
        from hundred.accounts.checks import sso_is_complete

        with self.settings(**sso_settings({"OIDC_RP_CLIENT_ID": "x"})):
            (error,) = sso_is_complete()
        self.assertEqual(error.id, "hundred.E001")
        self.assertIn("OIDC_OP_TOKEN_ENDPOINT", error.msg)
        with self.settings(**sso_settings(provider_env("https://id.example.edu"))):
            self.assertEqual(sso_is_complete(), [])


class ServeRefusesHalfASetUpTests(SimpleTestCase):
    def test_serve_names_what_is_missing_and_exits_2(self):
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("OIDC_", "SSO_"))}
        with tempfile.TemporaryDirectory() as home:
            done = subprocess.run(
                [sys.executable, "-m", "hundred", "serve", "--port", "1"],
                env={
                    **clean,
                    "PYTHONPATH": str(SOURCE_ROOT),
                    "HUNDRED_HOME": home,
                    "OIDC_RP_CLIENT_ID": "hundred",
                },
                capture_output=True,
                text=True,
            )
        self.assertEqual(done.returncode, 2, done.stderr)
        self.assertIn("single sign-on cannot work: OIDC_RP_CLIENT_SECRET", done.stderr)
        self.assertEqual(len(done.stderr.strip().splitlines()), 1, done.stderr)


class SettingsFromTheEnvironmentTests(SimpleTestCase):
    def report(self, **env: str) -> dict:
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("OIDC_", "SSO_"))}
        done = subprocess.run(
            [sys.executable, "-c", REPORT],
            env={**clean, "PYTHONPATH": str(SOURCE_ROOT), **env},
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(done.stdout)

    def test_off_without_a_client_id(self):
        seen = self.report(OIDC_OP_AUTHORIZATION_ENDPOINT="https://id.example.edu/auth")
        self.assertFalse(seen["enabled"])
        self.assertEqual(seen["form_action"], ["'self'"])
        self.assertEqual(seen["backends"][-1], "django.contrib.auth.backends.ModelBackend")

    def test_on_with_one(self):
        base = "https://id.example.edu/realms/centre/protocol/openid-connect"
        env = provider_env(base, SSO_REQUIRED_FOR_STAFF="true")
        env["OIDC_OP_AUTHORIZATION_ENDPOINT"] = f"{base}/auth"
        seen = self.report(**env)
        self.assertTrue(seen["enabled"])
        self.assertEqual(seen["backends"][0], "axes.backends.AxesStandaloneBackend")
        self.assertEqual(seen["backends"][-1], "hundred.accounts.oidc.SSOBackend")
        self.assertEqual(seen["form_action"], ["'self'", "https://id.example.edu"])
        self.assertEqual((seen["algo"], seen["name"]), ("RS256", "Test ID"))
        self.assertEqual((seen["create"], seen["staff"]), (False, True))

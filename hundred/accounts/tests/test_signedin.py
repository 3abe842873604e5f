"""Who is signed in, read with SQL compiled once (accounts/signedin.py, accounts/sessions.py):
the same answers as Django's own `get_user` and database sessions, and log-out, expiry, a
changed password or a deactivated account still end a session on the server."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore as DjangoDbStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.module_loading import import_string

from hundred.accounts.models import User
from hundred.accounts.signedin import get_user, load_user
from hundred.test import BaseTestCase

PAGE = "/people/"


class SignedInTestCase(BaseTestCase):
    def session_row(self) -> Session:
        return Session.objects.get(session_key=self.client.session.session_key)

    def assertSignedIn(self):
        self.assertEqual(self.client.get(PAGE).status_code, 200)

    def assertSignedOut(self):
        r = self.client.get(PAGE)
        self.assertEqual(r.status_code, 302)
        self.assertTrue(r["Location"].startswith("/accounts/login/"))

    def test_sessions_are_kept_in_the_database_not_in_the_cookie(self):
        store = import_string(settings.SESSION_ENGINE + ".SessionStore")
        self.assertTrue(issubclass(store, DjangoDbStore))
        self.login()
        self.assertIn("_auth_user_id", self.session_row().get_decoded())

    def test_a_session_deleted_on_the_server_is_over(self):
        self.login()
        self.assertSignedIn()
        cookie = self.client.cookies[settings.SESSION_COOKIE_NAME].value
        self.client.post("/accounts/logout/")
        self.assertFalse(Session.objects.filter(session_key=cookie).exists())
        self.client.cookies[settings.SESSION_COOKIE_NAME] = cookie  # the old cookie, replayed
        self.assertSignedOut()

    def test_an_expired_session_is_over(self):
        self.login()
        row = self.session_row()
        row.expire_date = timezone.now() - timedelta(seconds=1)
        row.save()
        self.assertSignedOut()

    def test_a_changed_password_ends_other_sessions(self):
        self.login()
        key = self.client.session.session_key
        self.alice.set_password("another-long-passphrase")
        self.alice.save()
        self.assertSignedOut()
        self.assertFalse(Session.objects.filter(session_key=key).exists())  # flushed

    def test_a_deactivated_account_is_signed_out(self):
        self.login()
        User.objects.filter(pk=self.alice.pk).update(is_active=False)
        self.assertSignedOut()

    def test_a_deleted_account_is_signed_out(self):
        self.login(self.bob)
        self.bob.delete()
        self.assertSignedOut()

    def test_it_answers_as_djangos_get_user(self):
        self.login()
        request = RequestFactory().get(PAGE)
        request.session = import_string(settings.SESSION_ENGINE + ".SessionStore")(
            self.client.session.session_key
        )
        ours, theirs = get_user(request), auth.get_user(request)
        self.assertEqual(ours.pk, self.alice.pk)
        self.assertEqual(
            [getattr(ours, f.attname) for f in User._meta.concrete_fields],
            [getattr(theirs, f.attname) for f in User._meta.concrete_fields],
        )
        self.assertFalse(ours._state.adding)
        self.assertEqual(ours._state.db, theirs._state.db)
        # A backend no longer configured: nobody, for both.
        request.session[auth.BACKEND_SESSION_KEY] = "not.a.configured.Backend"
        self.assertIsInstance(get_user(request), AnonymousUser)
        self.assertIsInstance(auth.get_user(request), AnonymousUser)
        # No session at all.
        request.session = import_string(settings.SESSION_ENGINE + ".SessionStore")()
        self.assertIsInstance(get_user(request), AnonymousUser)

    def test_load_user_reads_the_row_as_the_orm_does(self):
        self.alice.last_login = timezone.now()
        self.alice.save()
        loaded, orm = load_user(User, self.alice.pk), User.objects.get(pk=self.alice.pk)
        for field in User._meta.concrete_fields:
            self.assertEqual(getattr(loaded, field.attname), getattr(orm, field.attname), field)
        self.assertEqual(loaded.last_login, orm.last_login)
        self.assertIsNotNone(loaded.last_login.tzinfo)
        self.assertIsNone(load_user(User, 10**12))
        with self.assertRaises(ValueError):
            load_user(User, "1 OR 1=1")

    def test_a_signed_in_page_reads_session_and_account_once_each(self):
        self.login()
        self.client.get(PAGE)
        with CaptureQueriesContext(connection) as captured:
            self.client.get(PAGE)
        sqls = [q["sql"] for q in captured.captured_queries]
        self.assertEqual(sum('"django_session"' in s for s in sqls), 1, sqls)
        self.assertEqual(sum('FROM "accounts_user"' in s for s in sqls), 1, sqls)

"""Invitations: sent by an admin (any role) or a coach (job seekers), accepted by their link."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.test import override_settings
from freezegun import freeze_time

from hundred.accounts.models import Invitation, Role, User
from hundred.centre.models import CoachGrant
from hundred.centre.tests.admin_personas import CentreTestCase
from hundred.test import PASSWORD

INVITE = "/centre/invite/"


def invite_link(message) -> str:
    line = next(line for line in message.body.splitlines() if "/invite/" in line)
    return line.strip().split("testserver", 1)[1]


class SendTestCase(CentreTestCase):
    def test_an_admin_invites_in_any_role_by_mail(self):
        self.login(self.ada)
        r = self.client.post(INVITE, {"email": "Nora@Example.org", "role": "coach"}, follow=True)
        self.assertContains(r, "Invitation sent to nora@example.org (as coach)")
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["nora@example.org"])
        self.assertEqual(message.subject, "Ada Admin invited you to Riverside Careers on Hundred")
        self.assertIn("as a coach", message.body)
        self.assertRegex(invite_link(message), r"^/invite/[\w-]{20,}/$")
        invitation = Invitation.objects.get()
        self.assertEqual(
            (invitation.organisation, invitation.role, invitation.invited_by),
            (self.riverside, Role.COACH, self.ada),
        )
        # Only the hash is kept: the link's secret is nowhere in the database.
        self.assertNotIn(invite_link(message).split("/")[2], invitation.digest)
        self.assertContains(r, "nora@example.org</td>")

    def test_a_coach_invites_job_seekers_only(self):
        self.login(self.cole)
        r = self.client.get(INVITE)
        self.assertContains(r, '<option value="seeker"')
        self.assertNotContains(r, '<option value="coach"')
        r = self.client.post(INVITE, {"email": "nora@example.org", "role": "admin"})
        self.assertContains(r, "Select a valid choice", status_code=400)
        self.assertContains(r, 'value="nora@example.org"', status_code=400)
        self.assertFalse(Invitation.objects.exists())
        self.assertEqual(mail.outbox, [])
        self.client.post(INVITE, {"email": "nora@example.org", "role": "seeker"})
        self.assertEqual(Invitation.objects.get().role, Role.SEEKER)

    def test_job_seekers_and_accounts_without_a_centre_cannot_invite(self):
        for user in (self.alice, self.bob):
            self.login(user)
            r = self.client.post(INVITE, {"email": "nora@example.org", "role": "seeker"})
            self.assertEqual(r.status_code, 404)
        self.assertFalse(Invitation.objects.exists())

    def test_it_refuses_a_bad_address_or_a_member(self):
        self.login(self.ada)
        r = self.client.post(INVITE, {"email": "nora-at-example", "role": "seeker"})
        self.assertContains(r, "valid email address", status_code=400)
        self.assertContains(r, 'value="nora-at-example"', status_code=400)
        r = self.client.post(INVITE, {"email": "Alice@example.org", "role": "coach"})
        self.assertContains(r, "alice@example.org is already a member", status_code=400)
        self.assertFalse(Invitation.objects.exists())

    def test_a_coach_is_not_told_who_is_a_member(self):
        self.login(self.cole)
        r = self.client.post(INVITE, {"email": "alice@example.org", "role": "seeker"})
        self.assertRedirects(r, INVITE, fetch_redirect_response=False)
        self.assertEqual(mail.outbox[0].to, ["alice@example.org"])

    def test_it_limits_mail_to_one_address(self):
        self.login(self.ada)
        for _ in range(3):
            self.client.post(INVITE, {"email": "nora@example.org", "role": "seeker"})
        r = self.client.post(INVITE, {"email": "nora@example.org", "role": "seeker"})
        self.assertEqual(r.status_code, 429)
        self.assertEqual(len(mail.outbox), 3)

    def test_pending_invitations_are_listed_and_revoked(self):
        mine, _ = Invitation.objects.issue(self.riverside, "a@example.org", "seeker", self.cole)
        admins, _ = Invitation.objects.issue(self.riverside, "b@example.org", "coach", self.ada)
        Invitation.objects.issue(self.hillside, "c@example.org", "seeker", self.hugo)
        self.login(self.cole)
        r = self.client.get(INVITE)
        self.assertContains(r, "a@example.org")
        self.assertNotContains(r, "b@example.org")  # a coach sees the ones it sent
        self.assertNotContains(r, "c@example.org")
        r = self.client.post("/centre/invite/revoke/", {"invitation": admins.pk})
        self.assertEqual(r.status_code, 404)
        r = self.client.post("/centre/invite/revoke/", {"invitation": mine.pk})
        self.assertRedirects(r, INVITE, fetch_redirect_response=False)
        self.assertFalse(Invitation.objects.filter(pk=mine.pk).exists())
        self.login(self.ada)
        r = self.client.get(INVITE)
        self.assertContains(r, "b@example.org")
        self.assertNotContains(r, "c@example.org")
        self.client.post("/centre/invite/revoke/", {"invitation": admins.pk})
        self.assertFalse(Invitation.objects.filter(pk=admins.pk).exists())


class AcceptTestCase(CentreTestCase):
    def issue(self, email="nora@example.org", role="seeker", by=None):
        invitation, secret = Invitation.objects.issue(self.riverside, email, role, by or self.ada)
        return invitation, f"/invite/{secret}/"

    def new_account(self, **fields):
        return {"name": "Nora N", "password": PASSWORD, "time_zone": "Europe/Paris", **fields}

    def test_a_new_address_makes_its_account_in_the_role_and_is_logged_in(self):
        invitation, url = self.issue(role="coach")
        r = self.client.get(url)
        self.assertContains(r, "Join Riverside Careers")
        self.assertContains(r, "nora@example.org")
        self.assertContains(r, 'name="password"')
        self.assertFalse(User.objects.filter(email="nora@example.org").exists())
        r = self.client.post(url, self.new_account())
        self.assertRedirects(r, "/welcome/", fetch_redirect_response=False)
        nora = User.objects.get(email="nora@example.org")
        self.assertEqual((nora.role, nora.organisation), (Role.COACH, self.riverside))
        self.assertEqual((nora.name, nora.time_zone), ("Nora N", "Europe/Paris"))
        self.assertTrue(nora.is_active)
        self.assertIsNotNone(nora.email_confirmed_at)
        self.assertTrue(nora.password.startswith("argon2"))
        self.assertEqual(self.client.session["_auth_user_id"], str(nora.pk))
        invitation.refresh_from_db()
        self.assertIsNotNone(invitation.accepted_at)
        # Used once, the link is dead.
        self.client.logout()
        self.assertContains(self.client.get(url), "ask", status_code=404)

    def test_an_admin_lands_on_the_centre_page(self):
        _, url = self.issue(role="admin")
        r = self.client.post(url, self.new_account())
        self.assertRedirects(r, "/centre/", fetch_redirect_response=False)

    def test_it_applies_the_password_validators_and_keeps_what_was_typed(self):
        _, url = self.issue()
        for weak in ("short", "password123", "nora-example-org"):
            with self.subTest(password=weak):
                r = self.client.post(url, self.new_account(password=weak))
                self.assertEqual(r.status_code, 400)
                self.assertContains(r, 'value="Nora N"', status_code=400)
                self.assertContains(r, '<option value="Europe/Paris" selected>', status_code=400)
        self.assertFalse(User.objects.filter(email="nora@example.org").exists())
        self.assertIsNone(Invitation.objects.get().accepted_at)

    def test_unknown_expired_and_revoked_links_say_to_ask_again(self):
        with freeze_time("2026-11-01 10:00Z") as clock:
            invitation, url = self.issue()
            clock.tick(timedelta(days=13, hours=23))
            self.assertEqual(self.client.get(url).status_code, 200)
            clock.tick(timedelta(hours=2))
            for method in ("get", "post"):
                r = getattr(self.client, method)(url, self.new_account())
                self.assertContains(r, "Ask whoever invited you", status_code=404)
        self.assertFalse(User.objects.filter(email="nora@example.org").exists())
        self.assertContains(self.client.get("/invite/nonsense/"), "new invitation", status_code=404)
        invitation, url = self.issue("zed@example.org")
        invitation.delete()
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_the_invited_signed_in_account_joins_in_that_role(self):
        _, url = self.issue("bob@example.org", role="coach")
        self.login(self.bob)
        r = self.client.get(url)
        self.assertContains(r, "Join as coach")
        self.bob.refresh_from_db()
        self.assertIsNone(self.bob.organisation)  # opening the link changes nothing
        r = self.client.post(url, follow=True)
        self.assertContains(r, "You joined Riverside Careers as a coach.")
        self.bob.refresh_from_db()
        self.assertEqual((self.bob.role, self.bob.organisation), (Role.COACH, self.riverside))

    def test_another_signed_in_account_is_told_and_nothing_changes(self):
        invitation, url = self.issue("nora@example.org", role="admin")
        self.login(self.bob)
        for method in ("get", "post"):
            r = getattr(self.client, method)(url)
            self.assertContains(r, "this invitation is for", status_code=403)
        self.bob.refresh_from_db()
        self.assertEqual((self.bob.role, self.bob.organisation), (Role.SEEKER, None))
        invitation.refresh_from_db()
        self.assertIsNone(invitation.accepted_at)

    def test_an_address_with_an_account_logs_in_first(self):
        _, url = self.issue("bob@example.org")
        r = self.client.get(url)
        self.assertContains(r, "There is already an account for this address")
        self.assertContains(r, f"/accounts/login/?next={url}")
        r = self.client.post(url, self.new_account())
        self.bob.refresh_from_db()
        self.assertTrue(self.bob.check_password(PASSWORD))
        self.assertNotEqual(self.bob.name, "Nora N")
        self.assertIsNone(self.bob.organisation)

    def test_an_unconfirmed_sign_up_is_completed_not_doubled(self):
        waiting = User.objects.create_user(
            "nora@example.org", "an-old-pass-phrase-7", is_active=False, email_confirmed_at=None
        )
        _, url = self.issue()
        self.client.post(url, self.new_account())
        waiting.refresh_from_db()
        self.assertTrue(waiting.is_active and waiting.check_password(PASSWORD))
        self.assertEqual(waiting.organisation, self.riverside)
        self.assertEqual(User.objects.filter(email="nora@example.org").count(), 1)

    def test_joining_from_another_centre_ends_the_grants_made_there(self):
        hill_coach = self.make_user("hc@hillside.org", role="coach", organisation=self.hillside)
        bob = self.bob
        bob.organisation = self.hillside
        bob.save()
        grant = CoachGrant.objects.create(seeker=bob, coach=hill_coach)
        _, url = self.issue("bob@example.org")
        self.login(bob)
        self.assertContains(self.client.get(url), "joining moves you")
        self.client.post(url)
        bob.refresh_from_db()
        grant.refresh_from_db()
        self.assertEqual(bob.organisation, self.riverside)
        self.assertFalse(grant.is_active)

    def test_a_coachs_invitation_grants_nothing(self):
        _, url = self.issue(by=self.cole)
        r = self.client.post(url, self.new_account(), follow=True)
        self.assertContains(r, "Cole Coach invited you")
        self.assertFalse(CoachGrant.objects.exists())

    @override_settings(SIGNUP_LIMIT_PER_HOUR=2)
    def test_it_limits_tries_from_one_client(self):
        _, url = self.issue()
        for _ in range(2):
            self.client.post(url, self.new_account(password="short"))
        r = self.client.post(url, self.new_account())
        self.assertEqual(r.status_code, 429)
        self.assertFalse(User.objects.filter(email="nora@example.org").exists())

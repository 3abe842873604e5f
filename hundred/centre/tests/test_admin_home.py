"""The centre admin's page: members, roles, leaving the centre, who may join."""

from __future__ import annotations

from datetime import UTC, datetime

from hundred.accounts.models import Role, SignupMode, User
from hundred.centre.models import CoachGrant
from hundred.centre.tests.admin_personas import CentreTestCase

URL = "/centre/"


class AccessTestCase(CentreTestCase):
    def test_only_a_centre_admin_opens_it(self):
        for user in (self.alice, self.cole, self.bob):
            with self.subTest(user=user.email):
                self.login(user)
                self.assertEqual(self.client.get(URL).status_code, 404)
                self.assertEqual(self.client.post(URL, {"signup_mode": "open"}).status_code, 404)
        self.riverside.refresh_from_db()
        self.assertEqual(self.riverside.signup_mode, SignupMode.INVITE)

    def test_an_admin_with_no_centre_gets_404(self):
        lone = self.make_user("lone@example.org", role=Role.ADMIN)
        self.login(lone)
        self.assertEqual(self.client.get(URL).status_code, 404)

    def test_the_menu_shows_centre_to_admins_only(self):
        self.login(self.ada)
        self.assertContains(self.client.get("/"), 'href="/centre/"')
        for user in (self.alice, self.cole):
            self.login(user)
            self.assertNotContains(self.client.get("/"), 'href="/centre/"')


class MembersTestCase(CentreTestCase):
    def test_it_lists_the_centres_members_and_no_one_else(self):
        User.objects.filter(pk=self.alice.pk).update(
            last_login=datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
        )
        self.login(self.ada)
        r = self.client.get(URL)
        self.assertEqual(r.status_code, 200)
        for email in ("ada@riverside.edu", "cole@riverside.edu", "alice@example.org"):
            self.assertContains(r, email)
        self.assertContains(r, "Alice Seeker")
        self.assertContains(r, "20 Nov 2026")
        self.assertContains(r, "never")  # cole has not logged in
        for other in ("hugo@hillside.org", "bob@example.org", "charlie@example.org"):
            self.assertNotContains(r, other)

    def test_it_shows_no_client_data(self):
        person = self.make_person("Zebulon", "Quartermaine", title="Chief Zookeeper")
        self.make_interaction(person, summary="Asked about the aquarium project")
        self.make_company("Umbrella Aquatics")
        self.login(self.ada)
        r = self.client.get(URL)
        for secret in ("Zebulon", "Quartermaine", "Zookeeper", "aquarium", "Umbrella"):
            self.assertNotContains(r, secret)
        # Nor does the invitation page.
        self.assertNotContains(self.client.get("/centre/invite/"), "Zebulon")

    def test_it_searches_and_pages_the_members(self):
        for n in range(105):
            self.make_user(f"member{n:03d}@riverside.edu", organisation=self.riverside)
        self.login(self.ada)
        r = self.client.get(URL)
        self.assertContains(r, "Page 1 of 2")
        self.assertContains(r, "ada@riverside.edu")
        self.assertNotContains(r, "member099@riverside.edu")
        r = self.client.get(URL, {"page": 2})
        self.assertContains(r, "member099@riverside.edu")
        r = self.client.get(URL, {"q": "Seeker"})
        self.assertContains(r, "alice@example.org")
        self.assertNotContains(r, "member001@riverside.edu")


class ChangeRoleTestCase(CentreTestCase):
    def post(self, member, role):
        return self.client.post("/centre/members/role/", {"member": member.pk, "role": role})

    def test_it_changes_a_members_role(self):
        self.login(self.ada)
        r = self.post(self.alice, "coach")
        self.assertRedirects(r, URL, fetch_redirect_response=False)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.role, Role.COACH)
        self.assertContains(self.client.get(URL), "alice@example.org is now a coach.")

    def test_a_coach_no_more_keeps_no_client(self):
        grant = CoachGrant.objects.create(seeker=self.alice, coach=self.cole)
        self.login(self.ada)
        self.post(self.cole, "seeker")
        grant.refresh_from_db()
        self.assertFalse(grant.is_active)

    def test_a_member_of_another_centre_is_404(self):
        self.login(self.ada)
        for user in (self.hugo, self.bob):
            with self.subTest(user=user.email):
                self.assertEqual(self.post(user, "seeker").status_code, 404)
                user.refresh_from_db()
        self.hugo.refresh_from_db()
        self.assertEqual(self.hugo.role, Role.ADMIN)
        self.assertEqual(
            self.client.post("/centre/members/role/", {"role": "coach"}).status_code, 404
        )

    def test_it_refuses_an_unknown_role(self):
        self.login(self.ada)
        r = self.post(self.alice, "dean")
        self.assertRedirects(r, URL, fetch_redirect_response=False)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.role, Role.SEEKER)
        self.assertContains(self.client.get(URL), "Choose a job seeker, a coach or a centre admin")

    def test_the_last_admin_stays_an_admin(self):
        self.login(self.ada)
        r = self.post(self.ada, "seeker")
        self.assertRedirects(r, URL, fetch_redirect_response=False)
        self.ada.refresh_from_db()
        self.assertEqual(self.ada.role, Role.ADMIN)
        self.assertContains(self.client.get(URL), "the centre&#x27;s only admin")
        # With a second admin, the first may step down.
        self.post(self.cole, "admin")
        self.post(self.ada, "seeker")
        self.ada.refresh_from_db()
        self.assertEqual(self.ada.role, Role.SEEKER)


class RemoveMemberTestCase(CentreTestCase):
    def post(self, member):
        return self.client.post("/centre/members/remove/", {"member": member.pk})

    def test_it_takes_a_member_out_and_keeps_the_account_and_its_data(self):
        person = self.make_person()
        CoachGrant.objects.create(seeker=self.alice, coach=self.cole, with_notes=True)
        self.login(self.ada)
        r = self.post(self.alice)
        self.assertRedirects(r, URL)
        self.alice.refresh_from_db()
        self.assertIsNone(self.alice.organisation)
        self.assertEqual(self.alice.role, Role.SEEKER)
        self.assertTrue(self.alice.is_active)
        self.assertTrue(type(person).objects.filter(pk=person.pk, owner=self.alice).exists())
        self.assertFalse(CoachGrant.objects.active().exists())
        self.assertNotContains(self.client.get(URL), "alice@example.org</td>")

    def test_a_removed_coach_becomes_a_job_seeker_with_no_centre(self):
        self.login(self.ada)
        self.post(self.cole)
        self.cole.refresh_from_db()
        self.assertEqual((self.cole.role, self.cole.organisation), (Role.SEEKER, None))

    def test_it_cannot_remove_someone_of_another_centre(self):
        self.login(self.ada)
        self.assertEqual(self.post(self.hugo).status_code, 404)
        self.hugo.refresh_from_db()
        self.assertEqual(self.hugo.organisation, self.hillside)
        r = self.client.post("/centre/members/remove/", {"member": "x"})
        self.assertEqual(r.status_code, 404)

    def test_the_last_admin_cannot_leave(self):
        self.login(self.ada)
        self.post(self.ada)
        self.ada.refresh_from_db()
        self.assertEqual(self.ada.organisation, self.riverside)


class SignupModeTestCase(CentreTestCase):
    def test_it_saves_the_mode_and_the_domains(self):
        self.login(self.ada)
        data = {
            "signup_mode": "domains",
            "allowed_domains": "@Riverside.edu\n\nstudents.riverside.edu\nriverside.edu",
        }
        r = self.client.post(URL, data)
        self.assertRedirects(r, URL)
        self.riverside.refresh_from_db()
        self.assertEqual(self.riverside.signup_mode, SignupMode.DOMAINS)
        self.assertEqual(self.riverside.domains, ["riverside.edu", "students.riverside.edu"])

    def test_an_open_centre_shows_its_join_link(self):
        self.login(self.ada)
        self.client.post(URL, {"signup_mode": "open", "allowed_domains": ""})
        r = self.client.get(URL)
        self.assertContains(r, f"/join/{self.riverside.pk}-riverside-careers/")

    def test_it_keeps_what_was_typed_when_wrong(self):
        self.login(self.ada)
        cases = [
            (
                {"signup_mode": "domains", "allowed_domains": "riverside.edu\nnot a domain"},
                "is not an e-mail domain",
            ),
            ({"signup_mode": "domains", "allowed_domains": ""}, "Give at least one domain"),
            (
                {"signup_mode": "everyone", "allowed_domains": "riverside.edu"},
                "Select a valid choice",
            ),
        ]
        for data, error in cases:
            with self.subTest(data=data):
                r = self.client.post(URL, data)
                self.assertContains(r, error, status_code=400)
                if data["allowed_domains"]:
                    self.assertContains(r, data["allowed_domains"].splitlines()[0], status_code=400)
                self.riverside.refresh_from_db()
                self.assertEqual(self.riverside.signup_mode, SignupMode.INVITE)
        r = self.client.post(URL, cases[0][0])
        self.assertContains(
            r, 'value="domains" required id="id_signup_mode_2" checked', status_code=400
        )

    def test_it_refuses_a_domain_another_centre_takes(self):
        self.hillside.signup_mode = SignupMode.DOMAINS
        self.hillside.allowed_domains = "hillside.org"
        self.hillside.save()
        self.login(self.ada)
        r = self.client.post(URL, {"signup_mode": "domains", "allowed_domains": "hillside.org"})
        self.assertContains(
            r, "Another centre on this server takes sign-ups at hillside.org", status_code=400
        )
        self.riverside.refresh_from_db()
        self.assertEqual(self.riverside.allowed_domains, "")

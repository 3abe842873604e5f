"""Every centre page answers 404 to whoever may not use it, for every method.

The admin's pages take no id in the URL (which member or invitation comes in the form), so the
every-route walk of hundred/tests/test_isolation.py has nothing to build for them: this walk
covers them by role instead, and posts another centre's ids.
"""

from __future__ import annotations

from django.urls import reverse

from hundred.accounts.models import Invitation
from hundred.centre.tests.admin_personas import CentreTestCase
from hundred.tests.test_isolation import METHODS, PUBLIC, all_routes

# Who besides a centre admin may use each page: a coach sends and revokes invitations.
COACH_MAY = {"centre-invite", "centre-invite-revoke"}


def admin_routes() -> list[str]:
    return sorted(
        {r.name for r in all_routes() if r.name.startswith("centre-") and r.name not in PUBLIC}
    )


class AdminAccessTestCase(CentreTestCase):
    def test_the_walk_finds_the_admin_pages(self):
        self.assertLessEqual(
            {"centre-home", "centre-change-role", "centre-remove-member", "centre-invite"},
            set(admin_routes()),
        )

    def test_job_seekers_and_accounts_without_a_centre_get_404(self):
        for user in (self.alice, self.bob):
            self.login(user)
            for name in admin_routes():
                url = reverse(name)
                with self.subTest(user=user.email, url=url):
                    statuses = {m: getattr(self.client, m)(url).status_code for m in METHODS}
                    self.assertLessEqual(set(statuses.values()), {404, 405})
                    self.assertIn(404, (statuses["get"], statuses["post"]))

    def test_a_coach_gets_404_on_the_admin_pages(self):
        self.login(self.cole)
        for name in admin_routes():
            if name in COACH_MAY:
                continue
            with self.subTest(url=name):
                for method in ("get", "post"):
                    status = getattr(self.client, method)(reverse(name)).status_code
                    self.assertIn(status, (404, 405))

    def test_another_centres_admin_cannot_touch_this_centres_members(self):
        invitation, _ = Invitation.objects.issue(self.riverside, "new@example.org", "coach")
        self.login(self.hugo)
        posts = {
            "centre-change-role": {"member": self.alice.pk, "role": "coach"},
            "centre-remove-member": {"member": self.alice.pk},
            "centre-invite-revoke": {"invitation": invitation.pk},
        }
        for name, data in posts.items():
            with self.subTest(url=name):
                self.assertEqual(self.client.post(reverse(name), data).status_code, 404)
        self.alice.refresh_from_db()
        self.assertEqual((self.alice.role, self.alice.organisation), ("seeker", self.riverside))
        self.assertTrue(Invitation.objects.filter(pk=invitation.pk).exists())
        # Hugo's own page shows none of Riverside's people.
        r = self.client.get(reverse("centre-home"))
        self.assertNotContains(r, "alice@example.org")
        self.assertNotContains(r, "riverside")

"""The job seeker's /coaching/ page: grant, revoke, and the log of every coach view."""

from __future__ import annotations

from django.urls import reverse

from hundred.accounts.models import Role
from hundred.centre.models import CoachGrant, CoachView
from hundred.centre.tests.base import CentreTestCase

URL = reverse("coaching")


class CoachingPageTestCase(CentreTestCase):
    def test_it_offers_the_coaches_of_the_centre_only(self):
        self.login()
        r = self.client.get(URL)
        self.assertContains(r, "cora@north.example")
        self.assertContains(r, "carl@north.example")
        self.assertNotContains(r, "sam@south.example")
        self.assertNotContains(r, "ada@north.example")

    def test_it_grants_a_coach_with_or_without_notes(self):
        self.login()
        r = self.client.post(URL, {"action": "grant", "coach": self.coach.pk})
        self.assertRedirects(r, URL)
        grant = CoachGrant.objects.get(seeker=self.alice, coach=self.coach)
        self.assertFalse(grant.with_notes)
        self.assertIsNone(grant.revoked_at)
        # Granting again changes what is included; still one grant.
        self.client.post(URL, {"action": "grant", "coach": self.coach.pk, "with_notes": "on"})
        self.assertEqual(CoachGrant.objects.for_coach(self.coach).count(), 1)
        self.assertTrue(CoachGrant.objects.get(coach=self.coach).with_notes)

    def test_it_refuses_a_coach_of_another_centre(self):
        self.login()
        r = self.client.post(URL, {"action": "grant", "coach": self.far_coach.pk})
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, "Choose a coach of your centre", status_code=400)
        self.assertFalse(CoachGrant.objects.exists())

    def test_it_refuses_an_admin_as_coach(self):
        self.login()
        self.client.post(URL, {"action": "grant", "coach": self.admin.pk})
        self.assertFalse(CoachGrant.objects.exists())

    def test_it_revokes_and_the_coach_loses_access_on_the_next_request(self):
        self.grant()
        client_url = reverse("coach-client-today", args=[self.alice.pk])
        self.login(self.coach)
        self.assertEqual(self.client.get(client_url).status_code, 200)
        self.login()
        r = self.client.post(URL, {"action": "revoke", "coach": self.coach.pk})
        self.assertRedirects(r, URL)
        self.assertIsNotNone(CoachGrant.objects.get(coach=self.coach).revoked_at)
        self.login(self.coach)
        self.assertEqual(self.client.get(client_url).status_code, 404)

    def test_it_says_so_when_there_is_nothing_to_revoke(self):
        self.login()
        r = self.client.post(URL, {"action": "revoke", "coach": self.coach.pk}, follow=True)
        self.assertContains(r, "has no access")

    def test_it_shows_every_coach_view_in_the_log(self):
        self.grant()
        self.login(self.coach)
        self.client.get(reverse("coach-client-insights", args=[self.alice.pk]))
        self.client.get(reverse("coach-client-people", args=[self.alice.pk]))
        self.assertEqual(
            list(CoachView.objects.filter(seeker=self.alice).values_list("page", flat=True)),
            ["People", "Insights"],
        )
        self.login()
        r = self.client.get(URL)
        self.assertContains(r, "<td>Cora Coach</td><td>People</td>", html=False)
        self.assertContains(r, "<td>Cora Coach</td><td>Insights</td>", html=False)

    def test_the_dashboard_and_the_csv_are_in_the_log_of_each_client_they_show(self):
        self.grant()
        self.login(self.coach)
        self.client.get(reverse("coach-dashboard"))
        self.client.get(reverse("coach-report"))
        self.client.get(reverse("coach-dashboard") + "?q=nobody-matches")
        self.assertEqual(
            sorted(CoachView.objects.filter(seeker=self.alice).values_list("page", flat=True)),
            ["dashboard", "figures report (CSV)"],
        )

    def test_the_log_is_paginated(self):
        self.grant()
        CoachView.objects.bulk_create(
            CoachView(seeker=self.alice, coach=self.coach, page="Today") for _ in range(55)
        )
        self.login()
        r = self.client.get(URL)
        self.assertContains(r, "Page 1 of 2")
        self.assertEqual(len(r.context["log"].object_list), 50)
        self.assertEqual(len(self.client.get(URL + "?page=2").context["log"].object_list), 5)

    def test_it_is_404_for_a_seeker_without_a_centre_and_for_coaches(self):
        self.login(self.bob)
        self.assertEqual(self.client.get(URL).status_code, 404)
        self.login(self.coach)
        self.assertEqual(self.client.get(URL).status_code, 404)

    def test_the_menu_shows_coaching_to_a_seeker_in_a_centre_and_clients_to_a_coach(self):
        self.login()
        self.assertContains(self.client.get(reverse("network-today")), 'href="/coaching/"')
        self.login(self.bob)
        r = self.client.get(reverse("network-today"))
        self.assertNotContains(r, 'href="/coaching/"')
        self.assertNotContains(r, 'href="/coach/"')
        self.login(self.coach)
        self.assertEqual(self.coach.role, Role.COACH)
        self.assertContains(self.client.get(reverse("network-today")), 'href="/coach/"')

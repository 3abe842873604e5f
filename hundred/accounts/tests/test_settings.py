from datetime import UTC, datetime

from freezegun import freeze_time

from hundred.test import BaseTestCase

URL = "/accounts/settings/"


class AccountSettingsTestCase(BaseTestCase):
    def test_it_shows_the_account(self):
        self.login()
        r = self.client.get(URL)
        self.assertContains(r, "alice@example.org")
        self.assertContains(r, '<option value="UTC" selected>')

    @freeze_time("2026-12-06 16:00:00+00:00")
    def test_it_says_which_zone_is_in_force(self):
        self.alice.time_zone = "America/New_York"
        self.alice.save(update_fields=["time_zone"])
        self.login()
        r = self.client.get(URL)
        self.assertContains(
            r, "Your time zone is <strong>America/New_York</strong>: it is Sunday 6 December, 11:00"
        )
        # The script shows this when the browser is elsewhere.
        self.assertContains(r, 'data-browser-zone-differs="America/New_York"')

    def test_it_saves_the_time_zone(self):
        self.login()
        r = self.client.post(URL, {"time_zone": "America/Chicago"})
        self.assertRedirects(r, URL)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.time_zone, "America/Chicago")

    def test_it_refuses_an_unknown_time_zone(self):
        self.login()
        r = self.client.post(URL, {"time_zone": "Atlantis/Capital"})
        self.assertContains(r, "not one of the available choices")
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.time_zone, "UTC")

    def test_it_changes_only_the_signed_in_account(self):
        self.login(self.bob)
        self.client.post(URL, {"time_zone": "Asia/Kolkata"})
        self.alice.refresh_from_db()
        self.bob.refresh_from_db()
        self.assertEqual(self.alice.time_zone, "UTC")
        self.assertEqual(self.bob.time_zone, "Asia/Kolkata")


class TimeZoneMiddlewareTestCase(BaseTestCase):
    """Dates and times show in the account's own zone, whatever the server's."""

    clock = freeze_time("2025-03-10 20:30:00+00:00")

    def setUp(self):
        self.person = self.make_person()
        self.make_interaction(
            self.person, occurred_at=datetime(2025, 3, 10, 20, 30, tzinfo=UTC), summary="Call"
        )

    def test_it_shows_times_in_utc_for_a_utc_account(self):
        self.login()
        r = self.client.get(self.person.get_absolute_url())
        self.assertContains(r, "Mon 10 Mar 2025, 20:30")

    def test_it_shows_times_in_the_account_zone(self):
        # Auckland is UTC+13 in March: 20:30 on Monday is 09:30 on Tuesday there.
        self.alice.time_zone = "Pacific/Auckland"
        self.alice.save(update_fields=["time_zone"])
        self.login()
        r = self.client.get(self.person.get_absolute_url())
        self.assertContains(r, "Tue 11 Mar 2025, 09:30")
        self.assertNotContains(r, "20:30")

    def test_it_dates_today_in_the_account_zone(self):
        self.alice.time_zone = "Pacific/Auckland"
        self.alice.save(update_fields=["time_zone"])
        self.login()
        self.assertContains(self.client.get("/"), "Tuesday 11 March")
        self.alice.time_zone = "America/Los_Angeles"
        self.alice.save(update_fields=["time_zone"])
        self.assertContains(self.client.get("/"), "Monday 10 March")

    def test_it_reads_a_typed_time_in_the_account_zone(self):
        self.alice.time_zone = "Europe/Berlin"
        self.alice.save(update_fields=["time_zone"])
        self.login()
        self.client.post(
            f"/people/{self.person.pk}/log/",
            {"channel": "phone", "direction": "in", "occurred_at": "2025-03-10T09:00"},
        )
        logged = self.person.interactions.get(channel="phone")
        self.assertEqual(logged.occurred_at, datetime(2025, 3, 10, 8, 0, tzinfo=UTC))

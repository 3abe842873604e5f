import zoneinfo

from django.db import IntegrityError, transaction
from freezegun import freeze_time

from hundred.accounts.models import User
from hundred.test import PASSWORD, BaseTestCase


class UserModelTestCase(BaseTestCase):
    def test_it_stores_the_address_lower_cased(self):
        user = User.objects.create_user("Dana.Scully@FBI.example", PASSWORD)
        self.assertEqual(user.email, "dana.scully@fbi.example")

    def test_it_needs_an_address(self):
        with self.assertRaises(ValueError):
            User.objects.create_user("", PASSWORD)

    def test_it_keeps_addresses_unique(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            User.objects.create(email="alice@example.org")

    def test_it_finds_an_account_by_address_in_any_case(self):
        self.assertEqual(User.objects.get_by_natural_key("ALICE@example.ORG"), self.alice)

    def test_it_hashes_passwords_with_argon2(self):
        self.assertTrue(self.alice.password.startswith("argon2"))
        self.assertTrue(self.alice.check_password(PASSWORD))

    def test_it_makes_superusers(self):
        admin = User.objects.create_superuser("root@example.org", PASSWORD)
        self.assertTrue(admin.is_staff)
        self.assertTrue(admin.is_superuser)
        self.assertFalse(self.alice.is_staff)

    def test_it_gives_its_time_zone(self):
        self.alice.time_zone = "Europe/Lisbon"
        self.assertEqual(self.alice.tzinfo, zoneinfo.ZoneInfo("Europe/Lisbon"))

    def test_it_falls_back_to_utc_for_a_zone_that_is_gone(self):
        self.alice.time_zone = "Nowhere/Gone"
        self.assertEqual(self.alice.tzinfo, zoneinfo.ZoneInfo("UTC"))

    @freeze_time("2025-06-30 23:30:00+00:00")
    def test_it_knows_its_local_date(self):
        self.alice.time_zone = "Asia/Tokyo"
        self.assertEqual(str(self.alice.local_today()), "2025-07-01")
        self.alice.time_zone = "America/New_York"
        self.assertEqual(str(self.alice.local_today()), "2025-06-30")

    def test_it_is_shown_by_its_address(self):
        self.assertEqual(str(self.alice), "alice@example.org")

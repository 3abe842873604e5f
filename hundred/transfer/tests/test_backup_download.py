"""The backup from the Import & export page: the calendar feed's secret only when asked for."""

from __future__ import annotations

import json

from django.urls import reverse

from hundred.test import BaseTestCase
from hundred.transfer.models import CalendarFeed


class BackupDownloadTestCase(BaseTestCase):
    def setUp(self):
        self.login()
        self.feed = CalendarFeed.objects.create(owner=self.alice)
        self.url = reverse("transfer-export", args=["json"])

    def test_the_backup_leaves_the_feed_address_out_by_default(self):
        backup = json.loads(self.client.get(self.url).content)
        self.assertEqual(backup["version"], 2)
        self.assertIsNone(backup["calendar_feed"])
        self.assertNotIn(self.feed.token.encode(), self.client.get(self.url).content)

    def test_the_page_offers_the_backup_with_the_feed_address(self):
        self.assertContains(self.client.get(reverse("transfer-index")), f"{self.url}?feed=1")
        backup = json.loads(self.client.get(self.url, {"feed": "1"}).content)
        self.assertEqual(backup["calendar_feed"]["token"], self.feed.token)

"""Each tick of the worker computes the Insights pages due (insight/kept.py)."""

from freezegun import freeze_time

from hundred.accounts.models import User
from hundred.insight.models import KeptPage
from hundred.mail.worker import run_once
from hundred.test import BaseTestCase


class WorkerComputesInsightsTestCase(BaseTestCase):
    clock = freeze_time("2026-11-11 10:00:00+00:00")

    def test_a_tick_computes_the_page_of_an_account_changed_with_no_web_request(self):
        self.make_person()
        self.login()
        self.assertEqual(self.client.get("/insights/").status_code, 200)
        self.alice.mark_data_changed()  # as a command does
        self.assertEqual(run_once()["insights"], 1)
        stamp = User.objects.get(pk=self.alice.pk).data_stamp
        self.assertEqual(KeptPage.objects.get(account=self.alice).stamp, stamp)
        self.assertEqual(run_once()["insights"], 0)

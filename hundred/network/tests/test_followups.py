"""The follow-up rules through the web and the actions, with frozen time.

The dates follow docs/follow-up-rules.md: an email on Tue 3 Nov 2026, a phone call due Tue
10 Nov, a letter due Tue 17 Nov, then a pause until Sat 16 Jan 2027.
"""

from datetime import UTC, date, datetime

from freezegun import freeze_time

from hundred.network.actions.outreach import do_record_outreach
from hundred.network.models import FollowUp, FollowUpSettings, Interaction, Person
from hundred.test import REACHABLE, BaseTestCase


def open_no_reply(person):
    return FollowUp.objects.filter(person=person, reason="no_reply", state="open")


class FollowUpEngineTestCase(BaseTestCase):
    def setUp(self):
        # Reachable on every channel, so the rotation is the plain one.
        self.maya = self.make_person(**REACHABLE)
        # At the class clock (WEDNESDAY, 25 Nov 2026): a session lasts two weeks, so it is
        # still good at every moment up to 20 Nov that the tests freeze; later ones log in again.
        self.login()

    def outreach(self, when: str, channel: str = "email"):
        with freeze_time(when):
            do_record_outreach(self.alice, [(self.maya, "Twenty minutes?")], channel=channel)
        self.maya.refresh_from_db()

    def done(self, followup, when: str):
        with freeze_time(when):
            r = self.client.post(f"/follow-ups/{followup.pk}/done/")
        # Back to Today, not to the log-in page: an expired session redirects too.
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        self.maya.refresh_from_db()

    def test_it_plans_the_next_attempt_after_an_outreach(self):
        self.outreach("2026-11-03 09:00:00+00:00")
        planned = open_no_reply(self.maya).get()
        self.assertEqual(
            (planned.due_on, planned.channel, planned.attempt), (date(2026, 11, 10), "phone", 2)
        )
        self.assertEqual(self.maya.stage, "asked")

    def test_it_rotates_channels_then_pauses_at_the_cap_and_brings_the_person_back(self):
        self.outreach("2026-11-03 09:00:00+00:00")
        self.done(open_no_reply(self.maya).get(), "2026-11-10 09:00:00+00:00")
        third = open_no_reply(self.maya).get()
        self.assertEqual(
            (third.due_on, third.channel, third.attempt), (date(2026, 11, 17), "letter", 3)
        )
        self.done(third, "2026-11-17 09:00:00+00:00")
        self.assertEqual(self.maya.stage, "paused")
        self.assertEqual(self.maya.paused_until, date(2027, 1, 16))
        self.assertFalse(open_no_reply(self.maya).exists())
        channels = list(
            Interaction.objects.filter(people=self.maya, is_outreach=True)
            .order_by("occurred_at")
            .values_list("channel", flat=True)
        )
        self.assertEqual(channels, ["email", "phone", "letter"])

        # Still paused the day before; back on the list when Today loads on the day.
        with freeze_time("2027-01-15 12:00:00+00:00"):
            self.login()  # a fresh session: the old one has expired by now
            self.assertEqual(self.client.get("/").status_code, 200)
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, "paused")
        with freeze_time("2027-01-16 08:00:00+00:00"):
            self.login()
            r = self.client.get("/")
        self.assertContains(r, "back on your list")
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, "listed")

        # A fresh round: the new outreach is attempt 1 again, so attempt 2 gets planned.
        self.outreach("2027-01-18 09:00:00+00:00")
        self.assertEqual(open_no_reply(self.maya).get().attempt, 2)

    def test_a_reply_cancels_pending_no_reply_follow_ups_only(self):
        self.outreach("2026-11-03 09:00:00+00:00")
        thanks = self.make_followup(self.maya, due_on=date(2026, 11, 12), reason="thank_you")
        with freeze_time("2026-11-09 09:00:00+00:00"):
            r = self.client.post(
                f"/people/{self.maya.pk}/log/",
                {
                    "channel": "email",
                    "direction": "in",
                    "occurred_at": "2026-11-09T08:30",
                    "summary": "Happy to talk!",
                },
            )
        self.assertEqual(r.status_code, 302)
        cancelled = FollowUp.objects.get(person=self.maya, reason="no_reply")
        self.assertEqual(cancelled.state, "skipped")
        self.assertIn("they replied on 2026-11-09", cancelled.note)
        thanks.refresh_from_db()
        self.assertEqual(thanks.state, "open")

    def test_the_pest_guard_refuses_an_attempt_too_soon_and_records_an_override(self):
        self.outreach("2026-11-03 09:00:00+00:00")
        url = f"/people/{self.maya.pk}/follow-up/"
        form = {"due_on": "2026-11-09", "channel": "phone", "reason": "no_reply"}
        with freeze_time("2026-11-04 09:00:00+00:00"):
            r = self.client.post(url, form)
            self.assertEqual(r.status_code, 400)
            self.assertContains(r, "the earliest is Tue 10 Nov", status_code=400)
            self.assertEqual(FollowUp.objects.filter(due_on=date(2026, 11, 9)).count(), 0)

            r = self.client.post(url, {**form, "due_on": "2026-11-10"})
            self.assertEqual(r.status_code, 302)
            self.assertFalse(FollowUp.objects.get(due_on=date(2026, 11, 10), note="").is_override)

            r = self.client.post(url, {**form, "override": "on"})
            self.assertEqual(r.status_code, 302)
        forced = FollowUp.objects.get(due_on=date(2026, 11, 9))
        self.assertTrue(forced.is_override)

    def test_the_pest_guard_refuses_past_the_cap(self):
        settings = FollowUpSettings.objects.get_for(self.alice)
        settings.max_attempts = 1
        settings.save()
        self.outreach("2026-11-03 09:00:00+00:00")
        self.assertEqual(self.maya.stage, "paused")
        with freeze_time("2026-11-20 09:00:00+00:00"):
            r = self.client.post(
                f"/people/{self.maya.pk}/follow-up/",
                {"due_on": "2026-11-23", "channel": "phone", "reason": "no_reply"},
            )
        self.assertContains(r, "the most this account allows", status_code=400)

    def test_rescheduling_an_attempt_too_early_needs_the_override(self):
        self.outreach("2026-11-03 09:00:00+00:00")
        planned = open_no_reply(self.maya).get()
        url = f"/follow-ups/{planned.pk}/reschedule/"
        with freeze_time("2026-11-04 09:00:00+00:00"):
            r = self.client.post(url, {"due_on": "2026-11-05"})
            self.assertContains(r, "the earliest is Tue 10 Nov", status_code=400)
            r = self.client.post(url, {"due_on": "2026-11-05", "override": "on"})
        self.assertEqual(r.status_code, 302)
        planned.refresh_from_db()
        self.assertEqual((planned.due_on, planned.is_override), (date(2026, 11, 5), True))

    def test_a_follow_up_done_logs_its_interaction(self):
        thanks = self.make_followup(
            self.maya, due_on=date(2026, 11, 9), reason="thank_you", channel="letter"
        )
        with freeze_time("2026-11-09 15:00:00+00:00"):
            r = self.client.post(f"/follow-ups/{thanks.pk}/done/", {"summary": "Card sent."})
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        thanks.refresh_from_db()
        self.assertEqual(thanks.state, "done")
        self.assertEqual(thanks.done_at, datetime(2026, 11, 9, 15, tzinfo=UTC))
        logged = thanks.interaction
        self.assertEqual(
            (logged.channel, logged.direction, logged.summary, logged.is_outreach),
            ("letter", "out", "Card sent.", False),
        )
        self.assertEqual(list(logged.people.all()), [self.maya])

    def test_snooze_and_skip(self):
        a = self.make_followup(self.maya, due_on=date(2026, 11, 6))
        b = self.make_followup(self.maya, due_on=date(2026, 11, 6))
        with freeze_time("2026-11-06 09:00:00+00:00"):
            self.client.post(f"/follow-ups/{a.pk}/snooze/", {"days": "1"})
            self.client.post(f"/follow-ups/{b.pk}/skip/")
        a.refresh_from_db()
        b.refresh_from_db()
        self.assertEqual((a.due_on, a.state), (date(2026, 11, 9), "open"))  # Fri + 1 -> Mon
        self.assertEqual(b.state, "skipped")

    def test_it_counts_in_the_account_time_zone_and_settings(self):
        self.alice.time_zone = "Pacific/Kiritimati"  # UTC+14: 12:00 UTC Tue is Wed there
        self.alice.save(update_fields=["time_zone"])
        settings = FollowUpSettings.objects.get_for(self.alice)
        r = self.client.post(
            "/settings/follow-ups/",
            {
                "no_reply_business_days": 3,
                "max_attempts": 3,
                "min_spacing_business_days": 3,
                "pause_days": 60,
                "thank_you_days": 1,
                "keep_in_touch_close_days": 30,
                "keep_in_touch_friendly_days": 60,
                "keep_in_touch_distant_days": 90,
                "holidays": "2026-11-09  # a day off\n",
                "asks_per_week": 5,
                "meetings_per_week": 2,
                "rotation_1": "email",
                "rotation_2": "phone",
            },
        )
        self.assertEqual(r.status_code, 302)
        settings.refresh_from_db()
        self.assertEqual(settings.as_rules().holidays, (date(2026, 11, 9),))
        self.outreach("2026-11-03 12:00:00+00:00")
        # Wed 4 Nov local + 3 business days, skipping the weekend and Mon 9 Nov -> Tue 10 Nov
        # (counted from Tue 3 Nov in UTC it would be Fri 6 Nov).
        self.assertEqual(open_no_reply(self.maya).get().due_on, date(2026, 11, 10))

    def test_the_settings_have_one_minimum_in_the_form_the_model_and_the_html(self):
        good = {
            "no_reply_business_days": 5,
            "max_attempts": 3,
            "min_spacing_business_days": 5,
            "pause_days": 60,
            "thank_you_days": 1,
            "keep_in_touch_close_days": 30,
            "keep_in_touch_friendly_days": 60,
            "keep_in_touch_distant_days": 90,
            "holidays": "",
            "asks_per_week": 5,
            "meetings_per_week": 2,
            "rotation_1": "email",
        }
        page = self.client.get("/settings/follow-ups/")
        self.assertContains(page, 'name="max_attempts" value="3" min="1"')
        self.assertContains(page, 'name="thank_you_days" value="1" min="0"')  # 0 = same day
        for value in ("-3", "0"):
            with self.subTest(max_attempts=value):
                r = self.client.post("/settings/follow-ups/", {**good, "max_attempts": value})
                self.assertContains(r, "greater than or equal to 1.")
                self.assertNotContains(r, "greater than or equal to 0.")
                self.assertContains(r, f'name="max_attempts" value="{value}" min="1"')
        self.assertEqual(FollowUpSettings.objects.get_for(self.alice).max_attempts, 3)
        r = self.client.post("/settings/follow-ups/", {**good, "thank_you_days": 0})
        self.assertEqual(r.status_code, 302)

    def test_the_settings_page_refuses_a_bad_holiday(self):
        r = self.client.post(
            "/settings/follow-ups/",
            {
                "no_reply_business_days": 5,
                "max_attempts": 3,
                "min_spacing_business_days": 5,
                "pause_days": 60,
                "thank_you_days": 1,
                "keep_in_touch_close_days": 30,
                "keep_in_touch_friendly_days": 60,
                "keep_in_touch_distant_days": 90,
                "holidays": "2026-12-25\n25/12/2026",
                "asks_per_week": 5,
                "meetings_per_week": 2,
                "rotation_1": "email",
            },
        )
        self.assertContains(r, "Line 2 (&quot;25/12/2026&quot;) is not a date")
        self.assertEqual(FollowUpSettings.objects.get(owner=self.alice).holidays, "")

    def settings_form(self, **fields) -> dict:
        form = {
            "no_reply_business_days": 5,
            "max_attempts": 3,
            "min_spacing_business_days": 5,
            "pause_days": 60,
            "thank_you_days": 1,
            "keep_in_touch_close_days": 30,
            "keep_in_touch_friendly_days": 60,
            "keep_in_touch_distant_days": 90,
            "holidays": "",
            "asks_per_week": 5,
            "meetings_per_week": 2,
        }
        return {**form, **fields}

    def test_the_channel_order_is_a_setting_the_engine_follows(self):
        r = self.client.get("/settings/follow-ups/")
        # The documented default, one select a place, the rest empty.
        self.assertEqual(
            [r.context["form"][f"rotation_{i}"].value() for i in range(1, 6)],
            ["email", "phone", "letter", "linkedin", ""],
        )
        r = self.client.post(
            "/settings/follow-ups/",
            self.settings_form(rotation_1="linkedin", rotation_3="phone", rotation_2=""),
        )
        self.assertRedirects(r, "/settings/follow-ups/")
        settings = FollowUpSettings.objects.get(owner=self.alice)
        self.assertEqual(settings.channel_rotation, ["linkedin", "phone"])
        self.assertEqual(settings.as_rules().channel_rotation, ("linkedin", "phone"))
        # A LinkedIn message first: the follow-up is a call, then back to LinkedIn (the only
        # other channel there is).
        self.outreach("2026-11-03 09:00:00+00:00", channel="linkedin")
        self.assertEqual(open_no_reply(self.maya).get().channel, "phone")

    def test_the_channel_order_needs_a_channel_and_each_once(self):
        r = self.client.post(
            "/settings/follow-ups/", self.settings_form(rotation_1="email", rotation_2="email")
        )
        self.assertContains(r, "E-mail is already in the order: each channel once.")
        r = self.client.post("/settings/follow-ups/", self.settings_form())
        self.assertContains(r, "This field is required.")
        settings = FollowUpSettings.objects.get_for(self.alice)
        self.assertEqual(settings.channel_rotation, ["email", "phone", "letter", "linkedin"])

    def test_a_bad_stored_channel_order_falls_back_to_the_default(self):
        settings = FollowUpSettings.objects.get_for(self.alice)
        FollowUpSettings.objects.filter(pk=settings.pk).update(channel_rotation=["fax"])
        settings.refresh_from_db()
        self.assertEqual(
            settings.as_rules().channel_rotation, ("email", "phone", "letter", "linkedin")
        )

    def test_the_settings_page_is_linked_from_account_settings(self):
        self.assertContains(self.client.get("/accounts/settings/"), 'href="/settings/follow-ups/"')


class AfterMeetingTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def debrief(self, person, starts_at):
        meeting = self.make_meeting(person, starts_at=starts_at)
        r = self.client.post(f"/meetings/{meeting.pk}/debrief/", {"advice": "Talk to Ann."})
        self.assertEqual(r.status_code, 302)
        return meeting

    @freeze_time("2026-11-06 17:00:00+00:00")
    def test_a_thank_you_is_due_the_next_business_day(self):
        maya = self.make_person()
        self.debrief(maya, datetime(2026, 11, 6, 10, tzinfo=UTC))  # a Friday
        thanks = FollowUp.objects.get(person=maya, reason="thank_you")
        self.assertEqual(thanks.due_on, date(2026, 11, 9))

    @freeze_time("2026-03-02 17:00:00+00:00")
    def test_keep_in_touch_by_closeness(self):
        cases = [(1, date(2026, 4, 1)), (2, date(2026, 5, 1)), (3, date(2026, 6, 1))]
        for closeness, due in cases:
            with self.subTest(closeness=closeness):
                person = self.make_person(f"P{closeness}", closeness=closeness)
                self.debrief(person, datetime(2026, 3, 2, 9, tzinfo=UTC))
                keep = FollowUp.objects.get(person=person, reason="keep_in_touch")
                self.assertEqual(keep.due_on, due)

    @freeze_time("2026-04-01 09:00:00+00:00")
    def test_a_keep_in_touch_done_plans_the_next(self):
        person = self.make_person(closeness=1)
        keep = self.make_followup(person, due_on=date(2026, 4, 1), reason="keep_in_touch")
        self.client.post(f"/follow-ups/{keep.pk}/done/")
        nxt = FollowUp.objects.get(person=person, reason="keep_in_touch", state="open")
        self.assertEqual(nxt.due_on, date(2026, 5, 1))
        self.assertEqual(Person.objects.get(pk=person.pk).interactions.count(), 1)

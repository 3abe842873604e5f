"""The pest guard on every path that records an outreach attempt, and its override.

One story, in September 2026: Maya is e-mailed on Tue 15 Sep; the engine plans a phone call for
Tue 22 Sep. Two business days later, Thu 17 Sep, is too soon for anything: the follow-up's Done,
the composer, a hand-logged outreach. Each refuses with the earliest date, keeps what was typed,
and offers an override that is recorded and shown on the timeline.
"""

from __future__ import annotations

from datetime import date

from freezegun import freeze_time

from hundred.network.actions.followups import (
    PestGuard,
    do_complete_followup,
    do_schedule_followup,
    guard_attempt,
)
from hundred.network.actions.outreach import do_record_outreach
from hundred.network.actions.people import do_log_interaction
from hundred.network.models import FollowUp, FollowUpSettings, Interaction
from hundred.test import REACHABLE, BaseTestCase

TUE_15 = "2026-09-15 09:00:00+00:00"
WED_16 = "2026-09-16 09:00:00+00:00"
THU_17 = "2026-09-17 09:00:00+00:00"
TUE_22 = "2026-09-22 09:00:00+00:00"

CLEAN = (
    "Hi Maya,\n\nI'm looking for an opportunity to use my financial analysis skills in a "
    "non-profit organisation in the Boston area.\n\nCould I have 15–20 minutes of your advice, "
    "and the names of people I should talk to?\n\nThank you,\nalice"
)


def open_attempt(person) -> FollowUp:
    return FollowUp.objects.get(person=person, reason="no_reply", state="open")


def outreach_count(person) -> int:
    return Interaction.objects.filter(people=person, direction="out", is_outreach=True).count()


class GuardBase(BaseTestCase):
    def setUp(self):
        # Reachable on every channel, so the rotation is the plain one.
        self.maya = self.make_person(**REACHABLE)

    def ask(self, when: str = TUE_15, channel: str = "email", person=None):
        with freeze_time(when):
            do_record_outreach(
                self.alice, [(person or self.maya, "Twenty minutes?")], channel=channel
            )

    def post(self, when: str, url: str, data: dict | None = None):
        # Logged in at the moment itself: a session from another month may have expired.
        with freeze_time(when):
            self.login()
            return self.client.post(url, data or {})


class FollowUpDoneTestCase(GuardBase):
    def test_done_before_its_time_is_refused_on_the_person_page_path(self):
        self.ask()
        planned = open_attempt(self.maya)
        self.assertEqual(planned.due_on, date(2026, 9, 22))
        page = self.maya.get_absolute_url()
        r = self.post(THU_17, f"/follow-ups/{planned.pk}/done/", {"next": page})
        self.assertContains(r, "the earliest is Tue 22 Sep", status_code=400)
        self.assertContains(r, 'type="checkbox" name="override"', status_code=400)
        # Back where it came from when the user goes on or leaves it.
        self.assertContains(r, f'name="next" value="{page}"', status_code=400)
        planned.refresh_from_db()
        self.assertEqual(planned.state, "open")
        self.assertEqual(outreach_count(self.maya), 1)

    def test_done_before_its_time_is_refused_from_today(self):
        self.ask()
        planned = open_attempt(self.maya)
        r = self.post(THU_17, f"/follow-ups/{planned.pk}/done/")
        self.assertContains(r, "The pest guard says not yet.", status_code=400)
        # The channel it will be logged on is shown, not left to the first in the list.
        self.assertContains(r, '<option value="phone" selected>', status_code=400)
        self.assertEqual(outreach_count(self.maya), 1)

    def test_done_with_the_override_is_logged_and_shown_on_the_timeline(self):
        self.ask()
        planned = open_attempt(self.maya)
        page = self.maya.get_absolute_url()
        r = self.post(
            THU_17,
            f"/follow-ups/{planned.pk}/done/",
            {"next": page, "channel": "phone", "override": "on", "summary": "Called anyway."},
        )
        self.assertRedirects(r, page, fetch_redirect_response=False)
        call = Interaction.objects.get(people=self.maya, channel="phone")
        self.assertTrue(call.is_override)
        self.assertIn("the earliest is Tue 22 Sep", call.override_reason)
        with freeze_time(THU_17):
            r = self.client.get(page)
        self.assertContains(r, "against the pest guard")
        self.assertContains(r, "The pest guard had said: Your last attempt was on Tue 15 Sep")

    def test_done_on_its_day_passes_without_an_override(self):
        self.ask()
        r = self.post(TUE_22, f"/follow-ups/{open_attempt(self.maya).pk}/done/")
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        call = Interaction.objects.get(people=self.maya, channel="phone")
        self.assertFalse(call.is_override)
        self.assertEqual(call.override_reason, "")

    def test_a_thank_you_done_early_is_not_an_attempt(self):
        self.ask()
        thanks = self.make_followup(self.maya, due_on=date(2026, 9, 30), reason="thank_you")
        r = self.post(WED_16, f"/follow-ups/{thanks.pk}/done/")
        self.assertEqual(r.status_code, 302)


class ComposerTestCase(GuardBase):
    def send(self, when: str, url: str, **data):
        form = {"channel": "email", "subject": "Advice?", "body": CLEAN, "send": "copy"}
        return self.post(when, url, {**form, **data})

    def test_a_second_ask_one_business_day_later_is_refused_as_typed(self):
        url = f"/people/{self.maya.pk}/compose/"
        self.assertEqual(self.send(TUE_15, url).status_code, 302)
        r = self.send(WED_16, url, body=CLEAN + "\n\nP.S. Still keen!")
        self.assertContains(r, "the pest guard keeps attempts 5 business days apart")
        self.assertContains(r, "on another channel — the earliest is Tue 22 Sep, by phone.")
        self.assertContains(r, "P.S. Still keen!</textarea>")
        self.assertContains(r, 'type="checkbox" name="override"')
        self.assertEqual(outreach_count(self.maya), 1)

        r = self.send(WED_16, url, body=CLEAN + "\n\nP.S. Still keen!", override="on")
        self.assertRedirects(r, "/outreach/sent/", fetch_redirect_response=False)
        second = Interaction.objects.filter(people=self.maya).order_by("occurred_at").last()
        self.assertTrue(second.is_override)
        self.assertIn("P.S. Still keen!", second.summary)

    def test_several_at_once_is_all_or_nothing_and_names_who_is_refused(self):
        sam = self.make_person("Sam", "Ito", **REACHABLE)
        self.ask()
        ids = f"?ids={self.maya.pk}&ids={sam.pk}"
        r = self.send(WED_16, "/people/compose/" + ids, ids=[self.maya.pk, sam.pk])
        self.assertContains(r, "Maya Okafor: Your last attempt was by e-mail on Tue 15 Sep")
        self.assertNotContains(r, "Sam Ito: ")
        self.assertEqual(outreach_count(sam), 0)

        r = self.send(WED_16, "/people/compose/" + ids, ids=[self.maya.pk, sam.pk], override="on")
        self.assertEqual(r.status_code, 302)
        self.assertEqual((outreach_count(self.maya), outreach_count(sam)), (2, 1))
        # Only the ask that broke the rule carries the override.
        self.assertEqual(
            list(Interaction.objects.filter(is_override=True).values_list("people", flat=True)),
            [self.maya.pk],
        )


class LogInteractionTestCase(GuardBase):
    def log(self, when: str, **fields):
        form = {
            "channel": "email",
            "direction": "out",
            "occurred_at": when[:16].replace(" ", "T"),
            "summary": "Asked again, by hand.",
            "is_outreach": "on",
        }
        return self.post(when, f"/people/{self.maya.pk}/log/", {**form, **fields})

    def test_an_outreach_one_business_day_after_the_last_is_refused_as_typed(self):
        self.ask()
        r = self.log(WED_16, channel="phone", summary="Rang her desk.")
        self.assertContains(
            r,
            "Your last attempt was on Tue 15 Sep; the pest guard keeps attempts 5 business days "
            "apart — the earliest is Tue 22 Sep.",
            status_code=400,
        )
        self.assertContains(r, "Rang her desk.</textarea>", status_code=400)
        self.assertContains(r, 'type="checkbox" name="override"', status_code=400)
        self.assertEqual(outreach_count(self.maya), 1)

        r = self.log(WED_16, channel="phone", summary="Rang her desk.", override="on")
        self.assertRedirects(r, self.maya.get_absolute_url(), fetch_redirect_response=False)
        call = Interaction.objects.get(people=self.maya, channel="phone")
        self.assertTrue(call.is_override)
        with freeze_time(WED_16):
            page = self.client.get(self.maya.get_absolute_url())
        self.assertContains(page, "against the pest guard")

    def test_the_same_channel_again_is_refused_even_when_the_date_is_fine(self):
        self.ask()
        r = self.log(TUE_22, channel="email")
        self.assertContains(r, "try by phone.", status_code=400)
        self.assertEqual(self.log(TUE_22, channel="phone").status_code, 302)

    def test_replies_and_other_touches_are_not_judged(self):
        self.ask()
        self.assertEqual(self.log(WED_16, direction="in", is_outreach="").status_code, 302)
        self.assertEqual(self.log(WED_16, is_outreach="").status_code, 302)

    def test_an_outreach_logged_late_is_judged_against_what_came_before_it(self):
        self.ask()
        # Sent on Tue 1 Sep, logged after the one of 15 Sep: nothing came before it.
        r = self.log(WED_16, occurred_at="2026-09-01T10:00")
        self.assertEqual(r.status_code, 302)

    def test_past_the_cap_it_names_the_day_the_pause_ends(self):
        settings = FollowUpSettings.objects.get_for(self.alice)
        settings.max_attempts = 1
        settings.save()
        self.ask()
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.paused_until, date(2026, 11, 14))
        r = self.log("2026-10-01 09:00:00+00:00", channel="phone")
        self.assertContains(
            r,
            "You have already made 1 attempt, the most this account allows. The pause after "
            "the last one ends on Sat 14 Nov; from then you may start afresh.",
            status_code=400,
        )


class ScheduleTestCase(GuardBase):
    def test_a_hand_scheduled_attempt_on_the_last_channel_is_refused(self):
        self.ask()
        r = self.post(
            WED_16,
            f"/people/{self.maya.pk}/follow-up/",
            {"due_on": "2026-09-23", "channel": "email", "reason": "no_reply"},
        )
        self.assertContains(r, "try by phone.", status_code=400)

    def test_moving_keeps_the_channel_it_was_given(self):
        self.ask()
        planned = open_attempt(self.maya)
        r = self.post(WED_16, f"/follow-ups/{planned.pk}/reschedule/", {"due_on": "2026-09-25"})
        self.assertEqual(r.status_code, 302)


class RoundTestCase(GuardBase):
    def test_a_meeting_booked_starts_a_fresh_round(self):
        self.ask()
        r = self.post(
            WED_16,
            f"/people/{self.maya.pk}/meet/",
            {"starts_at": "2026-09-24T10:00", "duration_minutes": 20, "place": "Café"},
        )
        self.assertEqual(r.status_code, 302)
        # Asking her something new by e-mail after the meeting is not "the same channel as the
        # last attempt": booking it was her answer.
        self.ask("2026-10-15 09:00:00+00:00")
        self.assertEqual(outreach_count(self.maya), 2)
        self.assertFalse(Interaction.objects.filter(is_override=True).exists())
        self.assertEqual(open_attempt(self.maya).attempt, 2)


class GuardAttemptTestCase(GuardBase):
    """The domain's one door, called as the API and the CLI will call it."""

    def test_it_raises_with_the_reason_the_date_and_the_channel(self):
        self.ask()
        with freeze_time(WED_16), self.assertRaises(PestGuard) as refused:
            guard_attempt(
                self.alice, [self.maya], when=date(2026, 9, 16), channel="email", override=False
            )
        self.assertEqual(refused.exception.earliest_on, date(2026, 9, 22))
        self.assertEqual(refused.exception.channel, "phone")

    def test_it_returns_the_sentence_to_record_when_overridden_and_nothing_when_fine(self):
        self.ask()
        with freeze_time(WED_16):
            said = guard_attempt(
                self.alice, [self.maya], when=date(2026, 9, 16), channel="phone", override=True
            )
            fine = guard_attempt(self.alice, [self.maya], when=date(2026, 9, 22), channel="phone")
        self.assertIn("the earliest is Tue 22 Sep", said)
        self.assertEqual(fine, "")

    def test_every_write_that_records_an_attempt_goes_through_it(self):
        self.ask()
        planned = open_attempt(self.maya)
        with freeze_time(WED_16):
            with self.assertRaises(PestGuard):
                do_complete_followup(self.alice, planned)
            with self.assertRaises(PestGuard):
                do_record_outreach(self.alice, [(self.maya, "Again?")], channel="phone")
            with self.assertRaises(PestGuard):
                do_log_interaction(
                    self.alice, [self.maya], channel="phone", direction="out", is_outreach=True
                )
            with self.assertRaises(PestGuard):
                do_schedule_followup(
                    self.alice,
                    self.maya,
                    due_on=date(2026, 9, 17),
                    channel="phone",
                    reason="ask_again",
                )
        planned.refresh_from_db()
        self.assertEqual(planned.state, "open")
        self.assertEqual(outreach_count(self.maya), 1)

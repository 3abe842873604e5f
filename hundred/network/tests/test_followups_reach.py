"""The engine and the pest guard offer only channels the person can be reached on.

Maya has an e-mail address and nothing else; Sam has an e-mail address and a phone number.
"""

from __future__ import annotations

from datetime import date

from freezegun import freeze_time

from hundred.network.actions.followups import unreachable
from hundred.network.actions.outcomes import do_ask_again_later
from hundred.network.actions.outreach import do_record_outreach
from hundred.network.models import FollowUp, FollowUpSettings, Interaction
from hundred.test import REACHABLE, BaseTestCase

TUE_15 = "2026-09-15 09:00:00+00:00"
TUE_22 = "2026-09-22 09:00:00+00:00"


class ReachTestCase(BaseTestCase):
    def setUp(self):
        self.maya = self.make_person()
        self.sam = self.make_person("Sam", "Ito", phones=["+1 617 555 0101"])

    def ask(self, person, when: str = TUE_15, channel: str = "email"):
        with freeze_time(when):
            do_record_outreach(self.alice, [(person, "Twenty minutes?")], channel=channel)

    def planned(self, person) -> FollowUp:
        return FollowUp.objects.get(person=person, reason="no_reply", state="open")

    def log(self, person, when: str, channel: str):
        with freeze_time(when):
            self.login()
            return self.client.post(
                f"/people/{person.pk}/log/",
                {
                    "channel": channel,
                    "direction": "out",
                    "occurred_at": when[:16].replace(" ", "T"),
                    "summary": "Asked again.",
                    "is_outreach": "on",
                },
            )

    def test_the_contact_details_say_which_channels_are_closed(self):
        self.assertEqual(unreachable(self.maya), {"phone", "text", "linkedin"})
        self.assertEqual(unreachable(self.sam), {"linkedin"})
        self.assertEqual(unreachable(self.make_person("Ana", **REACHABLE)), set())
        blank = self.make_person("Lee", emails=["  "], phones=[""], linkedin_url=" ")
        self.assertEqual(unreachable(blank), {"email", "phone", "text", "linkedin"})

    def test_the_next_attempt_skips_a_phone_call_without_a_phone_number(self):
        self.ask(self.maya)
        self.ask(self.sam)
        self.assertEqual(self.planned(self.maya).channel, "letter")
        self.assertEqual(self.planned(self.sam).channel, "phone")

    def test_the_guard_names_an_open_channel(self):
        self.ask(self.maya)
        r = self.log(self.maya, TUE_22, "email")
        self.assertContains(r, "try by letter.", status_code=400)

    def test_the_guard_lets_the_same_channel_through_when_no_other_is_open(self):
        settings = FollowUpSettings.objects.get_for(self.alice)
        settings.channel_rotation = ["email", "phone", "linkedin"]
        settings.save()
        self.ask(self.maya)
        self.ask(self.sam)
        # The plan falls back to the order as it stands; the guard does not insist on it.
        self.assertEqual(self.planned(self.maya).channel, "phone")
        self.assertEqual(self.log(self.maya, TUE_22, "email").status_code, 302)
        self.assertEqual(Interaction.objects.filter(people=self.maya, is_outreach=True).count(), 2)
        # Sam can be phoned, so a second e-mail is refused.
        self.assertContains(self.log(self.sam, TUE_22, "email"), "try by phone.", status_code=400)

    def test_ask_again_starts_on_the_first_open_channel(self):
        phone_only = self.make_person("Ngọc", emails=[], phones=["+1 617 555 0102"])
        with freeze_time(TUE_15):
            later = do_ask_again_later(self.alice, phone_only, weeks=4)
            self.assertEqual((later.channel, later.due_on), ("phone", date(2026, 10, 13)))
            self.assertEqual(do_ask_again_later(self.alice, self.maya, weeks=4).channel, "email")

"""Every thread ends well: a reply ends a pause, and no, not now and yes each take one click.

The story, in autumn 2026: Dana is e-mailed on Thu 1 Oct, called on Thu 8 Oct and written to on
Thu 15 Oct; that third attempt pauses her until Mon 14 Dec. She answers on Tue 20 Oct.
"""

from __future__ import annotations

from datetime import date

from freezegun import freeze_time

from hundred.network.actions.outreach import do_record_outreach
from hundred.network.models import FollowUp, Interaction, Person
from hundred.test import REACHABLE, BaseTestCase

THU_1_OCT = "2026-10-01 09:00:00+00:00"
THU_8_OCT = "2026-10-08 09:00:00+00:00"
THU_15_OCT = "2026-10-15 09:00:00+00:00"
TUE_20_OCT = "2026-10-20 09:00:00+00:00"
MON_14_DEC = "2026-12-14 09:00:00+00:00"


def open_followups(person, reason: str | None = None):
    qs = FollowUp.objects.filter(person=person, state="open")
    return qs.filter(reason=reason) if reason else qs


class ThreadBase(BaseTestCase):
    def setUp(self):
        # Reachable on every channel, so the rotation is the plain one.
        self.dana = self.make_person("Dana", "Reyes", **REACHABLE)

    def at(self, when: str, method: str, url: str, data: dict | None = None):
        with freeze_time(when):
            self.login()  # a session of the moment: one from weeks before may have expired
            return getattr(self.client, method)(url, data or {})

    def ask(self, when: str = THU_1_OCT):
        with freeze_time(when):
            do_record_outreach(self.alice, [(self.dana, "Twenty minutes?")], channel="email")
        self.dana.refresh_from_db()

    def pause_dana(self):
        """Three attempts, each followed up on its day: Dana is paused until Mon 14 Dec."""
        self.ask(THU_1_OCT)
        for when in (THU_8_OCT, THU_15_OCT):
            attempt = open_followups(self.dana, "no_reply").get()
            r = self.at(when, "post", f"/follow-ups/{attempt.pk}/done/")
            self.assertEqual(r.status_code, 302)
        self.dana.refresh_from_db()
        self.assertEqual((self.dana.stage, self.dana.paused_until), ("paused", date(2026, 12, 14)))

    def reply(self, when: str = TUE_20_OCT, **fields):
        form = {
            "channel": "email",
            "direction": "in",
            "occurred_at": when[:16].replace(" ", "T"),
            "summary": "Sorry for the silence — happy to talk.",
        }
        r = self.at(when, "post", f"/people/{self.dana.pk}/log/", {**form, **fields})
        self.assertEqual(r.status_code, 302)
        self.dana.refresh_from_db()


class AReplyEndsAPauseTestCase(ThreadBase):
    def test_a_reply_ends_the_pause_and_she_stays_in_conversation_when_it_would_have_ended(self):
        self.pause_dana()
        ask_again = self.make_followup(
            self.dana, due_on=date(2026, 12, 15), reason="no_reply", attempt=4
        )
        self.reply(TUE_20_OCT)
        self.assertEqual((self.dana.stage, self.dana.paused_until), ("asked", None))
        ask_again.refresh_from_db()
        self.assertEqual(ask_again.state, "skipped")
        self.assertIn("they replied on 2026-10-20", ask_again.note)

        # The day the pause would have ended: Today brings nobody back, Dana is not "listed,
        # not asked yet".
        r = self.at(MON_14_DEC, "get", "/")
        self.assertNotContains(r, "back on your list")
        self.dana.refresh_from_db()
        self.assertEqual(self.dana.stage, "asked")

    def test_a_reply_starts_a_fresh_round(self):
        self.pause_dana()
        self.reply(TUE_20_OCT)
        # Her fourth message in all is the first of a new round: no cap, and e-mail is fine.
        r = self.at(
            "2026-10-22 09:00:00+00:00",
            "post",
            f"/people/{self.dana.pk}/log/",
            {
                "channel": "email",
                "direction": "out",
                "occurred_at": "2026-10-22T09:00",
                "summary": "Here are three times that work for me.",
                "is_outreach": "on",
            },
        )
        self.assertEqual(r.status_code, 302)
        self.assertEqual(open_followups(self.dana, "no_reply").get().attempt, 2)

    def test_a_reply_from_someone_not_paused_leaves_the_stage(self):
        self.ask()
        self.reply("2026-10-02 09:00:00+00:00")
        self.assertEqual(self.dana.stage, "asked")
        listed = self.make_person("Lee", "Chan")
        self.dana = listed
        self.reply("2026-10-02 09:00:00+00:00")
        self.assertEqual(listed.stage, "listed")  # they wrote first: not asked by you


class OutcomesTestCase(ThreadBase):
    def test_they_said_no_declines_and_closes_all_but_my_promises(self):
        self.ask()
        attempt = open_followups(self.dana, "no_reply").get()
        keep = self.make_followup(self.dana, due_on=date(2026, 10, 9), reason="keep_in_touch")
        favour = self.make_followup(self.dana, due_on=date(2026, 10, 9), reason="favour")
        page = self.dana.get_absolute_url()
        r = self.at(
            "2026-10-05 09:00:00+00:00", "post", f"/people/{self.dana.pk}/said-no/", {"next": page}
        )
        self.assertRedirects(r, page, fetch_redirect_response=False)
        self.dana.refresh_from_db()
        self.assertEqual(self.dana.stage, "declined")
        for closed in (attempt, keep):
            closed.refresh_from_db()
            self.assertEqual(
                (closed.state, closed.note), ("skipped", "Closed: they said no on 2026-10-05.")
            )
        favour.refresh_from_db()
        self.assertEqual(favour.state, "open")
        reply = Interaction.objects.get(people=self.dana, direction="in")
        self.assertEqual((reply.summary, reply.channel), ("They said no.", "email"))

    def test_they_said_no_ends_a_pause(self):
        self.pause_dana()
        self.at(TUE_20_OCT, "post", f"/people/{self.dana.pk}/said-no/")
        self.dana.refresh_from_db()
        self.assertEqual((self.dana.stage, self.dana.paused_until), ("declined", None))

    def test_not_now_plans_an_ask_again_that_done_plans_the_next_attempt(self):
        self.pause_dana()
        r = self.at(
            TUE_20_OCT, "post", f"/people/{self.dana.pk}/not-now/", {"weeks": "8", "next": "/"}
        )
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        self.dana.refresh_from_db()
        self.assertEqual((self.dana.stage, self.dana.paused_until), ("asked", None))
        again = open_followups(self.dana).get()
        # Tue 20 Oct + 8 weeks = Tue 15 Dec; the first channel of the rotation; a fresh round.
        self.assertEqual(
            (again.reason, again.due_on, again.channel, again.attempt),
            ("ask_again", date(2026, 12, 15), "email", 1),
        )
        self.assertEqual(
            Interaction.objects.get(people=self.dana, direction="in").summary,
            "They said not now: ask again in 8 weeks.",
        )

        r = self.at("2026-12-15 09:00:00+00:00", "post", f"/follow-ups/{again.pk}/done/")
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        asked = Interaction.objects.filter(people=self.dana, is_outreach=True).latest("occurred_at")
        self.assertEqual(asked.channel, "email")
        nxt = open_followups(self.dana, "no_reply").get()
        self.assertEqual((nxt.due_on, nxt.channel, nxt.attempt), (date(2026, 12, 22), "phone", 2))

    def test_not_now_takes_four_weeks_when_the_weeks_are_not_from_the_list(self):
        self.ask()
        self.at(
            "2026-10-05 09:00:00+00:00", "post", f"/people/{self.dana.pk}/not-now/", {"weeks": "-3"}
        )
        self.assertEqual(open_followups(self.dana, "ask_again").get().due_on, date(2026, 11, 2))

    def test_replied_logs_the_reply_and_goes_to_the_meeting_form(self):
        self.pause_dana()
        r = self.at(TUE_20_OCT, "post", f"/people/{self.dana.pk}/replied/")
        self.assertRedirects(r, f"/people/{self.dana.pk}/meet/", fetch_redirect_response=False)
        self.dana.refresh_from_db()
        self.assertEqual((self.dana.stage, self.dana.paused_until), ("asked", None))
        reply = Interaction.objects.get(people=self.dana, direction="in")
        # Answered the way she was last asked: the letter.
        self.assertEqual((reply.summary, reply.channel), ("They replied: happy to talk.", "letter"))
        r = self.at(
            TUE_20_OCT,
            "post",
            f"/people/{self.dana.pk}/meet/",
            {"starts_at": "2026-10-27T10:00", "duration_minutes": 20, "place": "Café"},
        )
        self.assertEqual(r.status_code, 302)
        self.assertEqual(Person.objects.get(pk=self.dana.pk).stage, "scheduled")

    def test_they_are_post_only(self):
        for name in ("said-no", "not-now", "replied"):
            with self.subTest(name):
                r = self.at(TUE_20_OCT, "get", f"/people/{self.dana.pk}/{name}/")
                self.assertEqual(r.status_code, 405)
        self.assertFalse(Interaction.objects.filter(people=self.dana).exists())

    def test_the_buttons_are_on_today_and_the_person_page(self):
        self.ask()
        r = self.at(THU_8_OCT, "get", "/")
        for name in ("said-no", "not-now", "replied"):
            self.assertContains(r, f'action="/people/{self.dana.pk}/{name}/"')
        r = self.at(THU_8_OCT, "get", self.dana.get_absolute_url())
        self.assertContains(r, "Did Dana answer?")
        self.assertContains(r, f'action="/people/{self.dana.pk}/not-now/"')

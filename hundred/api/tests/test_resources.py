"""Interactions, follow-ups, meetings, favours, target, check-ask, Today and the backup over
the API: each write is the web's action, the pest guard included."""

from __future__ import annotations

import json
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from hundred.accounts.models import ApiToken
from hundred.api.tests.base import ApiTestCase
from hundred.network.models import (
    Favour,
    FollowUp,
    FollowUpState,
    Interaction,
    Meeting,
    Person,
    Stage,
    TargetChange,
)
from hundred.test import REACHABLE

OUTREACH = {"channel": "email", "direction": "out", "is_outreach": True, "summary": "Coffee?"}


class InteractionTestCase(ApiTestCase):
    def test_an_outreach_plans_its_follow_up_and_the_pest_guard_refuses_a_second(self):
        person = self.make_person(**REACHABLE)
        r = self.call("post", f"/people/{person.pk}/interactions/", OUTREACH)
        self.assertEqual(r.status_code, 201, r.content)
        self.assertEqual(r.json()["people"], [person.pk])
        person.refresh_from_db()
        self.assertEqual(person.stage, Stage.ASKED)
        self.assertEqual(FollowUp.objects.filter(person=person, state="open").count(), 1)

        again = self.call("post", f"/people/{person.pk}/interactions/", OUTREACH)
        problem = self.assertProblem(again, 409)
        self.assertTrue(problem["detail"])
        self.assertEqual(Interaction.objects.count(), 1)

        forced = self.call(
            "post", f"/people/{person.pk}/interactions/", {**OUTREACH, "override": True}
        )
        self.assertEqual(forced.status_code, 201)
        self.assertTrue(forced.json()["is_override"])
        self.assertTrue(forced.json()["override_reason"])

    def test_it_lists_a_persons_interactions_newest_first(self):
        person = self.make_person()
        old = self.make_interaction(person, occurred_at=timezone.now() - timedelta(days=3))
        new = self.make_interaction(person, occurred_at=timezone.now() - timedelta(days=1))
        r = self.call("get", f"/people/{person.pk}/interactions/")
        self.assertEqual([i["id"] for i in r.json()], [new.pk, old.pk])

    def test_a_naive_time_or_a_bad_channel_names_the_field(self):
        person = self.make_person()
        path = f"/people/{person.pk}/interactions/"
        self.assertProblem(
            self.call("post", path, {"occurred_at": "2026-11-20T10:00"}), 422, "occurred_at"
        )
        self.assertProblem(self.call("post", path, {"channel": "pigeon"}), 422, "channel")
        self.assertProblem(self.call("post", path, {"summary": "a\x00b"}), 422, "summary")
        self.assertFalse(Interaction.objects.exists())


class FollowUpTestCase(ApiTestCase):
    def test_done_too_soon_is_refused_by_the_pest_guard(self):
        person = self.make_person(**REACHABLE)
        self.call("post", f"/people/{person.pk}/interactions/", OUTREACH)
        followup = FollowUp.objects.get(person=person, state=FollowUpState.OPEN)
        self.assertProblem(self.call("post", f"/followups/{followup.pk}/done/", {}), 409)
        followup.refresh_from_db()
        self.assertEqual(followup.state, FollowUpState.OPEN)
        r = self.call("post", f"/followups/{followup.pk}/done/", {"override": True})
        self.assertEqual(r.status_code, 200, r.content)
        followup.refresh_from_db()
        self.assertEqual(followup.state, FollowUpState.DONE)

    def test_list_snooze_skip_move(self):
        person = self.make_person()
        f = self.make_followup(person, reason="thank_you")
        listed = self.call("get", "/followups/").json()
        self.assertEqual([x["id"] for x in listed], [f.pk])
        r = self.call("post", f"/followups/{f.pk}/snooze/", {"days": 2})
        self.assertGreater(r.json()["due_on"], f.due_on.isoformat())
        r = self.call("post", f"/followups/{f.pk}/move/", {"due_on": "2026-12-10"})
        self.assertEqual(r.json()["due_on"], "2026-12-10")
        r = self.call("post", f"/followups/{f.pk}/skip/", {"note": "no need"})
        self.assertEqual(r.json()["state"], "skipped")
        # Closed: no longer one to act on.
        self.assertProblem(self.call("post", f"/followups/{f.pk}/skip/", {}), 404)

    def test_schedule_an_attempt_passes_the_pest_guard(self):
        person = self.make_person(**REACHABLE)
        self.call("post", f"/people/{person.pk}/interactions/", OUTREACH)
        soon = (timezone.localdate() + timedelta(days=1)).isoformat()
        path = f"/people/{person.pk}/followups/"
        self.assertProblem(self.call("post", path, {"due_on": soon}), 409)
        r = self.call("post", path, {"due_on": soon, "reason": "thank_you"})
        self.assertEqual(r.status_code, 201, r.content)


class MeetingTestCase(ApiTestCase):
    def test_book_move_cancel(self):
        person = self.make_person()
        r = self.call(
            "post",
            f"/people/{person.pk}/meetings/",
            {"starts_at": "2026-11-30T15:00:00Z", "place": "Café"},
        )
        self.assertEqual(r.status_code, 201, r.content)
        meeting = Meeting.objects.get(pk=r.json()["id"])
        person.refresh_from_db()
        self.assertEqual(person.stage, Stage.SCHEDULED)
        r = self.call(
            "post",
            f"/meetings/{meeting.pk}/reschedule/",
            {"starts_at": "2026-12-01T15:00:00+01:00"},
        )
        self.assertEqual(r.json()["starts_at"], "2026-12-01T14:00:00Z")
        r = self.call("post", f"/meetings/{meeting.pk}/cancel/", {})
        self.assertIsNotNone(r.json()["cancelled_at"])
        self.assertProblem(self.call("post", f"/meetings/{meeting.pk}/debrief/", {}), 409)

    def test_debrief_adds_the_names_given(self):
        person = self.make_person()
        meeting = self.make_meeting(person, starts_at=timezone.now() - timedelta(hours=2))
        self.assertProblem(
            self.call("post", f"/meetings/{self.make_meeting(person).pk}/debrief/", {}), 409
        )
        r = self.call(
            "post",
            f"/meetings/{meeting.pk}/debrief/",
            {"advice": "Talk to data teams", "names": [{"name": "Ann Lee", "company": "Acme"}]},
        )
        self.assertEqual(r.status_code, 200, r.content)
        [new] = r.json()["new_people"]
        self.assertEqual(Person.objects.get(pk=new).introduced_by, person)
        self.assertEqual(r.json()["meeting"]["advice"], "Talk to data teams")

    def test_the_prep_sheet_offers_the_bank_and_keeps_the_questions_picked(self):
        self.make_target(geographies=["Boston"], pitch="Finance for clinics.")
        meeting = self.make_meeting(self.make_person())
        prep = self.call("get", f"/meetings/{meeting.pk}/prep/").json()
        self.assertEqual(prep["pitch"], "Finance for clinics.")
        self.assertEqual(
            [g["key"] for g in prep["bank"]],
            ["trends", "insights", "advice", "resources", "assignments"],
        )
        self.assertTrue(any("Boston" in q for g in prep["bank"] for q in g["questions"]))
        self.assertEqual(prep["closing"], "Is there anything I can do for you?")
        self.assertEqual(prep["questions"], [])
        picked = ["What is changing in clinics?", "  ", "What is changing in clinics?", "Mine"]
        r = self.call("put", f"/meetings/{meeting.pk}/prep/", {"questions": picked})
        self.assertEqual(r.status_code, 200, r.content)
        self.assertEqual(r.json()["questions"], ["What is changing in clinics?", "Mine"])
        meeting.refresh_from_db()
        self.assertEqual(meeting.questions_list, ["What is changing in clinics?", "Mine"])
        # The web's prep sheet shows the same questions as kept.
        self.login()
        self.assertContains(
            self.client.get(reverse("network-meeting-prep", args=[meeting.pk])), "Mine"
        )

    def test_a_read_only_token_cannot_keep_questions(self):
        meeting = self.make_meeting(self.make_person())
        _, read_only = ApiToken.objects.issue(self.alice, "phone", write=False)
        r = self.call(
            "put", f"/meetings/{meeting.pk}/prep/", {"questions": ["x"]}, secret=read_only
        )
        self.assertProblem(r, 403)

    def test_list_and_read(self):
        meeting = self.make_meeting(self.make_person())
        self.assertEqual([m["id"] for m in self.call("get", "/meetings/").json()], [meeting.pk])
        self.assertEqual(self.call("get", f"/meetings/{meeting.pk}/").json()["id"], meeting.pk)


class FavourTestCase(ApiTestCase):
    def test_add_list_done(self):
        person = self.make_person()
        r = self.call(
            "post",
            f"/people/{person.pk}/favours/",
            {"direction": "i_offered", "what": "Send the paper"},
        )
        self.assertEqual(r.status_code, 201, r.content)
        favour = Favour.objects.get(pk=r.json()["id"])
        self.assertTrue(FollowUp.objects.filter(favour=favour, state="open").exists())
        self.assertEqual(len(self.call("get", f"/favours/?person={person.pk}").json()), 1)
        r = self.call("post", f"/favours/{favour.pk}/done/")
        self.assertEqual(r.json()["state"], "done")
        self.assertFalse(FollowUp.objects.filter(favour=favour, state="open").exists())
        self.assertProblem(
            self.call(
                "post", f"/people/{person.pk}/favours/", {"direction": "i_offered", "what": ""}
            ),
            422,
            "what",
        )


class TargetTestCase(ApiTestCase):
    def test_read_and_update_keeping_a_dated_copy(self):
        r = self.call("get", "/target/")
        self.assertEqual(r.json()["skills"], [])
        r = self.call(
            "patch", "/target/", {"skills": ["SQL", "Python"], "pitch": "I  analyse data."}
        )
        self.assertEqual(r.status_code, 200, r.content)
        self.assertEqual(r.json()["skills"], ["SQL", "Python"])
        self.assertEqual(r.json()["pitch"], "I analyse data.")
        r = self.call("patch", "/target/", {"industries": ["health"]})
        self.assertEqual(r.json()["skills"], ["SQL", "Python"])
        self.assertEqual(TargetChange.objects.count(), 3)
        self.assertProblem(self.call("patch", "/target/", {"pitch": "x" * 1001}), 422, "pitch")


class CheckAskTodayBackupTestCase(ApiTestCase):
    def test_check_ask_finds_a_job_ask(self):
        r = self.call("post", "/check-ask/", {"text": "Do you have any openings for me?"})
        self.assertEqual(r.status_code, 200)
        self.assertTrue(r.json()["job_ask"])
        self.assertIn("job_ask", [f["code"] for f in r.json()["findings"]])
        self.assertProblem(self.call("post", "/check-ask/", {"text": "  "}), 422, "text")

    def test_today_lists_what_is_due(self):
        f = self.make_followup(self.make_person())
        r = self.call("get", "/today/")
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.json()["today"], "2026-11-25")
        self.assertEqual([(i["kind"], i["id"]) for i in r.json()["items"]], [("followup", f.pk)])

    def test_the_backup_is_the_json_backup(self):
        self.make_person()
        self.make_person("Bo", owner=self.bob)
        r = self.call("get", "/backup/")
        data = json.loads(r.content)
        self.assertEqual(data["format"], "hundred-backup")
        self.assertEqual([p["first_name"] for p in data["people"]], ["Maya"])
        self.assertIsNone(data["calendar_feed"])

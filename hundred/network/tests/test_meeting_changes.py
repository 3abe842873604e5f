"""Moving and cancelling a meeting: what goes with it (thank-you, feed, Today) and where the
person's stage goes."""

from datetime import UTC, date, datetime, timedelta

from freezegun import freeze_time
from icalendar import Calendar

from hundred.network.actions.meetings import (
    Debrief,
    MeetingHeld,
    do_cancel_meeting,
    do_debrief_meeting,
    do_reschedule_meeting,
    do_schedule_meeting,
)
from hundred.network.models import FollowUp, Interaction, Meeting
from hundred.network.today import build_today
from hundred.test import BaseTestCase
from hundred.transfer.calendar import export_ics

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # a Monday


def feed_events(user) -> dict:
    return {str(e["uid"]): e for e in Calendar.from_ical(export_ics(user)).walk("VEVENT")}


@freeze_time(NOW)
class RescheduleMeetingTestCase(BaseTestCase):
    def setUp(self):
        self.login()
        self.maya = self.make_person(stage="asked")

    def book(self, starts_at=NOW + timedelta(days=2)) -> Meeting:
        return do_schedule_meeting(self.alice, self.maya, starts_at=starts_at, place="Café Nero")

    def test_it_moves_a_meeting_in_the_account_zone(self):
        self.alice.time_zone = "America/New_York"
        self.alice.save(update_fields=["time_zone"])
        meeting = self.book()
        r = self.client.post(
            f"/meetings/{meeting.pk}/move/",
            {"starts_at": "2026-11-09T14:30", "duration_minutes": "30", "place": "Zoom"},
        )
        self.assertRedirects(r, f"/meetings/{meeting.pk}/", fetch_redirect_response=False)
        meeting.refresh_from_db()
        self.assertEqual(meeting.starts_at, datetime(2026, 11, 9, 19, 30, tzinfo=UTC))
        self.assertEqual((meeting.duration_minutes, meeting.place), (30, "Zoom"))
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, "scheduled")

    def test_the_form_shows_the_current_time_in_the_account_zone(self):
        self.alice.time_zone = "Europe/Paris"
        self.alice.save(update_fields=["time_zone"])
        meeting = self.book(datetime(2026, 11, 4, 9, 0, tzinfo=UTC))
        r = self.client.get(f"/meetings/{meeting.pk}/move/")
        self.assertContains(r, 'value="2026-11-04T10:00"')
        self.assertContains(r, "Move it")

    def test_it_returns_to_the_page_it_came_from(self):
        meeting = self.book()
        r = self.client.post(
            f"/meetings/{meeting.pk}/move/?next=/people/{self.maya.pk}/",
            {"starts_at": "2026-11-05T10:00", "duration_minutes": "20", "place": ""},
        )
        self.assertRedirects(r, f"/people/{self.maya.pk}/", fetch_redirect_response=False)

    def test_the_feed_event_moves_with_the_same_uid_and_a_higher_sequence(self):
        meeting = self.book()
        uid = f"meeting-{meeting.pk}@hundred"
        before = feed_events(self.alice)[uid]
        with freeze_time(NOW + timedelta(hours=1)):
            do_reschedule_meeting(
                self.alice,
                meeting,
                starts_at=datetime(2026, 11, 6, 15, tzinfo=UTC),
                duration_minutes=20,
                place="",
            )
            after = feed_events(self.alice)[uid]
        self.assertEqual(after.decoded("dtstart"), datetime(2026, 11, 6, 15, tzinfo=UTC))
        self.assertGreater(after["sequence"], before["sequence"])
        self.assertEqual(len([u for u in feed_events(self.alice) if u.startswith("meeting")]), 1)

    def test_today_shows_the_new_time(self):
        meeting = self.book(NOW + timedelta(days=10))
        self.assertNotIn(meeting, build_today(self.alice).meetings_week)
        do_reschedule_meeting(
            self.alice, meeting, starts_at=NOW + timedelta(days=3), duration_minutes=20, place=""
        )
        self.assertIn(meeting, build_today(self.alice).meetings_week)

    def test_moving_a_debriefed_meeting_to_its_real_date_moves_its_thank_you(self):
        meeting = self.book(datetime(2026, 10, 30, 15, tzinfo=UTC))  # Friday
        do_debrief_meeting(self.alice, meeting, Debrief(advice="Talk to the Trust."))
        thanks = FollowUp.objects.get(meeting=meeting, reason="thank_you")
        self.assertEqual(thanks.due_on, date(2026, 11, 2))  # the next business day
        # It was really on the Tuesday before.
        do_reschedule_meeting(
            self.alice,
            meeting,
            starts_at=datetime(2026, 10, 27, 15, tzinfo=UTC),
            duration_minutes=20,
            place="",
        )
        thanks.refresh_from_db()
        self.assertEqual(thanks.due_on, date(2026, 10, 28))
        self.assertEqual(
            Interaction.objects.get(meeting=meeting).occurred_at,
            datetime(2026, 10, 27, 15, tzinfo=UTC),
        )

    def test_a_thank_you_already_done_stays_where_it_was(self):
        meeting = self.book(datetime(2026, 10, 30, 15, tzinfo=UTC))
        do_debrief_meeting(self.alice, meeting, Debrief())
        FollowUp.objects.filter(meeting=meeting).update(state="done")
        do_reschedule_meeting(
            self.alice,
            meeting,
            starts_at=datetime(2026, 10, 27, 15, tzinfo=UTC),
            duration_minutes=20,
            place="",
        )
        self.assertEqual(
            FollowUp.objects.get(meeting=meeting, reason="thank_you").due_on, date(2026, 11, 2)
        )

    def test_a_debriefed_meeting_cannot_move_ahead(self):
        meeting = self.book(datetime(2026, 10, 30, 15, tzinfo=UTC))
        do_debrief_meeting(self.alice, meeting, Debrief())
        r = self.client.post(
            f"/meetings/{meeting.pk}/move/",
            {"starts_at": "2026-11-09T10:00", "duration_minutes": "20", "place": ""},
        )
        self.assertContains(r, "it has taken place")
        meeting.refresh_from_db()
        self.assertEqual(meeting.starts_at, datetime(2026, 10, 30, 15, tzinfo=UTC))

    def test_a_cancelled_meeting_cannot_be_moved(self):
        meeting = self.book()
        do_cancel_meeting(self.alice, meeting)
        r = self.client.post(
            f"/meetings/{meeting.pk}/move/",
            {"starts_at": "2026-11-09T10:00", "duration_minutes": "20", "place": ""},
        )
        self.assertContains(r, "was cancelled: schedule a new one")

    def test_the_prep_sheet_and_the_person_page_offer_it(self):
        meeting = self.book()
        move = f"/meetings/{meeting.pk}/move/"
        self.assertContains(self.client.get(f"/meetings/{meeting.pk}/"), move)
        self.assertContains(self.client.get(f"/people/{self.maya.pk}/"), move)


@freeze_time(NOW)
class CancelMeetingTestCase(BaseTestCase):
    def setUp(self):
        self.login()
        self.maya = self.make_person(stage="asked")

    def book(self, starts_at=NOW + timedelta(days=2), person=None) -> Meeting:
        return do_schedule_meeting(self.alice, person or self.maya, starts_at=starts_at)

    def test_it_cancels_and_the_person_goes_back_to_asked(self):
        meeting = self.book()
        self.assertEqual(meeting.stage_before, "asked")
        r = self.client.post(f"/meetings/{meeting.pk}/cancel/", {"follow_up_on": ""})
        self.assertRedirects(r, f"/people/{self.maya.pk}/", fetch_redirect_response=False)
        meeting.refresh_from_db()
        self.assertEqual(meeting.cancelled_at, NOW)
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, "asked")
        page = self.client.get(f"/people/{self.maya.pk}/")
        self.assertContains(page, "Maya Okafor is back at “asked”.")
        self.assertContains(page, "cancelled on 2 Nov 2026")
        self.assertFalse(FollowUp.objects.exists())

    def test_the_confirmation_page_says_where_the_person_goes(self):
        meeting = self.book()
        r = self.client.get(f"/meetings/{meeting.pk}/cancel/")
        self.assertContains(r, "goes back to “asked”")
        self.assertContains(r, "Cancel the meeting")

    def test_each_earlier_stage_comes_back(self):
        for stage in ("listed", "paused", "declined"):
            with self.subTest(stage=stage):
                person = self.make_person(stage, "Lee", stage=stage, paused_until=date(2026, 12, 1))
                meeting = self.book(person=person)
                person.refresh_from_db()
                self.assertEqual(person.stage, "scheduled")
                do_cancel_meeting(self.alice, meeting)
                person.refresh_from_db()
                self.assertEqual((person.stage, person.paused_until), (stage, date(2026, 12, 1)))

    def test_someone_already_met_stays_met(self):
        self.maya.stage = "met"
        self.maya.save()
        meeting = self.book()
        self.assertEqual(meeting.stage_before, "")
        do_cancel_meeting(self.alice, meeting)
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, "met")

    def test_a_meeting_booked_before_stages_were_kept_goes_back_to_asked(self):
        self.maya.stage = "scheduled"
        self.maya.save()
        meeting = self.make_meeting(self.maya)  # no stage_before, as before migration 0008
        do_cancel_meeting(self.alice, meeting)
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, "asked")

    def test_another_meeting_still_on_keeps_them_scheduled_until_it_goes_too(self):
        first = self.book(NOW + timedelta(days=2))
        second = self.book(NOW + timedelta(days=9))
        self.assertEqual(second.stage_before, "asked")
        do_cancel_meeting(self.alice, first)
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, "scheduled")
        do_cancel_meeting(self.alice, second)
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, "asked")

    def test_it_leaves_today_the_week_count_and_the_feed(self):
        ahead = self.book(NOW + timedelta(hours=3))
        behind = self.book(NOW - timedelta(days=1, hours=2), person=self.make_person("Ann", "Lee"))
        today = build_today(self.alice)
        self.assertEqual((today.meetings_today, today.debriefs), ([ahead], [behind]))
        self.assertIn(f"meeting-{ahead.pk}@hundred", feed_events(self.alice))
        for meeting in (ahead, behind):
            do_cancel_meeting(self.alice, meeting)
        today = build_today(self.alice)
        self.assertEqual((today.meetings_today, today.debriefs), ([], []))
        self.assertEqual(today.meetings_this_week, 0)
        self.assertNotContains(self.client.get("/"), "Debrief your meeting with")
        uids = set(feed_events(self.alice))
        self.assertFalse({f"meeting-{ahead.pk}@hundred", f"meeting-{behind.pk}@hundred"} & uids)

    def test_its_open_thank_you_goes_with_it(self):
        meeting = self.book()
        thanks = self.make_followup(self.maya, reason="thank_you", meeting=meeting)
        do_cancel_meeting(self.alice, meeting)
        thanks.refresh_from_db()
        self.assertEqual((thanks.state, thanks.note), ("skipped", "The meeting was cancelled."))
        self.assertNotIn(f"followup-{thanks.pk}@hundred", feed_events(self.alice))

    def test_it_can_plan_a_reminder_to_find_another_time(self):
        meeting = self.book()
        self.client.post(f"/meetings/{meeting.pk}/cancel/", {"follow_up_on": "2026-11-09"})
        reminder = FollowUp.objects.get(person=self.maya, state="open")
        self.assertEqual((reminder.due_on, reminder.reason), (date(2026, 11, 9), "other"))
        self.assertIn("find another time", reminder.note)

    def test_a_debriefed_meeting_cannot_be_cancelled(self):
        meeting = self.book(NOW - timedelta(days=1))
        do_debrief_meeting(self.alice, meeting, Debrief())
        with self.assertRaises(MeetingHeld):
            do_cancel_meeting(self.alice, meeting)
        r = self.client.post(f"/meetings/{meeting.pk}/cancel/", {})
        self.assertContains(r, "so it took place and cannot be cancelled")
        meeting.refresh_from_db()
        self.assertIsNone(meeting.cancelled_at)
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, "met")

    def test_cancelling_twice_changes_nothing_more(self):
        meeting = self.book()
        do_cancel_meeting(self.alice, meeting)
        with freeze_time(NOW + timedelta(days=1)):
            do_cancel_meeting(self.alice, meeting)
        meeting.refresh_from_db()
        self.assertEqual(meeting.cancelled_at, NOW)

    def test_the_prep_sheet_and_the_timeline_show_it_cancelled(self):
        meeting = self.book()
        do_cancel_meeting(self.alice, meeting)
        prep = self.client.get(f"/meetings/{meeting.pk}/")
        self.assertContains(prep, "<strong>Cancelled</strong> on Monday 2 November 2026")
        self.assertNotContains(prep, f"/meetings/{meeting.pk}/cancel/")
        self.assertNotContains(prep, f"/meetings/{meeting.pk}/move/")
        person = self.client.get(f"/people/{self.maya.pk}/")
        self.assertContains(person, '<span class="badge cancelled">cancelled</span>', count=2)

    def test_a_cancelled_meeting_is_no_meeting_in_insights(self):
        from hundred.insight.metrics import build_insights

        def met() -> int:
            return {s.key: s.count for s in build_insights(self.alice).funnel}["met"]

        meeting = self.book(NOW - timedelta(days=1))
        self.assertEqual(met(), 1)
        do_cancel_meeting(self.alice, meeting)
        self.assertEqual(met(), 0)

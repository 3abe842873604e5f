"""Reminders in the calendar feed: a VALARM before each meeting and on the morning a follow-up
is due, when the account turns them on in Settings; none otherwise."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from icalendar import Calendar

from hundred.test import BaseTestCase
from hundred.transfer.calendar import export_ics
from hundred.transfer.models import CalendarFeed


class CalendarAlarmTestCase(BaseTestCase):
    def setUp(self):
        maya = self.make_person()
        self.make_meeting(maya)
        self.make_followup(maya, due_on=date(2026, 11, 27))

    def events(self) -> dict[str, object]:
        cal = Calendar.from_ical(export_ics(self.alice))
        return {str(e["uid"]).split("-")[0]: e for e in cal.walk("VEVENT")}

    def test_no_alarms_unless_turned_on(self):
        for event in self.events().values():
            self.assertEqual(event.walk("VALARM"), [])

    def test_each_event_gets_its_reminder(self):
        self.alice.calendar_alarm_minutes = 30
        self.alice.save()
        events = self.events()
        [meeting_alarm] = events["meeting"].walk("VALARM")
        self.assertEqual(meeting_alarm["trigger"].dt, -timedelta(minutes=30))
        self.assertEqual(str(meeting_alarm["action"]), "DISPLAY")
        self.assertEqual(str(meeting_alarm["description"]), "Meeting with Maya Okafor")
        [followup_alarm] = events["followup"].walk("VALARM")
        self.assertEqual(followup_alarm["trigger"].dt, timedelta(hours=9))  # 9:00 that day

    def test_the_feed_carries_them_and_settings_turn_them_on(self):
        self.login()
        self.client.post(
            reverse("accounts-settings"),
            {"time_zone": "UTC", "digest_hour": "7", "calendar_alarm_minutes": "60"},
        )
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.calendar_alarm_minutes, 60)
        feed = CalendarFeed.objects.create(owner=self.alice)
        self.client.logout()
        body = self.client.get(reverse("transfer-feed", args=[feed.token])).content
        self.assertEqual(body.count(b"BEGIN:VALARM"), 2)
        self.assertIn(b"TRIGGER:-PT1H", body)

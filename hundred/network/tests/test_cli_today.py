import io
import json
from contextlib import redirect_stderr, redirect_stdout
from datetime import UTC, date, datetime

from freezegun import freeze_time

from hundred.cli import main
from hundred.test import BaseTestCase


def run(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


class CliTodayTestCase(BaseTestCase):
    clock = freeze_time("2026-11-11 10:00:00+00:00")

    def setUp(self):
        self.maya = self.make_person()
        self.make_followup(self.maya, due_on=date(2026, 11, 10), reason="no_reply", channel="phone")
        self.make_meeting(
            self.make_person("Sam", "Ito"), starts_at=datetime(2026, 11, 12, 9, tzinfo=UTC)
        )
        self.make_meeting(self.maya, starts_at=datetime(2026, 11, 9, 9, tzinfo=UTC))
        self.make_favour(self.maya, what="Read her CV", due_on=date(2026, 11, 13))
        self.make_followup(self.make_person("Bruno", owner=self.bob), due_on=date(2026, 11, 10))

    def test_it_prints_json_items(self):
        code, out, err = run("today", "--user", "alice@example.org", "--json")
        self.assertEqual((code, err), (0, ""))
        items = json.loads(out)
        self.assertEqual(
            [(i["kind"], i["person"], i["due"]) for i in items],
            [
                ("followup", "Maya Okafor", "2026-11-10"),
                ("meeting", "Sam Ito", "2026-11-12T09:00:00+00:00"),
                ("debrief", "Maya Okafor", "2026-11-09T09:00:00+00:00"),
                ("favour", "Maya Okafor", "2026-11-13"),
            ],
        )
        self.assertEqual((items[0]["channel"], items[0]["reason"]), ("phone", "no_reply"))
        self.assertEqual(items[3]["reason"], "Read her CV")
        for item in items:
            self.assertEqual(
                set(item) >= {"kind", "person", "due", "channel", "reason"}, True, item
            )

    def test_it_prints_a_readable_list(self):
        code, out, _ = run("today", "--user", "alice@example.org")
        self.assertEqual(code, 0)
        self.assertIn("Tue 10 Nov (overdue)  follow up: Maya Okafor by phone — no reply", out)
        self.assertIn("Thu 12 Nov, 09:00  meeting: Sam Ito", out)
        self.assertIn("favour: Maya Okafor — Read her CV", out)
        self.assertIn("This week: 0 of 5 asks, 2 of 2 meetings.", out)
        self.assertNotIn("Bruno", out)

    def test_an_unknown_user_is_a_usage_error(self):
        code, out, err = run("today", "--user", "nobody@example.org", "--json")
        self.assertEqual((code, out), (2, ""))
        self.assertIn("There is no account for nobody@example.org", err)


class CliTodayTimeZoneTestCase(BaseTestCase):
    """Times as the account lives them: Paris is UTC+1 in December."""

    def setUp(self):
        self.alice.time_zone = "Europe/Paris"
        self.alice.save(update_fields=["time_zone"])
        sam = self.make_person("Sam", "Ito")
        self.make_meeting(sam, starts_at=datetime(2026, 12, 1, 9, tzinfo=UTC))
        self.make_favour(sam, what="Send the report", due_on=date(2027, 1, 8))

    @freeze_time("2026-11-30 10:00:00+00:00")
    def test_it_prints_local_human_times(self):
        code, out, _ = run("today", "--user", "alice@example.org")
        self.assertEqual(code, 0)
        self.assertIn("- Tue 1 Dec, 10:00  meeting: Sam Ito", out)
        self.assertIn("- Fri 8 Jan 2027  favour: Sam Ito — Send the report", out)
        self.assertNotIn("T09:00", out)

    @freeze_time("2026-11-30 10:00:00+00:00")
    def test_json_keeps_iso_8601_with_the_local_offset(self):
        code, out, _ = run("today", "--user", "alice@example.org", "--json")
        self.assertEqual(code, 0)
        items = {i["kind"]: i for i in json.loads(out)}
        self.assertEqual(items["meeting"]["due"], "2026-12-01T10:00:00+01:00")
        self.assertEqual(
            datetime.fromisoformat(items["meeting"]["due"]), datetime(2026, 12, 1, 9, tzinfo=UTC)
        )
        self.assertEqual(items["favour"]["due"], "2027-01-08")

"""`hundred coach grant|revoke|report`: the seeker's consent and the coach's figures by command.

The clock is BaseTestCase's (Wednesday 25 November 2026): last_activity is a date."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout

from django.utils import timezone

from hundred.centre.models import CoachGrant, CoachView
from hundred.centre.tests.base import CentreTestCase
from hundred.cli import main
from hundred.network.models import Direction

KEYS = [
    "email",
    "listed",
    "asked",
    "met",
    "names_received",
    "overdue_followups",
    "flagged_messages",
    "last_activity",
]


class CoachCliTestCase(CentreTestCase):
    def run_cli(self, *argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(argv))
        return code, out.getvalue(), err.getvalue()

    def assertRefused(self, argv: list[str], words: str) -> None:
        before = list(CoachGrant.objects.values())
        code, out, err = self.run_cli(*argv)
        self.assertEqual(code, 2, err)
        self.assertEqual(out, "")
        self.assertTrue(err.startswith("hundred: "), err)
        self.assertEqual(err.count("\n"), 1, err)
        self.assertIn(words, err)
        self.assertEqual(list(CoachGrant.objects.values()), before, "nothing changed")

    def test_grant_then_revoke(self):
        code, out, err = self.run_cli(
            "coach", "grant", "cora@north.example", "--user", "alice@example.org", "--with-notes"
        )
        self.assertEqual((code, err), (0, ""))
        self.assertIn("can now read alice@example.org's Hundred, with notes", out)
        grant = CoachGrant.objects.get(seeker=self.alice, coach=self.coach)
        self.assertTrue(grant.is_active and grant.with_notes)
        code, out, err = self.run_cli(
            "coach", "revoke", "cora@north.example", "--user", "alice@example.org"
        )
        self.assertEqual((code, err), (0, ""))
        grant.refresh_from_db()
        self.assertFalse(grant.is_active)

    def test_a_grant_without_the_flag_leaves_notes_out(self):
        self.run_cli("coach", "grant", "cora@north.example", "--user", "alice@example.org")
        self.assertFalse(CoachGrant.objects.get(coach=self.coach).with_notes)

    def test_errors_are_one_line_and_change_nothing(self):
        self.grant(coach=self.second_coach)
        cases = [
            (["coach", "grant", "nobody@north.example"], "no account for nobody@north.example"),
            (["coach", "grant", "ada@north.example"], "ada@north.example is not a coach"),
            (["coach", "grant", "sam@south.example"], "not a coach of alice@example.org's centre"),
            (["coach", "revoke", "cora@north.example"], "no access to alice@example.org's"),
            (["coach", "grant"], "Name the coach"),
        ]
        for argv, words in cases:
            with self.subTest(argv=argv):
                self.assertRefused([*argv, "--user", "alice@example.org"], words)
        self.assertRefused(
            ["coach", "report", "--user", "alice@example.org", "--json"], "is not a coach"
        )

    def test_report_lists_the_clients_who_granted_access_only(self):
        person = self.make_person()
        self.make_interaction(
            person,
            direction=Direction.OUT,
            is_outreach=True,
            asks_for_job=True,
            occurred_at=timezone.now(),
        )
        self.grant()
        self.make_person(owner=self.bob)  # no grant: not in the report
        code, out, err = self.run_cli("coach", "report", "--user", "cora@north.example", "--json")
        self.assertEqual((code, err), (0, ""))
        rows = json.loads(out)
        self.assertEqual([list(r) for r in rows], [KEYS])
        self.assertEqual(
            rows[0],
            {
                "email": "alice@example.org",
                "listed": 1,
                "asked": 1,
                "met": 0,
                "names_received": 0,
                "overdue_followups": 0,
                "flagged_messages": 1,
                "last_activity": "2026-11-25",
            },
        )
        code, out, _ = self.run_cli("coach", "report", "--user", "carl@north.example", "--json")
        self.assertEqual((code, json.loads(out)), (0, []))
        # Alice's log of coach views names the report; Bob, not in it, has nothing.
        self.assertEqual(
            list(CoachView.objects.filter(seeker=self.alice).values_list("page", flat=True)),
            ["figures report (command line)"],
        )
        self.assertFalse(CoachView.objects.filter(seeker=self.bob).exists())

    def test_report_without_json_is_a_table(self):
        self.grant()
        code, out, _ = self.run_cli("coach", "report", "--user", "cora@north.example")
        self.assertEqual(code, 0)
        self.assertEqual(out.splitlines()[0].split("\t"), KEYS)
        self.assertTrue(out.splitlines()[1].startswith("alice@example.org\t0\t"))

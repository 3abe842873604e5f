"""Restore checks every value of a backup against what the models take, and refuses a file
with one it cannot take: one sentence naming the row and the key, and nothing written."""

from __future__ import annotations

import copy
import io
import json
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest.mock import patch

from hundred.accounts.models import ApiToken
from hundred.cli import main
from hundred.network.models import Closeness, HowKnown, Person, Source, Stage
from hundred.test import BaseTestCase
from hundred.transfer.backup import BadBackup, do_restore, read_backup
from hundred.transfer.backup.restore import is_empty

GOOD = json.loads((Path(__file__).parent / "fixtures" / "backup-v2.json").read_text())


def changed(change) -> dict:
    backup = copy.deepcopy(GOOD)
    change(backup)
    return backup


def person(n: int, **values):
    return lambda b: b["people"][n].update(values)


def row(key: str, n: int, **values):
    return lambda b: b[key][n].update(values)


# (what is wrong, the change, what the message says)
DAMAGES = [
    (
        "an unknown stage",
        person(1, stage="hired"),
        'in row id 2 of “people”, “stage” is "hired", not one of listed, asked, scheduled, met, '
        "nurturing, declined, paused.",
    ),
    (
        "an e-mail that is not one",
        person(0, emails=["ada@example.net", "not an email"]),
        'in row id 1 of “people”, “emails” has "not an email", which is not an e-mail address.',
    ),
    (
        "e-mails as a text, not a list",
        person(0, emails="ada@example.net"),
        '“emails” is "ada@example.net", not a list of texts.',
    ),
    (
        "a first name too long",
        person(0, first_name="A" * 500),
        '“first_name” is "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…: Ensure this value has at most '
        "150 characters (it has 500).",
    ),
    (
        "a LinkedIn URL too long",
        person(1, linkedin_url="https://" + "x" * 300),
        "“linkedin_url” is",
    ),
    ("a closeness out of range", person(1, closeness=7), "“closeness” is 7, not one of 1, 2, 3."),
    ("a closeness as text", person(1, closeness="2"), '“closeness” is "2", not a whole number.'),
    ("an unknown how_known", person(1, how_known="coworker"), '“how_known” is "coworker"'),
    ("an unknown source", person(1, source="facebook"), '“source” is "facebook", not one of'),
    ("a null name", person(1, first_name=None), "“first_name” is null: give it a value."),
    ("a missing key", lambda b: b["people"][1].pop("last_name"), "“last_name” is missing."),
    (
        "a date that does not exist",
        person(1, paused_until="2026-02-30"),
        '“paused_until” is "2026-02-30", not a date like 2026-03-02.',
    ),
    (
        "a tag too long",
        person(1, tags=["x" * 61]),
        '“tags” has the tag "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…: Ensure this value has at '
        "most 60 characters (it has 61).",
    ),
    (
        "an introducer not in the file",
        person(1, introduced_by="1"),
        '“introduced_by” is "1", not the id of a row of the file or null.',
    ),
    (
        "a company id not in the file",
        person(1, company_id=99),
        "“company_id” is 99, but the file's companies have no such id.",
    ),
    ("two people with one id", person(1, id=1), "“id” is 1, and row 1 has the same “id”"),
    (
        "a company without a name",
        row("companies", 0, name=""),
        'in row id 1 of “companies”, “name” is "": This field cannot be blank.',
    ),
    ("a priority out of range", row("companies", 0, priority=9), "“priority” is 9, not one of"),
    (
        "a yes/no as text",
        row("companies", 0, is_target="yes"),
        '“is_target” is "yes", not true or false.',
    ),
    (
        "a negative length",
        row("meetings", 0, duration_minutes=-20),
        "in row id 1 of “meetings”, “duration_minutes” is -20: Ensure this value is greater than "
        "or equal to 0.",
    ),
    (
        "a number too big for its column",
        row("meetings", 0, duration_minutes=2**40),
        "“duration_minutes” is 1099511627776: Ensure this value is less than or equal to",
    ),
    (
        "a time without its zone",
        row("meetings", 0, starts_at="2026-03-06T15:41:00"),
        '“starts_at” is "2026-03-06T15:41:00", without its time zone: end it with Z (UTC).',
    ),
    (
        "a time that does not exist",
        row("meetings", 0, starts_at="2026-03-06T25:41:00Z"),
        "not a date-time like 2026-03-02T09:41:00Z.",
    ),
    (
        "a person not in the file",
        row("followups", 0, person=99),
        "in row id 1 of “followups”, “person” is 99, but the file's people have no such id.",
    ),
    ("an unknown follow-up state", row("followups", 0, state="later"), '“state” is "later"'),
    (
        "someone in an interaction not in the file",
        row("interactions", 0, people=[1, 99]),
        "“people” is 99, but the file's people have no such id.",
    ),
    (
        "one e-mail logged twice",
        lambda b: b["interactions"][0].update(message_id=b["interactions"][1]["message_id"]),
        "in row id 2 of “interactions”, “message_id” is",
    ),
    ("a favour without what", row("favours", 0, what=""), '“what” is "": This field cannot'),
    ("a favour's direction", row("favours", 0, direction="owed"), '“direction” is "owed"'),
    (
        "an import's count below zero",
        row("import_history", 0, created=-1),
        "in row 1 of “import_history”, “created” is -1",
    ),
    (
        "a setting below its least",
        lambda b: b["followup_settings"].update(max_attempts=0),
        "in “followup_settings”, “max_attempts” is 0: Ensure this value is greater than or equal "
        "to 1.",
    ),
    (
        "holidays that are not dates",
        lambda b: b["followup_settings"].update(holidays="soon"),
        'in “followup_settings”, “holidays” is "soon"',
    ),
    (
        "an unknown channel in the rotation",
        lambda b: b["followup_settings"].update(channel_rotation=["pigeon"]),
        'in “followup_settings”, “channel_rotation” is ["pigeon"]',
    ),
    (
        "a target list of numbers",
        lambda b: b["target"].update(skills=[1, 2]),
        "in “target”, “skills” is [1, 2], not a list of texts.",
    ),
    ("a tag name twice", lambda b: b["tags"].append(b["tags"][0]), "which the list has twice"),
    (
        "a row that is not an object",
        lambda b: b["favours"].append(5),
        "in row 2 of “favours”, the row is 5, not an object.",
    ),
    (
        "a list that is not one",
        lambda b: b.update(people={"1": {}}),
        'in the file, “people” is {"1": {}}, not a list.',
    ),
]


class RestoreChecksTestCase(BaseTestCase):
    def test_a_good_backup_restores(self):
        counts = do_restore(self.bob, read_backup(json.dumps(GOOD).encode()))
        self.assertEqual(counts["people"], len(GOOD["people"]))

    def test_each_kind_of_bad_value_is_refused_by_name_and_nothing_is_written(self):
        for what, change, message in DAMAGES:
            with self.subTest(what):
                with self.assertRaises(BadBackup) as refused:
                    do_restore(self.bob, changed(change))
                text = str(refused.exception)
                self.assertIn(message, text)
                self.assertTrue(text.startswith("Nothing was restored: "), text)
                self.assertTrue(text.endswith("and restore again."), text)
                self.assertNotIn("\n", text)
                self.assertTrue(is_empty(self.bob), what)

    def test_addresses_either_validator_takes_restore(self):
        # Django's validator (the person form, the API) refuses a non-ASCII local part, which
        # email_validator (imports) accepts; an account can hold both kinds.
        backup = changed(person(0, emails=["josé@example.org", "ann@[192.0.2.1]"]))
        do_restore(self.bob, backup)
        self.assertEqual(
            Person.objects.get(owner=self.bob, first_name="Ada").emails,
            ["josé@example.org", "ann@[192.0.2.1]"],
        )

    def test_the_command_refuses_the_qa_file_in_one_line(self):
        tmp = Path(tempfile.mkdtemp())
        for what, change, message in DAMAGES[:4]:
            path = tmp / "backup.json"
            path.write_text(json.dumps(changed(change)), encoding="utf-8")
            out, err = io.StringIO(), io.StringIO()
            with patch("sys.stdin", io.StringIO("")), redirect_stdout(out), redirect_stderr(err):
                code = main(["restore", str(path), "--user", "bob@example.org"])
            with self.subTest(what):
                self.assertEqual(code, 2)
                self.assertEqual(out.getvalue(), "")
                self.assertTrue(err.getvalue().startswith("hundred: Nothing was restored: "))
                self.assertIn(message, err.getvalue())
                self.assertEqual(err.getvalue().count("\n"), 1, err.getvalue())
                self.assertTrue(is_empty(self.bob))

    def test_the_api_lists_every_value_the_models_take(self):
        # The API's schema names the models' choices: whatever restore lets in, it can list.
        backup = copy.deepcopy(GOOD)
        template = backup["people"][0]
        values = [
            *({"stage": v} for v in Stage.values),
            *({"how_known": v} for v in HowKnown.values),
            *({"closeness": v} for v in Closeness.values),
            *({"source": v} for v in Source.values),
            {"first_name": "F" * 150, "last_name": "L" * 150, "title": "T" * 200},
            {"linkedin_url": "javascript:alert(1)" + "x" * 281, "location": "L" * 200},
            {"emails": ["josé@example.org"], "phones": ["abc"], "paused_until": None},
        ]
        first = max(p["id"] for p in backup["people"]) + 1
        for n, value in enumerate(values):
            backup["people"].append(
                {**template, "id": first + n, "introduced_by": None, "introduced_at": None, **value}
            )
        do_restore(self.bob, backup)
        _, secret = ApiToken.objects.issue(self.bob, "tests", write=False)
        response = self.client.get(
            "/api/v1/people/?limit=200", HTTP_AUTHORIZATION=f"Bearer {secret}"
        )
        self.assertEqual(response.status_code, 200, response.content[:500])
        self.assertEqual(len(response.json()["items"]), len(backup["people"]))

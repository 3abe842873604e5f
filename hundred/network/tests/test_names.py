"""A full name splits the same way wherever it comes in: quick add, an import, a debrief."""

from datetime import timedelta

from django.utils import timezone

from hundred.network.actions.meetings import Debrief, NameGiven, do_debrief_meeting
from hundred.network.actions.people import do_quick_add_person
from hundred.network.models import Person
from hundred.test import BaseTestCase
from hundred.transfer.formats.dispatch import parse

NAME = "Ann Marie Lee"
EXPECTED = ("Ann Marie", "Lee")


class NameSplittingTestCase(BaseTestCase):
    def test_it_splits_a_quick_added_name(self):
        person = do_quick_add_person(self.alice, name=NAME, how_known="friend")
        self.assertEqual((person.first_name, person.last_name), EXPECTED)

    def test_it_splits_a_name_named_in_a_debrief(self):
        # A debrief is written after the meeting: it has started.
        meeting = self.make_meeting(
            self.make_person("Sam", "Ortiz"), starts_at=timezone.now() - timedelta(hours=1)
        )
        do_debrief_meeting(self.alice, meeting, Debrief(names=[NameGiven(name=NAME)]))
        person = Person.objects.get(owner=self.alice, introduced_by__isnull=False)
        self.assertEqual((person.first_name, person.last_name), EXPECTED)

    def test_it_splits_a_name_from_a_csv(self):
        result = parse("csv", f"Name,Email\n{NAME},ann@example.org\n".encode())
        record = result.people[0]
        self.assertEqual((record.first_name, record.last_name), EXPECTED)

    def test_it_splits_a_name_from_a_vcard(self):
        card = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{NAME}\r\nEND:VCARD\r\n".encode()
        record = parse("vcard", card).people[0]
        self.assertEqual((record.first_name, record.last_name), EXPECTED)

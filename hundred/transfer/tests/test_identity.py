"""Identity across an account: a profile is a person, e-mail next, name and organisation last."""

from __future__ import annotations

from hundred.network.models import Company, Person
from hundred.test import BaseTestCase
from hundred.transfer.formats.dispatch import parse
from hundred.transfer.formats.records import ParseResult, PersonRecord
from hundred.transfer.loader import do_import
from hundred.transfer.tests.util import linkedin_connections


def _import(owner, *recs, kind="csv"):
    return do_import(owner, ParseResult(kind=kind, people=list(recs)))


class IdentityTestCase(BaseTestCase):
    def test_thirty_thousand_namesakes_with_their_own_profiles_are_thirty_thousand_people(self):
        data = linkedin_connections(30_000)
        report = do_import(self.alice, parse("linkedin", data))
        self.assertEqual((report.created, report.skipped), (30_000, 0))
        self.assertEqual(Person.objects.for_user(self.alice).count(), 30_000)
        urls = Person.objects.for_user(self.alice).values_list("linkedin_url", flat=True)
        self.assertEqual(len(set(urls)), 30_000)
        again = do_import(self.alice, parse("linkedin", data))
        self.assertEqual((again.created, again.updated, again.unchanged), (0, 0, 30_000))

    def test_a_later_file_never_merges_two_profiles(self):
        self.make_person(
            "Daniel",
            "Kim",
            linkedin_url="https://www.linkedin.com/in/dk-1",
            emails=["dk@example.com"],
        )
        other = "https://www.linkedin.com/in/dk-2"
        report = _import(
            self.alice,
            PersonRecord(line=2, first_name="Daniel", last_name="Kim", linkedin_url=other),
            PersonRecord(
                line=3, first_name="D", last_name="K", emails=["dk@example.com"], linkedin_url=other
            ),
            kind="linkedin",
        )
        # Row 3 is row 2's profile, so the same (new) person; the shared e-mail joins no one.
        self.assertEqual((report.created, report.updated), (1, 0))
        self.assertEqual(Person.objects.for_user(self.alice).count(), 2)

    def test_a_file_without_profiles_completes_the_one_person_its_name_fits(self):
        dk = self.make_person("Daniel", "Kim", linkedin_url="https://www.linkedin.com/in/dk-1")
        report = _import(
            self.alice,
            PersonRecord(line=2, first_name="Daniel", last_name="Kim", phones=["+15551234567"]),
        )
        self.assertEqual((report.created, report.updated), (0, 1))
        dk.refresh_from_db()
        self.assertEqual(dk.phones, ["+15551234567"])

    def test_a_name_two_people_share_is_not_guessed(self):
        for i in (1, 2):
            self.make_person("Daniel", "Kim", linkedin_url=f"https://www.linkedin.com/in/dk-{i}")
        report = _import(
            self.alice,
            PersonRecord(line=2, first_name="Daniel", last_name="Kim", phones=["+15551234567"]),
        )
        self.assertEqual((report.created, report.updated), (1, 0))

    def test_linkedin_people_are_linkedin_connections_and_self_employed_is_no_company(self):
        data = linkedin_connections(200)
        do_import(self.alice, parse("linkedin", data))
        people = Person.objects.for_user(self.alice)
        self.assertEqual(set(people.values_list("how_known", flat=True)), {"linkedin"})
        self.assertFalse(Company.objects.for_user(self.alice).filter(name__icontains="employed"))
        self.assertTrue(people.filter(title="Engineer (Self-employed)", company=None))

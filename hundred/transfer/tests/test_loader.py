"""The loader: every fixture into an account, matched, merged, all or nothing."""

from __future__ import annotations

from hundred.network.models import Company, Interaction, Person
from hundred.test import BaseTestCase
from hundred.transfer.formats.dispatch import parse
from hundred.transfer.formats.records import ParseResult, PersonRecord
from hundred.transfer.loader import do_import
from hundred.transfer.models import ImportRun
from hundred.transfer.tests.util import fixture, linkedin_zip

# kind, fixture, people created, rows skipped
CASES = [
    ("linkedin", "linkedin_connections.csv", 8, 2),
    ("linkedin", "linkedin_connections_2018.csv", 2, 1),
    ("linkedin", "linkedin_connections_cp1252.csv", 2, 0),
    ("linkedin", "linkedin_connections_semicolon.csv", 2, 1),
    ("linkedin", "linkedin_connections_bom_crlf.csv", 2, 0),
    ("google", "google_current.csv", 3, 1),
    ("google", "google_old.csv", 2, 0),
    ("google", "google_old_utf16.csv", 1, 0),
    ("outlook", "outlook_web.csv", 2, 1),
    ("outlook", "outlook_desktop.csv", 2, 0),
    ("vcard", "apple.vcf", 2, 1),
    ("vcard", "google.vcf", 2, 0),
    ("vcard", "android21.vcf", 2, 0),
    ("vcard", "vcard40.vcf", 1, 0),
    ("vcard", "concatenated.vcf", 2, 1),
    ("csv", "generic.csv", 2, 1),
]


def load(owner, kind, data, **kwargs):
    return do_import(owner, parse(kind, data), **kwargs)


class LoaderTestCase(BaseTestCase):
    def test_it_imports_every_fixture_with_its_counts(self):
        for kind, name, created, skipped in CASES:
            with self.subTest(fixture=name):
                Person.objects.all().delete()
                report = load(self.alice, kind, fixture(name), filename=name)
                self.assertEqual(report.created, created)
                self.assertEqual(report.skipped, skipped)
                self.assertEqual(Person.objects.for_user(self.alice).count(), created)
                self.assertTrue(all(s["line"] > 0 and s["reason"] for s in report.skipped_rows))

    def test_it_reads_linkedin_fields(self):
        load(self.alice, "linkedin", fixture("linkedin_connections.csv"))
        amara = Person.objects.get(owner=self.alice, first_name="Amara")
        self.assertEqual(amara.source, "linkedin")
        self.assertIn("linkedin.com/in/", amara.linkedin_url)
        self.assertIsNotNone(amara.connected_on)

    def test_it_reads_cp1252_and_semicolon_linkedin_files(self):
        load(self.alice, "linkedin", fixture("linkedin_connections_cp1252.csv"))
        load(self.alice, "linkedin", fixture("linkedin_connections_semicolon.csv"))
        names = set(Person.objects.for_user(self.alice).values_list("first_name", "last_name"))
        self.assertIn(("José", "Núñez"), names)
        self.assertIn(("Siobhán", "O’Brien"), names)
        self.assertIn(("Hana", "Kobayashi"), names)

    def test_reimporting_changes_nothing(self):
        for kind, name, _, _ in CASES:
            with self.subTest(fixture=name):
                load(self.alice, kind, fixture(name))
                before = list(Person.objects.for_user(self.alice).values().order_by("id"))
                again = load(self.alice, kind, fixture(name))
                self.assertEqual((again.created, again.updated), (0, 0))
                after = list(Person.objects.for_user(self.alice).values().order_by("id"))
                self.assertEqual(before, after)

    def test_a_merge_fills_empty_fields_and_never_overwrites(self):
        company = self.make_company("Typed Ltd")
        maya = self.make_person(
            "Maya", "Okafor", emails=["maya@example.net"], title="", company=company, notes="mine"
        )
        rec = PersonRecord(
            line=2,
            first_name="Maya",
            last_name="Okafor",
            emails=["MAYA@example.net", "maya@work.example"],
            phones=["+15551234567"],
            title="Director",
            company="Other Corp",
            notes="theirs",
            tags=["imported"],
        )
        report = do_import(self.alice, ParseResult(kind="csv", people=[rec]))
        self.assertEqual((report.created, report.updated), (0, 1))
        maya.refresh_from_db()
        self.assertEqual(maya.emails, ["maya@example.net", "maya@work.example"])
        self.assertEqual(maya.phones, ["+15551234567"])
        self.assertEqual(maya.title, "Director")
        self.assertEqual(maya.company, company)
        self.assertEqual(maya.notes, "mine")
        self.assertEqual([t.name for t in maya.tags.all()], ["imported"])

    def test_duplicates_within_one_file_collapse(self):
        recs = [
            PersonRecord(line=2, first_name="Sam", last_name="Lee", emails=["sam@example.net"]),
            PersonRecord(
                line=3, first_name="Sam", last_name="Lee", emails=["SAM@example.net"], title="Chef"
            ),
        ]
        report = do_import(self.alice, ParseResult(kind="csv", people=recs))
        self.assertEqual(report.created, 1)
        self.assertEqual(Person.objects.get(owner=self.alice).title, "Chef")

    def test_a_dry_run_writes_nothing_and_reports_the_same(self):
        dry = load(self.alice, "linkedin", fixture("linkedin_connections.csv"), dry_run=True)
        self.assertEqual(Person.objects.count(), 0)
        self.assertEqual(ImportRun.objects.count(), 0)
        real = load(self.alice, "linkedin", fixture("linkedin_connections.csv"))
        self.assertEqual(dry.contract(), real.contract())
        self.assertEqual(ImportRun.objects.get().created, real.created)

    def test_it_imports_the_linkedin_zip(self):
        report = load(self.alice, "linkedin", linkedin_zip())
        self.assertEqual(report.created, 2)
        self.assertGreater(Company.objects.for_user(self.alice).count(), 0)
        self.assertEqual(
            Interaction.objects.for_user(self.alice).count(), report.interactions_created
        )
        again = load(self.alice, "linkedin", linkedin_zip())
        self.assertEqual(
            (again.created, again.updated, again.interactions_created, again.companies_created),
            (0, 0, 0, 0),
        )

    def test_companies_are_matched_by_name_in_any_case(self):
        self.make_company("northwind analytics")
        rec = PersonRecord(line=2, first_name="A", last_name="B", company="Northwind Analytics")
        do_import(self.alice, ParseResult(kind="csv", people=[rec]))
        self.assertEqual(Company.objects.for_user(self.alice).count(), 1)

    def test_it_leaves_other_accounts_alone(self):
        self.make_person("Amara", "Okafor", owner=self.bob)
        load(self.alice, "linkedin", fixture("linkedin_connections.csv"))
        self.assertEqual(Person.objects.for_user(self.bob).count(), 1)

    def test_it_cuts_overlong_values_to_the_column(self):
        rec = PersonRecord(line=2, first_name="A", last_name="B", title="x" * 5000)
        do_import(self.alice, ParseResult(kind="csv", people=[rec]))
        self.assertEqual(len(Person.objects.get(owner=self.alice).title), 200)


# Accents, a combining mark at a part's start, NBSP, ß, final sigma, emoji, and parts that
# fold to nothing: the loader folds each part once and joins them.
FOLD_CASES = [
    ("José", "Núñez", ["Jose@Example.COM"], "Café, Inc.", "Head of R&D"),
    ("\u0301Ann", "O'Neil 🚀", [], "", "  CTO\u00a0and  founder "),
    ("STRAßE", "ΟΔΥΣΣΕΥΣ", ["a@b.c", "Ö@x.de"], "Ærø ApS", ""),
    ("", "", [], "", ""),
    ("🚀", "---", [], "¨", "\u2003"),
    ("x" * 200, "y" * 200, [], "Z" * 200, "w" * 200),
]


def test_the_loaders_search_text_is_persons():
    from hundred.transfer.loader import _Folded

    folded = _Folded()
    for first, last, emails, company, title in FOLD_CASES:
        assert folded.search_text(first, last, emails, company, title) == (
            Person.search_text_for(first, last, emails, company, title)
        )
        assert folded.sort_name(first, last) == Person.sort_name_for(first, last)

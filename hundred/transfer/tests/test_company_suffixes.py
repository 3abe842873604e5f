"""One company under its legal suffixes: imports find "Northwind Analytics" for "Northwind
Analytics, Inc." (the key the duplicates review uses), keeping the name already there."""

from __future__ import annotations

import io
import zipfile

from hundred.network.models import Company, Person
from hundred.test import BaseTestCase
from hundred.transfer.formats.dispatch import parse
from hundred.transfer.loader import do_import

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    'Ann,Lee,https://www.linkedin.com/in/ann-lee,,"{}",Analyst,08 Feb 2026\n'
)


def connections(company: str, who: str = "ann-lee") -> bytes:
    return CONNECTIONS.format(company).replace("ann-lee", who).encode()


class CompanySuffixImportTestCase(BaseTestCase):
    def names(self) -> list[str]:
        return sorted(Company.objects.for_user(self.alice).values_list("name", flat=True))

    def test_the_linkedin_export_makes_one_company_of_connections_and_saved_jobs(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            zf.writestr("Connections.csv", connections("Northwind Analytics"))
            zf.writestr(
                "Jobs/Saved Jobs.csv",
                "Saved Date,Job Url,Job Title,Company Name\n"
                '"3/5/26, 8:00 PM",https://www.linkedin.com/jobs/view/1,Data Engineer,'
                '"Northwind Analytics, Inc."\n',
            )
        report = do_import(self.alice, parse("linkedin", buffer.getvalue()))
        self.assertEqual(self.names(), ["Northwind Analytics"])
        self.assertEqual(report.companies_created, 1)
        northwind = Company.objects.get(owner=self.alice)
        self.assertIn("Data Engineer", northwind.notes)  # the saved job, on the one company
        self.assertEqual(northwind.people.count(), 1)

    def test_a_later_import_with_a_suffix_finds_the_company_and_keeps_its_name(self):
        do_import(self.alice, parse("linkedin", connections("Contoso")))
        preview = do_import(
            self.alice, parse("linkedin", connections("Contoso, Ltd.", "bo-chen")), dry_run=True
        )
        self.assertEqual(preview.companies_created, 0)
        report = do_import(self.alice, parse("linkedin", connections("Contoso, Ltd.", "bo-chen")))
        self.assertEqual((report.created, report.companies_created), (1, 0))
        self.assertEqual(self.names(), ["Contoso"])
        self.assertEqual(Company.objects.get(owner=self.alice).people.count(), 2)

    def test_the_first_spelling_in_a_file_is_the_name_kept(self):
        data = b'Name,Company\nAnn Lee,"Acme, Ltd."\nBo Chen,Acme\nCy Diaz,ACME LIMITED\n'
        report = do_import(self.alice, parse("csv", data))
        self.assertEqual((report.created, report.companies_created), (3, 1))
        self.assertEqual(self.names(), ["Acme, Ltd."])

    def test_a_person_already_there_is_not_updated_by_a_suffix(self):
        do_import(self.alice, parse("linkedin", connections("Northwind Analytics")))
        again = do_import(self.alice, parse("linkedin", connections("Northwind Analytics, Inc.")))
        self.assertEqual((again.created, again.updated, again.unchanged), (0, 0, 1))
        self.assertEqual(Person.objects.get(owner=self.alice).company.name, "Northwind Analytics")

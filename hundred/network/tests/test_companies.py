from hundred.network.models import Company
from hundred.test import BaseTestCase

URL = "/companies/"


class CompaniesTestCase(BaseTestCase):
    def setUp(self):
        self.northwind = self.make_company("Northwind Analytics", industry="Analytics")
        self.contoso = self.make_company(
            "Contoso Health", industry="Healthcare", is_target=True, priority=1
        )
        self.make_person(company=self.contoso)
        self.make_person("Sam", "Ito", company=self.contoso)
        self.login()

    def names(self, response) -> list[str]:
        return [c.name for c in response.context["page"].object_list]

    def test_it_lists_my_companies_with_their_people_count(self):
        self.make_company("Bobco", owner=self.bob)
        r = self.client.get(URL)
        self.assertEqual(self.names(r), ["Contoso Health", "Northwind Analytics"])
        counts = {c.name: c.people_count for c in r.context["page"].object_list}
        self.assertEqual(counts, {"Contoso Health": 2, "Northwind Analytics": 0})
        self.assertContains(r, "Target · high")
        self.assertNotContains(r, "Bobco")

    def test_it_searches_name_and_industry(self):
        self.assertEqual(self.names(self.client.get(URL, {"q": "north"})), ["Northwind Analytics"])
        self.assertEqual(self.names(self.client.get(URL, {"q": "HEALTH"})), ["Contoso Health"])
        r = self.client.get(URL, {"q": "zebra"})
        self.assertContains(r, "No company matches “zebra”.")

    def test_it_shows_targets_only(self):
        r = self.client.get(URL, {"targets": "1"})
        self.assertEqual(self.names(r), ["Contoso Health"])
        self.assertContains(r, 'name="targets" value="1" checked')

    def test_it_pages_by_fifty_keeping_the_filters(self):
        Company.objects.bulk_create(
            Company(owner=self.alice, name=f"Target {i:02}", is_target=True) for i in range(55)
        )
        r = self.client.get(URL, {"q": "target", "targets": "1"})
        self.assertEqual(len(r.context["page"].object_list), 50)
        self.assertContains(r, "Page 1 of 2")
        self.assertContains(r, 'href="?q=target&amp;targets=1&amp;page=2"')
        r = self.client.get(URL, {"q": "target", "targets": "1", "page": "2"})
        self.assertEqual(len(r.context["page"].object_list), 5)
        self.assertContains(r, 'href="?q=target&amp;targets=1&amp;page=1"')

    def test_it_shows_an_empty_state(self):
        Company.objects.all().delete()
        self.assertContains(self.client.get(URL), "No companies yet.")


class AddCompanyTestCase(BaseTestCase):
    URL = "/companies/add/"

    def setUp(self):
        self.login()

    def test_it_shows_the_form(self):
        r = self.client.get(self.URL)
        self.assertContains(r, "Add a company")
        self.assertContains(r, 'for="id_is_target"')

    def test_it_adds_a_company(self):
        r = self.client.post(
            self.URL,
            {
                "name": "  Northwind Analytics ",
                "industry": "Analytics",
                "is_target": "on",
                "priority": "1",
                "research_status": "researching",
                "notes": "Growing their data team.",
            },
        )
        company = Company.objects.get()
        self.assertRedirects(r, company.get_absolute_url())
        self.assertEqual(company.owner, self.alice)
        self.assertEqual(company.name, "Northwind Analytics")
        self.assertTrue(company.is_target)
        self.assertEqual(company.priority, 1)
        self.assertEqual(company.research_status, "researching")

    def test_it_refuses_a_name_i_already_have_in_any_case(self):
        self.make_company("Northwind Analytics")
        r = self.client.post(
            self.URL,
            {
                "name": "NORTHWIND analytics",
                "industry": "Data",
                "priority": "2",
                "research_status": "not_started",
            },
        )
        self.assertContains(r, "You already have a company called “NORTHWIND analytics”.")
        self.assertContains(r, 'value="Data"')
        self.assertEqual(Company.objects.count(), 1)

    def test_it_allows_a_name_another_account_has(self):
        self.make_company("Northwind Analytics", owner=self.bob)
        self.client.post(
            self.URL,
            {"name": "Northwind Analytics", "priority": "2", "research_status": "not_started"},
        )
        self.assertEqual(Company.objects.for_user(self.alice).count(), 1)

    def test_it_needs_a_name(self):
        r = self.client.post(self.URL, {"name": "", "priority": "2"})
        self.assertContains(r, "This field is required.")
        self.assertFalse(Company.objects.exists())


class CompanyColumnsTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def test_industry_and_location_are_left_out_when_no_company_has_one(self):
        self.make_company("Northwind Analytics")
        self.make_company("Contoso Health")
        html = self.client.get("/companies/").content.decode()
        self.assertIn("Northwind Analytics", html)
        self.assertNotIn(">Industry</th>", html)
        self.assertNotIn(">Location</th>", html)

    def test_a_column_shows_as_soon_as_one_company_has_it(self):
        self.make_company("Northwind Analytics", industry="Analytics")
        self.make_company("Contoso Health")
        html = self.client.get("/companies/").content.decode()
        self.assertIn(">Industry</th>", html)
        self.assertIn("<td>Analytics</td>", html)
        self.assertNotIn(">Location</th>", html)

from hundred.network.models import Company, Person
from hundred.test import BaseTestCase


class CompanyTestCase(BaseTestCase):
    def setUp(self):
        self.company = self.make_company(
            "Northwind Analytics", industry="Analytics", notes="Hiring in Leeds.", is_target=True
        )
        self.url = self.company.get_absolute_url()
        self.login()

    def test_it_shows_the_company_and_the_people_there(self):
        maya = self.make_person(company=self.company, title="Head of Data")
        self.make_person("Sam", "Ito")  # elsewhere
        r = self.client.get(self.url)
        self.assertContains(r, "<h1>Northwind Analytics")
        self.assertContains(r, "Target · medium priority")
        self.assertContains(r, "Hiring in Leeds.")
        self.assertContains(r, f'<a href="{maya.get_absolute_url()}">Maya Okafor</a>, Head of Data')
        self.assertNotContains(r, "Sam Ito")

    def test_it_lists_the_people_along_the_funnel(self):
        company = self.make_company("Fabrikam")
        for first, stage in (("Ada", "met"), ("Ben", "listed"), ("Cy", "asked"), ("Di", "paused")):
            self.make_person(first, "Ng", company=company, stage=stage)
        self.login()
        r = self.client.get(f"/companies/{company.pk}/")
        names = [p.first_name for p in r.context["people"]]
        self.assertEqual(names, ["Ben", "Cy", "Ada", "Di"])

    def test_it_says_when_i_know_nobody_there(self):
        self.assertContains(self.client.get(self.url), "You know nobody here yet.")


class EditCompanyTestCase(BaseTestCase):
    def setUp(self):
        self.company = self.make_company("Northwind Analytics")
        self.url = f"/companies/{self.company.pk}/edit/"
        self.login()

    def form(self, **fields) -> dict:
        data = {"name": "Northwind Analytics", "priority": "2", "research_status": "not_started"}
        data.update(fields)
        return data

    def test_it_fills_the_form(self):
        r = self.client.get(self.url)
        self.assertContains(r, "Edit Northwind Analytics")
        self.assertContains(r, 'value="Northwind Analytics"')

    def test_it_saves_changes(self):
        r = self.client.post(self.url, self.form(name="Northwind", location="Leeds"))
        self.assertRedirects(r, self.company.get_absolute_url())
        self.company.refresh_from_db()
        self.assertEqual(self.company.name, "Northwind")
        self.assertEqual(self.company.location, "Leeds")

    def test_it_may_keep_its_own_name_in_another_case(self):
        self.client.post(self.url, self.form(name="NORTHWIND ANALYTICS"))
        self.company.refresh_from_db()
        self.assertEqual(self.company.name, "NORTHWIND ANALYTICS")

    def test_it_refuses_the_name_of_another_of_my_companies(self):
        self.make_company("Contoso")
        r = self.client.post(self.url, self.form(name="contoso"))
        self.assertContains(r, "You already have a company called “contoso”.")
        self.company.refresh_from_db()
        self.assertEqual(self.company.name, "Northwind Analytics")


class DeleteCompanyTestCase(BaseTestCase):
    def setUp(self):
        self.company = self.make_company("Northwind Analytics")
        self.person = self.make_person(company=self.company)
        self.url = f"/companies/{self.company.pk}/delete/"
        self.login()

    def test_it_asks_first_on_get(self):
        r = self.client.get(self.url)
        self.assertContains(r, "Delete Northwind Analytics?")
        self.assertTrue(Company.objects.filter(pk=self.company.pk).exists())

    def test_it_deletes_on_post_and_keeps_the_people(self):
        r = self.client.post(self.url)
        self.assertRedirects(r, "/companies/", fetch_redirect_response=False)
        self.assertFalse(Company.objects.filter(pk=self.company.pk).exists())
        self.person.refresh_from_db()
        self.assertIsNone(self.person.company)
        self.assertTrue(Person.objects.filter(pk=self.person.pk).exists())
        self.assertContains(self.client.get("/companies/"), "its people stay on your list")

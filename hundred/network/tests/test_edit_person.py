from hundred.network.models import Person, Stage, Tag
from hundred.test import BaseTestCase


class EditPersonTestCase(BaseTestCase):
    def setUp(self):
        self.northwind = self.make_company("Northwind Analytics")
        self.person = self.make_person(
            company=self.northwind,
            emails=["maya@work.example", "maya@home.example"],
            phones=["+442079460958"],
        )
        self.person.tags.add(Tag.objects.create(owner=self.alice, name="data"))
        self.url = f"/people/{self.person.pk}/edit/"
        self.login()

    def form(self, **fields) -> dict:
        data = {
            "first_name": "Maya",
            "last_name": "Okafor",
            "how_known": "colleague",
            "closeness": "2",
            "stage": "listed",
            "emails_text": "maya@work.example\nmaya@home.example",
            "phones_text": "+442079460958",
            "company_name": "Northwind Analytics",
            "tags_text": "data",
        }
        data.update(fields)
        return data

    def test_it_fills_the_form_with_what_is_there(self):
        r = self.client.get(self.url)
        self.assertContains(r, "Edit Maya Okafor")
        self.assertContains(r, "maya@work.example\nmaya@home.example</textarea>")
        self.assertContains(r, 'value="Northwind Analytics"')
        self.assertContains(r, 'value="data"')
        self.assertNotContains(r, "Save and add another")

    def test_it_saves_changes(self):
        r = self.client.post(
            self.url,
            self.form(
                title="VP Data",
                emails_text="maya@new.example",
                company_name="Contoso",
                tags_text="mentor",
            ),
        )
        self.assertRedirects(r, self.person.get_absolute_url())
        self.person.refresh_from_db()
        self.assertEqual(self.person.title, "VP Data")
        self.assertEqual(self.person.emails, ["maya@new.example"])
        self.assertEqual(self.person.company.name, "Contoso")
        self.assertEqual([t.name for t in self.person.tags.all()], ["mentor"])
        # The old company stays; only the link moved.
        self.assertTrue(self.northwind.__class__.objects.filter(pk=self.northwind.pk).exists())

    def test_it_clears_the_company(self):
        self.client.post(self.url, self.form(company_name=""))
        self.person.refresh_from_db()
        self.assertIsNone(self.person.company)

    def test_it_dates_a_stage_change(self):
        before = self.person.stage_changed_at
        self.client.post(self.url, self.form(stage="met"))
        self.person.refresh_from_db()
        self.assertEqual(self.person.stage, Stage.MET)
        self.assertGreater(self.person.stage_changed_at, before)

    def test_it_keeps_the_stage_date_when_the_stage_stays(self):
        before = self.person.stage_changed_at
        self.client.post(self.url, self.form(title="VP Data"))
        self.person.refresh_from_db()
        self.assertEqual(self.person.stage_changed_at, before)

    def test_it_refuses_a_bad_email_and_keeps_the_old_ones(self):
        r = self.client.post(self.url, self.form(emails_text="nope"))
        self.assertContains(r, "“nope” does not look like an e-mail address")
        self.person.refresh_from_db()
        self.assertEqual(self.person.emails, ["maya@work.example", "maya@home.example"])

    def test_it_does_not_offer_the_person_as_their_own_introducer(self):
        other = self.make_person("Sam", "Ito")
        r = self.client.get(self.url)
        choices = [str(p) for p in r.context["form"].fields["introduced_by"].queryset]
        self.assertEqual(choices, [str(other)])
        r = self.client.post(self.url, self.form(introduced_by=self.person.pk))
        self.assertContains(r, "Select a valid choice")

    def test_it_keeps_the_owner(self):
        self.client.post(self.url, self.form())
        self.assertEqual(Person.objects.get(pk=self.person.pk).owner, self.alice)

    def test_it_is_a_404_for_another_account(self):
        self.login(self.bob)
        self.assertEqual(self.client.post(self.url, self.form(title="X")).status_code, 404)
        self.person.refresh_from_db()
        self.assertEqual(self.person.title, "")

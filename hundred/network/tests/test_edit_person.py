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

    def test_it_does_not_take_the_person_as_their_own_introducer(self):
        r = self.client.post(
            self.url, self.form(introduced_by_name=f"Maya Okafor (#{self.person.pk})")
        )
        self.assertContains(r, "Nobody introduces themselves")
        r = self.client.post(self.url, self.form(introduced_by_name="Maya Okafor"))
        self.assertContains(r, "No one called “Maya Okafor” is on your list")
        self.person.refresh_from_db()
        self.assertIsNone(self.person.introduced_by)

    def test_it_shows_the_introducer_and_can_change_or_clear_them(self):
        sam = self.make_person("Sam", "Ito")
        ann = self.make_person("Ann", "Lee")
        self.person.introduced_by = sam
        self.person.save()
        r = self.client.get(self.url)
        self.assertContains(r, f'value="Sam Ito (#{sam.pk})"')
        self.client.post(self.url, self.form(introduced_by_name=f"Sam Ito (#{sam.pk})"))
        self.person.refresh_from_db()
        self.assertEqual(self.person.introduced_by, sam)
        self.client.post(self.url, self.form(introduced_by_name=f"Ann Lee (#{ann.pk})"))
        self.person.refresh_from_db()
        self.assertEqual(self.person.introduced_by, ann)
        self.client.post(self.url, self.form(introduced_by_name=""))
        self.person.refresh_from_db()
        self.assertIsNone(self.person.introduced_by)

    def test_the_form_no_longer_lists_everyone(self):
        for i in range(30):
            self.make_person(f"Person{i}", "X")
        r = self.client.get(self.url)
        self.assertNotContains(r, "Person7")

    def test_it_keeps_the_owner(self):
        self.client.post(self.url, self.form())
        self.assertEqual(Person.objects.get(pk=self.person.pk).owner, self.alice)

    def test_it_is_a_404_for_another_account(self):
        self.login(self.bob)
        self.assertEqual(self.client.post(self.url, self.form(title="X")).status_code, 404)
        self.person.refresh_from_db()
        self.assertEqual(self.person.title, "")


class IntroducerSuggestionsTestCase(BaseTestCase):
    URL = "/people/introducers/"

    def setUp(self):
        self.login()

    def options(self, **params) -> list[tuple[str, str]]:
        import re

        r = self.client.get(self.URL, params)
        self.assertEqual(r.status_code, 200)
        html = r.content.decode()
        self.assertTrue(html.startswith('<datalist id="introducer-options">'), html)
        return re.findall(r'<option value="([^"]*)">([^<]*)</option>', html)

    def test_it_suggests_my_people_by_name_with_their_number_and_work(self):
        ann = self.make_person("Ann", "Lee", title="Nurse", company=self.make_company("Cedar"))
        bob = self.make_person("Bob", "Annan")
        self.make_person("Ann", "Other", owner=self.bob)
        found = self.options(introduced_by_name="ann")
        self.assertEqual(
            found, [(f"Ann Lee (#{ann.pk})", "Nurse, Cedar"), (f"Bob Annan (#{bob.pk})", "")]
        )

    def test_it_leaves_out_the_person_being_edited_and_reads_a_picked_suggestion(self):
        ann = self.make_person("Ann", "Lee")
        ng = self.make_person("Ann", "Ng")
        found = self.options(introduced_by_name=f"Ann (#{ann.pk})", exclude=str(ann.pk))
        self.assertEqual([label for label, _ in found], [f"Ann Ng (#{ng.pk})"])

    def test_one_letter_suggests_nothing_and_at_most_twenty_come(self):
        for i in range(25):
            self.make_person(f"Zed{i:02d}", "Q")
        self.assertEqual(self.options(introduced_by_name="z"), [])
        self.assertEqual(len(self.options(introduced_by_name="zed")), 20)


class CompanySuggestionsTestCase(BaseTestCase):
    URL = "/people/company-names/"

    def setUp(self):
        self.login()

    def names(self, text: str) -> list[str]:
        import re

        r = self.client.get(self.URL, {"company_name": text})
        self.assertEqual(r.status_code, 200)
        html = r.content.decode()
        self.assertTrue(html.startswith('<datalist id="company-names">'), html)
        return re.findall(r'<option value="([^"]*)">', html)

    def test_it_suggests_my_companies_containing_the_text(self):
        self.make_company("Northwind Analytics")
        self.make_company("Windmill Ltd")
        self.make_company("Contoso")
        self.make_company("Northwind Secret", owner=self.bob)
        self.assertEqual(self.names("wind"), ["Northwind Analytics", "Windmill Ltd"])

    def test_it_finds_a_company_past_the_first_500_the_page_lists(self):
        from hundred.network.models import Company

        Company.objects.bulk_create(
            Company(owner=self.alice, name=f"Acme {i:03d}") for i in range(520)
        )
        self.make_company("Zephyr Health")
        r = self.client.get("/people/add/")
        self.assertNotContains(r, "Zephyr Health")
        self.assertEqual(self.names("zeph"), ["Zephyr Health"])
        self.assertEqual(len(self.names("acme")), 20)

    def test_one_letter_suggests_nothing(self):
        self.make_company("Contoso")
        self.assertEqual(self.names("c"), [])

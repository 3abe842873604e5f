from django.test import override_settings

from hundred.network.models import Company, Person, Stage, Tag
from hundred.test import BaseTestCase

URL = "/people/add/"


def form(**fields) -> dict:
    data = {
        "first_name": "Maya",
        "last_name": "Okafor",
        "how_known": "colleague",
        "closeness": "1",
        "stage": "listed",
    }
    data.update(fields)
    return data


class AddPersonTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def test_it_shows_the_form(self):
        r = self.client.get(URL)
        self.assertContains(r, "Add a person")
        self.assertContains(r, "Save and add another")
        # Every field is labelled.
        for name in (
            "first_name",
            "emails_text",
            "company_name",
            "tags_text",
            "introduced_by_name",
        ):
            self.assertContains(r, f'for="id_{name}"')

    def test_it_adds_a_person(self):
        r = self.client.post(
            URL,
            form(
                title="Head of Data",
                location="Leeds",
                linkedin_url="https://www.linkedin.com/in/mayaokafor",
                notes="Met at the data meetup.",
            ),
        )
        person = Person.objects.get()
        self.assertRedirects(r, person.get_absolute_url())
        self.assertEqual(person.owner, self.alice)
        self.assertEqual(person.full_name, "Maya Okafor")
        self.assertEqual(person.title, "Head of Data")
        self.assertEqual(person.how_known, "colleague")
        self.assertEqual(person.closeness, 1)
        self.assertEqual(person.stage, Stage.LISTED)
        self.assertEqual(person.source, "manual")
        self.assertEqual(person.linkedin_url, "https://www.linkedin.com/in/mayaokafor")

    def test_it_creates_a_company_by_name(self):
        self.client.post(URL, form(company_name="  Northwind Analytics "))
        person = Person.objects.get()
        self.assertEqual(person.company.name, "Northwind Analytics")
        self.assertEqual(person.company.owner, self.alice)

    def test_it_reuses_a_company_in_any_case(self):
        northwind = self.make_company("Northwind Analytics")
        self.make_company("Northwind Analytics", owner=self.bob)
        self.client.post(URL, form(company_name="NORTHWIND analytics"))
        self.assertEqual(Person.objects.get().company, northwind)
        self.assertEqual(Company.objects.for_user(self.alice).count(), 1)

    def test_it_creates_and_reuses_tags(self):
        existing = Tag.objects.create(owner=self.alice, name="data")
        Tag.objects.create(owner=self.bob, name="leeds")
        self.client.post(URL, form(tags_text="Data, leeds; mentor, DATA"))
        person = Person.objects.get()
        self.assertEqual(sorted(t.name for t in person.tags.all()), ["data", "leeds", "mentor"])
        self.assertIn(existing, person.tags.all())
        self.assertTrue(all(t.owner == self.alice for t in person.tags.all()))
        self.assertEqual(Tag.objects.for_user(self.bob).count(), 1)

    def test_it_keeps_several_emails_in_order(self):
        self.client.post(
            URL, form(emails_text="maya@work.example\nmaya@home.example, maya@work.example")
        )
        self.assertEqual(Person.objects.get().emails, ["maya@work.example", "maya@home.example"])

    def test_it_refuses_a_bad_email_and_keeps_what_was_typed(self):
        typed = "maya@work.example\nmaya at home"
        r = self.client.post(URL, form(emails_text=typed, title="Head of Data"))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "“maya at home” does not look like an e-mail address")
        self.assertContains(r, "maya@work.example\nmaya at home</textarea>")
        self.assertContains(r, 'value="Head of Data"')
        self.assertFalse(Person.objects.exists())

    @override_settings(DEFAULT_PHONE_REGION="GB")
    def test_it_normalises_phones_in_the_default_region(self):
        self.client.post(URL, form(phones_text="020 7946 0958\n+1 (617) 555-0123\n030 1234567"))
        self.assertEqual(
            Person.objects.get().phones, ["+442079460958", "+16175550123", "030 1234567"]
        )

    def test_a_phone_without_digits_is_refused_and_the_form_keeps_what_was_typed(self):
        for typed in ("abc", "+1 617 555 0123\nask reception"):
            with self.subTest(typed=typed):
                r = self.client.post(URL, form(phones_text=typed, title="Head of Data"))
                self.assertEqual(r.status_code, 200)
                bad = typed.splitlines()[-1]
                self.assertContains(r, f"“{bad}” is not a phone number")
                self.assertContains(r, f"{typed}</textarea>")
                self.assertContains(r, 'value="Head of Data"')
                self.assertNotContains(r, f'href="tel:{bad}"')
                self.assertFalse(Person.objects.exists())

    @override_settings(DEFAULT_PHONE_REGION="US")
    def test_it_reads_a_national_number_in_the_us_by_default(self):
        self.client.post(URL, form(phones_text="(617) 555-0123"))
        self.assertEqual(Person.objects.get().phones, ["+16175550123"])

    def test_it_needs_a_name_or_an_email(self):
        r = self.client.post(URL, form(first_name="", last_name=""))
        self.assertContains(r, "Give at least a name or an e-mail address.")
        self.assertFalse(Person.objects.exists())
        self.client.post(URL, form(first_name="", last_name="", emails_text="x@example.org"))
        self.assertEqual(Person.objects.get().emails, ["x@example.org"])

    def test_it_saves_and_adds_another(self):
        r = self.client.post(URL, form(add_another="1"))
        self.assertRedirects(r, URL, fetch_redirect_response=False)
        self.assertEqual(Person.objects.count(), 1)
        r = self.client.get(URL)
        self.assertContains(r, "Maya Okafor is on your list.")

    def introduced(self, name: str) -> Person | None:
        self.client.post(URL, form(first_name="Sam", last_name="Ito", introduced_by_name=name))
        sam = Person.objects.filter(owner=self.alice, first_name="Sam").first()
        return sam and sam.introduced_by

    def test_it_records_who_introduced_them_as_a_suggestion_names_them(self):
        maya = self.make_person()
        self.assertEqual(self.introduced(f"Maya Okafor (#{maya.pk})"), maya)

    def test_a_full_name_typed_without_a_number_will_do_when_only_one_person_has_it(self):
        maya = self.make_person()
        self.make_person("Maya", "Okafor-Lee")
        self.assertEqual(self.introduced("  maya   OKAFOR "), maya)

    def test_a_name_two_people_share_asks_which_one_and_keeps_what_was_typed(self):
        self.make_person()
        self.make_person()
        r = self.client.post(URL, form(first_name="Sam", introduced_by_name="Maya Okafor"))
        self.assertContains(r, "2 people are called “Maya Okafor”: pick one")
        self.assertContains(r, 'value="Sam"')
        self.assertContains(r, 'value="Maya Okafor"')
        self.assertFalse(Person.objects.filter(first_name="Sam").exists())

    def test_a_name_nobody_has_says_so(self):
        r = self.client.post(URL, form(first_name="Sam", introduced_by_name="Nobody Known"))
        self.assertContains(r, "No one called “Nobody Known” is on your list")
        self.assertFalse(Person.objects.filter(first_name="Sam").exists())

    def test_a_number_that_is_not_theirs_goes_by_the_name(self):
        maya = self.make_person()
        self.assertEqual(self.introduced(f"Maya Okafor (#{maya.pk + 999})"), maya)

    def test_it_refuses_another_accounts_person_as_introducer(self):
        theirs = self.make_person("Bruno", "Costa", owner=self.bob)
        r = self.client.post(URL, form(introduced_by_name=f"Bruno Costa (#{theirs.pk})"))
        self.assertContains(r, "No one called “Bruno Costa” is on your list")
        self.assertFalse(Person.objects.for_user(self.alice).exists())

    def test_it_offers_my_company_names_only(self):
        self.make_company("Northwind Analytics")
        self.make_company("Bobco Secret", owner=self.bob)
        r = self.client.get(URL)
        self.assertContains(r, '<option value="Northwind Analytics">')
        self.assertNotContains(r, "Bobco Secret")

    def test_it_refuses_get_only_methods(self):
        self.assertEqual(self.client.put(URL).status_code, 405)

"""Over-long names refused on every web path with one true message; one company under its
legal suffixes wherever a company is found or made from a name."""

from __future__ import annotations

from datetime import UTC, datetime

from hundred.network.models import Company, Person
from hundred.test import BaseTestCase

LONG = "A" * 300  # one word: all of it would be the first name
WRONG = "Give at least a name or an e-mail address."


def welcome_names(name: str) -> dict:
    data = {}
    for i in range(20):
        data.update({f"n{i}-name": "", f"n{i}-how_known": "colleague", f"n{i}-company": ""})
    data.update({"n0-name": name, "n0-company": "Contoso"})
    return data


class LongNamesOnTheWebTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def test_the_quick_add_refuses_a_name_over_150_characters_and_keeps_it(self):
        r = self.client.post("/hundred/add/", {"name": LONG, "how_known": "friend"})
        self.assertContains(
            r, "The first name can have at most 150 characters (this one has 300)", status_code=400
        )
        self.assertContains(r, f'value="{LONG}"', status_code=400)
        self.assertFalse(Person.objects.exists())

    def test_the_quick_add_splits_first_and_save_each_part_under_150(self):
        name = "B" * 150 + " " + "C" * 150  # 301 characters, each part fits
        self.client.post("/hundred/add/", {"name": name, "how_known": "friend"})
        person = Person.objects.get()
        self.assertEqual((person.first_name, person.last_name), ("B" * 150, "C" * 150))

    def test_the_welcome_names_step_refuses_it_and_keeps_what_was_typed(self):
        r = self.client.post("/welcome/names/", welcome_names(LONG))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "The first name can have at most 150 characters")
        self.assertContains(r, f'value="{LONG}"')
        self.assertContains(r, 'value="Contoso"')
        self.assertFalse(Person.objects.exists())
        self.assertFalse(Company.objects.exists())

    def test_add_a_person_says_only_that_the_name_is_too_long(self):
        r = self.client.post(
            "/people/add/",
            {"first_name": LONG, "how_known": "friend", "closeness": "2", "stage": "listed"},
        )
        self.assertContains(r, "Ensure this value has at most 150 characters (it has 300).")
        self.assertNotContains(r, WRONG)
        self.assertContains(r, f'value="{LONG}"')

    def test_a_debrief_refuses_a_long_name_given_and_keeps_it(self):
        maya = self.make_person(stage="scheduled")
        meeting = self.make_meeting(maya, starts_at=datetime(2026, 11, 20, 10, tzinfo=UTC))
        r = self.client.post(
            f"/meetings/{meeting.pk}/debrief/",
            {"advice": "Try Contoso", "notes": "", "name_0": LONG, "name_0_company": "Contoso"},
        )
        self.assertContains(r, "The first name can have at most 150 characters (this one has 300)")
        self.assertContains(r, f'value="{LONG}"')
        self.assertContains(r, "Try Contoso")
        self.assertEqual(Person.objects.count(), 1)
        meeting.refresh_from_db()
        self.assertIsNone(meeting.debriefed_at)

    def test_add_a_person_with_nothing_still_asks_for_a_name(self):
        r = self.client.post(
            "/people/add/", {"how_known": "friend", "closeness": "2", "stage": "listed"}
        )
        self.assertContains(r, WRONG)


class OneCompanyUnderItsSuffixesTestCase(BaseTestCase):
    def setUp(self):
        self.login()
        self.northwind = self.make_company("Northwind Analytics")

    def test_the_person_form_finds_the_company_under_a_legal_suffix(self):
        self.client.post(
            "/people/add/",
            {
                "first_name": "Ann",
                "company_name": "Northwind Analytics, Inc.",
                "how_known": "friend",
                "closeness": "2",
                "stage": "listed",
            },
        )
        self.assertEqual(Person.objects.get().company, self.northwind)
        self.assertEqual(Company.objects.count(), 1)

    def test_the_quick_add_finds_it_too(self):
        self.client.post(
            "/hundred/add/",
            {"name": "Ann Lee", "how_known": "friend", "company": "northwind analytics inc"},
        )
        self.assertEqual(Person.objects.get().company, self.northwind)

    def test_a_debrief_names_and_companies_find_it(self):
        maya = self.make_person(stage="scheduled")
        meeting = self.make_meeting(maya, starts_at=datetime(2026, 11, 20, 10, tzinfo=UTC))
        self.client.post(
            f"/meetings/{meeting.pk}/debrief/",
            {
                "advice": "",
                "notes": "",
                "name_0": "Tom Park",
                "name_0_company": "Northwind Analytics Inc.",
                "company_0": "Northwind Analytics, Inc",
            },
        )
        self.assertEqual(Person.objects.get(first_name="Tom").company, self.northwind)
        self.assertEqual(list(meeting.companies_mentioned.all()), [self.northwind])
        self.assertEqual(Company.objects.count(), 1)

    def test_the_company_form_refuses_the_same_company_under_a_suffix(self):
        r = self.client.post(
            "/companies/add/",
            {
                "name": "Northwind Analytics, Inc.",
                "priority": "2",
                "research_status": "not_started",
            },
        )
        self.assertContains(r, "You already have “Northwind Analytics”, the same company as")
        self.assertEqual(Company.objects.count(), 1)

    def test_the_people_filter_finds_the_company_under_a_suffix(self):
        self.make_person("Ann", "Lee", company=self.northwind)
        r = self.client.get("/people/", {"company": "Northwind Analytics, Inc."})
        self.assertContains(r, "Ann Lee")

    def test_an_exact_name_is_preferred_over_a_suffix_twin(self):
        twin = self.make_company("Northwind Analytics, Inc.")  # made before the fix
        found = Company.objects.get_or_create_named(self.alice, "northwind analytics, inc.")
        self.assertEqual(found, twin)
        self.assertEqual(Company.objects.named(self.alice, "Northwind"), [])
        self.assertEqual(
            Company.objects.named(self.alice, "Northwind Analytics"), [self.northwind, twin]
        )

    def test_another_accounts_company_is_never_found(self):
        Company.objects.get_or_create_named(self.bob, "Northwind Analytics, Inc.")
        self.assertEqual(Company.objects.for_user(self.bob).count(), 1)
        self.assertEqual(Company.objects.for_user(self.alice).get(), self.northwind)

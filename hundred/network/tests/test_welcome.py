from hundred.network.models import Company, Person, Target
from hundred.test import BaseTestCase

HTMX = {"HTTP_HX_REQUEST": "true"}


def names(*rows: tuple[str, str, str]) -> dict:
    """The names step's form: the given rows first, the rest of the 20 left blank."""
    data = {}
    for i in range(20):
        name, how, company = rows[i] if i < len(rows) else ("", "colleague", "")
        data.update({f"n{i}-name": name, f"n{i}-how_known": how, f"n{i}-company": company})
    return data


TARGET = {
    "skills": "financial analysis",
    "industries": "non-profit",
    "company_kinds": "",
    "work_environment": "",
    "geographies": "Boston",
}


class WelcomeTestCase(BaseTestCase):
    """Each step posted as a plain form (no JavaScript) and again with htmx's header."""

    headers: dict = {}

    def setUp(self):
        self.login()

    def post(self, url: str, data: dict):
        return self.client.post(url, data, **self.headers)

    def test_it_starts_with_the_target(self):
        r = self.client.get("/welcome/")
        self.assertContains(r, "Welcome to Hundred")
        self.assertContains(r, "Step 1 of 3")
        self.assertContains(r, "Skip for now")
        self.assertContains(r, 'for="id_skills"')

    def test_it_walks_target_pitch_names_to_today(self):
        r = self.post("/welcome/", TARGET)
        self.assertRedirects(r, "/welcome/pitch/")
        target = Target.objects.get(owner=self.alice)
        self.assertEqual(target.skills, ["financial analysis"])

        r = self.client.get("/welcome/pitch/")
        self.assertContains(r, "Step 2 of 3")
        # The pitch box starts with the one the target suggests.
        self.assertContains(r, "use my financial analysis skills in a non-profit organisation")

        r = self.post("/welcome/pitch/", {"pitch": "I analyse non-profit budgets in Boston."})
        self.assertRedirects(r, "/welcome/names/")
        target.refresh_from_db()
        self.assertEqual(target.pitch, "I analyse non-profit budgets in Boston.")

        r = self.client.get("/welcome/names/")
        self.assertContains(r, "Step 3 of 3")
        self.assertContains(r, 'name="n19-name"')
        self.assertContains(r, "even your plumber")

        r = self.post(
            "/welcome/names/",
            names(
                ("Maya Okafor", "colleague", "Northwind Analytics"),
                ("Tom Baker", "neighbour", ""),
            ),
        )
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        self.alice.refresh_from_db()
        self.assertIsNotNone(self.alice.onboarded_at)
        people = Person.objects.filter(owner=self.alice).order_by("first_name")
        self.assertEqual(
            [(p.first_name, p.last_name, p.how_known) for p in people],
            [("Maya", "Okafor", "colleague"), ("Tom", "Baker", "neighbour")],
        )
        self.assertEqual(people[0].company.name, "Northwind Analytics")
        self.assertIsNone(people[1].company)

        r = self.client.get("/")
        self.assertContains(r, "2 added to your list.")

    def test_it_skips_every_step(self):
        r = self.post("/welcome/", {"skip": "1"})
        self.assertRedirects(r, "/welcome/pitch/")
        r = self.post("/welcome/pitch/", {"skip": "1"})
        self.assertRedirects(r, "/welcome/names/")
        r = self.post("/welcome/names/", {"skip": "1"})
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        self.alice.refresh_from_db()
        self.assertIsNotNone(self.alice.onboarded_at)
        self.assertFalse(Target.objects.filter(owner=self.alice).exists())
        self.assertFalse(Person.objects.filter(owner=self.alice).exists())

    def test_it_skips_the_target_without_saving_what_was_typed(self):
        self.post("/welcome/", {**TARGET, "skip": "1"})
        self.assertFalse(Target.objects.filter(owner=self.alice).exists())

    def test_it_skips_names_even_with_rows_filled(self):
        self.post("/welcome/names/", {**names(("Maya Okafor", "colleague", "")), "skip": "1"})
        self.assertFalse(Person.objects.filter(owner=self.alice).exists())

    def test_it_creates_people_from_filled_rows_only(self):
        data = names(("", "family", "Ignored Ltd"), ("  ", "friend", ""), ("Ann Lee", "friend", ""))
        r = self.post("/welcome/names/", data)
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        self.assertEqual([str(p) for p in Person.objects.filter(owner=self.alice)], ["Ann Lee"])
        self.assertFalse(Company.objects.filter(owner=self.alice).exists())

    def test_it_finishes_with_no_names_filled(self):
        r = self.post("/welcome/names/", names())
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        self.alice.refresh_from_db()
        self.assertIsNotNone(self.alice.onboarded_at)
        self.assertFalse(Person.objects.filter(owner=self.alice).exists())

    def test_it_keeps_the_input_of_a_bad_row(self):
        data = names(("Maya Okafor", "colleague", "Northwind"), ("Tom Baker", "wizard", "Acme"))
        r = self.post("/welcome/names/", data)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Select a valid choice")
        # Both rows keep what was typed, and nobody was added.
        self.assertContains(r, 'value="Maya Okafor"')
        self.assertContains(r, 'value="Tom Baker"')
        self.assertContains(r, 'value="Acme"')
        # The rows left blank on purpose are not told they are required.
        self.assertNotContains(r, "This field is required")
        self.assertContains(r, 'aria-invalid="true"', count=1)
        self.assertFalse(Person.objects.filter(owner=self.alice).exists())
        self.alice.refresh_from_db()
        self.assertIsNone(self.alice.onboarded_at)

    def test_it_says_what_is_wrong_with_a_long_company(self):
        data = names(("Maya Okafor", "colleague", "N" * 201), ("", "family", "Kept Ltd"))
        r = self.post("/welcome/names/", data)
        self.assertContains(r, "at most 200 characters")
        self.assertContains(r, 'value="Kept Ltd"')
        self.assertNotContains(r, "This field is required")
        self.assertFalse(Person.objects.filter(owner=self.alice).exists())

    def test_it_keeps_the_first_finish_time(self):
        self.post("/welcome/names/", {"skip": "1"})
        self.alice.refresh_from_db()
        first = self.alice.onboarded_at
        self.post("/welcome/names/", {"skip": "1"})
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.onboarded_at, first)

    def test_it_404s_an_unknown_step(self):
        r = self.client.get("/welcome/dance/")
        self.assertEqual(r.status_code, 404)


class WelcomeWithHtmxTestCase(WelcomeTestCase):
    headers = HTMX


class WelcomeNamesStepTestCase(BaseTestCase):
    def test_the_names_step_says_importing_is_faster_and_links_to_it(self):
        self.login()
        r = self.client.get("/welcome/names/")
        self.assertContains(r, "Step 3 of 3")
        self.assertContains(r, '<a href="/transfer/">Importing them</a> is faster than typing')

from hundred.network.models import Company, Person
from hundred.test import BaseTestCase

URL = "/hundred/"
ADD = "/hundred/add/"
HTMX = {"HTTP_HX_REQUEST": "true"}


class HundredListTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def test_it_shows_progress_and_counts_by_kind(self):
        self.make_person("Maya", how_known="colleague")
        self.make_person("Tom", how_known="colleague")
        self.make_person("Ann", how_known="neighbour")
        self.make_person("Zed", owner=self.bob, how_known="neighbour")
        r = self.client.get(URL)
        self.assertContains(r, "3 of 100")
        self.assertContains(r, '<progress max="100" value="3"')
        counts = {k["key"]: k["count"] for k in r.context["kinds"]}
        self.assertEqual(counts["colleague"], 2)
        self.assertEqual(counts["neighbour"], 1)
        self.assertEqual(counts["family"], 0)
        self.assertContains(r, 'href="/people/?how_known=colleague"')
        self.assertNotContains(r, "Zed")

    def test_it_shows_a_brainstorm_prompt_for_every_kind(self):
        r = self.client.get(URL)
        self.assertContains(r, "0 of 100")
        for prompt in (
            "Former colleagues and managers",
            "Classmates from school",
            "Neighbours, past and present.",
            "faith communities",
            "even your plumber",
        ):
            self.assertContains(r, prompt)

    def test_it_caps_the_bar_at_the_goal(self):
        Person.objects.bulk_create(
            Person(owner=self.alice, first_name=f"P{i}", last_name="X") for i in range(101)
        )
        r = self.client.get(URL)
        self.assertContains(r, "101 of 100")
        self.assertContains(r, '<progress max="100" value="100"')

    def test_it_shows_the_people_added_lately(self):
        self.make_person("Maya", "Okafor", company=self.make_company("Northwind"))
        r = self.client.get(URL)
        self.assertContains(r, "Added lately")
        self.assertContains(r, "Maya Okafor</a> · Northwind")


class QuickAddTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def test_it_adds_without_javascript_and_redirects_back_with_a_message(self):
        r = self.client.post(
            ADD, {"name": "Dr. Ann Lee", "how_known": "neighbour", "company": " Contoso "}
        )
        self.assertRedirects(r, URL + "?how_known=neighbour", fetch_redirect_response=False)
        person = Person.objects.get(owner=self.alice)
        self.assertEqual((person.first_name, person.last_name), ("Ann", "Lee"))
        self.assertEqual(person.how_known, "neighbour")
        self.assertEqual(person.stage, "listed")
        self.assertEqual(person.company.name, "Contoso")
        self.assertEqual(person.company.owner, self.alice)

        r = self.client.get(r["Location"])
        self.assertContains(r, "Ann Lee is on your list.")
        self.assertContains(r, "1 of 100")
        # The next name is likely a neighbour too: the choice is kept.
        self.assertEqual(r.context["form"]["how_known"].value(), "neighbour")

    def test_it_adds_with_htmx_and_returns_the_board(self):
        r = self.client.post(ADD, {"name": "Tom Baker", "how_known": "classmate"}, **HTMX)
        self.assertEqual(r.status_code, 200)
        body = r.content.decode()
        self.assertTrue(body.strip().startswith('<div id="hundred-board"'), body[:80])
        self.assertNotIn("<html", body)
        self.assertIn("1 of 100", body)
        self.assertIn("Tom Baker is on your list.", body)
        # The name box is empty again and the "how you know them" choice is kept.
        self.assertIn('<input type="text" name="name"', body)
        self.assertNotIn('value="Tom Baker"', body)
        self.assertIn('<option value="classmate" selected>', body)
        self.assertEqual(Person.objects.get(owner=self.alice).how_known, "classmate")

    def test_it_reuses_a_company_in_any_case(self):
        company = self.make_company("Northwind Analytics")
        self.client.post(
            ADD, {"name": "Maya", "how_known": "colleague", "company": "northwind analytics"}
        )
        person = Person.objects.get(owner=self.alice)
        self.assertEqual(person.company, company)
        self.assertEqual(person.first_name, "Maya")
        self.assertEqual(Company.objects.filter(owner=self.alice).count(), 1)

    def test_it_refuses_an_empty_name_without_javascript(self):
        r = self.client.post(ADD, {"name": "   ", "how_known": "friend", "company": "Acme"})
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, "Your 100 list", status_code=400)
        self.assertContains(r, "This field is required.", status_code=400)
        self.assertContains(r, 'value="Acme"', status_code=400)
        self.assertFalse(Person.objects.exists())
        self.assertFalse(Company.objects.exists())

    def test_it_refuses_an_empty_name_with_htmx(self):
        r = self.client.post(ADD, {"name": "", "how_known": "friend"}, **HTMX)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "This field is required.")
        self.assertNotContains(r, "<html")
        self.assertContains(r, '<option value="friend" selected>')
        self.assertFalse(Person.objects.exists())

    def test_it_says_what_is_wrong_with_a_long_company(self):
        r = self.client.post(ADD, {"name": "Ann", "how_known": "friend", "company": "C" * 201})
        self.assertContains(r, "at most 200 characters", status_code=400)
        self.assertFalse(Person.objects.exists())

    def test_it_only_takes_posts(self):
        r = self.client.get(ADD)
        self.assertEqual(r.status_code, 405)

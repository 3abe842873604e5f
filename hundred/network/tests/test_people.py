from hundred.network.models import HowKnown, Person, Stage, Tag
from hundred.test import BaseTestCase

URL = "/people/"


class PeopleTestCase(BaseTestCase):
    def setUp(self):
        self.northwind = self.make_company("Northwind Analytics")
        self.maya = self.make_person(
            "Maya",
            "Okafor",
            company=self.northwind,
            title="Head of Data",
            how_known=HowKnown.COLLEAGUE,
            emails=["maya.okafor@northwind.example", "maya@home.example"],
        )
        self.li = self.make_person(
            "Li",
            "Wen",
            title="Product Designer",
            how_known=HowKnown.CLASSMATE,
            stage=Stage.ASKED,
            emails=["li.wen@studio.example"],
        )
        self.li.tags.add(Tag.objects.create(owner=self.alice, name="design"))
        self.login()

    def names(self, response) -> set[str]:
        return {str(p) for p in response.context["page"].object_list}

    def test_it_lists_only_my_people(self):
        self.make_person("Bruno", "Costa", owner=self.bob)
        r = self.client.get(URL)
        self.assertContains(r, "Maya Okafor")
        self.assertContains(r, "Li Wen")
        self.assertNotContains(r, "Bruno")
        self.assertEqual(r.context["total"], 2)

    def test_it_searches_name_company_title_and_email(self):
        cases = {
            "okafor": {"Maya Okafor"},
            "MAYA": {"Maya Okafor"},
            "northwind": {"Maya Okafor"},
            "designer": {"Li Wen"},
            "studio.example": {"Li Wen"},
            "home.example": {"Maya Okafor"},  # the second address counts too
            "li wen": {"Li Wen"},  # each word must match
            "maya designer": set(),
            "example": {"Maya Okafor", "Li Wen"},
        }
        for q, expected in cases.items():
            with self.subTest(q=q):
                self.assertEqual(self.names(self.client.get(URL, {"q": q})), expected)

    def test_it_finds_an_address_with_letters_beyond_ascii(self):
        self.make_person("Ana", "Vogel", emails=["ana@münchen.example"])
        for q in ("münchen", "ana@münchen.example", "Vogel münchen"):
            with self.subTest(q=q):
                self.assertEqual(self.names(self.client.get(URL, {"q": q})), {"Ana Vogel"})

    def test_it_does_not_match_the_json_around_the_addresses(self):
        for q in ('"', ",", "[", '",', "\\"):
            with self.subTest(q=q):
                self.assertEqual(self.names(self.client.get(URL, {"q": q})), set())

    def test_it_says_when_nobody_matches(self):
        r = self.client.get(URL, {"q": "zebra"})
        self.assertContains(r, "Nobody matches")

    def test_it_filters_by_stage(self):
        self.assertEqual(self.names(self.client.get(URL, {"stage": "asked"})), {"Li Wen"})

    def test_it_filters_by_how_known(self):
        r = self.client.get(URL, {"how_known": "colleague"})
        self.assertEqual(self.names(r), {"Maya Okafor"})

    def test_it_filters_by_company(self):
        r = self.client.get(URL, {"company": self.northwind.pk})
        self.assertEqual(self.names(r), {"Maya Okafor"})

    def test_it_filters_by_tag(self):
        tag = Tag.objects.get(name="design")
        self.assertEqual(self.names(self.client.get(URL, {"tag": tag.pk})), {"Li Wen"})

    def test_it_combines_search_and_filters(self):
        r = self.client.get(URL, {"q": "example", "stage": "listed"})
        self.assertEqual(self.names(r), {"Maya Okafor"})

    def test_it_does_not_offer_another_accounts_company_or_tag(self):
        theirs = self.make_company("Bob Corp", owner=self.bob)
        self.make_person("Bruno", "Costa", owner=self.bob, company=theirs)
        their_tag = Tag.objects.create(owner=self.bob, name="secret-tag")
        r = self.client.get(URL)
        self.assertNotContains(r, "Bob Corp")
        self.assertNotContains(r, "secret-tag")
        # Their ids are not valid choices: the filter is ignored, nothing leaks.
        r = self.client.get(URL, {"company": theirs.pk})
        self.assertNotContains(r, "Bruno")
        r = self.client.get(URL, {"tag": their_tag.pk})
        self.assertNotContains(r, "Bruno")

    def test_it_pages_by_fifty(self):
        Person.objects.bulk_create(
            Person(owner=self.alice, first_name="Zed", last_name=f"{i:03}") for i in range(60)
        )
        r = self.client.get(URL)
        self.assertEqual(len(r.context["page"].object_list), 50)
        self.assertContains(r, "Page 1 of 2")
        r = self.client.get(URL, {"page": 2})
        self.assertEqual(len(r.context["page"].object_list), 12)
        self.assertContains(r, "Zed 059")

    def test_it_keeps_the_filters_in_the_page_links(self):
        Person.objects.bulk_create(
            Person(owner=self.alice, first_name="Zed", last_name=f"{i:03}") for i in range(55)
        )
        r = self.client.get(URL, {"q": "zed", "stage": "listed"})
        self.assertContains(r, "?q=zed&amp;stage=listed&amp;page=2")

    def test_it_answers_htmx_with_the_results_only(self):
        r = self.client.get(
            URL, {"q": "maya"}, headers={"HX-Request": "true", "HX-Target": "people-results"}
        )
        self.assertEqual(r.status_code, 200)
        html = r.content.decode()
        self.assertTrue(html.lstrip().startswith('<div id="people-results"'), html[:80])
        self.assertNotIn("<html", html)
        self.assertIn("Maya Okafor", html)
        self.assertNotIn("Li Wen", html)

    def test_it_answers_a_plain_request_with_the_whole_page(self):
        r = self.client.get(URL, {"q": "maya"})
        self.assertContains(r, "<html")
        self.assertContains(r, 'id="people-results"')


class PeopleOrderTestCase(BaseTestCase):
    def test_it_sorts_names_regardless_of_case(self):
        for first in ("zed", "Adam", "adele", "Bea"):
            self.make_person(first, "Lee")
        self.login()
        r = self.client.get(URL)
        names = [p.first_name for p in r.context["page"].object_list]
        self.assertEqual(names, ["Adam", "adele", "Bea", "zed"])

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TransactionTestCase
from django.test.utils import CaptureQueriesContext

from hundred.accounts.models import User
from hundred.network.models import HowKnown, Person, Stage, Tag
from hundred.test import PASSWORD, BaseTestCase, FrozenClock

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
        return {str(p) for p in response.context["page"]["people"]}

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

    def test_it_filters_by_a_company_typed_in_any_case(self):
        r = self.client.get(URL, {"company": " northwind  ANALYTICS"})
        self.assertEqual(self.names(r), {"Maya Okafor"})
        self.assertEqual(self.names(self.client.get(URL, {"company": "Northwind"})), set())

    def test_it_filters_by_a_tag_typed(self):
        self.assertEqual(self.names(self.client.get(URL, {"tag": "Design"})), {"Li Wen"})
        self.assertEqual(self.names(self.client.get(URL, {"tag": "desi"})), set())

    def test_it_suggests_at_most_twenty_companies_and_tags_of_mine(self):
        for i in range(25):
            self.make_company(f"Northwind Branch {i:02}")
        self.make_company("Northwind Secret", owner=self.bob)
        r = self.client.get("/people/suggest/company/", {"company": "northw"})
        html = r.content.decode()
        self.assertEqual(html.count("<option"), 20)
        self.assertIn('<datalist id="company-options">', html)
        self.assertIn('value="Northwind Analytics"', html)
        self.assertNotIn("Secret", html)
        r = self.client.get("/people/suggest/tag/", {"tag": "SIG"})
        self.assertEqual(r.content.decode().count('<option value="design">'), 1)
        self.assertEqual(
            self.client.get("/people/suggest/person/", {"person": "x"}).status_code, 404
        )

    def test_it_does_not_render_every_company_in_the_filter(self):
        for i in range(30):
            self.make_company(f"Employer {i:02}")
        r = self.client.get(URL)
        self.assertNotContains(r, "Employer 07")
        self.assertContains(r, 'list="company-options"')

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
        # Their names match nothing of mine, and nothing of theirs is shown.
        r = self.client.get(URL, {"company": theirs.name})
        self.assertNotContains(r, "Bruno")
        self.assertEqual(self.names(r), set())
        r = self.client.get(URL, {"tag": their_tag.name})
        self.assertNotContains(r, "Bruno")
        self.assertEqual(self.names(r), set())

    def test_it_pages_by_fifty_from_the_last_person_shown(self):
        for i in range(60):
            self.make_person("Zed", f"{i:03}")
        r = self.client.get(URL)
        page = r.context["page"]
        self.assertEqual(len(page["people"]), 50)
        last = page["people"][-1]
        self.assertEqual(str(last), "Zed 047")  # Li, Maya, then Zed 000…
        self.assertContains(r, f'after={last.pk}"')
        r = self.client.get(URL, {"after": last.pk})
        self.assertEqual([str(p) for p in r.context["page"]["people"]][:2], ["Zed 048", "Zed 049"])
        self.assertEqual(len(r.context["page"]["people"]), 12)
        self.assertFalse(r.context["page"]["next"])
        first = r.context["page"]["people"][0]
        self.assertContains(r, f'before={first.pk}"')
        r = self.client.get(URL, {"before": first.pk})
        self.assertEqual([str(p) for p in r.context["page"]["people"]][-1], "Zed 047")
        self.assertEqual(len(r.context["page"]["people"]), 50)
        self.assertFalse(r.context["page"]["previous"])

    def test_it_pages_past_people_of_the_same_name(self):
        twins = [self.make_person("Zed", "Twin") for _ in range(55)]
        r = self.client.get(URL, {"q": "twin"})
        shown = r.context["page"]["people"]
        r = self.client.get(URL, {"q": "twin", "after": shown[-1].pk})
        rest = r.context["page"]["people"]
        self.assertEqual({p.pk for p in shown} | {p.pk for p in rest}, {p.pk for p in twins})
        self.assertEqual(len(shown) + len(rest), 55)

    def test_a_search_with_more_matches_than_counted_pages_the_same(self):
        from hundred.network.views import people

        twins = [self.make_person("Zed", f"Twin {i:02}") for i in range(55)]
        sparse = self.client.get(URL, {"q": "twin"}).context["page"]
        cap, people.COUNT_CAP = people.COUNT_CAP, 5  # the database orders and pages instead
        try:
            r = self.client.get(URL, {"q": "twin"})
            dense = r.context["page"]
            later = self.client.get(URL, {"q": "twin", "after": dense["last_pk"]})
            back = self.client.get(URL, {"q": "twin", "before": later.context["page"]["first_pk"]})
        finally:
            people.COUNT_CAP = cap
        self.assertContains(r, "5+ people")
        self.assertEqual(dense["people"], sparse["people"])
        self.assertEqual(later.context["page"]["people"], twins[50:])
        self.assertEqual(back.context["page"]["people"], twins[:50])
        self.assertFalse(back.context["page"]["previous"])

    def test_another_accounts_cursor_is_the_first_page(self):
        theirs = self.make_person("Aaron", "Bobson", owner=self.bob)
        r = self.client.get(URL, {"after": theirs.pk})
        self.assertEqual(self.names(r), {"Maya Okafor", "Li Wen"})
        self.assertFalse(r.context["page"].get("previous"))

    def test_it_keeps_the_filters_in_the_page_links(self):
        for i in range(55):
            self.make_person("Zed", f"{i:03}")
        r = self.client.get(URL, {"q": "zed", "stage": "listed"})
        last = r.context["page"]["people"][-1]
        self.assertContains(r, f"?q=zed&amp;stage=listed&amp;after={last.pk}")

    def test_it_counts_matches_up_to_a_cap(self):
        from hundred.network.views import people

        for i in range(7):
            self.make_person("Zed", f"{i:03}")
        r = self.client.get(URL, {"q": "zed"})
        self.assertEqual((r.context["matches"], r.context["more_than"]), (7, False))
        self.assertContains(r, "7 people")
        cap, people.COUNT_CAP = people.COUNT_CAP, 5
        try:
            r = self.client.get(URL, {"q": "zed"})
        finally:
            people.COUNT_CAP = cap
        self.assertEqual((r.context["matches"], r.context["more_than"]), (5, True))
        self.assertContains(r, "5+ people")

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

    def test_its_queries_do_not_grow_with_the_rows_shown(self):
        # The rows read only the columns the list shows: one it did not read, shown in a row,
        # would cost a query a person.
        for query in ({}, {"q": "example"}):
            with CaptureQueriesContext(connection) as two:
                r = self.client.get(URL, query)
            self.assertContains(r, "maya.okafor@northwind.example")
            self.assertContains(r, "Northwind Analytics")
            self.assertContains(r, "Head of Data")
            for i in range(12):
                self.make_person("Q", f"Person{i}", company=self.northwind, title="Analyst")
            with CaptureQueriesContext(connection) as more:
                r = self.client.get(URL, query)
            self.assertContains(r, "QPerson", count=0)
            self.assertContains(r, "Q Person11")
            self.assertEqual(len(two), len(more), query)

    def test_it_answers_a_plain_request_with_the_whole_page(self):
        r = self.client.get(URL, {"q": "maya"})
        self.assertContains(r, "<html")
        self.assertContains(r, 'id="people-results"')


class PeopleSearchTestCase(BaseTestCase):
    """The folded search column: accents and case aside, kept up to date on every write."""

    def setUp(self):
        self.login()

    def found(self, q: str) -> set[str]:
        r = self.client.get(URL, {"q": q})
        return {str(p) for p in r.context["page"]["people"]}

    def test_accents_and_case_are_set_aside_both_ways(self):
        self.make_person("José", "García", emails=["JGarcia@Example.org"])
        self.make_person("Zoe", "Brontë")
        for q in ("jose", "JOSÉ", "garcia", "GARCÍA jose", "jgarcia@example", "JGARCIA"):
            with self.subTest(q=q):
                self.assertEqual(self.found(q), {"José García"})
        for q in ("zoë", "bronte", "BRONTË"):
            with self.subTest(q=q):
                self.assertEqual(self.found(q), {"Zoe Brontë"})

    def test_apostrophes_and_hyphens_are_set_aside_both_ways(self):
        self.make_person("Siobhán", "O’Brien-Smith", emails=["s.obrien@example.org"])
        self.make_person("Jean-Luc", "D'Arcy")
        self.make_person("Ann", "Obi")
        for q in ("obrien", "O'BRIEN", "o’brien", "obrien-smith", "obriensmith", "brien smith"):
            with self.subTest(q=q):
                self.assertEqual(self.found(q), {"Siobhán O’Brien-Smith"})
        for q in ("jeanluc", "jean-luc darcy", "d’arcy"):
            with self.subTest(q=q):
                self.assertEqual(self.found(q), {"Jean-Luc D'Arcy"})
        self.assertEqual(self.found("'"), {"Siobhán O’Brien-Smith", "Jean-Luc D'Arcy", "Ann Obi"})

    def test_a_company_renamed_or_deleted_is_searched_as_it_is_now(self):
        acme = self.make_company("Acme Widgets")
        self.make_person("Ann", "Lee", company=acme)
        self.assertEqual(self.found("acme"), {"Ann Lee"})
        acme.name = "Zenith Tools"
        acme.save()
        self.assertEqual(self.found("acme"), set())
        self.assertEqual(self.found("zenith"), {"Ann Lee"})
        acme.delete()
        self.assertEqual(self.found("zenith"), set())
        self.assertEqual(self.found("ann"), {"Ann Lee"})

    def test_an_edit_through_save_with_update_fields_refreshes_the_search(self):
        ann = self.make_person("Ann", "Lee")
        ann.title = "Chief Cartographer"
        ann.save(update_fields=["title"])
        self.assertEqual(self.found("cartographer"), {"Ann Lee"})

    def test_bulk_writes_are_caught_up_by_refresh_search_fields(self):
        Person.objects.bulk_create([Person(owner=self.alice, first_name="Örjan", last_name="Ek")])
        self.assertEqual(self.found("orjan"), set())  # bulk_create went around save()
        self.assertEqual(Person.objects.for_user(self.alice).refresh_search_fields(), 1)
        self.assertEqual(self.found("orjan"), {"Örjan Ek"})
        self.assertEqual(Person.objects.for_user(self.alice).refresh_search_fields(), 0)

    def test_search_text_for_matches_what_save_writes(self):
        acme = self.make_company("Ácme")
        ann = self.make_person("Ann", "Lée", company=acme, title="CTO", emails=["a@x.org"])
        self.assertEqual(
            Person.search_text_for("Ann", "Lée", ["a@x.org"], "Ácme", "CTO"), ann.search_text
        )
        self.assertEqual(ann.search_text, "ann lee a@x.org acme cto")


class PeopleOrderTestCase(BaseTestCase):
    def test_it_sorts_names_regardless_of_case(self):
        for first in ("zed", "Adam", "adele", "Bea"):
            self.make_person(first, "Lee")
        self.login()
        r = self.client.get(URL)
        names = [p.first_name for p in r.context["page"]["people"]]
        self.assertEqual(names, ["Adam", "adele", "Bea", "zed"])

    def test_it_sorts_accented_names_with_their_letter(self):
        for first in ("Émile", "Eve", "Zoë", "Ada"):
            self.make_person(first, "Lee")
        self.login()
        r = self.client.get(URL)
        names = [p.first_name for p in r.context["page"]["people"]]
        self.assertEqual(names, ["Ada", "Émile", "Eve", "Zoë"])


class KeptFilterFieldsTestCase(BaseTestCase):
    """The People filters' labels and widgets, kept once rendered (forms/blank.py), are the
    HTML Django renders for the same data, whatever was asked before."""

    def test_kept_fields_are_what_django_renders(self):
        from hundred.network.forms.blank import kept_label, kept_widget
        from hundred.network.forms.people import PeopleFilterForm

        cases = [
            None,
            {"q": "kim"},
            {"stage": "asked"},
            {"stage": "listed", "how_known": "colleague"},
            {"company": "Acme <b>"},
            {"tag": "x" * 61},  # too long: an error, so rendered each time
            {"stage": "no-such-stage"},  # not a choice: an error
            {"stage": ""},
        ]
        for _ in range(2):  # the second time from what was kept
            for data in cases:
                form = PeopleFilterForm(data)
                form.is_valid()
                for name in form.fields:
                    bf = form[name]
                    with self.subTest(data=data, field=name):
                        self.assertEqual(kept_widget(bf), str(bf))
                        self.assertEqual(kept_label(bf), bf.label_tag())
        form = PeopleFilterForm({"stage": "asked"})
        self.assertIn('value="asked" selected', kept_widget(form["stage"]))
        form = PeopleFilterForm({"tag": "x" * 61})
        form.is_valid()
        self.assertIn("aria-invalid", kept_widget(form["tag"]))


class SearchRefoldMigrationTestCase(FrozenClock, TransactionTestCase):
    """The migration that folds apostrophes and hyphens away catches up the people already
    there, whose search text still has them."""

    before = [("network", "0016_interaction_people_one_index_fewer")]
    after = [("network", "0017_search_without_apostrophes")]

    def tearDown(self):
        MigrationExecutor(connection).migrate(
            MigrationExecutor(connection).loader.graph.leaf_nodes()
        )

    def test_it_refolds_the_search_and_sort_columns(self):
        executor = MigrationExecutor(connection)
        executor.migrate(self.before)
        old = executor.loader.project_state(self.before).apps.get_model("network", "Person")
        user = User.objects.create_user("old@example.org", PASSWORD)
        # As the fold() of before wrote them: apostrophe and hyphen kept.
        kept = old.objects.create(
            owner_id=user.pk, first_name="Pat", last_name="O'Brien-Smith",
            search_text="pat o'brien-smith", sort_name="pat\to'brien-smith",
        )  # fmt: skip
        plain = old.objects.create(
            owner_id=user.pk, first_name="Ann", last_name="Lee",
            search_text="ann lee", sort_name="ann\tlee",
        )  # fmt: skip
        executor = MigrationExecutor(connection)
        executor.migrate(self.after)
        self.assertEqual(
            list(Person.objects.for_user(user).search("obrien").values_list("pk", flat=True)),
            [kept.pk],
        )
        values = dict(Person.objects.values_list("pk", "sort_name"))
        self.assertEqual(values, {kept.pk: "pat\tobriensmith", plain.pk: "ann\tlee"})

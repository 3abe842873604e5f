from datetime import UTC, date, datetime

from hundred.network.models import Tag
from hundred.test import BaseTestCase


class PersonTestCase(BaseTestCase):
    def setUp(self):
        self.company = self.make_company("Northwind Analytics")
        self.person = self.make_person(
            company=self.company,
            title="Head of Data",
            emails=["maya@work.example", "maya@home.example"],
            phones=["+442079460958"],
            linkedin_url="https://www.linkedin.com/in/mayaokafor",
            notes="Knows everyone in the Leeds data scene.",
        )
        self.url = self.person.get_absolute_url()
        self.login()

    def test_it_shows_the_person(self):
        self.person.tags.add(Tag.objects.create(owner=self.alice, name="mentor"))
        r = self.client.get(self.url)
        self.assertContains(r, "<h1>Maya Okafor")
        self.assertContains(r, "Head of Data")
        self.assertContains(r, f'href="{self.company.get_absolute_url()}"')
        self.assertContains(r, 'href="mailto:maya@home.example"')
        self.assertContains(r, 'href="tel:+442079460958"')
        self.assertContains(r, "https://www.linkedin.com/in/mayaokafor")
        self.assertContains(r, "Knows everyone in the Leeds data scene.")
        self.assertContains(r, "mentor")

    def test_it_escapes_what_the_user_typed(self):
        self.person.notes = "<script>alert(1)</script>"
        self.person.save()
        r = self.client.get(self.url)
        self.assertNotContains(r, "<script>alert(1)</script>")
        self.assertContains(r, "&lt;script&gt;")

    def test_a_phone_entry_that_is_no_number_is_shown_as_text_not_a_tel_link(self):
        # An import keeps what the file had; the form refuses it (test_add_person.py).
        self.person.phones = ["+442079460958", "ask reception"]
        self.person.save()
        r = self.client.get(self.url)
        self.assertContains(r, 'href="tel:+442079460958"')
        self.assertContains(r, "<dd>ask reception</dd>", html=True)
        self.assertNotContains(r, 'href="tel:ask')

    def test_it_links_only_to_web_addresses(self):
        cases = {
            "javascript:alert(document.cookie)": None,
            " JavaScript:alert(1)": None,
            "data:text/html,<script>alert(1)</script>": None,
            "linkedin.com/in/mayaokafor": "https://linkedin.com/in/mayaokafor",
            "http://www.linkedin.com/in/maya": "http://www.linkedin.com/in/maya",
        }
        for typed, href in cases.items():
            with self.subTest(url=typed):
                self.person.linkedin_url = typed
                self.person.save()
                r = self.client.get(self.url)
                html = r.content.decode().lower()
                self.assertNotIn('href="javascript:', html)
                self.assertNotIn('href=" javascript:', html)
                self.assertNotIn('href="data:', html)
                if href:
                    self.assertContains(r, f'<a href="{href}" rel="noopener noreferrer">')
                else:
                    self.assertContains(r, "<dt>LinkedIn</dt>")

    def test_it_shows_the_whole_timeline_newest_first(self):
        self.make_interaction(
            self.person,
            occurred_at=datetime(2025, 1, 6, 9, 0, tzinfo=UTC),
            summary="Asked for 20 minutes",
            is_outreach=True,
        )
        self.make_meeting(
            self.person,
            starts_at=datetime(2025, 1, 14, 12, 0, tzinfo=UTC),
            place="Café Nero",
            advice="Talk to the analytics guild.",
        )
        self.make_followup(self.person, due_on=date(2025, 1, 20), reason="thank_you")
        favour = self.make_favour(self.person, what="Review the guild's newsletter")
        favour.created_at = datetime(2025, 1, 25, tzinfo=UTC)
        favour.save()
        r = self.client.get(self.url)
        html = r.content.decode()
        order = [
            "Review the guild&#x27;s newsletter",
            "Say thank you",
            "Talk to the analytics guild.",
            "Asked for 20 minutes",
        ]
        for text in order:
            self.assertIn(text, html)
        positions = [html.index(text) for text in order]
        self.assertEqual(positions, sorted(positions))
        self.assertContains(r, "Café Nero")
        self.assertContains(r, "(outreach)")

    def test_it_shows_an_interaction_with_several_people(self):
        sam = self.make_person("Sam", "Ito")
        together = self.make_interaction(self.person, summary="Lunch, the three of us")
        together.people.add(sam)
        r = self.client.get(self.url)
        self.assertContains(r, "Lunch, the three of us")
        self.assertContains(r, f'<a href="{sam.get_absolute_url()}">Sam Ito</a>')

    def test_it_shows_who_introduced_them_and_whom_they_introduced(self):
        sam = self.make_person("Sam", "Ito")
        meeting = self.make_meeting(sam, starts_at=datetime(2025, 2, 3, 10, tzinfo=UTC))
        self.person.introduced_by = sam
        self.person.introduced_at = meeting
        self.person.save()
        priya = self.make_person("Priya", "Nair", introduced_by=self.person)
        r = self.client.get(self.url)
        self.assertContains(r, "Introduced by")
        self.assertContains(r, f'<a href="{sam.get_absolute_url()}">Sam Ito</a>')
        self.assertContains(r, "at the meeting of 3 Feb 2025")
        self.assertContains(r, "Introduced me to")
        self.assertContains(r, f'<a href="{priya.get_absolute_url()}">Priya Nair</a>')

    def test_it_shows_an_empty_timeline_honestly(self):
        r = self.client.get(self.url)
        self.assertContains(r, "Nothing yet.")

    def test_it_offers_the_interaction_form(self):
        r = self.client.get(self.url)
        self.assertContains(r, f'action="/people/{self.person.pk}/log/"')
        self.assertContains(r, 'for="id_channel"')
        self.assertContains(r, 'for="id_occurred_at"')

    def test_it_is_a_404_for_an_id_that_does_not_exist(self):
        self.assertEqual(self.client.get("/people/999999/").status_code, 404)


class PersonQueriesTestCase(BaseTestCase):
    """The person page makes the same queries however long their history and the account."""

    def setUp(self):
        self.person = self.make_person(company=self.make_company(), stage="asked")
        self.person.introduced_by = self.make_person("Ann", "Lee")
        self.person.save()
        self.login()

    def add_history(self, n: int) -> None:
        for i in range(n):
            other = self.make_person("Other", f"{n}-{i}")
            interaction = self.make_interaction(
                self.person, occurred_at=datetime(2025, 3, 1 + i, tzinfo=UTC), summary=f"Talk {i}"
            )
            interaction.people.add(other)
            self.make_meeting(self.person, starts_at=datetime(2025, 4, 1 + i, 9, tzinfo=UTC))
            self.make_followup(self.person, due_on=date(2025, 5, 1 + i))
            self.make_favour(self.person, what=f"Favour {i}")
            other.introduced_by = self.person
            other.save()
            self.person.tags.add(Tag.objects.create(owner=self.alice, name=f"t{n}-{i}"))

    def queries(self) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.client.get(self.person.get_absolute_url())
        with CaptureQueriesContext(connection) as captured:
            r = self.client.get(self.person.get_absolute_url())
        self.assertEqual(r.status_code, 200)
        return len(captured)

    def test_the_queries_do_not_grow_with_their_history(self):
        self.add_history(1)
        few = self.queries()
        self.add_history(12)
        self.assertEqual(self.queries(), few)
        self.assertLessEqual(few, 12)


class CompiledHistoryTestCase(PersonQueriesTestCase):
    """The page's queries compiled once (network/prepared.py) read what the managers read."""

    def test_the_rows_are_those_of_the_related_managers(self):
        from django.db import connection, models
        from django.test.utils import CaptureQueriesContext

        from hundred.network.models import Person
        from hundred.network.models.people import _history_rows, introduced_by

        self.add_history(3)
        together = self.make_interaction(self.person, summary="The three of us")
        together.people.add(self.make_person("Zed", "Zane"), self.make_person("Abe", "Ames"))
        p = self.person
        ours = _history_rows(p)
        theirs = (
            list(
                p.interactions.prefetch_related(
                    models.Prefetch(
                        "people", queryset=Person.objects.only("first_name", "last_name")
                    )
                )
            ),
            list(p.meetings.all()),
            list(p.followups.all()),
            list(p.favours.all()),
        )
        for mine, django in zip(ours, theirs, strict=True):
            self.assertEqual(len(mine), len(django))
            for a, b in zip(mine, django, strict=True):
                self.assertEqual(type(a), type(b))
                for field in type(a)._meta.concrete_fields:
                    self.assertEqual(getattr(a, field.attname), getattr(b, field.attname))
        with CaptureQueriesContext(connection) as captured:
            for a, b in zip(ours[0], theirs[0], strict=True):
                self.assertEqual(
                    [(o.pk, str(o)) for o in a.people.all()],
                    [(o.pk, str(o)) for o in b.people.all()],
                )
            for rows in ours[1:]:
                self.assertTrue(all(row.person is p for row in rows))
        self.assertEqual(len(captured), 0)  # the people and the person came with the rows
        self.assertEqual([o.pk for o in introduced_by(p)], [o.pk for o in p.introduced.all()])
        self.assertTrue(all(o.introduced_by is p for o in introduced_by(p)))

    def test_the_sql_is_the_related_managers_sql(self):
        from django.db import connection

        from hundred.network.models import people

        p = self.person
        for compiled, manager in (
            (people._INTERACTIONS, p.interactions.all()),
            (people._MEETINGS, p.meetings.all()),
            (people._FOLLOWUPS, p.followups.all()),
            (people._FAVOURS, p.favours.all()),
            (people._INTRODUCED, p.introduced.all()),
        ):
            with self.subTest(compiled.build):
                self.assertEqual(
                    compiled.build(p.pk).query.sql_with_params(),
                    manager.query.sql_with_params(),
                )
        self.assertTrue(connection.vendor)

    def test_only_integers_are_put_into_the_sql(self):
        from hundred.network.models.people import _MEETINGS

        self.assertEqual(_MEETINGS(self.person.pk), [])
        for bad in ("1 OR 1=1", 1.0, None):
            with self.subTest(bad), self.assertRaises(TypeError):
                _MEETINGS(bad)

    def test_another_accounts_person_is_a_404(self):
        mine = self.client.get(self.person.get_absolute_url())
        self.assertEqual(mine.status_code, 200)
        theirs = self.make_person("Bo", "Bell", owner=self.bob)
        self.assertEqual(self.client.get(theirs.get_absolute_url()).status_code, 404)

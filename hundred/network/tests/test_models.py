from datetime import timedelta

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from hundred.network.models import (
    Company,
    Favour,
    FollowUp,
    Interaction,
    Meeting,
    Person,
    Stage,
    Tag,
    Target,
)
from hundred.test import BaseTestCase


class ForUserTestCase(BaseTestCase):
    def test_it_scopes_every_model_to_its_owner(self):
        for owner in (self.alice, self.bob):
            person = self.make_person(owner=owner)
            self.make_company(owner=owner)
            self.make_interaction(person)
            self.make_meeting(person)
            self.make_followup(person)
            self.make_favour(person)
            self.make_target(owner=owner)
            Tag.objects.create(owner=owner, name="mentor")
        for model in (Person, Company, Interaction, Meeting, FollowUp, Favour, Target, Tag):
            with self.subTest(model=model.__name__):
                mine = model.objects.for_user(self.alice)
                self.assertEqual(mine.count(), 1)
                self.assertEqual(mine.get().owner, self.alice)
                self.assertFalse(model.objects.for_user(self.charlie).exists())


class PersonModelTestCase(BaseTestCase):
    def test_it_has_a_full_name(self):
        self.assertEqual(self.make_person("Maya", "Okafor").full_name, "Maya Okafor")
        self.assertEqual(self.make_person("Cher", "").full_name, "Cher")
        self.assertEqual(self.make_person("", "", emails=[]).full_name, "(no name)")

    def test_it_gives_the_first_email_and_phone(self):
        p = self.make_person(emails=["a@x.example", "b@x.example"], phones=["+15550100"])
        self.assertEqual((p.email, p.phone), ("a@x.example", "+15550100"))
        p = self.make_person(emails=[], phones=[])
        self.assertEqual((p.email, p.phone), ("", ""))

    def test_it_dates_a_stage_change(self):
        p = self.make_person()
        p.stage_changed_at = timezone.now() - timedelta(days=3)
        before = p.stage_changed_at
        p.set_stage(Stage.LISTED)
        self.assertEqual(p.stage_changed_at, before)
        p.set_stage(Stage.ASKED)
        self.assertEqual(p.stage, Stage.ASKED)
        self.assertGreater(p.stage_changed_at, before)

    def test_it_searches_every_word(self):
        co = self.make_company("Northwind")
        maya = self.make_person("Maya", "Okafor", company=co, title="Data lead")
        self.make_person("Sam", "Ito", emails=["sam@northwind.example"])
        qs = Person.objects.for_user(self.alice)
        self.assertEqual(set(qs.search("northwind")), set(qs))
        self.assertEqual(list(qs.search("northwind data")), [maya])
        self.assertEqual(list(qs.search("SAM@NORTHWIND")), [qs.get(first_name="Sam")])

    def test_it_links_to_its_page(self):
        p = self.make_person()
        self.assertEqual(p.get_absolute_url(), f"/people/{p.pk}/")


class CompanyModelTestCase(BaseTestCase):
    def test_it_finds_or_creates_by_name_in_any_case(self):
        northwind = self.make_company("Northwind")
        self.make_company("Contoso", owner=self.bob)
        self.assertEqual(Company.objects.get_or_create_named(self.alice, "NORTHWIND"), northwind)
        contoso = Company.objects.get_or_create_named(self.alice, "Contoso")
        self.assertEqual(contoso.owner, self.alice)
        self.assertEqual(Company.objects.filter(name="Contoso").count(), 2)


class TagModelTestCase(BaseTestCase):
    def test_it_finds_or_creates_by_name_in_any_case(self):
        mentor = Tag.objects.create(owner=self.alice, name="mentor")
        tags = Tag.objects.get_or_create_named(self.alice, ["Mentor", "leeds"])
        self.assertEqual(tags[0], mentor)
        self.assertEqual(tags[1].owner, self.alice)
        self.assertEqual(Tag.objects.for_user(self.alice).count(), 2)

    def test_it_keeps_names_unique_per_owner(self):
        Tag.objects.create(owner=self.alice, name="mentor")
        Tag.objects.create(owner=self.bob, name="mentor")
        with self.assertRaises(IntegrityError), transaction.atomic():
            Tag.objects.create(owner=self.alice, name="mentor")


class TargetModelTestCase(BaseTestCase):
    def test_it_allows_one_target_per_owner(self):
        self.make_target(skills=["analytics"])
        with self.assertRaises(IntegrityError), transaction.atomic():
            self.make_target()

    def test_it_gives_its_lists(self):
        t = self.make_target(skills=["analytics"], geographies=["Leeds"])
        self.assertEqual(t.as_lists()["skills"], ["analytics"])
        self.assertEqual(t.as_lists()["industries"], [])
        self.assertEqual(set(t.as_lists()), set(Target.LIST_FIELDS))


class InteractionModelTestCase(BaseTestCase):
    def test_it_involves_several_people(self):
        maya, sam = self.make_person(), self.make_person("Sam", "Ito")
        lunch = self.make_interaction(maya, channel="in_person")
        lunch.people.add(sam)
        self.assertEqual(set(lunch.people.all()), {maya, sam})
        self.assertEqual(list(sam.interactions.all()), [lunch])
        self.assertEqual(str(lunch), "In person (I reached out)")

    def test_its_links_to_people_are_indexed_once_by_interaction(self):
        # The unique (interaction, person) index serves lookups by interaction; a second
        # index on interaction alone would cost every imported message (migration 0015).
        table = Interaction.people.through._meta.db_table
        with connection.cursor() as cursor:
            found = connection.introspection.get_constraints(cursor, table).values()
        # PostgreSQL reports the unique constraint's index as a constraint, SQLite as an index.
        indexed = {
            tuple(c["columns"])
            for c in found
            if (c["index"] or c["unique"]) and not c["primary_key"]
        }
        self.assertEqual(indexed, {("interaction_id", "person_id"), ("person_id",)})


class CascadeTestCase(BaseTestCase):
    def test_it_deletes_an_accounts_rows_with_it(self):
        person = self.make_person()
        self.make_meeting(person)
        self.make_interaction(person)
        self.make_company()
        self.alice.delete()
        for model in (Person, Company, Interaction, Meeting):
            self.assertFalse(model.objects.exists(), model.__name__)

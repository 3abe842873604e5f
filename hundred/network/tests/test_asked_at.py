"""Person.asked_at, the time of the first outreach, follows every write that logs, moves or
removes outreach: the funnel's "asked" reads it instead of searching the interactions."""

from __future__ import annotations

from datetime import UTC, datetime

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TransactionTestCase

from hundred.accounts.models import User
from hundred.network.actions.people import do_log_interaction
from hundred.network.demo import build_demo
from hundred.network.models import Direction, Interaction, Person, Stage
from hundred.test import PASSWORD, BaseTestCase, FrozenClock
from hundred.transfer.backup import do_restore, export_backup
from hundred.transfer.dedupe import do_merge_people

MARCH = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
APRIL = datetime(2026, 4, 10, 9, 0, tzinfo=UTC)
MAY = datetime(2026, 5, 10, 9, 0, tzinfo=UTC)


def first_outreach(person: Person) -> datetime | None:
    times = person.interactions.filter(direction=Direction.OUT, is_outreach=True).values_list(
        "occurred_at", flat=True
    )
    return min(times, default=None)


class AskedAtTestCase(BaseTestCase):
    def log(self, people, when, **fields):
        fields.setdefault("direction", Direction.OUT)
        fields.setdefault("is_outreach", True)
        # History as given: two e-mails in a row would be refused by the pest guard, which is
        # not what these tests are about.
        return do_log_interaction(
            self.alice,
            people,
            channel="email",
            occurred_at=when,
            summary="Hello",
            override=True,
            **fields,
        )

    def asked_at(self, person) -> datetime | None:
        return Person.objects.get(pk=person.pk).asked_at

    def test_logging_an_outreach_records_the_first_one_for_everyone_in_it(self):
        ann, ben = self.make_person("Ann"), self.make_person("Ben")
        self.log([ann, ben], APRIL)
        self.assertEqual((self.asked_at(ann), self.asked_at(ben)), (APRIL, APRIL))
        self.log([ann], MAY)  # a later one leaves the first
        self.assertEqual(self.asked_at(ann), APRIL)
        self.log([ann], MARCH)  # one logged late, but sent earlier, becomes the first
        self.assertEqual(self.asked_at(ann), MARCH)

    def test_replies_and_other_messages_are_not_asks(self):
        ann = self.make_person("Ann")
        self.log([ann], APRIL, direction=Direction.IN, is_outreach=False)
        self.log([ann], APRIL, is_outreach=False)
        self.assertIsNone(self.asked_at(ann))
        self.assertEqual(Person.objects.get(pk=ann.pk).stage, Stage.LISTED)

    def test_it_stays_when_the_person_goes_back_on_the_list(self):
        ann = self.make_person("Ann", stage=Stage.PAUSED)
        self.log([ann], APRIL)
        Person.objects.filter(pk=ann.pk).update(stage=Stage.LISTED)
        self.assertEqual(self.asked_at(ann), APRIL)

    def test_a_merge_keeps_the_earlier_of_the_two(self):
        keep, other = self.make_person("Ann", "Lee"), self.make_person("Ann", "Lee")
        self.log([keep], MAY)
        self.log([other], MARCH)
        do_merge_people(self.alice, keep, other)
        self.assertEqual(self.asked_at(keep), MARCH)

    def test_a_restore_and_the_demo_record_it_from_their_interactions(self):
        build_demo(self.alice)
        demo = list(Person.objects.for_user(self.alice))
        self.assertTrue(any(p.asked_at for p in demo))
        for person in demo:
            self.assertEqual(person.asked_at, first_outreach(person), person)
        do_restore(self.bob, export_backup(self.alice))
        restored = {
            (p.first_name, p.last_name, p.email): p.asked_at
            for p in Person.objects.for_user(self.bob)
        }
        self.assertEqual(restored, {(p.first_name, p.last_name, p.email): p.asked_at for p in demo})

    def test_the_admin_refreshes_it_when_an_outreach_is_edited_or_deleted(self):
        root = User.objects.create_superuser("root@example.org", PASSWORD)
        ann, ben = self.make_person("Ann"), self.make_person("Ben")
        outreach = self.log([ann], APRIL)
        self.client.force_login(root)
        url = f"/admin/network/interaction/{outreach.pk}/change/"
        form = {
            "owner": self.alice.pk,
            "people": str(ben.pk),  # moved from Ann to Ben
            "channel": "email",
            "direction": "out",
            "occurred_at_0": "2026-04-10",
            "occurred_at_1": "09:00:00",
            "summary": "Hello",
            "is_outreach": "on",
            "created_at_0": "2026-04-10",
            "created_at_1": "09:00:00",
        }
        r = self.client.post(url, form)
        self.assertEqual(r.status_code, 302, r.content.decode()[:2000])
        self.assertIsNone(self.asked_at(ann))
        self.assertEqual(self.asked_at(ben), APRIL)
        r = self.client.post(f"/admin/network/interaction/{outreach.pk}/delete/", {"post": "yes"})
        self.assertEqual(r.status_code, 302)
        self.assertIsNone(self.asked_at(ben))


class AskedAtMigrationTestCase(FrozenClock, TransactionTestCase):
    """The migration that adds the field fills it for everyone already sent an outreach."""

    before = [("network", "0005_followup_reason_label")]
    after = [("network", "0006_person_asked_at")]

    def tearDown(self):
        MigrationExecutor(connection).migrate(
            MigrationExecutor(connection).loader.graph.leaf_nodes()
        )

    def test_it_fills_asked_at_from_existing_outreach(self):
        executor = MigrationExecutor(connection)
        executor.migrate(self.before)
        old = executor.loader.project_state(self.before).apps
        # Only the network app goes back; accounts stays as it is now.
        user = User.objects.create_user("old@example.org", PASSWORD)
        OldPerson = old.get_model("network", "Person")
        OldInteraction = old.get_model("network", "Interaction")
        ann = OldPerson.objects.create(owner_id=user.pk, first_name="Ann")
        ben = OldPerson.objects.create(owner_id=user.pk, first_name="Ben")
        for when, outreach in ((MAY, True), (APRIL, True), (MARCH, False)):
            i = OldInteraction.objects.create(
                owner_id=user.pk,
                channel="email",
                direction="out",
                occurred_at=when,
                is_outreach=outreach,
            )
            i.people.add(ann)
        reply = OldInteraction.objects.create(
            owner_id=user.pk, channel="email", direction="in", occurred_at=MARCH, is_outreach=True
        )
        reply.people.add(ben)

        executor = MigrationExecutor(connection)
        executor.migrate(self.after)
        # The model as of that migration: later ones add columns it does not have yet.
        Then = executor.loader.project_state(self.after).apps.get_model("network", "Person")
        self.assertEqual(Then.objects.get(pk=ann.pk).asked_at, APRIL)
        self.assertIsNone(Then.objects.get(pk=ben.pk).asked_at)
        self.assertEqual(Interaction.objects.count(), 4)

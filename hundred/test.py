"""The base test case: personas and small builders.

alice owns the data under test, bob is another account that must never see it, charlie a third.
"""

from __future__ import annotations

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from hundred.accounts.models import User
from hundred.network.models import (
    Company,
    Favour,
    FollowUp,
    Interaction,
    Meeting,
    Person,
    Target,
)

PASSWORD = "correct-horse-battery-staple"


class BaseTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.alice = User.objects.create_user("alice@example.org", PASSWORD, time_zone="UTC")
        cls.bob = User.objects.create_user("bob@example.org", PASSWORD)
        cls.charlie = User.objects.create_user("charlie@example.org", PASSWORD)

    def login(self, user: User | None = None) -> None:
        self.client.force_login(user or self.alice)

    # Builders: each makes one object for alice unless told otherwise.

    def make_company(self, name: str = "Northwind Analytics", owner=None, **fields) -> Company:
        return Company.objects.create(owner=owner or self.alice, name=name, **fields)

    def make_person(
        self, first_name: str = "Maya", last_name: str = "Okafor", owner=None, **fields
    ):
        fields.setdefault("emails", [f"{first_name.lower()}@example.net"])
        return Person.objects.create(
            owner=owner or self.alice, first_name=first_name, last_name=last_name, **fields
        )

    def make_interaction(self, person: Person, **fields) -> Interaction:
        interaction = Interaction.objects.create(owner=person.owner, **fields)
        interaction.people.add(person)
        return interaction

    def make_meeting(self, person: Person, **fields) -> Meeting:
        fields.setdefault("starts_at", timezone.now() + timedelta(days=2))
        return Meeting.objects.create(owner=person.owner, person=person, **fields)

    def make_followup(self, person: Person, **fields) -> FollowUp:
        fields.setdefault("due_on", timezone.localdate())
        return FollowUp.objects.create(owner=person.owner, person=person, **fields)

    def make_favour(self, person: Person, **fields) -> Favour:
        fields.setdefault("direction", "they_asked")
        fields.setdefault("what", "Read my friend's CV")
        return Favour.objects.create(owner=person.owner, person=person, **fields)

    def make_target(self, owner=None, **fields) -> Target:
        return Target.objects.create(owner=owner or self.alice, **fields)

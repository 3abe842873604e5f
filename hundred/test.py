"""The base test case: personas, small builders and a clock that does not follow the calendar.

alice owns the data under test, bob is another account that must never see it, charlie a third.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.test import TestCase
from django.utils import timezone
from freezegun import api as freezegun_api
from freezegun import freeze_time

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

# Contact details for make_person that open every channel of the follow-up rotation (a person
# with an e-mail address alone is not offered a phone call or a LinkedIn message).
REACHABLE = {"phones": ["+1 617 555 0100"], "linkedin_url": "https://www.linkedin.com/in/x"}


# The moment tests run at unless they choose their own: a Wednesday morning in the middle of a
# month, far from a daylight-saving change and from the year's end, in every time zone the tests
# use. Today, the week, last week and the business days then come out the same whichever day
# the suite runs (it failed from Thursday to Sunday when it read the calendar).
WEDNESDAY = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


class FrozenClock:
    """Runs a test class at `clock`: set-up data, every test and the teardown.

    The default clock starts at WEDNESDAY and ticks, so two writes in a row still get two times.
    asyncio's event loops keep the real clock (the SMTP server of the password tests runs one):
    timers set on one clock and read on the other end at once or never. A class whose dates
    matter names its moment (`clock = freeze_time("2026-11-11 10:00Z")`, which stands still); a
    single test nests `with freeze_time(...)` or decorates itself. A class decorated with
    @freeze_time keeps that clock: it is already running when setUpClass is called.
    """

    clock = freeze_time(WEDNESDAY, tick=True, real_asyncio=True)

    @classmethod
    def setUpClass(cls) -> None:
        # freezegun's list of running clocks: not empty under a @freeze_time class decorator,
        # whose clock would otherwise lose setUpTestData to this one.
        cls._clock_started = not freezegun_api.freeze_factories
        if cls._clock_started:
            cls.clock.start()
        try:
            super().setUpClass()
        except BaseException:
            if cls._clock_started:
                cls.clock.stop()
            raise

    @classmethod
    def tearDownClass(cls) -> None:
        try:
            super().tearDownClass()
        finally:
            if cls._clock_started:
                cls.clock.stop()


@functools.cache
def password_hash() -> str:
    """PASSWORD hashed once per run: Argon2 is slow on purpose, and every test class needs it."""
    return make_password(PASSWORD)


class BaseTestCase(FrozenClock, TestCase):
    def _callSetUp(self) -> None:
        # Insights keeps pages per process by account and data stamp; each test's rollback
        # brings ids and stamps back, so a page kept by one test could answer the next.
        from hundred.insight.kept import forget_cached_bodies

        forget_cached_bodies()
        super()._callSetUp()

    @classmethod
    def setUpTestData(cls) -> None:
        cls.alice = cls.make_user("alice@example.org", time_zone="UTC")
        cls.bob = cls.make_user("bob@example.org")
        cls.charlie = cls.make_user("charlie@example.org")

    @staticmethod
    def make_user(email: str, **fields) -> User:
        """An account whose password is PASSWORD (Argon2, like every real one)."""
        return User.objects.create(email=email, password=password_hash(), **fields)

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
        """An interaction written directly (no follow-ups planned), with the person's
        asked_at kept as the app keeps it."""
        interaction = Interaction.objects.create(owner=person.owner, **fields)
        interaction.people.add(person)
        Person.objects.filter(pk=person.pk).refresh_asked_at()
        person.refresh_from_db(fields=["asked_at"])
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

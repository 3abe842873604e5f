"""Personas for the centre's tests: a centre with a coach, alice as its job seeker, and a
second centre whose coach must never see her."""

from __future__ import annotations

from hundred.accounts.models import Organisation, Role
from hundred.centre.actions import do_grant
from hundred.test import BaseTestCase


class CentreTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.centre = Organisation.objects.create(name="North Careers")
        cls.other_centre = Organisation.objects.create(name="South Careers")
        cls.alice.organisation = cls.centre
        cls.alice.name = "Alice Archer"
        cls.alice.save()
        cls.coach = cls.make_user(
            "cora@north.example", name="Cora Coach", role=Role.COACH, organisation=cls.centre
        )
        cls.second_coach = cls.make_user(
            "carl@north.example", name="Carl", role=Role.COACH, organisation=cls.centre
        )
        cls.far_coach = cls.make_user(
            "sam@south.example", role=Role.COACH, organisation=cls.other_centre
        )
        cls.admin = cls.make_user("ada@north.example", role=Role.ADMIN, organisation=cls.centre)

    def grant(self, seeker=None, coach=None, **kwargs):
        return do_grant(seeker or self.alice, coach or self.coach, **kwargs)

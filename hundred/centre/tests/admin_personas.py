"""Personas of a career centre for the admin, invitation and sign-up tests.

Riverside Careers has ada (its admin), cole (a coach) and alice (a job seeker, with a network
of her own); Hillside has hugo, its admin. bob and charlie have no centre, as on a laptop.
"""

from __future__ import annotations

from hundred.accounts.models import Organisation, Role
from hundred.test import BaseTestCase


class CentreTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.riverside = Organisation.objects.create(name="Riverside Careers")
        cls.hillside = Organisation.objects.create(name="Hillside")
        cls.ada = cls.make_user(
            "ada@riverside.edu", name="Ada Admin", role=Role.ADMIN, organisation=cls.riverside
        )
        cls.cole = cls.make_user(
            "cole@riverside.edu", name="Cole Coach", role=Role.COACH, organisation=cls.riverside
        )
        cls.hugo = cls.make_user("hugo@hillside.org", role=Role.ADMIN, organisation=cls.hillside)
        cls.alice.organisation = cls.riverside
        cls.alice.name = "Alice Seeker"
        cls.alice.save(update_fields=["organisation", "name"])

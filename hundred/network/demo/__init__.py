"""`hundred demo`: fill an empty account with a believable job-search network, all invented.

The seeker is a financial analyst laid off from a hospital network, looking for finance work in
Boston-area non-profits. Eight weeks into the search they have listed 150 people, asked about
thirty, met fifteen, and the meetings have started to produce names: introductions three steps
deep, some reaching people at target companies. Today has overdue, due and coming follow-ups,
meetings ahead and a debrief owed.

Names come from a mixed pool; e-mail addresses use example.com, .org and .net; phone numbers sit
in the 555-01xx range kept for fiction; websites end in .example. The network comes from a fixed
seed with dates counted back in business days from `today`, so the same call on the same day
builds the same network. Follow-up dates come from the follow-up engine (`rules.py`), so the
demo obeys the same rules as real data.

The invented people, companies and stories are data (data.json, read by data.py); builder.py
holds the builder and its clock, people.py makes the companies and people, stories.py tells
what happened to them, and save.py writes it all.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from hundred.network.demo.builder import Builder
from hundred.network.demo.people import make_cast, make_companies, make_filler
from hundred.network.demo.save import save
from hundred.network.demo.stories import (
    keep_in_touch,
    tell_cast_without_meetings,
    tell_favours,
    tell_filler,
    tell_meetings,
    tell_touches,
)
from hundred.network.models import Company, Person, Target

__all__ = ["DemoExists", "build_demo"]

EMPTY_ACCOUNT_HINT = (
    "the demo fills only an empty account — create a new one with "
    "'hundred createuser EMAIL', then run 'hundred demo --user EMAIL'."
)


class DemoExists(Exception):
    """The account already holds data of its own; the demo fills only an empty account."""


def build_demo(user, *, today: date | None = None) -> dict[str, int]:
    """Fill an empty account with the sample network and return what was made, by kind.

    build_demo(user) -> {"people": 150, "companies": 30, "interactions": …, "meetings": 21, …}
    """
    today = today or user.local_today()
    with transaction.atomic():
        # Two demo runs for one account at once would both see it empty; the row lock makes
        # the second wait and then refuse (a no-op on SQLite, whose writers already queue).
        type(user).objects.select_for_update().filter(pk=user.pk).first()
        target = _empty_target_or_refuse(user)
        builder = Builder(user, today)
        _build(builder)
        return save(builder, target)


def _build(b: Builder) -> None:
    """Every object of the demo, unsaved. One seeded generator makes every random choice, so
    the steps run in this order always: reordering them changes the network."""
    make_companies(b)
    make_cast(b)
    make_filler(b)
    tell_meetings(b)
    tell_cast_without_meetings(b)
    tell_touches(b)
    tell_favours(b)
    keep_in_touch(b)
    tell_filler(b)


def _empty_target_or_refuse(user) -> Target | None:
    if Person.objects.for_user(user).exists():
        raise DemoExists(f"This account already has people; {EMPTY_ACCOUNT_HINT}")
    if Company.objects.for_user(user).exists():
        raise DemoExists(f"This account already has companies; {EMPTY_ACCOUNT_HINT}")
    target = Target.objects.for_user(user).first()
    # Onboarding may have left an empty target behind: fill that one rather than refuse.
    if target is not None and (target.pitch or any(target.as_lists().values())):
        raise DemoExists(f"This account already has a target; {EMPTY_ACCOUNT_HINT}")
    return target

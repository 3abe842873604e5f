"""Companies, target or not."""

from __future__ import annotations

from django.db import models

from hundred.lib.companies import company_key
from hundred.network.models.choices import ResearchStatus
from hundred.network.models.owned import OwnedModel, OwnedQuerySet
from hundred.network.urlcache import fast_reverse


class CompanyQuerySet(OwnedQuerySet):
    def named(self, owner, name: str) -> list[Company]:
        """The owner's companies this name means, oldest first: the same name in any case
        first, then those whose name differs only by a legal suffix or punctuation
        ("Northwind Analytics, Inc." means "Northwind Analytics"), the key imports and the
        duplicates review use (hundred.lib.companies.company_key)."""
        mine = self.filter(owner=owner).order_by("id")
        exact = list(mine.filter(name__iexact=name))
        key = company_key(name)
        # Every name is read to compare keys: a few thousand at most per account, and
        # company_key remembers the ones it has seen.
        same = mine.exclude(pk__in=[c.pk for c in exact]).values_list("id", "name")
        ids = [id for id, other in same.iterator() if company_key(other) == key]
        return exact + list(mine.filter(pk__in=ids)) if ids else exact

    def get_or_create_named(self, owner, name: str) -> Company:
        """The owner's company this name means (named()), or a new one called name."""
        exact = self.filter(owner=owner, name__iexact=name).order_by("id").first()
        if exact is not None:  # most names typed are: no need to read every other one
            return exact
        found = self.named(owner, name)
        return found[0] if found else self.create(owner=owner, name=name)


class Company(OwnedModel):
    name = models.CharField(max_length=200)
    website = models.CharField(max_length=300, blank=True)
    industry = models.CharField(max_length=120, blank=True)
    kind = models.CharField(
        "kind of organisation", max_length=120, blank=True, help_text="e.g. non-profit, startup"
    )
    location = models.CharField(max_length=200, blank=True)
    notes = models.TextField("research notes", blank=True)
    is_target = models.BooleanField("target company", default=False)
    priority = models.PositiveSmallIntegerField(
        default=2, choices=[(1, "High"), (2, "Medium"), (3, "Low")]
    )
    research_status = models.CharField(
        max_length=20, choices=ResearchStatus.choices, default=ResearchStatus.NOT_STARTED
    )

    objects = CompanyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"
        indexes = [models.Index(fields=["owner", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return fast_reverse("network-company", args=[self.pk])

    # People's search text holds their company's name (models/people.py): a rename or a
    # delete refreshes it for the people who work here.
    @classmethod
    def from_db(cls, db, field_names, values):
        company = super().from_db(db, field_names, values)
        company._saved_name = company.__dict__.get("name")
        return company

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        if getattr(self, "_saved_name", self.name) != self.name:
            self.people.all().refresh_search_fields()
        self._saved_name = self.name

    def delete(self, *args, **kwargs):
        people = self.people.model.objects.filter(owner_id=self.owner_id)
        name = self.name
        result = super().delete(*args, **kwargs)
        people.filter(company=None).search(name).refresh_search_fields()
        return result

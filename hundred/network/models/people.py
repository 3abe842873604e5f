"""People on the list, and their tags."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import connections, models, router
from django.db.models import Min
from django.db.models.fields.json import KeyTransform
from django.utils import timezone

from hundred.lib.names import split_name
from hundred.lib.text import fold
from hundred.network.models.choices import Closeness, Direction, HowKnown, Source, Stage
from hundred.network.models.companies import Company
from hundred.network.models.owned import OwnedModel, OwnedQuerySet
from hundred.network.prepared import Compiled
from hundred.network.urlcache import fast_reverse


class TagQuerySet(OwnedQuerySet):
    def get_or_create_named(self, owner, names: list[str]) -> list[Tag]:
        """The owner's tags with these names, creating the missing ones."""
        tags = []
        for name in names:
            tag = self.filter(owner=owner, name__iexact=name).first()
            tags.append(tag or self.create(owner=owner, name=name))
        return tags


class Tag(OwnedModel):
    name = models.CharField(max_length=60)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="unique_tag_name")]

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(OwnedQuerySet):
    def search(self, text: str) -> PersonQuerySet:
        """People whose name, e-mail, company or title contains each word of `text`, case
        and accents aside ("jose" finds José). Reads the folded `search_text` column, which a
        trigram index serves on PostgreSQL."""
        qs = self
        for word in fold(text).split():
            qs = qs.filter(search_text__contains=word)
        return qs

    def refresh_search_fields(self) -> int:
        """Recompute `search_text` and `sort_name` of these people and write the ones that
        changed; for writes that go around Person.save() (bulk inserts and updates, restore,
        a company renamed or deleted). Returns how many were written."""
        rows = self.values_list(
            "pk", "first_name", "last_name", "emails", "title", "company__name",
            "search_text", "sort_name",
        ).order_by()  # fmt: skip
        changed = []
        for pk, first, last, emails, title, company, text, sort in rows.iterator(chunk_size=5000):
            new_text = Person.search_text_for(first, last, emails, company or "", title)
            new_sort = Person.sort_name_for(first, last)
            if (new_text, new_sort) != (text, sort):
                changed.append((new_text, new_sort, pk))
        connection = connections[self.db]
        table = connection.ops.quote_name(Person._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET search_text = %s, sort_name = %s WHERE id = %s", changed
            )
        if len(changed) >= STATISTICS_AFTER:
            refresh_statistics(self.db)  # an import or restore: the tables have grown
        return len(changed)

    def refresh_asked_at(self) -> int:
        """Set each person's `asked_at` from their interactions: the first outbound outreach,
        or None. For writes that add or move interactions in bulk (restore, merge, demo).

        One grouped query finds the first outreach of everyone, then only the people whose
        value changes are written. An UPDATE with a correlated subquery ran for minutes on
        PostgreSQL right after a restore of 30,000 people: with no statistics yet on the new
        rows, the planner searched all outreach once for every person.
        """
        first = dict(
            self.model.interactions.through.objects.filter(
                person__in=self,
                interaction__direction=Direction.OUT,
                interaction__is_outreach=True,
            )
            .values_list("person_id")
            .annotate(first=Min("interaction__occurred_at"))
            .order_by()
        )
        changed = [
            (first.get(pk), pk)
            for pk, asked_at in self.values_list("pk", "asked_at").order_by()
            if asked_at != first.get(pk)
        ]
        # One statement a changed person, sent together: bulk_update's CASE is several times
        # slower at a restore's size (docs/performance.md has the figures).
        connection = connections[self.db]
        table = connection.ops.quote_name(Person._meta.db_table)
        values = [(connection.ops.adapt_datetimefield_value(when), pk) for when, pk in changed]
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE {table} SET asked_at = %s WHERE id = %s", values)
        return len(changed)


# A bulk write of this many people has the database re-read the tables' sizes.
STATISTICS_AFTER = 1000


def refresh_statistics(using: str = "default") -> None:
    """ANALYZE the network app's tables, so the query planner knows their sizes.

    SQLite keeps no statistics unless told: without them, filtering 30,000 people by a
    company of four walked all 30,000 in name order (35 ms) instead of reading the four
    (under 1 ms). PostgreSQL's autovacuum gets there too, but only a while after a bulk write.
    Run after imports and restores (refresh_search_fields) and when `hundred serve` starts.
    """
    from django.apps import apps

    connection = connections[using]
    models_ = apps.get_app_config("network").get_models(include_auto_created=True)
    with connection.cursor() as cursor:
        for model in models_:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


SEARCHED_FIELDS = frozenset(("first_name", "last_name", "emails", "company", "title"))


log = logging.getLogger(__name__)


def as_texts(value: Any) -> tuple[list[str], bool]:
    """A stored list of texts (e-mails, phones) as a list of texts, and whether it had to be
    changed for that: a bare text or number is a list of one; inside the list a number
    becomes its text and anything else (an object, a list, null, true) is dropped."""

    def text(v: Any) -> str | None:
        if isinstance(v, str):
            return v
        if isinstance(v, int | float) and not isinstance(v, bool):
            return str(v)
        return None

    if isinstance(value, list):
        texts = [t for t in map(text, value) if t is not None]
        return texts, len(texts) != len(value) or any(not isinstance(v, str) for v in value)
    one = text(value)
    return ([] if one is None else [one]), True


class TextListField(models.JSONField):
    """A JSON list of texts, read as one whatever the row holds.

    The person form, the API, imports and restore only ever write lists of texts, but a
    database restored before restore checked its values can hold anything JSON ("ann@x.org",
    5, null, [{"a": 1}]); every page, the API and the backup read the column as a list of
    texts and failed on such a row (a 500 for the whole People list). It is read as
    `as_texts` makes it, with a warning in the log; the row keeps what it holds until the
    person is next saved. Deconstructed as a JSONField: it changes no column."""

    def from_db_value(self, value, expression, connection):
        value = super().from_db_value(value, expression, connection)
        if isinstance(expression, KeyTransform):  # one item (emails__0), not the list
            return value
        texts, changed = as_texts(value)
        if changed:
            log.warning(
                "%s.%s holds %.80r, not a list of texts: read as %.80r",
                self.model.__name__,
                self.name,
                value,
                texts,
            )
        return texts

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs


class Person(OwnedModel):
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    emails = TextListField(default=list, blank=True)
    phones = TextListField(default=list, blank=True)
    linkedin_url = models.CharField("LinkedIn profile", max_length=300, blank=True)
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    title = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    how_known = models.CharField(
        "how I know them", max_length=20, choices=HowKnown.choices, default=HowKnown.OTHER
    )
    closeness = models.PositiveSmallIntegerField(
        choices=Closeness.choices, default=Closeness.FRIENDLY
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="people")
    notes = models.TextField(blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.MANUAL)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.LISTED)
    stage_changed_at = models.DateTimeField(default=timezone.now)
    paused_until = models.DateField(null=True, blank=True)
    # When the first outreach was sent to them, whatever their stage now: the funnel's
    # "asked" reads it with the rest of the row (finding it through the interactions took a
    # tenth of the Insights page at 30,000 people). Kept by do_log_interaction, and by
    # refresh_asked_at() after bulk writes.
    asked_at = models.DateTimeField("first asked", null=True, blank=True, editable=False)
    introduced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="introduced"
    )
    introduced_at = models.ForeignKey(
        "Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="names_given",
    )
    connected_on = models.DateField("connected on", null=True, blank=True)
    # Derived, for the People page: name, e-mails, company and title folded (lower case, no
    # accents) for search, and the folded name the list is sorted and paged by. save() keeps
    # them; bulk writes call fill_search_fields() or refresh_search_fields().
    search_text = models.TextField(blank=True, default="", db_default="", editable=False)
    sort_name = models.CharField(
        max_length=310, blank=True, default="", db_default="", editable=False
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["first_name", "last_name", "id"]
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["owner", "stage"]),
            models.Index(fields=["owner", "last_name", "first_name"]),
            models.Index(fields=["owner", "sort_name", "id"], name="person_owner_sort_name"),
            # Today's check for pauses that have ended, on every view: without it PostgreSQL
            # filtered all of an account's people (30,000: ~9 ms) to find none.
            models.Index(
                fields=["owner", "paused_until"],
                condition=models.Q(stage=Stage.PAUSED),
                name="person_owner_paused",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return fast_reverse("network-person", args=[self.pk])

    @staticmethod
    def search_text_for(
        first_name: str, last_name: str, emails: Iterable[str], company_name: str, title: str
    ) -> str:
        """What `search_text` holds for these values: for bulk inserts that skip save()."""
        parts = [first_name, last_name, *(emails or ()), company_name, title]
        return fold(" ".join(p for p in parts if p))

    @staticmethod
    def sort_name_for(first_name: str, last_name: str) -> str:
        """What `sort_name` holds: first name, then last name, folded; a tab between sorts
        "Ann Lee" before "Anna Bell"."""
        return f"{fold(first_name)}\t{fold(last_name)}"[:310]

    def fill_search_fields(self, company_name: str | None = None) -> None:
        """Set `search_text` and `sort_name` from the other fields, without saving. Give the
        company's name when you have it; otherwise it is read from the company."""
        if company_name is None:
            company_name = self.company.name if self.company_id else ""
        self.search_text = self.search_text_for(
            self.first_name, self.last_name, self.emails, company_name, self.title
        )
        self.sort_name = self.sort_name_for(self.first_name, self.last_name)

    def save(self, *args, **kwargs) -> None:
        fields = kwargs.get("update_fields")
        if fields is None:
            self.fill_search_fields()
        elif SEARCHED_FIELDS.intersection(fields):
            self.fill_search_fields()
            kwargs["update_fields"] = {*fields, "search_text", "sort_name"}
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or "(no name)"

    @property
    def email(self) -> str:
        return self.emails[0] if self.emails else ""

    @property
    def phone(self) -> str:
        return self.phones[0] if self.phones else ""

    @property
    def linkedin_link(self) -> str:
        """The LinkedIn URL when it is safe to link to: http(s) only, never javascript: or data:."""
        url = self.linkedin_url.strip()
        if url.lower().startswith(("https://", "http://")):
            return url
        if url.lower().startswith(("linkedin.com/", "www.linkedin.com/")):
            return f"https://{url}"
        return ""

    def timeline(self) -> list[dict]:
        """Everything that happened with this person, newest first."""
        return self.history()["timeline"]

    def history(self) -> dict[str, list]:
        """Their interactions, meetings, follow-ups and favours, each read once, and the
        timeline of all of them newest first: the person page shows each list twice."""
        interactions, meetings, followups, favours = _history_rows(self)
        entries: list[dict] = [
            {"kind": "interaction", "at": i.occurred_at, "obj": i} for i in interactions
        ]
        entries += [{"kind": "meeting", "at": m.starts_at, "obj": m} for m in meetings]
        for f in followups:
            at = timezone.make_aware(datetime.combine(f.due_on, datetime.min.time()))
            entries.append({"kind": "followup", "at": at, "obj": f})
        entries += [{"kind": "favour", "at": fav.created_at, "obj": fav} for fav in favours]
        if self.introduced_by_id:
            entries.append({"kind": "introduced", "at": self.created_at, "obj": self})
        entries.sort(key=lambda e: e["at"], reverse=True)
        return {
            "timeline": entries,
            "meetings": meetings,
            "followups": followups,
            "favours": favours,
        }

    def set_stage(self, stage: str) -> None:
        if stage != self.stage:
            self.stage = stage
            self.stage_changed_at = timezone.now()


# The person page's queries, compiled once (network/prepared.py): each is the SQL of the related
# manager named beside it (test_person.py compares them).
_INTERACTIONS = Compiled(lambda pk: Person.interactions.rel.related_model.objects.filter(people=pk))
# The other people of those interactions, as prefetch_related(Prefetch("people",
# Person.objects.only("first_name", "last_name"))) read them: by interaction, in Person's order.
_WITH = Compiled(
    lambda pk: (
        Person.interactions.through.objects.filter(interaction__people=pk)
        .order_by("person__first_name", "person__last_name", "person__id")
        .values_list("interaction_id", "person_id", "person__first_name", "person__last_name")
    )
)
_MEETINGS = Compiled(lambda pk: Person.meetings.rel.related_model.objects.filter(person=pk))
_FOLLOWUPS = Compiled(lambda pk: Person.followups.rel.related_model.objects.filter(person=pk))
_FAVOURS = Compiled(lambda pk: Person.favours.rel.related_model.objects.filter(person=pk))
_INTRODUCED = Compiled(lambda pk: Person.objects.filter(introduced_by=pk))


def _history_rows(person: Person) -> tuple[list, list, list, list]:
    """person.interactions (their people prefetched), .meetings, .followups and .favours, as
    the related managers read them, each row's person set to `person` as theirs do."""
    interactions = _INTERACTIONS(person.pk)
    others: dict[int, list[Person]] = {}
    alias = router.db_for_read(Person)
    for interaction_id, pk, first, last in _WITH(person.pk) if interactions else ():
        others.setdefault(interaction_id, []).append(
            Person.from_db(alias, ["id", "first_name", "last_name"], (pk, first, last))
        )
    for interaction in interactions:
        queryset = interaction.people.get_queryset()  # what prefetch_related keeps
        queryset._result_cache = others.get(interaction.pk, [])
        queryset._prefetch_done = True
        interaction._prefetched_objects_cache = {"people": queryset}
    rows = []
    for compiled in (_MEETINGS, _FOLLOWUPS, _FAVOURS):
        found = compiled(person.pk)
        for obj in found:
            obj.person = person
        rows.append(found)
    return interactions, *rows


def long_name_error(name: str) -> str:
    """The sentence refusing a full name whose first or last part is longer than its column
    (the quick add, the welcome names, a debrief's names), or '' when it fits."""
    for part, label in zip(split_name(name), ("first name", "last name"), strict=True):
        length = Person._meta.get_field("first_name" if label == "first name" else "last_name")
        if len(part) > length.max_length:
            return (
                f"The {label} can have at most {length.max_length} characters (this one has "
                f"{len(part)}): shorten it."
            )
    return ""


def introduced_by(person: Person) -> list[Person]:
    """person.introduced.all(), its rows' introduced_by set to `person` as the manager's are."""
    found = _INTRODUCED(person.pk)
    for obj in found:
        obj.introduced_by = person
    return found

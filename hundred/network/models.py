"""The domain of DESIGN.md: a job seeker's target, people, companies and what happens with them.

Every row has an owner; every query for a user goes through `Model.objects.for_user(user)`.
"""

from __future__ import annotations

import json
from datetime import datetime

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import connections, models
from django.db.models import Min, Q
from django.urls import reverse
from django.utils import timezone

from hundred.network import pitch as pitchlib


class OwnedQuerySet(models.QuerySet):
    def for_user(self, user) -> OwnedQuerySet:
        return self.filter(owner=user)


class OwnedModel(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True


class Stage(models.TextChoices):
    LISTED = "listed", "Listed"
    ASKED = "asked", "Asked"
    SCHEDULED = "scheduled", "Scheduled"
    MET = "met", "Met"
    NURTURING = "nurturing", "Nurturing"
    DECLINED = "declined", "Declined"
    PAUSED = "paused", "Paused"


def stage_order() -> models.Case:
    """An expression that sorts people along the funnel: listed, asked, … paused."""
    return models.Case(
        *(models.When(stage=value, then=i) for i, value in enumerate(Stage.values)),
        output_field=models.IntegerField(),
    )


class HowKnown(models.TextChoices):
    COLLEAGUE = "colleague", "Colleague or manager"
    CLASSMATE = "classmate", "Classmate"
    FRIEND = "friend", "Friend"
    FAMILY = "family", "Family or family friend"
    NEIGHBOUR = "neighbour", "Neighbour"
    COMMUNITY = "community", "Club or community"
    SERVICE = "service", "Someone who serves you"
    INTRODUCED = "introduced", "Introduced"
    OTHER = "other", "Other"


class Source(models.TextChoices):
    MANUAL = "manual", "Typed in"
    LINKEDIN = "linkedin", "LinkedIn"
    GOOGLE = "google", "Google Contacts"
    OUTLOOK = "outlook", "Outlook"
    VCARD = "vcard", "vCard"
    CSV = "csv", "CSV"
    INTRODUCED = "introduced", "Introduced at a meeting"


class Channel(models.TextChoices):
    EMAIL = "email", "E-mail"
    PHONE = "phone", "Phone"
    VIDEO = "video", "Video call"
    IN_PERSON = "in_person", "In person"
    LETTER = "letter", "Letter"
    LINKEDIN = "linkedin", "LinkedIn message"
    TEXT = "text", "Text message"
    EVENT = "event", "Event"


class Direction(models.TextChoices):
    OUT = "out", "I reached out"
    IN = "in", "They reached me"


class Closeness(models.IntegerChoices):
    CLOSE = 1, "Close"
    FRIENDLY = 2, "Friendly"
    DISTANT = 3, "Distant"


class TargetQuerySet(OwnedQuerySet):
    def get_for(self, user) -> Target:
        """The account's target, or an empty unsaved one: reading never writes."""
        return self.filter(owner=user).first() or Target(owner=user)


class Target(OwnedModel):
    """What the job seeker is looking for, and the pitch that says it in a sentence."""

    skills = models.JSONField(default=list, blank=True)
    industries = models.JSONField(default=list, blank=True)
    company_kinds = models.JSONField(default=list, blank=True)
    work_environment = models.JSONField(default=list, blank=True)
    geographies = models.JSONField(default=list, blank=True)
    pitch = models.TextField(blank=True)

    objects = TargetQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_target_per_owner")]

    def __str__(self) -> str:
        return self.pitch or "Target"

    LIST_FIELDS = ("skills", "industries", "company_kinds", "work_environment", "geographies")

    def as_lists(self) -> dict[str, list[str]]:
        return {name: list(getattr(self, name)) for name in self.LIST_FIELDS}

    def completeness(self) -> pitchlib.Completeness:
        return pitchlib.target_completeness(**self.as_lists())

    def suggested_pitch(self) -> str:
        return pitchlib.build_pitch(**self.as_lists())

    def current_pitch(self) -> str:
        """The pitch the user saved, or the one their target suggests."""
        return self.pitch or self.suggested_pitch()


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


class ResearchStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    RESEARCHING = "researching", "Researching"
    DONE = "done", "Researched"


class CompanyQuerySet(OwnedQuerySet):
    def get_or_create_named(self, owner, name: str) -> Company:
        """The owner's company of this name (any case), or a new one."""
        company = self.filter(owner=owner, name__iexact=name).first()
        return company or self.create(owner=owner, name=name)


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
        return reverse("network-company", args=[self.pk])


class PersonQuerySet(OwnedQuerySet):
    def search(self, text: str) -> PersonQuerySet:
        """People whose name, company, title or e-mail contains each word of `text`."""
        qs = self
        for word in text.split():
            match = (
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(company__name__icontains=word)
                | Q(title__icontains=word)
            )
            # The e-mails are searched as JSON text: a word with JSON's own punctuation in it
            # ('"', ',', '[') would match the syntax around every address, not an address.
            if not any(c in word for c in '"\\[],'):
                match |= Q(emails__icontains=word)
                # SQLite keeps JSON with letters beyond ASCII escaped ("m\u00fcnchen"): look
                # for that spelling too, or ana@münchen.de is found on PostgreSQL only.
                escaped = json.dumps(word)[1:-1]
                if escaped != word:
                    match |= Q(emails__icontains=escaped)
            qs = qs.filter(match)
        return qs

    def refresh_asked_at(self) -> int:
        """Set each person's `asked_at` from their interactions: the first outbound outreach,
        or None. For writes that add or move interactions in bulk (restore, merge, demo).

        One grouped query finds the first outreach of everyone, then only the people whose
        value changes are written. An UPDATE with a correlated subquery ran for minutes on
        PostgreSQL right after a restore of 30,000 people: with no statistics yet on the new
        rows, the planner searched all outreach once for every person.
        """
        first = dict(
            Interaction.people.through.objects.filter(
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
        # One statement a changed person, sent together: with bulk_update's CASE a restore of
        # 22,000 people sent an outreach spent ~4.5 s here on either database, now 1–2 s.
        connection = connections[self.db]
        table = connection.ops.quote_name(Person._meta.db_table)
        values = [(connection.ops.adapt_datetimefield_value(when), pk) for when, pk in changed]
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE {table} SET asked_at = %s WHERE id = %s", values)
        return len(changed)


class Person(OwnedModel):
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    emails = models.JSONField(default=list, blank=True)
    phones = models.JSONField(default=list, blank=True)
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

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["first_name", "last_name", "id"]
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["owner", "stage"]),
            models.Index(fields=["owner", "last_name", "first_name"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("network-person", args=[self.pk])

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
        entries: list[dict] = []
        for i in self.interactions.prefetch_related(
            models.Prefetch("people", queryset=Person.objects.only("first_name", "last_name"))
        ):
            entries.append({"kind": "interaction", "at": i.occurred_at, "obj": i})
        for m in self.meetings.all():
            entries.append({"kind": "meeting", "at": m.starts_at, "obj": m})
        for f in self.followups.all():
            at = timezone.make_aware(datetime.combine(f.due_on, datetime.min.time()))
            entries.append({"kind": "followup", "at": at, "obj": f})
        for fav in self.favours.all():
            entries.append({"kind": "favour", "at": fav.created_at, "obj": fav})
        if self.introduced_by_id:
            entries.append({"kind": "introduced", "at": self.created_at, "obj": self})
        entries.sort(key=lambda e: e["at"], reverse=True)
        return entries

    def set_stage(self, stage: str) -> None:
        if stage != self.stage:
            self.stage = stage
            self.stage_changed_at = timezone.now()


class Meeting(OwnedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField("when")
    duration_minutes = models.PositiveSmallIntegerField("length in minutes", default=20)
    place = models.CharField("where or how", max_length=200, blank=True)
    agenda = models.TextField(blank=True)
    questions = models.TextField(blank=True)
    pitch_snapshot = models.TextField(blank=True)
    company_notes = models.TextField(blank=True)
    advice = models.TextField("advice received", blank=True)
    debrief_notes = models.TextField(blank=True)
    debriefed_at = models.DateTimeField(null=True, blank=True)
    companies_mentioned = models.ManyToManyField(Company, blank=True, related_name="mentioned_in")

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["owner", "starts_at"])]

    def __str__(self) -> str:
        return f"Meeting with {self.person} on {self.starts_at:%Y-%m-%d}"

    @property
    def is_debriefed(self) -> bool:
        return self.debriefed_at is not None


class InteractionQuerySet(OwnedQuerySet):
    def record(self, owner, people: list[Person], **fields) -> Interaction:
        """Write a touch with these people; an outreach marks them asked. Plans nothing.

        Callers want `actions.people.do_log_interaction`, which also runs the follow-up engine;
        the engine itself calls this when a follow-up done is the touch.
        """
        interaction = self.create(owner=owner, **fields)
        interaction.people.set(people)
        if interaction.is_outreach and interaction.direction == Direction.OUT:
            when = interaction.occurred_at
            Person.objects.filter(pk__in=[p.pk for p in people]).filter(
                Q(asked_at__isnull=True) | Q(asked_at__gt=when)
            ).update(asked_at=when)
            for person in people:
                if person.asked_at is None or person.asked_at > when:
                    person.asked_at = when
                if person.stage in (Stage.LISTED, Stage.PAUSED):
                    person.set_stage(Stage.ASKED)
                    person.save(update_fields=["stage", "stage_changed_at", "updated_at"])
        return interaction


class Interaction(OwnedModel):
    """A touch with one or more people: an outreach, a reply, a call, a meeting."""

    people = models.ManyToManyField(Person, related_name="interactions")
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.EMAIL)
    direction = models.CharField(max_length=3, choices=Direction.choices, default=Direction.OUT)
    occurred_at = models.DateTimeField("when", default=timezone.now)
    summary = models.TextField(blank=True)
    is_outreach = models.BooleanField(
        default=False, help_text="An outbound message asking for a conversation."
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="interactions"
    )

    objects = InteractionQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [
            models.Index(fields=["owner", "occurred_at"]),
            # Insights: outreach and replies by week and by channel read only this index.
            models.Index(fields=["owner", "occurred_at", "direction", "is_outreach", "channel"]),
            # Insights: the funnel's "asked" (every outreach ever sent) reads only this index.
            models.Index(fields=["owner", "direction", "is_outreach"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} ({self.get_direction_display()})"


class FollowUpReason(models.TextChoices):
    NO_REPLY = "no_reply", "No reply yet"
    THANK_YOU = "thank_you", "Say thank you"
    PROMISED_INFO = "promised_info", "Send what I promised"
    FAVOUR = "favour", "Favour"
    KEEP_IN_TOUCH = "keep_in_touch", "Keep in touch"
    OTHER = "other", "Follow up"


class FollowUpState(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped"


class FollowUp(OwnedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="followups")
    due_on = models.DateField()
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.EMAIL)
    reason = models.CharField(
        max_length=20, choices=FollowUpReason.choices, default=FollowUpReason.OTHER
    )
    attempt = models.PositiveSmallIntegerField(default=1)
    state = models.CharField(
        max_length=10, choices=FollowUpState.choices, default=FollowUpState.OPEN
    )
    note = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    is_override = models.BooleanField(
        default=False, help_text="Scheduled against the pest guard, on purpose."
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="followups"
    )
    favour = models.ForeignKey(
        "Favour", null=True, blank=True, on_delete=models.SET_NULL, related_name="followups"
    )
    interaction = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["owner", "state", "due_on"]),
            models.Index(fields=["owner", "state", "done_at"]),  # Insights: follow-ups done
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.person} on {self.due_on}"


class FavourDirection(models.TextChoices):
    THEY_ASKED = "they_asked", "They asked me"
    I_OFFERED = "i_offered", "I offered"
    THEY_DID = "they_did", "They did for me"


class FavourState(models.TextChoices):
    PROMISED = "promised", "Promised"
    DONE = "done", "Done"


class FavourQuerySet(OwnedQuerySet):
    # What I owe: what they asked of me and what I offered them.
    MINE = (FavourDirection.THEY_ASKED, FavourDirection.I_OFFERED)

    def owed(self) -> FavourQuerySet:
        """Favours I still owe, soonest due first."""
        return self.filter(state=FavourState.PROMISED, direction__in=self.MINE).order_by(
            "due_on", "id"
        )

    def given(self) -> FavourQuerySet:
        """Favours I have done for others, latest first."""
        return self.filter(state=FavourState.DONE, direction__in=self.MINE).order_by(
            "-done_on", "-id"
        )


class Favour(OwnedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="favours")
    direction = models.CharField(max_length=12, choices=FavourDirection.choices)
    what = models.CharField(max_length=300)
    state = models.CharField(
        max_length=10, choices=FavourState.choices, default=FavourState.PROMISED
    )
    due_on = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="favours"
    )

    objects = FavourQuerySet.as_manager()

    class Meta:
        ordering = ["state", "due_on", "id"]

    def __str__(self) -> str:
        return self.what


class TargetChange(OwnedModel):
    """A dated copy of the target as it was saved, so the user can see how their focus moved."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="changes")
    snapshot = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Target as of {self.created_at:%Y-%m-%d}"


class OutreachTemplate(OwnedModel):
    """A user's own outreach message, with placeholders like {first_name} and {pitch}."""

    name = models.CharField(max_length=100)
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.EMAIL)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class FollowUpSettingsQuerySet(models.QuerySet):
    def for_user(self, user) -> FollowUpSettingsQuerySet:
        return self.filter(owner=user)

    def get_for(self, user) -> FollowUpSettings:
        """The account's settings, created with the defaults on first use."""
        found, _ = self.get_or_create(owner=user)
        return found


def _validate_holidays(text: str) -> None:
    from django.core.exceptions import ValidationError

    from hundred.lib.dates import parse_holidays

    try:
        parse_holidays(text)
    except ValueError as e:
        raise ValidationError(str(e)) from None


class FollowUpSettings(models.Model):
    """One account's follow-up rules (rules.RuleSettings) and weekly targets, editable."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followup_settings"
    )
    no_reply_business_days = models.PositiveSmallIntegerField(
        "wait for a reply (business days)",
        default=5,
        validators=[MinValueValidator(1)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        "attempts in all", default=3, validators=[MinValueValidator(1)]
    )
    min_spacing_business_days = models.PositiveSmallIntegerField(
        "fewest business days between attempts",
        default=5,
        validators=[MinValueValidator(1)],
    )
    pause_days = models.PositiveSmallIntegerField(
        "days paused after the last attempt", default=60, validators=[MinValueValidator(1)]
    )
    thank_you_days = models.PositiveSmallIntegerField(
        "thank-you after a meeting (business days, 0 = same day)", default=1
    )
    keep_in_touch_close_days = models.PositiveSmallIntegerField(
        "keep in touch with close people every (days)",
        default=30,
        validators=[MinValueValidator(1)],
    )
    keep_in_touch_friendly_days = models.PositiveSmallIntegerField(
        "keep in touch with friendly people every (days)",
        default=60,
        validators=[MinValueValidator(1)],
    )
    keep_in_touch_distant_days = models.PositiveSmallIntegerField(
        "keep in touch with distant people every (days)",
        default=90,
        validators=[MinValueValidator(1)],
    )
    holidays = models.TextField(
        blank=True,
        validators=[_validate_holidays],
        help_text="One date a line as YYYY-MM-DD; text after # is a comment.",
    )
    asks_per_week = models.PositiveSmallIntegerField("asks per week", default=5)
    meetings_per_week = models.PositiveSmallIntegerField("meetings per week", default=2)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FollowUpSettingsQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "follow-up settings"

    def __str__(self) -> str:
        return f"Follow-up settings of {self.owner}"

    def as_rules(self):
        """These settings as the pure engine takes them."""
        from hundred.lib.dates import parse_holidays
        from hundred.network.rules import RuleSettings

        try:
            holidays = tuple(parse_holidays(self.holidays))
        except ValueError:
            holidays = ()  # validated on save through the form; never fail a page over it
        return RuleSettings(
            no_reply_business_days=self.no_reply_business_days,
            max_attempts=self.max_attempts,
            min_spacing_business_days=self.min_spacing_business_days,
            pause_days=self.pause_days,
            thank_you_days=self.thank_you_days,
            keep_in_touch_days=(
                self.keep_in_touch_close_days,
                self.keep_in_touch_friendly_days,
                self.keep_in_touch_distant_days,
            ),
            holidays=holidays,
        )

"""The backup's field table: for each kind of row, its keys in file order, the model field
behind each key, and how its value converts (columns.py).

Export and restore both read these tables, so a field is in both directions or in neither.
Every model field a table leaves out is named in its `excluded` with the reason, and
transfer/tests/test_backup_table.py fails when a model gains a field no table accounts for.
docs/backup-format.md describes the file these tables write.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models import Field, Model, UniqueConstraint

from hundred.network.models import (
    Closeness,
    Company,
    Favour,
    FollowUp,
    FollowUpSettings,
    HowKnown,
    Interaction,
    MailSuggestion,
    Meeting,
    OutreachTemplate,
    Person,
    QuestionBank,
    Tag,
    Target,
    TargetChange,
)
from hundred.transfer.backup.columns import (
    NOW,
    BadValue,
    Column,
    CompanyName,
    CompanyRef,
    Day,
    Emails,
    Exporting,
    FileId,
    Json,
    LateRef,
    Moment,
    OptionalRef,
    Phase,
    Ref,
    Refs,
    Restoring,
    TagNames,
    Texts,
    Value,
    is_int,
    shown,
)
from hundred.transfer.models import (
    CalendarFeed,
    DismissedPair,
    DuplicateCandidate,
    DuplicateScan,
    ImportRun,
)

FORMAT = "hundred-backup"
VERSION = 2
READS = (1, 2)  # version 1 files restore too: the keys version 2 added are then absent

_OWNER = "the account restored into owns every row"
_UPDATED = "not kept: restore sets it to the moment it runs"
_NO_ID = "nothing in the file points at these rows, so they need no file id"


EXPORT_CHUNK = 2000  # rows a query, and the ids in each prefetch's IN list


@dataclass(frozen=True, eq=False)
class Table:
    """One kind of row in the file: where it goes, its model, its columns in file order, and
    each field of the model that is not in the file, with the reason."""

    key: str
    model: type[Model]
    columns: tuple[Column, ...]
    excluded: dict[str, str]
    order: tuple[str, ...] = ("id",)

    def rows(self, owner) -> list[Model]:
        """The owner's rows in file order, with what the columns read fetched alongside."""
        rows = self.model._default_manager.filter(owner=owner).order_by(*self.order)
        for column in self.columns:
            rows = column.prepare(rows)
        # In chunks, each with its own prefetch: one query naming all 100,000 interactions of a
        # large account led SQLite to scan the people for every one of them (an export of
        # 30,000 people had not finished after ten minutes).
        return list(rows.iterator(chunk_size=EXPORT_CHUNK))

    def dump(self, obj: Model, ids: Exporting) -> dict[str, Any]:
        return {column.key: column.dump(obj, ids) for column in self.columns}

    def dump_one(self, owner, ids: Exporting) -> dict[str, Any] | None:
        """The owner's one object of a single-object table, or None when there is none."""
        obj = self.model._default_manager.filter(owner=owner).first()
        return None if obj is None else self.dump(obj, ids)

    def build(self, row: dict[str, Any], ctx: Restoring, **fixed: Any) -> Model:
        """An unsaved object of the row, its links and late references left for later (their
        ids checked now). check() then says whether the model takes its values."""
        obj = self.model(owner=ctx.owner, **fixed, **self.values(row, ctx))
        for column in self.in_phase("link"):
            column.read(row, ctx)
        return obj

    def values(self, row: dict[str, Any], ctx: Restoring) -> dict[str, Any]:
        """The row's values of the columns restore writes with it, by model field."""
        if not isinstance(row, dict):
            raise BadValue("", f"the row is {shown(row)}, not an object")
        return {c.attname: c.read(row, ctx) for c in self.columns if c.phase == "create"}

    def check(self, objs: list[Model]) -> None:
        """What the model's own fields say of the objects' values: each field's clean()
        (choices, length, blank, the field's validators, as Model.clean_fields runs it), after
        a check that the value has its column's type (the fields would turn 5 into "5"), and a
        whole number its column's range. BadValue.index is the object refused.

        Field by field, each distinct value once: most values repeat (a stage, an empty
        text), and cleaning every field of every object took ~130 µs a person (measured on
        a loaded machine): ~4 s of a restore of 30,000 people."""
        for key, field, kind in self._checked:
            attname = field.attname
            values = [obj.__dict__[attname] for obj in objs]
            try:  # in file order, so the first bad value named is the first in the file
                distinct = [
                    v for _, v in dict.fromkeys(zip(map(type, values), values, strict=True))
                ]
            except TypeError:  # lists or objects (JSON): each is checked
                distinct = values
            for value in distinct:
                try:
                    _check_value(key, field, kind, value)
                except BadValue as e:
                    e.index = next(
                        n
                        for n, v in enumerate(values)
                        if v is value or type(v) is type(value) and v == value
                    )
                    raise

    @cached_property
    def _checked(self) -> list[tuple[str, Field, type | None]]:
        """(key, model field, Python type) of each column restore writes with the row,
        except references (ids of the file, which the columns check)."""
        return [
            (column.key, field, _KINDS.get(field.get_internal_type()))
            for column in self.columns
            if column.phase == "create" and not isinstance(column, Ref | CompanyRef)
            for field in (self.model._meta.get_field(column.field),)
        ]

    @cached_property
    def unique_together(self) -> list[tuple[str, ...]]:
        """The model's unique constraints within an account, as the columns that hold them:
        two rows of the file with the same non-empty values would break one."""
        found = []
        for constraint in self.model._meta.constraints:
            if isinstance(constraint, UniqueConstraint) and constraint.fields:
                fields = [f for f in constraint.fields if f != "owner"]
                keys = [c.key for c in self.columns if c.field in fields]
                if fields and len(keys) == len(fields):
                    found.append(tuple(keys))
        return found

    def in_phase(self, phase: Phase) -> list[Column]:
        return [column for column in self.columns if column.phase == phase]

    @property
    def has_file_ids(self) -> bool:
        return any(isinstance(column, FileId) for column in self.columns)


# What each kind of model field holds in the file; others (JSON) take any value.
_KINDS: dict[str, type] = {
    "CharField": str,
    "TextField": str,
    "BooleanField": bool,
    "PositiveSmallIntegerField": int,
    "PositiveIntegerField": int,
    "SmallIntegerField": int,
    "IntegerField": int,
    "BigIntegerField": int,
}
_KIND_NAMES = {str: "a text", bool: "true or false", int: "a whole number"}


def _check_value(key: str, field: Field, kind: type | None, value: Any) -> None:
    if value is None:
        if not field.null:
            raise BadValue(key, "is null: give it a value")
        return
    if kind is not None and not (is_int(value) if kind is int else isinstance(value, kind)):
        raise BadValue(key, f"is {shown(value)}, not {_KIND_NAMES[kind]}")
    try:
        if kind is int:
            for validator in _ranges(field):
                validator(value)
        if _has_rules(field) and not (field.blank and value in field.empty_values):
            field.clean(value, None)  # what Model.clean_fields runs, blank values aside as it does
    except ValidationError as e:
        raise BadValue(key, _problem(field, value, e.error_list)) from None


@lru_cache
def _has_rules(field: Field) -> bool:
    """Whether the field's clean() can refuse a value of its column's type that is not null:
    it has choices or validators (a length, a range, the settings' own), or is a text that
    must not be blank. A free text (notes, a summary) or a date-time has none, and its clean()
    would only hand the value back: 100,000 interactions' distinct summaries and times."""
    kind = _KINDS.get(field.get_internal_type())
    return bool(field.choices or field.validators or (not field.blank and kind is str))


@lru_cache
def _ranges(field: Field) -> list:
    """The field's range as Django's base operations give it, whatever the database: SQLite's
    own allows any 64-bit number, so a length of 2**40 minutes would pass there and fail on
    PostgreSQL."""
    low, high = BaseDatabaseOperations.integer_field_ranges[field.get_internal_type()]
    return [MinValueValidator(low), MaxValueValidator(high)]


def _problem(field: Field, value: Any, errors: list[ValidationError]) -> str:
    """The end of the sentence for a value the model's field refused."""
    if any(e.code == "invalid_choice" for e in errors):
        choices = ", ".join(str(choice) for choice, _ in field.flatchoices)
        return f"is {shown(value)}, not one of {choices}"
    messages = " ".join(m for e in errors for m in e.messages)
    return f"is {shown(value)}: {messages}"


TARGET = Table(
    "target",
    Target,
    (
        Texts("skills", empty=[]),
        Texts("industries", empty=[]),
        Texts("company_kinds", empty=[]),
        Texts("work_environment", empty=[]),
        Texts("geographies", empty=[]),
        Value("pitch", missing=""),
        Moment("created_at", empty=NOW),
    ),
    excluded={"id": _NO_ID, "owner": _OWNER, "updated_at": _UPDATED},
)

TARGET_HISTORY = Table(
    "target_history",
    TargetChange,
    (Value("snapshot"), Moment("created_at")),
    excluded={
        "id": _NO_ID,
        "owner": _OWNER,
        "updated_at": _UPDATED,
        "target": "the account's one target, which restore writes first",
    },
    order=("created_at", "id"),
)

TAGS = Table(
    "tags",
    Tag,
    (Value("name"),),
    excluded={
        "id": "tags are kept by name; people's tags name them",
        "owner": _OWNER,
        "created_at": "tags are kept by name only: restore dates them to the moment it runs",
        "updated_at": _UPDATED,
    },
)

COMPANIES = Table(
    "companies",
    Company,
    (
        FileId(),
        Value("name"),
        Value("website"),
        Value("industry"),
        Value("kind"),
        Value("location"),
        Value("notes"),
        Value("is_target"),
        Value("priority"),
        Value("research_status"),
        Moment("created_at", empty=NOW),
    ),
    excluded={"owner": _OWNER, "updated_at": _UPDATED},
)

PEOPLE = Table(
    "people",
    Person,
    (
        FileId(),
        Value("first_name"),
        Value("last_name"),
        Emails("emails"),
        Texts("phones"),
        Value("linkedin_url"),
        CompanyName("company"),
        CompanyRef("company_id", "company", to=Company),
        Value("title"),
        Value("location", missing=""),
        Value("how_known", empty=HowKnown.OTHER),
        Value("closeness", empty=Closeness.FRIENDLY),
        Value("stage"),
        Moment("stage_changed_at", empty=NOW),
        Day("paused_until", missing=None),
        Value("source"),
        LateRef("introduced_by", to=Person),
        LateRef("introduced_at", to=Meeting),
        Day("connected_on", missing=None),
        TagNames("tags"),
        Value("notes"),
        Moment("created_at", empty=NOW),
    ),
    excluded={
        "owner": _OWNER,
        "updated_at": _UPDATED,
        "asked_at": "derived from the interactions: restore works it out again",
        "search_text": "derived from name, e-mails, company and title: restore recomputes it",
        "sort_name": "derived from the name: restore recomputes it",
    },
)

INTERACTIONS = Table(
    "interactions",
    Interaction,
    (
        FileId(),
        Refs("people", to=Person),
        Value("channel"),
        Value("direction"),
        Moment("occurred_at"),
        Value("summary"),
        Value("is_outreach", missing=False),
        Value("is_override", missing=False),
        Value("override_reason", missing=""),
        OptionalRef("meeting", to=Meeting),
        Value("message_id", missing=""),
        Value("thread", missing=""),
        Value("external_id", missing=""),
        Moment("created_at", empty=NOW),
    ),
    excluded={
        "owner": _OWNER,
        "updated_at": _UPDATED,
        # Not in format 2 (FORMATS.md): a restored outreach counts as not flagged.
        "asks_for_job": "the ask-checker's flag, for a coach's dashboard; not kept",
    },
)

MEETINGS = Table(
    "meetings",
    Meeting,
    (
        FileId(),
        Ref("person", to=Person),
        Moment("starts_at"),
        Value("duration_minutes"),
        Value("place", missing=""),
        Value("agenda", missing=""),
        Value("questions", missing=""),
        Value("pitch_snapshot", missing=""),
        Value("company_notes", missing=""),
        Value("advice", missing=""),
        Value("debrief_notes", missing=""),
        Moment("debriefed_at", missing=None),
        Moment("cancelled_at", missing=None),
        Value("stage_before", missing=""),
        Refs("companies_mentioned", to=Company, missing=[]),
        Moment("created_at", empty=NOW),
    ),
    excluded={"owner": _OWNER, "updated_at": _UPDATED},
)

FOLLOWUPS = Table(
    "followups",
    FollowUp,
    (
        FileId(),
        Ref("person", to=Person),
        Day("due_on"),
        Value("channel"),
        Value("reason"),
        Value("attempt"),
        Value("state"),
        Value("note", missing=""),
        Moment("done_at", missing=None),
        Value("is_override", missing=False),
        Value("override_reason", missing=""),
        OptionalRef("meeting", to=Meeting),
        OptionalRef("favour", to=Favour),
        OptionalRef("interaction", to=Interaction),
        Moment("created_at", empty=NOW),
    ),
    excluded={"owner": _OWNER, "updated_at": _UPDATED},
)

FAVOURS = Table(
    "favours",
    Favour,
    (
        FileId(),
        Ref("person", to=Person),
        Value("direction"),
        Value("what"),
        Value("state"),
        Day("due_on", missing=None),
        Day("done_on", missing=None),
        OptionalRef("meeting", to=Meeting),
        Moment("created_at", empty=NOW),
    ),
    excluded={"owner": _OWNER, "updated_at": _UPDATED},
)

OUTREACH_TEMPLATES = Table(
    "outreach_templates",
    OutreachTemplate,
    (
        Value("name"),
        Value("channel"),
        Value("subject", missing=""),
        Value("body"),
        Moment("created_at", empty=NOW),
    ),
    excluded={"id": _NO_ID, "owner": _OWNER, "updated_at": _UPDATED},
)

IMPORT_HISTORY = Table(
    "import_history",
    ImportRun,
    (
        Value("kind"),
        Value("filename"),
        Moment("created_at"),
        Value("created"),
        Value("updated"),
        Value("skipped"),
        Json("report"),
        Value("is_dry_run"),
    ),
    excluded={"id": _NO_ID, "owner": _OWNER},
    order=("created_at", "id"),
)

DISMISSED_PAIRS = Table(
    "dismissed_pairs",
    DismissedPair,
    (Ref("person_a", to=Person), Ref("person_b", to=Person), Moment("created_at")),
    excluded={"id": _NO_ID, "owner": _OWNER},
)

# The account's settings: one object each, or null when the account never changed them.
FOLLOWUP_SETTINGS = Table(
    "followup_settings",
    FollowUpSettings,
    (
        Value("no_reply_business_days"),
        Value("max_attempts"),
        Value("min_spacing_business_days"),
        Value("pause_days"),
        Value("thank_you_days"),
        Value("keep_in_touch_close_days"),
        Value("keep_in_touch_friendly_days"),
        Value("keep_in_touch_distant_days"),
        Value("holidays"),
        Texts("channel_rotation"),
        Value("asks_per_week"),
        Value("meetings_per_week"),
    ),
    excluded={"id": _NO_ID, "owner": _OWNER, "updated_at": _UPDATED},
)

QUESTION_BANK = Table(
    "question_bank",
    QuestionBank,
    (Json("groups"), Value("closing")),
    excluded={"id": _NO_ID, "owner": _OWNER, "updated_at": _UPDATED},
)

# Only when asked for (`--with-feed-token`): whoever holds the file can then read the calendar.
CALENDAR_FEED = Table(
    "calendar_feed",
    CalendarFeed,
    (Value("token"), Moment("rotated_at")),
    excluded={"id": _NO_ID, "owner": _OWNER},
)

# The lists of rows after "tags", in file order.
ROWS = (
    COMPANIES,
    PEOPLE,
    INTERACTIONS,
    MEETINGS,
    FOLLOWUPS,
    FAVOURS,
    OUTREACH_TEMPLATES,
    IMPORT_HISTORY,
    DISMISSED_PAIRS,
)
# One object each, after the lists.
SINGLES = (FOLLOWUP_SETTINGS, QUESTION_BANK, CALENDAR_FEED)
TABLES = (TARGET, TARGET_HISTORY, TAGS, *ROWS, *SINGLES)

# Models of the network and transfer apps that are not in the backup (docs/backup-format.md).
LEFT_OUT: dict[type[Model], str] = {
    MailSuggestion: "a short review queue of addresses seen in mail; the next mail fills it again",
    DuplicateCandidate: "candidate duplicate pairs are derived from the people and computed "
    "again after a restore (the dismissed pairs are what the user decided)",
    DuplicateScan: "when the candidate pairs were last computed: derived, not data",
}

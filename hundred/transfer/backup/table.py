"""The backup's field table: for each kind of row, its keys in file order, the model field
behind each key, and how its value converts (columns.py).

Export and restore both read these tables, so a field is in both directions or in neither.
Every model field a table leaves out is named in its `excluded` with the reason, and
transfer/tests/test_backup_table.py fails when a model gains a field no table accounts for.
docs/backup-format.md describes the file these tables write.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Model

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
    Column,
    CompanyName,
    CompanyRef,
    Day,
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
        return list(rows)

    def dump(self, obj: Model, ids: Exporting) -> dict[str, Any]:
        return {column.key: column.dump(obj, ids) for column in self.columns}

    def dump_one(self, owner, ids: Exporting) -> dict[str, Any] | None:
        """The owner's one object of a single-object table, or None when there is none."""
        obj = self.model._default_manager.filter(owner=owner).first()
        return None if obj is None else self.dump(obj, ids)

    def build(self, row: dict[str, Any], ctx: Restoring, **fixed: Any) -> Model:
        """An unsaved object of the row, its links and late references left for later."""
        values = {c.attname: c.read(row, ctx) for c in self.columns if c.phase == "create"}
        return self.model(owner=ctx.owner, **fixed, **values)

    def in_phase(self, phase: Phase) -> list[Column]:
        return [column for column in self.columns if column.phase == phase]

    @property
    def has_file_ids(self) -> bool:
        return any(isinstance(column, FileId) for column in self.columns)


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
        Texts("emails"),
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
        Value("asks_for_job", missing=False),
        OptionalRef("meeting", to=Meeting),
        Value("message_id", missing=""),
        Value("thread", missing=""),
        Value("external_id", missing=""),
        Moment("created_at", empty=NOW),
    ),
    excluded={"owner": _OWNER, "updated_at": _UPDATED},
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

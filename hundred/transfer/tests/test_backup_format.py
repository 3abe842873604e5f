"""The backup format, pinned: an account with every key filled in backs up to a stored file,
that file restores and backs up to the same bytes, a version 1 file still restores, and the
number of queries does not grow with the account."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from hundred.network.models import (
    Company,
    Favour,
    FollowUp,
    FollowUpSettings,
    Interaction,
    Meeting,
    OutreachTemplate,
    Person,
    QuestionBank,
    Tag,
    Target,
    TargetChange,
)
from hundred.test import BaseTestCase
from hundred.transfer.backup import do_restore, dumps_backup, export_backup, read_backup
from hundred.transfer.models import CalendarFeed, DismissedPair, ImportRun

FIXTURE = Path(__file__).parent / "fixtures" / "backup-v2.json"
FIXTURE_V1 = Path(__file__).parent / "fixtures" / "backup-v1.json"
EXPORTED_AT = datetime(2026, 11, 25, 21, 30, 0, 123456, tzinfo=UTC)


def at(day: int, hour: int = 9, micro: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, 41, 0, micro, tzinfo=UTC)


def fill_account(owner, copies: int = 1) -> None:
    """An account where every key of the backup has a value that is not its default.

    The target's snapshot lists its keys in the order PostgreSQL's jsonb keeps them (shortest
    first), so the file is the same on either database.
    """
    lists = {
        "skills": ["grant reporting", "budgeting"],
        "industries": ["health care"],
        "geographies": ["Boston", "Zürich"],
        "company_kinds": ["non-profit"],
        "work_environment": ["small team"],
    }
    target = Target.objects.create(owner=owner, pitch="Finance for clinics.", **lists)
    Target.objects.filter(pk=target.pk).update(created_at=at(1))
    TargetChange.objects.create(owner=owner, target=target, snapshot=lists, created_at=at(2))
    TargetChange.objects.create(
        owner=owner, target=target, snapshot={"pitch": "Earlier"}, created_at=at(1, 10)
    )
    Tag.objects.create(owner=owner, name="nobody has this tag")
    for n in range(copies):
        _fill_one(owner, suffix="" if n == 0 else f" {n}")
    _fill_settings(owner)


def _fill_settings(owner) -> None:
    """The account's settings, its feed and its history, each off its default."""
    FollowUpSettings.objects.create(
        owner=owner,
        no_reply_business_days=4,
        max_attempts=4,
        min_spacing_business_days=6,
        pause_days=45,
        thank_you_days=0,
        keep_in_touch_close_days=21,
        keep_in_touch_friendly_days=50,
        keep_in_touch_distant_days=120,
        holidays="2026-12-24 # Christmas Eve\n2026-12-31",
        channel_rotation=["linkedin", "email", "phone"],
        asks_per_week=7,
        meetings_per_week=3,
    )
    QuestionBank.objects.create(
        owner=owner,
        groups={"trends": ["Where is funding going?"], "advice": ["What would you do?"]},
        closing="Is there anything I can do for you, Ada?",
    )
    CalendarFeed.objects.create(owner=owner, token=f"feed-token-of-{owner.email}", rotated_at=at(9))
    ImportRun.objects.create(
        owner=owner,
        kind="linkedin",
        filename="Connections.csv",
        created_at=at(10),
        created=2,
        updated=1,
        skipped=1,
        report={"skipped": [{"row": 4, "reason": "no name"}], "created": 2},
        is_dry_run=False,
    )
    first, second = Person.objects.for_user(owner).order_by("id")[:2]
    DismissedPair.objects.create(owner=owner, person_a=first, person_b=second, created_at=at(11))


def _fill_one(owner, suffix: str) -> None:
    def tag(name: str) -> Tag:
        return Tag.objects.create(owner=owner, name=name + suffix)

    later, sooner = tag("zeta"), tag("Äpfel")
    northwind = Company.objects.create(
        owner=owner,
        name="Northwind Analytics" + suffix,
        website="https://northwind.example",
        industry="Analytics",
        kind="startup",
        location="Cambridge, MA",
        notes="Series B; hiring analysts.\nAsk about the audit.",
        is_target=True,
        priority=1,
        research_status="researching",
        created_at=at(3, micro=123456),
    )
    lantern = Company.objects.create(
        owner=owner,
        name="Lantern Clinics" + suffix,
        priority=3,
        research_status="done",
        created_at=at(2),
    )
    ada = Person.objects.create(
        owner=owner,
        first_name="Ada",
        last_name="Boss" + suffix,
        emails=["ada@example.net"],
        created_at=at(4),
    )
    maya = Person.objects.create(
        owner=owner,
        first_name="Maya",
        last_name="Okafor-Ñúñez" + suffix,
        emails=["maya@example.net", "m.okafor@example.org"],
        phones=["+1 617 555 0100", "+1 617 555 0199"],
        linkedin_url="https://www.linkedin.com/in/maya-okafor",
        company=northwind,
        title="Controller",
        location="Somerville, MA",
        how_known="introduced",
        closeness=1,
        stage="paused",
        stage_changed_at=at(9, micro=5),
        paused_until=date(2026, 6, 1),
        source="linkedin",
        introduced_by=ada,
        connected_on=date(2019, 5, 17),
        notes="Runs on Sundays. “Quotes” and emoji 🙂",
        created_at=at(5),
    )
    maya.tags.add(later, sooner)
    meeting = Meeting.objects.create(
        owner=owner,
        person=ada,
        starts_at=at(6, 15),
        duration_minutes=45,
        place="Café Nero",
        agenda="1. Her path\n2. Lantern",
        questions="What would you do first?",
        pitch_snapshot="Finance for clinics.",
        company_notes="Lantern is growing.",
        advice="Talk to Maya.",
        debrief_notes="Went well.",
        debriefed_at=at(6, 17),
        cancelled_at=at(6, 18),
        stage_before="asked",
        created_at=at(5, 12),
    )
    meeting.companies_mentioned.add(lantern, northwind)
    Person.objects.filter(pk=maya.pk).update(introduced_at=meeting)
    asked = Interaction.objects.create(
        owner=owner,
        channel="linkedin",
        direction="out",
        occurred_at=at(5, 8, 42),
        summary="Asked for 20 minutes.",
        is_outreach=True,
        is_override=True,
        override_reason="Too soon: the last attempt was 2 business days ago.",
        created_at=at(5, 8),
    )
    asked.people.add(maya, ada)
    Interaction.objects.create(
        owner=owner,
        channel="in_person",
        direction="in",
        occurred_at=at(6, 15),
        summary="The meeting.",
        meeting=meeting,
        message_id=f"<CAF=meeting-1{suffix.strip()}@mail.example.net>",
        thread=f"2-conversation-{suffix.strip()}",
        external_id=f"linkedin-message-{suffix.strip()}",
        created_at=at(6, 18),
    ).people.add(ada)
    Person.objects.for_user(owner).refresh_asked_at()
    favour = Favour.objects.create(
        owner=owner,
        person=ada,
        direction="i_offered",
        what="Send the grant template",
        state="done",
        due_on=date(2026, 3, 10),
        done_on=date(2026, 3, 9),
        meeting=meeting,
        created_at=at(6, 19),
    )
    FollowUp.objects.create(
        owner=owner,
        person=maya,
        due_on=date(2026, 3, 12),
        channel="phone",
        reason="favour",
        attempt=2,
        state="done",
        note="Call before noon.",
        done_at=at(12, 11),
        is_override=True,
        override_reason="Past the cap of 3 attempts.",
        meeting=meeting,
        favour=favour,
        interaction=asked,
        created_at=at(6, 20),
    )
    FollowUp.objects.create(owner=owner, person=ada, due_on=date(2026, 3, 13), created_at=at(7))
    OutreachTemplate.objects.create(
        owner=owner,
        name="Warm ask" + suffix,
        channel="linkedin",
        subject="20 minutes?",
        body="Hi {first_name}, {pitch}",
        created_at=at(8),
    )


class BackupFormatTestCase(BaseTestCase):
    @freeze_time("2026-11-25 10:00:00+00:00")
    def test_it_backs_up_to_the_stored_file(self):
        fill_account(self.alice)
        backup = export_backup(self.alice, exported_at=EXPORTED_AT, feed_token=True)
        self.assertEqual(dumps_backup(backup), FIXTURE.read_text(encoding="utf-8"))

    @freeze_time("2026-11-25 10:00:00+00:00")
    def test_the_stored_file_restores_and_backs_up_to_the_same_bytes(self):
        data = FIXTURE.read_bytes()
        do_restore(self.bob, read_backup(data))
        again = export_backup(self.bob, exported_at=EXPORTED_AT, feed_token=True)
        self.assertEqual(dumps_backup(again).encode("utf-8"), data)

    @freeze_time("2026-11-25 10:00:00+00:00")
    def test_a_version_1_file_restores_and_backs_up_as_version_2(self):
        v1 = read_backup(FIXTURE_V1.read_bytes())
        do_restore(self.bob, v1)
        again = export_backup(self.bob, exported_at=EXPORTED_AT)
        self.assertEqual(again["version"], 2)
        added = {
            "import_history": [],
            "dismissed_pairs": [],
            "followup_settings": None,
            "question_bank": None,
            "calendar_feed": None,
        }
        # Keys added to version 2 since (a mail's Message-ID, a LinkedIn message's thread and
        # identity) come back empty.
        interactions = [
            {**i, "message_id": "", "thread": "", "external_id": ""} for i in v1["interactions"]
        ]
        expected = {**v1, "version": 2, **added, "interactions": interactions}
        self.assertEqual(again, expected)

    @freeze_time("2026-11-25 10:00:00+00:00")
    def test_the_feed_token_is_in_the_file_only_when_asked_for(self):
        fill_account(self.alice)
        self.assertIsNone(export_backup(self.alice)["calendar_feed"])
        with_token = export_backup(self.alice, feed_token=True)
        self.assertEqual(with_token["calendar_feed"]["token"], f"feed-token-of-{self.alice.email}")
        # Restored beside the account it came from, the new account gets its own secret.
        do_restore(self.bob, with_token)
        self.assertFalse(CalendarFeed.objects.filter(owner=self.bob).exists())
        self.assertEqual(
            CalendarFeed.objects.get(owner=self.alice).token, with_token["calendar_feed"]["token"]
        )

    def test_the_number_of_queries_does_not_grow_with_the_account(self):
        small, large = self.alice, self.charlie
        fill_account(small, copies=1)
        fill_account(large, copies=3)
        counts = []
        for owner, into in ((small, self.bob), (large, self.make_user("dana@example.org"))):
            with CaptureQueriesContext(connection) as exporting:
                backup = export_backup(owner)
            with CaptureQueriesContext(connection) as restoring:
                do_restore(into, backup)
            counts.append((len(exporting), len(restoring)))
        self.assertEqual(counts[0], counts[1])

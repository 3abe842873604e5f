"""LinkedIn's messages.csv, Profile.csv, Positions.csv and Skills.csv: parsed, then imported."""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from datetime import UTC, date, datetime
from unittest import TestCase

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from hundred.network.actions.outreach import do_record_outreach
from hundred.network.models import (
    FollowUp,
    FollowUpSettings,
    FollowUpState,
    HowKnown,
    Interaction,
    Person,
    Stage,
    Target,
)
from hundred.test import BaseTestCase
from hundred.transfer.formats.dispatch import UnsupportedFile, parse
from hundred.transfer.formats.linkedin_history import NO_TEXT
from hundred.transfer.loader import do_import
from hundred.transfer.models import ImportRun
from hundred.transfer.tests.test_cli_transfer import run as run_cli
from hundred.transfer.tests.util import FIXTURES

HISTORY = FIXTURES / "linkedin_history"
ROSA = "https://www.linkedin.com/in/rosa-diaz"
HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER\n"
)


def history_zip(skip: tuple[str, ...] = (), extra: dict[str, bytes] | None = None) -> bytes:
    """The history fixture as an export zip (Connections.csv, Invitations.csv and the rest)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(HISTORY.iterdir()):
            if path.name not in skip:
                zf.writestr(path.name, path.read_bytes())
        for name, content in (extra or {}).items():
            zf.writestr(name, content)
    return buffer.getvalue()


def without_offers(history: dict) -> dict:
    """An import's history report less the offers, which a preview does not make."""
    return {k: v for k, v in history.items() if k not in ("target_offer", "colleagues")}


class MessagesParserTestCase(TestCase):
    def setUp(self):
        self.history = parse("linkedin", history_zip()).history
        self.by_line = {m.line: m for m in self.history.messages}

    def test_the_owner_is_the_one_person_in_every_conversation(self):
        self.assertEqual(self.history.owner.url, ROSA)
        self.assertEqual(self.history.owner.name, "Rosa Diaz")

    def test_direction_follows_the_sender_and_names_the_other_side(self):
        ask = self.by_line[2]
        self.assertEqual(ask.direction, "out")
        self.assertTrue(ask.is_ask)
        self.assertEqual([p.name for p in ask.counterparts], ["Kim Park"])
        reply = self.by_line[4]
        self.assertEqual(reply.direction, "in")
        self.assertFalse(reply.is_ask)
        # The sender's URL is normalised: case, trailing slash.
        self.assertEqual(reply.counterparts[0].url, "https://www.linkedin.com/in/kim-park-1")

    def test_multi_line_bodies_and_commas_survive(self):
        self.assertEqual(
            self.by_line[4].text, "Sure, Rosa, happy to.\nTuesday, 10am, works for me."
        )

    def test_thanks_is_not_an_ask(self):
        self.assertFalse(self.by_line[6].is_ask)

    def test_group_messages_name_every_recipient_but_the_owner(self):
        group = self.by_line[9]
        self.assertEqual([p.name for p in group.counterparts], ["Kim Park", "Nadia Haddad"])
        # Recipient URLs joined with ',' (another export's way) and the owner among them.
        answer = self.by_line[10]
        self.assertEqual(answer.direction, "in")
        self.assertEqual([p.name for p in answer.counterparts], ["Nadia Haddad"])

    def test_html_entities_mojibake_and_empty_bodies_are_cleaned(self):
        self.assertEqual(self.by_line[9].text, "See you both at the meetup, & bring slides!")
        self.assertEqual(
            self.by_line[13].text,
            "Opportunity\n\nHello Rosa,\nI have a role at Adatum, interested?",
        )
        self.assertEqual(self.by_line[15].text, "Café next week? (mojibake)")
        self.assertEqual(self.by_line[16].text, NO_TEXT)

    def test_a_missing_profile_url_keeps_the_name(self):
        self.assertEqual(self.by_line[15].counterparts[0].name, "Omar Sy")
        self.assertEqual(self.by_line[15].counterparts[0].url, "")
        self.assertEqual(self.by_line[16].direction, "out")  # the owner is known by URL

    def test_linkedin_sponsored_spam_unreadable_and_repeated_rows_are_left_out(self):
        self.assertEqual(self.history.from_linkedin, 3)
        self.assertEqual(self.history.duplicates, 1)
        self.assertEqual([(s.line, s.file) for s in self.history.skipped], [(18, "messages.csv")])
        self.assertEqual(len(self.history.messages), 11)

    def test_every_message_has_a_stable_identity(self):
        again = parse("linkedin", history_zip()).history
        self.assertEqual(
            [m.external_id for m in self.history.messages], [m.external_id for m in again.messages]
        )
        self.assertEqual(len({m.external_id for m in again.messages}), 11)

    def test_profile_positions_and_skills(self):
        h = self.history
        self.assertEqual(h.profile.industry, "Logistics")
        self.assertEqual(h.profile.headline, "Operations analyst | supply chain, data")
        self.assertEqual(h.profile.location, "Madrid, Community of Madrid, Spain")
        self.assertEqual(
            [(p.company, p.started_on, p.finished_on) for p in h.positions],
            [
                ("Fabrikam", date(2022, 3, 1), None),
                ("Northwind Analytics, Inc.", date(2019, 6, 1), date(2022, 2, 1)),
            ],
        )
        self.assertEqual(h.skills, ["SQL", "Forecasting"])  # 'sql' again is the same skill

    def test_a_lone_messages_csv_is_read_without_profile(self):
        result = parse("linkedin", (HISTORY / "messages.csv").read_bytes())
        self.assertEqual(result.people, [])
        self.assertEqual(result.history.owner.url, ROSA)
        self.assertEqual(len(result.history.messages), 11)

    def test_a_zip_of_history_files_alone_is_read(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            zf.writestr("messages.csv", (HISTORY / "messages.csv").read_bytes())
        result = parse("linkedin", buffer.getvalue())
        self.assertEqual((len(result.people), len(result.history.messages)), (0, 11))

    def test_a_two_person_file_asks_profile_csv_who_the_owner_is(self):
        text = HEADER + (
            "c1,,Kim Park,https://www.linkedin.com/in/kim,Rosa Diaz,"
            f"{ROSA},2026-01-01 10:00:00 UTC,,Hello,INBOX\n"
            "c1,,Kim Park,https://www.linkedin.com/in/kim,Rosa Diaz,"
            f"{ROSA},2026-01-02 10:00:00 UTC,,Hello again,INBOX\n"
        )
        result = parse(
            "linkedin",
            history_zip(skip=("messages.csv",), extra={"messages.csv": text.encode()}),
        )
        self.assertEqual(result.history.owner.url, ROSA)
        self.assertEqual({m.direction for m in result.history.messages}, {"in"})

    def test_semicolon_joined_recipients(self):
        text = HEADER + (
            f'c1,,Rosa Diaz,{ROSA},"Kim Park, Leo Grant",'
            "https://www.linkedin.com/in/kim; https://www.linkedin.com/in/leo,"
            "2026-01-01 10:00:00 UTC,,Hi both,INBOX\n"
            f"c2,,Rosa Diaz,{ROSA},Ana Lopez,https://www.linkedin.com/in/ana,"
            "2026-01-01 11:00:00 UTC,,Hi,INBOX\n"
        )
        messages = parse("linkedin", text.encode()).history.messages
        self.assertEqual(
            [p.url.rsplit("/", 1)[-1] for p in messages[0].counterparts], ["kim", "leo"]
        )

    def test_an_unclosed_quote_is_refused_with_a_sentence(self):
        text = HEADER + f'c1,,Rosa Diaz,{ROSA},Kim,,2026-01-01 10:00:00 UTC,,"Hi there,INBOX\n'
        with self.assertRaisesRegex(UnsupportedFile, "never closed"):
            parse("linkedin", text.encode())

    def test_a_messages_csv_without_its_header_is_noted_in_a_zip(self):
        data = history_zip(skip=("messages.csv",), extra={"messages.csv": b"a,b\n1,2\n"})
        history = parse("linkedin", data).history
        self.assertEqual(history.messages, [])
        self.assertIn("no header row", history.skipped[0].reason)


@override_settings(HUNDRED_HOME=tempfile.mkdtemp())
class MessagesImportTestCase(BaseTestCase):
    """The clock stands at Wednesday 2026-11-25 10:00 UTC (hundred.test)."""

    def import_zip(self, data: bytes | None = None, **kwargs):
        return do_import(self.alice, parse("linkedin", data or history_zip()), **kwargs)

    def person(self, first: str) -> Person:
        return Person.objects.for_user(self.alice).get(first_name=first)

    def test_messages_land_on_each_timeline_as_linkedin_messages(self):
        report = self.import_zip()
        kim = self.person("Kim")
        touches = kim.interactions.order_by("occurred_at")
        self.assertEqual(
            [(i.direction, i.channel, i.thread) for i in touches],
            [
                ("out", "linkedin", "2-kim"),
                ("in", "linkedin", "2-kim"),
                ("out", "linkedin", "2-kim"),
                ("out", "linkedin", "2-group"),
            ],
        )
        self.assertEqual(report.history["created"], 9)
        self.assertEqual(report.history["threads"], 5)
        # The group message is one interaction with both people; Nadia's answer is hers only.
        group = Interaction.objects.for_user(self.alice).get(thread="2-group", direction="out")
        self.assertEqual(sorted(p.first_name for p in group.people.all()), ["Kim", "Nadia"])
        answer = Interaction.objects.for_user(self.alice).get(thread="2-group", direction="in")
        self.assertEqual([p.first_name for p in answer.people.all()], ["Nadia"])
        # Omar has no profile URL anywhere: his unique name finds him.
        self.assertEqual(self.person("Omar").interactions.count(), 2)

    def test_people_not_in_the_account_are_counted_not_created(self):
        report = self.import_zip()
        self.assertFalse(Person.objects.for_user(self.alice).filter(first_name="Priya").exists())
        self.assertEqual(report.history["unmatched_messages"], 2)
        self.assertEqual(report.history["unmatched_people"], 1)
        self.assertEqual(report.history["unmatched_examples"], ["Priya Shah"])
        self.assertEqual(report.history["from_linkedin"], 3)

    def test_the_first_ask_sets_first_asked_and_old_asks_plan_nothing(self):
        self.import_zip()
        kim = self.person("Kim")
        self.assertEqual(kim.asked_at, datetime(2026, 3, 3, 9, 15, tzinfo=UTC))
        self.assertEqual(kim.stage, Stage.LISTED)
        self.assertFalse(FollowUp.objects.for_user(self.alice).filter(person=kim).exists())
        self.assertIsNone(self.person("Nadia").asked_at)  # "see you at the meetup" asks nothing

    def test_a_recent_unanswered_ask_gets_its_follow_up(self):
        report = self.import_zip()
        leo = self.person("Leo")
        self.assertEqual(leo.asked_at, datetime(2024, 1, 10, 8, 30, tzinfo=UTC))
        followup = FollowUp.objects.for_user(self.alice).get(person=leo)
        # Asked Monday 23 November; five business days later, as the composer would plan it.
        self.assertEqual(followup.due_on, date(2026, 11, 30))
        self.assertEqual(followup.reason, "no_reply")
        self.assertEqual(followup.state, FollowUpState.OPEN)
        self.assertEqual(leo.stage, Stage.ASKED)
        self.assertEqual(report.history["followups"], 1)

    def test_importing_again_adds_nothing(self):
        self.import_zip()
        counts = (Interaction.objects.count(), FollowUp.objects.count())
        report = self.import_zip()
        self.assertEqual((Interaction.objects.count(), FollowUp.objects.count()), counts)
        self.assertEqual(report.history["created"], 0)
        self.assertEqual(report.history["known"], 9)
        self.assertEqual(report.interactions_created, 0)

    def test_imported_messages_never_take_the_id_of_a_deleted_interaction(self):
        # On SQLite the import gives the ids itself: after the AUTOINCREMENT sequence, not
        # just after the largest id left, and the sequence moves past what it gave.
        zed = self.make_person("Zed", "Old")
        gone = Interaction.objects.record(self.alice, [zed], summary="deleted since")
        gone_id = gone.id
        gone.delete()
        # Without Invitations.csv, whose notes would be written first, by Django.
        self.import_zip(history_zip(skip=("Invitations.csv",)))
        imported = Interaction.objects.for_user(self.alice).exclude(thread="")
        self.assertEqual(imported.count(), 9)
        self.assertGreater(min(imported.values_list("id", flat=True)), gone_id)
        later = Interaction.objects.record(self.alice, [zed], summary="logged after")
        self.assertGreater(later.id, max(imported.values_list("id", flat=True)))
        # Each message is linked to its own people, not to a neighbour's.
        hello = Interaction.objects.for_user(self.alice).get(thread="2-kim", direction="in")
        self.assertEqual([p.first_name for p in hello.people.all()], ["Kim"])

    def test_a_dry_run_writes_nothing(self):
        report = self.import_zip(dry_run=True)
        self.assertGreaterEqual(report.history["messages"], 9)
        self.assertEqual(Interaction.objects.count(), 0)
        self.assertEqual(FollowUp.objects.count(), 0)
        # Nor the follow-up settings it read (the defaults, for an account that has none).
        self.assertFalse(FollowUpSettings.objects.exists())

    def test_a_dry_run_says_what_the_import_does(self):
        # The messages go to people the same export creates: the preview counts them too.
        preview = self.import_zip(dry_run=True)
        report = self.import_zip()
        self.assertEqual(report.history["created"], 9)
        self.assertEqual(report.history["followups"], 1)
        self.assertEqual(preview.history, without_offers(report.history))
        self.assertEqual(preview.interactions_created, report.interactions_created)
        # And again, with everything imported: nothing more to add, nothing more to plan.
        again = self.import_zip(dry_run=True)
        self.assertEqual((again.history["created"], again.history["known"]), (0, 9))
        self.assertEqual(again.history["followups"], 0)
        self.assertEqual(again.interactions_created, 0)

    def test_a_dry_run_foresees_a_reply_closing_a_follow_up(self):
        kim = self.make_person("Kim", "Park", linkedin_url="https://www.linkedin.com/in/kim")
        do_record_outreach(self.alice, [(kim, "Hi Kim, 20 minutes?")], channel="linkedin")
        text = HEADER + (
            f"c9,,Kim Park,https://www.linkedin.com/in/kim,Rosa Diaz,{ROSA},"
            "2026-11-25 11:00:00 UTC,,Happy to!,INBOX\n"
            f"c8,,Rosa Diaz,{ROSA},Ann Other,https://www.linkedin.com/in/ann,"
            "2026-01-01 10:00:00 UTC,,Hello,INBOX\n"
        )
        preview = do_import(self.alice, parse("linkedin", text.encode()), dry_run=True)
        report = do_import(self.alice, parse("linkedin", text.encode()))
        self.assertEqual(report.history["replies"], 1)
        self.assertEqual(preview.history, without_offers(report.history))

    def test_a_profile_that_differs_is_not_found_by_name(self):
        # An Omar Sy with another profile is someone else: his messages are not Omar's.
        self.make_person("Kim", "Park", linkedin_url="https://www.linkedin.com/in/other-kim")
        self.import_zip(history_zip(skip=("Connections.csv", "Invitations.csv")))
        kim = self.person("Kim")
        self.assertEqual(kim.interactions.count(), 0)

    def test_people_left_out_are_listed_most_often_first_then_in_file_order(self):
        names = ["Zoe Adams", "Yan Bell", "Wes Dunn", "Xia Chen", "Wes Dunn", "Vic Eng"]
        text = HEADER + "".join(
            f"c{i},,Rosa Diaz,{ROSA},{name},https://www.linkedin.com/in/p{i},"
            f"2026-01-0{i + 1} 10:00:00 UTC,,Hello {i},INBOX\n"
            for i, name in enumerate(names)
        )
        report = do_import(self.alice, parse("linkedin", text.encode()))
        self.assertEqual(
            report.history["unmatched_examples"],
            ["Wes Dunn", "Zoe Adams", "Yan Bell", "Xia Chen", "Vic Eng"],
        )

    def test_a_member_id_in_place_of_the_profile_falls_back_to_a_unique_name(self):
        self.make_person("Kim", "Park", linkedin_url="https://www.linkedin.com/in/kim-park-1")
        text = HEADER + (
            "c1,,Kim Park,https://www.linkedin.com/in/ACoAABcdEfG,Rosa Diaz,"
            f"{ROSA},2026-01-01 10:00:00 UTC,,Hello,INBOX\n"
            f"c2,,Rosa Diaz,{ROSA},Leo Grant,https://www.linkedin.com/in/leo,"
            "2026-01-02 10:00:00 UTC,,Hi,INBOX\n"
        )
        do_import(self.alice, parse("linkedin", text.encode()))
        self.assertEqual(self.person("Kim").interactions.count(), 1)

    def test_a_reply_imported_after_an_outreach_closes_its_follow_up(self):
        kim = self.make_person("Kim", "Park", linkedin_url="https://www.linkedin.com/in/kim")
        do_record_outreach(self.alice, [(kim, "Hi Kim, 20 minutes?")], channel="linkedin")
        self.assertEqual(FollowUp.objects.for_user(self.alice).filter(state="open").count(), 1)
        text = HEADER + (
            f"c9,,Kim Park,https://www.linkedin.com/in/kim,Rosa Diaz,{ROSA},"
            "2026-11-25 11:00:00 UTC,,Happy to!,INBOX\n"
            f"c8,,Rosa Diaz,{ROSA},Ann Other,https://www.linkedin.com/in/ann,"
            "2026-01-01 10:00:00 UTC,,Hello,INBOX\n"
        )
        report = do_import(self.alice, parse("linkedin", text.encode()))
        self.assertEqual(report.history["replies"], 1)
        self.assertEqual(FollowUp.objects.for_user(self.alice).filter(state="open").count(), 0)

    def test_invitation_notes_are_outbound_touches_once(self):
        self.import_zip()
        ana = self.person("Ana")
        note = ana.interactions.get()
        self.assertEqual(note.direction, "out")
        self.assertIn("we met at the analytics meetup", note.summary)
        self.import_zip()
        self.assertEqual(ana.interactions.count(), 1)

    def test_a_malformed_messages_file_changes_nothing(self):
        bad = HEADER + f'c1,,Rosa Diaz,{ROSA},Kim,,2026-01-01 10:00:00 UTC,,"Hi,INBOX\n'
        with self.assertRaises(UnsupportedFile):
            self.import_zip(history_zip(skip=("messages.csv",), extra={"messages.csv": bad}))
        self.assertEqual(Person.objects.count(), 0)

    def test_the_cli_imports_the_zip(self):
        path = tempfile.mktemp(suffix=".zip")
        with open(path, "wb") as f:
            f.write(history_zip())
        code, out, err = run_cli("import", "linkedin", path, "--user", "alice@example.org")
        self.assertEqual(code, 0, err)
        self.assertIn("interactions", out)
        self.assertIn("LinkedIn messages: 9 added to timelines", out)
        self.assertIn("messages sent by Rosa Diaz were taken as yours", out)
        self.assertIn("offered, not applied", out)
        self.assertEqual(self.person("Kim").interactions.count(), 4)

    def test_the_cli_refuses_a_bad_messages_file_in_one_line(self):
        path = tempfile.mktemp(suffix=".csv")
        with open(path, "w") as f:
            f.write(HEADER + f'c1,,Rosa Diaz,{ROSA},Kim,,2026-01-01 10:00:00 UTC,,"Hi,INBOX\n')
        code, out, err = run_cli("import", "linkedin", path, "--user", "alice@example.org")
        self.assertEqual(code, 2)
        self.assertEqual(err.count("\n"), 1, err)


@override_settings(HUNDRED_HOME=tempfile.mkdtemp())
class OffersTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def confirm_upload(self) -> ImportRun:
        r = self.client.post(
            reverse("transfer-upload"),
            {"kind": "linkedin", "file": SimpleUploadedFile("export.zip", history_zip())},
        )
        token = re.search(r"/upload/([^/]+)/", r["Location"]).group(1)
        preview = self.client.get(reverse("transfer-preview", args=[token]))
        self.assertContains(preview, "messages to add to timelines")
        self.client.post(reverse("transfer-confirm", args=[token]))
        return ImportRun.objects.for_user(self.alice).get()

    def test_the_target_is_offered_never_applied(self):
        run = self.confirm_upload()
        self.assertFalse(Target.objects.for_user(self.alice).exists())
        offer = run.report["history"]["target_offer"]
        self.assertEqual(offer["industries"], ["Logistics"])
        self.assertEqual(
            offer["skills"], ["SQL", "Forecasting", "Operations Analyst", "Junior Data Analyst"]
        )
        self.assertIn("Madrid, Community of Madrid, Spain", offer["geographies"])
        page = self.client.get(run.get_absolute_url())
        self.assertContains(page, "A starting target from your LinkedIn profile")
        self.assertContains(page, "Messages sent by Rosa Diaz are yours")

    def test_ticked_values_join_the_target_and_leave_the_offer(self):
        self.make_target(skills=["Python"])
        run = self.confirm_upload()
        self.client.post(
            reverse("transfer-accept-target", args=[run.pk]),
            {"skills": ["SQL", "Made up"], "industries": ["Logistics"]},
        )
        target = Target.objects.get(owner=self.alice)
        self.assertEqual(target.skills, ["Python", "SQL"])
        self.assertEqual(target.industries, ["Logistics"])
        self.assertEqual(target.pitch, "")
        run.refresh_from_db()
        self.assertNotIn("SQL", run.report["history"]["target_offer"]["skills"])
        self.assertNotIn("industries", run.report["history"]["target_offer"])

    def test_former_colleagues_are_offered_and_marked_only_when_ticked(self):
        run = self.confirm_upload()
        offered = {c["name"] for c in run.report["history"]["colleagues"]}
        # Leo: Fabrikam, connected while Rosa works there; Nadia: Northwind in 2020, while
        # she was there. Ana: Northwind, but connected after Rosa left. Kim: same.
        self.assertEqual(offered, {"Leo Grant", "Nadia Haddad"})
        self.assertEqual(
            set(Person.objects.for_user(self.alice).values_list("how_known", flat=True)),
            {HowKnown.LINKEDIN},
        )
        leo = Person.objects.get(owner=self.alice, first_name="Leo")
        ana = Person.objects.get(owner=self.alice, first_name="Ana")
        self.client.post(
            reverse("transfer-colleagues", args=[run.pk]), {"person": [leo.pk, ana.pk]}
        )
        leo.refresh_from_db()
        ana.refresh_from_db()
        self.assertEqual(leo.how_known, HowKnown.COLLEAGUE)
        self.assertEqual(ana.how_known, HowKnown.LINKEDIN)  # not offered: not changed
        run.refresh_from_db()
        self.assertEqual([c["name"] for c in run.report["history"]["colleagues"]], ["Nadia Haddad"])

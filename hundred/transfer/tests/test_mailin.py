"""Mail in: a message logged on the timelines of the people it names, through the follow-up
engine exactly as a touch logged by hand; `hundred import email` runs the same path."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

from hundred.network.actions.people import do_log_interaction
from hundred.network.models import (
    Direction,
    FollowUp,
    FollowUpState,
    Interaction,
    MailSuggestion,
    Person,
    Stage,
)
from hundred.test import REACHABLE, BaseTestCase
from hundred.transfer.formats.mailmessage import parse_message
from hundred.transfer.mailin import do_import_mail, do_log_mail, own_addresses
from hundred.transfer.tests import mailsamples as m
from hundred.transfer.tests.test_cli_transfer import run
from hundred.transfer.tests.util import FIXTURES

LOG = "log+abcdefghijklmnopqrstuv@hundred.example.org"


class MailInTests(BaseTestCase):
    def setUp(self):
        self.ada = self.make_person("Ada", "Lovelace", **REACHABLE)
        self.grace = self.make_person("Grace", "Hopper", **REACHABLE)
        self.own = own_addresses(self.alice, LOG)

    def log(self, data: bytes):
        return do_log_mail(self.alice, parse_message(data), own=self.own)

    def open_no_reply(self, person):
        return FollowUp.objects.filter(person=person, state=FollowUpState.OPEN).count()

    def test_an_outbound_mail_is_an_outreach_to_everyone_it_went_to(self):
        logged = self.log(m.OUTBOUND_BCC)
        self.assertEqual(logged.status, "logged")
        i = logged.interaction
        self.assertEqual((i.direction, i.channel, i.is_outreach), ("out", "email", True))
        self.assertEqual(set(i.people.all()), {self.ada, self.grace})
        self.assertEqual(i.occurred_at, datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
        self.assertTrue(i.summary.startswith("20 minutes about analytics teams?\n\nHi Ada"))
        for person in (self.ada, self.grace):
            person.refresh_from_db()
            self.assertEqual(person.stage, Stage.ASKED)
            self.assertEqual(self.open_no_reply(person), 1)  # its follow-up is planned
        # The logging address is nobody to suggest.
        self.assertFalse(MailSuggestion.objects.exists())

    def test_a_reply_closes_follow_ups_exactly_as_one_logged_by_hand(self):
        by_hand = self.make_person("Edsger", "Dijkstra", **REACHABLE)
        asked = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
        do_log_interaction(self.alice, [by_hand], is_outreach=True, occurred_at=asked)
        self.log(m.OUTBOUND_BCC)
        replied = datetime(2026, 11, 25, 9, 12, tzinfo=UTC)
        do_log_interaction(self.alice, [by_hand], direction=Direction.IN, occurred_at=replied)
        logged = self.log(m.REPLY_WITH_QUOTE)
        self.assertEqual(logged.interaction.direction, "in")
        self.assertEqual(
            logged.interaction.summary,
            "Re: 20 minutes about analytics teams?\n\n"
            "Hi Alice,\nHappy to talk — Thursday at 10 works for me.\nAda",
        )
        mail_side = FollowUp.objects.get(person=self.ada)
        hand_side = FollowUp.objects.get(person=by_hand)
        self.assertEqual((mail_side.state, mail_side.note), (hand_side.state, hand_side.note))
        self.assertEqual(mail_side.state, FollowUpState.SKIPPED)
        self.assertEqual(self.open_no_reply(self.grace), 1)  # Grace has not replied

    def test_a_reply_ends_a_pause(self):
        Stage_paused = Stage.PAUSED
        self.ada.stage, self.ada.paused_until = Stage_paused, datetime(2027, 1, 4).date()
        self.ada.save()
        self.log(m.REPLY_WITH_QUOTE)
        self.ada.refresh_from_db()
        self.assertEqual((self.ada.stage, self.ada.paused_until), (Stage.ASKED, None))

    def test_the_same_message_twice_is_one_interaction(self):
        self.assertEqual(self.log(m.REPLY_WITH_QUOTE).status, "logged")
        self.assertEqual(self.log(m.REPLY_WITH_QUOTE).status, "duplicate")
        self.assertEqual(Interaction.objects.for_user(self.alice).count(), 1)

    def test_another_account_may_log_the_same_message(self):
        self.make_person("Ada", "Lovelace", owner=self.bob)
        self.log(m.REPLY_WITH_QUOTE)
        logged = do_log_mail(self.bob, parse_message(m.REPLY_WITH_QUOTE), own={"bob@example.org"})
        self.assertEqual(logged.status, "logged")

    def test_bounces_and_automatic_replies_are_not_replies(self):
        self.log(m.OUTBOUND_BCC)
        for sample in (m.BOUNCE, m.OUT_OF_OFFICE, m.X_AUTOREPLY, m.PRECEDENCE_BULK, m.NO_FROM):
            logged = self.log(sample)
            self.assertEqual(logged.status, "skipped")
            self.assertTrue(logged.reason.startswith("Not logged: "), logged.reason)
        self.assertEqual(self.open_no_reply(self.ada), 1)
        self.assertEqual(Interaction.objects.for_user(self.alice).count(), 1)

    def test_a_forward_is_logged_as_the_message_forwarded(self):
        ken = self.make_person("Ken", "Thompson", emails=["KEN@example.com"], **REACHABLE)
        self.log(m.OUTBOUND_BCC)
        do_log_interaction(
            self.alice, [ken], is_outreach=True, occurred_at=datetime(2026, 11, 20, tzinfo=UTC)
        )
        logged = self.log(m.FORWARDED_INLINE)
        i = logged.interaction
        self.assertEqual(i.direction, "in")
        self.assertEqual(set(i.people.all()), {self.grace, ken})
        self.assertEqual(i.occurred_at, datetime(2026, 11, 24, 15, 15, tzinfo=UTC))
        # Grace wrote it: her follow-up closes; Ken was only copied, his stays open.
        self.assertEqual(self.open_no_reply(self.grace), 0)
        self.assertEqual(self.open_no_reply(ken), 1)

    def test_a_forward_as_attachment_keeps_the_original_message_id(self):
        logged = self.log(m.FORWARDED_ATTACHED)
        self.assertEqual(logged.interaction.message_id, "<inner-1@example.net>")
        self.assertEqual(list(logged.interaction.people.all()), [self.ada])

    def test_unknown_addresses_wait_on_today_once(self):
        logged = self.log(m.FORWARDED_INLINE)  # Grace is known, Ken is not
        self.assertEqual(logged.new_addresses, 1)
        ken = MailSuggestion.objects.get(owner=self.alice)
        self.assertEqual((ken.email, ken.name), ("ken@example.com", "Ken Thompson"))
        ken.dismissed = True
        ken.save()
        self.log(m.FORWARDED_ATTACHED)
        self.assertEqual(MailSuggestion.objects.for_user(self.alice).to_review().count(), 0)

    def test_an_address_put_on_the_list_another_way_leaves_the_review(self):
        self.log(m.FORWARDED_INLINE)
        self.make_person("Ken", "Thompson", emails=["ken@example.com"])  # e.g. an import
        self.log(m.FORWARDED_INLINE.replace(b"<fwd-1@", b"<fwd-again@"))
        self.assertFalse(MailSuggestion.objects.exists())

    def test_mail_with_nobody_known_logs_nothing(self):
        logged = self.log(m.LATIN1)
        self.assertEqual(logged.status, "nobody")
        self.assertEqual(Interaction.objects.count(), 0)
        self.assertEqual(MailSuggestion.objects.get().name, "René Müller")

    def test_answering_someone_is_not_asking_them(self):
        self.log(m.REPLY_WITH_QUOTE)
        answer = m.OUTBOUND_BCC.replace(b"Mon, 23 Nov 2026 08:00", b"Wed, 25 Nov 2026 09:30")
        answer = answer.replace(b"<ask-1@", b"<answer-1@").replace(
            b", Grace Hopper <grace@example.net>", b""
        )
        logged = self.log(answer)
        self.assertFalse(logged.interaction.is_outreach)
        self.assertEqual(self.open_no_reply(self.ada), 0)

    def test_an_mbox_file(self):
        report = do_import_mail(self.alice, m.MBOX)
        self.assertEqual(report.contract()["created"], 2)
        self.assertEqual(report.nobody, 1)
        self.assertEqual(report.new_addresses, 1)
        again = do_import_mail(self.alice, m.MBOX)
        self.assertEqual((again.created, again.duplicates), (0, 2))


class ImportEmailCommandTests(BaseTestCase):
    def setUp(self):
        self.make_person("Ada", "Lovelace")
        self.tmp = Path(tempfile.mkdtemp())

    def write(self, name: str, data: bytes) -> str:
        path = self.tmp / name
        path.write_bytes(data)
        return str(path)

    def test_json_report(self):
        bounce = b"From MAILER-DAEMON Thu Nov 26 12:00:00 2026\n" + m.BOUNCE.replace(b"\r\n", b"\n")
        path = self.write("archive.mbox", m.MBOX + b"\n" + bounce)
        code, out, err = run("import", "email", path, "--user", "alice@example.org", "--json")
        self.assertEqual(code, 0, err)
        report = json.loads(out)
        self.assertEqual(report["created"], 1)
        self.assertEqual(report["updated"], 0)
        self.assertEqual(report["skipped"], 3)  # Grace and Ken are nobody on the list
        self.assertEqual(report["no_known_people"], 2)
        self.assertEqual(report["skipped_rows"], [{"line": 4, "reason": "Not logged: a bounce."}])

    def test_an_eml_and_a_dry_run(self):
        path = self.write("reply.eml", m.REPLY_WITH_QUOTE)
        code, out, _ = run("import", "email", path, "--user", "alice@example.org", "--dry-run")
        self.assertEqual(code, 0)
        self.assertTrue(out.startswith("Dry run: Logged 1 message;"), out)
        self.assertEqual(Interaction.objects.count(), 0)
        code, out, _ = run("import", "email", path, "--user", "alice@example.org")
        self.assertEqual(Interaction.objects.count(), 1)

    def test_not_mail_is_refused_in_one_line(self):
        path = self.write("people.csv", b"First Name,Last Name\nAda,Lovelace\n")
        code, out, err = run("import", "email", path, "--user", "alice@example.org")
        self.assertEqual(code, 2)
        self.assertEqual(err.count("\n"), 1, err)
        self.assertIn(f"is a CSV file, not mail: import it with 'hundred import csv {path}'", err)

    def test_a_file_that_is_not_mail_says_what_it_is_and_what_imports_it(self):
        # A calendar invitation starts with "BEGIN:VCALENDAR", which looks like a header line:
        # it was "logged" as one message without a From address, exit 0.
        vcard = (FIXTURES / "apple.vcf").read_bytes()
        for name, data, said in (
            ("invite.ics", (FIXTURES / "invite.ics").read_bytes(), "a calendar file"),
            ("contacts.vcf", vcard, "'hundred import vcard "),
            ("Connections.csv", (FIXTURES / "linkedin_connections.csv").read_bytes(), "linkedin"),
            ("export.zip", (FIXTURES / "linkedin_export_qa.zip").read_bytes(), "data export"),
            ("notes.txt", b"Notes: call Ada\nabout the job\n", "does not start like mail"),
        ):
            with self.subTest(name):
                path = self.write(name, data)
                code, out, err = run("import", "email", path, "--user", "alice@example.org")
                self.assertEqual((code, out), (2, ""))
                self.assertEqual(err.count("\n"), 1, err)
                self.assertIn(said, err)
        self.assertEqual(Interaction.objects.count(), 0)
        self.assertEqual(MailSuggestion.objects.count(), 0)


class NewPeopleFromMailTests(BaseTestCase):
    def setUp(self):
        self.grace = self.make_person("Grace", "Hopper", **REACHABLE)
        self.own = own_addresses(self.alice)
        do_log_mail(self.alice, parse_message(m.FORWARDED_INLINE), own=self.own)
        self.ken = MailSuggestion.objects.get(owner=self.alice)
        self.login()

    def test_today_lists_them_with_add_and_dismiss(self):
        page = self.client.get("/").content.decode()
        self.assertIn("New people from your mail", page)
        self.assertIn("Ken Thompson &lt;ken@example.com&gt;", page)
        self.assertIn(f"/from-mail/{self.ken.pk}/add/", page)

    def test_add_puts_them_on_the_list_and_their_next_mail_is_logged(self):
        response = self.client.post(f"/from-mail/{self.ken.pk}/add/")
        person = self.alice_people().get(emails=["ken@example.com"])
        self.assertRedirects(response, person.get_absolute_url())
        self.assertEqual((person.first_name, person.last_name), ("Ken", "Thompson"))
        self.assertFalse(MailSuggestion.objects.exists())
        note = m.REPLY_WITH_QUOTE.replace(b"Ada Lovelace <Ada@Example.NET>", b"ken@example.com")
        logged = do_log_mail(self.alice, parse_message(note), own=self.own)
        self.assertEqual(list(logged.interaction.people.all()), [person])
        self.assertNotIn("New people from your mail", self.client.get("/").content.decode())

    def test_dismiss_hides_the_address_for_good(self):
        self.client.post(f"/from-mail/{self.ken.pk}/dismiss/")
        self.assertNotIn('id="from-mail"', self.client.get("/").content.decode())
        self.assertEqual(self.alice_people().count(), 1)
        self.assertEqual(self.client.post(f"/from-mail/{self.ken.pk}/add/").status_code, 404)

    def test_a_name_longer_than_the_columns_is_cut_to_them(self):
        # A name in mail may have 200 characters, a first or last name 150: PostgreSQL refused
        # the longer one (DataError); SQLite does not check, so the values are compared.
        for name, first, last in (
            ("F" * 160 + " Lee", "F" * 150, "Lee"),
            ("Ann " + "L" * 195, "Ann", "L" * 150),
        ):
            with self.subTest(name=name[:8]):
                s = MailSuggestion.objects.create(
                    owner=self.alice, email=f"{len(name)}-{first[:1]}@example.com", name=name
                )
                self.client.post(f"/from-mail/{s.pk}/add/")
                person = self.alice_people().get(emails=[s.email])
                self.assertEqual((person.first_name, person.last_name), (first, last))

    def alice_people(self):
        from hundred.network.models import Person

        return Person.objects.for_user(self.alice)


class SameNameFromMailTests(BaseTestCase):
    """Mail from a new address signed with the name of someone on the list: the address can go
    to that person instead of making a duplicate."""

    def setUp(self):
        self.ann = self.make_person(
            "Ann", "Lee", emails=["ann@oldjob.example"], company=self.make_company("Contoso")
        )
        self.login()

    def suggest(self, name: str, email: str = "ann@newjob.example", owner=None):
        return MailSuggestion.objects.create(
            owner=owner or self.alice, email=email, name=name, subject="New role"
        )

    def add_to(self, suggestion, person):
        return self.client.post(f"/from-mail/{suggestion.pk}/add-to/{person.pk}/")

    def test_today_offers_the_person_of_the_same_name_beside_a_new_person(self):
        s = self.suggest("Ann Lee")
        page = self.client.get("/").content.decode()
        self.assertIn("Same name on your list:", page)
        self.assertIn(f'action="/from-mail/{s.pk}/add-to/{self.ann.pk}/"', page)
        self.assertIn(">Add to Ann Lee</button>", page)
        self.assertIn('aria-label="Add ann@newjob.example to Ann Lee of Contoso"', page)
        self.assertIn(">Add as new person</button>", page)
        self.assertIn(f'action="/from-mail/{s.pk}/add/"', page)

    def test_add_to_gives_her_the_address_and_her_next_mail_is_logged(self):
        s = self.suggest("Ann Lee")
        response = self.add_to(s, self.ann)
        self.assertRedirects(response, self.ann.get_absolute_url(), fetch_redirect_response=False)
        self.ann.refresh_from_db()
        self.assertEqual(self.ann.emails, ["ann@oldjob.example", "ann@newjob.example"])
        self.assertEqual(Person.objects.for_user(self.alice).count(), 1)  # no duplicate
        self.assertEqual(list(Person.objects.for_user(self.alice).search("newjob")), [self.ann])
        self.assertIn("contoso", self.ann.search_text)  # the rest of it kept
        self.assertFalse(MailSuggestion.objects.exists())
        page = self.client.get(response.url).content.decode()
        self.assertIn(
            "ann@newjob.example is added to Ann Lee; their mail from it is logged from now on.",
            page,
        )
        note = m.REPLY_WITH_QUOTE.replace(b"Ada Lovelace <Ada@Example.NET>", b"ann@newjob.example")
        logged = do_log_mail(self.alice, parse_message(note), own=own_addresses(self.alice))
        self.assertEqual(list(logged.interaction.people.all()), [self.ann])

    def test_the_name_is_compared_without_case_or_accents(self):
        zoe = self.make_person("Zoë", "Martín", emails=[])
        s = self.suggest("ZOE martin", email="zoe@newjob.example")
        self.assertIn(f"/from-mail/{s.pk}/add-to/{zoe.pk}/", self.client.get("/").content.decode())
        self.assertRedirects(self.add_to(s, zoe), zoe.get_absolute_url())
        zoe.refresh_from_db()
        self.assertEqual(zoe.emails, ["zoe@newjob.example"])

    def test_every_person_of_the_name_is_offered(self):
        other = self.make_person("Ann", "Lee", emails=["lee@school.example"])
        s = self.suggest("Ann Lee")
        page = self.client.get("/").content.decode()
        for person in (self.ann, other):
            self.assertIn(f"/from-mail/{s.pk}/add-to/{person.pk}/", page)
        self.assertIn('aria-label="Add ann@newjob.example to Ann Lee, lee@school.example"', page)
        # The buttons themselves tell the two apart, not only their labels for screen readers.
        self.assertIn(">Add to Ann Lee (lee@school.example)</button>", page)
        self.assertIn(">Add to Ann Lee (Contoso)</button>", page)

    def test_another_name_is_not_offered_and_its_person_is_refused(self):
        s = self.suggest("Ann Leeds")
        page = self.client.get("/").content.decode()
        self.assertNotIn("Same name on your list", page)
        self.assertNotIn("/add-to/", page)
        self.assertIn(">Add</button>", page)
        self.assertEqual(self.add_to(s, self.ann).status_code, 404)
        self.ann.refresh_from_db()
        self.assertEqual(self.ann.emails, ["ann@oldjob.example"])
        self.assertTrue(MailSuggestion.objects.filter(pk=s.pk).exists())

    def test_an_address_without_a_name_is_not_matched_by_its_local_part(self):
        self.make_person("Ann", "", emails=[])
        s = self.suggest("", email="ann@newjob.example")
        self.assertNotIn("/add-to/", self.client.get("/").content.decode())
        self.assertEqual(self.add_to(s, self.ann).status_code, 404)

    def test_another_accounts_person_of_the_same_name_is_404(self):
        bobs_ann = self.make_person("Ann", "Lee", owner=self.bob, emails=["ann@bob.example"])
        s = self.suggest("Ann Lee")
        self.assertNotIn(f"/add-to/{bobs_ann.pk}/", self.client.get("/").content.decode())
        self.assertEqual(self.add_to(s, bobs_ann).status_code, 404)
        bobs_ann.refresh_from_db()
        self.assertEqual(bobs_ann.emails, ["ann@bob.example"])
        self.assertTrue(MailSuggestion.objects.filter(pk=s.pk).exists())
        # Nor can bob give alice's suggestion to his Ann.
        self.login(self.bob)
        self.assertEqual(self.add_to(s, bobs_ann).status_code, 404)

    def test_a_dismissed_address_cannot_be_added_to_anyone(self):
        s = self.suggest("Ann Lee")
        s.dismissed = True
        s.save()
        self.assertEqual(self.add_to(s, self.ann).status_code, 404)

    def test_a_long_name_still_finds_the_person_its_cut_would_make(self):
        cut = self.make_person("F" * 150, "Lee", emails=[])
        s = self.suggest("F" * 160 + " Lee")
        self.assertIn(f"/from-mail/{s.pk}/add-to/{cut.pk}/", self.client.get("/").content.decode())

    def test_today_reads_the_same_names_in_one_query_for_five_suggestions(self):
        for i in range(20):  # people on the list cost nothing
            self.make_person(f"Person{i}", "Else", emails=[])

        def queries(count: int) -> int:
            MailSuggestion.objects.all().delete()
            for i in range(count):
                self.make_person(f"Namesake{i}", "Lee", emails=[])
                self.suggest(f"Namesake{i} Lee", email=f"n{i}@newjob.example")
            with CaptureQueriesContext(connection) as ctx:
                page = self.client.get("/").content.decode()
            self.assertEqual(page.count(">Add as new person</button>"), count)
            return len(ctx.captured_queries)

        self.assertEqual(queries(5), queries(1))


class UploadMailTests(BaseTestCase):
    def setUp(self):
        self.make_person("Ada", "Lovelace")
        self.login()

    def upload(self, name: str, data: bytes):
        from django.core.files.uploadedfile import SimpleUploadedFile

        return self.client.post(
            "/transfer/mail/", {"mailfile": SimpleUploadedFile(name, data)}, follow=True
        )

    def test_the_import_page_offers_it(self):
        page = self.client.get("/transfer/").content.decode()
        self.assertIn('action="/transfer/mail/"', page)

    def test_an_mbox_is_logged_and_strangers_wait_on_today(self):
        response = self.upload("archive.mbox", m.MBOX)
        self.assertRedirects(response, "/")
        self.assertContains(response, "Logged 1 message; 0 already logged, 2 with nobody")
        self.assertContains(response, "New people from your mail")
        self.assertEqual(Interaction.objects.for_user(self.alice).count(), 1)

    def test_a_file_that_is_not_mail_changes_nothing(self):
        response = self.upload("people.csv", b"First Name,Last Name\nAda,Lovelace\n")
        self.assertContains(response, "people.csv is a CSV file, not mail: import it above as")
        self.assertEqual(Interaction.objects.count(), 0)
        response = self.upload("invite.ics", (FIXTURES / "invite.ics").read_bytes())
        self.assertContains(response, "invite.ics is a calendar file (iCalendar), not mail")
        self.assertEqual(Interaction.objects.count(), 0)
        self.assertEqual(MailSuggestion.objects.count(), 0)

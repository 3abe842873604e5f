"""Reading one message: who, what, when, and what Hundred refuses to count as a reply."""

from __future__ import annotations

from datetime import UTC, datetime
from unittest import TestCase

from hundred.transfer.formats.mailmessage import (
    looks_like_mail,
    parse_message,
    split_mbox,
)
from hundred.transfer.tests import mailsamples as m


class ParseMessageTests(TestCase):
    def test_a_reply_keeps_its_own_lines_not_the_quote(self):
        r = parse_message(m.REPLY_WITH_QUOTE)
        self.assertEqual(r.sender.email, "ada@example.net")  # lower case
        self.assertEqual(r.sender.name, "Ada Lovelace")
        self.assertEqual([a.email for a in r.recipients], ["alice@example.org"])
        self.assertEqual(r.message_id, "<CAF=reply-1@mail.example.net>")
        self.assertEqual(r.sent_at, datetime(2026, 11, 25, 9, 12, tzinfo=UTC))
        self.assertEqual(r.text, "Hi Alice,\nHappy to talk — Thursday at 10 works for me.\nAda")
        self.assertEqual((r.automatic, r.problem), ("", ""))

    def test_several_recipients_and_the_routing_addresses(self):
        r = parse_message(m.OUTBOUND_BCC)
        self.assertEqual([a.email for a in r.recipients], ["ada@example.net", "grace@example.net"])
        self.assertIn("log+abcdefghijklmnopqrstuv@hundred.example.org", r.routing)

    def test_a_header_there_twice_gives_both_addresses(self):
        data = m.REPLY_WITH_QUOTE.replace(
            b"Subject:",
            b"Delivered-To: log+tok@x.org\r\nDelivered-To: alice@example.org\r\nSubject:",
        )
        r = parse_message(data)
        self.assertIn("log+tok@x.org", r.routing)
        self.assertIn("alice@example.org", r.routing)

    def test_html_only_mail_becomes_text(self):
        r = parse_message(m.HTML_ONLY)
        self.assertEqual(r.text, "Hi Alice,\nSure — let's have coffee on Friday.\nold text")
        self.assertNotIn("color", r.text)

    def test_latin_1_headers_and_body(self):
        r = parse_message(m.LATIN1)
        self.assertEqual(r.sender.name, "René Müller")
        self.assertEqual(r.subject, "Réponse")
        self.assertEqual(r.text, "Très volontiers, Alice. À bientôt.")

    def test_an_unknown_charset_is_read_as_well_as_it_can(self):
        r = parse_message(m.WRONG_CHARSET)
        self.assertEqual(r.problem, "")
        self.assertTrue(r.text.startswith("Caf"))
        self.assertTrue(r.text.endswith("tomorrow?"))

    def test_attachments_are_not_kept(self):
        r = parse_message(m.WITH_ATTACHMENT)
        self.assertEqual(r.text, "Comments attached.")
        self.assertNotIn("JVBER", repr(r))

    def test_a_forward_inline_carries_the_forwarded_message(self):
        r = parse_message(m.FORWARDED_INLINE)
        self.assertEqual(r.sender.email, "alice@example.org")
        inner = r.forwarded
        self.assertEqual(inner.sender.email, "grace@example.net")
        self.assertEqual(
            [a.email for a in inner.recipients], ["alice@example.org", "ken@example.com"]
        )
        self.assertEqual(inner.subject, "Re: introductions")
        self.assertEqual(inner.sent_at, datetime(2026, 11, 24, 15, 15, tzinfo=UTC))
        self.assertEqual(inner.text, "Alice, meet Ken: he runs the data team at Initech.\nGrace")
        self.assertEqual(r.text, "For Hundred.")

    def test_the_forward_blocks_of_other_mail_programs(self):
        blocks = {
            "Apple Mail": "Begin forwarded message:\n\n"
            "From: Grace Hopper <grace@example.net>\nSubject: Re: introductions\n"
            "Date: November 24, 2026 at 3:15:00 PM GMT+1\nTo: Alice <alice@example.org>\n",
            "Thunderbird": "-------- Forwarded Message --------\n"
            "Subject: \tRe: introductions\nDate: \tTue, 24 Nov 2026 15:15:00 +0000\n"
            "From: \tGrace Hopper <grace@example.net>\nTo: \tAlice <alice@example.org>\n",
            "Outlook": "________________________________\n"
            "From: Grace Hopper [mailto:grace@example.net]\n"
            "Sent: Tuesday, November 24, 2026 3:15 PM\nTo: Alice <alice@example.org>\n"
            "Subject: Re: introductions\n",
        }
        for program, block in blocks.items():
            with self.subTest(program):
                data = (
                    "From: alice@example.org\nTo: log@example.org\nSubject: Fw: introductions\n"
                    "Content-Type: text/plain; charset=utf-8\n\n"
                    f"FYI\n\n{block}\nAlice, meet Ken.\n"
                ).encode()
                inner = parse_message(data).forwarded
                self.assertEqual(inner.sender.email, "grace@example.net")
                self.assertEqual(inner.recipients[0].email, "alice@example.org")
                self.assertEqual(inner.subject, "Re: introductions")
                self.assertEqual(inner.sent_at.date().isoformat(), "2026-11-24")
                self.assertEqual(inner.text, "Alice, meet Ken.")

    def test_a_forward_as_attachment_is_read_whole(self):
        inner = parse_message(m.FORWARDED_ATTACHED).forwarded
        self.assertEqual(inner.sender.email, "ada@example.net")
        self.assertEqual(inner.message_id, "<inner-1@example.net>")
        self.assertEqual(inner.text, "Here are the three names I promised.")

    def test_bounces_and_automatic_replies_are_marked(self):
        self.assertEqual(parse_message(m.BOUNCE).automatic, "a bounce")
        for sample in (m.OUT_OF_OFFICE, m.X_AUTOREPLY, m.PRECEDENCE_BULK):
            self.assertEqual(parse_message(sample).automatic, "an automatic reply")
        self.assertEqual(parse_message(m.REPLY_WITH_QUOTE).automatic, "")

    def test_an_unknown_charset_in_the_headers_and_bad_base64(self):
        r = parse_message(
            b"From: =?x-bogus?Q?Ren=E9?= <rene@example.net>\r\n"
            b"Subject: =?x-bogus?B?////?=\r\n"
            b"Content-Type: text/plain; charset=utf-8\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n!!!notbase64\r\n"
        )
        self.assertEqual((r.problem, r.sender.email), ("", "rene@example.net"))
        self.assertTrue(r.sender.name.startswith("Ren"))

    def test_no_from_is_a_problem_not_a_crash(self):
        self.assertEqual(parse_message(m.NO_FROM).problem, "it has no From address")

    def test_garbage_never_raises(self):
        garbage = (
            b"",
            b"\x00\xff" * 50,
            b"From: <>\r\n\r\n",
            b"From: a@b.c\nContent-Type: multipart/mixed\n\n--",
        )
        problems = [parse_message(data).problem for data in garbage]
        self.assertEqual(problems[:3], ["it has no From address"] * 3)
        self.assertEqual(problems[3], "")  # a broken MIME tree: the headers still count

    def test_a_huge_message_is_read_for_its_headers(self):
        big = m.REPLY_WITH_QUOTE + b"x" * 2000
        r = parse_message(big, max_bytes=1000)
        self.assertEqual(r.sender.email, "ada@example.net")
        self.assertEqual(r.text, "")
        self.assertEqual(r.notes, ("too large: only its headers were read",))

    def test_a_message_without_message_id_gets_a_stable_stand_in(self):
        data = m.REPLY_WITH_QUOTE.replace(b"Message-ID: <CAF=reply-1@mail.example.net>\r\n", b"")
        first, again = parse_message(data), parse_message(data)
        self.assertTrue(first.message_id.endswith("@no-message-id>"))
        self.assertEqual(first.message_id, again.message_id)


class MboxTests(TestCase):
    def test_from_lines_split_only_where_they_are_separators(self):
        messages = split_mbox(m.MBOX)
        self.assertEqual(len(messages), 3)
        first = parse_message(messages[0])
        self.assertEqual(first.message_id, "<mbox-1@example.net>")
        self.assertIn(b"\nFrom the archive: this line was escaped", messages[0])
        self.assertIn(b"\nFrom here on the body goes", messages[0])
        self.assertEqual(parse_message(messages[1]).sender.email, "grace@example.net")

    def test_crlf_mbox(self):
        self.assertEqual(len(split_mbox(m.MBOX.replace(b"\n", b"\r\n"))), 3)

    def test_what_looks_like_mail(self):
        self.assertTrue(looks_like_mail(m.MBOX))
        self.assertTrue(looks_like_mail(m.REPLY_WITH_QUOTE))
        self.assertFalse(looks_like_mail(b"First Name,Last Name\nAda,Lovelace\n"))
        # Header-like first lines that are not mail: a calendar, a card, LinkedIn's CSV.
        self.assertFalse(looks_like_mail(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        self.assertFalse(looks_like_mail(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\n"))
        self.assertFalse(looks_like_mail(b'Notes:\n"When exporting your data"\n\nFirst Name\n'))
        # A byte-order mark, a folded header, then the blank line before the body.
        self.assertTrue(
            looks_like_mail(b"\xef\xbb\xbfX-Mozilla-Status: 1\nSubject: a\n long one\n\nHi\n")
        )

"""The fast paths of reading messages.csv give what the slow ones gave."""

from __future__ import annotations

from datetime import UTC, datetime
from unittest import TestCase

from hundred.transfer.formats.fields import parse_datetime
from hundred.transfer.formats.linkedin_history import _moment, parse_export
from hundred.transfer.formats.records import DEFAULT_LIMITS
from hundred.transfer.formats.textfile import decode

HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER\n"
)
ANN, BO = "https://www.linkedin.com/in/ann-lee", "https://www.linkedin.com/in/bo-chen"


def _sliced(text: str) -> datetime | None:
    """The reading before fromisoformat: int() of each field, else parse_datetime."""
    try:
        return datetime(
            int(text[:4]), int(text[5:7]), int(text[8:10]),
            int(text[11:13]), int(text[14:16]), int(text[17:19]), tzinfo=UTC,
        )  # fmt: skip
    except ValueError:
        return parse_datetime(text)


class MomentTests(TestCase):
    def test_export_dates_read_as_the_slices_read_them(self):
        for text in (
            "2024-05-06 07:08:09 UTC",
            "2024-05-06 07:08:09",
            "2024-02-29 23:59:59 UTC",
            "2023-02-29 10:00:00 UTC",  # no such day
            "2024-01-01 24:00:00 UTC",  # no such hour
            "2024-13-01 10:00:00 UTC",
            "0001-01-01 00:00:00 UTC",
        ):
            with self.subTest(text=text):
                self.assertEqual(_moment(text), _sliced(text))
                if (found := _moment(text)) is not None:
                    self.assertIs(found.tzinfo, UTC)

    def test_what_the_strict_match_leaves_takes_the_old_way(self):
        # int() reads "0_5" and Arabic-Indic digits; the fast path does not, and leaves them
        # to the slices, which read them as before.
        for text in ("2024-0_-06 07:08:09 UTC", "٢٠٢٤-05-06 07:08:09 UTC", "2024-05-06 7:08:09"):
            with self.subTest(text=text):
                self.assertEqual(_moment(text), _sliced(text) if text[4] == "-" else None)


class ExternalIdTests(TestCase):
    def test_the_ids_of_messages_already_imported_do_not_change(self):
        # Computed by the code before the fast paths: an import of the same file must find
        # these messages already there.
        data = (
            HEADER + f"2-abc,,Ann Lee,{ANN},Bo Chen,{BO},2024-05-06 07:08:09 UTC,,"
            '"Hi Bo, coffee? Café ☕",INBOX\n'
            f"2-abc,,Bo Chen,{BO},Ann Lee,{ANN},2024-05-06 08:00:00,,Sure,INBOX\n"
        ).encode()
        history = parse_export(data, default_region="GB", limits=DEFAULT_LIMITS).history
        assert history is not None
        self.assertEqual(
            [m.external_id for m in history.messages],
            [
                "li:4dc5f2ed0d206526609bf4374fddf4a6f91001d3",
                "li:ebbf1d7b106f79e55c3636719bf6cc6e84116bc2",
            ],
        )


class DecodeTests(TestCase):
    def test_control_characters_are_dropped_in_every_eight_bit_encoding(self):
        # A few in a longer text: many would make it a binary file, refused.
        text, rest = "Zoë\x00 Lee,\x1bAnn\x7f\n", "Notes\n" * 100
        for data in (
            (text + rest).encode(),
            b"\xef\xbb\xbf" + (text + rest).encode(),
            (text + rest).encode("cp1252"),
        ):
            with self.subTest(data=data[:20]):
                self.assertEqual(decode(data), "Zoë Lee,Ann\n" + rest)

    def test_text_without_them_is_left_as_it_is(self):
        for data in ("Zoë Lee,\tAnn\r\n".encode(), "Zoë Lee,\tAnn\r\n".encode("cp1252")):
            with self.subTest(data=data):
                self.assertEqual(decode(data), "Zoë Lee,\tAnn\r\n")

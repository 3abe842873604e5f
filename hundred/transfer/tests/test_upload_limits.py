"""Limits hold per upload: rows, unpacked bytes and time are shared by every file in a zip."""

from __future__ import annotations

import pytest

from hundred.transfer.formats.dispatch import parse
from hundred.transfer.formats.records import Limits, UnsupportedFile
from hundred.transfer.tests.hostile import make_zip

INVITATIONS = b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"


def invitations(rows: int) -> bytes:
    row = b"Ann Lee,Me,3/2/26 9:41 AM,,INCOMING,https://www.linkedin.com/in/ann,\n"
    return INVITATIONS + row * rows


def many_invitation_files(members: int, rows: int) -> bytes:
    return make_zip([(f"part{i}/Invitations.csv", invitations(rows)) for i in range(members)])


def test_rows_are_counted_across_every_file_of_a_zip():
    data = many_invitation_files(members=30, rows=15)  # 450 rows, 15 a file
    assert len(parse("linkedin", data, limits=Limits(max_rows=450)).interactions) == 450
    with pytest.raises(UnsupportedFile, match="more than 449 rows"):
        parse("linkedin", data, limits=Limits(max_rows=449))


def test_unpacked_bytes_are_counted_across_every_file_of_a_zip():
    data = many_invitation_files(members=30, rows=15)
    size = len(invitations(15))
    with pytest.raises(UnsupportedFile, match="The zip unpacks to more than"):
        parse("linkedin", data, limits=Limits(max_unzipped_bytes=size * 29 + 10))


def test_parse_time_is_counted_across_every_file_of_a_zip():
    data = many_invitation_files(members=3, rows=5)
    with pytest.raises(UnsupportedFile, match="took more than the 0 seconds"):
        parse("linkedin", data, limits=Limits(max_parse_seconds=0))


def test_parse_time_is_checked_for_a_vcard_file():
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEND:VCARD\r\n"
    with pytest.raises(UnsupportedFile, match="took more than"):
        parse("vcard", card * 10, limits=Limits(max_parse_seconds=0))


def test_the_attackers_zip_is_refused_at_the_row_cap():
    # 999 Invitations.csv of 1,500 rows once made 1.5 million records; scaled down a hundredfold.
    data = many_invitation_files(members=100, rows=15)
    with pytest.raises(UnsupportedFile, match="more than 500 rows"):
        parse("linkedin", data, limits=Limits(max_rows=500))

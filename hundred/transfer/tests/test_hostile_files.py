"""Files built to break the importers: every one is refused with a sentence, never a traceback."""

from __future__ import annotations

import io
import logging
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest.mock import patch

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from hundred.cli import main
from hundred.network.models import Person
from hundred.test import BaseTestCase
from hundred.transfer.formats import dispatch
from hundred.transfer.formats.dispatch import parse
from hundred.transfer.formats.records import UnsupportedFile
from hundred.transfer.tests.hostile import CRASHERS, HOSTILE, nul_in_name


@pytest.mark.parametrize("name, kind, make", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_files_are_refused_with_one_sentence(name, kind, make):
    with pytest.raises(UnsupportedFile) as caught:
        parse(kind, make())
    message = str(caught.value)
    assert "\n" not in message
    assert ": " in message  # what is wrong, then what to do
    assert message != dispatch.UNREADABLE  # each refused where its bytes are read


def test_a_nul_in_a_member_name_is_cut_by_zipfile_and_harmless():
    assert [p.first_name for p in parse("linkedin", nul_in_name()).people] == ["Ann"]


@pytest.mark.parametrize(
    "make, message",
    [
        (CRASHERS[0][2], "The zip holds a file named “”"),
        (CRASHERS[1][2], "Connections.csv in the zip is damaged"),
        (CRASHERS[3][2], "Connections.csv in the zip is damaged"),
    ],
)
def test_what_each_old_crash_says(make, message):
    with pytest.raises(UnsupportedFile, match=message):
        parse("linkedin", make())


def test_the_last_guard_turns_a_surprise_into_a_sentence_and_logs_it(caplog):
    def boom(data, **kwargs):
        raise KeyError("surprise")

    with patch.dict(dispatch._PARSERS, {"vcard": boom}), caplog.at_level(logging.ERROR):
        with pytest.raises(UnsupportedFile, match="Hundred could not read this file"):
            parse("vcard", b"BEGIN:VCARD\r\nEND:VCARD\r\n")
    assert "KeyError" in caplog.text


@override_settings(HUNDRED_HOME=tempfile.mkdtemp())
class HostileUploadTestCase(BaseTestCase):
    def test_it_refuses_each_crasher_on_the_preview_without_a_500(self):
        self.login()
        for name, kind, make in CRASHERS:
            with self.subTest(name):
                r = self.client.post(
                    reverse("transfer-upload"),
                    {"kind": kind, "file": SimpleUploadedFile("export.zip", make())},
                )
                r = self.client.get(r["Location"], follow=True)
                self.assertEqual(r.status_code, 200)
                self.assertRedirects(r, reverse("transfer-index"))
                self.assertContains(r, "download the export again")
        self.assertEqual(Person.objects.count(), 0)

    def test_it_exits_2_in_one_line_on_each_crasher(self):
        folder = Path(tempfile.mkdtemp())
        for name, kind, make in CRASHERS:
            with self.subTest(name):
                path = folder / "export.zip"
                path.write_bytes(make())
                out, err = io.StringIO(), io.StringIO()
                with redirect_stdout(out), redirect_stderr(err):
                    code = main(["import", kind, str(path), "--user", "alice@example.org"])
                self.assertEqual(code, 2, err.getvalue())
                self.assertTrue(err.getvalue().startswith("hundred: "), err.getvalue())
                self.assertEqual(err.getvalue().count("\n"), 1, err.getvalue())
                self.assertEqual(out.getvalue(), "")


@pytest.mark.parametrize("kind", ["linkedin", "csv"])
def test_an_unclosed_quote_is_refused_with_the_line_it_opens_on(kind):
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Ann,Lee,,,,,01 Jan 2024\n"
        b'Bo,"Ng\nHo",,,,,01 Jan 2024\n'  # a closed quote over two lines is fine
        b'Cy,Dee,,,"Acme,,01 Jan 2024\n'
        b"Eve,Fox,,,,,01 Jan 2024\n"
    )
    with pytest.raises(UnsupportedFile, match=r"^Line 5 opens a quote"):
        parse(kind, data)


def test_quotes_inside_a_value_and_escaped_quotes_are_not_unclosed():
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b'Ann "Jo",Lee,,,"Acme ""West""",,01 Jan 2024\n'
    )
    person = parse("linkedin", data).people[0]
    assert (person.first_name, person.company) == ('Ann "Jo"', 'Acme "West"')

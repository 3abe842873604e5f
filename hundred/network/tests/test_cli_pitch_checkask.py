import io
import json
import os
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from unittest.mock import patch

from hundred.cli import main
from hundred.test import BaseTestCase

JOB_ASK = "Hi Maya,\n\nDo you know of any openings on your team? Or could you refer me?\n"
CLEAN = (
    "Hi Maya,\n\nI'm looking for an opportunity to use my financial analysis skills in a "
    "non-profit organisation in the Boston area. Could I have 15–20 minutes of your advice, "
    "and the names of people I should talk to?\n\nThank you,\nAnn\n"
)


class CliTestCase(BaseTestCase):
    def run_cli(self, *argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        fake_stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        with patch("sys.stdin", fake_stdin), redirect_stdout(out), redirect_stderr(err):
            code = main(list(argv))
        return code, out.getvalue(), err.getvalue()

    def write(self, data: bytes) -> str:
        fd, path = tempfile.mkstemp(suffix=".txt")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        self.addCleanup(os.remove, path)
        return path

    def assertOneLineError(self, err: str) -> None:
        self.assertTrue(err.startswith("hundred: "), err)
        self.assertEqual(err.count("\n"), 1, err)
        self.assertNotIn("Traceback", err)


class CheckAskTestCase(CliTestCase):
    def test_it_exits_0_for_a_clean_file(self):
        code, out, err = self.run_cli("check-ask", self.write(CLEAN.encode()))
        self.assertEqual((code, err), (0, ""))
        self.assertIn("Clean", out)

    def test_it_exits_3_for_a_job_ask_in_a_file(self):
        code, out, err = self.run_cli("check-ask", self.write(JOB_ASK.encode()))
        self.assertEqual((code, err), (3, ""))
        # Where, what and a suggested rewrite.
        self.assertIn("3:8: job ask: “know of any openings on your team”", out)
        self.assertIn("try: ", out)

    def test_it_reads_stdin_for_a_dash(self):
        code, out, _ = self.run_cli("check-ask", "-", stdin=JOB_ASK.encode())
        self.assertEqual(code, 3)
        self.assertIn("job ask", out)

    def test_it_reads_stdin_without_an_argument(self):
        code, out, _ = self.run_cli("check-ask", stdin=CLEAN.encode())
        self.assertEqual(code, 0)
        self.assertIn("Clean", out)

    def test_it_prints_one_json_list_with_spans(self):
        text = "Dear Ann — is your team hiring? Any vacancies in Boston? Thanks!"
        path = self.write(text.encode())
        code, out, err = self.run_cli("check-ask", path, "--json")
        self.assertEqual((code, err), (3, ""))
        findings = json.loads(out)
        self.assertIsInstance(findings, list)
        self.assertEqual(out.count("\n"), 1)
        asks = [f for f in findings if f["code"] == "job_ask"]
        self.assertGreaterEqual(len(asks), 2)
        for f in findings:
            self.assertEqual(
                set(f), {"code", "severity", "message", "words", "start", "end", "suggestion"}
            )
            if f["start"] is not None:
                self.assertEqual(text[f["start"] : f["end"]], f["words"])
        self.assertTrue(any("hiring" in f["words"] for f in asks))

    def test_it_counts_spans_in_characters_after_a_bom_and_accents(self):
        text = "Chère Zoë, avez-vous… is your team hiring?"
        code, out, _ = self.run_cli("check-ask", "--json", stdin=b"\xef\xbb\xbf" + text.encode())
        self.assertEqual(code, 3)
        for f in json.loads(out):
            if f["start"] is not None:
                self.assertEqual(text[f["start"] : f["end"]], f["words"])

    def test_it_prints_an_empty_json_list_for_a_clean_message(self):
        code, out, _ = self.run_cli("check-ask", "--json", stdin=CLEAN.encode())
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out), [])

    def test_it_reports_tips_without_failing(self):
        code, out, _ = self.run_cli("check-ask", "--json", stdin=b"Hi Maya, how are you?")
        self.assertEqual(code, 0)
        self.assertTrue(json.loads(out))
        self.assertTrue(all(f["code"] != "job_ask" for f in json.loads(out)))

    def test_it_refuses_a_file_that_is_not_utf8(self):
        path = self.write("Chère Zoë, any openings?".encode("latin-1"))
        code, out, err = self.run_cli("check-ask", path)
        self.assertEqual((code, out), (2, ""))
        self.assertOneLineError(err)
        self.assertIn("UTF-8", err)

    def test_it_refuses_an_empty_message_with_exit_2(self):
        for data in (b"", b"   \n\t\n", "\ufeff".encode()):
            code, out, err = self.run_cli("check-ask", self.write(data))
            self.assertEqual((code, out), (2, ""), data)
            self.assertOneLineError(err)
            self.assertIn("Write a message first", err)
        code, out, err = self.run_cli("check-ask", "--json", stdin=b"  \n")
        self.assertEqual((code, out), (2, ""))
        self.assertIn("Write a message first", err)

    def test_it_refuses_a_missing_file(self):
        code, out, err = self.run_cli("check-ask", "/nonexistent/message.txt")
        self.assertEqual((code, out), (2, ""))
        self.assertOneLineError(err)
        self.assertIn("/nonexistent/message.txt", err)

    def test_it_refuses_a_folder(self):
        code, _, err = self.run_cli("check-ask", tempfile.gettempdir())
        self.assertEqual(code, 2)
        self.assertOneLineError(err)

    def test_it_skips_the_length_check_for_a_follow_up(self):
        long = "I'd value 15–20 minutes of your advice on non-profit finance in Boston. " * 30
        _, first, _ = self.run_cli("check-ask", "--json", stdin=long.encode())
        _, later, _ = self.run_cli("check-ask", "--json", "--follow-up", stdin=long.encode())
        self.assertGreater(len(json.loads(first)), len(json.loads(later)))

    def test_it_has_help_with_an_example(self):
        out = io.StringIO()
        with redirect_stdout(out), self.assertRaises(SystemExit) as e:
            main(["check-ask", "-h"])
        self.assertEqual(e.exception.code, 0)
        self.assertIn("exit 3 on a job ask", out.getvalue())
        self.assertIn("example: hundred check-ask", out.getvalue())


class PitchCliTestCase(CliTestCase):
    def test_it_prints_the_saved_pitch(self):
        self.make_target(skills=["budgeting"], pitch="I analyse non-profit budgets in Boston.")
        code, out, err = self.run_cli("pitch", "--user", "alice@example.org")
        self.assertEqual((code, out, err), (0, "I analyse non-profit budgets in Boston.\n", ""))

    def test_it_prints_the_pitch_the_target_suggests(self):
        self.make_target(
            skills=["financial analysis"], industries=["non-profit"], geographies=["Boston"]
        )
        code, out, _ = self.run_cli("pitch", "--user", "ALICE@example.org")
        self.assertEqual(code, 0)
        self.assertEqual(
            out,
            "I'm looking for an opportunity to use my financial analysis skills in a non-profit "
            "organisation in the Boston area.\n",
        )

    def test_it_exits_2_without_a_pitch(self):
        code, out, err = self.run_cli("pitch", "--user", "alice@example.org")
        self.assertEqual((code, out), (2, ""))
        self.assertOneLineError(err)
        self.assertIn("Target page", err)

    def test_it_exits_2_with_an_empty_target(self):
        self.make_target()
        code, _, err = self.run_cli("pitch", "--user", "alice@example.org")
        self.assertEqual(code, 2)
        self.assertOneLineError(err)

    def test_it_prints_only_the_named_accounts_pitch(self):
        self.make_target(owner=self.bob, pitch="Bob welds.")
        code, out, _ = self.run_cli("pitch", "--user", "alice@example.org")
        self.assertEqual((code, out), (2, ""))
        code, out, _ = self.run_cli("pitch", "--user", "bob@example.org")
        self.assertEqual((code, out), (0, "Bob welds.\n"))

    def test_it_needs_user_when_there_are_several_accounts(self):
        code, out, err = self.run_cli("pitch")
        self.assertEqual((code, out), (2, ""))
        self.assertOneLineError(err)
        self.assertIn("--user", err)

    def test_it_refuses_an_unknown_user(self):
        code, _, err = self.run_cli("pitch", "--user", "nobody@example.org")
        self.assertEqual(code, 2)
        self.assertOneLineError(err)

"""The CLI when its reader goes away, as in `hundred check-ask --json | head -c 1`."""

import subprocess
import sys


def test_it_exits_quietly_when_the_reader_closes_the_pipe():
    proc = subprocess.Popen(
        [sys.executable, "-m", "hundred", "check-ask", "-", "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # Close our end of stdout before the child has anything to write: its write must fail.
    proc.stdout.close()
    _, err = proc.communicate(b"Hi Ann, do you know of any openings on your team?", timeout=60)
    assert err.decode() == ""
    assert proc.returncode == 0

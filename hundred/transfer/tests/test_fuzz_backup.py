"""The backup restore reader, fuzzed: a damaged backup is refused whole, never half restored.

Each example takes the version-1 fixture backup, changes a few of its values anywhere in the
tree (a wrong type, a NUL, a dangling id, a huge number, a missing key), maybe damages the
bytes, and restores it into an empty account. The property: read_backup and do_restore either
succeed or raise their own refusal (BadBackup) with a sentence, and after a refusal the account
is still empty. Each example runs in its own transaction (hypothesis's Django TestCase), so
every restore starts from an empty account.
"""

from __future__ import annotations

import copy
import json
import os
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from hundred.network.models import Person
from hundred.test import FrozenClock, password_hash
from hundred.transfer.backup import BadBackup, do_restore, read_backup
from hundred.transfer.backup.restore import is_empty

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "backup-v1.json").read_text())

FUZZ = settings(
    derandomize=not os.environ.get("HUNDRED_FUZZ_RANDOM"),
    database=None,
    max_examples=int(os.environ.get("HUNDRED_FUZZ_EXAMPLES", "60")),
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HOSTILE_VALUES = st.one_of(
    st.sampled_from(
        [
            None,
            True,
            0,
            -1,
            2**63,
            -(2**63) - 1,
            1e308,
            "",
            "\x00",
            "nul\x00inside",
            "x" * 5000,
            "2026-02-30",
            "2026-11-25T25:61:00Z",
            "not a date",
            "<script>alert(1)</script>",
            [],
            {},
            [None],
            [1, 1],
            {"id": 1},
            999_999,
        ]
    ),
    st.text(max_size=20),
    st.integers(),
    st.lists(st.one_of(st.integers(), st.text(max_size=5)), max_size=3),
)


def paths(tree, prefix=()):
    """The path to every value in the backup (dict keys and list indexes)."""
    yield prefix
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            yield from paths(value, (*prefix, i))


ALL_PATHS = [p for p in paths(FIXTURE) if p and p[0] not in ("format", "version")]


def replace_at(tree, path, value, delete: bool):
    *parents, last = path
    for step in parents:
        tree = tree[step]
    if delete and isinstance(tree, dict):
        del tree[last]
    else:
        tree[last] = value


@st.composite
def damaged_backups(draw) -> bytes:
    backup = copy.deepcopy(FIXTURE)
    changes = draw(
        st.lists(
            st.tuples(st.sampled_from(ALL_PATHS), HOSTILE_VALUES, st.booleans()),
            min_size=1,
            max_size=4,
        )
    )
    for path, value, delete in changes:
        try:
            replace_at(backup, path, value, delete)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier change removed or replaced this path's parent
    data = json.dumps(backup).encode()
    if draw(st.integers(0, 5)) == 0:  # the file itself cut short or with a byte changed
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    return data


class BackupFuzzTestCase(FrozenClock, TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        from hundred.accounts.models import User

        cls.bob = User.objects.create(email="bob@example.org", password=password_hash())

    @FUZZ
    @example(data=json.dumps(FIXTURE).encode())
    @example(data=json.dumps({**FIXTURE, "people": [{"first_name": "Ann\x00"}]}).encode())
    @given(data=damaged_backups())
    def test_a_damaged_backup_restores_whole_or_is_refused(self, data):
        try:
            counts = do_restore(self.bob, read_backup(data))
        except BadBackup as refusal:
            self.assertTrue(str(refusal).strip())
            self.assertTrue(is_empty(self.bob), "a refused restore left data behind")
            return
        self.assertEqual(counts["people"], Person.objects.filter(owner=self.bob).count())
        for person in Person.objects.filter(owner=self.bob):
            self.assertNotIn("\x00", person.first_name + person.last_name + person.notes)

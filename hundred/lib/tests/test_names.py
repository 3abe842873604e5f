import doctest

import pytest

from hundred.lib import names
from hundred.lib.names import split_name


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Ann Marie Lee", ("Ann Marie", "Lee")),
        ("Dr. Jane Q. Doe Jr.", ("Jane Q.", "Doe Jr.")),
        ("Doe, Jane", ("Jane", "Doe")),
        ("Maya Okafor", ("Maya", "Okafor")),
        ("Cher", ("Cher", "")),
        ("  Ann   Lee ", ("Ann", "Lee")),
        ("  ", ("", "")),
        ("", ("", "")),
        ("Dr.", ("Dr.", "")),
    ],
)
def test_it_splits(raw, expected):
    assert split_name(raw) == expected


def test_its_examples_hold():
    assert doctest.testmod(names).failed == 0

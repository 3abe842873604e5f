import pytest

from hundred.lib.phones import is_phone_number, normalise_phone


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("+44 20 7946 0000", "US", "+442079460000"),
        ("(617) 555-0123", "US", "+16175550123"),
        ("(201) 555-0123", "US", "+12015550123"),
        ("020 7946 0000", "GB", "+442079460000"),
        ("030 1234567", "US", "030 1234567"),  # a Berlin number must not become American
        ("030 1234567", "DE", "+49301234567"),
        ("tel:+1-201-555-0123", "US", "+12015550123"),
        ("+1 201 555 0123 ext. 42", "US", "+12015550123 ext. 42"),
        ("  +44  20\n7946 0000 ", "US", "+442079460000"),
        ("call me", "US", "call me"),
    ],
)
def test_it_writes_valid_numbers_in_e164_and_keeps_the_rest_as_typed(raw, region, expected):
    assert normalise_phone(raw, region) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+44 20 7946 0000", True),
        ("030 1234567", True),  # not valid in the US, but a number: kept as typed
        ("(617) 555-0123 ext. 4", True),
        ("tel:+1-201-555-0123", True),
        ("1-800-FLOWERS", True),  # letters on a keypad
        ("abc", False),
        ("call me", False),
        ("ask reception", False),
        ("+", False),
        ("--", False),
    ],
)
def test_a_phone_number_has_digits(raw, expected):
    assert is_phone_number(raw, "US") is expected

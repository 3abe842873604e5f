"""Phone numbers, written the same way whether typed in a form or read from a file."""

from functools import lru_cache

import phonenumbers


@lru_cache(maxsize=8192)
def normalise_phone(raw: str, region: str = "US") -> str:
    """E.164 for a valid number ('+44 20 7946 0000' -> '+442079460000'); else as typed."""
    raw = " ".join(raw.split())
    if raw[:4].lower() == "tel:":  # vCard 4.0 writes numbers as tel: URIs
        raw = raw[4:]
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return raw
    # A number merely of possible length is not enough without a '+': "030 1234567" typed in
    # Berlin would become an American number under the default region US.
    if not phonenumbers.is_valid_number(number) and not (
        raw.startswith("+")
        and phonenumbers.is_possible_number_with_reason(number)
        == phonenumbers.ValidationResult.IS_POSSIBLE
    ):
        return raw
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return f"{e164} ext. {number.extension}" if number.extension else e164


def is_phone_number(raw: str, region: str = "US") -> bool:
    """Whether phonenumbers reads a number in `raw` at all: digits, with or without '+',
    spaces, dashes, brackets or an extension ('030 1234567', '+1 617 555 0123 ext. 4'). Not
    'abc' or 'call me'. A number need not be valid in `region`: a foreign one typed without
    its '+' is kept as typed by normalise_phone, not refused."""
    raw = " ".join(raw.split())
    if raw[:4].lower() == "tel:":
        raw = raw[4:]
    try:
        phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return False
    return True

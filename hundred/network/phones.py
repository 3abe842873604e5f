"""Phone numbers, written the same way whoever typed them."""

import phonenumbers


def normalise_phone(raw: str, region: str = "US") -> str:
    """E.164 when the number parses ('+1 617 555 0100' -> '+16175550100'); as typed otherwise."""
    raw = raw.strip()
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return raw
    if not phonenumbers.is_possible_number(number):
        return raw
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

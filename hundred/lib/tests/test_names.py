import doctest

import pytest

from hundred.lib import names
from hundred.lib.names import greeting_name, split_name


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


@pytest.mark.parametrize(
    "typed, greeting",
    [
        # Emoji, pictographs and decorative symbols go, wherever they stand.
        ("Tobi 🚀", "Tobi"),
        ("🚀 Tobi", "Tobi"),
        ("Tobi🚀Founder", "Tobi"),
        ("Tobi ❤️", "Tobi"),
        ("Ana 🇧🇷", "Ana"),
        ("Sam ✔", "Sam"),
        ("★ Lee ★", "Lee"),
        ("Tobi™", "Tobi"),
        ("Maya 👩🏽‍💻", "Maya"),
        # A title does not go with a first name; what follows a pipe, a comma, a bracket or a
        # dash between spaces is a headline, and trailing credentials are not the name.
        ("Dr. Ana ✨", "Ana"),
        ("Prof Lee", "Lee"),
        ("Sam | Hiring", "Sam"),
        ("Sam || Talent Partner", "Sam"),
        ("Ana, PhD", "Ana"),
        ("Ana MBA", "Ana"),
        ("Ana Maria CPA, CFA", "Ana Maria"),
        ("Lee - Recruiter", "Lee"),
        ("Lee – Recruiter", "Lee"),
        ("Maria (she/her)", "Maria"),
        ("Kim [Open to work]", "Kim"),
        ("Sam / Hiring", "Sam"),
        ("#OpenToWork Sam", "Sam"),
        ("Sam @ Contoso", "Sam"),
        ('Robert "Bob"', "Robert"),
        ("Tobi 2.0", "Tobi"),
        # Styled letters read as the plain ones.
        ("𝐓𝐨𝐛𝐢", "Tobi"),
        ("Ｔｏｂｉ", "Tobi"),
        # Names in every script are kept, with their accents, marks and inner punctuation.
        ("José", "José"),
        ("Zoë", "Zoë"),
        ("Zoe\u0308", "Zoë"),
        ("李", "李"),
        ("李 🌸", "李"),
        ("Ngọc", "Ngọc"),
        ("Ngo\u0323c", "Ngọc"),
        ("Ханна", "Ханна"),
        ("محمد", "محمد"),
        ("さくら", "さくら"),
        ("김민준", "김민준"),
        ("ദേവി", "ദേവി"),
        ("സ്\u200dവപ്ന", "സ്\u200dവപ്ന"),
        ("مهر\u200cناز", "مهر\u200cناز"),
        ("Σοφία", "Σοφία"),
        ("Jean-Luc", "Jean-Luc"),
        ("Mary Ann", "Mary Ann"),
        ("O’Brien", "O’Brien"),
        ("D'Arcy", "D'Arcy"),
        ("J.", "J."),
        ("Col·lette", "Col·lette"),
        ("  Ann   Marie ", "Ann Marie"),
        # Nothing that names anyone: '' (the message then says "there").
        ("", ""),
        ("   ", ""),
        ("👩‍💻", ""),
        ("Dr.", ""),
        ("Dr. 🩺 | Hiring", ""),
        ("| ✨ |", ""),
    ],
)
def test_the_greeting_name_drops_decorations_and_keeps_every_script(typed, greeting):
    assert greeting_name(typed) == greeting


def test_the_greeting_name_is_stable():
    # Cleaning a cleaned name changes nothing.
    for typed in ("Tobi 🚀", "Dr. Ana ✨", "Ngo\u0323c", "Sam | Hiring", "𝐓𝐨𝐛𝐢", "李"):
        once = greeting_name(typed)
        assert greeting_name(once) == once

from unittest import TestCase

from hundred.lib.reach import EMAIL, PHONE, WEB, reach_kind

CASES = [
    ("ann@harbor.org", EMAIL),
    ("mailto:Ann.Lee@Harbor.ORG", EMAIL),
    ("+1 617 555 0100", PHONE),
    ("(617) 555-0100", PHONE),
    ("030/123 4567", PHONE),
    ("+44 20 7946 0000 ext. 12", PHONE),
    ("tel:+442079460000", PHONE),
    ("https://www.linkedin.com/in/ann-lee", WEB),
    ("linkedin.com/in/ann-lee", WEB),
    ("www.harbor.org/team", WEB),
    ("http://harbor.org", WEB),
    ("not-a-reach", ""),
    ("abc", ""),
    ("1234", ""),  # too short to call
    ("ask Maya", ""),
    ("ann@", ""),
    ("ann at harbor dot org", ""),
]


class ReachKindTestCase(TestCase):
    def test_it_tells_an_email_a_phone_and_a_web_address_from_anything_else(self):
        for text, kind in CASES:
            with self.subTest(text=text):
                self.assertEqual(reach_kind(text), kind)

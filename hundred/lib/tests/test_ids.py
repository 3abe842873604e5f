from unittest import TestCase

from hundred.lib.ids import MAX_ID, IdConverter


class IdConverterTestCase(TestCase):
    def test_it_reads_an_id_that_fits(self):
        self.assertEqual(IdConverter().to_python("42"), 42)
        self.assertEqual(IdConverter().to_python(str(MAX_ID)), MAX_ID)

    def test_it_refuses_a_number_past_the_largest_id(self):
        with self.assertRaises(ValueError):
            IdConverter().to_python(str(MAX_ID + 1))

    def test_it_writes_an_id(self):
        self.assertEqual(IdConverter().to_url(7), "7")

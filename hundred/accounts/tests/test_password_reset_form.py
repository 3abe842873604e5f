from hundred.test import BaseTestCase


class PasswordResetFormTestCase(BaseTestCase):
    def test_it_labels_the_address_like_every_other_form(self):
        r = self.client.get("/accounts/password/reset/")
        self.assertContains(r, '<label for="id_email">E-mail address:</label>', html=True)

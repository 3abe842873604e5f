from django.apps import apps
from django.contrib import admin

from hundred.accounts.models import User
from hundred.test import PASSWORD, BaseTestCase


class AdminTestCase(BaseTestCase):
    def setUp(self):
        self.root = User.objects.create_superuser("root@example.org", PASSWORD)

    def test_it_registers_every_model(self):
        models = [m for m in apps.get_models() if m.__module__.startswith("hundred.")]
        missing = [m.__name__ for m in models if not admin.site.is_registered(m)]
        self.assertEqual(missing, [], "register these models in their app's admin.py")

    def test_it_opens_every_list_and_add_page(self):
        person = self.make_person()
        self.make_meeting(person)
        self.make_interaction(person)
        self.client.force_login(self.root)
        for model in admin.site._registry:
            meta = model._meta
            for page in ("changelist", "add"):
                url = f"/admin/{meta.app_label}/{meta.model_name}/"
                if page == "add":
                    url += "add/"
                with self.subTest(url=url):
                    r = self.client.get(url)
                    # 403 where the admin allows no adding (a model written only by code).
                    self.assertIn(r.status_code, (200, 403) if page == "add" else (200,))

    def test_it_keeps_accounts_that_are_not_staff_out(self):
        self.login(self.alice)
        r = self.client.get("/admin/network/person/")
        self.assertEqual(r.status_code, 302)
        self.assertIn("/admin/login/", r["Location"])

from hundred.network.models import OutreachTemplate
from hundred.test import BaseTestCase

LIST = "/outreach/templates/"
ADD = "/outreach/templates/add/"


class OutreachTemplatesTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def make_template(self, owner=None, **fields) -> OutreachTemplate:
        fields.setdefault("name", "Warm")
        fields.setdefault("body", "Hi {first_name}, 15–20 minutes?")
        return OutreachTemplate.objects.create(owner=owner or self.alice, **fields)

    def test_it_lists_mine_and_the_defaults(self):
        mine = self.make_template(name="Warm intro")
        self.make_template(owner=self.bob, name="Bob's secret")
        r = self.client.get(LIST)
        self.assertContains(r, "Warm intro")
        self.assertContains(r, f'href="/outreach/templates/{mine.pk}/edit/"')
        self.assertContains(r, f'href="/outreach/templates/{mine.pk}/delete/"')
        self.assertNotContains(r, "Bob&#x27;s secret")
        for key in ("email", "linkedin", "phone"):
            self.assertContains(r, f"?from={key}")
        self.assertContains(r, "{first_name}")

    def test_it_says_when_i_have_none(self):
        r = self.client.get(LIST)
        self.assertContains(r, "None yet.")

    def test_it_adds_a_template(self):
        r = self.client.get(ADD)
        self.assertContains(r, "New template")
        r = self.client.post(
            ADD,
            {"name": "Short", "channel": "linkedin", "subject": "", "body": "Hi {first_name}"},
        )
        self.assertRedirects(r, LIST)
        t = OutreachTemplate.objects.get()
        self.assertEqual(
            (t.owner, t.name, t.channel, t.body),
            (self.alice, "Short", "linkedin", "Hi {first_name}"),
        )

    def test_it_starts_from_a_default(self):
        r = self.client.get(ADD + "?from=phone")
        self.assertContains(r, 'value="My Phone script"')
        self.assertContains(r, "it&#x27;s {my_name}")
        self.assertContains(r, '<option value="phone" selected>')
        # Nothing is saved until the form is.
        self.assertFalse(OutreachTemplate.objects.exists())

    def test_it_ignores_an_unknown_default(self):
        r = self.client.get(ADD + "?from=nope")
        self.assertEqual(r.status_code, 200)
        self.assertNotContains(r, 'value="My ')

    def test_it_refuses_a_template_without_a_name_or_body(self):
        r = self.client.post(ADD, {"name": "", "channel": "email", "body": ""})
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "This field is required.", count=2)
        self.assertFalse(OutreachTemplate.objects.exists())

    def test_it_edits_a_template(self):
        t = self.make_template()
        url = f"/outreach/templates/{t.pk}/edit/"
        r = self.client.get(url)
        self.assertContains(r, "Edit Warm")
        r = self.client.post(
            url, {"name": "Warmer", "channel": "email", "subject": "Hi", "body": "New {pitch}"}
        )
        self.assertRedirects(r, LIST)
        t.refresh_from_db()
        self.assertEqual((t.name, t.subject, t.body), ("Warmer", "Hi", "New {pitch}"))
        self.assertEqual(OutreachTemplate.objects.count(), 1)

    def test_it_deletes_a_template_after_asking(self):
        t = self.make_template()
        url = f"/outreach/templates/{t.pk}/delete/"
        r = self.client.get(url)
        self.assertContains(r, "Delete Warm?")
        self.assertContains(r, f'href="{LIST}"')
        self.assertTrue(OutreachTemplate.objects.filter(pk=t.pk).exists())
        r = self.client.post(url)
        self.assertRedirects(r, LIST)
        self.assertFalse(OutreachTemplate.objects.filter(pk=t.pk).exists())

    def test_it_offers_my_template_in_the_composer(self):
        t = self.make_template(name="Warm intro")
        maya = self.make_person("Maya")
        r = self.client.get(f"/people/{maya.pk}/compose/")
        self.assertContains(r, f"?template=t{t.pk}")
        self.assertContains(r, "Warm intro</a>")

    def test_it_404s_another_accounts_template(self):
        t = self.make_template()
        self.login(self.bob)
        for url in (f"/outreach/templates/{t.pk}/edit/", f"/outreach/templates/{t.pk}/delete/"):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)
                r = self.client.post(url, {"name": "Bob", "channel": "email", "body": "Mine now"})
                self.assertEqual(r.status_code, 404)
        t.refresh_from_db()
        self.assertEqual((t.owner, t.name), (self.alice, "Warm"))

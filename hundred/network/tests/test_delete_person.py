from hundred.network.models import FollowUp, Interaction, Meeting, Person
from hundred.test import BaseTestCase


class DeletePersonTestCase(BaseTestCase):
    def setUp(self):
        self.person = self.make_person()
        self.url = f"/people/{self.person.pk}/delete/"
        self.login()

    def test_it_asks_first_on_get(self):
        r = self.client.get(self.url)
        self.assertContains(r, "Delete Maya Okafor?")
        self.assertContains(r, 'method="post"')
        self.assertTrue(Person.objects.filter(pk=self.person.pk).exists())

    def test_it_deletes_on_post(self):
        r = self.client.post(self.url)
        self.assertRedirects(r, "/people/", fetch_redirect_response=False)
        self.assertFalse(Person.objects.filter(pk=self.person.pk).exists())
        self.assertContains(self.client.get("/people/"), "Maya Okafor was deleted")

    def test_it_deletes_their_history(self):
        self.make_meeting(self.person)
        self.make_followup(self.person)
        self.make_favour(self.person)
        self.make_interaction(self.person, summary="Coffee")
        self.client.post(self.url)
        self.assertFalse(Meeting.objects.exists())
        self.assertFalse(FollowUp.objects.exists())
        self.assertFalse(Interaction.objects.exists())

    def test_it_keeps_an_interaction_shared_with_someone_else(self):
        sam = self.make_person("Sam", "Ito")
        shared = self.make_interaction(self.person, summary="Lunch with both")
        shared.people.add(sam)
        self.client.post(self.url)
        shared.refresh_from_db()
        self.assertEqual(list(shared.people.all()), [sam])

    def test_it_keeps_the_people_they_introduced(self):
        sam = self.make_person("Sam", "Ito", introduced_by=self.person)
        self.client.post(self.url)
        sam.refresh_from_db()
        self.assertIsNone(sam.introduced_by)

    def test_it_keeps_the_company(self):
        company = self.make_company()
        self.person.company = company
        self.person.save()
        self.client.post(self.url)
        self.assertTrue(company.__class__.objects.filter(pk=company.pk).exists())

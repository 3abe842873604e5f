from hundred.network.models import Interaction, Stage
from hundred.test import BaseTestCase


class LogInteractionTestCase(BaseTestCase):
    def setUp(self):
        self.person = self.make_person()
        self.url = f"/people/{self.person.pk}/log/"
        self.login()

    def form(self, **fields) -> dict:
        data = {
            "channel": "email",
            "direction": "out",
            "occurred_at": "2025-03-10T09:30",
            "summary": "Asked for 20 minutes of advice.",
        }
        data.update(fields)
        return data

    def test_it_logs_an_interaction(self):
        r = self.client.post(self.url, self.form(channel="phone", direction="in"))
        self.assertRedirects(r, self.person.get_absolute_url())
        interaction = Interaction.objects.get()
        self.assertEqual(interaction.owner, self.alice)
        self.assertEqual(list(interaction.people.all()), [self.person])
        self.assertEqual(interaction.channel, "phone")
        self.assertEqual(interaction.direction, "in")
        self.assertEqual(interaction.summary, "Asked for 20 minutes of advice.")
        self.assertFalse(interaction.is_outreach)
        self.assertEqual(interaction.occurred_at.isoformat(), "2025-03-10T09:30:00+00:00")

    def test_it_moves_a_listed_person_to_asked_on_outreach(self):
        self.client.post(self.url, self.form(is_outreach="on"))
        self.person.refresh_from_db()
        self.assertEqual(self.person.stage, Stage.ASKED)

    def test_it_leaves_the_stage_without_outreach(self):
        self.client.post(self.url, self.form())
        self.person.refresh_from_db()
        self.assertEqual(self.person.stage, Stage.LISTED)

    def test_it_leaves_the_stage_for_an_inbound_message(self):
        self.client.post(self.url, self.form(direction="in", is_outreach="on"))
        self.person.refresh_from_db()
        self.assertEqual(self.person.stage, Stage.LISTED)

    def test_it_does_not_move_someone_already_met_back(self):
        self.person.stage = Stage.MET
        self.person.save()
        self.client.post(self.url, self.form(is_outreach="on"))
        self.person.refresh_from_db()
        self.assertEqual(self.person.stage, Stage.MET)

    def test_it_refuses_a_bad_form_and_keeps_the_input(self):
        r = self.client.post(
            self.url, self.form(channel="pigeon", summary="Sent a bird with a note")
        )
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, "Select a valid choice", status_code=400)
        self.assertContains(r, "Sent a bird with a note</textarea>", status_code=400)
        # The rest of the page is whole: the favour form still has its fields.
        self.assertContains(r, 'name="what"', status_code=400)
        self.assertFalse(Interaction.objects.exists())

    def test_it_needs_a_date(self):
        r = self.client.post(self.url, self.form(occurred_at=""))
        self.assertEqual(r.status_code, 400)
        self.assertFalse(Interaction.objects.exists())

    def test_it_accepts_post_only(self):
        self.assertEqual(self.client.get(self.url).status_code, 405)

    def test_it_is_a_404_for_another_account(self):
        self.login(self.bob)
        r = self.client.post(self.url, self.form(is_outreach="on"))
        self.assertEqual(r.status_code, 404)
        self.assertFalse(Interaction.objects.exists())
        self.person.refresh_from_db()
        self.assertEqual(self.person.stage, Stage.LISTED)

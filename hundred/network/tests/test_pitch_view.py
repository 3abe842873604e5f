from hundred.network.models import Target, TargetChange
from hundred.test import BaseTestCase

URL = "/target/pitch/"
HTMX = {"HTTP_HX_REQUEST": "true"}
SUGGESTED = (
    "I'm looking for an opportunity to use my financial analysis skills in a non-profit "
    "organisation in the Boston area."
)


class PitchTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def make_full_target(self, **fields):
        return self.make_target(
            skills=["financial analysis"],
            industries=["non-profit"],
            geographies=["Boston"],
            **fields,
        )

    def test_it_suggests_a_pitch_from_the_target(self):
        self.make_full_target()
        r = self.client.get(URL)
        self.assertContains(r, "Your pitch")
        self.assertContains(r, "Use the suggested pitch")
        # The suggestion fills the box until the user saves their own.
        self.assertContains(r, "use my financial analysis skills in a non-profit organisation")
        self.assertContains(r, "ready to say out loud")

    def test_it_sends_me_to_the_target_when_there_is_none(self):
        r = self.client.get(URL)
        self.assertContains(r, "You have not described your target yet")
        self.assertContains(r, 'href="/target/"')
        self.assertContains(r, "Your pitch is empty")
        self.assertNotContains(r, "Use the suggested pitch")

    def test_it_saves_the_pitch(self):
        target = self.make_full_target()
        r = self.client.post(
            URL, {"pitch": "  I want to use my  financial analysis skills.\n", "save": "1"}
        )
        self.assertRedirects(r, URL)
        target.refresh_from_db()
        self.assertEqual(target.pitch, "I want to use my financial analysis skills.")
        change = TargetChange.objects.get(owner=self.alice)
        self.assertEqual(change.snapshot["pitch"], target.pitch)

    def test_it_says_saved_and_shows_the_saved_pitch(self):
        self.make_full_target()
        r = self.client.post(URL, {"pitch": "I analyse budgets.", "save": "1"}, follow=True)
        self.assertContains(r, "Pitch saved.")
        self.assertContains(r, "I analyse budgets.</textarea>")

    def test_it_saves_the_suggested_pitch_from_its_button(self):
        target = self.make_full_target()
        # The browser sends the textarea first and the clicked button's value after it.
        r = self.client.post(URL, {"pitch": ["something else", SUGGESTED]})
        self.assertRedirects(r, URL)
        target.refresh_from_db()
        self.assertEqual(target.pitch, SUGGESTED)

    def test_it_creates_the_target_when_saving_a_pitch_first(self):
        self.client.post(URL, {"pitch": "I analyse budgets.", "save": "1"})
        self.assertEqual(Target.objects.get(owner=self.alice).pitch, "I analyse budgets.")

    def test_it_keeps_no_change_when_the_pitch_is_the_same(self):
        self.make_full_target(pitch=SUGGESTED)
        self.client.post(URL, {"pitch": SUGGESTED, "save": "1"})
        self.assertFalse(TargetChange.objects.filter(owner=self.alice).exists())

    def test_it_shows_warnings_for_a_long_pitch_missing_parts(self):
        self.make_full_target(
            pitch="I am great. I work hard. I like numbers. " + "Really " * 40 + "good."
        )
        r = self.client.get(URL)
        self.assertContains(r, "sentences; keep it to one or two")
        self.assertContains(r, "words; keep it under about 40")
        self.assertContains(r, "doesn&#x27;t name your skills")
        self.assertContains(r, "doesn&#x27;t name your geography")

    def test_it_returns_only_the_warnings_to_htmx(self):
        target = self.make_full_target()
        r = self.client.post(URL, {"pitch": "I want a job."}, **HTMX)
        self.assertEqual(r.status_code, 200)
        body = r.content.decode()
        self.assertTrue(body.strip().startswith('<div id="pitch-warnings"'), body[:80])
        self.assertNotIn("<html", body)
        self.assertNotIn("<form", body)
        self.assertIn("doesn&#x27;t name your industry", body)
        self.assertIn("Suggested from your target", body)
        # Checking is not saving.
        target.refresh_from_db()
        self.assertEqual(target.pitch, "")

    def test_it_says_ready_in_the_htmx_partial_for_a_good_pitch(self):
        self.make_full_target()
        r = self.client.post(URL, {"pitch": SUGGESTED}, **HTMX)
        self.assertContains(r, "ready to say out loud")
        self.assertNotContains(r, 'class="warning"')

    def test_it_saves_from_htmx_when_save_is_sent(self):
        target = self.make_full_target()
        r = self.client.post(URL, {"pitch": SUGGESTED, "save": "1"}, **HTMX)
        self.assertEqual(r.status_code, 302)
        target.refresh_from_db()
        self.assertEqual(target.pitch, SUGGESTED)

    def test_it_refuses_a_pitch_too_long(self):
        r = self.client.post(URL, {"pitch": "x" * 1001, "save": "1"})
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "at most 1000 characters")
        self.assertFalse(Target.objects.filter(owner=self.alice).exists())

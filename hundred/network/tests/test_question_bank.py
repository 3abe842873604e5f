"""The question bank: Hundred's questions on every prep sheet until the account saves its own;
a reset brings the defaults back; a meeting keeps the questions picked for it."""

from datetime import timedelta

from freezegun import freeze_time

from hundred.network import questions
from hundred.network.models import Meeting, QuestionBank
from hundred.test import BaseTestCase

URL = "/settings/questions/"


def bank_form(**groups) -> dict:
    form = {key: "" for key in questions.KEYS}
    form["closing"] = questions.CLOSING
    form.update(groups)
    return form


class QuestionsTestCase(BaseTestCase):
    """The pure part: lines and {area}."""

    def test_lines_drops_blanks_and_repeats(self):
        self.assertEqual(questions.lines(" A?\n\nB?\r\nA?\n  "), ["A?", "B?"])

    def test_the_defaults_fill_every_group_and_end_with_the_article_question(self):
        bank = questions.DEFAULT_BANK
        self.assertEqual(
            [g.title for g in bank.groups],
            ["Trends", "Insights", "Advice", "Resources", "Assignments"],
        )
        self.assertTrue(all(g.questions for g in bank.groups))
        self.assertEqual(bank.closing, "Is there anything I can do for you?")
        # Research, never a job: no default question asks for one.
        for q in bank.all_questions():
            self.assertNotRegex(q.lower(), r"\b(job|opening|hiring|position|vacanc)")

    def test_area_is_filled_in(self):
        filled = questions.DEFAULT_BANK.filled("Boston")
        self.assertIn(
            "Which organisations in Boston are growing, and which are struggling?",
            filled.all_questions(),
        )
        self.assertFalse(any("{area}" in q for q in filled.all_questions()))


@freeze_time("2026-11-02 09:00:00+00:00")
class QuestionBankPageTestCase(BaseTestCase):
    def setUp(self):
        self.login()
        self.maya = self.make_person(stage="scheduled")
        self.meeting = self.make_meeting(self.maya)
        self.prep = f"/meetings/{self.meeting.pk}/"

    def test_the_prep_sheet_offers_hundreds_questions_by_group(self):
        self.make_target(geographies=["Boston"])
        r = self.client.get(self.prep)
        for text in (
            "Questions for 20 minutes of advice",
            "<h3>Trends</h3>",
            "<h3>Insights</h3>",
            "<h3>Advice</h3>",
            "<h3>Resources</h3>",
            "<h3>Assignments</h3>",
            "Which organisations in Boston are growing",
            "Who else should I talk to?",
            "And always end with:</strong> “Is there anything I can do for you?”",
        ):
            self.assertContains(r, text)

    def test_the_settings_page_shows_the_defaults_and_says_so(self):
        r = self.client.get(URL)
        self.assertContains(r, "You are using Hundred’s questions")
        self.assertContains(r, "Who else should I talk to? May I use your name")
        self.assertNotContains(r, "Reset to Hundred’s questions")
        self.assertContains(self.client.get("/accounts/settings/"), URL)

    def test_my_own_list_replaces_the_defaults_on_every_prep_sheet(self):
        r = self.client.post(
            URL,
            bank_form(
                trends="What changed in grant funding this year?\n\n",
                resources="Which foundations in {area} should I know?",
                closing="How can I return the favour?",
            ),
        )
        self.assertRedirects(r, URL)
        own = QuestionBank.objects.get(owner=self.alice)
        self.assertEqual(own.groups["trends"], ["What changed in grant funding this year?"])
        self.assertEqual(own.groups["advice"], [])
        prep = self.client.get(self.prep)
        self.assertContains(prep, "What changed in grant funding this year?")
        self.assertContains(prep, "Which foundations in my area should I know?")
        self.assertContains(prep, "How can I return the favour?")
        self.assertNotContains(prep, "Who else should I talk to?")
        self.assertNotContains(prep, "<h3>Advice</h3>")  # an empty group is left out
        held = self.make_meeting(self.maya, starts_at=self.meeting.starts_at - timedelta(days=7))
        debrief = self.client.get(f"/meetings/{held.pk}/debrief/")
        self.assertContains(debrief, "How can I return the favour?")
        # Only alice's: bob still has Hundred's.
        self.assertEqual(QuestionBank.objects.bank_for(self.bob), questions.DEFAULT_BANK)

    def test_a_reset_brings_the_defaults_back(self):
        self.client.post(URL, bank_form(trends="Mine?"))
        self.assertContains(self.client.get(URL), "Reset to Hundred’s questions")
        r = self.client.post(URL, {"reset": "1"})
        self.assertRedirects(r, URL)
        self.assertFalse(QuestionBank.objects.filter(owner=self.alice).exists())
        self.assertContains(self.client.get(self.prep), "Who else should I talk to?")

    def test_it_refuses_an_empty_bank_and_an_empty_closing(self):
        r = self.client.post(URL, bank_form(closing=""))
        self.assertContains(r, "Keep at least one question")
        self.assertContains(r, "This field is required")
        self.assertFalse(QuestionBank.objects.exists())

    def test_it_refuses_an_overlong_question(self):
        r = self.client.post(URL, bank_form(insights="x" * 301))
        self.assertContains(r, "Keep each question under 300 characters.")
        self.assertFalse(QuestionBank.objects.exists())

    def test_a_meeting_keeps_the_questions_picked_for_it(self):
        picked = "What would you do in my place? What am I not seeing?"
        r = self.client.post(
            f"/meetings/{self.meeting.pk}/questions/",
            {"question": [picked], "own": "How did the merger change your team?\n"},
        )
        self.assertRedirects(r, self.prep, fetch_redirect_response=False)
        self.meeting.refresh_from_db()
        self.assertEqual(
            self.meeting.questions_list, [picked, "How did the merger change your team?"]
        )
        prep = self.client.get(self.prep)
        self.assertContains(prep, "My questions for these 20 minutes")
        self.assertContains(prep, f'value="{picked}" checked')
        self.assertContains(prep, "How did the merger change your team?</textarea>")

    def test_another_account_cannot_pick_questions_for_my_meeting(self):
        self.login(self.bob)
        r = self.client.post(f"/meetings/{self.meeting.pk}/questions/", {"question": ["Hm?"]})
        self.assertEqual(r.status_code, 404)
        self.assertEqual(Meeting.objects.get(pk=self.meeting.pk).questions, "")

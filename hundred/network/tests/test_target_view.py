from hundred.network.models import Target, TargetChange
from hundred.test import BaseTestCase

URL = "/target/"


def form(**fields) -> dict:
    data = {
        "skills": "",
        "industries": "",
        "company_kinds": "",
        "work_environment": "",
        "geographies": "",
    }
    data.update(fields)
    return data


FULL = form(
    skills="financial analysis\nbudgeting",
    industries="non-profit",
    company_kinds="mid-sized",
    work_environment="small teams",
    geographies="Boston",
)


class TargetTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def test_it_shows_the_form_with_every_field_labelled(self):
        r = self.client.get(URL)
        self.assertContains(r, "What you are looking for")
        for name in ("skills", "industries", "company_kinds", "work_environment", "geographies"):
            self.assertContains(r, f'for="id_{name}"')

    def test_it_saves_the_lists(self):
        r = self.client.post(
            URL,
            form(
                skills="financial analysis\n\n  budgeting  \nFinancial Analysis",
                industries="non-profit; healthcare",
                geographies="Boston",
            ),
        )
        self.assertRedirects(r, URL)
        target = Target.objects.get(owner=self.alice)
        self.assertEqual(target.skills, ["financial analysis", "budgeting"])
        self.assertEqual(target.industries, ["non-profit", "healthcare"])
        self.assertEqual(target.company_kinds, [])
        self.assertEqual(target.geographies, ["Boston"])

    def test_it_keeps_a_dated_change_when_something_changed(self):
        self.client.post(URL, form(skills="budgeting"))
        change = TargetChange.objects.get(owner=self.alice)
        self.assertEqual(change.snapshot["skills"], ["budgeting"])
        self.assertIsNotNone(change.created_at)

        self.client.post(URL, form(skills="budgeting", geographies="Boston"))
        self.assertEqual(TargetChange.objects.filter(owner=self.alice).count(), 2)

        r = self.client.get(URL)
        self.assertContains(r, "How your target changed")
        self.assertContains(r, "Boston")

    def test_it_keeps_no_change_when_nothing_changed(self):
        self.client.post(URL, form(skills="budgeting", geographies="Boston"))
        # The same values, spaced and repeated differently, are the same target.
        self.client.post(URL, form(skills="  budgeting\n", geographies="Boston\nboston"))
        self.assertEqual(TargetChange.objects.filter(owner=self.alice).count(), 1)

    def test_it_shows_completeness_and_the_homework_prompt_while_incomplete(self):
        self.make_target(skills=["budgeting"], geographies=["Boston"])
        r = self.client.get(URL)
        self.assertContains(r, "Your target is 40% complete")
        self.assertContains(r, "In what industry?")
        self.assertContains(r, "do a bit more homework")
        self.assertNotContains(r, "What geography?")

    def test_it_shows_the_homework_prompt_without_a_target(self):
        r = self.client.get(URL)
        self.assertContains(r, "Your target is 0% complete")
        self.assertContains(r, "do a bit more homework")

    def test_it_says_complete_when_complete(self):
        self.client.post(URL, FULL)
        r = self.client.get(URL)
        self.assertContains(r, "Your target is 100% complete")
        self.assertNotContains(r, "do a bit more homework")
        # And suggests a pitch from it.
        self.assertContains(r, "financial analysis and budgeting skills")

    def test_it_refuses_a_value_too_long_and_saves_nothing(self):
        r = self.client.post(URL, form(skills="x" * 2001))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Ensure this value has at most 2000 characters")
        self.assertFalse(Target.objects.filter(owner=self.alice).exists())

    def test_it_shows_only_my_own_target(self):
        self.make_target(owner=self.bob, skills=["welding"])
        r = self.client.get(URL)
        self.assertNotContains(r, "welding")
        self.assertContains(r, "Your target is 0% complete")

    def test_it_names_each_part_in_the_history(self):
        self.client.post(URL, FULL)
        self.client.post("/target/pitch/", {"pitch": "I analyse budgets.", "save": "1"})
        r = self.client.get(URL)
        self.assertContains(r, "<strong>Kinds of organisation</strong>: mid-sized")
        self.assertContains(r, "<strong>Work environment</strong>: small teams")
        self.assertContains(r, "<strong>Skills</strong>: financial analysis, budgeting")
        self.assertContains(r, "<strong>Pitch</strong>: “I analyse budgets.”")
        # Empty parts are left out, with no separator dangling after the last one.
        self.client.post(URL, form(skills="budgeting"))
        r = self.client.get(URL)
        self.assertContains(r, "<strong>Skills</strong>: budgeting</li>")

from datetime import UTC, date, datetime

from freezegun import freeze_time

from hundred.network.models import Company, Favour, FollowUp, Meeting, Person
from hundred.test import BaseTestCase


def debrief_form(**rows) -> dict:
    form = {"advice": "", "notes": ""}
    form.update(rows)
    return form


class ScheduleMeetingTestCase(BaseTestCase):
    clock = freeze_time("2026-11-02 09:00:00+00:00")

    def setUp(self):
        self.login()
        self.maya = self.make_person(stage="asked")

    def test_it_books_a_meeting_in_the_account_zone_and_moves_the_person_to_scheduled(self):
        self.alice.time_zone = "America/New_York"
        self.alice.save(update_fields=["time_zone"])
        pending = self.make_followup(self.maya, due_on=date(2026, 11, 9), reason="no_reply")
        r = self.client.post(
            f"/people/{self.maya.pk}/meet/",
            {"starts_at": "2026-11-04T10:00", "duration_minutes": "20", "place": "Café Nero"},
        )
        meeting = Meeting.objects.get(person=self.maya)
        self.assertRedirects(r, f"/meetings/{meeting.pk}/", fetch_redirect_response=False)
        self.assertEqual(meeting.starts_at, datetime(2026, 11, 4, 15, tzinfo=UTC))
        self.assertEqual((meeting.duration_minutes, meeting.place), (20, "Café Nero"))
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, "scheduled")
        pending.refresh_from_db()
        self.assertEqual(pending.state, "skipped")

    def test_the_length_defaults_to_twenty_minutes(self):
        r = self.client.get(f"/people/{self.maya.pk}/meet/")
        self.assertContains(r, 'value="20"')

    def test_the_prep_sheet_has_what_the_article_asks_for(self):
        northwind = self.make_company(notes="Runs the food bank's books.")
        dana = self.make_person("Dana", "Reyes")
        self.maya.company = northwind
        self.maya.title = "Controller"
        self.maya.introduced_by = dana
        self.maya.save()
        self.make_target(
            skills=["financial analysis"],
            geographies=["Boston"],
            pitch="I'm looking for an opportunity to use my financial analysis skills.",
        )
        meeting = self.make_meeting(self.maya)
        r = self.client.get(f"/meetings/{meeting.pk}/")
        for text in [
            "Controller",
            "Northwind Analytics",
            "Runs the food bank&#x27;s books.",
            "Introduced by",
            "Dana Reyes",
            "financial analysis skills",
            "Boston",
            "Who else should I talk to?",
            "not for a job",
            "Is there anything I can do for you?",
        ]:
            self.assertContains(r, text)


class PrepSheetPitchTestCase(BaseTestCase):
    """The prep sheet says the same pitch as /target/, `hundred pitch` and the composer."""

    clock = freeze_time("2026-11-02 09:00:00+00:00")

    def setUp(self):
        self.login()
        self.maya = self.make_person(stage="asked")

    def test_with_the_pitch_skipped_it_shows_the_suggested_one_on_the_page_and_the_api(self):
        target = self.make_target(
            skills=["financial analysis"], industries=["health care"], geographies=["Boston"]
        )
        suggested = target.suggested_pitch()
        self.assertTrue(suggested)
        # Booked through the page, as the job seeker does: the snapshot is the suggested pitch.
        self.client.post(
            f"/people/{self.maya.pk}/meet/",
            {"starts_at": "2026-11-04T10:00", "duration_minutes": "20", "place": ""},
        )
        meeting = Meeting.objects.get(person=self.maya)
        self.assertEqual(meeting.pitch_snapshot, suggested)
        r = self.client.get(f"/meetings/{meeting.pk}/")
        self.assertContains(r, "financial analysis")
        self.assertNotContains(r, "No pitch yet")
        prep = self.client.get(f"/api/v1/meetings/{meeting.pk}/prep/").json()
        self.assertEqual(prep["pitch"], suggested)

    def test_a_saved_pitch_wins_and_with_no_target_at_all_it_says_to_write_one(self):
        meeting = self.make_meeting(self.maya)
        self.assertContains(self.client.get(f"/meetings/{meeting.pk}/"), "No pitch yet")
        self.make_target(skills=["financial analysis"], pitch="Finance for clinics.")
        r = self.client.get(f"/meetings/{meeting.pk}/")
        self.assertContains(r, "Finance for clinics.")
        self.assertNotContains(r, "No pitch yet")


class DebriefTestCase(BaseTestCase):
    clock = freeze_time("2026-11-06 17:00:00+00:00")

    def setUp(self):
        self.login()
        self.maya = self.make_person(stage="scheduled")
        self.meeting = self.make_meeting(self.maya, starts_at=datetime(2026, 11, 6, 10, tzinfo=UTC))
        self.url = f"/meetings/{self.meeting.pk}/debrief/"

    def test_it_turns_names_companies_and_favours_into_records(self):
        self.make_company("Harbor Light")
        r = self.client.post(
            self.url,
            debrief_form(
                advice="Look at mid-size non-profits.",
                name_0="Ann Lee",
                name_0_company="Harbor Light",
                name_0_title="CFO",
                name_0_reach="ann@harbor.org",
                name_0_note="Say Maya sent you",
                name_1="Tom Park",
                name_1_reach="+1 617 555 0100",
                company_0="harbor light",
                company_1="Greenway Trust",
                company_1_target="on",
                favour_0="Read her nephew's CV",
                favour_0_due="2026-11-13",
            ),
        )
        self.assertRedirects(r, f"/people/{self.maya.pk}/", fetch_redirect_response=False)
        ann = Person.objects.get(first_name="Ann", last_name="Lee")
        self.assertEqual(
            (ann.source, ann.how_known, ann.stage, ann.introduced_by, ann.introduced_at),
            ("introduced", "introduced", "listed", self.maya, self.meeting),
        )
        self.assertEqual(
            (ann.company.name, ann.title, ann.emails), ("Harbor Light", "CFO", ["ann@harbor.org"])
        )
        self.assertEqual(ann.notes, "Say Maya sent you")
        tom = Person.objects.get(first_name="Tom")
        self.assertEqual((tom.phones, tom.emails), (["+1 617 555 0100"], []))
        # Linked case-insensitively, never duplicated; a new one created and marked a target.
        self.assertEqual(Company.objects.filter(name__iexact="harbor light").count(), 1)
        self.assertTrue(Company.objects.get(name="Greenway Trust").is_target)
        self.assertEqual(
            sorted(c.name for c in self.meeting.companies_mentioned.all()),
            ["Greenway Trust", "Harbor Light"],
        )
        favour = Favour.objects.get(person=self.maya)
        self.assertEqual(
            (favour.direction, favour.state, favour.due_on, favour.meeting),
            ("they_asked", "promised", date(2026, 11, 13), self.meeting),
        )
        self.assertEqual(
            FollowUp.objects.get(favour=favour, reason="favour").due_on, date(2026, 11, 13)
        )
        self.maya.refresh_from_db()
        self.meeting.refresh_from_db()
        self.assertEqual(self.maya.stage, "met")
        self.assertIsNotNone(self.meeting.debriefed_at)
        self.assertEqual(self.meeting.advice, "Look at mid-size non-profits.")
        self.assertEqual(
            FollowUp.objects.get(person=self.maya, reason="thank_you").due_on, date(2026, 11, 9)
        )

    def test_it_refuses_a_row_without_a_name(self):
        r = self.client.post(self.url, debrief_form(name_0_company="Harbor Light"))
        self.assertContains(r, "Give a name for this row")
        self.assertEqual(Person.objects.count(), 1)
        self.meeting.refresh_from_db()
        self.assertIsNone(self.meeting.debriefed_at)

    def test_a_second_save_adds_names_without_a_second_thank_you(self):
        self.client.post(self.url, debrief_form(name_0="Ann Lee"))
        self.client.post(self.url, debrief_form(name_0="Tom Park"))
        self.assertEqual(self.maya.introduced.count(), 2)
        self.assertEqual(FollowUp.objects.filter(reason="thank_you").count(), 1)

    def test_it_shows_the_owed_debrief_on_today_until_written(self):
        self.assertContains(self.client.get("/"), "Debrief your meeting with Maya Okafor")
        self.client.post(self.url, debrief_form(advice="Try the Trust."))
        self.assertNotContains(self.client.get("/"), "Debrief your meeting with")

    def test_it_refuses_a_debrief_before_the_meeting_starts(self):
        ahead = self.make_meeting(self.maya, starts_at=datetime(2026, 11, 9, 15, tzinfo=UTC))
        url = f"/meetings/{ahead.pk}/debrief/"
        page = self.client.get(url)
        self.assertContains(page, "This meeting starts on Monday 9 November 2026, 15:00")
        self.assertNotContains(page, "Save the debrief")
        r = self.client.post(
            url, debrief_form(advice="Too soon", name_0="Ann Lee", favour_0="Read her CV")
        )
        self.assertContains(r, "write the debrief after it")
        self.assertContains(r, "Too soon")  # what was typed is kept
        ahead.refresh_from_db()
        self.maya.refresh_from_db()
        self.assertEqual(
            (ahead.debriefed_at, ahead.advice, self.maya.stage), (None, "", "scheduled")
        )
        self.assertEqual((Person.objects.count(), Favour.objects.count()), (1, 0))
        self.assertFalse(FollowUp.objects.exists())

    def test_the_refusal_speaks_the_account_time_zone(self):
        self.alice.time_zone = "Asia/Tokyo"
        self.alice.save(update_fields=["time_zone"])
        ahead = self.make_meeting(self.maya, starts_at=datetime(2026, 11, 9, 15, tzinfo=UTC))
        page = self.client.get(f"/meetings/{ahead.pk}/debrief/")
        self.assertContains(page, "Tuesday 10 November 2026, 00:00")

    def test_a_meeting_that_has_started_can_be_debriefed(self):
        started = self.make_meeting(self.maya, starts_at=datetime(2026, 11, 6, 16, 59, tzinfo=UTC))
        r = self.client.post(f"/meetings/{started.pk}/debrief/", debrief_form(advice="Go on."))
        self.assertEqual(r.status_code, 302)

    def test_it_refuses_a_debrief_of_a_cancelled_meeting(self):
        from hundred.network.actions.meetings import do_cancel_meeting

        do_cancel_meeting(self.alice, self.meeting)
        self.assertContains(self.client.get(self.url), "This meeting was cancelled")
        r = self.client.post(self.url, debrief_form(advice="Hm"))
        self.assertContains(r, "This meeting was cancelled")
        self.meeting.refresh_from_db()
        self.assertIsNone(self.meeting.debriefed_at)

    def test_it_records_favours_both_ways(self):
        r = self.client.post(
            self.url,
            debrief_form(
                favour_0="Read her nephew's CV",
                favour_0_due="2026-11-13",
                offer_0="Send the budgeting article",
                offer_0_due="2026-11-10",
                offer_1="Introduce her to Tom",
            ),
        )
        self.assertEqual(r.status_code, 302)
        got = {
            f.what: (f.direction, f.state, f.due_on, f.meeting)
            for f in Favour.objects.filter(person=self.maya)
        }
        self.assertEqual(
            got,
            {
                "Read her nephew's CV": (
                    "they_asked",
                    "promised",
                    date(2026, 11, 13),
                    self.meeting,
                ),
                "Send the budgeting article": (
                    "i_offered",
                    "promised",
                    date(2026, 11, 10),
                    self.meeting,
                ),
                "Introduce her to Tom": ("i_offered", "promised", None, self.meeting),
            },
        )
        # Each lands in Today on its date: the article's on Tuesday 10 November, and the one
        # without a date five business days on (Friday 13 November).
        due = {f.note: f.due_on for f in FollowUp.objects.filter(reason="favour")}
        self.assertEqual(
            due,
            {
                "Read her nephew's CV": date(2026, 11, 13),
                "Send the budgeting article": date(2026, 11, 10),
                "Introduce her to Tom": date(2026, 11, 13),
            },
        )
        with freeze_time("2026-11-10 12:00:00+00:00"):
            today = self.client.get("/").content.decode()
        followups = today.split('id="followups"')[1].split("</ul>")[0]
        self.assertIn("Send the budgeting article", followups)
        self.assertNotIn("Read her nephew", followups)
        self.assertIn("I offered <a", today)
        self.assertIn("</a> asked me: Read her nephew&#x27;s CV", today)

    def test_the_debrief_asks_the_closing_question_both_ways(self):
        r = self.client.get(self.url)
        self.assertContains(r, "“Is there anything I can do for you?”")
        self.assertContains(r, "What Maya asked of me")
        self.assertContains(r, "What I offered Maya")
        self.assertContains(r, 'name="offer_0"')

    def test_an_offer_needs_its_words(self):
        r = self.client.post(self.url, debrief_form(offer_1_due="2026-11-10"))
        self.assertContains(r, "Say what you offered, or clear the date.")
        self.assertFalse(Favour.objects.exists())

    def test_an_impossible_date_is_shown_beside_its_field_and_nothing_is_saved(self):
        for field, value in (("favour_0_due", "2026-02-30"), ("offer_0_due", "tomorrow")):
            with self.subTest(field=field):
                what = field.removesuffix("_due")
                r = self.client.post(
                    self.url,
                    debrief_form(advice="Talk to data teams", **{what: "Intro", field: value}),
                )
                self.assertContains(r, f"“{value}” is not a date")
                # The input points to the error, and the error is there with that id.
                self.assertContains(r, f'aria-describedby="id_{field}_error"')
                self.assertContains(r, f'id="id_{field}_error"')
                self.assertContains(r, f'value="{value}"')
                self.assertContains(r, 'value="Intro"')
                self.assertFalse(Favour.objects.exists())
                self.meeting.refresh_from_db()
                self.assertIsNone(self.meeting.debriefed_at)

    def test_a_company_name_too_long_is_shown_beside_its_field(self):
        r = self.client.post(self.url, debrief_form(company_0="C" * 201))
        self.assertContains(r, 'id="id_company_0_error"')
        self.assertFalse(Company.objects.exists())


@freeze_time("2026-11-06 17:00:00+00:00")
class GiveBackWordingTestCase(BaseTestCase):
    def test_it_says_who_asked_and_who_offered(self):
        self.login()
        maya = self.make_person()
        self.make_favour(maya, direction="they_asked", what="Read her CV")
        self.make_favour(maya, direction="i_offered", what="Send the article")
        self.make_favour(maya, direction="they_did", what="Sent me three names", state="done")
        page = self.client.get("/give-back/").content.decode()
        self.assertNotIn("i offered", page)
        link = f'<a href="/people/{maya.pk}/">Maya Okafor</a>'
        self.assertIn(f"{link} asked me: Read her CV", page)
        self.assertIn(f"I offered {link}: Send the article", page)
        self.assertIn(f"{link} did for me: Sent me three names", page)
        timeline = self.client.get(f"/people/{maya.pk}/").content.decode()
        self.assertNotIn("i offered", timeline)
        self.assertIn("I offered Maya Okafor: Send the article", timeline)


class DebriefNameAlreadyListedTestCase(BaseTestCase):
    """A name given that is someone already on the list is linked, not added twice: the
    import's rules say who is who (profile, e-mail, then name and company)."""

    clock = freeze_time("2026-11-06 17:00:00+00:00")

    def setUp(self):
        self.login()
        self.maya = self.make_person(stage="scheduled")
        self.meeting = self.make_meeting(self.maya, starts_at=datetime(2026, 11, 6, 10, tzinfo=UTC))
        self.url = f"/meetings/{self.meeting.pk}/debrief/"
        self.pat = self.make_person(
            "Pat",
            "O'Neil",
            emails=[],
            company=self.make_company("@Home Co"),
            source="linkedin",
            linkedin_url="https://www.linkedin.com/in/pat-oneil",
        )

    def test_the_same_name_and_company_links_the_person_already_there(self):
        r = self.client.post(
            self.url,
            debrief_form(
                name_0="Pat O'Neil",
                name_0_company="@Home Co",
                name_0_reach="pat@home.example",
                name_0_note="Runs their data team",
                name_1="Ann Lee",
            ),
            follow=True,
        )
        self.assertContains(r, "1 new name on your list.")
        self.assertContains(r, "Pat O&#x27;Neil was already on your list: linked, not added again.")
        self.assertEqual(Person.objects.filter(first_name="Pat").count(), 1)
        self.pat.refresh_from_db()
        self.assertEqual(self.pat.emails, ["pat@home.example"])
        self.assertEqual(self.pat.notes, "Runs their data team")
        self.assertEqual(
            (self.pat.introduced_by, self.pat.introduced_at), (self.maya, self.meeting)
        )
        # Still the person LinkedIn brought, where they were.
        self.assertEqual((self.pat.source, self.pat.stage), ("linkedin", "listed"))
        self.assertContains(self.client.get(self.url), f'href="/people/{self.pat.pk}/"')

    def test_the_name_matches_as_an_import_would_spelled_otherwise(self):
        self.client.post(self.url, debrief_form(name_0="pat oneil", name_0_company="@home co."))
        self.assertEqual(Person.objects.filter(first_name__iexact="Pat").count(), 1)

    def test_an_e_mail_on_the_list_is_that_person_and_another_profile_is_someone_else(self):
        ann = self.make_person("Ann", "Lee", emails=["ann@harbor.org"])
        self.client.post(
            self.url,
            debrief_form(
                name_0="Ann Lee-Park",
                name_0_reach="Ann@Harbor.org",
                name_1="Pat O'Neil",
                name_1_company="@Home Co",
                name_1_reach="https://www.linkedin.com/in/another-pat",
            ),
        )
        self.assertEqual(Person.objects.filter(first_name="Ann").count(), 1)
        ann.refresh_from_db()
        self.assertEqual(ann.introduced_by, self.maya)
        other = Person.objects.get(first_name="Pat", source="introduced")
        self.assertEqual(other.linkedin_url, "https://www.linkedin.com/in/another-pat")
        self.assertEqual(other.phones, [])

    def test_the_same_profile_is_that_person_whatever_the_name_given(self):
        # Matching reads only the people who could be a name given (actions/meetings.py): a
        # profile is one of the ways in, even under a name that shares no word with theirs.
        self.client.post(
            self.url,
            debrief_form(
                name_0="P. Smith", name_0_reach="https://linkedin.com/in/Pat-ONeil/?trk=x"
            ),
        )
        self.assertFalse(Person.objects.filter(last_name="Smith").exists())
        self.pat.refresh_from_db()
        self.assertEqual(self.pat.introduced_by, self.maya)

    def test_someone_who_led_to_them_is_not_made_introduced_by_them(self):
        self.maya.introduced_by = self.pat
        self.maya.save()
        self.client.post(self.url, debrief_form(name_0="Pat O'Neil", name_0_company="@Home Co"))
        self.pat.refresh_from_db()
        self.assertIsNone(self.pat.introduced_by)
        self.assertEqual(Person.objects.filter(first_name="Pat").count(), 1)

    def test_a_reach_that_is_no_address_is_refused_beside_its_field(self):
        r = self.client.post(
            self.url,
            debrief_form(
                name_0="Pat O'Neil", name_0_company="@Home Co", name_0_reach="not-a-reach"
            ),
        )
        self.assertContains(r, "“not-a-reach” is not an e-mail address, a phone number or a web")
        self.assertContains(r, 'id="id_name_0_reach_error"')
        self.assertContains(r, 'value="not-a-reach"')
        self.pat.refresh_from_db()
        self.assertEqual(self.pat.phones, [])
        self.meeting.refresh_from_db()
        self.assertIsNone(self.meeting.debriefed_at)

    def test_the_api_links_too_and_refuses_a_reach_that_is_no_address(self):
        url = f"/api/v1/meetings/{self.meeting.pk}/debrief/"
        bad = {"names": [{"name": "Pat O'Neil", "company": "@Home Co", "reach": "not-a-reach"}]}
        r = self.client.post(url, bad, content_type="application/json")
        self.assertEqual(r.status_code, 422, r.content)
        self.assertIn("not-a-reach", r.content.decode())
        good = {
            "names": [{"name": "Pat O'Neil", "company": "@Home Co", "reach": "+1 617 555 0100"}]
        }
        r = self.client.post(url, good, content_type="application/json")
        self.assertEqual(r.status_code, 200, r.content)
        self.assertEqual((r.json()["new_people"], r.json()["linked_people"]), ([], [self.pat.pk]))
        self.pat.refresh_from_db()
        self.assertEqual(self.pat.phones, ["+1 617 555 0100"])

from urllib.parse import parse_qs, unquote, urlsplit

from hundred.network.models import Interaction, Person, Stage
from hundred.test import BaseTestCase

JOB_ASK = "Hi Maya,\n\nDo you know of any openings on your team?\n\nThanks, alice"
CLEAN = (
    "Hi Maya,\n\nIt's been a while since we worked together. I'm looking for an opportunity "
    "to use my financial analysis skills in a non-profit organisation in the Boston area.\n\n"
    "Could I have 15–20 minutes of your advice, and the names of people I should talk to?\n\n"
    "Thank you,\nalice"
)
PITCH = (
    "I'm looking for an opportunity to use my financial analysis skills in a non-profit "
    "organisation in the Boston area."
)


def compose_url(person: Person) -> str:
    return f"/people/{person.pk}/compose/"


class ComposeBase(BaseTestCase):
    def setUp(self):
        self.login()
        self.maya = self.make_person("Maya", "Okafor", how_known="colleague")

    def full_target(self, **fields):
        fields.setdefault("pitch", PITCH)
        return self.make_target(
            skills=["financial analysis"],
            industries=["non-profit"],
            company_kinds=["mid-sized"],
            work_environment=["small teams"],
            geographies=["Boston"],
            **fields,
        )


class ComposeOneTestCase(ComposeBase):
    def test_it_fills_the_placeholders_for_one_person(self):
        self.full_target()
        r = self.client.get(compose_url(self.maya))
        self.assertContains(r, "for 15–20 minutes</h1>")
        body = r.context["form"].initial["body"]
        self.assertTrue(body.startswith("Hi Maya,\n\nIt's been a while since we worked together."))
        self.assertIn(PITCH, body)
        self.assertTrue(body.endswith("Thank you,\nalice"))
        self.assertNotIn("{", body)
        self.assertEqual(r.context["form"].initial["subject"], "15–20 minutes of your advice?")
        self.assertEqual(r.context["form"].initial["channel"], "email")
        # The default template passes the checker.
        self.assertContains(r, "Clean: a short ask")

    def test_it_uses_my_name_when_i_have_one(self):
        self.alice.name = "Alice Smith"
        self.alice.save()
        r = self.client.get(compose_url(self.maya))
        self.assertTrue(r.context["form"].initial["body"].endswith("Alice Smith"))

    def test_it_names_the_introducer(self):
        tom = self.make_person("Tom", "Baker")
        ann = self.make_person("Ann", "Lee", how_known="introduced", introduced_by=tom)
        r = self.client.get(compose_url(ann))
        body = r.context["form"].initial["body"]
        self.assertIn("Hi Ann,", body)
        self.assertIn("Tom Baker suggested I get in touch with you.", body)

    def test_it_uses_a_chosen_default_template(self):
        r = self.client.get(compose_url(self.maya) + "?template=linkedin")
        self.assertEqual(r.context["form"].initial["channel"], "linkedin")
        self.assertEqual(r.context["form"].initial["subject"], "")
        self.assertTrue(r.context["form"].initial["body"].startswith("Hi Maya, "))
        self.assertContains(r, 'aria-current="true">LinkedIn note</a>')

    def test_it_uses_my_own_template(self):
        from hundred.network.models import OutreachTemplate

        t = OutreachTemplate.objects.create(
            owner=self.alice, name="Short", channel="text", body="{first_name}: 15 minutes?"
        )
        r = self.client.get(compose_url(self.maya) + f"?template=t{t.pk}")
        self.assertEqual(r.context["form"].initial["body"], "Maya: 15 minutes?")
        self.assertEqual(r.context["form"].initial["channel"], "text")

    def test_it_does_not_offer_another_accounts_template(self):
        from hundred.network.models import OutreachTemplate

        t = OutreachTemplate.objects.create(owner=self.bob, name="Bob's", body="Bob {first_name}")
        r = self.client.get(compose_url(self.maya) + f"?template=t{t.pk}")
        self.assertNotContains(r, "Bob&#x27;s")
        self.assertNotIn("Bob", r.context["form"].initial["body"])

    def test_it_reminds_me_when_the_target_is_incomplete_and_there_is_no_pitch(self):
        r = self.client.get(compose_url(self.maya))
        self.assertContains(r, "do a bit more homework")
        self.assertContains(r, "Finish your target")
        self.assertContains(r, "You have no pitch yet")

    def test_it_does_not_remind_me_when_target_and_pitch_are_done(self):
        self.full_target()
        r = self.client.get(compose_url(self.maya))
        self.assertNotContains(r, "do a bit more homework")
        self.assertNotContains(r, "You have no pitch yet")

    def test_it_counts_a_suggested_pitch_as_a_pitch(self):
        self.full_target(pitch="")
        r = self.client.get(compose_url(self.maya))
        self.assertNotContains(r, "You have no pitch yet")
        self.assertIn(
            "use my financial analysis skills in a mid-sized non-profit organisation in the "
            "Boston area. I do my best work in small teams.",
            r.context["form"].initial["body"],
        )

    def test_it_refuses_a_job_ask_and_shows_the_findings(self):
        r = self.client.post(
            compose_url(self.maya), {"channel": "email", "subject": "Hello", "body": JOB_ASK}
        )
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "This message asks for a job")
        self.assertContains(r, "record it anyway")
        self.assertContains(r, 'name="send_anyway"')
        self.assertContains(r, "<strong>Job ask:</strong>")
        self.assertContains(
            r, '<mark class="finding-job_ask">know of any openings on your team</mark>'
        )
        self.assertFalse(Interaction.objects.exists())
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, Stage.LISTED)

    def test_it_records_a_job_ask_when_told_to(self):
        r = self.client.post(
            compose_url(self.maya),
            {"channel": "email", "subject": "Hello", "body": JOB_ASK, "send_anyway": "on"},
        )
        self.assertRedirects(r, "/outreach/sent/", fetch_redirect_response=False)
        self.assertEqual(Interaction.objects.filter(owner=self.alice).count(), 1)
        # Kept for a coach's dashboard: the share of outreach flagged as a job ask.
        self.assertTrue(Interaction.objects.get(owner=self.alice).asks_for_job)

    def test_it_records_a_clean_message(self):
        r = self.client.post(
            compose_url(self.maya),
            {"channel": "email", "subject": "15 minutes?", "body": CLEAN, "send": "copy"},
        )
        self.assertRedirects(r, "/outreach/sent/", fetch_redirect_response=False)
        interaction = Interaction.objects.get(owner=self.alice)
        self.assertTrue(interaction.is_outreach)
        self.assertEqual(interaction.direction, "out")
        self.assertEqual(interaction.channel, "email")
        self.assertFalse(interaction.asks_for_job)
        self.assertEqual(list(interaction.people.all()), [self.maya])
        self.assertEqual(interaction.summary, f"15 minutes?\n\n{CLEAN}")
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, Stage.ASKED)

    def test_it_records_the_channel_chosen(self):
        self.client.post(compose_url(self.maya), {"channel": "phone", "body": CLEAN})
        self.assertEqual(Interaction.objects.get(owner=self.alice).channel, "phone")

    def test_it_leaves_a_person_already_met_at_met(self):
        self.maya.stage = Stage.MET
        self.maya.save()
        self.client.post(compose_url(self.maya), {"channel": "email", "body": CLEAN})
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, Stage.MET)

    def test_it_refuses_an_empty_message(self):
        r = self.client.post(compose_url(self.maya), {"channel": "email", "body": ""})
        self.assertContains(r, "Write a message first.")
        self.assertNotContains(r, "record it anyway")
        self.assertFalse(Interaction.objects.exists())

    def test_it_refuses_a_message_of_spaces_and_line_breaks(self):
        r = self.client.post(compose_url(self.maya), {"channel": "email", "body": " \n\t\n "})
        self.assertContains(r, "Write a message first.")
        self.assertFalse(Interaction.objects.exists())

    def test_it_refuses_placeholders_that_fill_to_nothing(self):
        # No pitch yet: "{pitch}" alone fills to an empty message.
        r = self.client.post(compose_url(self.maya), {"channel": "email", "body": "{pitch}"})
        self.assertContains(r, "Write a message first.")
        self.assertFalse(Interaction.objects.exists())

    def test_it_records_a_clean_message_with_no_subject(self):
        r = self.client.post(
            compose_url(self.maya),
            {"channel": "email", "subject": "", "body": CLEAN, "send": "copy"},
        )
        self.assertEqual(r.status_code, 302)
        self.assertTrue(Interaction.objects.exists())

    def test_it_warns_when_a_linkedin_note_is_too_long(self):
        body = "Is your team hiring? " + "x " * 190
        r = self.client.post(compose_url(self.maya), {"channel": "linkedin", "body": body})
        self.assertContains(r, "LinkedIn note: 400 characters — over 300, too long for LinkedIn")

    def test_it_404s_for_another_accounts_person(self):
        self.login(self.bob)
        r = self.client.get(compose_url(self.maya))
        self.assertEqual(r.status_code, 404)
        r = self.client.post(compose_url(self.maya), {"channel": "email", "body": CLEAN})
        self.assertEqual(r.status_code, 404)
        self.assertFalse(Interaction.objects.exists())


class ComposeSeveralTestCase(ComposeBase):
    def setUp(self):
        super().setUp()
        self.tom = self.make_person("Tom", "Baker", how_known="neighbour", emails=[])

    def url(self, *people: Person) -> str:
        return "/people/compose/?" + "&".join(f"ids={p.pk}" for p in people)

    def test_it_keeps_the_placeholders_for_several(self):
        r = self.client.get(self.url(self.maya, self.tom))
        self.assertContains(r, "Maya Okafor</a> and <a")
        body = r.context["form"].initial["body"]
        self.assertIn("{first_name}", body)
        self.assertIn("{how_we_know}", body)
        self.assertContains(r, "Placeholders are filled in for each person")
        self.assertContains(r, f'<input type="hidden" name="ids" value="{self.tom.pk}">')
        # The checker reads it as the first of them will.
        self.assertContains(r, "Hi Maya,")

    def test_it_records_one_personalised_interaction_per_person(self):
        body = "Hi {first_name}, {how_we_know} Could I have 15–20 minutes of your advice?"
        r = self.client.post(
            self.url(self.maya, self.tom),
            {
                "ids": [self.maya.pk, self.tom.pk],
                "channel": "email",
                "subject": "A question for {first_name}",
                "body": body,
            },
        )
        self.assertRedirects(r, "/outreach/sent/", fetch_redirect_response=False)
        summaries = {
            i.people.get().first_name: i.summary
            for i in Interaction.objects.filter(owner=self.alice)
        }
        self.assertEqual(
            summaries,
            {
                "Maya": "A question for Maya\n\nHi Maya, It's been a while since we worked "
                "together. Could I have 15–20 minutes of your advice?",
                "Tom": "A question for Tom\n\nHi Tom, It was good to see you around the "
                "neighbourhood. Could I have 15–20 minutes of your advice?",
            },
        )
        for p in (self.maya, self.tom):
            p.refresh_from_db()
            self.assertEqual(p.stage, Stage.ASKED)

    def test_it_refuses_a_job_ask_for_several(self):
        r = self.client.post(
            self.url(self.maya, self.tom),
            {"channel": "email", "body": "Hi {first_name}, is your team hiring?"},
        )
        self.assertContains(r, "This message asks for a job")
        self.assertFalse(Interaction.objects.exists())

    def test_it_keeps_the_people_when_switching_templates(self):
        r = self.client.get(self.url(self.maya, self.tom))
        self.assertContains(r, f"?ids={self.maya.pk}&amp;ids={self.tom.pk}&amp;template=linkedin")

    def test_it_keeps_one_picked_person_when_switching_templates(self):
        # One person picked from the list arrives by ?ids= too, not by /people/<id>/compose/.
        r = self.client.get(self.url(self.maya))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, f"?ids={self.maya.pk}&amp;template=linkedin")
        r = self.client.get(self.url(self.maya) + "&template=linkedin")
        self.assertEqual(r.status_code, 200)
        self.assertTrue(r.context["form"].initial["body"].startswith("Hi Maya, "))

    def test_it_records_one_picked_person(self):
        r = self.client.post(self.url(self.maya), {"channel": "email", "body": CLEAN})
        self.assertRedirects(r, "/outreach/sent/", fetch_redirect_response=False)
        self.assertEqual(Interaction.objects.get().people.get(), self.maya)

    def test_with_nobody_picked_it_goes_back_to_the_list_as_it_was_and_says_so(self):
        page = self.client.get("/people/?q=o&stage=listed")
        self.assertContains(page, '<input type="hidden" name="back" value="q=o&amp;stage=listed">')
        # What the list's form sends when the button is pressed with no box ticked.
        r = self.client.get("/people/compose/?back=q%3Do%26stage%3Dlisted")
        self.assertRedirects(r, "/people/?q=o&stage=listed", fetch_redirect_response=False)
        r = self.client.get(r["Location"])
        self.assertContains(r, "Pick at least one person")
        self.assertEqual(r.context["form"].data["q"], "o")
        # The bare URL too (no list behind it), and a post.
        for r in (
            self.client.get("/people/compose/", follow=True),
            self.client.post("/people/compose/", {"channel": "email", "body": CLEAN}, follow=True),
        ):
            self.assertEqual(r.redirect_chain, [("/people/", 302)])
            self.assertContains(r, "Pick at least one person")
        self.assertFalse(Interaction.objects.exists())

    def test_it_404s_for_ids_that_are_no_one(self):
        self.assertEqual(self.client.get("/people/compose/?ids=x").status_code, 404)
        self.assertEqual(self.client.get("/people/compose/?ids=999999").status_code, 404)
        self.assertEqual(self.client.get(f"/people/compose/?ids={2**63}").status_code, 404)

    def test_it_404s_when_an_id_is_another_accounts(self):
        zed = self.make_person("Zed", owner=self.bob)
        self.login(self.bob)
        r = self.client.get(self.url(zed, self.maya))
        self.assertEqual(r.status_code, 404)
        r = self.client.post(
            self.url(zed, self.maya),
            {"ids": [zed.pk, self.maya.pk], "channel": "email", "body": CLEAN},
        )
        self.assertEqual(r.status_code, 404)
        self.assertFalse(Interaction.objects.exists())


class OutreachSentTestCase(ComposeBase):
    def send(self, person: Person, **data):
        data.setdefault("channel", "email")
        data.setdefault("body", CLEAN)
        return self.client.post(compose_url(person), data, follow=True)

    def test_it_gives_a_mailto_link_with_subject_and_body(self):
        r = self.send(self.maya, subject="15–20 minutes?", send="mail")
        self.assertContains(r, "Outreach recorded")
        self.assertContains(r, "Recorded your outreach to Maya Okafor.")
        self.assertContains(r, "Asked</span>")
        href = r.context["rows"][0]["mailto"]
        parts = urlsplit(href)
        self.assertEqual(parts.scheme, "mailto")
        self.assertEqual(unquote(parts.path), "maya@example.net")
        query = parse_qs(parts.query)
        self.assertEqual(query["subject"], ["15–20 minutes?"])
        self.assertEqual(query["body"], [CLEAN.replace("\n", "\r\n")])
        self.assertContains(r, 'href="mailto:maya@example.net?subject=')
        # Asked for the mail app: the page opens it.
        self.assertContains(r, "data-open")

    def test_it_writes_to_the_first_address_only(self):
        self.maya.emails = ["maya@example.net", "maya.home@example.org"]
        self.maya.save()
        r = self.send(self.maya, subject="Hi", send="mail")
        href = r.context["rows"][0]["mailto"]
        self.assertEqual(unquote(urlsplit(href).path), "maya@example.net")

    def test_it_does_not_open_the_mail_app_when_copying(self):
        r = self.send(self.maya, subject="Hi", send="copy")
        self.assertContains(r, "Open in my mail app")
        self.assertNotContains(r, "data-open>")

    def test_it_keeps_the_paragraphs_of_a_message_without_subject(self):
        r = self.send(self.maya, subject="")
        row = r.context["rows"][0]
        self.assertEqual(row["subject"], "")
        self.assertEqual(row["body"], CLEAN)
        self.assertEqual(parse_qs(urlsplit(row["mailto"]).query).get("subject", [""]), [""])

    def test_it_has_no_link_for_a_person_without_email(self):
        tom = self.make_person("Tom", "Baker", emails=[])
        r = self.send(tom, channel="phone", subject="")
        self.assertNotContains(r, "mailto:")
        self.assertContains(r, "No e-mail address on file; send it by phone")
        self.assertContains(r, "It&#x27;s been a while")

    def test_it_sends_me_to_people_with_nothing_recorded(self):
        r = self.client.get("/outreach/sent/")
        self.assertRedirects(r, "/people/", fetch_redirect_response=False)

    def test_it_shows_only_my_own_interactions(self):
        zed = self.make_person("Zed", owner=self.bob)
        theirs = self.make_interaction(zed, summary="Bob's secret", is_outreach=True)
        session = self.client.session
        session["last_outreach"] = {"ids": [theirs.pk], "send": "copy", "subject": ""}
        session.save()
        r = self.client.get("/outreach/sent/")
        self.assertNotContains(r, "Bob&#x27;s secret")
        self.assertNotContains(r, "Zed")

    def test_it_gives_each_of_several_people_their_own_message(self):
        tom = self.make_person("Tom", "Baker", how_known="neighbour", emails=["tom@example.com"])
        r = self.client.post(
            f"/people/compose/?ids={self.maya.pk}&ids={tom.pk}",
            {
                "ids": [self.maya.pk, tom.pk],
                "channel": "email",
                "subject": "For {first_name}",
                "body": "Hi {first_name},\n\nCould I have 15–20 minutes of your advice?",
                "send": "mail",
            },
            follow=True,
        )
        rows = {row["person"].first_name: row for row in r.context["rows"]}
        self.assertEqual(rows["Tom"]["subject"], "For Tom")
        self.assertEqual(
            rows["Tom"]["body"], "Hi Tom,\n\nCould I have 15–20 minutes of your advice?"
        )
        self.assertTrue(
            rows["Tom"]["mailto"].startswith("mailto:tom@example.com?subject=For%20Tom&")
        )
        self.assertEqual(rows["Maya"]["subject"], "For Maya")
        # Several messages: the page does not open a mail app on its own.
        self.assertNotContains(r, "data-open>")


class CheckTextTestCase(ComposeBase):
    URL = "/outreach/check/"

    def test_it_returns_findings_with_the_job_ask_marked(self):
        r = self.client.post(
            self.URL,
            {"body": "Hi Maya, <b>is your team hiring</b>?", "channel": "email"},
            HTTP_HX_REQUEST="true",
        )
        self.assertEqual(r.status_code, 200)
        body = r.content.decode()
        self.assertTrue(body.strip().startswith('<section class="card" id="findings"'))
        self.assertNotIn("<html", body)
        self.assertIn("<strong>Job ask:</strong>", body)
        self.assertRegex(body, r'<mark class="finding-job_ask">[^<]*hiring</mark>')
        # The user's text is escaped around the marks.
        self.assertIn("&lt;b&gt;", body)
        self.assertNotIn("<b>", body)

    def test_it_says_clean_for_a_clean_message(self):
        r = self.client.post(self.URL, {"body": CLEAN, "channel": "email"})
        self.assertContains(r, "Clean: a short ask")
        self.assertNotContains(r, "<mark")

    def test_an_empty_message_is_an_error_with_no_verdict_or_preview(self):
        for body in ("", "  ", "\n\t \n"):
            r = self.client.post(self.URL, {"body": body, "channel": "email"})
            self.assertContains(r, "Write a message first.")
            self.assertNotContains(r, "Clean")
            self.assertNotContains(r, "Job ask")
            self.assertNotContains(r, "As they will read it")

    def test_it_fills_the_placeholders_as_the_first_person_reads_them(self):
        tom = self.make_person("Tom", "Baker")
        r = self.client.post(
            self.URL,
            {
                "body": "Hi {first_name}, any openings?",
                "channel": "email",
                "ids": [self.maya.pk, tom.pk],
            },
        )
        self.assertContains(r, "Hi Maya, ")
        self.assertNotContains(r, "{first_name}")
        self.assertContains(r, "<mark")

    def test_it_warns_about_a_long_linkedin_note(self):
        r = self.client.post(self.URL, {"body": "a" * 301, "channel": "linkedin"})
        self.assertContains(r, "LinkedIn note: 301 characters — over 300, too long for LinkedIn")
        r = self.client.post(self.URL, {"body": "a" * 301, "channel": "email"})
        self.assertNotContains(r, "LinkedIn note:")

    def test_it_404s_for_another_accounts_people(self):
        self.login(self.bob)
        r = self.client.post(self.URL, {"body": "Hi {first_name}", "ids": [self.maya.pk]})
        self.assertEqual(r.status_code, 404)
        self.assertNotContains(r, "Maya", status_code=404)

    def test_it_only_takes_posts(self):
        self.assertEqual(self.client.get(self.URL).status_code, 405)


class ComposeSubjectTestCase(BaseTestCase):
    def test_it_refuses_a_job_ask_in_the_subject(self):
        maya = self.make_person()
        self.login()
        r = self.client.post(
            f"/people/{maya.pk}/compose/",
            {
                "channel": "email",
                "subject": "Is your team hiring?",
                "body": "Hi Maya, could I have 15–20 minutes of your advice and ideas? "
                "I'm looking for an opportunity to use my analysis skills in Boston.",
                "send": "copy",
            },
        )
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "This message asks for a job")
        maya.refresh_from_db()
        self.assertEqual(maya.stage, "listed")

"""The coach's dashboard and its CSV: the figures, their agreement with the client's own
Insights and Today, sorting, search, paging, and a query count that does not grow with clients.

The clock is BaseTestCase's: Wednesday 25 November 2026, 10:00 UTC ("this week" starts on
Monday the 23rd)."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hundred.accounts.models import Role
from hundred.centre.dashboard import client_rows
from hundred.centre.tests.base import CentreTestCase
from hundred.insight.metrics import build_insights
from hundred.network.models import Direction, FollowUpState, Stage
from hundred.network.today import build_today

URL = reverse("coach-dashboard")


class DashboardTestCase(CentreTestCase):
    def make_history(self, owner) -> None:
        """A small job search: 4 people, 2 asked (one this week), a meeting met and debriefed
        with a name given, a reply, an overdue follow-up and one flagged outreach."""
        now = timezone.now()
        ann = self.make_person("Ann", "Lee", owner=owner)
        ben = self.make_person("Ben", "Ng", owner=owner)
        self.make_person("Cy", "Oz", owner=owner, stage=Stage.ASKED)
        self.make_interaction(
            ann,
            direction=Direction.OUT,
            is_outreach=True,
            occurred_at=now - timedelta(days=10),
        )
        self.make_interaction(
            ben,
            direction=Direction.OUT,
            is_outreach=True,
            asks_for_job=True,
            occurred_at=now - timedelta(days=1),
        )
        self.make_interaction(ann, direction=Direction.IN, occurred_at=now - timedelta(days=9))
        meeting = self.make_meeting(
            ann, starts_at=now - timedelta(days=2), debriefed_at=now - timedelta(days=2)
        )
        self.make_person("Dee", "Fox", owner=owner, introduced_by=ann, introduced_at=meeting)
        self.make_followup(ben, due_on=timezone.localdate() - timedelta(days=3))
        self.make_followup(ben, due_on=timezone.localdate() - timedelta(days=4), state="done")

    def test_a_clients_row_agrees_with_their_insights_and_today(self):
        self.make_history(self.alice)
        self.grant()
        [row] = client_rows(self.coach)
        insights = build_insights(self.alice)
        funnel = {s.key: s.count for s in insights.funnel}
        today = build_today(self.alice)
        self.assertEqual(row.listed, insights.listed)
        self.assertEqual(row.asked, funnel["asked"])
        self.assertEqual(row.met, funnel["met"])
        self.assertEqual(row.names_received, funnel["names"])
        self.assertEqual(row.names_per_meeting, insights.names_per_meeting)
        self.assertEqual(row.overdue, insights.overdue)
        self.assertEqual(row.replies, sum(w.replies for w in insights.weeks))
        self.assertEqual(row.asks_week, today.asks_this_week)
        self.assertEqual(row.meetings_week, today.meetings_this_week)
        # And the figures themselves, so agreeing on zeros could not pass.
        self.assertEqual(
            (row.listed, row.asked, row.met, row.names_received, row.overdue, row.replies),
            (4, 3, 1, 1, 1, 1),
        )
        self.assertEqual((row.asks_week, row.meetings_week), (1, 1))
        self.assertEqual(row.names_per_meeting, 1.0)
        self.assertEqual((row.flagged, row.outreach, row.flagged_share), (1, 2, 0.5))
        self.assertEqual(row.last_activity, timezone.localdate())
        self.assertEqual(row.days_idle, 0)

    def test_this_week_is_the_clients_own_week(self):
        # Sunday 23:30 in UTC is already Monday in Auckland: a new week there.
        self.alice.time_zone = "Pacific/Auckland"
        self.alice.save()
        person = self.make_person()
        sunday_night = timezone.now().replace(day=22, hour=23, minute=30)
        self.make_interaction(
            person, direction=Direction.OUT, is_outreach=True, occurred_at=sunday_night
        )
        self.grant()
        [row] = client_rows(self.coach)
        self.assertEqual(row.asks_week, build_today(self.alice).asks_this_week)
        self.assertEqual(row.asks_week, 1)

    def test_it_lists_only_clients_with_an_active_grant(self):
        self.make_person(owner=self.bob)
        self.grant()
        charlie = self.make_user("charlie2@north.example", organisation=self.centre)
        self.grant(seeker=charlie, coach=self.second_coach)
        self.assertEqual([r.email for r in client_rows(self.coach)], ["alice@example.org"])
        self.assertEqual(client_rows(self.far_coach), [])
        self.assertEqual(client_rows(self.admin), [])

    def test_the_query_count_does_not_grow_with_the_clients(self):
        def queries_for(n: int) -> int:
            for i in range(n - len(client_rows(self.coach))):
                seeker = self.make_user(
                    f"seeker{i}-{n}@north.example",
                    organisation=self.centre,
                    time_zone=["UTC", "Europe/Paris"][i % 2],
                )
                self.make_history(seeker)
                self.grant(seeker=seeker)
            self.login(self.coach)
            with CaptureQueriesContext(connection) as ctx:
                r = self.client.get(URL + "?sort=-asked")
            self.assertEqual(r.status_code, 200)
            self.assertEqual(r.context["total"], n)
            return len(ctx.captured_queries)

        self.assertEqual(queries_for(3), queries_for(30))

    def test_it_sorts_by_a_whitelisted_key_and_ignores_others(self):
        self.grant()
        busy = self.make_user("zed@north.example", name="Zed", organisation=self.centre)
        for n in range(3):
            self.make_person(f"P{n}", owner=busy)
        self.grant(seeker=busy)
        self.login(self.coach)
        order = lambda sort: [  # noqa: E731
            r.email for r in self.client.get(URL, {"sort": sort}).context["page"].object_list
        ]
        self.assertEqual(order("-listed"), ["zed@north.example", "alice@example.org"])
        self.assertEqual(order("listed"), ["alice@example.org", "zed@north.example"])
        self.assertEqual(order("-name"), ["zed@north.example", "alice@example.org"])
        self.assertEqual(order("password"), ["alice@example.org", "zed@north.example"])

    def test_it_searches_by_name_and_email(self):
        self.grant()
        other = self.make_user("zed@north.example", name="Zed Quinn", organisation=self.centre)
        self.grant(seeker=other)
        self.login(self.coach)
        found = lambda q: [  # noqa: E731
            r.email for r in self.client.get(URL, {"q": q}).context["page"].object_list
        ]
        self.assertEqual(found("quinn"), ["zed@north.example"])
        self.assertEqual(found("ALICE@"), ["alice@example.org"])
        self.assertEqual(found("nobody"), [])

    def test_it_pages_fifty_clients_at_a_time(self):
        for i in range(52):
            seeker = self.make_user(f"s{i:02}@north.example", organisation=self.centre)
            self.grant(seeker=seeker)
        self.login(self.coach)
        r = self.client.get(URL)
        self.assertEqual(len(r.context["page"].object_list), 50)
        self.assertContains(r, "Page 1 of 2")
        self.assertEqual(len(self.client.get(URL, {"page": 2}).context["page"].object_list), 2)

    def test_it_is_404_for_anyone_but_a_coach(self):
        for user in (self.alice, self.admin, self.bob):
            self.login(user)
            self.assertEqual(self.client.get(URL).status_code, 404, user.email)
            self.assertEqual(self.client.get(reverse("coach-report")).status_code, 404)

    def test_the_csv_has_the_figures_and_no_contact_details(self):
        self.make_history(self.alice)
        self.grant()
        self.login(self.coach)
        r = self.client.get(reverse("coach-report"))
        self.assertEqual(r["Content-Type"], "text/csv; charset=utf-8")
        rows = list(csv.DictReader(io.StringIO(r.content.decode())))
        self.assertEqual(len(rows), 1)
        row = rows[0]
        self.assertEqual(row["client"], str(self.alice.pk))
        self.assertEqual(row["name"], "Alice Archer")
        self.assertEqual((row["listed"], row["asked"], row["met"]), ("4", "3", "1"))
        self.assertEqual((row["overdue_followups"], row["flagged_messages"]), ("1", "1"))
        self.assertEqual(row["last_activity"], timezone.localdate().isoformat())
        body = r.content.decode()
        self.assertNotIn("alice@example.org", body)
        self.assertNotIn("@example.net", body)  # the people's addresses
        self.assertEqual(self.coach.role, Role.COACH)

    def test_a_closed_follow_up_is_not_overdue(self):
        person = self.make_person()
        self.make_followup(
            person, due_on=timezone.localdate() - timedelta(days=5), state=FollowUpState.SKIPPED
        )
        self.grant()
        self.assertEqual(client_rows(self.coach)[0].overdue, 0)


class KeptFiguresTestCase(CentreTestCase):
    """A client's figures are computed once and kept until their data or their day moves."""

    def rows(self, later=timedelta(0)):
        with CaptureQueriesContext(connection) as ctx:
            [row] = client_rows(self.coach, now=timezone.now() + later)
        return row, len(ctx.captured_queries)

    def test_unchanged_figures_are_read_not_recomputed(self):
        self.grant()
        self.make_person("Ann", "Lee", owner=self.alice)
        first, computed = self.rows()
        again, kept = self.rows()
        self.assertEqual((first.listed, again.listed), (1, 1))
        self.assertLess(kept, computed)
        self.assertEqual(kept, 2)  # the clients, their kept figures

    def test_a_write_by_the_client_is_seen_at_once(self):
        self.grant()
        self.make_person("Ann", "Lee", owner=self.alice)
        self.rows()
        self.make_person("Ben", "Ng", owner=self.alice)
        row, _ = self.rows()
        self.assertEqual(row.listed, 2)

    def test_a_meeting_counts_as_met_once_it_starts(self):
        self.grant()
        ann = self.make_person("Ann", "Lee", owner=self.alice)
        self.make_meeting(ann, starts_at=timezone.now() + timedelta(hours=2))
        row, _ = self.rows()
        self.assertEqual(row.met, 0)
        row, queries = self.rows(later=timedelta(hours=3))
        self.assertEqual(row.met, 1)
        self.assertGreater(queries, 2)

    def test_the_week_and_overdue_move_at_the_clients_midnight(self):
        self.grant()
        ann = self.make_person("Ann", "Lee", owner=self.alice)
        self.make_followup(ann, due_on=timezone.localdate())
        row, _ = self.rows()
        self.assertEqual(row.overdue, 0)
        row, _ = self.rows(later=timedelta(days=1))
        self.assertEqual(row.overdue, 1)


class ViewLogTestCase(CentreTestCase):
    def test_log_writes_one_row_a_client_as_bulk_create_did(self):
        from hundred.centre.models import CoachView, CoachViewManager

        seekers = [self.make_user(f"s{i}@example.org") for i in range(3)]
        ids = [s.pk for s in seekers] * (CoachViewManager.BATCH // 3 + 1)  # over one batch
        CoachView.objects.log(self.coach.pk, ids, "dashboard")
        rows = CoachView.objects.filter(coach=self.coach)
        self.assertEqual(rows.count(), len(ids))
        self.assertEqual(sorted(rows.values_list("seeker_id", flat=True)), sorted(ids))
        self.assertEqual(set(rows.values_list("page", flat=True)), {"dashboard"})
        (at,) = set(rows.values_list("viewed_at", flat=True))
        self.assertLess(abs(at - timezone.now()), timedelta(seconds=5))
        self.assertEqual(rows.first().viewed_at, at)  # reads back as an aware datetime
        CoachView.objects.log(self.coach.pk, [], "dashboard")  # nothing to log: no statement


OLD_ROW = """{% for r in rows %}
    <tr>
      <td><a href="{% url 'coach-client-today' r.id %}">{{ r.label }}</a>{% if r.name %}<br><span class="muted">{{ r.email }}</span>{% endif %}</td>
      <td class="num">{{ r.listed }}</td>
      <td class="num">{{ r.asked }}</td>
      <td class="num">{{ r.asks_week }}</td>
      <td class="num">{{ r.met }}</td>
      <td class="num">{{ r.meetings_week }}</td>
      <td class="num">{% if r.names_per_meeting is None %}—{% else %}{{ r.names_per_meeting }}{% endif %}</td>
      <td class="num">{{ r.replies }}</td>
      <td class="num">{{ r.overdue }}</td>
      <td class="num">{% if r.flagged_share is None %}—{% else %}{% widthratio r.flagged r.outreach 100 %} % <span class="muted">({{ r.flagged }} of {{ r.outreach }})</span>{% endif %}</td>
      <td class="num">{% if r.days_idle is None %}—{% else %}{{ r.days_idle }}{% endif %}</td>
    </tr>
{% endfor %}"""  # noqa: E501  (the dashboard template's row as it was)


class ClientRowTagTestCase(CentreTestCase):
    """{% client_row %} writes what the template's row wrote before it."""

    def test_it_writes_the_rows_the_template_wrote(self):
        from django.template import engines

        from hundred.centre.dashboard import ClientRow

        def row(**kw):
            base = dict(
                id=7,
                email="a@example.org",
                name="",
                with_notes=False,
                listed=3,
                asked=2,
                asks_week=1,
                met=1,
                meetings_week=0,
                names_received=2,
                debriefed=3,
                names_given=2,
                replies=1,
                overdue=0,
                outreach=3,
                flagged=1,
                last_activity=None,
                days_idle=None,
            )
            return ClientRow(**{**base, **kw})

        rows = [
            row(),
            row(id=8, name='Ann <b>&</b> "Lee"', email="<script>@x.org", days_idle=12),
            row(id=9, debriefed=0, outreach=0, flagged=0, days_idle=0, listed=12345),
            row(id=10, debriefed=7, names_given=1, outreach=7, flagged=2, asked=1000000),
        ]
        engine = engines["django"]
        old = engine.from_string(OLD_ROW).render({"rows": rows})
        new = engine.from_string(
            "{% load dashboard %}{% for r in rows %}\n    {% client_row r %}\n{% endfor %}"
        ).render({"rows": rows})
        self.assertIn("&lt;script&gt;", new)
        self.assertIn("/coach/clients/8/", new)
        self.assertEqual(new, old)

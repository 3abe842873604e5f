"""The figures Insights now counts in the database, or from the rows of linked people only,
against a straightforward computation over every person of the account (as the page did
before): a random account with loops, self-introductions, unknown stages, outreach at every
stage, meetings cancelled and to come, and target companies full and empty."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta

from freezegun import freeze_time

from hundred.insight import graph
from hundred.insight.funnel import ASKED_STAGES, MET_STAGES
from hundred.insight.metrics import TREE_NAMED, build_insights
from hundred.insight.people import PeopleCounts, add_up_groups, filtered_counts
from hundred.insight.targets import PATHS_SHOWN
from hundred.network.models import FollowUp, HowKnown, Meeting, Person, Stage
from hundred.test import BaseTestCase

NOW = datetime(2026, 3, 18, 12, 0, tzinfo=UTC)


def expected(user, now):
    """The figures, computed the plain way from every person's row."""
    people = list(
        Person.objects.filter(owner=user).values_list(
            "id", "introduced_by_id", "company_id", "stage", "how_known", "asked_at"
        )
    )
    ids = {p[0] for p in people}
    met_ids = {
        pid
        for pid in Meeting.objects.filter(
            owner=user, cancelled_at__isnull=True, starts_at__lte=now
        ).values_list("person_id", flat=True)
        if pid in ids
    }
    targets = set(user_companies(user, is_target=True))
    stages = Counter(p[3] for p in people)
    asked = sum(1 for p in people if p[3] in ASKED_STAGES or p[5] is not None)
    met = met_ids | {p[0] for p in people if p[3] in MET_STAGES}
    funnel = {
        "listed": len(people),
        "asked": asked,
        "met": len(met),
        "names": sum(1 for p in people if p[1] is not None),
        "at_targets": sum(1 for p in people if p[2] in targets),
    }
    known = Counter(p[4] for p in people)
    by_how_known = [(k, known[k]) for k in HowKnown.values if known[k]]
    pairs = [(p[0], p[1]) for p in people]
    tree = graph.referral_tree(pairs)
    top = [(pid, n) for pid, n in graph.top_connectors(pairs) if pid in ids]
    sources = met_ids | {p[0] for p in people if p[1] is None or p[3] in MET_STAGES}
    paths = graph.shortest_paths_from(pairs, sources)
    at = {cid: [p[0] for p in people if p[2] == cid] for cid in targets}
    chains = {cid: graph.warm_paths(paths, at[cid], PATHS_SHOWN) for cid in targets}
    by_stage = {cid: Counter(p[3] for p in people if p[2] == cid) for cid in targets}
    return funnel, by_how_known, stages, tree, top, chains, by_stage


def user_companies(user, **filters):
    from hundred.network.models import Company

    return Company.objects.filter(owner=user, **filters).values_list("id", flat=True)


class PeopleCountsTestCase(BaseTestCase):
    clock = freeze_time(NOW)

    def populate(self, seed: int, n: int = 120) -> None:
        rnd = random.Random(seed)
        companies = [
            self.make_company(
                f"Co{i}", is_target=i % 3 == 0, industry=rnd.choice(["Health", "health ", "Law"])
            )
            for i in range(12)
        ]
        people = []
        for i in range(n):
            person = self.make_person(
                f"P{i}",
                "X",
                company=rnd.choice([None, *companies[1:]]),  # Co0, a target, stays empty
                stage=rnd.choice([*Stage.values, "archived"]),
                how_known=rnd.choice(HowKnown.values),
                introduced_by=rnd.choice([None, None, *people[-20:]]) if people else None,
            )
            people.append(person)
        # Loops, a self-introduction and an introducer of another account.
        Person.objects.filter(pk=people[0].pk).update(introduced_by=people[5])
        Person.objects.filter(pk=people[5].pk).update(introduced_by=people[0])
        Person.objects.filter(pk=people[7].pk).update(introduced_by=people[7])
        outsider = self.make_person("Out", "Sider", owner=self.bob)
        Person.objects.filter(pk=people[9].pk).update(introduced_by=outsider)
        for person in rnd.sample(people, n // 3):
            self.make_interaction(
                person, occurred_at=NOW - timedelta(days=rnd.randint(1, 90)), is_outreach=True
            )
        for person in rnd.sample(people, n // 4):
            self.make_meeting(
                person,
                starts_at=NOW + timedelta(days=rnd.randint(-60, 20)),
                cancelled_at=NOW if rnd.random() < 0.2 else None,
            )
        self.make_meeting(outsider, starts_at=NOW - timedelta(days=3))

    def check(self, user) -> None:
        funnel, by_how_known, stages, tree, top, chains, by_stage = expected(user, NOW)
        data = build_insights(user, now=NOW)
        self.assertEqual({s.key: s.count for s in data.funnel}, funnel)
        self.assertEqual(data.listed, funnel["listed"])
        self.assertEqual([(k, n) for k, _, n in data.by_how_known], by_how_known)
        self.assertEqual((data.tree.people, data.tree.depth), (tree.people, tree.depth))
        self.assertEqual(
            [(node.id, depth) for node, depth in graph.preorder(data.tree.roots, TREE_NAMED)],
            [(node.id, depth) for node, depth in graph.preorder(tree.roots, TREE_NAMED)],
        )
        self.assertEqual([(row.id, n) for row, n in data.connectors], top)
        for target in data.targets:
            self.assertEqual([[r.id for r in chain] for chain in target.paths], chains[target.id])
            self.assertEqual(target.people, sum(by_stage[target.id].values()))
            labels = dict(Stage.choices)
            self.assertEqual(
                target.by_stage,
                [
                    (labels[s], by_stage[target.id][s])
                    for s in Stage.values
                    if by_stage[target.id][s]
                ],
            )
        self.assertTrue(any(t.suggestions for t in data.targets))  # Co0 is empty
        return funnel

    def test_the_figures_match_a_plain_count_of_every_person(self):
        for seed in range(3):
            with self.subTest(seed=seed):
                Person.objects.filter(owner=self.alice).delete()
                FollowUp.objects.filter(owner=self.alice).delete()
                self.populate(seed)
                funnel = self.check(self.alice)
                # Not all zeros: the comparison means something.
                self.assertGreater(funnel["met"], 0)
                self.assertGreater(funnel["names"], 0)
                self.assertGreater(funnel["at_targets"], 0)

    def test_both_ways_of_counting_everyone_match_a_plain_count(self):
        # count_people groups on PostgreSQL and filters on SQLite; both run on either here.
        for seed in range(3):
            with self.subTest(seed=seed):
                Person.objects.filter(owner=self.alice).delete()
                self.populate(seed)
                rows = Person.objects.filter(owner=self.alice).values_list(
                    "stage", "how_known", "asked_at", "introduced_by_id"
                )
                stages = Counter(row[0] for row in rows)
                known = Counter(row[1] for row in rows)
                plain = PeopleCounts(
                    listed=len(rows),
                    by_stage={s: stages[s] for s in Stage.values},
                    by_how_known={k: known[k] for k in HowKnown.values},
                    asked_elsewhere=sum(
                        1 for s, _, at, _ in rows if at is not None and s not in ASKED_STAGES
                    ),
                    introduced=sum(1 for *_, by in rows if by is not None),
                )
                self.assertGreater(plain.asked_elsewhere, 0)
                self.assertGreater(stages["archived"], 0)  # a stage no longer known
                people = Person.objects.for_user(self.alice)
                self.assertEqual(add_up_groups(people), plain)
                self.assertEqual(filtered_counts(people), plain)

    def test_an_empty_account_counts_nothing(self):
        data = build_insights(self.charlie, now=NOW)
        self.assertEqual([s.count for s in data.funnel], [0, 0, 0, 0, 0])
        self.assertEqual(data.by_how_known, [])

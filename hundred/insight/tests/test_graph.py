"""The referral tree and warm paths on small graphs with known answers, loops included."""

from __future__ import annotations

from django.test import SimpleTestCase

from hundred.insight import graph


def shape(node: graph.Node) -> tuple:
    return (node.id, [shape(c) for c in node.children])


class ReferralTreeTestCase(SimpleTestCase):
    def test_it_roots_the_tree_at_people_known_directly_who_introduced_someone(self):
        # 1 → 2 → 3, 1 → 4; 5 known directly but introduced nobody; 6 → 7
        pairs = [(1, None), (2, 1), (3, 2), (4, 1), (5, None), (6, None), (7, 6)]
        tree = graph.referral_tree(pairs)
        self.assertEqual(
            [shape(r) for r in tree.roots],
            [
                (1, [(2, [(3, [])]), (4, [])]),
                (6, [(7, [])]),
            ],
        )
        self.assertEqual(tree.depth, 2)
        self.assertEqual(tree.people, 6)

    def test_it_has_depth_zero_when_nobody_introduced_anyone(self):
        tree = graph.referral_tree([(1, None), (2, None)])
        self.assertEqual(tree.roots, [])
        self.assertEqual(tree.depth, 0)

    def test_it_breaks_a_loop_at_its_lowest_id(self):
        # 10 introduced 11 and 11 introduced 10 (possible through edits); 12 hangs below 11.
        pairs = [(1, None), (2, 1), (10, 11), (11, 10), (12, 11)]
        tree = graph.referral_tree(pairs)
        self.assertEqual(
            [shape(r) for r in tree.roots],
            [
                (1, [(2, [])]),
                (10, [(11, [(12, [])])]),
            ],
        )
        self.assertTrue(tree.roots[1].in_loop)
        self.assertFalse(tree.roots[0].in_loop)
        self.assertEqual(tree.people, 5)

    def test_it_survives_a_self_introduction_and_a_three_way_loop(self):
        pairs = [(1, 1), (2, 4), (3, 2), (4, 3)]
        tree = graph.referral_tree(pairs)
        self.assertEqual([shape(r) for r in tree.roots], [(2, [(3, [(4, [])])])])
        self.assertEqual(tree.depth, 2)

    def test_it_lists_the_most_generous_connectors_first(self):
        pairs = [(1, None), (2, 1), (3, 1), (4, 1), (5, 2), (6, 2), (7, 5)]
        self.assertEqual(graph.top_connectors(pairs, limit=2), [(1, 3), (2, 2)])
        self.assertEqual(graph.top_connectors(pairs)[-1], (5, 1))

    def test_size_counts_everyone_below(self):
        tree = graph.referral_tree([(1, None), (2, 1), (3, 2), (4, 1)])
        self.assertEqual(tree.roots[0].size(), 3)


class WarmPathTestCase(SimpleTestCase):
    # 1 (known directly) introduced 2, who introduced 3 and 4; 4 introduced 5.
    # 6 and 7 introduced each other (a loop, no one known directly); 8 hangs below 7.
    PAIRS = [(1, None), (2, 1), (3, 2), (4, 2), (5, 4), (6, 7), (7, 6), (8, 7), (9, None)]

    def test_it_finds_the_shortest_chain_from_someone_known(self):
        paths = graph.shortest_paths_from(self.PAIRS, sources=[1, 9])
        self.assertEqual(paths[5], [1, 2, 4, 5])
        self.assertEqual(paths[1], [1])
        self.assertEqual(paths[9], [9])

    def test_it_goes_both_ways_along_an_introduction(self):
        # Met 5 (a source): 5 → 4 → 2 → 3 reaches 3 through whoever introduced them.
        paths = graph.shortest_paths_from(self.PAIRS, sources=[5])
        self.assertEqual(paths[3], [5, 4, 2, 3])
        self.assertEqual(paths[1], [5, 4, 2, 1])

    def test_it_does_not_reach_a_loop_unconnected_to_anyone_known(self):
        paths = graph.shortest_paths_from(self.PAIRS, sources=[1, 9])
        self.assertNotIn(6, paths)
        self.assertNotIn(8, paths)

    def test_it_walks_through_a_loop_without_looping(self):
        paths = graph.shortest_paths_from(self.PAIRS, sources=[6])
        self.assertEqual(paths[8], [6, 7, 8])
        self.assertEqual(set(paths), {6, 7, 8})

    def test_it_prefers_the_shorter_chain_and_then_the_lower_id(self):
        paths = graph.shortest_paths_from(self.PAIRS, sources=[1, 9])
        # People at one company: 5 (three introductions away) and 3 (two away).
        self.assertEqual(graph.warm_paths(paths, [5, 3]), [[1, 2, 3], [1, 2, 4, 5]])
        self.assertEqual(graph.warm_paths(paths, [5, 3], limit=1), [[1, 2, 3]])
        self.assertEqual(graph.warm_paths(paths, [6]), [])

    def test_a_source_missing_from_the_people_is_ignored(self):
        self.assertEqual(graph.shortest_paths_from([(1, None)], sources=[99]), {})

    def test_it_spells_out_only_the_chains_asked_for(self):
        every = graph.shortest_paths_from(self.PAIRS, sources=[1, 9, 6])
        some = graph.shortest_paths_from(self.PAIRS, sources=[1, 9, 6], targets=[5, 8, 9, 42])
        self.assertEqual(some, {5: every[5], 8: every[8], 9: every[9]})
        self.assertEqual(some[5], [1, 2, 4, 5])

    def test_it_agrees_with_a_plain_search_over_neighbour_sets(self):
        # The search reads each person's links from the introducer and children maps; this
        # checks it against the textbook version (a set of neighbours per person, visited in
        # id order) on random graphs with loops, self-introductions and unknown introducers.
        import random

        def plain(pairs, sources):
            neighbours: dict[int, set[int]] = {}
            people = {pid for pid, _ in pairs}
            for pid, by in pairs:
                if by is not None and by != pid:
                    neighbours.setdefault(pid, set()).add(by)
                    neighbours.setdefault(by, set()).add(pid)
            previous = {s: None for s in sorted(set(sources)) if s in people}
            queue = list(previous)
            for node in queue:
                for nxt in sorted(neighbours.get(node, ())):
                    if nxt not in previous:
                        previous[nxt] = node
                        queue.append(nxt)
            paths = {}
            for node in previous:
                chain, current = [], node
                while current is not None:
                    chain.append(current)
                    current = previous[current]
                paths[node] = chain[::-1]
            return paths

        rnd = random.Random(6)
        for _ in range(200):
            n = rnd.randint(1, 30)
            pairs = [
                (i, None if rnd.random() < 0.25 else rnd.randint(1, n + 3)) for i in range(1, n + 1)
            ]
            rnd.shuffle(pairs)
            sources = rnd.sample(range(1, n + 4), rnd.randint(0, 4))
            self.assertEqual(graph.shortest_paths_from(pairs, sources), plain(pairs, sources))

    def test_a_tie_goes_to_the_lower_id_whether_introducer_or_introduced(self):
        # Met 10, who was introduced by 1 and introduced 20; 7 introduced 1 and 20 introduced 7.
        # 7 is two steps away through 1 or through 20: the chain goes through 1.
        pairs = [(10, 1), (20, 10), (1, 7), (7, 20)]
        self.assertEqual(graph.shortest_paths_from(pairs, sources=[10])[7], [10, 1, 7])

    def test_the_tree_gives_leaves_no_children_and_the_others_their_own(self):
        tree = graph.referral_tree([(1, None), (2, 1), (3, 1), (4, 2)])
        root = tree.roots[0]
        self.assertEqual([c.id for c in root.children], [2, 3])
        two, three = root.children
        self.assertEqual([c.id for c in two.children], [4])
        self.assertEqual(list(three.children), [])
        self.assertEqual(list(two.children[0].children), [])

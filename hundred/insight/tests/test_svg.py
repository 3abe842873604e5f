"""The SVG drawings parse as XML, escape what comes from data, and carry their text alternative."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from django.test import SimpleTestCase

from hundred.insight import graph, svg

NS = "{http://www.w3.org/2000/svg}"
NASTY = 'Zoë <script>alert("x")</script> & Co'


class SvgTestCase(SimpleTestCase):
    def parse(self, text: str, role: str = "img") -> ET.Element:
        root = ET.fromstring(str(text))
        self.assertEqual(root.tag, f"{NS}svg")
        self.assertEqual(root.get("role"), role)
        self.assertEqual(root.get("aria-labelledby"), f"{root[0].get('id')} {root[1].get('id')}")
        self.assertEqual((root[0].tag, root[1].tag), (f"{NS}title", f"{NS}desc"))
        return root

    def texts(self, root: ET.Element) -> list[str]:
        return [t.text for t in root.iter(f"{NS}text")]

    def test_horizontal_bars_escape_their_labels(self):
        root = self.parse(svg.hbars("b", NASTY, NASTY, [svg.Bar(NASTY, 3), svg.Bar("B", 0)]))
        self.assertIn(NASTY, self.texts(root))
        self.assertEqual(root[0].text, NASTY)
        self.assertEqual(len(root.findall(f"{NS}rect")), 2)

    def test_a_bar_with_a_class_wears_it_for_the_stylesheet_to_colour(self):
        root = self.parse(
            svg.hbars("c", "C", "C", [svg.Bar("Met", 3, css="stage-met"), svg.Bar("X", 1)])
        )
        rects = root.findall(f"{NS}rect")
        self.assertEqual([r.get("class") for r in rects], ["stage-met", None])
        self.assertIsNone(rects[0].get("style"))  # the CSP forbids style attributes

    def test_bars_with_nothing_still_parse(self):
        self.parse(svg.hbars("e", "Empty", "Nothing", []))
        self.parse(svg.grouped_columns("g", "Empty", "Nothing", [], []))
        self.parse(svg.line("l", "Empty", "Nothing", [], []))
        self.parse(svg.stacked("s", "Empty", "Nothing", [], 100))

    def test_grouped_columns_draw_one_rect_per_value_and_a_legend(self):
        root = self.parse(
            svg.grouped_columns("g", "T", "D", ["w1", "w2"], [("A", [1, 2]), ("B", [0, 4])])
        )
        rects = list(root.iter(f"{NS}rect"))
        self.assertEqual(len(rects), 2 + 4)  # legend + columns
        heights = [float(r.get("height")) for r in rects[2:]]
        self.assertEqual(heights[3], max(heights))  # B's 4 is the tallest

    def test_a_line_leaves_a_gap_where_there_is_no_value(self):
        root = self.parse(svg.line("l", "T", "D", ["a", "b", "c", "d"], [1, 2, None, 3]))
        self.assertEqual(len(root.findall(f"{NS}circle")), 3)
        self.assertEqual(len(root.findall(f"{NS}polyline")), 1)  # [1, 2]; 3 stands alone

    def test_the_stacked_bar_is_scaled_to_the_goal(self):
        root = self.parse(svg.stacked("s", "T", "D", [svg.Bar("a", 25), svg.Bar("b", 25)], 100))
        widths = [float(r.get("width")) for r in root.findall(f"{NS}rect")[:3]]
        self.assertAlmostEqual(widths[1] + widths[2], widths[0] / 2)

    def test_the_tree_links_every_node_and_stops_at_the_limit(self):
        tree = graph.referral_tree([(1, None), (2, 1), (3, 2), (4, 1), (5, 5)])
        drawn, hidden = svg.tree(
            "t",
            "Tree",
            "D",
            tree.roots,
            name=lambda i: f"{NASTY} {i}",
            url=lambda i: f"/people/{i}/?a=1&b=2",
        )
        root = self.parse(drawn, role="group")  # links inside an "img" would be lost
        links = [a.get("href") for a in root.iter(f"{NS}a")]
        self.assertEqual(links, [f"/people/{i}/?a=1&b=2" for i in (1, 2, 3, 4)])
        self.assertEqual(hidden, 0)
        self.assertEqual(len(root.findall(f"{NS}path")), 3)  # a line per introduction
        _, hidden = svg.tree("t", "T", "D", tree.roots, str, str, limit=2)
        self.assertEqual(hidden, 2)
        # Told how many the tree holds, it stops walking at the limit and says the same.
        limited, hidden = svg.tree("t", "T", "D", tree.roots, str, str, limit=2, total=tree.people)
        self.assertEqual(hidden, 2)
        self.assertEqual(len(self.parse(limited, role="group").findall(f"{NS}a")), 2)

"""The SVG drawings parse as XML, escape what comes from data, and carry their text alternative."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

from django.test import SimpleTestCase

from hundred.insight import graph, svg
from hundred.network.models.choices import HowKnown

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


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    dark, light = sorted((_luminance(a), _luminance(b)))
    return (light + 0.05) / (dark + 0.05)


class PaletteTest(SimpleTestCase):
    def fills(self, drawing) -> list[str]:
        root = ET.fromstring(str(drawing))
        legend = root.find(f"{NS}g[@class='legend']")
        return [r.get("fill") for r in legend.iter(f"{NS}rect")]

    def test_every_way_of_knowing_someone_has_its_own_colour_in_progress_to_100(self):
        parts = [svg.Bar(label, 1) for label in HowKnown.labels]
        fills = self.fills(svg.stacked("s", "T", "D", parts, 100))
        self.assertEqual(len(fills), len(parts))
        self.assertEqual(len(set(fills)), len(parts), fills)
        root = ET.fromstring(str(svg.stacked("s", "T", "D", parts, 100)))
        bars = [r.get("fill") for r in root.findall(f"{NS}rect")[1:]]  # after the goal's
        self.assertEqual(bars, fills)  # a segment wears its legend's colour

    def test_the_weekly_legend_has_a_colour_a_series(self):
        series = [(f"S{i}", [1]) for i in range(len(svg.COLOURS))]
        fills = self.fills(svg.grouped_columns("g", "T", "D", ["w"], series))
        self.assertEqual(len(set(fills)), len(series))

    def test_every_colour_stands_out_on_the_page_and_card_in_both_schemes(self):
        css = (Path(svg.__file__).parents[1] / "static/hundred/app.css").read_text()
        backgrounds = [
            c if len(c) == 6 else "".join(d * 2 for d in c)  # "fff" is "ffffff"
            for c in re.findall(r"--(?:bg|card): #([0-9a-f]{6}|[0-9a-f]{3});", css)
        ]
        self.assertEqual(len(backgrounds), 4)  # light and dark, page and card
        for colour in svg.COLOURS:
            for background in backgrounds:
                with self.subTest(colour=colour, background=background):
                    self.assertGreaterEqual(_contrast(colour, background), 3)

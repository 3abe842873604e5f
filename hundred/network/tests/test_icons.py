"""The inline SVG icons: hidden from screen readers, drawn in the text's colour, none missing."""

from django.template import Context, Template, TemplateSyntaxError

from hundred.network.templatetags.icons import SHAPES
from hundred.test import BaseTestCase


def render(source: str) -> str:
    return Template("{% load icons %}" + source).render(Context())


class IconTestCase(BaseTestCase):
    def test_each_icon_is_an_inline_svg_hidden_from_screen_readers(self):
        for name in SHAPES:
            with self.subTest(name=name):
                svg = render(f'{{% icon "{name}" %}}')
                self.assertTrue(svg.startswith('<svg class="icon" aria-hidden="true"'), svg)
                self.assertTrue(svg.endswith("</svg>"))
                # Coloured by app.css from the text around it: no colour, style or link inside.
                for word in ("style", "fill=", "stroke=", "href", "<script", "<text"):
                    self.assertNotIn(word, svg)

    def test_an_unknown_name_is_an_error_not_an_empty_space(self):
        with self.assertRaisesMessage(TemplateSyntaxError, "No icon named 'nope'"):
            render('{% icon "nope" %}')

    def test_the_menu_and_todays_sections_have_them_beside_their_words(self):
        self.login()
        page = self.client.get("/").content.decode()
        nav = page.split('<nav aria-label="Main">', 1)[1].split("</nav>", 1)[0]
        self.assertEqual(nav.count('<svg class="icon" aria-hidden="true"'), 8)
        self.assertRegex(nav, r'<svg class="icon"[^>]*>.*?</svg>Today</a>')
        self.assertRegex(page, r'<h2 id="due-h"><svg class="icon"[^>]*>.*?</svg>Follow-ups due')

"""network/urlcache.py and the `{% url %}` builtin give the text `reverse()` gives."""

from django.template import Context, Template
from django.test import SimpleTestCase
from django.urls import get_resolver, reverse, set_script_prefix
from django.urls.exceptions import NoReverseMatch

from hundred.network.urlcache import fast_reverse


def _names_and_arg_counts():
    """Every URL name of the project with each number of positional arguments it takes."""
    resolver = get_resolver()
    for name, possibilities in resolver.reverse_dict.lists():
        if not isinstance(name, str):
            continue
        for possibility, _pattern, _defaults, _converters in possibilities:
            for _text, params in possibility:
                yield name, len(params)


class FastReverseTestCase(SimpleTestCase):
    def test_every_url_name_reverses_to_the_same_text(self):
        seen = 0
        for name, count in set(_names_and_arg_counts()):
            for values in ([0] * count, [1] * count, [42, 7, 3, 9][:count], [10**12] * count):
                try:
                    expected = reverse(name, args=values)
                except NoReverseMatch:
                    with self.assertRaises(NoReverseMatch):
                        fast_reverse(name, values)
                    continue
                self.assertEqual(fast_reverse(name, values), expected, (name, values))
                seen += 1
        self.assertGreater(seen, 100)

    def test_other_arguments_go_to_reverse(self):
        self.assertEqual(
            fast_reverse("network-person", ["12"]), reverse("network-person", args=["12"])
        )
        with self.assertRaises(NoReverseMatch):
            fast_reverse("network-person", [-1])
        with self.assertRaises(NoReverseMatch):
            fast_reverse("network-person", [])
        with self.assertRaises(NoReverseMatch):
            fast_reverse("no-such-name", [1])

    def test_the_script_prefix_is_kept_apart(self):
        plain = fast_reverse("network-person", [5])
        try:
            set_script_prefix("/hundred/")
            self.assertEqual(fast_reverse("network-person", [5]), "/hundred/people/5/")
        finally:
            set_script_prefix("/")
        self.assertEqual(fast_reverse("network-person", [5]), plain)

    def test_the_url_tag_renders_as_djangos(self):
        text = Template(
            "{% url 'network-person' pk %}|{% url 'network-today' %}|"
            "{% url 'network-person' pk as there %}{{ there }}|{% url 'network-person' pk=pk %}"
        ).render(Context({"pk": 7}))
        person = reverse("network-person", args=[7])
        self.assertEqual(text, f"{person}|{reverse('network-today')}|{person}|{person}")

"""`{% url %}` through network/urlcache.py: the same tag, the same text, fewer `reverse()`s.

Installed as a template builtin (settings.TEMPLATES), after Django's own, so every template's
`{% url %}` is this one without loading anything.
"""

from __future__ import annotations

from django import template
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape

from hundred.network.urlcache import fast_reverse

register = template.Library()


class FastURLNode(URLNode):
    def render(self, context):
        name = self.view_name.resolve(context)
        if self.kwargs or ":" in name:  # namespaces want the current app: Django's own
            return super().render(context)
        args = [arg.resolve(context) for arg in self.args]
        url = ""
        try:
            url = fast_reverse(name, args)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    """Django's `{% url %}` (same syntax), with integer arguments cached per URL name."""
    node = django_url(parser, token)
    return FastURLNode(node.view_name, node.args, node.kwargs, node.asvar)

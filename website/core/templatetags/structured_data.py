"""schema.org JSON-LD for pages that describe an event or an organisation
(templates/components/jsonld.html).

An object publishes its structured data with a method
``structured_data(context)`` that returns a dict (or None) in the active
language; this library only renders it. The JSON is escaped like Django's
``json_script``: ``<``, ``>`` and ``&`` become ``\\u003C`` etc., so no text
can close the script element (``</script>``) or open a comment."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes, format_html
from django.utils.safestring import mark_safe

register = template.Library()


def jsonld_script(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_json_script_escapes)),
    )


@register.simple_tag(takes_context=True)
def structured_data(context, obj):
    method = getattr(obj, "structured_data", None)
    data = method(context) if method else None
    return jsonld_script(data) if data else ""

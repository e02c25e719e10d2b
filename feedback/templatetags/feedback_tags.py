from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from website.core.antispam import HONEYPOT_FIELD, TIMESTAMP_FIELD, started_token

register = template.Library()


@register.simple_tag
def widget_spam_fields():
    """The honeypot and the signed time stamp of the page widget, rendered
    without a form instance (and without any database query)."""
    return format_html(
        '<div class="hp-field" aria-hidden="true"><label for="page-widget-hp">{}'
        '</label><input type="text" id="page-widget-hp" name="{}" autocomplete="off"'
        ' tabindex="-1"></div><input type="hidden" name="{}" value="{}">',
        _("Leave this field empty"),
        HONEYPOT_FIELD,
        TIMESTAMP_FIELD,
        started_token(),
    )

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from website.core.antispam import HONEYPOT_FIELD, TIMESTAMP_FIELD

from ..forms import widget_token

register = template.Library()


@register.simple_tag
def widget_spam_fields(page=None):
    """The honeypot and the page widget's single-use token for this page,
    rendered without a form instance (and without any database query). On a
    page from the page cache the token is the first render's, so
    static/js/page-widget.js fetches a fresh one (views.widget_token)."""
    return format_html(
        '<div class="hp-field" aria-hidden="true"><label for="page-widget-hp">{}'
        '</label><input type="text" id="page-widget-hp" name="{}" autocomplete="off"'
        ' tabindex="-1"></div><input type="hidden" name="{}" value="{}">',
        _("Leave this field empty"),
        HONEYPOT_FIELD,
        TIMESTAMP_FIELD,
        widget_token(getattr(page, "pk", None)),
    )

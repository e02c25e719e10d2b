from django import template
from django.utils import translation

from website.core import privacy

register = template.Library()


def notice_page(key, language=None):
    """The live privacy notice page of register `key` in `language`."""
    from ..models import PrivacyNoticePage

    return (
        PrivacyNoticePage.objects.live()
        .filter(
            register=key, locale__language_code=language or translation.get_language()
        )
        .order_by("path")
        .first()
    )


@register.inclusion_tag("statutory/privacy_notice_link.html", takes_context=True)
def privacy_notice_link(context, key, target=""):
    """`{% privacy_notice_link "workshops" %}`: the link to the notice of the
    register a form collects data for, put next to its submit button."""
    privacy.get_notice(key)  # an unknown key fails loudly
    page = notice_page(key)
    return {
        "url": page.get_url(context.get("request")) if page else "",
        "title": page.title if page else "",
        "target": target,
    }

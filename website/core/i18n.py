"""Small helpers for bilingual (fi/sv) content that is not a Wagtail page."""

from django.conf import settings
from django.utils.translation import get_language


def active_language():
    """The active content language, falling back to the site default."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def localized(obj, field, language=None):
    """Return ``obj.<field>_<language>``, or the Finnish value if that is empty.

    Used for reference data kept as paired fi/sv columns (municipalities,
    indicators), which has no drafts or workflow of its own.
    """
    language = language or active_language()
    value = getattr(obj, f"{field}_{language}", "")
    return value or getattr(obj, f"{field}_{settings.LANGUAGE_CODE}", "")
